"""The seed register parses exactly: every field, its spans, and the golden JSON."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF

from delibgraph.model import Deliberation
from delibgraph.parse import parse_file

GOLDEN = Path(__file__).parent / "golden" / "parse" / "montpellier-metropole-M2021-162.json"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Deliberation:
    found = parse_file(seed_path, ner=False)
    assert len(found) == 1
    return found[0]


@pytest.fixture(scope="module")
def seed_with_entities(seed_path: Path) -> Deliberation:
    return parse_file(seed_path)[0]


def test_header(seed: Deliberation) -> None:
    assert seed.number == "M2021-162"
    assert seed.authority.name == "Montpellier Méditerranée Métropole"
    assert seed.authority.siren == "243400017"
    assert seed.body == "Conseil de Métropole"
    assert seed.session.date == dt.date(2021, 3, 29)
    assert seed.session.kind == "ordinaire"
    assert seed.session.mode == "videoconference"
    assert seed.session.place is None
    assert seed.session.president == "Michaël DELAFOSSE"
    assert seed.members_in_office == 92
    assert seed.theme == "Attractivité"


def test_attendance(seed: Deliberation) -> None:
    assert len(seed.present) == 75
    assert seed.present[:3] == ("Tasnime AKBARALY", "Michel ASLANIAN", "Christian ASSAF")
    assert "Yves BARRAL" in seed.present  # broken across lines
    assert seed.present[-3:] == ("Claudine VASSAS MEJRI", "Joël VERA", "Patricia WEBER")
    assert len(seed.represented) == 12
    assert seed.represented[0].name == "Mohed ALTRAD"
    assert seed.represented[-1].name == "Isabelle TOUZARD"
    assert all(r.proxy_holder is None for r in seed.represented)
    assert [a.name for a in seed.absent] == [
        "Alenka DOULAIN", "Abdi EL KANDOUSSI", "Clothilde OLLIER", "Philippe SAUREL",
        "Bernard TRAVIER",
    ]  # fmt: skip
    assert all(a.excused is None for a in seed.absent)
    assert len(seed.present) + len(seed.represented) + len(seed.absent) == seed.members_in_office


def test_body(seed: Deliberation) -> None:
    assert seed.title == (
        "Attractivité - Cité intelligente - Stratégie de citoyenneté numérique - Organisation "
        "Numérique en commun[s] (NEC) : faire ensemble la société numérique de demain - "
        "Convention avec l'Agence Nationale de la Cohésion des Territoires - "
        "Autorisation de signature"
    )
    assert seed.rapporteur.name == "Hind EMAD"
    assert seed.rapporteur.role == "Vice-Présidente"
    assert seed.reasoning is not None
    assert seed.reasoning.startswith("Soucieux de favoriser la cohésion sociale, Montpellier")
    assert seed.reasoning.endswith("pour ce soutien financier de l'Etat.")
    assert "En conséquence" not in seed.reasoning
    assert len(seed.reasoning.split("\n\n")) == 10  # paragraphs as printed
    assert seed.decisions == (
        "d’approuver l’organisation du NEC Montpellier, soutenu par l’ANCT",
        "d’approuver la convention de subventionnement avec l’Agence Nationale de la Cohésion "
        "des Territoires (ANCT)",
        "de dire que les crédits sont inscrits au budget de Montpellier Méditerranée Métropole",
        "d’autoriser Monsieur le Président de Montpellier Méditerranée Métropole, ou son "
        "représentant, à signer la convention de subventionnement avec l’Agence Nationale de la "
        "Cohésion des Territoires (ANCT) ainsi que tout document relatif à cette affaire",
    )


def test_vote(seed: Deliberation) -> None:
    vote = seed.vote
    assert (vote.method, vote.outcome, vote.unanimous) == ("electronic", "adopted", True)
    assert (vote.for_, vote.against, vote.abstention, vote.not_voting) == (87, 0, 0, 0)
    assert vote.against_names == vote.abstention_names == vote.not_voting_names == ()
    assert vote.for_ == seed.voters


def test_closing(seed: Deliberation) -> None:
    assert seed.signed.place == "Montpellier"
    assert seed.signed.date == dt.date(2021, 4, 15)
    assert seed.published == dt.date(2021, 4, 15)
    assert seed.prefecture.received == dt.date(2021, 4, 15)
    actes = seed.prefecture.actes_id
    assert actes is not None
    assert actes.value == "034-243400017-20210329-156275-DE-1-1"
    assert (actes.department, actes.siren, actes.nature) == ("034", "243400017", "DE")
    assert actes.decision_date == seed.session.date
    assert seed.annexes == ("convention NEC",)


def test_amounts_without_ner(seed: Deliberation) -> None:
    amounts = seed.entities.amounts
    assert [(a.value, a.currency, a.text) for a in amounts] == [
        (Decimal("5000"), "EUR", "5 000 €"),
        (Decimal("10000"), "EUR", "10 000 €"),
    ]
    assert seed.entities.organizations == () and seed.entities.places == ()


@pytest.mark.slow
def test_entities(seed_with_entities: Deliberation) -> None:
    entities = seed_with_entities.entities
    assert {"ANCT", "Agence Nationale de la Cohésion des Territoires"} <= set(
        entities.organizations
    )
    for name in (*entities.organizations, *entities.places):
        assert len(name) > 1 and name == name.strip()
    assert len(set(entities.organizations)) == len(entities.organizations)
    assert not any(n in entities.organizations for n in seed_with_entities.present)
    assert [a.text for a in entities.amounts] == ["5 000 €", "10 000 €"]


def test_spans_point_at_their_values(seed: Deliberation, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for key in (
        "number", "authority", "body", "session", "session.date", "session.kind",
        "session.mode", "session.president", "members_in_office", "present", "represented",
        "absent", "theme", "title", "rapporteur", "rapporteur.name", "rapporteur.role",
        "reasoning", "decisions", "vote", "vote.method", "vote.outcome", "vote.unanimous",
        "vote.for", "vote.against", "vote.abstention", "vote.not_voting", "signed",
        "signed.place", "signed.date", "published", "prefecture", "prefecture.received",
        "prefecture.actes_id", "annexes", "entities.amounts[0]",
    ):  # fmt: skip
        assert key in seed.spans, key
    for key, span in seed.spans.items():
        excerpt = text[span.start : span.end]
        assert excerpt and excerpt == excerpt.strip(), key
        assert excerpt.split("\n")[0] in lines[span.line - 1], key
    assert text[seed.spans["number"].start : seed.spans["number"].end] == "M2021-162"
    assert seed.spans["number"].line == 2
    assert seed.spans["members_in_office"].line == 17
    for index, name in enumerate(seed.present):
        span = seed.spans[f"present[{index}]"]
        assert " ".join(text[span.start : span.end].split()) == name
    for index in range(len(seed.represented)):
        assert f"represented[{index}]" in seed.spans
    for index in range(len(seed.absent)):
        assert f"absent[{index}]" in seed.spans
    for index in range(len(seed.decisions)):
        assert f"decisions[{index}]" in seed.spans
    assert text[seed.spans["vote.for"].start : seed.spans["vote.for"].end] == "87"


def _comparable(deliberation: Deliberation) -> dict[str, Any]:
    data = deliberation.to_json()
    data["source"].pop("path")
    return data


@pytest.mark.slow
def test_golden_json(seed_with_entities: Deliberation, update_golden: bool) -> None:
    actual = [_comparable(seed_with_entities)]
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        stored = [dict(actual[0], source={"path": GOLDEN.stem + ".txt", **actual[0]["source"]})]
        GOLDEN.write_text(json.dumps(stored, ensure_ascii=False, indent=2) + "\n", "utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for item in expected:
        item["source"].pop("path")
    assert actual == expected


def test_json_round_trip(seed: Deliberation) -> None:
    assert Deliberation.from_json(seed.to_json()) == seed


@pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVu font not installed")
def test_seed_rendered_as_pdf_parses_the_same(
    seed: Deliberation, seed_path: Path, tmp_path: Path
) -> None:
    """A PDF of the seed (its layout lost: no blank lines, new wraps) reads the same facts."""
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.set_font("DejaVu", size=9)
    pdf.multi_cell(0, 4, seed_path.read_text(encoding="utf-8").replace("\uf0b7", "•"))
    path = tmp_path / "seed.pdf"
    path.write_bytes(bytes(pdf.output()))
    [from_pdf] = parse_file(path, ner=False)
    for field in ("number", "authority", "body", "session", "members_in_office", "present",
                  "represented", "absent", "theme", "title", "rapporteur", "decisions", "vote",
                  "signed", "published", "prefecture", "annexes"):  # fmt: skip
        assert getattr(from_pdf, field) == getattr(seed, field), field
    assert from_pdf.source.sha256 != seed.source.sha256
