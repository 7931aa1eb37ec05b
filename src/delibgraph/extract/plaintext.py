"""Plain-text files: UTF-8 (with or without BOM), else Windows-1252 / Latin-1.

A file that is not valid UTF-8 is decoded as CP1252 when it uses that code page's extra
characters (bytes 0x80–0x9F: curly quotes, "€", "œ"), otherwise as Latin-1; the two agree on
every other byte. Line ends become ``"\\n"``.
"""

from __future__ import annotations

import codecs
import re

from delibgraph.errors import ExtractError
from delibgraph.extract.model import MEDIA_TYPE_TEXT, ExtractedText, sha256_hex

_CP1252_RANGE = re.compile(rb"[\x80-\x9f]")
# Control bytes that never occur in a text file (NUL and friends; tab, LF, FF, CR are fine).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding used)``."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _CP1252_RANGE.search(data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass  # bytes undefined in CP1252 (0x81, 0x8D …): Latin-1 maps every byte
    return data.decode("latin-1"), "latin-1"


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes, path: str) -> ExtractedText:
    """Decode a ``.txt`` file's bytes; binary content raises :class:`ExtractError`."""
    if _BINARY_BYTES.search(data[:65536]):
        raise ExtractError("not a text file: it contains binary control bytes", source=path)
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError as exc:
        raise ExtractError(f"invalid UTF-8 after a UTF-8 BOM: {exc.reason}", source=path) from exc
    return ExtractedText(
        path=path,
        text=normalize_newlines(text),
        sha256=sha256_hex(data),
        media_type=MEDIA_TYPE_TEXT,
        encoding=encoding,
    )
