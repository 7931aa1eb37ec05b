"""What the pages show, read from the store by SPARQL into small typed views.

Everything about one deliberation lives in its named graph, so the deliberation view reads one
graph; the person view gathers the person's roles across every graph (séance by séance).
IRIs are validated by Oxigraph before they enter a query (:func:`iri_ref`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from delibgraph.store import PythonValue, Store
from delibgraph.store.convert import named_node
from delibgraph.vocab import PREFIXES

PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())


def iri_ref(iri: str) -> str:
    """``<iri>`` for a query; :class:`delibgraph.errors.StoreError` when not a valid IRI."""
    return str(named_node(iri))


@dataclass(frozen=True, slots=True)
class Link:
    iri: str
    label: str


@dataclass(frozen=True, slots=True)
class CastVote:
    person: Link
    option: str
    cast_by: Link | None
    derived_by: str | None


@dataclass(slots=True)
class DeliberationView:
    act: str
    graph: str
    values: dict[str, PythonValue | None]
    present: list[Link] = field(default_factory=list)
    represented: list[tuple[Link, Link | None]] = field(default_factory=list)
    absent: list[tuple[Link, bool]] = field(default_factory=list)
    not_voting: list[Link] = field(default_factory=list)
    votes: list[CastVote] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    decisions: list[str] = field(default_factory=list)
    annexes: list[str] = field(default_factory=list)

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        return str(value)

    def link(self, key: str, label_key: str) -> Link | None:
        iri = self.values.get(key)
        if iri is None:
            return None
        return Link(str(iri), self.text(label_key) or str(iri))


_HEAD = """
SELECT ?g ?number ?date ?published ?received ?actes ?title ?reasoning ?body ?bodyName
       ?authority ?authorityName ?theme ?themeName ?rapporteur ?rapporteurName ?event
       ?seance ?seanceDate ?place ?mode ?kind ?chair ?chairName ?result ?method ?unanimous
       ?inOffice ?format ?fileName ?sha256 ?ingested
