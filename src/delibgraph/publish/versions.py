"""The version log: every version of every act, kept in the store as data.

Re-ingesting a deliberation replaces its named graph, so the store alone only knows the
latest version of an act. The log keeps them all, in one dedicated named graph
(:func:`log_graph_iri`, ``{base}graph/versions``), one record per version::

    <{act}/version/20240501T120000000000Z> a prov:Entity ;
        dcterms:isVersionOf <{act}> ;
        prov:generatedAtTime "2024-05-01T12:00:00Z"^^xsd:dateTime ;
        dcterms:identifier "…" ;   # SHA-256 (hex) of the act's graph (see below)
        dcterms:title "…"@fr ; dcterms:date "2023-03-14"^^xsd:date .

A **version** is a distinct content of a deliberation's graph. Its digest is the SHA-256 of
the graph's triples, sorted, leaving out the ingestion's own provenance (the ``prov:Activity``
and ``prov:SoftwareAgent`` nodes, whose time changes at every run) and blank node labels.
:func:`record_versions` adds a record when an act's current digest differs from its latest
recorded one: re-ingesting an unchanged file adds nothing (the store's triple count stays the
same); a corrected file, or a parser that now reads it differently, adds a version.

The timestamp is the ingestion time (``prov:endedAtTime``), raised when needed to one
microsecond after the latest record, so that the log only ever grows at its end: the event
stream built on it (:mod:`delibgraph.publish.ldes`) can then declare its full pages immutable.
The log uses ``dcterms:`` and ``prov:`` terms that the data graphs do not use on acts, so the
library's queries over the union of graphs are not affected by it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Node

from delibgraph.errors import StoreError
from delibgraph.ids import normalise_base
from delibgraph.store import Store, Term
from delibgraph.vocab import DCTERMS, PREFIXES, PROV, RDF, XSD

__all__ = ["Version", "list_versions", "log_graph_iri", "record_versions", "version_triples"]

PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
ONE_TICK = dt.timedelta(microseconds=1)

_SNAPSHOTS = (
    PROLOGUE
    + """
SELECT ?g ?act ?title ?date ?ended WHERE {
  GRAPH ?g {
    ?act eli:type_document dlg:DeliberationDocument .
    OPTIONAL { ?act eli:date_document ?date }
    OPTIONAL { ?expression eli:realizes ?act ; eli:title ?title }
    OPTIONAL { ?act prov:wasGeneratedBy ?ingestion . ?ingestion prov:endedAtTime ?ended }
  }
} ORDER BY ?g
"""
)
_CONTENT = (
    PROLOGUE
    + """
SELECT ?g ?s ?p ?o WHERE {
  GRAPH ?g {
    ?s ?p ?o
    FILTER NOT EXISTS { ?s a ?kind FILTER (?kind IN (prov:Activity, prov:SoftwareAgent)) }
  }
}
"""
)
_LOG = (
    PROLOGUE
    + """
