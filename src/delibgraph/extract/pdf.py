"""PDF files with a text layer, read with pypdf; pages joined with ``"\\n"``.

A PDF whose pages carry no text (a scan) or that pypdf cannot read (corrupt, encrypted with a
password) raises :class:`ExtractError` with the reason. Typographic ligatures (ﬁ, ﬂ …) that
some producers emit are expanded, so that words match.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader

from delibgraph.errors import ExtractError
from delibgraph.extract.model import MEDIA_TYPE_PDF, ExtractedText, sha256_hex
from delibgraph.extract.plaintext import normalize_newlines

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)


def _pages_text(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted with a password")
    return [page.extract_text() or "" for page in reader.pages]


def read_pdf(data: bytes, path: str) -> ExtractedText:
    """Extract the text layer of a PDF's pages."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ExtractError("not a PDF file (no %PDF header)", source=path)
    pypdf_logger = logging.getLogger("pypdf")
    previous_level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)  # pypdf warns loudly about repairable defects
    try:
        pages = _pages_text(data)
    except Exception as exc:  # pypdf raises many unrelated types on corrupt input
        raise ExtractError(f"unreadable PDF: {exc}", source=path) from exc
    finally:
        pypdf_logger.setLevel(previous_level)
    if not pages:
        raise ExtractError("the PDF has no pages", source=path)
    text = normalize_newlines("\n".join(pages)).translate(_LIGATURES)
    if not text.strip():
        raise ExtractError(
            f"no text layer in {len(pages)} page(s) (a scanned PDF needs OCR first)",
            source=path,
        )
    return ExtractedText(path=path, text=text, sha256=sha256_hex(data), media_type=MEDIA_TYPE_PDF)
