"""Séances and what happens in them: dates, attendance item by item, proxies, votes.

Attendance is drawn once per séance from each member's habits (present, proxy to a present
member of the same group when possible, excused, absent), then varied item by item by the
séance's events: a member arriving late is absent or represented for the first items and
present after; a member leaving early is represented or absent from some item on. A proxy
holder is present for every item and holds at most one proxy.

Every item satisfies the register's arithmetic by construction: present + represented +
absent = members in office, and for + against + abstention + not voting = present +
represented.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from delibgraph.synth.roster import MAJORITY, Member

PRESENT = "present"
PROXY = "proxy"
ABSENT = "absent"

# Séances held mostly by videoconference during the health emergency.
_REMOTE_PERIOD = (dt.date(2020, 4, 1), dt.date(2021, 6, 30))


@dataclass(frozen=True, slots=True)
class SeancePlan:
    date: dt.date
    kind: str  # "ordinaire" | "extraordinaire"
    mode: str  # "in_person" | "videoconference" | "hybrid"
    method: str  # "electronic" | "show_of_hands"
    items: int


@dataclass(frozen=True, slots=True)
class Status:
    """One member's situation for one item: present, represented (by holder) or absent."""

    kind: str  # PRESENT | PROXY | ABSENT
    holder: Member | None = None
    excused: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """A late arrival (status before ``item``) or an early departure (status from ``item``)."""

    member: Member
    item: int
    arrival: bool
    status: Status


@dataclass(frozen=True, slots=True)
class ItemAttendance:
    present: tuple[Member, ...]
    represented: tuple[tuple[Member, Member], ...]  # (giver, holder)
    absent: tuple[tuple[Member, bool], ...]  # (member, excused)
    voters: tuple[Member, ...]  # present or represented, in print order
    arrived: tuple[Member, ...]  # late arrivals already there
    left: tuple[Member, ...]  # early departures already gone


@dataclass(frozen=True, slots=True)
class VoteResult:
    method: str | None  # None when the council only takes note
    outcome: str  # "adopted" | "noted"
    unanimous: bool | None
    counts: tuple[int, int, int, int] | None  # for, against, abstention, not voting
    against: tuple[Member, ...] = ()
    abstention: tuple[Member, ...] = ()
    not_voting: tuple[Member, ...] = ()
    names_printed: bool = True  # False for a secret ballot


def plan_seances(
    rng: random.Random,
    count: int,
    per_seance: tuple[int, int],
    *,
    electronic_system: bool,
) -> list[SeancePlan]:
    """``count`` séances over as many years as an authority's rhythm (6–10 a year) needs."""
    per_year = rng.randint(6, 10)
    first_year = rng.randint(2019, 2022)
    plans: list[SeancePlan] = []
    for offset in range(math.ceil(count / per_year)):
        year = first_year + offset
        wanted = min(per_year, count - len(plans))
        for date in sorted(rng.sample(_sitting_days(year), wanted)):
            plans.append(_plan(rng, date, per_seance, electronic_system))
    return plans


def _sitting_days(year: int) -> list[dt.date]:
    """Weekdays of the year outside August and the year-end holidays."""
    day, end = dt.date(year, 1, 8), dt.date(year, 12, 20)
    days = []
    while day <= end:
        if day.weekday() < 5 and day.month != 8:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _plan(
    rng: random.Random, date: dt.date, per_seance: tuple[int, int], electronic_system: bool
) -> SeancePlan:
    draw = rng.random()
    if _REMOTE_PERIOD[0] <= date <= _REMOTE_PERIOD[1]:
        mode = "videoconference" if draw < 0.7 else "hybrid" if draw < 0.8 else "in_person"
    else:
        mode = "in_person" if draw < 0.93 else "hybrid" if draw < 0.97 else "videoconference"
    electronic = mode != "in_person" or electronic_system
    kind = "extraordinaire" if rng.random() < 0.08 else "ordinaire"
    method = "electronic" if electronic else "show_of_hands"
    return SeancePlan(date, kind, mode, method, rng.randint(*per_seance))