SELECT ?log ?version ?act ?time ?digest ?title ?date WHERE {
  GRAPH ?log {
    ?version dcterms:isVersionOf ?act ; prov:generatedAtTime ?time .
    OPTIONAL { ?version dcterms:identifier ?digest }
    OPTIONAL { ?version dcterms:title ?title }
    OPTIONAL { ?version dcterms:date ?date }
  }
} ORDER BY ?time ?version
"""
)


@dataclass(frozen=True, slots=True)
class Version:
    """One recorded version of an act."""

    iri: str
    act: str
    timestamp: dt.datetime
    digest: str
    title: str | None = None
    date: dt.date | None = None


def log_graph_iri(base: str) -> str:
    """The named graph holding the version log."""
    return f"{normalise_base(base)}graph/versions"


def version_iri(act: str, timestamp: dt.datetime) -> str:
    return f"{act}/version/{timestamp.astimezone(dt.UTC):%Y%m%dT%H%M%S%fZ}"


def list_versions(store: Store, *, base: str) -> list[Version]:
    """Every recorded version, oldest first (by timestamp, then IRI)."""
    result = store.query(_LOG, substitutions={"log": Term.iri(log_graph_iri(base))})
    versions: list[Version] = []
    for record in result.records():
        time = record["time"]
        if not isinstance(time, dt.datetime):
            raise StoreError(f"the version log holds a bad timestamp for {record['version']}")
        date = record["date"]
        versions.append(
            Version(
                iri=str(record["version"]),
                act=str(record["act"]),
                timestamp=_utc(time),
                digest=str(record["digest"] or ""),
                title=str(record["title"]) if record["title"] is not None else None,
                date=date if isinstance(date, dt.date) else None,
            )
        )
    return versions


def record_versions(
    store: Store,
    *,
    base: str,
    graphs: Iterable[str] | None = None,
    now: dt.datetime | None = None,
) -> tuple[Version, ...]:
    """Record the current version of each deliberation graph whose content is new.

    ``graphs`` limits the scan to those named graphs (e.g. the ones an ingestion just loaded);
    by default every deliberation graph of the store is checked. Returns the versions added.
    Call it after each load: :func:`delibgraph.pipeline.ingest`'s loaded graphs are
    ``[g.graph_iri for g in report.loaded]``.
    """
    wanted = set(graphs) if graphs is not None else None
    if wanted is not None and not wanted:
        return ()
    existing = list_versions(store, base=base)
    latest_digest: dict[str, str] = {}
    for version in existing:
        latest_digest[version.act] = version.digest
    last_time = existing[-1].timestamp if existing else None
    fallback_time = _utc(now or dt.datetime.now(dt.UTC))

    candidates: list[tuple[dt.datetime, str, str, str | None, dt.date | None]] = []
    seen: set[str] = set()
    for record in store.query(_SNAPSHOTS).records():
        graph, act = str(record["g"]), str(record["act"])
        if (wanted is not None and graph not in wanted) or graph in seen:
            continue
        seen.add(graph)
        digest = graph_digest(store, graph)
        if latest_digest.get(act) == digest:
            continue
        ended = record["ended"]
        time = _utc(ended) if isinstance(ended, dt.datetime) else fallback_time
        date = record["date"]
        title = str(record["title"]) if record["title"] is not None else None
        candidates.append((time, act, digest, title, date if isinstance(date, dt.date) else None))

    added: list[Version] = []
    for time, act, digest, title, date in sorted(candidates, key=lambda c: (c[0], c[1])):
        if last_time is not None and time <= last_time:
            time = last_time + ONE_TICK
        last_time = time
        added.append(Version(version_iri(act, time), act, time, digest, title, date))
    if added:
        triples = list(version_triples([*existing, *added]))
        store.replace_graph(log_graph_iri(base), triples)
    return tuple(added)


def graph_digest(store: Store, graph: str) -> str:
    """SHA-256 (hex) of a graph's content, ingestion provenance and blank node labels aside."""
    result = store.query(_CONTENT, substitutions={"g": Term.iri(graph)})
    lines = sorted(
        json.dumps([_digest_form(term) for term in row[1:]], ensure_ascii=False)
        for row in result.rows
    )
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def version_triples(versions: Iterable[Version]) -> Iterable[tuple[Node, Node, Node]]:
    """The log's triples for ``versions``."""
    for version in versions:
        subject = URIRef(version.iri)
        yield subject, RDF.type, PROV.Entity
        yield subject, DCTERMS.isVersionOf, URIRef(version.act)
        yield subject, PROV.generatedAtTime, datetime_literal(version.timestamp)
        yield subject, DCTERMS.identifier, Literal(version.digest)
        if version.title is not None:
            yield subject, DCTERMS.title, Literal(version.title, lang="fr")
        if version.date is not None:
            yield subject, DCTERMS.date, Literal(version.date.isoformat(), datatype=XSD.date)


def datetime_literal(value: dt.datetime) -> Literal:
    """An ``xsd:dateTime`` in UTC with a ``Z`` (microseconds kept when not zero)."""
    text = _utc(value).isoformat().replace("+00:00", "Z")
    return Literal(text, datatype=XSD.dateTime, normalize=False)


def _digest_form(term: Term | None) -> list[str | None]:
    if term is None:
        return []
    if term.kind == "bnode":
        return ["bnode"]
    return [term.kind, term.value, term.datatype, term.language]


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
