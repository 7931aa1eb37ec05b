"""The parse report: the deliberations of a text and what the parser could not settle."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from delibgraph.model import Source
from delibgraph.parse import ParseWarning, parse_file_report, parse_report, parse_text

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE = Source(path="cut.txt", sha256="0" * 64)


@pytest.mark.parametrize(
    "name",
    ["mirandol-2023-009-truncated", "sainte-colombe-2023-019-truncated",
     "lierne-metropole-M2023-017-page1"],
)  # fmt: skip
def test_a_text_cut_short_is_reported_with_what_it_misses(name: str) -> None:
    report = parse_file_report(FIXTURES / f"{name}.txt", ner=False)
    [warning] = report.warnings
    assert warning.deliberation == report.deliberations[0].number
    assert "stops short" in warning.message and "signature" in warning.message


def test_nothing_is_inferred_from_a_text_cut_short() -> None:
    [d] = parse_file_report(FIXTURES / "mirandol-2023-009-truncated.txt", ner=False).deliberations
    assert d.decisions  # what is there is read
    assert d.vote.outcome is None  # "après en avoir délibéré" alone does not say adopted


def test_complete_documents_give_no_warning() -> None:
    names = sorted(p for p in FIXTURES.glob("*.txt") if "truncated" not in p.name)
    for path in names:
        if "page1" in path.name:
            continue
        assert parse_file_report(path, ner=False).warnings == (), path.name


def test_an_actes_id_that_does_not_read_is_reported() -> None:
    text = (FIXTURES / "castelbrune-2022-093.txt").read_text(encoding="utf-8")
    assert "099-219990611-20221018-" in text
    broken = text.replace("099-219990611-20221018-", "099-219990611-20221318-", 1)
    report = parse_report(broken, SOURCE, ner=False)
    assert report.deliberations[0].prefecture.actes_id is None
    assert any("ACTES id" in w.message for w in report.warnings)


def test_parse_text_logs_the_warnings(caplog: pytest.LogCaptureFixture) -> None:
    text = (FIXTURES / "mirandol-2023-009-truncated.txt").read_text(encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="delibgraph.parse"):
        parse_text(text, SOURCE, ner=False)
    assert "cut.txt [2023-009]: the text stops short" in caplog.text


def test_warning_one_line() -> None:
    assert ParseWarning("a.txt", "12", "m").one_line() == "a.txt [12]: m"
    assert ParseWarning("a.txt", None, "m").one_line() == "a.txt: m"
