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
:func:`graph_digest` reads a graph back from the store to digest it; :func:`triples_digest`
gives the same digest from the triples an ingestion loads into an embedded store, without
reading anything back (typed and language-tagged literals in the form Oxigraph stores them:
``"5000.0"^^xsd:decimal`` is stored as ``"5000"``).
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
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from json.encoder import encode_basestring  # what json.dumps(…, ensure_ascii=False) writes
from operator import eq

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from delibgraph.errors import StoreError
from delibgraph.ids import normalise_base
from delibgraph.store import EmbeddedStore, RdfTriple, Store, Term
from delibgraph.store.convert import TermConverter, forms_by_id, to_term
from delibgraph.vocab import DCTERMS, PREFIXES, PROV, RDF, XSD

__all__ = [
    "Version", "digests_apply_to", "graph_digest", "list_versions", "log_graph_iri",
    "record_versions", "triples_digest", "version_triples",
]  # fmt: skip

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
    digests: Mapping[str, str] | None = None,
) -> tuple[Version, ...]:
    """Record the current version of each deliberation graph whose content is new.

    ``graphs`` limits the scan to those named graphs (e.g. the ones an ingestion just loaded);
    by default every deliberation graph of the store is checked. Returns the versions added.
    Call it after each load: :func:`delibgraph.pipeline.ingest`'s loaded graphs are
    ``[g.graph_iri for g in report.loaded]``.

    ``digests`` gives graphs' digests already known (graph IRI → what :func:`graph_digest`
    would read, e.g. an ingestion's :func:`triples_digest` on an embedded store: see
    :func:`digests_apply_to`); the other graphs are read back from the store.
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
        digest = (digests or {}).get(graph) or graph_digest(store, graph)
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
    return _sha256_of_lines(
        f"[{', '.join(_digest_json(term) for term in row[1:])}]" for row in result.rows
    )


def _digest_json(term: Term | None) -> str:
    """``json.dumps(form, ensure_ascii=False)`` of the term's digest form: ``[kind, value,
    datatype, language]``, ``["bnode"]`` (labels aside), ``[]`` for an unbound value."""
    if term is None:
        return "[]"
    if term.kind == "bnode":
        return _BNODE_JSON
    return _json_form(term.kind, term.value, term.datatype, term.language)


def _json_form(
    kind: str, value: str, datatype: str | None = None, language: str | None = None
) -> str:
    return (
        f"[{encode_basestring(kind)}, {encode_basestring(value)}, "
        f"{_json_or_null(datatype)}, {_json_or_null(language)}]"
    )


def _json_or_null(text: str | None) -> str:
    return "null" if text is None else encode_basestring(text)


_BNODE_JSON = '["bnode"]'


def digests_apply_to(store: Store) -> bool:
    """Whether :func:`triples_digest` gives what :func:`graph_digest` reads from ``store``:
    true of an embedded (Oxigraph) store. An endpoint may store literals in another form (e.g.
    Virtuoso), so its log keeps digests read from it, comparable from one ingestion to the
    next."""
    return isinstance(store, EmbeddedStore)


def triples_digest(triples: Sequence[RdfTriple]) -> str:
    """The digest :func:`graph_digest` reads from an embedded store once ``triples`` are
    stored as a named graph (converted as :class:`TermConverter` converts them), computed from
    the triples themselves.

    IRIs, blank nodes and simple literals are stored as they are; any other literal goes
    through an Oxigraph store and back, which gives the form the store keeps (canonical
    numbers and dates, lower-case language tags).
    """
    lines = _triple_lines(triples, labelled=False)
    provenance = _provenance_prefixes(lines)
    if f"[{_BNODE_JSON}, " not in provenance:  # (a blank node's lines: only its label tells)
        encoded = _sorted_utf8(lines)
        for prefix in map(str.encode, provenance):  # a subject's lines are together, sorted
            start = end = bisect_left(encoded, prefix)
            while end < len(encoded) and encoded[end].startswith(prefix):
                end += 1
            del encoded[start:end]
        if not any(map(eq, encoded, islice(encoded, 1, None))):  # one line per stored triple
            return hashlib.sha256(b"\n".join(encoded)).hexdigest()
    # Two equal lines: the same triple in the store, or two triples with different blank
    # nodes. Blank nodes' labels tell them apart until the triples are counted.
    lines = _triple_lines(triples, labelled=True)
    provenance = _provenance_prefixes(lines)
    stored = {line for line in lines if not line.startswith(provenance)}
    return _sha256_of_lines(
        _LABELLED_BNODE.sub(_BNODE_JSON, line) if _LABELLED_BNODE_OPEN in line else line
        for line in stored
    )


def _triple_lines(triples: Iterable[RdfTriple], *, labelled: bool) -> list[str]:
    """One digest line per triple; with ``labelled``, blank nodes carry their labels."""
    converter = TermConverter()
    known, form = forms_by_id(lambda term: _term_json(term, converter, labelled=labelled))
    return [
        f"[{known(id(s)) or form(s)}, {known(id(p)) or form(p)}, {known(id(o)) or form(o)}]"
        for s, p, o in triples
    ]


def _provenance_prefixes(lines: list[str]) -> tuple[str, ...]:
    """``"[subject, "`` of each ingestion activity and software agent."""
    return tuple(
        line[: line.rindex(_TYPED_AS)] + ", " for line in lines if line.endswith(_PROVENANCE)
    )


_TYPED_AS = f", {_json_form('iri', str(RDF.type))}, "
_PROVENANCE = tuple(
    f"{_TYPED_AS}{_json_form('iri', str(kind))}]" for kind in (PROV.Activity, PROV.SoftwareAgent)
)
_LABELLED_BNODE_OPEN = '["bnode", '
_LABELLED_BNODE = re.compile(r'\["bnode", "(?:[^"\\]|\\.)*"\]')
_XSD_STRING_JSON = encode_basestring(str(XSD.string))


def _term_json(term: Node, converter: TermConverter, *, labelled: bool) -> str:
    """A term's digest JSON (as :func:`_json_form` writes it) in the form the store keeps."""
    kind = type(term)
    if kind is URIRef or (kind is not BNode and isinstance(term, URIRef)):
        return f'["iri", {encode_basestring(str(term))}, null, null]'
    if isinstance(term, BNode):
        return f"{_LABELLED_BNODE_OPEN}{encode_basestring(str(term))}]" if labelled else _BNODE_JSON
    if isinstance(term, Literal) and term.datatype is None and not term.language:
        return f'["literal", {encode_basestring(str(term))}, {_XSD_STRING_JSON}, null]'
    return _stored_term(str(converter.convert(term)))


@lru_cache(maxsize=16_384)
def _stored_term(term: str) -> str:
    """The digest JSON of a term (as N-Triples writes it) in the form an Oxigraph store keeps
    it. Typed literals repeat across deliberations (dates, amounts, counts): each distinct one
    goes through a store once per process."""
    store = _loaded(f"<urn:x:s> <urn:x:p> {term} .\n".encode())
    (stored,) = (quad.object for quad in store)
    return _digest_json(to_term(stored))


def _loaded(ntriples: bytes) -> ox.Store:
    """A new in-memory Oxigraph store holding ``ntriples``."""
    store = ox.Store()
    try:
        store.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise StoreError(f"not valid N-Triples: {exc}") from exc
    return store


def _sha256_of_lines(lines: Iterable[str]) -> str:
    """SHA-256 (hex) of the lines, sorted, one per line, in UTF-8."""
    return hashlib.sha256(b"\n".join(_sorted_utf8(lines))).hexdigest()


def _sorted_utf8(lines: Iterable[str]) -> list[bytes]:
    """The lines in UTF-8, sorted: UTF-8 keeps the order of code points, which sorts ``str``
    (and bytes sort, and join, faster than text mixing accents and ASCII)."""
    return sorted(map(str.encode, lines))


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


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
