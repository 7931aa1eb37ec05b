"""The SPARQL 1.1 service description of the endpoint (``sd:Service``), served at ``/query``
when it is called without a query."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from delibgraph.ids import normalise_base
from delibgraph.vocab import DCTERMS, RDF, RDFS, XSD

from .dcat import dataset_iri
from .metadata import PublicationInfo
from .rdfterms import new_graph
from .terms import ENTAILMENT_SIMPLE, FORMATS, SD, VOID

__all__ = ["RESULT_FORMATS", "service_graph"]

RESULT_FORMATS = (
    FORMATS.SPARQL_Results_JSON, FORMATS.SPARQL_Results_XML, FORMATS.SPARQL_Results_CSV,
    FORMATS.SPARQL_Results_TSV, FORMATS.Turtle, FORMATS["N-Triples"], FORMATS["JSON-LD"],
    FORMATS.RDF_XML,
)  # fmt: skip


def service_graph(
    base: str,
    info: PublicationInfo,
    *,
    triples: int,
    graphs: int,
    query_timeout: float,
    result_limit: int,
) -> Graph:
    """The description of ``{base}query``: language, formats, union default graph, limits."""
    root = normalise_base(base)
    endpoint = URIRef(f"{root}query")
    service = URIRef(f"{endpoint}#service")
    dataset = URIRef(f"{endpoint}#dataset")
    default_graph = URIRef(f"{endpoint}#default-graph")
    graph = new_graph()
    graph.bind("dct", DCTERMS, override=True, replace=True)
    add = graph.add
    add((service, RDF.type, SD.Service))
    add((service, SD.endpoint, endpoint))
    add((service, SD.supportedLanguage, SD.SPARQL11Query))
    for result_format in RESULT_FORMATS:
        add((service, SD.resultFormat, result_format))
    add((service, SD.feature, SD.UnionDefaultGraph))
    add((service, SD.defaultEntailmentRegime, ENTAILMENT_SIMPLE))
    add((service, DCTERMS.title, Literal(f"SPARQL : {info.title}", lang="fr")))
    add((service, DCTERMS.license, URIRef(info.licence)))
    add(
        (
            service,
            RDFS.comment,
            Literal(
                "Read-only SPARQL 1.1 Query endpoint; updates are refused (403). The default "
                "graph is the union of the named graphs (one per deliberation, one of "
                "precomputed statistics per body, the version log). Queries run at "
                f"most {query_timeout:g} s and return at most {result_limit} rows or triples.",
                lang="en",
            ),
        )
    )
    add((service, SD.defaultDataset, dataset))
    add((dataset, RDF.type, SD.Dataset))
    add((dataset, SD.defaultGraph, default_graph))
    add((dataset, DCTERMS.source, dataset_iri(root)))
    add((default_graph, RDF.type, SD.Graph))
    add((default_graph, VOID.triples, Literal(triples, datatype=XSD.integer)))
    add((dataset, RDFS.comment, Literal(f"{graphs} named graphs", lang="en")))
    return graph