WHERE { GRAPH ?g {
  $act eli:type_document dlg:DeliberationDocument .
  OPTIONAL { $act eli:number ?number } OPTIONAL { $act eli:date_document ?date }
  OPTIONAL { $act eli:date_publication ?published }
  OPTIONAL { $act dlg:prefectureReceipt ?received } OPTIONAL { $act dlg:actesId ?actes }
  OPTIONAL { ?expression eli:realizes $act . OPTIONAL { ?expression eli:title ?title }
             OPTIONAL { ?expression eli:description ?reasoning }
             OPTIONAL { ?format eli:embodies ?expression .
                        OPTIONAL { ?format dcterms:title ?fileName }
                        OPTIONAL { ?format spdx:checksum/spdx:checksumValue ?sha256 } } }
  OPTIONAL { $act eli:passed_by ?body . OPTIONAL { ?body skos:prefLabel ?bodyName }
             OPTIONAL { ?body org:subOrganizationOf ?authority .
                        OPTIONAL { ?authority skos:prefLabel ?authorityName } } }
  OPTIONAL { $act eli:is_about ?theme . OPTIONAL { ?theme skos:prefLabel ?themeName } }
  OPTIONAL { $act eli:responsibility_of_agent ?rapporteur .
             OPTIONAL { ?rapporteur foaf:name ?rapporteurName } }
  OPTIONAL { $act prov:wasGeneratedBy/prov:endedAtTime ?ingested }
  OPTIONAL { ?event prov:generated $act .
    OPTIONAL { ?event opengov:result ?result } OPTIONAL { ?event dlg:votingMethod ?method }
    OPTIONAL { ?event dlg:unanimous ?unanimous } OPTIONAL { ?event dlg:membersInOffice ?inOffice }
    OPTIONAL { ?event schema:superEvent ?seance .
      OPTIONAL { ?seance schema:startDate ?seanceDate }
      OPTIONAL { ?seance schema:location ?place }
      OPTIONAL { ?seance schema:eventAttendanceMode ?mode }
      OPTIONAL { ?seance dlg:sessionKind ?kind }
      OPTIONAL { ?seance dlg:chair ?chair . OPTIONAL { ?chair foaf:name ?chairName } } } }
} } LIMIT 1
"""
_ROLES = """
SELECT ?role ?person ?name ?family ?other ?otherName WHERE { GRAPH $g {
  { $event schema:attendee ?person BIND ("present" AS ?role) }
  UNION { $event dlg:proxy ?proxy . ?proxy dlg:proxyGiver ?person .
          OPTIONAL { ?proxy dlg:proxyHolder ?other . OPTIONAL { ?other foaf:name ?otherName } }
          BIND ("represented" AS ?role) }
  UNION { $event dlg:absentMember ?person .
          BIND (IF(EXISTS { $event dlg:excusedMember ?person }, "excused", "absent") AS ?role) }
  UNION { $event dlg:notTakingPart ?person BIND ("not-voting" AS ?role) }
  OPTIONAL { ?person foaf:name ?name } OPTIONAL { ?person foaf:familyName ?family }
} } ORDER BY ?role ?family ?name
"""
_VOTES = """
SELECT ?person ?name ?option ?castBy ?castByName ?rule WHERE { GRAPH $g {
  $event opengov:vote ?vote . ?vote schema:agent ?person ; schema:option ?option .
  OPTIONAL { ?person foaf:name ?name } OPTIONAL { ?person foaf:familyName ?family }
  OPTIONAL { ?vote dlg:castBy ?castBy . OPTIONAL { ?castBy foaf:name ?castByName } }
  OPTIONAL { ?vote dlg:derivedBy ?rule }
} } ORDER BY ?family ?name
"""
_COUNTS = """
SELECT ?type ?value WHERE { GRAPH $g {
  ?count opengov:voteEvent $event ; a ?type ; rdf:value ?value FILTER (?type != opengov:Count)
} }
"""
_PARTS = """
SELECT ?kind ?n ?text WHERE { GRAPH $g {
  { $act eli:has_part ?part . ?part eli:number ?n ; eli:description ?text BIND ("d" AS ?kind) }
  UNION { $act eli:has_annex ?part . ?part eli:title ?text BIND ("a" AS ?kind)
          BIND (STRAFTER(STR(?part), "/annex/") AS ?n) }
} } ORDER BY ?kind xsd:integer(?n)
"""


_OPTION_ORDER = {"yes": 0, "no": 1, "abstain": 2, "not voting": 3}


def _query(store: Store, template: str, **iris: str) -> list[dict[str, PythonValue | None]]:
    text = template
    for name, iri in iris.items():
        text = text.replace(f"${name}", iri_ref(iri))
    return store.query(PROLOGUE + text).records()


def deliberation_view(store: Store, act: str) -> DeliberationView | None:
    """Everything the deliberation page shows, or None when ``act`` is not a deliberation."""
    head = _query(store, _HEAD, act=act)
    if not head:
        return None
    values = head[0]
    view = DeliberationView(act=act, graph=str(values["g"]), values=values)
    event = values.get("event")
    if event is not None:
        for row in _query(store, _ROLES, g=view.graph, event=str(event)):
            person = Link(str(row["person"]), str(row["name"] or row["person"]))
            role = row["role"]
            if role == "present":
                view.present.append(person)
            elif role == "represented":
                other = row["other"]
                holder = Link(str(other), str(row["otherName"] or other)) if other else None
                view.represented.append((person, holder))
            elif role in ("absent", "excused"):
                view.absent.append((person, role == "excused"))
            else:
                view.not_voting.append(person)
        for row in sorted(
            _query(store, _VOTES, g=view.graph, event=str(event)),
            key=lambda r: _OPTION_ORDER.get(str(r["option"]), len(_OPTION_ORDER)),
        ):
            cast_by = row["castBy"]
            view.votes.append(
                CastVote(
                    Link(str(row["person"]), str(row["name"] or row["person"])),
                    str(row["option"]),
                    Link(str(cast_by), str(row["castByName"] or cast_by)) if cast_by else None,
                    str(row["rule"]) if row["rule"] else None,
                )
            )
        for row in _query(store, _COUNTS, g=view.graph, event=str(event)):
            if isinstance(row["value"], int):
                view.counts[str(row["type"])] = row["value"]
    for row in _query(store, _PARTS, g=view.graph, act=act):
        (view.decisions if row["kind"] == "d" else view.annexes).append(str(row["text"]))
    return view


# --------------------------------------------------------------------------- person


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """The person at one deliberation: present, represented (by ``other``), absent …"""

    seance: Link | None
    act: Link
    title: str | None
    role: str
    other: Link | None
    option: str | None
    cast_by: Link | None
    not_voting: bool


@dataclass(frozen=True, slots=True)
class ProxyReceived:
    seance: Link | None
    act: Link
    giver: Link


@dataclass(slots=True)
class PersonView:
    iri: str
    name: str
    posts: list[str] = field(default_factory=list)
    entries: list[PersonEntry] = field(default_factory=list)
    received: list[ProxyReceived] = field(default_factory=list)


_PERSON = """
SELECT ?name ?post ?bodyName WHERE {
  $p foaf:name ?name .
  OPTIONAL { ?postNode org:heldBy $p ; skos:prefLabel ?post .
             OPTIONAL { ?postNode org:postIn/skos:prefLabel ?bodyName } }
}
"""
_ATTENDANCE = """
SELECT ?act ?number ?title ?seance ?seanceDate ?role ?other ?otherName ?option ?castBy
       ?castByName ?notVoting
