"""The result of extraction: a file's text, its checksum and how it was read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

MEDIA_TYPE_TEXT = "text/plain"
MEDIA_TYPE_PDF = "application/pdf"


@dataclass(frozen=True, slots=True)
class ExtractedText:
    """Text taken from one source file.

    ``sha256`` is the hex digest of the file's bytes (not of the text). ``encoding`` says how a
    ``.txt`` file was decoded ("utf-8", "utf-8-sig", "cp1252" or "latin-1"); it is None for PDF.
    Line ends are always ``"\\n"``.
    """

    path: str
    text: str
    sha256: str
    media_type: str
    encoding: str | None = None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
