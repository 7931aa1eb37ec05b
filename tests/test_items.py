"""Item headings: where each deliberation of a text starts."""

from __future__ import annotations

import pytest

from delibgraph.parse.items import plan_document
from delibgraph.parse.normalize import Document


def _plan(text: str) -> list[tuple[int, str | None, str | None]]:
    doc = Document.of(text)
    plan = plan_document(doc)
    return [
        (
            item.rank,
            item.number,
            doc.text[item.title_start : doc.line_end(item.title_start)]
            if item.title_start is not None
            else None,
        )
        for item in plan.items
    ]


BODY = "\n\nLe Conseil municipal, après en avoir délibéré :\n- approuve.\n\nAdoptée.\n\n"


@pytest.mark.parametrize(
    ("heading", "rank", "number", "title"),
    [
        ("Point 3 – Délibération n° 2022-103 – Personnel – Effectifs", 3, "2022-103",
         "Personnel – Effectifs"),
        ("2. Délibération n° CC-2023-102 – Désignation", 2, "CC-2023-102", "Désignation"),
        ("Délibération n° 2023-004 : Cession d’un terrain", 1, "2023-004",
         "Cession d’un terrain"),
        ("Décision n° B-2023-012", 1, "B-2023-012", None),
        ("DÉLIBÉRATION N°2024/07 - TARIFS", 1, "2024/07", "TARIFS"),
    ],
)  # fmt: skip
def test_heading_forms(heading: str, rank: int, number: str, title: str | None) -> None:
    found = _plan(f"{heading}{BODY}Délibération n° 9999-1 – Autre{BODY}")
    assert found[0] == (rank, number, title)
    assert found[1][1] == "9999-1"


def test_one_heading_is_one_item_over_the_whole_text() -> None:
    text = "COMMUNE DE X\n\nDélibération n° 2023-004 : Cession\n\nPrésents : A B" + BODY
    doc = Document.of(text)
    plan = plan_document(doc)
    assert len(plan.items) == 1 and plan.preamble is None
    assert (plan.items[0].start, plan.items[0].end) == (0, len(text))
    assert doc.text[plan.items[0].title_start or 0 :].startswith("Cession")


def test_a_link_above_the_document_is_no_heading() -> None:
    text = "Délibération n°2023-020 (PDF - 96 ko)\nImprimer\n\nDélibération n°2023-020\n" + BODY
    assert [n for _, n, _ in _plan(text)] == [None]  # one item: the whole text


def test_an_agenda_does_not_take_the_items() -> None:
    text = (
        "Ordre du jour :\nDélibération n° 2023-12 – Compte administratif\n"
        "Délibération n° 2023-13 – Taux\n\n"
        f"Délibération n° 2023-12 – Compte administratif{BODY}"
        f"Délibération n° 2023-13 – Taux{BODY}"
    )
    doc = Document.of(text)
    plan = plan_document(doc)
    assert [item.number for item in plan.items] == ["2023-12", "2023-13"]
    assert plan.preamble is not None and "Ordre du jour" in doc.text[slice(*plan.preamble)]
    assert all("après en avoir délibéré" in doc.text[i.start : i.end] for i in plan.items)


def test_a_running_header_keeps_the_first_heading() -> None:
    text = f"Délibération n° 7{BODY}Délibération n° 7\nsuite du texte\nDélibération n° 8{BODY}"
    assert [n for _, n, _ in _plan(text)] == ["7", "8"]
