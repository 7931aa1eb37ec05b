"""Extraction of text from .txt (UTF-8, Latin-1, CP1252) and .pdf files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fpdf import FPDF

from delibgraph.errors import ExtractError
from delibgraph.extract import ExtractedText, extract

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FRENCH = "Délibération n° 2023-014 — L’an deux mille vingt-trois : 5 000 € « œuvre »"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _pdf(pages: list[str]) -> bytes:
    """A PDF with one page per text, in DejaVu when installed (else ASCII in Helvetica)."""
    pdf = FPDF()
    if DEJAVU.is_file():
        pdf.add_font("DejaVu", fname=str(DEJAVU))
        pdf.set_font("DejaVu", size=11)
    else:
        pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def test_utf8_text(tmp_path: Path) -> None:
    data = (FRENCH + "\r\nligne 2\n").encode("utf-8")
    result = extract(_write(tmp_path, "a.txt", data))
    assert isinstance(result, ExtractedText)
    assert result.text == FRENCH + "\nligne 2\n"
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert result.media_type == "text/plain"
    assert result.encoding == "utf-8"
    assert result.path == str(tmp_path / "a.txt")


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    result = extract(_write(tmp_path, "a.txt", b"\xef\xbb\xbf" + FRENCH.encode("utf-8")))
    assert result.text == FRENCH
    assert result.encoding == "utf-8-sig"


def test_latin1_text(tmp_path: Path) -> None:
    text = "Séance extraordinaire du 6 février 2024 à la mairie ; Présents : Élise VIDAL"
    result = extract(_write(tmp_path, "a.TXT", text.encode("latin-1")))
    assert result.text == text
    assert result.encoding == "latin-1"


def test_cp1252_text(tmp_path: Path) -> None:
    text = "L’an deux mille vingt et un – 5 000 € – œuvre"
    result = extract(_write(tmp_path, "a.txt", text.encode("cp1252")))
    assert result.text == text
    assert result.encoding == "cp1252"


def test_binary_txt_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="binary") as info:
        extract(_write(tmp_path, "b.txt", b"\x00\x01\x02PK\x03\x04"))
    assert info.value.source == str(tmp_path / "b.txt")


def test_pdf_pages_are_joined(tmp_path: Path) -> None:
    first = FRENCH if DEJAVU.is_file() else "Deliberation no 2023-014"
    path = _write(
        tmp_path,
        "a.pdf",
        _pdf([first, "Page deux : Présents : Jean DUPONT" if DEJAVU.is_file() else "Page two"]),
    )
    result = extract(path)
    assert result.media_type == "application/pdf"
    assert result.encoding is None
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    first_page, second_page = result.text.split("\n", 1)
    assert first_page == first
    assert second_page.startswith("Page")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100, style="F")  # a "scan": drawing, no text
    path = _write(tmp_path, "scan.pdf", bytes(pdf.output()))
    with pytest.raises(ExtractError, match="no text layer") as info:
        extract(path)
    assert info.value.source == str(path)
    assert "scan.pdf" in str(info.value)


def test_garbage_pdf(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.pdf", b"%PDF-1.4\n\x00\x01garbage bytes\x02" * 3)
    with pytest.raises(ExtractError, match="unreadable PDF") as info:
        extract(path)
    assert "broken.pdf" in str(info.value)


def test_pdf_without_header(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="not a PDF"):
        extract(_write(tmp_path, "fake.pdf", b"just some text"))


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"unsupported file type '\.docx'"):
        extract(_write(tmp_path, "a.docx", b"PK"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="cannot read") as info:
        extract(tmp_path / "absent.txt")
    assert info.value.exit_code == 1


def test_a_scanned_pdf_is_a_clear_error_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through the parser and the command line: one line on stderr naming the file, exit 1."""
    from delibgraph import cli
    from delibgraph.parse import parse_file

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 150, 200, style="F")  # a page with a drawing and no text: a scan
    path = _write(tmp_path, "registre-scanne.pdf", bytes(pdf.output()))
    with pytest.raises(ExtractError, match="no text layer"):
        parse_file(path, ner=False)
    assert cli.main(["parse", str(path), "--no-ner"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("delibgraph: ") and "registre-scanne.pdf" in err
    assert "OCR" in err and len(err.splitlines()) == 1
