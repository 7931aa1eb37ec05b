"""VoID: the dataset's statistics and access points, served at ``/.well-known/void``.

The ``void:Dataset`` is the catalogue's dataset (``{base}catalog#dataset``), described with its
SPARQL endpoint, its dumps, its URI space, triple and entity counts (distinct triples of the
union of the graphs), and one class partition and property partition per class and property
used. The vocabularies are those of delibgraph's prefixes that the data actually uses.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef

from delibgraph.ids import normalise_base
from delibgraph.store import Store
from delibgraph.vocab import DCTERMS, FOAF, PREFIXES, RDF, XSD

from .dcat import dataset_iri
from .dumps import PublishedFile
from .metadata import PublicationInfo
from .rdfterms import new_graph
from .terms import FORMATS, VOID

__all__ = ["void_graph", "void_iri"]

_DISTINCT = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"
_COUNTS = {
    VOID.triples: f"SELECT (COUNT(*) AS ?n) WHERE {{ {_DISTINCT} }}",
    VOID.entities: "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER isIRI(?s) }",
    VOID.distinctSubjects: "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }",
    VOID.distinctObjects: "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }",
    VOID.classes: "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }",
    VOID.properties: "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }",
}
_CLASSES = (
    "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER isIRI(?c) } "
    "GROUP BY ?c ORDER BY ?c"
)
_PROPERTIES = f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ {_DISTINCT} }} GROUP BY ?p ORDER BY ?p"
_EXAMPLE = (
    f"PREFIX eli: <{PREFIXES['eli']}> PREFIX dlg: <{PREFIXES['dlg']}> "
    "SELECT ?act WHERE { ?act eli:type_document dlg:DeliberationDocument } ORDER BY ?act LIMIT 1"
)
_RESULT_FORMATS = (
    FORMATS.Turtle, FORMATS["N-Triples"], FORMATS["JSON-LD"], FORMATS.RDF_XML,
    FORMATS.SPARQL_Results_JSON, FORMATS.SPARQL_Results_XML, FORMATS.SPARQL_Results_CSV,
    FORMATS.SPARQL_Results_TSV,
)  # fmt: skip


def void_iri(base: str) -> URIRef:
    return URIRef(f"{normalise_base(base)}.well-known/void")


def void_graph(
    store: Store, base: str, info: PublicationInfo, files: Iterable[PublishedFile]
) -> Graph:
    """The VoID description of the store's data."""
    root = normalise_base(base)
    document, dataset = void_iri(root), dataset_iri(root)
    graph = new_graph()
    graph.bind("dct", DCTERMS, override=True, replace=True)
    add = graph.add
    add((document, RDF.type, VOID.DatasetDescription))
    add((document, DCTERMS.title, Literal(f"Description VoID : {info.title}", lang="fr")))
    add((document, FOAF.primaryTopic, dataset))

    add((dataset, RDF.type, VOID.Dataset))
    add((dataset, DCTERMS.title, Literal(info.title, lang="fr")))
    add((dataset, DCTERMS.description, Literal(info.description, lang="fr")))
    add((dataset, DCTERMS.license, URIRef(info.licence)))
    add((dataset, FOAF.homepage, URIRef(root)))
    add((dataset, VOID.sparqlEndpoint, URIRef(f"{root}query")))
    add((dataset, VOID.uriSpace, Literal(root)))
    for published in files:
        if published.route.startswith("dumps/"):
            add((dataset, VOID.dataDump, URIRef(f"{root}{published.route}")))
    for feature in _RESULT_FORMATS:
        add((dataset, VOID.feature, feature))
    for predicate, query in _COUNTS.items():
        add((dataset, predicate, _count(store, query)))
    example = store.query(_EXAMPLE).column("act")
    if example and example[0] is not None:
        add((dataset, VOID.exampleResource, URIRef(str(example[0]))))

    used: set[str] = set()
    for index, (iri, n) in enumerate(_pairs(store, _CLASSES), start=1):
        partition = URIRef(f"{document}#class-{index}")
        add((dataset, VOID.classPartition, partition))
        add((partition, VOID["class"], URIRef(iri)))
        add((partition, VOID.entities, Literal(n, datatype=XSD.integer)))
        used.add(iri)
    for index, (iri, n) in enumerate(_pairs(store, _PROPERTIES), start=1):
        partition = URIRef(f"{document}#property-{index}")
        add((dataset, VOID.propertyPartition, partition))
        add((partition, VOID.property, URIRef(iri)))
        add((partition, VOID.triples, Literal(n, datatype=XSD.integer)))
        used.add(iri)
    for namespace in sorted(set(PREFIXES.values())):
        if any(iri.startswith(namespace) for iri in used):
            add((dataset, VOID.vocabulary, URIRef(namespace)))
    return graph


def _count(store: Store, query: str) -> Literal:
    values = store.query(query).column("n")
    value = values[0] if values else 0
    return Literal(int(str(value or 0)), datatype=XSD.integer)


def _pairs(store: Store, query: str) -> list[tuple[str, int]]:
    pairs: list[tuple[str, int]] = []
    for row in store.query(query).rows:
        iri, n = row
        if iri is not None and n is not None:
            pairs.append((iri.value, int(n.value)))
    return pairs
