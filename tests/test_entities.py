"""Money amounts by rule; organisations and places by spaCy on the body text only."""

from __future__ import annotations

from decimal import Decimal

import pytest

from delibgraph.model import Source
from delibgraph.parse import parse_text
from delibgraph.parse.entities import clean_entity, find_amounts, find_named, load_model
from delibgraph.parse.normalize import Document, OffsetText


def _body(text: str) -> tuple[Document, OffsetText]:
    doc = Document.of(text)
    body = OffsetText()
    body.add(doc, 0, len(text))
    return doc, body


@pytest.mark.parametrize(
    ("text", "value", "printed"),
    [
        ("une subvention de 5 000 € a été", Decimal("5000"), "5 000 €"),
        ("estimés à 10 000 euros et", Decimal("10000"), "10 000 euros"),
        ("un programme de 1,5 M€ en", Decimal("1500000"), "1,5 M€"),
        ("soit 2 millions d’euros", Decimal("2000000"), "2 millions d’euros"),
        ("au prix de 3,40 € par repas", Decimal("3.40"), "3,40 €"),
        ("un total de 1.234.567 EUR", Decimal("1234567"), "1.234.567 EUR"),
        ("de 48\u00a0000\u00a0€ HT", Decimal("48000"), "48 000 €"),
        ("de 150 k€", Decimal("150000"), "150 k€"),
    ],
)
def test_amounts(text: str, value: Decimal, printed: str) -> None:
    doc, body = _body(text)
    [found] = find_amounts(body)
    assert (found.value.value, found.value.currency, found.value.text) == (value, "EUR", printed)
    assert " ".join(doc.text[found.start : found.end].split()) == printed


@pytest.mark.parametrize("text", ["en 100 % distanciel", "le 15/04/2021", "article 6574", "2023"])
def test_not_amounts(text: str) -> None:
    assert find_amounts(_body(text)[1]) == ()


def test_amounts_are_listed_once_in_order() -> None:
    _, body = _body("5 000 € puis 10 000 € puis encore 5 000 €")
    assert [a.value.text for a in find_amounts(body)] == ["5 000 €", "10 000 €"]


def test_amount_broken_across_lines_maps_back() -> None:
    doc, body = _body("une aide de 12\n500 € accordée")
    [found] = find_amounts(body)
    assert found.value.text == "12 500 €"
    assert doc.text[found.start : found.end] == "12\n500 €"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("l’Agence Nationale de la Cohésion des Territoires", "Agence Nationale de la Cohésion des "
         "Territoires"),
        ("Programme Société Numérique de l'", "Programme Société Numérique"),
        ("Agence Nationale de la Cohésion des Territoires contractualise",
         "Agence Nationale de la Cohésion des Territoires"),
        ("« Région Occitanie »", "Région Occitanie"),
        ("Syndicat intercommunal des eaux", "Syndicat intercommunal des eaux"),
        ("c’", None),
        ("X", None),
        ("Monsieur", None),
        ("open data", None),
    ],
)  # fmt: skip
def test_clean_entity(raw: str, clean: str | None) -> None:
    assert clean_entity(raw) == clean


@pytest.mark.slow
def test_model_is_loaded_once_with_only_ner() -> None:
    nlp = load_model()
    assert load_model() is nlp
    assert nlp.pipe_names == ["ner"]


@pytest.mark.slow
def test_entities_come_from_the_body_only() -> None:
    text = (
        "Délibération n° 7\n\nObjet : Convention avec la Région\n\n"
        "Présents : Jean PARIS, Anne TOULOUSE\n\n"
        "Madame Anne TOULOUSE, Adjointe, rapporte :\n\n"
        "La Caisse d'allocations familiales de l'Hérault et la Région Occitanie financent le "
        "centre social de Lunel à hauteur de 20 000 €.\n\n"
        "Il est proposé au Conseil municipal :\n\n- d'approuver la convention.\n\n"
        "Adopté à l'unanimité.\n"
    )
    [d] = parse_text(text, Source(path="t.txt", sha256="0" * 64))
    named = set(d.entities.organizations) | set(d.entities.places)
    assert named and not any("PARIS" in n or "TOULOUSE" in n for n in named)
    for index in range(len(d.entities.organizations)):
        span = d.spans[f"entities.organizations[{index}]"]
        assert "rapporte" not in text[span.start : span.end]
        assert span.start > text.index("rapporte :")
    assert [a.text for a in d.entities.amounts] == ["20 000 €"]


@pytest.mark.slow
def test_find_named_batches() -> None:
    bodies = [_body(t)[1] for t in ("La Région Occitanie finance.", "Rien ici.", "")]
    results = find_named(bodies)
    assert len(results) == 3
    assert all(set(r) == {"organizations", "places"} for r in results)
