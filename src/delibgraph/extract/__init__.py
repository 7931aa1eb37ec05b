"""Text out of a source file: ``extract(path) -> ExtractedText``.

One module per format (:mod:`.plaintext`, :mod:`.pdf`); this module picks the reader by file
extension. Every failure is an :class:`~delibgraph.errors.ExtractError` naming the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from delibgraph.errors import ExtractError
from delibgraph.extract.model import ExtractedText
from delibgraph.extract.pdf import read_pdf
from delibgraph.extract.plaintext import read_text

__all__ = ["SUPPORTED_SUFFIXES", "ExtractedText", "extract"]

_READERS: dict[str, Callable[[bytes, str], ExtractedText]] = {
    ".txt": read_text,
    ".pdf": read_pdf,
}
SUPPORTED_SUFFIXES = frozenset(_READERS)


def extract(path: Path) -> ExtractedText:
    """Read ``path`` and return its text; raise :class:`ExtractError` when that is impossible.

    The extension decides the reader (``.txt`` or ``.pdf``, case-insensitive); the SHA-256 is
    computed on the file's bytes as read.
    """
    name = str(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise ExtractError(
            f"unsupported file type {path.suffix or '(none)'!r}; expected one of {supported}",
            source=name,
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"cannot read file: {exc.strerror or exc}", source=name) from exc
    return reader(data, name)
