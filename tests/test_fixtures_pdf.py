"""The PDF path on real PDFs: the fixtures the manifest marks ``pdf`` are rendered with fpdf2
(core font, one text line per PDF line), extracted with pypdf and parsed; the parse must equal
the golden JSON as the scorer compares it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fpdf import FPDF

from delibgraph.evaluate import evaluate_documents, load_expected
from delibgraph.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
_PDF_ROW = re.compile(r"^\| `(?P<file>[^`]+\.txt)` \|[^|]*\| yes \|", re.MULTILINE)


def _pdf_subset() -> list[Path]:
    manifest = (FIXTURES / "MANIFEST.md").read_text(encoding="utf-8")
    return [FIXTURES / m["file"] for m in _PDF_ROW.finditer(manifest)]


def render_pdf(text: str, target: Path) -> Path:
    """Write ``text`` as a PDF, one line of text per line of the page (pages break as needed)."""
    pdf = FPDF(format="A4")
    pdf.set_margins(10, 10, 10)
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("Courier", size=9)
    for line in text.split("\n"):
        pdf.cell(0, 4.2, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(target))
    return target


def test_the_manifest_marks_a_pdf_subset() -> None:
    subset = _pdf_subset()
    assert len(subset) >= 8
    assert all(path.is_file() for path in subset)


@pytest.mark.parametrize("source", _pdf_subset(), ids=lambda p: p.stem)
def test_fixture_parses_the_same_from_its_pdf(source: Path, tmp_path: Path) -> None:
    text = source.read_text(encoding="utf-8")
    text.encode("latin-1")  # the core fonts of fpdf2 write Latin-1 only
    pdf = render_pdf(text, tmp_path / f"{source.stem}.pdf")
    expected = load_expected(source.with_name(source.stem + ".expected.json"))
    report = evaluate_documents([(pdf.name, expected, parse_file(pdf, ner=False))])
    assert report.differences == (), report.to_text()
    assert report.overall.f1 == 1.0
