"""Map a parsed :class:`~delibgraph.model.Deliberation` to RDF: one self-contained named graph.

``docs/data-model.md`` is the contract (which triples each parsed field becomes); the units:

- :mod:`.act` — ELI act, French expression, source format, decisions, annexes, theme,
  provenance;
- :mod:`.people` — authority, body, posts, séance (persons and memberships are written when
  first named, by :class:`.context.MappingContext`);
- :mod:`.votes` — motion, vote event, attendance, proxies, counts, individual votes;
- :mod:`.entities` — organisations, places and amounts the text mentions;
- :mod:`.subjects` — the act's ACTES subject ("matière"), stated by the text or inferred;
- :mod:`.levels` — the graded level the record reaches (:mod:`delibgraph.levels`), last.

The output is deterministic: the same deliberation and ``ingested_at`` give the same triples,
in the same order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from delibgraph.errors import MappingError
from delibgraph.identity import PersonResolver
from delibgraph.ids import ActIds, IriMinter
from delibgraph.mapping.act import map_act, map_provenance
from delibgraph.mapping.context import MappingContext, Triple
from delibgraph.mapping.entities import map_entities
from delibgraph.mapping.levels import map_levels
from delibgraph.mapping.people import (
    authority_siren,
    map_authority,
    map_body,
    map_posts,
    map_session,
)
from delibgraph.mapping.subjects import map_subject
from delibgraph.mapping.votes import Derivation, derive_yes_votes, map_votes
from delibgraph.model import Deliberation
from delibgraph.vocab import PREFIXES

__all__ = ["DeliberationGraph", "Derivation", "Triple", "derive_yes_votes", "map_deliberation"]


@dataclass(frozen=True, slots=True)
class DeliberationGraph:
    """The RDF of one deliberation, to be stored as the named graph ``graph_iri``.

    ``triples`` are the graph's triples, each once, in a deterministic order; ``graph`` is the
    same as an rdflib graph, built on first use (ingestion serialises ``triples`` and needs no
    rdflib graph). The graph is a view: changing it does not change ``triples``.
    """

    graph_iri: URIRef
    triples: tuple[Triple, ...]
    deliberation: Deliberation
    ids: ActIds
    _graph: Graph | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def graph(self) -> Graph:
        """The triples in an rdflib graph named ``graph_iri`` (built once, then cached)."""
        graph = self._graph
        if graph is None:
            graph = new_graph(self.graph_iri)
            graph.addN((s, p, o, graph) for s, p, o in self.triples)
            object.__setattr__(self, "_graph", graph)  # a cache: the value does not change
        return graph


def _error(d: Deliberation, reason: str, field_path: str) -> MappingError:
    span = d.spans.get(field_path)
    return MappingError(reason, source=d.source.path or None, line=span.line if span else None)


def _act_ids(d: Deliberation, minter: IriMinter) -> tuple[str, ActIds]:
    try:
        auth = minter.authority_key(d.authority.name, authority_siren(d))
    except MappingError as exc:
        raise _error(d, exc.reason, "authority.name") from exc
    try:
        return auth, minter.act_ids(auth, d.number, d.session.date)
    except MappingError as exc:
        raise _error(d, exc.reason, "number") from exc


def new_graph(identifier: URIRef | None = None) -> Graph:
    """An empty graph with delibgraph's prefixes bound (and only the core ones besides)."""
    graph = Graph(identifier=identifier, bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def map_deliberation(
    d: Deliberation,
    *,
    minter: IriMinter,
    ingested_at: dt.datetime,
    resolver: PersonResolver | None = None,
) -> DeliberationGraph:
    """The named graph of one deliberation.

    With a ``resolver`` (:mod:`delibgraph.identity`), every person is minted from its
    canonical name, so that "Mme Meynadier" and "Aurélie MEYNADIER (BERTHÉZÈNE)" are one
    person IRI; without one, from the name as printed.

    Raises :class:`MappingError` (with the source file) when the deliberation cannot be
    identified: no number, no date, or neither authority name nor SIREN; or when a printed name
    gives no person key.
    """
    auth, ids = _act_ids(d, minter)
    named = resolver.canonicalize(d) if resolver is not None else d
    ctx = MappingContext(deliberation=named, minter=minter, auth=auth, ids=ids)
    try:
        authority = map_authority(ctx)
        ctx.body = map_body(ctx, authority)
        session = map_session(ctx)
        map_posts(ctx)
        map_votes(ctx, session)
        map_act(ctx)
        map_subject(ctx)
        map_entities(ctx)
        map_provenance(ctx, ingested_at)
        map_levels(ctx)
    except MappingError as exc:  # e.g. a printed name that gives no person key
        raise MappingError(exc.reason, source=d.source.path or None) from exc
    return DeliberationGraph(ids.graph, tuple(ctx.triples), deliberation=d, ids=ids)
