"""The researcher questions added to the library, answered on ``examples/``.

Every expected row below was worked out by reading the seven example registers by hand
(``examples/README.md`` summarises them: three séances of the fictional Val-d'Aurèle council,
15 members), not by running the program:

- séance 1, 2023-03-14 (2023-014 Finances, 2023-015 Culture, 2023-016 Urbanisme): 12 present;
  Paul GIRARD → Hélène MARCHAND and Sophie LEROY → Marc DUBOIS by proxy; Nadia BENALI absent;
- séance 2, 2023-06-27 (2023-031 Enfance, 2023-032 Institutions): 13 present; Karim HADDAD →
  Julien FAURE; Lucie PERRIN excused;
- séance 3, 2024-02-06 (2024-003 Finances, noted without a vote; 2024-004 Voirie): 11 present;
  Sophie LEROY → Hélène MARCHAND, Paul GIRARD → Marc DUBOIS, Claire MOREAU → Julien FAURE;
  Thomas MARTIN GARCIA absent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from corpus_stores import AUTHORITY, BASE, COUNCIL, MINTER, examples_dir, examples_store
from delibgraph.cli import main
from delibgraph.mapping import map_deliberation
from delibgraph.parse import parse_file
from delibgraph.pipeline import ingest
from delibgraph.publish.versions import record_versions
from delibgraph.querylib import list_queries, run
from delibgraph.store import EmbeddedStore, PythonValue
from delibgraph.validate import validate_graph

Records = list[dict[str, PythonValue | None]]
ROOT = Path(__file__).resolve().parents[1]
INGESTED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
MARCH, JUNE, FEBRUARY = dt.date(2023, 3, 14), dt.date(2023, 6, 27), dt.date(2024, 2, 6)
MEMBERS = (
    "Hélène MARCHAND", "Marc DUBOIS", "Sophie LEROY", "Paul GIRARD", "Nadia BENALI",
    "Julien FAURE", "Claire MOREAU", "Karim HADDAD", "Isabelle ROUSSEL-PETIT",
    "Jean-Baptiste LECOMTE", "Amélie DELATOUR", "Thomas MARTIN GARCIA", "Élise VIDAL",
    "François NGUYEN", "Lucie PERRIN",
)  # fmt: skip
NEW_QUERIES = (
    "attendance-by-member-year", "proxy-givers", "proxy-network", "not-taking-part-by-member",
    "dissent-by-theme", "unanimity-by-body-theme", "deliberations-by-matiere-year",
    "amounts-by-beneficiary", "rapporteurs-by-theme", "seances-by-attendance",
    "deliberation-versions", "level-by-deliberation",
)  # fmt: skip


@pytest.fixture(scope="module")
def store() -> Iterator[EmbeddedStore]:
    path, report = examples_store(ner=True)
    assert report.exit_code == 0, report.to_text()
    with EmbeddedStore(path) as opened:
        yield opened


def _close(value: PythonValue | None, expected: Decimal) -> bool:
    return isinstance(value, Decimal) and abs(value - expected) < Decimal("1e-9")


# ------------------------------------------------------------------------- the library


def test_the_library_has_at_least_15_questions_listed_by_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    names = {query.name for query in list_queries()}
    assert len(names) >= 15
    assert set(NEW_QUERIES) <= names
    assert main(["query", "--list"]) == 0
    listed = capsys.readouterr().out
    for name in names:
        assert name in listed, name


def test_every_library_query_has_expected_rows_in_a_test() -> None:
    tests = "".join(
        (ROOT / "tests" / name).read_text(encoding="utf-8")
        for name in ("test_querylib.py", "test_query_library.py")
    )
    for query in list_queries():
        assert f'"{query.name}"' in tests, f"no test runs {query.name}"


# ------------------------------------------------------------------------- attendance


# name → {year: (séances, present, represented, absent)}; 5 deliberations in 2023, 2 in 2024
BY_YEAR = {name: {2023: (2, 5, 0, 0), 2024: (1, 2, 0, 0)} for name in MEMBERS} | {
    "Paul GIRARD": {2023: (2, 2, 3, 0), 2024: (1, 0, 2, 0)},
    "Sophie LEROY": {2023: (2, 2, 3, 0), 2024: (1, 0, 2, 0)},
    "Nadia BENALI": {2023: (2, 2, 0, 3), 2024: (1, 2, 0, 0)},
    "Karim HADDAD": {2023: (2, 3, 2, 0), 2024: (1, 2, 0, 0)},
    "Lucie PERRIN": {2023: (2, 3, 0, 2), 2024: (1, 2, 0, 0)},
    "Claire MOREAU": {2023: (2, 5, 0, 0), 2024: (1, 0, 2, 0)},
    "Thomas MARTIN GARCIA": {2023: (2, 5, 0, 0), 2024: (1, 0, 0, 2)},
}


def test_attendance_by_member_and_year(store: EmbeddedStore) -> None:
    records = run(store, "attendance-by-member-year").records()
    assert len(records) == 30  # 15 members × 2 years
    for r in records:
        year = r["year"]
        assert isinstance(year, int)
        seances, present, represented, absent = BY_YEAR[str(r["name"])][year]
        assert (r["seances"], r["present"], r["represented"], r["absent"]) == (
            seances, present, represented, absent,
        ), r  # fmt: skip
        total = present + represented + absent
        assert _close(r["rate"], Decimal(present) / Decimal(total)), r
        assert r["body"] == COUNCIL
    only_2024 = run(store, "attendance-by-member-year", {"year": "2024"}).records()
    assert {r["year"] for r in only_2024} == {2024} and len(only_2024) == 15


def test_seances_by_attendance_lowest_first(store: EmbeddedStore) -> None:
    got = [
        (r["date"], r["deliberations"], r["present"], r["represented"], r["absent"])
        for r in run(store, "seances-by-attendance").records()
    ]
    assert got == [
        (FEBRUARY, 2, 11, 3, 1),  # 11 / 15
        (MARCH, 3, 12, 2, 1),  # 12 / 15
        (JUNE, 2, 13, 1, 1),  # 13 / 15
    ]
    rates = [r["rate"] for r in run(store, "seances-by-attendance").records()]
    for rate, present in zip(rates, (11, 12, 13), strict=True):
        assert _close(rate, Decimal(present) / Decimal(15))


# ------------------------------------------------------------------------- proxies


def test_proxy_givers_most_frequent_first(store: EmbeddedStore) -> None:
    records = run(store, "proxy-givers").records()
    got = {
        str(r["name"]): (r["deliberations"], r["seances"], r["first"], r["last"]) for r in records
    }
    assert got == {
        "Paul GIRARD": (5, 2, MARCH, FEBRUARY),
        "Sophie LEROY": (5, 2, MARCH, FEBRUARY),
        "Karim HADDAD": (2, 1, JUNE, JUNE),
        "Claire MOREAU": (2, 1, FEBRUARY, FEBRUARY),
    }
    assert [r["name"] for r in records] == [
        "Paul GIRARD", "Sophie LEROY", "Karim HADDAD", "Claire MOREAU",
    ]  # fmt: skip
    # Paul GIRARD: 3 deliberations to Hélène MARCHAND (séance 1), 2 to Marc DUBOIS (séance 3);
    # Sophie LEROY: 3 to Marc DUBOIS (séance 1), 2 to Hélène MARCHAND (séance 3)
    holders = {str(r["name"]): (r["holders"], r["mainHolder"]) for r in records}
    assert holders == {
        "Paul GIRARD": (2, "Hélène MARCHAND"),
        "Sophie LEROY": (2, "Marc DUBOIS"),
        "Karim HADDAD": (1, "Julien FAURE"),
        "Claire MOREAU": (1, "Julien FAURE"),
    }


def test_proxy_network(store: EmbeddedStore) -> None:
    got = {
        (str(r["giverName"]), str(r["holderName"])): (r["deliberations"], r["seances"])
        for r in run(store, "proxy-network").records()
    }
    assert got == {
        ("Paul GIRARD", "Hélène MARCHAND"): (3, 1),  # séance 1
        ("Sophie LEROY", "Marc DUBOIS"): (3, 1),  # séance 1
        ("Karim HADDAD", "Julien FAURE"): (2, 1),  # séance 2
        ("Sophie LEROY", "Hélène MARCHAND"): (2, 1),  # séance 3
        ("Paul GIRARD", "Marc DUBOIS"): (2, 1),  # séance 3
        ("Claire MOREAU", "Julien FAURE"): (2, 1),  # séance 3
    }
    other_body = f"{AUTHORITY}/body/bureau"
    assert run(store, "proxy-network", {"body": other_body}).rows == ()


# ------------------------------------------------------------------------- votes


def test_not_taking_part_by_member(store: EmbeddedStore) -> None:
    got = [
        (r["name"], r["themeName"], r["deliberations"], r["numbers"])
        for r in run(store, "not-taking-part-by-member").records()
    ]
    # "Madame Élise VIDAL, membre du bureau de l'association, ne prend pas part au vote."
    assert got == [("Élise VIDAL", "Culture", 1, "2023-015")]


def test_dissent_by_theme(store: EmbeddedStore) -> None:
    got = {
        (str(r["themeName"]), str(r["name"])): (r["votes"], r["againstVotes"], r["abstentions"])
        for r in run(store, "dissent-by-theme").records()
    }
    assert got == {
        ("Finances", "Julien FAURE"): (1, 1, 0),  # 2023-014 (2024-003 was not voted)
        ("Finances", "Claire MOREAU"): (1, 1, 0),  # 2023-014
        ("Finances", "Karim HADDAD"): (1, 0, 1),  # 2023-014
        ("Enfance", "Julien FAURE"): (1, 0, 1),  # 2023-031
        ("Enfance", "Karim HADDAD"): (1, 0, 1),  # 2023-031, by proxy
        ("Voirie", "Julien FAURE"): (1, 1, 0),  # 2024-004
        ("Voirie", "Claire MOREAU"): (1, 1, 0),  # 2024-004, by proxy
    }
    assert all(r["rate"] == 1 for r in run(store, "dissent-by-theme").records())


def test_unanimity_by_body_and_theme(store: EmbeddedStore) -> None:
    got = {
        str(r["themeName"]): (r["bodyName"], r["voted"], r["unanimous"], r["rate"])
        for r in run(store, "unanimity-by-body-theme").records()
    }
    assert got == {
        "Finances": ("Conseil municipal", 1, 0, 0),  # 2023-014 majority; 2024-003 only noted
        "Culture": ("Conseil municipal", 1, 1, 1),  # "à l'unanimité des votants"
        "Urbanisme": ("Conseil municipal", 1, 1, 1),
        "Enfance": ("Conseil municipal", 1, 0, 0),
        "Institutions": ("Conseil municipal", 1, 1, 1),
        "Voirie": ("Conseil municipal", 1, 0, 0),
    }


# ------------------------------------------------------------------------- subjects, money


# The ACTES subject of each example, labelled by hand with the rules of
# tests/fixtures/matieres.csv; none is printed in the texts, so all are inferred.
SUBJECTS = {
    (2023, "7.2"): "Fiscalité",  # 2023-014 taux d'imposition
    (2023, "7.5"): "Subventions",  # 2023-015 subvention à une association
    (2023, "3.1"): "Acquisitions",  # 2023-016 acquisition d'une parcelle
    (2023, "7.10"): "Divers",  # 2023-031 tarifs de la restauration scolaire
    (2023, "5.3"): "Désignation de représentants",  # 2023-032 désignation d'un délégué
    (2024, "7.1"): "Décisions budgétaires",  # 2024-003 débat d'orientation budgétaire
    (2024, "7.5"): "Subventions",  # 2024-004 demande de subvention
}


def test_deliberations_by_matiere_and_year(store: EmbeddedStore) -> None:
    records = run(store, "deliberations-by-matiere-year").records()
    got = {(r["year"], r["code"]): r["subject"] for r in records}
    assert got == SUBJECTS
    assert all((r["deliberations"], r["stated"], r["inferredCount"]) == (1, 0, 1) for r in records)
    assert [r["code"] for r in records if r["year"] == 2023] == ["3.1", "5.3", "7.2", "7.5", "7.10"]
    stated_only = run(store, "deliberations-by-matiere-year", {"inferred": "false"})
    assert stated_only.rows == ()


def test_a_stated_subject_is_counted_as_stated(tmp_path: Path) -> None:
    source = (examples_dir() / "val-daurele-2023-016.txt").read_text(encoding="utf-8")
    stamp = "Nomenclature ACTES : 3.1 - Acquisitions"
    stamped = source.replace("Acte Certifié exécutoire :", f"{stamp}\nActe Certifié exécutoire :")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "val-daurele-2023-016.txt").write_text(stamped, encoding="utf-8")
    with EmbeddedStore(tmp_path / "store") as stamped_store:
        ingest([tmp_path / "in"], stamped_store, minter=MINTER, report_dir=None, ner=False)
        (row,) = run(
            stamped_store, "deliberations-by-matiere-year", {"inferred": "false"}
        ).records()
        assert (row["year"], row["code"], row["stated"], row["inferredCount"]) == (
            2023,
            "3.1",
            1,
            0,
        )
        (theme,) = run(stamped_store, "deliberations-by-theme").records()
        assert theme["themeName"] == "Urbanisme"  # the ACTES subject is not a theme


def test_amounts_by_beneficiary(store: EmbeddedStore) -> None:
    got = [
        (r["beneficiary"], r["deliberations"], r["total"], r["currency"], r["numbers"])
        for r in run(store, "amounts-by-beneficiary").records()
    ]
    # "d'attribuer une subvention de 2 500 € à l'association Les Amis du Patrimoine de
    # Val-d'Aurèle" is the only decision granting an amount to someone; 2024-004 asks for one
    assert got == [
        ("association Les Amis du Patrimoine de Val-d'Aurèle", 1, Decimal(2500), "EUR", "2023-015")
    ]


def test_rapporteurs_by_theme(store: EmbeddedStore) -> None:
    got = {
        (str(r["themeName"]), str(r["name"])): (r["deliberations"], r["seances"])
        for r in run(store, "rapporteurs-by-theme").records()
    }
    assert got == {
        ("Finances", "Marc DUBOIS"): (2, 2),  # 2023-014, 2024-003
        ("Culture", "Élise VIDAL"): (1, 1),
        ("Urbanisme", "François NGUYEN"): (1, 1),
        ("Enfance", "Isabelle ROUSSEL-PETIT"): (1, 1),
        ("Institutions", "Hélène MARCHAND"): (1, 1),
        ("Voirie", "François NGUYEN"): (1, 1),
    }


# ------------------------------------------------------------------------- levels, versions


def test_every_example_reaches_level_3(store: EmbeddedStore) -> None:
    # every register names its body, séance and title, states members in office and the
    # present members, and every vote is known (named or derived); 2024-003 is only noted
    records = run(store, "level-by-deliberation").records()
    assert [(r["number"], r["level"], r["levelName"]) for r in records] == [
        (n, 3, "votes complete")
        for n in (
            "2023-014",
            "2023-015",
            "2023-016",
            "2023-031",
            "2023-032",
            "2024-003",
            "2024-004",
        )
    ]


def test_the_level_query_agrees_with_the_shapes(tmp_path: Path) -> None:
    """On every fixture deliberation that conforms: SPARQL level = SHACL level."""
    fixtures = ROOT / "tests" / "fixtures"
    by_act: dict[str, int] = {}
    with EmbeddedStore(tmp_path / "store") as fixture_store:
        for path in sorted(fixtures.glob("*.txt")):
            for d in parse_file(path, ner=False):
                try:
                    dg = map_deliberation(d, minter=MINTER, ingested_at=INGESTED_AT)
                except Exception:  # a fixture the mapping refuses (e.g. no number) has no level
                    continue
                report = validate_graph(dg)
                if report.conforms:
                    fixture_store.replace_graph(str(dg.graph_iri), dg.graph)
                    by_act[str(dg.ids.act)] = report.level
        every = run(fixture_store, "level-by-deliberation").records()
        got = {str(r["act"]): r["level"] for r in every}
        bodies = {str(r["body"]) for r in every if r["body"] is not None}
        by_body = {
            body: run(fixture_store, "level-by-deliberation", {"body": body}).records()
            for body in bodies
        }
    assert len(by_act) >= 30
    assert got == by_act
    assert set(by_act.values()) >= {2, 3}, "the fixtures should show several levels"
    assert len(bodies) >= 3
    for body, rows in by_body.items():  # the parameter keeps the acts that body passed
        assert {str(r["act"]) for r in rows} == {
            str(r["act"]) for r in every if str(r["body"]) == body or r["body"] is None
        }


def test_deliberation_versions_lists_a_corrected_register(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    original = (examples_dir() / "val-daurele-2023-015.txt").read_text(encoding="utf-8")
    target = folder / "val-daurele-2023-015.txt"
    target.write_text(original, encoding="utf-8")
    with EmbeddedStore(tmp_path / "store") as versioned:
        ingest([folder], versioned, minter=MINTER, report_dir=None, ner=False, now=INGESTED_AT)
        (never_served,) = run(versioned, "deliberation-versions").records()
        assert (never_served["versions"], never_served["corrected"]) == (0, False)  # no log yet
        record_versions(versioned, base=BASE, now=INGESTED_AT)
        assert run(versioned, "deliberation-versions", {"corrected": "true"}).rows == ()
        # the clerk corrects the title, and the file is ingested again
        corrected = original.replace("Vie associative", "Vie associative et patrimoine")
        assert corrected != original
        target.write_text(corrected, encoding="utf-8")
        later = INGESTED_AT + dt.timedelta(days=3)
        ingest([folder], versioned, minter=MINTER, report_dir=None, ner=False, now=later)
        record_versions(versioned, base=BASE, now=later)
        (row,) = run(versioned, "deliberation-versions", {"corrected": "true"}).records()
    assert (row["number"], row["date"], row["versions"], row["corrected"]) == (
        "2023-015", MARCH, 2, True,
    )  # fmt: skip
    first, last = row["firstVersion"], row["lastVersion"]
    assert isinstance(first, dt.datetime) and isinstance(last, dt.datetime) and first < last


def test_no_example_was_corrected(store: EmbeddedStore) -> None:
    records = run(store, "deliberation-versions").records()
    assert len(records) == 7
    assert {(r["versions"], r["corrected"]) for r in records} == {(0, False)}  # never served


def test_the_level_query_sees_an_incomplete_deliberation(tmp_path: Path) -> None:
    (d,) = parse_file(examples_dir() / "val-daurele-2023-016.txt", ner=False)
    without_count = dataclasses.replace(d, members_in_office=None)
    dg = map_deliberation(without_count, minter=MINTER, ingested_at=INGESTED_AT)
    assert validate_graph(dg).level == 1
    with EmbeddedStore(tmp_path / "store") as single:
        single.replace_graph(str(dg.graph_iri), dg.graph)
        (row,) = run(single, "level-by-deliberation").records()
    assert (row["level"], row["identified"], row["attendanceComplete"]) == (1, True, False)
