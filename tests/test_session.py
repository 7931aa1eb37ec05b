"""Whole-séance documents: one deliberation per item, each with the séance's values and its own
attendance (arrivals, departures, limited proxies)."""

from __future__ import annotations

from pathlib import Path

from delibgraph.model import Deliberation, Source
from delibgraph.parse import parse_file, parse_report

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE = Source(path="pv.txt", sha256="0" * 64)


def _items(name: str) -> dict[str, Deliberation]:
    return {d.number or "?": d for d in parse_file(FIXTURES / f"{name}.txt", ner=False)}


def _standing(d: Deliberation, name: str) -> str:
    if name in d.present:
        return "present"
    holders = {r.name: r.proxy_holder for r in d.represented}
    if name in holders:
        return f"represented by {holders[name]}"
    excused = {a.name: a.excused for a in d.absent}
    return f"absent ({excused[name]})" if name in excused else "nowhere"


def test_a_proces_verbal_gives_one_deliberation_per_item() -> None:
    items = _items("castelbrune-pv-2022-11-15")
    assert list(items) == [f"2022-10{n}" for n in range(1, 7)]
    for d in items.values():  # the séance, the signature and the publication, for every item
        assert d.session.president == "Claire MONTEIL" and d.members_in_office == 29
        assert d.signed.date is not None and d.published is not None
        assert d.vote.method == "electronic"  # "Tous les votes ont lieu par voie électronique"


def test_arrivals_departures_and_limited_proxies_change_attendance_item_by_item() -> None:
    items = _items("castelbrune-pv-2022-11-15")
    standings = {
        number: (_standing(d, "LACAN Ludovic"), _standing(d, "KHELIFI Samia"),
                 _standing(d, "DE SOUSA Ricardo"))
        for number, d in items.items()
    }  # fmt: skip
    assert standings["2022-101"] == ("represented by MONTEIL Claire", "present", "absent (True)")
    assert standings["2022-103"] == ("present", "represented by GINESTET Patrick", "absent (True)")
    assert standings["2022-105"] == ("present", "represented by GINESTET Patrick", "present")
    for d in items.values():
        assert len(d.present) + len(d.represented) + len(d.absent) == 29


def test_a_departure_before_this_item_and_a_late_arrival() -> None:
    items = _items("ccco-cc-pv-2023-12-14")
    assert _standing(items["CC-2023-102"], "Laure CHASSANG") == "represented by Hugo BARTHE"
    assert _standing(items["CC-2023-103"], "Laure CHASSANG") == "present"
    assert _standing(items["CC-2023-103"], "Patrick GINESTET") == "present"
    # "quitte la séance avant le vote de ce point": from this item on
    assert _standing(items["CC-2023-104"], "Patrick GINESTET") == "represented by Inès FERRIÈRE"


def test_leaving_without_proxy_makes_a_member_absent_excuse_unknown() -> None:
    items = _items("saint-martial-pv-2023-03-03")
    assert _standing(items["2023-008"], "Sandrine ICHÉ") == "absent (False)"
    assert _standing(items["2023-009"], "Sandrine ICHÉ") == "present"
    assert _standing(items["2023-009"], "Thierry FERRAN") == "present"
    assert _standing(items["2023-010"], "Thierry FERRAN") == "absent (None)"


def test_a_note_after_a_comma_announces_an_arrival() -> None:
    items = _items("sainte-colombe-cr-2022-09-27")
    assert _standing(items["2022-058"], "El Moudden") == "absent (False)"
    assert _standing(items["2022-059"], "El Moudden") == "present"


