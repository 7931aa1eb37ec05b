"""The event stream (LDES) of act versions, cut into time-ordered pages.

``{base}feed`` is an ``ldes:EventStream`` whose members are the versions of the version log
(:mod:`delibgraph.publish.versions`): ``ldes:versionOfPath dcterms:isVersionOf``,
``ldes:timestampPath prov:generatedAtTime``. Its view is a chain of ``tree:Node`` pages,
``{base}feed/0``, ``{base}feed/1`` …, each holding up to ``page_size`` members in timestamp
order; page *k* covers the members after those of page *k-1*.

Because the log only grows at its end, with strictly increasing timestamps, a page that holds
``page_size`` members never changes again: it is **full**, and links to the next page with a
``tree:GreaterThanRelation`` on the timestamp whose value is its own last member's timestamp
(known as soon as the page is full, so the link is there from the start). Only the last page,
not yet full, changes; when the last full page's successor has no member yet it is served empty.
A client that replicated the stream once refetches only that last page and what follows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from delibgraph.ids import normalise_base
from delibgraph.vocab import DCTERMS, PROV, RDF

from .metadata import PublicationInfo
from .rdfterms import new_graph
from .terms import LDES, TREE
from .versions import Version, datetime_literal, version_triples

__all__ = ["FeedPage", "page_graph", "page_iri", "paginate", "stream_graph", "stream_iri"]

DEFAULT_PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class FeedPage:
    """Page ``index`` of the stream; ``full`` pages are immutable."""

    index: int
    members: tuple[Version, ...]
    full: bool

    @property
    def next_index(self) -> int | None:
        return self.index + 1 if self.full else None


def stream_iri(base: str) -> URIRef:
    return URIRef(f"{normalise_base(base)}feed")


def page_iri(base: str, index: int) -> URIRef:
    return URIRef(f"{stream_iri(base)}/{index}")


def paginate(versions: Sequence[Version], page_size: int) -> list[FeedPage]:
    """The pages of ``versions`` (oldest first); the last page is never full."""
    if page_size < 1:
        raise ValueError("the page size must be at least 1")
    ordered = sorted(versions, key=lambda v: (v.timestamp, v.iri))
    pages = [
        FeedPage(index, tuple(ordered[start : start + page_size]), True)
        for index, start in enumerate(range(0, len(ordered), page_size))
    ]
    if pages and len(pages[-1].members) < page_size:
        last = pages.pop()
        pages.append(FeedPage(last.index, last.members, False))
    else:  # empty stream, or the last page is full: an open, empty page follows
        pages.append(FeedPage(len(pages), (), False))
    return pages


def stream_graph(base: str, info: PublicationInfo, *, page_size: int) -> Graph:
    """The stream's description (``/feed``): its paths and its view, no member."""
    graph = new_graph()
    _describe_stream(graph, base, info)
    graph.add((page_iri(base, 0), RDF.type, TREE.Node))
    return graph


def page_graph(base: str, info: PublicationInfo, page: FeedPage) -> Graph:
    """One page: the stream's ``tree:member`` links, the members, the relation onwards."""
    graph = new_graph()
    stream, node = stream_iri(base), page_iri(base, page.index)
    _describe_stream(graph, base, info)
    graph.add((node, RDF.type, TREE.Node))
    for member in page.members:
        graph.add((stream, TREE.member, URIRef(member.iri)))
    for triple in version_triples(page.members):
        graph.add(triple)
    if page.next_index is not None and page.members:
        relation = URIRef(f"{node}#next")
        graph.add((node, TREE.relation, relation))
        graph.add((relation, RDF.type, TREE.GreaterThanRelation))
        graph.add((relation, TREE.path, PROV.generatedAtTime))
        graph.add((relation, TREE.value, datetime_literal(page.members[-1].timestamp)))
        graph.add((relation, TREE.node, page_iri(base, page.next_index)))
    return graph


def _describe_stream(graph: Graph, base: str, info: PublicationInfo) -> None:
    stream = stream_iri(base)
    graph.bind("dct", DCTERMS, override=True, replace=True)
    graph.add((stream, RDF.type, LDES.EventStream))
    graph.add((stream, LDES.timestampPath, PROV.generatedAtTime))
    graph.add((stream, LDES.versionOfPath, DCTERMS.isVersionOf))
    graph.add((stream, DCTERMS.title, Literal(f"Versions des actes : {info.title}", lang="fr")))
    graph.add((stream, DCTERMS.license, URIRef(info.licence)))
    graph.add((stream, TREE.view, page_iri(base, 0)))
