"""Closed namespaces and fixed IRIs of the publication vocabularies (catalogue, VoID, LDES,
SPARQL service description), as :mod:`delibgraph.vocab` does for the data itself.

Raw IRIs of the publication layer live here only. DCAT, VoID, DCTERMS and PROV come from
rdflib's closed namespaces; the others are declared below with the terms delibgraph uses.
"""

from __future__ import annotations

from typing import ClassVar

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, VOID, DefinedNamespace

__all__ = [
    "ADMS",
    "DCAT",
    "ENTAILMENT_SIMPLE",
    "EU_DATA_THEME",
    "EU_FILE_TYPE",
    "EU_FREQUENCY",
    "EU_LANGUAGE",
    "FORMATS",
    "IANA_MEDIA_TYPE",
    "LDES",
    "LDES_SPECIFICATION",
    "LICENCE_OUVERTE_2",
    "PUBLICATION_PREFIXES",
    "SCDL_DELIBERATIONS_SCHEMA",
    "SD",
    "SPARQL_PROTOCOL",
    "SPARQL_RESULTS_XML_NS",
    "SPDX_CLASSES",
    "TREE",
    "VOID",
]  # fmt: skip


class LDES(DefinedNamespace):
    """Linked Data Event Streams."""

    _NS = Namespace("https://w3id.org/ldes#")
    _fail = True
    EventStream: URIRef
    timestampPath: URIRef
    versionOfPath: URIRef


class TREE(DefinedNamespace):
    """The TREE hypermedia specification (pages of an event stream)."""

    _NS = Namespace("https://w3id.org/tree#")
    _fail = True
    Collection: URIRef
    Node: URIRef
    GreaterThanRelation: URIRef
    member: URIRef
    node: URIRef
    path: URIRef
    relation: URIRef
    remainingItems: URIRef
    value: URIRef
    view: URIRef


class SD(DefinedNamespace):
    """SPARQL 1.1 Service Description."""

    _NS = Namespace("http://www.w3.org/ns/sparql-service-description#")
    _fail = True
    Service: URIRef
    Dataset: URIRef
    Graph: URIRef
    NamedGraph: URIRef
    SPARQL11Query: URIRef
    UnionDefaultGraph: URIRef
    defaultDataset: URIRef
    defaultEntailmentRegime: URIRef
    defaultGraph: URIRef
    endpoint: URIRef
    feature: URIRef
    resultFormat: URIRef
    supportedLanguage: URIRef


class FORMATS(DefinedNamespace):
    """W3C's unique URIs for file formats (http://www.w3.org/ns/formats/); ``FORMATS["N-Triples"]``
    and ``FORMATS["JSON-LD"]`` for the names that are not Python identifiers."""

    _NS = Namespace("http://www.w3.org/ns/formats/")
    _fail = True
    _extras: ClassVar[list[str]] = ["N-Triples", "JSON-LD"]
    SPARQL_Results_JSON: URIRef
    SPARQL_Results_XML: URIRef
    SPARQL_Results_CSV: URIRef
    SPARQL_Results_TSV: URIRef
    Turtle: URIRef
    RDF_XML: URIRef


class SPDX_CLASSES(DefinedNamespace):
    """SPDX classes the catalogue types its checksums with (:data:`delibgraph.vocab.SPDX`
    holds the properties)."""

    _NS = Namespace("http://spdx.org/rdf/terms#")
    _fail = True
    ChecksumAlgorithm: URIRef


class ADMS(DefinedNamespace):
    """Asset Description Metadata Schema (DCAT-AP's identifiers)."""

    _NS = Namespace("http://www.w3.org/ns/adms#")
    _fail = True
    Identifier: URIRef


IANA_MEDIA_TYPE = Namespace("https://www.iana.org/assignments/media-types/")
EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
EU_DATA_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
EU_FREQUENCY = Namespace("http://publications.europa.eu/resource/authority/frequency/")

ENTAILMENT_SIMPLE = URIRef("http://www.w3.org/ns/entailment/Simple")
LICENCE_OUVERTE_2 = URIRef("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
SCDL_DELIBERATIONS_SCHEMA = URIRef(
    "https://schema.data.gouv.fr/schemas/scdl/deliberations/2.1.5/schema.json"
)
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")
LDES_SPECIFICATION = URIRef("https://w3id.org/ldes/specification")
SPARQL_RESULTS_XML_NS = "http://www.w3.org/2005/sparql-results#"
"""The XML namespace of the SPARQL query results XML format."""

PUBLICATION_PREFIXES: dict[str, str] = {
    "dcat": str(DCAT),
    "void": str(VOID),
    "ldes": str(LDES._NS),
    "tree": str(TREE._NS),
    "sd": str(SD._NS),
    "formats": str(FORMATS._NS),
    "adms": str(ADMS._NS),
}
