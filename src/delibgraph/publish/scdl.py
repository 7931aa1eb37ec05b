"""SCDL « Délibérations » (schéma 2.1.5): one CSV row per deliberation, read from the store.

The columns, in the schema's order, and where each value comes from:

=================== ==============================================================
COLL_NOM            the authority's ``skos:prefLabel``
COLL_SIRET          the SIRET given by the caller for the authority's SIREN (``siret``);
                    empty otherwise, see below
DELIB_ID            ``eli:number``
DELIB_DATE          ``eli:date_document``
DELIB_MATIERE_CODE  the ACTES matière the register states (``eli:is_about`` a concept of
                    ``ontology/actes-matieres.ttl``), at level 2: "7.5"
DELIB_MATIERE_NOM   its level-1 and level-2 labels, from the same file, as the schema
                    asks: lower case, no comma or parenthesis, joined by "/"
                    ("finances locales/subventions")
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

**Two required columns are often empty, and delibgraph does not invent them.** A register
prints the SIREN (9 digits, in its ACTES id) but not the NIC that makes a SIRET (14 digits):
COLL_SIRET is filled only from a SIREN → SIRET table the publisher passes (checked: 14 digits,
starting with the SIREN, Luhn key valid). DELIB_MATIERE_CODE and DELIB_MATIERE_NOM are filled
only from a matière the register states; **an inferred matière is left out** (both columns
empty): SCDL has no way to mark a value as a guess, and a reader filtering or counting by
matière would take the classifier's output (wrong for a fair share of acts: see its held-out
accuracy in ``docs/profile.md``) for the code the authority sent to the prefecture. The guess
stays in the graph (``dlg:inferredSubject``, with its confidence and cues), where it is marked
as such. A matière stated only at level 1 ("Matière : 7") is left out too: the schema needs a
level-2 code. The deliberation's theme is not written either: it is the authority's own
heading, and mixing it into a column of ACTES names would break grouping by matière. What
stays empty is counted in :attr:`ScdlTable.gaps`, so a file that is not fully valid says why.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

from delibgraph.errors import UsageError
from delibgraph.matieres import nomenclature
from delibgraph.store import PythonValue, Store
from delibgraph.vocab import ACTES_MATIERE_NS, PREFIXES

__all__ = [
    "SCDL_COLUMNS", "ScdlTable", "check_siret", "scdl_matiere", "scdl_table", "write_scdl",
]  # fmt: skip

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
SELECT ?act ?authority ?siren ?number ?date ?title ?received ?inOffice
       ?yes ?no ?abstain
WHERE {
  GRAPH ?g {
    ?act eli:type_document dlg:DeliberationDocument ; eli:number ?number .
    OPTIONAL { ?act eli:date_document ?date }
    OPTIONAL { ?act eli:passed_by/org:subOrganizationOf ?auth .
               OPTIONAL { ?auth skos:prefLabel ?authority }
               OPTIONAL { ?auth org:identifier ?siren } }
    OPTIONAL { ?expression eli:realizes ?act ; eli:title ?title }
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
# The ACTES concepts each act is about, stated or inferred. dlg:inferredSubject is a
# sub-property of eli:is_about: a store where a reasoner materialised it has both links for an
# inferred concept, so the code tells stated from inferred by the absence of the second.
_SUBJECTS = (
    _PROLOGUE
    + f"""
