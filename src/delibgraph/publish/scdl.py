"""SCDL « Délibérations » (schéma 2.1.5): one CSV row per deliberation, read from the store.

The columns, in the schema's order, and where each value comes from:

=================== ==============================================================
COLL_NOM            the authority's ``skos:prefLabel``
COLL_SIRET          the SIRET given by the caller for the authority's SIREN (``siret``);
                    empty otherwise, see below
DELIB_ID            ``eli:number``
DELIB_DATE          ``eli:date_document``
DELIB_MATIERE_CODE  empty: registers do not print the ACTES matière code
DELIB_MATIERE_NOM   the theme's ``skos:prefLabel`` (the authority's own référentiel, which
                    the schema allows as free text)
DELIB_OBJET         the expression's ``eli:title``
BUDGET_ANNEE/NOM    empty (registers do not state a budget line in a structured way)
PREF_ID             empty (the ACTES id gives a département, not the controlling
                    préfecture or sous-préfecture)
PREF_DATE           ``dlg:prefectureReceipt``
VOTE_EFFECTIF       ``dlg:membersInOffice``
VOTE_REEL           for + against + abstention
VOTE_POUR/CONTRE/   the stated counts; all five vote columns are filled together or left
VOTE_ABSTENTION     empty together (the schema's cohesion rule), e.g. empty when the
                    council only took note
DELIB_URL           the act's IRI, which the server dereferences to its page
=================== ==============================================================

**COLL_SIRET and DELIB_MATIERE_CODE are required by the schema, and the registers give
neither**: a register prints the SIREN (9 digits, in its ACTES id) but not the NIC that
makes a SIRET (14 digits), nor the ACTES matière code. delibgraph does not invent them:
COLL_SIRET is filled only from a SIREN → SIRET table the publisher passes (checked: 14
digits, starting with the SIREN, Luhn key valid); what stays empty is listed in
:attr:`ScdlTable.gaps`, so a file that is not fully valid says why.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

from delibgraph.errors import UsageError
from delibgraph.store import PythonValue, Store
from delibgraph.vocab import PREFIXES

__all__ = ["SCDL_COLUMNS", "ScdlTable", "check_siret", "scdl_table", "write_scdl"]

SCDL_COLUMNS: tuple[str, ...] = (
    "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE",
    "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL",
)  # fmt: skip
VOTE_COLUMNS = ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")

_PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
_ROWS = (
    _PROLOGUE
    + """
SELECT ?act ?authority ?siren ?number ?date ?title ?theme ?received ?inOffice
       ?yes ?no ?abstain
WHERE {
  GRAPH ?g {
    ?act eli:type_document dlg:DeliberationDocument ; eli:number ?number .
    OPTIONAL { ?act eli:date_document ?date }
    OPTIONAL { ?act eli:passed_by/org:subOrganizationOf ?auth .
               OPTIONAL { ?auth skos:prefLabel ?authority }
               OPTIONAL { ?auth org:identifier ?siren } }
    OPTIONAL { ?expression eli:realizes ?act ; eli:title ?title }
    OPTIONAL { ?act eli:is_about/skos:prefLabel ?theme }
    OPTIONAL { ?act dlg:prefectureReceipt ?received }
    OPTIONAL {
      ?event prov:generated ?act .
      OPTIONAL { ?event dlg:membersInOffice ?inOffice }
      OPTIONAL { ?yesCount opengov:voteEvent ?event ; a opengov:YesCount ; rdf:value ?yes }
      OPTIONAL { ?noCount opengov:voteEvent ?event ; a opengov:NoCount ; rdf:value ?no }
      OPTIONAL { ?absCount opengov:voteEvent ?event ; a opengov:AbstainCount ; rdf:value ?abstain }
    }
  }
}
ORDER BY ?date ?number ?act
"""
)


@dataclass(frozen=True, slots=True)
class ScdlTable:
    """The rows (column → text, empty when unknown) and the required cells left empty."""

    rows: tuple[dict[str, str], ...]
    gaps: tuple[str, ...] = field(default=())


def scdl_table(store: Store, *, siret: Mapping[str, str] | None = None) -> ScdlTable:
    """One row per deliberation of ``store``; ``siret`` maps a SIREN to its SIRET."""
    sirets = {siren: check_siret(siren, value) for siren, value in (siret or {}).items()}
    rows: dict[str, dict[str, str]] = {}
    missing_siret: set[str] = set()
    for record in store.query(_ROWS).records():
        act = str(record["act"])
        if act in rows:  # a second title or theme: the first one is kept
            continue
        siren = _text(record["siren"])
        coll_siret = sirets.get(siren, "")
        if not coll_siret:
            missing_siret.add(siren or _text(record["authority"]))
        row = dict.fromkeys(SCDL_COLUMNS, "")
        row.update(
            COLL_NOM=_text(record["authority"]),
            COLL_SIRET=coll_siret,
            DELIB_ID=_text(record["number"]),
            DELIB_DATE=_text(record["date"]),
            DELIB_MATIERE_NOM=_text(record["theme"]),
            DELIB_OBJET=_text(record["title"]),
            PREF_DATE=_text(record["received"]),
            DELIB_URL=act,
        )
        row.update(_vote_columns(record))
        rows[act] = row
    gaps: list[str] = []
    if rows:
        gaps.append(
            "DELIB_MATIERE_CODE (required) is empty in every row: registers do not print "
            "the ACTES matière code"
        )
    gaps.extend(
        f"COLL_SIRET (required) is empty for the authority {who or '(unnamed)'}: the register "
        "gives its SIREN only; pass its SIRET (siret={SIREN: SIRET})"
        for who in sorted(missing_siret)
    )
    return ScdlTable(tuple(rows.values()), tuple(gaps))


def write_scdl(store: Store, out: TextIO, *, siret: Mapping[str, str] | None = None) -> ScdlTable:
    """Write the SCDL CSV (UTF-8 text, comma-separated, header row) to ``out``."""
    table = scdl_table(store, siret=siret)
    writer = csv.DictWriter(out, fieldnames=SCDL_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(table.rows)
    return table


def check_siret(siren: str, siret: str) -> str:
    """``siret`` when it is 14 digits, starts with ``siren`` and has a valid Luhn key."""
    value = siret.replace(" ", "")
    if len(value) != 14 or not value.isdigit():
        raise UsageError(f"SIRET {siret!r} for SIREN {siren}: a SIRET is 14 digits")
    if not value.startswith(siren):
        raise UsageError(f"SIRET {siret!r} does not start with the SIREN {siren}")
    if not _luhn_valid(value):
        raise UsageError(f"SIRET {siret!r} has an invalid check digit (Luhn)")
    return value


def _vote_columns(record: Mapping[str, PythonValue | None]) -> dict[str, str]:
    counts = [record[name] for name in ("inOffice", "yes", "no", "abstain")]
    if not all(isinstance(value, int) for value in counts):
        return {}
    in_office, yes, no, abstain = (int(str(value)) for value in counts)
    return {
        "VOTE_EFFECTIF": str(in_office),
        "VOTE_REEL": str(yes + no + abstain),
        "VOTE_POUR": str(yes),
        "VOTE_CONTRE": str(no),
        "VOTE_ABSTENTION": str(abstain),
    }


def _text(value: PythonValue | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        n = int(char)
        if position % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0