class SeanceAttendance:
    """Who is there, item by item, in one séance."""

    def __init__(
        self,
        rng: random.Random,
        members: Sequence[Member],
        chair: Member,
        plan: SeancePlan,
    ) -> None:
        """``members`` in print order; the ``chair`` is present throughout."""
        self.members = tuple(members)
        self.base: dict[str, Status] = {}
        self.events: list[Event] = []
        holders: set[str] = set()
        present = [m for m in members if m is chair or rng.random() < m.assiduity]
        present_names = {m.name for m in present}
        for member in members:
            if member.name in present_names:
                self.base[member.name] = Status(PRESENT)
        ordinary = [m for m in present if m is not chair]
        late = self._pick_mover(rng, ordinary, plan, 0.4)
        leaving = self._pick_mover(rng, ordinary, plan, 0.25, exclude=late)
        movers = {m.name for m in (late, leaving) if m is not None}
        free_holders = [m for m in ordinary if m.name not in movers]
        for member in members:
            if member.name not in present_names:
                self.base[member.name] = self._away(rng, member, free_holders, holders, 0.6)
        if late is not None:
            item = rng.randint(1, plan.items - 1)
            before = self._away(rng, late, free_holders, holders, 0.5, excused=0.0)
            self.events.append(Event(late, item, True, before))
        if leaving is not None:
            item = rng.randint(1, plan.items - 1)
            after = self._away(rng, leaving, free_holders, holders, 0.6, excused=0.0)
            self.events.append(Event(leaving, item, False, after))

    @staticmethod
    def _pick_mover(
        rng: random.Random,
        present: list[Member],
        plan: SeancePlan,
        chance: float,
        exclude: Member | None = None,
    ) -> Member | None:
        if plan.items < 2 or len(present) < 3 or rng.random() >= chance:
            return None
        candidates = [m for m in present if m is not exclude]
        return rng.choice(candidates) if candidates else None

    @staticmethod
    def _away(
        rng: random.Random,
        member: Member,
        free_holders: list[Member],
        holders: set[str],
        proxy_chance: float,
        *,
        excused: float = 0.75,
    ) -> Status:
        """A proxy to a free present member (same group first) or an absence."""
        if rng.random() < proxy_chance:
            available = [m for m in free_holders if m.name not in holders]
            same_group = [m for m in available if m.group == member.group]
            pool = same_group or available
            if pool:
                holder = rng.choice(pool)
                holders.add(holder.name)
                return Status(PROXY, holder)
        return Status(ABSENT, excused=rng.random() < excused)

    def item(self, index: int) -> ItemAttendance:
        """Attendance for item ``index`` (0-based), members in ``self.members`` order."""
        status = dict(self.base)
        arrived: list[Member] = []
        left: list[Member] = []
        for event in self.events:
            if event.arrival and index < event.item:
                status[event.member.name] = event.status
            elif event.arrival:
                arrived.append(event.member)
            elif index >= event.item:
                status[event.member.name] = event.status
                left.append(event.member)
        present: list[Member] = []
        represented: list[tuple[Member, Member]] = []
        absent: list[tuple[Member, bool]] = []
        voters: list[Member] = []
        for member in self.members:
            state = status[member.name]
            if state.kind == PRESENT:
                present.append(member)
                voters.append(member)
            elif state.kind == PROXY and state.holder is not None:
                represented.append((member, state.holder))
                voters.append(member)
            else:
                absent.append((member, state.excused))
        return ItemAttendance(
            tuple(present),
            tuple(represented),
            tuple(absent),
            tuple(voters),
            tuple(arrived),
            tuple(left),
        )


def draw_vote(
    rng: random.Random,
    attendance: ItemAttendance,
    *,
    method: str,
    contested: float,
    not_voting: Sequence[Member],
    chair: Member,
) -> VoteResult:
    """The vote on one item: opposition groups vote as blocs when the item is contested."""
    voters = attendance.voters
    abstaining_out = {m.name for m in not_voting}
    choice: dict[str, str] = {m.name: "for" for m in voters if m.name not in abstaining_out}
    if rng.random() < contested:
        groups = sorted({m.group for m in voters if m.group != MAJORITY})
        for group in groups:
            bloc = rng.choices(("against", "abstention", "for"), weights=(5, 4, 1))[0]
            for member in voters:
                if member.group == group and member.name in choice:
                    deviate = rng.random() < 0.08
                    choice[member.name] = rng.choice(("abstention", "for")) if deviate else bloc
    if rng.random() < 0.05:
        majority = [
            m for m in voters if m.group == MAJORITY and m.name in choice and m is not chair
        ]
        if majority:
            choice[rng.choice(majority).name] = "abstention"
    against = [m for m in voters if choice.get(m.name) == "against"]
    favour = [m for m in voters if choice.get(m.name) == "for"]
    if len(favour) <= len(against):  # the majority holds: the opposition abstains instead
        for member in against:
            choice[member.name] = "abstention"
        against = []
    abstention = [m for m in voters if choice.get(m.name) == "abstention"]
    excluded = [m for m in voters if m.name in abstaining_out]
    counts = (
        len(voters) - len(against) - len(abstention) - len(excluded),
        len(against),
        len(abstention),
        len(excluded),
    )
    return VoteResult(
        method=method,
        outcome="adopted",
        unanimous=not against and not abstention,
        counts=counts,
        against=tuple(against),
        abstention=tuple(abstention),
        not_voting=tuple(excluded),
        names_printed=method != "secret_ballot",
    )