SELECT DISTINCT ?act ?concept ?inferred
WHERE {{
  GRAPH ?g {{
    ?act eli:type_document dlg:DeliberationDocument .
    {{ ?act eli:is_about ?concept . BIND (false AS ?inferred) }}
    UNION
    {{ ?act dlg:inferredSubject ?concept . BIND (true AS ?inferred) }}
    FILTER (STRSTARTS(STR(?concept), "{ACTES_MATIERE_NS}"))
  }}
}}
"""
)
_SCDL_CODE = re.compile(r"\d\.\d{1,2}")  # the schema's pattern for DELIB_MATIERE_CODE


@dataclass(frozen=True, slots=True)
class ScdlTable:
    """The rows (column → text, empty when unknown) and the required cells left empty."""

    rows: tuple[dict[str, str], ...]
    gaps: tuple[str, ...] = field(default=())


def scdl_table(store: Store, *, siret: Mapping[str, str] | None = None) -> ScdlTable:
    """One row per deliberation of ``store``; ``siret`` maps a SIREN to its SIRET."""
    sirets = {siren: check_siret(siren, value) for siren, value in (siret or {}).items()}
    stated, inferred = _subjects(store)
    rows: dict[str, dict[str, str]] = {}
    missing_siret: set[str] = set()
    missing_matiere: Counter[str] = Counter()
    for record in store.query(_ROWS).records():
        act = str(record["act"])
        if act in rows:  # a second title: the first one is kept
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
            DELIB_OBJET=_text(record["title"]),
            PREF_DATE=_text(record["received"]),
            DELIB_URL=act,
        )
        row.update(_vote_columns(record))
        stated_here = stated.get(act, set()) - inferred.get(act, set())
        columns = _first_matiere(stated_here)
        if columns is not None:
            row["DELIB_MATIERE_CODE"], row["DELIB_MATIERE_NOM"] = columns
        elif stated_here:
            missing_matiere["level1"] += 1
        elif act in inferred:
            missing_matiere["inferred"] += 1
        else:
            missing_matiere["none"] += 1
        rows[act] = row
    gaps = _matiere_gaps(missing_matiere, len(rows))
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


def scdl_matiere(code: str) -> tuple[str, str] | None:
    """DELIB_MATIERE_CODE and DELIB_MATIERE_NOM for a level-2 ACTES code of
    ``ontology/actes-matieres.ttl``: ``("7.5", "finances locales/subventions")``; None for a
    level-1 code or a code the nomenclature lacks."""
    known = nomenclature()
    subject = known.get(code)
    if subject is None or subject.parent is None or not _SCDL_CODE.fullmatch(code):
        return None
    heading = known.get(subject.parent)
    if heading is None:
        return None
    return code, f"{_scdl_label(heading.label)}/{_scdl_label(subject.label)}"


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


def _subjects(store: Store) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The ACTES codes each act is stated to be about, and those it was inferred to be about."""
    stated: dict[str, set[str]] = {}
    inferred: dict[str, set[str]] = {}
    for record in store.query(_SUBJECTS).records():
        code = str(record["concept"])[len(ACTES_MATIERE_NS) :]
        target = inferred if record["inferred"] is True else stated
        target.setdefault(str(record["act"]), set()).add(code)
    return stated, inferred


def _first_matiere(codes: set[str]) -> tuple[str, str] | None:
    """The columns of the lowest level-2 code among ``codes`` (a register states one; the
    order only makes the choice repeatable if a graph holds more)."""
    known = nomenclature()  # its codes are all digits and dots
    ordered = sorted(
        (code for code in codes if code in known),
        key=lambda code: [int(part) for part in code.split(".")],
    )
    return next(filter(None, map(scdl_matiere, ordered)), None)


def _matiere_gaps(missing: Counter[str], total: int) -> list[str]:
    empty = "DELIB_MATIERE_CODE and DELIB_MATIERE_NOM (required) are empty in"
    reasons = {
        "inferred": "whose ACTES matière delibgraph inferred, the register not stating it: SCDL "
        "cannot mark a value as a guess, so it is left out (it is in the graph as "
        "dlg:inferredSubject, with its confidence)",
        "level1": "whose register states the ACTES matière at level 1 only (or a code the "
        "nomenclature lacks): the schema needs a level-2 code",
        "none": "with no ACTES matière, stated or inferred",
    }
    return [
        f"{empty} {missing[reason]} of {total} rows {text}"
        for reason, text in reasons.items()
        if missing[reason]
    ]


def _scdl_label(label: str) -> str:
    """A nomenclature label as SCDL writes it: lower case, without commas or parentheses, and
    without "/" (the separator of the two levels)."""
    cleaned = re.sub(r"[,()]", " ", label.lower()).replace("/", "-")
    return " ".join(cleaned.split())


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
