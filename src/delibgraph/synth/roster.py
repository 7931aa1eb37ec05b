"""The members of an authority's council over the years, and who holds which office.

A roster is stable: the same person keeps the same printed name in every séance. Between two
years a few ordinary councillors resign and the next on the list takes their seat (same
political group), so the number of members in office never changes. The president and the
deputies (adjoints or vice-presidents, each with delegated themes) serve throughout.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from delibgraph.names import person_key
from delibgraph.synth import lexicon
from delibgraph.synth.territory import Authority

MAJORITY = 0


@dataclass(frozen=True, slots=True)
class Member:
    """One councillor: printed name, grammatical gender, political group, habits."""

    name: str  # as printed: "Hélène MARCHAND", "Louis de la MOTTE"
    feminine: bool
    group: int  # MAJORITY (0) or an opposition group 1, 2 …
    assiduity: float  # probability of attending a séance in person

    @property
    def civility(self) -> str:
        return "Madame" if self.feminine else "Monsieur"


@dataclass(frozen=True, slots=True)
class Office:
    """A deputy (adjoint, vice-president) or delegated councillor, and the themes they report."""

    member: Member
    role: str  # as printed after the name: "Vice-Présidente", "Adjoint délégué aux finances"
    themes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Replacement:
    year: int
    left: Member
    joined: Member


@dataclass(frozen=True, slots=True)
class Roster:
    """Who sits on the council in each year, and the offices."""

    president: Member
    head_role: str  # "Maire", "Présidente"
    offices: tuple[Office, ...]
    by_year: dict[int, tuple[Member, ...]]
    replacements: tuple[Replacement, ...]

    def members(self, year: int) -> tuple[Member, ...]:
        return self.by_year[year]

    def office_for(self, theme: str) -> Office | None:
        for office in self.offices:
            if theme in office.themes:
                return office
        return None


_ORDINALS = ("Premier", "Deuxième", "Troisième", "Quatrième")


class _NameSource:
    """Draws names that no other member of the same authority has (by person key)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._taken: set[str] = set()
        self._families: set[str] = set()

    def draw(self, feminine: bool) -> str:
        rng = self._rng
        while True:
            given_names = (
                lexicon.FEMININE_GIVEN_NAMES if feminine else lexicon.MASCULINE_GIVEN_NAMES
            )
            given = rng.choice(given_names)
            if rng.random() < 0.04:
                family = rng.choice(lexicon.PARTICLE_FAMILY_NAMES)
            else:
                family = rng.choice(lexicon.FAMILY_NAMES)
            if family in self._families and rng.random() < 0.9:
                continue  # the same family name twice on a council happens, but rarely
            name = f"{given} {family}"
            key = person_key(name)
            if key not in self._taken:
                self._taken.add(key)
                self._families.add(family)
                return name


def _member(names: _NameSource, rng: random.Random, group: int) -> Member:
    feminine = rng.random() < 0.5
    low = 0.75 if group == MAJORITY else 0.62
    return Member(names.draw(feminine), feminine, group, round(rng.uniform(low, 0.98), 3))


def _offices(
    members: Sequence[Member],
    authority: Authority,
    themes: Sequence[tuple[str, str]],
    rng: random.Random,
    *,
    deputies: int,
) -> tuple[Office, ...]:
    """Deputies take one or two themes each; delegated councillors take what is left."""
    kind = authority.kind
    short_roles = kind.key != "commune" and rng.random() < 0.5  # "Vice-Présidente" alone
    pending = list(themes)
    rng.shuffle(pending)
    offices: list[Office] = []
    for index, member in enumerate(members[:deputies]):
        if not pending:
            break
        taken = [pending.pop()]
        if pending and rng.random() < 0.35:
            taken.append(pending.pop())
        title = kind.deputy[member.feminine]
        if kind.key == "commune" and index < len(_ORDINALS):
            ordinal = _ORDINALS[index]
            if member.feminine and index == 0:
                ordinal = "Première"
            role = f"{ordinal} {title}"
        elif short_roles:
            role = title
        else:
            delegated = "déléguée" if member.feminine else "délégué"
            role = f"{title} {delegated} {' et '.join(phrase for _, phrase in taken)}"
        offices.append(Office(member, role, tuple(label for label, _ in taken)))
    for member in members[deputies:]:
        if not pending:
            break
        label, _ = pending.pop()
        offices.append(Office(member, kind.delegate[member.feminine], (label,)))
    return tuple(offices)


def make_roster(
    authority: Authority,
    years: Sequence[int],
    themes: Sequence[tuple[str, str]],
    rng: random.Random,
) -> Roster:
    """A council for ``years`` (ascending); ``themes`` are (label, delegation phrase) pairs."""
    names = _NameSource(rng)
    low, high = authority.kind.size
    size = rng.randint(max(30, low), min(100, high))
    majority_share = rng.uniform(0.6, 0.8)
    oppositions = rng.randint(1, 3)
    groups = [
        MAJORITY if i < round(size * majority_share) else 1 + i % oppositions for i in range(size)
    ]
    members = [_member(names, rng, group) for group in groups]
    president = Member(members[0].name, members[0].feminine, MAJORITY, 1.0)
    members[0] = president
    office_holders = [m for m in members[1:] if m.group == MAJORITY][: len(themes)]
    deputies = min(len(office_holders), max(6, size // 5), 15)
    offices = _offices(office_holders, authority, themes, rng, deputies=deputies)
    protected = {president.name} | {o.member.name for o in offices}

    by_year: dict[int, tuple[Member, ...]] = {}
    replacements: list[Replacement] = []
    for position, year in enumerate(years):
        if position > 0:
            for _ in range(rng.randint(0, 3)):
                candidates = [i for i, m in enumerate(members) if m.name not in protected]
                slot = rng.choice(candidates)
                left = members[slot]
                joined = _member(names, rng, left.group)
                members[slot] = joined
                replacements.append(Replacement(year, left, joined))
        by_year[year] = tuple(members)
    head = authority.kind.head[president.feminine]
    return Roster(president, head, offices, by_year, tuple(replacements))
