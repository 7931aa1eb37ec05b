"""Every deliberation of the bundled example corpus parses fully and adds up."""

from __future__ import annotations

from pathlib import Path

import pytest

from delibgraph.model import Deliberation
from delibgraph.parse import parse_file
from delibgraph.resources import resource_dir

EXAMPLES = sorted(resource_dir("examples").glob("*.txt"))


def _parse(path: Path) -> Deliberation:
    found = parse_file(path, ner=False)
    assert len(found) == 1
    return found[0]


def test_examples_exist() -> None:
    assert len(EXAMPLES) >= 6


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_parses_fully(path: Path) -> None:
    d = _parse(path)
    for value in (d.number, d.authority.name, d.authority.siren, d.body, d.session.date,
                  d.session.kind, d.session.mode, d.session.president, d.members_in_office,
                  d.theme, d.title, d.rapporteur.name, d.rapporteur.role, d.reasoning,
                  d.vote.outcome, d.signed.place, d.signed.date, d.published,
                  d.prefecture.received, d.prefecture.actes_id):  # fmt: skip
        assert value is not None
    assert d.present and d.decisions
    assert d.prefecture.actes_id is not None
    assert d.prefecture.actes_id.decision_date == d.session.date
    assert d.number is not None and d.number.replace("-", "") in d.prefecture.actes_id.value
    assert d.session.mode in ("in_person", "videoconference")
    assert (d.session.place is None) == (d.session.mode == "videoconference")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_counts_add_up(path: Path) -> None:
    d = _parse(path)
    assert len(d.present) + len(d.represented) + len(d.absent) == d.members_in_office
    vote = d.vote
    if vote.for_ is None:  # "prend acte": no vote is taken
        assert vote.outcome == "noted"
        assert (vote.against, vote.abstention, vote.not_voting) == (None, None, None)
        return
    counts = (vote.for_, vote.against, vote.abstention, vote.not_voting)
    assert None not in counts
    assert sum(c for c in counts if c is not None) == d.voters
    assert len(vote.against_names) in (0, vote.against)
    assert len(vote.abstention_names) in (0, vote.abstention)
    assert len(vote.not_voting_names) in (0, vote.not_voting)
    members = set(d.present) | {r.name for r in d.represented}
    for name in (*vote.against_names, *vote.abstention_names, *vote.not_voting_names):
        assert name in members
    assert vote.unanimous == (vote.against == 0 and vote.abstention == 0)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_proxies_name_present_holders(path: Path) -> None:
    d = _parse(path)
    assert d.represented
    for member in d.represented:
        assert member.proxy_holder in d.present


def test_corpus_facts() -> None:
    """What the corpus README states: séances, proxies, absences, votes."""
    by_number = {d.number: d for d in map(_parse, EXAMPLES)}
    first = by_number["2023-014"]
    assert [(r.name, r.proxy_holder) for r in first.represented] == [
        ("Paul GIRARD", "Hélène MARCHAND"),
        ("Sophie LEROY", "Marc DUBOIS"),
    ]
    assert [(a.name, a.excused) for a in first.absent] == [("Nadia BENALI", None)]
    assert first.vote.method == "show_of_hands"
    assert first.vote.against_names == ("Julien FAURE", "Claire MOREAU")
    assert first.vote.abstention_names == ("Karim HADDAD",)
    assert by_number["2023-015"].vote.not_voting_names == ("Élise VIDAL",)
    assert [(a.name, a.excused) for a in by_number["2023-031"].absent] == [("Lucie PERRIN", True)]
    february = by_number["2024-003"]
    assert february.session.kind == "extraordinaire"
    assert february.session.mode == "videoconference"
    assert [(a.name, a.excused) for a in february.absent] == [("Thomas MARTIN GARCIA", False)]
    assert len(february.represented) == 3
    assert february.vote.outcome == "noted"
    assert by_number["2024-004"].vote.against_names == ("Claire MOREAU", "Julien FAURE")
    assert {d.session.place for d in by_number.values() if d.session.place} == {
        "salle du Conseil de la mairie"
    }
