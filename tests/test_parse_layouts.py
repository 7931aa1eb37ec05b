"""Layouts beyond the seed: other bodies, places, proxies, absences, votes; robustness."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delibgraph.errors import DelibgraphError, ParseError
from delibgraph.model import Deliberation, Source
from delibgraph.parse import parse_text

SOURCE = Source(path="brassac-2022-045.txt", sha256="0" * 64)

PRESENT = "M. Jean DUPONT, Mme Anne MARTIN, M. Paul GIRARD, Mme Lucie PERRIN, M. Marc DUBOIS"


def register(
    *,
    seance: str = "Séance ordinaire du mardi 12 juillet 2022",
    opening: str = "L'an deux mille vingt-deux, le douze juillet",
    body: str = "Conseil municipal",
    where: str = "au lieu ordinaire de ses séances",
    members: int = 9,
    present: str = PRESENT,
    proxies: str = "Procurations : Mme Claire MOREAU (pouvoir à M. Jean DUPONT), M. Karim HADDAD "
    "donne pouvoir à Mme Anne MARTIN",
    absent: str = "Absents excusés : Mme Élise VIDAL, M. Julien FAURE",
    formula: str = "à l'unanimité",
    counts: str = "Pour : 7 voix\nContre : 0\nAbstention : 0",
) -> str:
    return f"""COMMUNE DE BRASSAC-LES-PINS

Délibération n° 2022-045

{seance}

{opening}, le {body} de la Commune de Brassac-les-Pins, dûment convoqué, s'est réuni
{where}, sous la présidence de Monsieur Jean DUPONT, Maire.

Nombre de membres en exercice : {members}

Présents : {present}

{proxies}

{absent}

Secrétaire de séance : Mme Lucie PERRIN

Objet : Voirie - Travaux de réfection du chemin des Crêtes
- Demande de subvention

Rapporteur : Mme Anne MARTIN, Adjointe aux finances

Les travaux de réfection du chemin des Crêtes sont estimés à 85 000 € HT. Le Département
de la Haute-Ourdenne peut apporter une aide de 1,5 M€ au programme départemental, dont
25 500 euros pour la commune, soit 30 % de la dépense.

Le {body}, après en avoir délibéré, {formula} :

- approuve le programme de travaux ;
- autorise le Maire à solliciter la subvention et à signer
tout document relatif à cette affaire.

{counts}

Fait à Brassac-les-Pins, le 18/07/2022

