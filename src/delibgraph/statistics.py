"""Per-body statistics, precomputed at load time as data in the graph.

Researchers' questions — attendance per member and year, dissent per member and theme, who
gives proxies to whom, the séances with the lowest attendance — aggregate millions of
attendance and vote records once a store holds years of registers. Computed at query time they
take seconds; so after every ingestion :func:`refresh_statistics` recomputes, for each body
whose deliberations were written, the body's **statistics graph** from what the store holds
and replaces it whole (``docs/data-model.md``, "Statistics"). The figures are therefore exact
after every run: a re-ingested deliberation is counted once, a replaced one with its new
content. The queries of ``queries/`` read these records.

The aggregation happens inside the store (:mod:`delibgraph.statistics_queries`, SPARQL 1.1
only, so every backend does it); this module turns the grouped rows into records.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal

from rdflib import URIRef

from delibgraph import statistics_queries as q
from delibgraph.errors import StoreError
from delibgraph.ids import IriMinter
from delibgraph.mapping.context import date_literal, decimal, integer, plain
from delibgraph.store.base import RdfTriple, Store
from delibgraph.store.results import PythonValue
from delibgraph.vocab import ACTES_MATIERES_SCHEME, DLG, FOAF, RDF, SCHEMA, SKOS

_CHUNK = 400  # IRIs per VALUES block
NO_THEME = "(sans thème)"
ROLES = ("present", "represented", "absent")
_PLACES = Decimal(1).scaleb(-18)
_Names = dict[str, tuple[str | None, str | None]]  # person → (smallest name, family name)


@dataclass(frozen=True, slots=True)
class StatisticsRefresh:
    """What a refresh did: the bodies recomputed, their records, the time it took."""

    bodies: tuple[str, ...]
    records: int
    seconds: float


@dataclass
class _Attendance:
    present: int = 0
    represented: int = 0
    absent: int = 0
    seances: set[str] = field(default_factory=set)

    def add(self, role: str, n: int, seance: str | None) -> None:
        setattr(self, role, getattr(self, role) + n)
        if seance is not None:
            self.seances.add(seance)


@dataclass
class _Proxies:
    given: int = 0  # proxies (one per vote event at most)
    held: int = 0
    seances: set[str] = field(default_factory=set)  # where the member gave or held one
    given_seances: set[str] = field(default_factory=set)
    given_dates: list[str] = field(default_factory=list)
    holders: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class _Pair:
    events: int = 0
    seances: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)


def _iri(value: str) -> str:
    if any(c in value for c in '<>" {}|\\^`\n'):
        raise StoreError(f"the store holds an IRI that cannot be queried back: {value!r}")
    return f"<{value}>"


def _rows(store: Store, template: str, **bound: str) -> list[dict[str, PythonValue | None]]:
    text = template
    for name, value in bound.items():
        text = text.replace(f"${name}", value)
    return store.query(text).records()


def _text(value: PythonValue | None) -> str | None:
    return None if value is None else str(value)


def _count(value: PythonValue | None) -> int:
    return int(value) if isinstance(value, int | Decimal | str) else 0


def bodies_of_graphs(store: Store, graph_iris: Iterable[str]) -> set[str]:
    """The bodies whose vote events the named graphs hold (as the store has them now)."""
    graphs = sorted(set(graph_iris))
    found: set[str] = set()
    for start in range(0, len(graphs), _CHUNK):
        values = " ".join(_iri(g) for g in graphs[start : start + _CHUNK])
        found |= {str(r["body"]) for r in _rows(store, q.BODIES_OF_GRAPHS, graphs=values)}
    return found


def all_bodies(store: Store) -> set[str]:
    return {str(r["body"]) for r in _rows(store, q.ALL_BODIES)}


def refresh_statistics(
    store: Store, minter: IriMinter, bodies: Iterable[str] | None = None
) -> StatisticsRefresh:
    """Recompute and replace the statistics graph of each body (every body when None).

    A body without any stored vote event loses its statistics graph.
    """
    started = time.perf_counter()
    chosen = sorted(all_bodies(store) if bodies is None else set(bodies))
    records = 0
    for body in chosen:
        triples, count = body_statistics(store, minter, body)
        graph = str(minter.statistics_graph(body))
        if count:
            store.replace_graph(graph, triples)
        elif store.has_graph(graph):
            store.remove_graph(graph)
        records += count
    return StatisticsRefresh(tuple(chosen), records, time.perf_counter() - started)


def body_statistics(store: Store, minter: IriMinter, body: str) -> tuple[list[RdfTriple], int]:
    """The triples of one body's statistics graph and its number of records."""
    builder = _Builder(minter, body)
    bound = {"body": _iri(body), "matieres": _iri(str(ACTES_MATIERES_SCHEME))}
    builder.attendance(_rows(store, q.ROLES, **bound))
    builder.votes(_rows(store, q.THEME_VOTES, **bound))
    builder.proxies(_rows(store, q.PROXIES, **bound))
    builder.seances(_rows(store, q.EVENT_ATTENDANCE, **bound), _rows(store, q.SEANCES, **bound))
    builder.members(_names(store, builder.persons()))
    return builder.triples, builder.records


