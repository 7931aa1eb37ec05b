"""The SCDL Délibérations export checked against the schema's Table Schema constraints
(types, formats, required, patterns) and its custom checks (SIRET key, vote columns filled
together, VOTE_REEL = POUR + CONTRE + ABSTENTION, VOTE_EFFECTIF ≥ VOTE_REEL,
PREF_DATE ≥ DELIB_DATE). The schema is read from ../shared/reference (CI has it beside the
clone); the columns and the cells the registers cannot fill are checked without it too."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from delibgraph.errors import UsageError
from delibgraph.publish.scdl import SCDL_COLUMNS, check_siret, write_scdl
from delibgraph.serve.readonly import ReadOnlyStore
from serve_support import (
    AUTHORITY_SIREN,
    FICTIONAL_SIRET,
    INGESTED_AT,
    example_files,
    load,
    scratch,
)

SCHEMA = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "scdl-deliberations-schema.json"
)


@pytest.fixture(scope="module")
def store() -> ReadOnlyStore:
    path = scratch("delibgraph-scdl-") / "store"
    load(path, example_files(), base="http://localhost:8000/", now=INGESTED_AT)
    return ReadOnlyStore(path)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    if not SCHEMA.is_file():
        message = f"the SCDL schema {SCHEMA} is not beside the repository"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    data: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return data


def export(
    store: ReadOnlyStore, siret: dict[str, str] | None
) -> tuple[list[str], list[dict[str, str]], tuple[str, ...]]:
    out = io.StringIO(newline="")
    table = write_scdl(store, out, siret=siret)
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    return list(reader.fieldnames or []), list(reader), table.gaps


def violations(schema: dict[str, Any], rows: list[dict[str, str]]) -> list[str]:
    """Every broken constraint, as ``row:field:rule``."""
    found: list[str] = []
    for index, row in enumerate(rows, start=1):
        for spec in schema["fields"]:
            name, value = spec["name"], row[spec["name"]]
            constraints = spec.get("constraints", {})
            if not value:
                if constraints.get("required"):
                    found.append(f"{index}:{name}:required")
                continue
            if "pattern" in constraints and not re.fullmatch(constraints["pattern"], value):
                found.append(f"{index}:{name}:pattern")
            if spec["type"] == "date":
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    found.append(f"{index}:{name}:date")
            if spec["type"] == "integer" and not re.fullmatch(r"-?\d+", value):
                found.append(f"{index}:{name}:integer")
            if spec.get("format") == "uri" and not re.match(r"^https?://\S+$", value):
                found.append(f"{index}:{name}:uri")
        found.extend(f"{index}:{rule}" for rule in custom_checks(row))
    return found


def custom_checks(row: dict[str, str]) -> list[str]:
    broken = []
    if row["COLL_SIRET"]:
        try:
            check_siret(row["COLL_SIRET"][:9], row["COLL_SIRET"])
        except UsageError:
            broken.append("french-siret-value")
    votes = [
        row[c]
        for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")
    ]
    if any(votes) and not all(votes):
        broken.append("cohesive-columns-value")
    if all(votes):
        effectif, reel, pour, contre, abstention = (int(v) for v in votes)
        if reel != pour + contre + abstention:
            broken.append("sum-columns-value")
        if effectif < reel:
            broken.append("compare-columns-value:VOTE_EFFECTIF")
    if row["PREF_DATE"] and row["PREF_DATE"] < row["DELIB_DATE"]:
        broken.append("compare-columns-value:PREF_DATE")
    if bool(row["BUDGET_ANNEE"]) != bool(row["BUDGET_NOM"]):
        broken.append("cohesive-columns-value:BUDGET")
    return broken


def test_columns_follow_the_schema(store: ReadOnlyStore, schema: dict[str, Any]) -> None:
    header, rows, _ = export(store, {AUTHORITY_SIREN: FICTIONAL_SIRET})
    assert header == [field["name"] for field in schema["fields"]] == list(SCDL_COLUMNS)
    assert len(rows) == 7


def test_only_the_matiere_code_is_missing_when_the_siret_is_given(
    store: ReadOnlyStore, schema: dict[str, Any]
) -> None:
    _, rows, gaps = export(store, {AUTHORITY_SIREN: FICTIONAL_SIRET})
    assert violations(schema, rows) == [f"{i}:DELIB_MATIERE_CODE:required" for i in range(1, 8)]
    assert len(gaps) == 1 and gaps[0].startswith("DELIB_MATIERE_CODE")


def test_without_siret_the_gap_is_reported_not_invented(
    store: ReadOnlyStore, schema: dict[str, Any]
) -> None:
    _, rows, gaps = export(store, None)
    assert {row["COLL_SIRET"] for row in rows} == {""}
    assert sum(v.endswith("COLL_SIRET:required") for v in violations(schema, rows)) == 7
    assert any(AUTHORITY_SIREN in gap and "COLL_SIRET" in gap for gap in gaps)


def test_row_values(store: ReadOnlyStore) -> None:
    _, rows, _ = export(store, {AUTHORITY_SIREN: FICTIONAL_SIRET})
    by_id = {row["DELIB_ID"]: row for row in rows}
    row = by_id["2023-014"]
    assert row["COLL_NOM"] == "Commune de Val-d'Aurèle"
    assert row["COLL_SIRET"] == FICTIONAL_SIRET
    assert row["DELIB_DATE"] == "2023-03-14" and row["PREF_DATE"] == "2023-03-20"
    assert row["DELIB_MATIERE_NOM"] == "Finances"
    assert (row["VOTE_EFFECTIF"], row["VOTE_REEL"], row["VOTE_POUR"]) == ("15", "14", "11")
    assert (row["VOTE_CONTRE"], row["VOTE_ABSTENTION"]) == ("2", "1")
    assert (
        row["DELIB_URL"] == "http://localhost:8000/eli/deliberation/219990001/2023/03/14/2023-014"
    )
    noted = by_id["2024-003"]  # the council took note: no vote, the five columns stay empty
    assert [noted[c] for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR")] == ["", "", ""]


def test_siret_is_checked() -> None:
    assert check_siret(AUTHORITY_SIREN, FICTIONAL_SIRET) == FICTIONAL_SIRET
    with pytest.raises(UsageError, match="14 digits"):
        check_siret(AUTHORITY_SIREN, "2199900010")
    with pytest.raises(UsageError, match="does not start"):
        check_siret(AUTHORITY_SIREN, "12345678900011")
    bad_key = FICTIONAL_SIRET[:-1] + str((int(FICTIONAL_SIRET[-1]) + 1) % 10)
    with pytest.raises(UsageError, match="Luhn"):
        check_siret(AUTHORITY_SIREN, bad_key)
