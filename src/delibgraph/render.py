"""Query results as text: an aligned table for people, CSV and JSON for programs.

The table is for reading in a terminal: IRIs are shortened (a known prefix, ``eli:…``, or the
last segment of the path, ``…/marchand-helene``) and decimals rounded to 4 places. CSV and JSON
give every value whole: IRIs in full, literals as their lexical form (CSV) or as JSON numbers,
booleans and strings (JSON; dates as ISO strings).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal

from delibgraph.store import QueryResult, Term
from delibgraph.vocab import PREFIXES

OutputFormat = Literal["table", "csv", "json"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("table", "csv", "json")
TABLE_DECIMALS = 4


def render(result: QueryResult, format: OutputFormat) -> str:
    """``result`` in ``format``; the text ends with a newline."""
    if format == "csv":
        return to_csv(result)
    if format == "json":
        return to_json(result) + "\n"
    return to_table(result)


# --------------------------------------------------------------------------- table


def text_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Plain-text columns, left-aligned text and right-aligned numbers, a rule under headers."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    numeric = [
        bool(rows) and all(_looks_numeric(row[i]) for row in rows if row[i])
        for i in range(len(headers))
    ]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if is_number else cell.ljust(width)
            for cell, width, is_number in zip(cells, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in rows)
    return "\n".join(out) + "\n"


def _looks_numeric(cell: str) -> bool:
    try:
        Decimal(cell)
    except ArithmeticError:
        return False
    return True


def to_table(result: QueryResult) -> str:
    if result.boolean is not None:
        return ("yes" if result.boolean else "no") + "\n"
    rows = [[table_cell(term) for term in row] for row in result.rows]
    text = text_table(result.variables, rows)
    count = len(rows)
    return text + f"({count} row{'s' if count != 1 else ''})\n"


def table_cell(term: Term | None) -> str:
    """One value as the table shows it."""
    if term is None:
        return ""
    if term.kind == "iri":
        return shorten_iri(term.value)
    value = term.to_python()
    if isinstance(value, Decimal):
        return format(round(value, TABLE_DECIMALS).normalize(), "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split())


def compact_iri(iri: str) -> str:
    """``eli:LegalResource`` for a term of a known vocabulary, else the IRI unchanged (a SHACL
    inverse path keeps its ``^``)."""
    inverse = iri.startswith("^")
    plain = iri[1:] if inverse else iri
    for prefix, namespace in PREFIXES.items():
        local = plain[len(namespace) :]
        if plain.startswith(namespace) and local and "/" not in local and "#" not in local:
            return f"{'^' if inverse else ''}{prefix}:{local}"
    return iri


def shorten_iri(iri: str) -> str:
    """:func:`compact_iri` for a known vocabulary, else ``…/`` and the last path segment."""
    compact = compact_iri(iri)
    if compact != iri:
        return compact
    tail = iri.rstrip("/").rsplit("/", 1)[-1]
    return f"…/{tail}" if tail and tail != iri else iri


# --------------------------------------------------------------------------- csv / json


def to_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if result.boolean is not None:
        writer.writerow(["ask"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if term is None else term.value for term in row])
    return buffer.getvalue()


def to_json(result: QueryResult) -> str:
    """A JSON array with one object per row (``{"ask": true}`` for ASK)."""
    if result.boolean is not None:
        return dumps({"ask": result.boolean})
    return dumps(result.records())


def json_default(value: object) -> Any:
    """What ``json.dumps`` cannot encode by itself: decimals, dates."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def dumps(value: object) -> str:
    """Indented JSON, non-ASCII characters kept as they are."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=json_default)