Publié le 19 juillet 2022
Reçu en préfecture le 19/07/2022
099-219990123-20220712-2022_045-DE
"""


def parse_one(text: str) -> Deliberation:
    found = parse_text(text, SOURCE, ner=False)
    assert len(found) == 1
    return found[0]


def test_default_register_reads_every_block() -> None:
    d = parse_one(register())
    assert d.number == "2022-045"
    assert d.authority.name == "Commune de Brassac-les-Pins"
    assert d.authority.siren == "219990123"
    assert d.body == "Conseil municipal"
    assert d.session.date == dt.date(2022, 7, 12)
    assert (d.session.kind, d.session.mode) == ("ordinaire", "in_person")
    assert d.session.place == "au lieu ordinaire de ses séances"
    assert d.session.president == "Jean DUPONT"
    assert d.present == ("Jean DUPONT", "Anne MARTIN", "Paul GIRARD", "Lucie PERRIN", "Marc DUBOIS")
    assert [(r.name, r.proxy_holder) for r in d.represented] == [
        ("Claire MOREAU", "Jean DUPONT"),
        ("Karim HADDAD", "Anne MARTIN"),
    ]
    assert [(a.name, a.excused) for a in d.absent] == [
        ("Élise VIDAL", True),
        ("Julien FAURE", True),
    ]
    assert d.title == "Voirie - Travaux de réfection du chemin des Crêtes - Demande de subvention"
    assert (d.rapporteur.name, d.rapporteur.role) == ("Anne MARTIN", "Adjointe aux finances")
    assert d.reasoning is not None and d.reasoning.startswith("Les travaux de réfection")
    assert d.decisions == (
        "approuve le programme de travaux",
        "autorise le Maire à solliciter la subvention et à signer tout document relatif à "
        "cette affaire",
    )
    assert (d.vote.outcome, d.vote.unanimous, d.vote.for_, d.vote.against) == (
        "adopted", True, 7, 0,
    )  # fmt: skip
    assert (d.signed.place, d.signed.date) == ("Brassac-les-Pins", dt.date(2022, 7, 18))
    assert d.published == dt.date(2022, 7, 19)
    assert d.prefecture.received == dt.date(2022, 7, 19)
    assert [a.text for a in d.entities.amounts] == ["85 000 €", "1,5 M€", "25 500 euros"]
    assert [int(a.value) for a in d.entities.amounts] == [85000, 1500000, 25500]


@pytest.mark.parametrize(
    ("where", "mode", "place"),
    [
        ("au lieu ordinaire de ses séances", "in_person", "au lieu ordinaire de ses séances"),
        ("en la salle du Conseil", "in_person", "salle du Conseil"),
        ("à la mairie", "in_person", "mairie"),
        ("à l'Hôtel de Ville, salle des mariages", "in_person",
         "Hôtel de Ville, salle des mariages"),
        ("en visioconférence", "videoconference", None),
        ("en la salle du Conseil et par visioconférence", "hybrid", "salle du Conseil"),
    ],
)  # fmt: skip
def test_mode_and_place(where: str, mode: str, place: str | None) -> None:
    d = parse_one(register(where=where))
    assert (d.session.mode, d.session.place) == (mode, place)


def test_extraordinary_session() -> None:
    d = parse_one(register(seance="Séance extraordinaire du mardi 12 juillet 2022"))
    assert d.session.kind == "extraordinaire"


@pytest.mark.parametrize(
    "body", ["Conseil municipal", "Bureau", "Commission permanente", "Conseil départemental"]
)
def test_bodies(body: str) -> None:
    assert parse_one(register(body=body)).body == body


@pytest.mark.parametrize(
    "proxies",
    [
        "Procurations : Mme Claire MOREAU (pouvoir à M. Jean DUPONT), M. Karim HADDAD "
        "(pouvoir à Mme Anne MARTIN)",
        "Pouvoirs :\nMme Claire MOREAU donne pouvoir à M. Jean DUPONT\n"
        "M. Karim HADDAD donne pouvoir à Mme Anne MARTIN",
        "Absents représentés : Mme Claire MOREAU représentée par M. Jean DUPONT, M. Karim\n"
        "HADDAD représenté par Mme Anne MARTIN",
        "Pouvoirs : Mme Claire MOREAU à M. Jean DUPONT ; M. Karim HADDAD à Mme Anne MARTIN",
    ],
)
def test_proxy_layouts(proxies: str) -> None:
    d = parse_one(register(proxies=proxies))
    assert [(r.name, r.proxy_holder) for r in d.represented] == [
        ("Claire MOREAU", "Jean DUPONT"),
        ("Karim HADDAD", "Anne MARTIN"),
    ]


def test_represented_without_holders() -> None:
    d = parse_one(register(proxies="Absent(es) ayant voté par procuration :\n"
                                   "Claire MOREAU, Karim HADDAD."))  # fmt: skip
    assert [(r.name, r.proxy_holder) for r in d.represented] == [
        ("Claire MOREAU", None),
        ("Karim HADDAD", None),
    ]


def test_proxy_held_by_the_maire() -> None:
    d = parse_one(register(proxies="Pouvoirs : Mme Claire MOREAU donne pouvoir à M. le Maire, "
                                   "M. Karim HADDAD à Mme Anne MARTIN"))  # fmt: skip
    assert d.represented[0].proxy_holder == "Jean DUPONT"  # the header: "Jean DUPONT, Maire"


@pytest.mark.parametrize(
    ("absent", "expected"),
    [
        ("Absents excusés : Mme Élise VIDAL, M. Julien FAURE", True),
        ("Excusés : Mme Élise VIDAL, M. Julien FAURE", True),
        ("Absents : Mme Élise VIDAL, M. Julien FAURE", False),
        ("Absent(es) / Excusé(es) : Mme Élise VIDAL, M. Julien FAURE", None),
    ],
)
def test_absence_headings(absent: str, expected: bool | None) -> None:
    d = parse_one(register(absent=absent))
    assert [(a.name, a.excused) for a in d.absent] == [
        ("Élise VIDAL", expected),
        ("Julien FAURE", expected),
    ]


def test_absent_member_with_a_proxy_is_only_represented() -> None:
    d = parse_one(register(proxies="Pouvoir : Mme Claire MOREAU à M. Jean DUPONT",
                           absent="Excusés : Mme Claire MOREAU, M. Karim HADDAD"))  # fmt: skip
    assert [r.name for r in d.represented] == ["Claire MOREAU"]
    assert [a.name for a in d.absent] == ["Karim HADDAD"]


def test_non_unanimous_vote_with_names() -> None:
    counts = (
        "Pour : 3 voix\nContre : 2 (M. Paul GIRARD, Mme Lucie PERRIN)\n"
        "Abstention : 1 (Mme Anne MARTIN)\nNe prend pas part au vote : M. Marc DUBOIS"
    )
    d = parse_one(register(formula="à la majorité", counts=counts))
    vote = d.vote
    assert (vote.unanimous, vote.outcome) == (False, "adopted")
    assert (vote.for_, vote.against, vote.abstention, vote.not_voting) == (3, 2, 1, 1)
    assert vote.against_names == ("Paul GIRARD", "Lucie PERRIN")
    assert vote.abstention_names == ("Anne MARTIN",)
    assert vote.not_voting_names == ("Marc DUBOIS",)
    assert "vote.against_names[1]" in d.spans


def test_counts_on_one_line_and_inline() -> None:
    d = parse_one(register(counts="Pour : 6   Contre : 1   Abstention : 0"))
    assert (d.vote.for_, d.vote.against, d.vote.abstention) == (6, 1, 0)
    d = parse_one(register(formula="à la majorité, par 5 voix pour, 1 contre et 1 abstention "
                                   "(M. Paul GIRARD)", counts=""))  # fmt: skip
    assert (d.vote.for_, d.vote.against, d.vote.abstention) == (5, 1, 1)
    assert d.vote.abstention_names == ("Paul GIRARD",)
    assert d.vote.unanimous is False


@pytest.mark.parametrize(
    ("sentence", "method"),
    [
        ("Vote à main levée.", "show_of_hands"),
        ("A l'issue d'un vote électronique, la délibération est adoptée.", "electronic"),
        ("Il est procédé au scrutin secret.", "secret_ballot"),
        ("Vote par appel nominal.", "roll_call"),
    ],
)
def test_vote_methods(sentence: str, method: str) -> None:
    d = parse_one(register(counts=f"{sentence}\nPour : 7"))
    assert d.vote.method == method


def test_rejected_and_noted_outcomes() -> None:
    rejected = parse_one(
        register(
            formula="à la majorité", counts="La délibération est rejetée.\nPour : 2\nContre : 5"
        )
    )
    assert rejected.vote.outcome == "rejected"
    noted = parse_one(register(formula="prend acte", counts=""))
    assert noted.vote.outcome == "noted"


def test_words_date_alone_and_disagreeing(caplog: pytest.LogCaptureFixture) -> None:
    d = parse_one(register(seance=""))
    assert d.session.date == dt.date(2022, 7, 12)
    with caplog.at_level(logging.WARNING, logger="delibgraph.parse.header"):
        d = parse_one(register(opening="L'an deux mille vingt-deux, le treize juillet"))
    assert d.session.date == dt.date(2022, 7, 12)  # the séance line wins
    assert "disagree" in caplog.text


def test_two_deliberations_in_one_text() -> None:
    second = register().replace("2022-045", "2022-046").replace("2022_045", "2022_046")
    found = parse_text(register() + "\n\n" + second, SOURCE, ner=False)
    assert [d.number for d in found] == ["2022-045", "2022-046"]
    assert found[1].spans["number"].start > len(register())
    assert found[0].present == found[1].present


def test_missing_blocks_are_null() -> None:
    d = parse_one("Délibération n° 12\n\nObjet : Dénomination d'une rue\n")
    assert d.number == "12"
    assert d.title == "Dénomination d'une rue"
    assert d.session.date is None and d.vote.outcome is None and d.present == ()
    assert d.authority.siren is None and d.prefecture.actes_id is None


@pytest.mark.parametrize("text", ["", "   \n\n", "Bonjour,\nceci n'est pas une délibération."])
def test_no_deliberation_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="no deliberation found") as info:
        parse_text(text, SOURCE, ner=False)
    assert info.value.source == SOURCE.path


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_arbitrary_text_raises_only_typed_errors(text: str) -> None:
    with contextlib.suppress(DelibgraphError):
        parse_text(text, SOURCE, ner=False)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mangled_registers_raise_only_typed_errors(data: st.DataObject) -> None:
    lines = register().split("\n")
    kept = data.draw(st.lists(st.sampled_from(range(len(lines))), unique=True, max_size=40))
    junk = data.draw(st.sampled_from(["", "(", ":", "Pour :", "- ", "Présents :", "n°", "€"]))
    text = "\n".join(lines[i] + junk if i % 3 == 0 else lines[i] for i in sorted(kept))
    try:
        found = parse_text(text, SOURCE, ner=False)
    except DelibgraphError:
        return
    for deliberation in found:
        for span in deliberation.spans.values():
            assert 0 <= span.start <= span.end <= len(text)


def test_seed_like_layout_from_shared(seed_path: Path) -> None:
    """Cutting the seed in the middle of a block still gives what is there."""
    text = seed_path.read_text(encoding="utf-8")
    head = text[: text.index("Absent(es) / Excusé(es)")]
    d = parse_one(head)
    assert d.number == "M2021-162"
    assert len(d.present) == 75 and len(d.represented) == 12 and d.absent == ()
    assert d.vote.for_ is None and d.title is None


_FIXTURE_LINES = sorted(
    {
        line
        for path in (Path(__file__).parent / "fixtures").glob("*.txt")
        for line in path.read_text(encoding="utf-8").split("\n")
    }
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_FIXTURE_LINES), max_size=60), st.sampled_from(["\n", " ", "\n\n"]))
def test_registers_made_of_any_lines_raise_only_typed_errors(lines: list[str], glue: str) -> None:
    """Lines of every fixture (séance headers, item headings, lists, votes, stamps, two columns)
    in any order and layout: the parser reads what it can, raises only its own errors, and
    every span stays inside the text."""
    text = glue.join(lines)
    try:
        found = parse_text(text, SOURCE, ner=False)
    except DelibgraphError:
        return
    for deliberation in found:
        for span in deliberation.spans.values():
            assert 0 <= span.start <= span.end <= len(text)