PV = """COMMUNE DE BELCASTEL

PROCÈS-VERBAL DU CONSEIL MUNICIPAL
Séance du jeudi 6 avril 2023

Le six avril deux mille vingt-trois, le Conseil municipal, dûment convoqué, s'est réuni à la
mairie, sous la présidence de Madame Françoise VIGUIER, Maire.

Conseillers en exercice : 6

Présents : Françoise VIGUIER, Jean-Marc ROUSSEL, Annie TESTAS, Patrick BOUDES.
Pouvoirs : Loïc GARRIC donne pouvoir à Annie TESTAS pour le point 1.
Absente excusée : Julie CANITROT.

Tous les votes ont lieu à main levée.

Ordre du jour :
Délibération n° 2023-12 – Compte administratif 2022
Délibération n° 2023-13 – Taux d'imposition 2023

Délibération n° 2023-12 – Compte administratif 2022

Madame le Maire quitte la salle au moment du vote.
Le Conseil municipal, après en avoir délibéré, à l'unanimité (4 voix),
APPROUVE le compte administratif 2022.

Délibération n° 2023-13 – Taux d'imposition 2023

Madame le Maire reprend la présidence. M. Pierre INCONNU rejoint la séance.
Le Conseil municipal, après en avoir délibéré,
DÉCIDE de maintenir les taux d'imposition.
Pour : 4 - Contre : 0 - Abstention : 0

Fait à Belcastel, le 12 avril 2023
Publié le 13/04/2023
"""


def test_a_president_named_by_office_and_a_proxy_for_one_item() -> None:
    report = parse_report(PV, SOURCE, ner=False)
    first, second = report.deliberations
    assert (first.number, second.number) == ("2023-12", "2023-13")
    assert _standing(first, "Françoise VIGUIER") == "absent (None)"
    assert _standing(first, "Loïc GARRIC") == "represented by Annie TESTAS"
    assert _standing(second, "Françoise VIGUIER") == "present"
    assert _standing(second, "Loïc GARRIC") == "absent (None)"  # the proxy held for point 1
    assert first.decisions == ("APPROUVE le compte administratif 2022",)
    assert (first.vote.for_, first.vote.unanimous, first.vote.method) == (4, True, "show_of_hands")
    assert second.vote.method == "show_of_hands"
    assert first.signed.date == second.signed.date and first.published == second.published
    # a change naming nobody listed is reported, not applied
    assert any("Pierre INCONNU" in w.message for w in report.warnings)
    assert all("INCONNU" not in n for n in second.present)


def test_extracts_one_after_the_other_keep_their_own_values() -> None:
    first = (FIXTURES / "mirandol-2022-019.txt").read_text(encoding="utf-8")
    second = (FIXTURES / "vabre-la-serre-2023-022-bullets.txt").read_text(encoding="utf-8")
    found = parse_report(first + "\n\n" + second, SOURCE, ner=False).deliberations
    assert [d.authority.name for d in found] == [
        "Commune de Mirandol-sur-Vère", "Commune de Vabre-la-Serre"
    ]  # fmt: skip
    assert found[0].present != found[1].present
    assert found[0].signed != found[1].signed


def test_leaving_for_one_vote_only() -> None:
    text = PV.replace(
        "Madame le Maire reprend la présidence. M. Pierre INCONNU rejoint la séance.",
        "M. Patrick BOUDES quitte la salle et ne prend pas part au vote.",
    )
    first, second = parse_report(text, SOURCE, ner=False).deliberations
    assert _standing(first, "Françoise VIGUIER") == "absent (None)"  # "au moment du vote"
    assert _standing(second, "Françoise VIGUIER") == "present"
    assert _standing(second, "Patrick BOUDES") == "absent (None)"
    third = text.replace(
        "Fait à Belcastel",
        "Délibération n° 2023-14 – Divers\n\nLe Conseil municipal, après en avoir délibéré :\n"
        "- prend acte.\n\nFait à Belcastel",
    )
    items = parse_report(third, SOURCE, ner=False).deliberations
    assert [d.number for d in items] == ["2023-12", "2023-13", "2023-14"]
    assert _standing(items[2], "Patrick BOUDES") == "present"


def test_notes_in_the_present_list_limit_presence() -> None:
    text = PV.replace(
        "Présents : Françoise VIGUIER, Jean-Marc ROUSSEL, Annie TESTAS, Patrick BOUDES.",
        "Présents : Françoise VIGUIER, Jean-Marc ROUSSEL (jusqu'au point 1), Annie TESTAS, "
        "Patrick BOUDES (à partir du point 2).",
    )
    first, second = parse_report(text, SOURCE, ner=False).deliberations
    assert _standing(first, "Jean-Marc ROUSSEL") == "present"
    assert _standing(second, "Jean-Marc ROUSSEL") == "absent (None)"
    assert _standing(first, "Patrick BOUDES") == "absent (None)"
    assert _standing(second, "Patrick BOUDES") == "present"
