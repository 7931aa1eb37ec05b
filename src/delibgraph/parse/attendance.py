"""Who attended: each member of the attendance lists, present, represented or absent.

A :class:`Member` is one member's standing for one deliberation, with where it was read. The
lists of an extract give the standing directly; in a whole-séance document the séance's lists
give it for the first item and :mod:`.session` changes it item by item (arrivals, departures,
proxies limited to some items).

Conventions: a proxy holder named by office ("M. le Maire") is the president when the header
prints the president with that office; a member listed as absent and also as giving a proxy
is represented, not absent.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from delibgraph.model import AbsentMember, Deliberation, RepresentedMember, Span
from delibgraph.names import person_key, strip_accents
from delibgraph.parse.lists import AttendanceList
from delibgraph.parse.normalize import Document, Located
from delibgraph.parse.people import parse_names

PRESENT, REPRESENTED, ABSENT = "present", "represented", "absent"
_FIELDS = (PRESENT, REPRESENTED, ABSENT)


@dataclass(frozen=True, slots=True)
class Member:
    """One member's standing, the name as printed in the list and where it was read."""

    name: Located[str]
    status: str  # PRESENT | REPRESENTED | ABSENT
    holder: str | None = None  # the proxy holder, when represented and named
    holder_at: Located[str] | None = None
    excused: bool | None = None  # when absent
    item: tuple[int, int] = (0, 0)  # the list item it was read from, notes included

    @property
    def key(self) -> str:
        return person_key(self.name.value)


def same_office(role: str | None, president_role: str | None) -> bool:
    """True when an office named in the text ("le Maire") is the president's stated role."""
    if not role or not president_role:
        return False
    a, b = _fold(role), _fold(president_role)
    return a.startswith(b) or b.startswith(a)


def _fold(text: str) -> str:
    return strip_accents(text).lower().replace("madame ", "").replace("monsieur ", "").strip()


def read_members(
    doc: Document, lists: Iterable[AttendanceList], president: tuple[str | None, str | None]
) -> list[Member]:
    """The members of the attendance lists, in the order printed."""
    members: list[Member] = []
    for block in lists:
        if block.kind == "other":
            continue
        for entry in parse_names(doc, *block.body, bare_a=block.proxy_heading):
            holder = entry.holder.value if entry.holder else None
            role = entry.holder_role
            if holder is None and role is not None and same_office(role.value, president[1]):
                holder = president[0]
            holder_at = entry.holder or entry.holder_role
            if holder_at is not None or block.kind == REPRESENTED:
                members.append(Member(entry.name, REPRESENTED, holder, holder_at, item=entry.item))
            elif block.kind == PRESENT:
                members.append(Member(entry.name, PRESENT, item=entry.item))
            else:
                members.append(Member(entry.name, ABSENT, excused=block.excused, item=entry.item))
    represented = {m.key for m in members if m.status == REPRESENTED}
    return [m for m in members if m.status != ABSENT or m.key not in represented]


def list_spans(doc: Document, lists: Sequence[AttendanceList]) -> dict[str, Span]:
    """The span of each kind of list ("present", "represented", "absent")."""
    ranges: dict[str, list[tuple[int, int]]] = {kind: [] for kind in _FIELDS}
    for block in lists:
        if block.kind in ranges:
            ranges[block.kind].append((block.heading[0], block.body[1]))
    return {
        kind: doc.span(min(r[0] for r in found), max(r[1] for r in found))
        for kind, found in ranges.items()
        if found
    }


def with_members(
    d: Deliberation, doc: Document, members: Sequence[Member], blocks: dict[str, Span]
) -> Deliberation:
    """``d`` with its attendance (and the spans of it) taken from ``members``."""
    spans = {key: span for key, span in d.spans.items() if not key.startswith(_FIELDS)}
    spans.update(blocks)
    present = [m for m in members if m.status == PRESENT]
    represented = [m for m in members if m.status == REPRESENTED]
    absent = [m for m in members if m.status == ABSENT]

    def add(key: str, found: Located[str] | None) -> None:
        if found is not None and found.end > found.start:
            spans[key] = doc.span(found.start, found.end)

    for index, member in enumerate(present):
        add(f"present[{index}]", member.name)
    for index, member in enumerate(represented):
        add(f"represented[{index}]", member.name)
        add(f"represented[{index}].proxy_holder", member.holder_at)
    for index, member in enumerate(absent):
        add(f"absent[{index}]", member.name)
    return dataclasses.replace(
        d,
        present=tuple(m.name.value for m in present),
        represented=tuple(RepresentedMember(m.name.value, m.holder) for m in represented),
        absent=tuple(AbsentMember(m.name.value, m.excused) for m in absent),
        spans=spans,
    )