WHERE { GRAPH ?g {
  ?event prov:generated ?act .
  { ?event schema:attendee $p BIND ("present" AS ?role) }
  UNION { ?event dlg:proxy ?proxy . ?proxy dlg:proxyGiver $p .
          OPTIONAL { ?proxy dlg:proxyHolder ?other . OPTIONAL { ?other foaf:name ?otherName } }
          BIND ("represented" AS ?role) }
  UNION { ?event dlg:absentMember $p .
          BIND (IF(EXISTS { ?event dlg:excusedMember $p }, "excused", "absent") AS ?role) }
  OPTIONAL { ?event schema:superEvent ?seance . OPTIONAL { ?seance schema:startDate ?seanceDate } }
  OPTIONAL { ?act eli:number ?number }
  OPTIONAL { ?expression eli:realizes ?act ; eli:title ?title }
  OPTIONAL { ?event opengov:vote ?vote . ?vote schema:agent $p ; schema:option ?option .
             OPTIONAL { ?vote dlg:castBy ?castBy . OPTIONAL { ?castBy foaf:name ?castByName } } }
  BIND (EXISTS { ?event dlg:notTakingPart $p } AS ?notVoting)
} } ORDER BY ?seanceDate ?number
"""
_RECEIVED = """
SELECT ?act ?number ?seance ?seanceDate ?giver ?giverName WHERE { GRAPH ?g {
  ?event prov:generated ?act ; dlg:proxy ?proxy .
  ?proxy dlg:proxyHolder $p ; dlg:proxyGiver ?giver .
  OPTIONAL { ?giver foaf:name ?giverName }
  OPTIONAL { ?event schema:superEvent ?seance . OPTIONAL { ?seance schema:startDate ?seanceDate } }
  OPTIONAL { ?act eli:number ?number }
} } ORDER BY ?seanceDate ?number
"""


def _seance(row: dict[str, PythonValue | None]) -> Link | None:
    seance = row.get("seance")
    if seance is None:
        return None
    date = row.get("seanceDate")
    label = date.strftime("%d/%m/%Y") if isinstance(date, dt.date) else "date inconnue"
    return Link(str(seance), f"séance du {label}")


def _maybe_link(iri: PythonValue | None, label: PythonValue | None) -> Link | None:
    return Link(str(iri), str(label or iri)) if iri is not None else None


def person_view(store: Store, person: str) -> PersonView | None:
    """The person's attendance, proxies and votes across séances; None if not a person."""
    head = _query(store, _PERSON, p=person)
    if not head:
        return None
    view = PersonView(iri=person, name=str(head[0]["name"]))
    for row in head:
        if row["post"]:
            post = f"{row['post']} ({row['bodyName']})" if row["bodyName"] else str(row["post"])
            if post not in view.posts:
                view.posts.append(post)
    for row in _query(store, _ATTENDANCE, p=person):
        act = Link(str(row["act"]), str(row["number"] or row["act"]))
        view.entries.append(
            PersonEntry(
                seance=_seance(row),
                act=act,
                title=str(row["title"]) if row["title"] else None,
                role=str(row["role"]),
                other=_maybe_link(row["other"], row["otherName"]),
                option=str(row["option"]) if row["option"] else None,
                cast_by=_maybe_link(row["castBy"], row["castByName"]),
                not_voting=row["notVoting"] is True,
            )
        )
    for row in _query(store, _RECEIVED, p=person):
        giver = _maybe_link(row["giver"], row["giverName"])
        if giver is not None:
            act = Link(str(row["act"]), str(row["number"] or row["act"]))
            view.received.append(ProxyReceived(_seance(row), act, giver))
    return view


# --------------------------------------------------------------------------- séance


@dataclass(slots=True)
class SeanceView:
    iri: str
    values: dict[str, PythonValue | None]
    acts: list[tuple[Link, str | None, str | None]] = field(default_factory=list)
    """(act, title, result IRI) per deliberation of the séance."""


_SEANCE = """
SELECT ?date ?place ?mode ?kind ?chair ?chairName ?body ?bodyName WHERE {
  $s a schema:Event .
  OPTIONAL { $s schema:startDate ?date } OPTIONAL { $s schema:location ?place }
  OPTIONAL { $s schema:eventAttendanceMode ?mode } OPTIONAL { $s dlg:sessionKind ?kind }
  OPTIONAL { $s dlg:chair ?chair . OPTIONAL { ?chair foaf:name ?chairName } }
  OPTIONAL { $s schema:organizer ?body . OPTIONAL { ?body skos:prefLabel ?bodyName } }
} LIMIT 1
"""
_SEANCE_ACTS = """
SELECT DISTINCT ?act ?number ?title ?result WHERE { GRAPH ?g {
  ?event schema:superEvent $s ; prov:generated ?act .
  OPTIONAL { ?act eli:number ?number }
  OPTIONAL { ?expression eli:realizes ?act ; eli:title ?title }
  OPTIONAL { ?event opengov:result ?result }
} } ORDER BY ?number ?act
"""


def seance_view(store: Store, seance: str) -> SeanceView | None:
    head = _query(store, _SEANCE, s=seance)
    if not head:
        return None
    view = SeanceView(iri=seance, values=head[0])
    for row in _query(store, _SEANCE_ACTS, s=seance):
        act = Link(str(row["act"]), str(row["number"] or row["act"]))
        title = str(row["title"]) if row["title"] else None
        view.acts.append((act, title, str(row["result"]) if row["result"] else None))
    return view
