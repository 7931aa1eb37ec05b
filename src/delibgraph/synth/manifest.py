"""``manifest.json``: the truth of every generated file, written as the files are.

The manifest is one JSON object::

    {"generator": "delibgraph.synth", "arguments": {...},
     "deliberations": [{"file": "…txt", "number": …, "session": {…}, "present": […], …}, …],
     "authorities": [{"slug": …, "siren": …, "layout": {…}, "rosters": {"2021": […]}, …}],
     "totals": {"authorities": …, "seances": …, "deliberations": …}}

Each deliberation's entry uses the keys of ``delibgraph parse --format json`` for the facts
the parser must find (``number``, ``authority``, ``session``, ``members_in_office``,
``present``, ``represented``, ``absent``, ``vote`` …), plus what only the generator knows
(``layout``, ``report_words``, the séance's late arrivals and early departures). ``absent``
gives ``excused`` as the text states it: ``null`` under "Absent(es) / Excusé(es)".

Entries are streamed to the file one per line: the corpus is never held in memory.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from delibgraph.synth.draft import Draft
from delibgraph.synth.layout import Layout
from delibgraph.synth.render import printed_absences
from delibgraph.synth.roster import Roster
from delibgraph.synth.territory import Authority


def _amount(text: str) -> dict[str, Any]:
    """An amount as the parser gives it: no-break spaces read as spaces."""
    plain = text.replace("\u00a0", " ").replace("\u202f", " ")
    value = Decimal(plain.removesuffix(" €").replace(" ", "").replace(",", "."))
    return {"value": float(value), "currency": "EUR", "text": plain}


def _place(draft: Draft) -> str | None:
    """The room as the parser reads it: the noun phrase after its preposition ("en la salle du
    Conseil" → "salle du Conseil"), without the town that may follow it; "au lieu ordinaire de
    ses séances" is kept whole."""
    if draft.plan.mode == "videoconference":
        return None
    room = re.sub(r"^(?:en|dans|à)\s+(?:la\s+|l')?", "", draft.authority.room)
    return room.split(", à ")[0]


def truth(draft: Draft, layout: Layout, file_name: str) -> dict[str, Any]:
    """The manifest entry of one generated file."""
    attendance, vote, authority = draft.attendance, draft.vote, draft.authority
    counts = vote.counts or (None, None, None, None)
    names = vote.names_printed
    return {
        "file": file_name,
        "number": draft.number,
        "authority": {"name": authority.name, "siren": authority.siren},
        "body": authority.kind.council,
        "session": {
            "date": draft.plan.date.isoformat(),
            "kind": draft.plan.kind,
            "place": _place(draft),
            "mode": draft.plan.mode,
            "president": draft.roster.president.name,
        },
        "members_in_office": draft.members_in_office,
        "present": [m.name for m in attendance.present],
        "represented": [
            {"name": giver.name, "proxy_holder": holder.name}
            for giver, holder in attendance.represented
        ],
        "absent": [
            {"name": name, "excused": excused} for name, excused in printed_absences(draft, layout)
        ],
        "theme": draft.theme,
        "title": draft.title,
        "rapporteur": {"name": draft.rapporteur.name, "role": draft.rapporteur_role},
        "decisions": list(draft.decisions),
        "vote": {
            "method": vote.method,
            "outcome": vote.outcome,
            "unanimous": vote.unanimous,
            "for": counts[0],
            "against": counts[1],
            "abstention": counts[2],
            "not_voting": counts[3],
            "against_names": [m.name for m in vote.against] if names else [],
            "abstention_names": [m.name for m in vote.abstention] if names else [],
            "not_voting_names": [m.name for m in vote.not_voting] if names else [],
        },
        "signed": {"place": authority.seat, "date": draft.signed.isoformat()},
        "published": draft.published.isoformat(),
        "prefecture": {"received": draft.received.isoformat(), "actes_id": draft.actes_id},
        "annexes": list(draft.annexes),
        "entities": {
            "organizations": list(draft.organisations),
            "amounts": [_amount(text) for text in draft.amounts],
        },
        "report_words": draft.report_words,
        "events": {
            "arrived_late": [m.name for m in attendance.arrived],
            "left_early": [m.name for m in attendance.left],
        },
    }


def authority_record(
    authority: Authority, roster: Roster, layout: Layout, *, seances: int, deliberations: int
) -> dict[str, Any]:
    """An authority, its layout and its roster year by year (for the manifest)."""
    return {
        "slug": authority.slug,
        "name": authority.name,
        "kind": authority.kind.key,
        "siren": authority.siren,
        "department": authority.department_code,
        "body": authority.kind.council,
        "president": roster.president.name,
        "members_in_office": len(next(iter(roster.by_year.values()))),
        "seances": seances,
        "deliberations": deliberations,
        "offices": [
            {"name": o.member.name, "role": o.role, "themes": list(o.themes)}
            for o in roster.offices
        ],
        "layout": layout.as_json(),
        "rosters": {str(year): [m.name for m in ms] for year, ms in roster.by_year.items()},
        "replacements": [
            {"year": r.year, "left": r.left.name, "joined": r.joined.name}
            for r in roster.replacements
        ],
    }


class ManifestWriter:
    """Streams ``manifest.json``: deliberations as they come, authorities and totals last."""

    def __init__(self, path: Path, arguments: dict[str, Any]) -> None:
        self._path = path
        self._arguments = arguments
        self._file: IO[str] | None = None
        self._entries = 0
        self._authorities: list[dict[str, Any]] = []

    def __enter__(self) -> ManifestWriter:
        self._file = self._path.open("w", encoding="utf-8", newline="\n")
        head = {"generator": "delibgraph.synth", "arguments": self._arguments}
        self._file.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "deliberations": [\n')
        return self

    def add(self, entry: dict[str, Any]) -> None:
        assert self._file is not None, "use ManifestWriter as a context manager"
        if self._entries:
            self._file.write(",\n")
        self._file.write(json.dumps(entry, ensure_ascii=False))
        self._entries += 1

    def add_authority(self, record: dict[str, Any]) -> None:
        self._authorities.append(record)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._file is None:
            return
        self._file.write("\n],\n")
        self._file.write('"authorities": ' + json.dumps(self._authorities, ensure_ascii=False))
        totals = {
            "authorities": len(self._authorities),
            "seances": sum(a["seances"] for a in self._authorities),
            "deliberations": self._entries,
        }
        self._file.write(',\n"totals": ' + json.dumps(totals) + "\n}\n")
        self._file.close()
        self._file = None