def _names(store: Store, persons: Sequence[str]) -> _Names:
    names: _Names = {}
    for person in persons:
        (name,) = _rows(store, q.NAME, member=_iri(person))
        (family,) = _rows(store, q.FAMILY_NAME, member=_iri(person))
        names[person] = (_text(name["name"]), _text(family["name"]))
    return names


class _Builder:
    """Turns one body's grouped rows into statistics records (as triples)."""

    def __init__(self, minter: IriMinter, body: str) -> None:
        self.minter, self.body = minter, body
        self.body_ref = URIRef(body)
        self.triples: list[RdfTriple] = []
        self.records = 0
        self._members: dict[str, _Attendance] = defaultdict(_Attendance)
        self._votes: dict[str, dict[str, int]] = defaultdict(dict)
        self._proxies: dict[str, _Proxies] = defaultdict(_Proxies)
        self._named: set[str] = set()

    # -- records
    def _record(self, iri: URIRef, kind: URIRef, values: Iterable[tuple[URIRef, object]]) -> None:
        self.records += 1
        self.triples.append((iri, RDF.type, kind))
        self.triples.append((iri, DLG.body, self.body_ref))
        for predicate, value in values:
            if value is not None:
                self.triples.append((iri, predicate, value))  # type: ignore[arg-type]

    def persons(self) -> list[str]:
        """Every person a record will name (whose names the graph repeats)."""
        found = set(self._named) | set(self._members) | set(self._votes) | set(self._proxies)
        for figures in self._proxies.values():
            found |= set(figures.holders)
        return sorted(found)

    def _member(self, person: str) -> URIRef:
        self._named.add(person)
        return URIRef(person)

    # -- attendance
    def attendance(self, rows: list[dict[str, PythonValue | None]]) -> None:
        years: dict[tuple[str, int], _Attendance] = defaultdict(_Attendance)
        for row in rows:
            member, role, n = str(row["member"]), str(row["role"]), _count(row["n"])
            seance = _text(row["seance"])
            self._members[member].add(role, n, seance)
            if row["year"] is not None:
                years[(member, _count(row["year"]))].add(role, n, seance)
        for (member, year), figures in sorted(years.items()):
            iri = self.minter.member_year_statistics(self.body, member, year)
            self._record(iri, DLG.MemberYearStatistics, [
                (DLG.member, self._member(member)), (DLG.year, integer(year)),
                *self._attendance_values(figures),
            ])  # fmt: skip

    @staticmethod
    def _attendance_values(figures: _Attendance) -> list[tuple[URIRef, object]]:
        return [
            (DLG.seanceCount, integer(len(figures.seances))),
            (DLG.presentCount, integer(figures.present)),
            (DLG.representedCount, integer(figures.represented)),
            (DLG.absentCount, integer(figures.absent)),
        ]

    # -- votes
    def votes(self, rows: list[dict[str, PythonValue | None]]) -> None:
        """Votes per member and option, and per member, theme and option (a vote on an act
        with two themes counts once in the totals and once under each theme)."""
        by_theme: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        concepts: dict[str, str] = {}
        for row in rows:
            member, option, n = str(row["member"]), str(row["option"]), _count(row["n"])
            totals = self._votes[member]
            totals[option] = totals.get(option, 0) + n
            for theme_name, concept in _themes(str(row["themes"] or "")):
                by_theme[(member, theme_name)][option] += n
                if concept:
                    concepts[theme_name] = concept
        for (member, theme_name), options in sorted(by_theme.items()):
            against, abstentions = options.get("no", 0), options.get("abstain", 0)
            if against + abstentions == 0:
                continue
            concept = concepts.get(theme_name)
            iri = self.minter.member_theme_statistics(self.body, member, theme_name)
            self._record(iri, DLG.MemberThemeStatistics, [
                (DLG.member, self._member(member)), (DLG.themeName, plain(theme_name)),
                (DLG.theme, URIRef(concept) if concept else None),
                (DLG.voteCount, integer(sum(options.values()))),
                (DLG.againstCount, integer(against)), (DLG.abstentionCount, integer(abstentions)),
            ])  # fmt: skip

    # -- proxies
    def proxies(self, rows: list[dict[str, PythonValue | None]]) -> None:
        pairs: dict[tuple[str, str], _Pair] = defaultdict(_Pair)
        for row in rows:
            giver, holder, events = str(row["giver"]), _text(row["holder"]), _count(row["events"])
            seance = _text(row["seance"])
            dates = [str(d) for d in (row["first"], row["last"]) if d is not None]
            given = self._proxies[giver]
            given.given += events
            given.given_dates += dates
            if seance is not None:
                given.seances.add(seance)
                given.given_seances.add(seance)
            if holder is None:
                continue
            given.holders[holder] += events
            held = self._proxies[holder]
            held.held += events
            pair = pairs[(giver, holder)]
            pair.events += events
            pair.dates += dates
            if seance is not None:
                held.seances.add(seance)
                pair.seances.add(seance)
        for (giver, holder), pair in sorted(pairs.items()):
            iri = self.minter.proxy_statistics(self.body, giver, holder)
            self._record(iri, DLG.ProxyStatistics, [
                (DLG.giver, self._member(giver)), (DLG.holder, self._member(holder)),
                (DLG.deliberationCount, integer(pair.events)),
                (DLG.seanceCount, integer(len(pair.seances))),
                *_date_range(pair.dates),
            ])  # fmt: skip

    def _proxy_values(self, member: str, names: _Names) -> list[tuple[URIRef, object]]:
        figures = self._proxies.get(member)
        if figures is None:
            return []
        values: list[tuple[URIRef, object]] = [
            (DLG.proxiesGivenCount, integer(figures.given)),
            (DLG.proxiesHeldCount, integer(figures.held)),
            (DLG.proxySeanceCount, integer(len(figures.seances))),
        ]
        if figures.given:
            values += [
                (DLG.givenProxySeanceCount, integer(len(figures.given_seances))),
                (DLG.holderCount, integer(len(figures.holders))),
                *_date_range(figures.given_dates),
            ]
        if figures.holders:
            # the holder of most of the member's proxies; among ties, the name sorting first
            most = max(figures.holders.values())
            tied = [h for h, held in figures.holders.items() if held == most]
            main = min(tied, key=lambda h: (names.get(h, (None, None))[0] or "\uffff", h))
            values.append((DLG.mainHolder, URIRef(main)))
        return values

    # -- séances
    def seances(
        self,
        event_rows: list[dict[str, PythonValue | None]],
        seance_rows: list[dict[str, PythonValue | None]],
    ) -> None:
        events: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
        for row in event_rows:
            key = (str(row["seance"]), str(row["voteEvent"]))
            events[key][str(row["role"])] = _count(row["n"])
        per_seance: dict[str, list[dict[str, int]]] = defaultdict(list)
        for (seance, _), counts in events.items():
            per_seance[seance].append(counts)
        for row in sorted(seance_rows, key=lambda r: str(r["seance"])):
            seance = str(row["seance"])
            counted = [c for c in per_seance.get(seance, []) if sum(c.values()) > 0]
            if not counted:
                continue
            n = Decimal(len(counted))
            averages = {role: Decimal(sum(c.get(role, 0) for c in counted)) / n for role in ROLES}
            rate = sum(Decimal(c.get("present", 0)) / Decimal(sum(c.values())) for c in counted)
            seance_ref = URIRef(seance)
            self._record(self.minter.seance_statistics(seance), DLG.SeanceStatistics, [
                (DLG.seance, seance_ref), (DLG.deliberationCount, integer(len(counted))),
                (DLG.averagePresent, _decimal(averages["present"])),
                (DLG.averageRepresented, _decimal(averages["represented"])),
                (DLG.averageAbsent, _decimal(averages["absent"])),
                (DLG.attendanceRate, _decimal(rate / n)),
            ])  # fmt: skip
            if isinstance(row["date"], dt.date):
                self.triples.append((seance_ref, SCHEMA.startDate, date_literal(row["date"])))
            if row["bodyName"] is not None:
                self.triples.append((self.body_ref, SKOS.prefLabel, plain(str(row["bodyName"]))))

    # -- members and names, last: they need every figure above
    def members(self, names: _Names) -> None:
        for member in sorted(set(self._members) | set(self._votes) | set(self._proxies)):
            options = self._votes.get(member, {})
            attendance = self._members.get(member, _Attendance())
            iri = self.minter.member_statistics(self.body, member)
            self._record(iri, DLG.MemberStatistics, [
                (DLG.member, self._member(member)),
                *self._attendance_values(attendance),
                (DLG.voteCount, integer(sum(options.values()))),
                (DLG.againstCount, integer(options.get("no", 0))),
                (DLG.abstentionCount, integer(options.get("abstain", 0))),
                (DLG.notVotingCount, integer(options.get("not voting", 0))),
                *self._proxy_values(member, names),
            ])  # fmt: skip
        for person in self.persons():
            name, family = names.get(person, (None, None))
            if name is not None:
                self.triples.append((URIRef(person), FOAF.name, plain(name)))
            if family is not None:
                self.triples.append((URIRef(person), FOAF.familyName, plain(family)))


def _themes(joined: str) -> list[tuple[str, str | None]]:
    """(theme name, concept IRI) of each theme of a row; one "(sans thème)" when none."""
    themes = {}
    for part in joined.split(q.THEME_SEPARATOR):
        concept, _, label = part.partition(q.THEME_PARTS)
        if label:
            themes[label] = concept or None
    return sorted(themes.items()) if themes else [(NO_THEME, None)]


def _decimal(value: Decimal) -> object:
    """At most 18 digits after the point: what xsd:decimal stores keep (Oxigraph among them)."""
    return decimal(value.quantize(_PLACES, rounding=ROUND_HALF_EVEN))


def _date_range(dates: list[str]) -> list[tuple[URIRef, object]]:
    if not dates:
        return []
    return [(DLG.firstDate, _date(min(dates))), (DLG.lastDate, _date(max(dates)))]


def _date(text: str) -> object:
    return date_literal(dt.date.fromisoformat(text[:10]))
