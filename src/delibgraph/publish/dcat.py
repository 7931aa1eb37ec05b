"""The DCAT-AP 3.0 catalogue: the dataset, its distributions and its data services.

``{base}catalog`` is a ``dcat:Catalog`` with one ``dcat:Dataset`` (``{base}catalog#dataset``),
three file distributions (N-Quads gzipped, Turtle, SCDL CSV with ``dct:conformsTo`` the SCDL
Délibérations schema; each with media type, byte size, SHA-256 checksum and modification
date) and two ``dcat:DataService``: the SPARQL endpoint (``{base}query``) and the event stream
(``{base}feed``). Every node that DCAT-AP's shapes constrain by class carries its type
(licence ``dct:LicenseDocument``, media types ``dct:MediaType``, URLs ``rdfs:Resource`` …),
so the catalogue validates with the shapes alone, without inference.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from delibgraph.ids import normalise_base
from delibgraph.vocab import DCTERMS, FOAF, RDF, RDFS, SKOS, SPDX, XSD

from .dumps import PublishedFile
from .metadata import DatasetFacts, PublicationInfo
from .rdfterms import new_graph
from .terms import (
    DCAT,
    EU_DATA_THEME,
    EU_FILE_TYPE,
    EU_FREQUENCY,
    EU_LANGUAGE,
    IANA_MEDIA_TYPE,
    LDES_SPECIFICATION,
    SCDL_DELIBERATIONS_SCHEMA,
    SPARQL_PROTOCOL,
    SPDX_CLASSES,
)
from .versions import datetime_literal

__all__ = ["catalog_graph", "catalog_iri", "dataset_iri"]

_FILE_TYPES = {"nquads": "RDF_N_QUADS", "turtle": "RDF_TURTLE", "scdl": "CSV"}


def catalog_iri(base: str) -> URIRef:
    return URIRef(f"{normalise_base(base)}catalog")


def dataset_iri(base: str) -> URIRef:
    return URIRef(f"{catalog_iri(base)}#dataset")


def catalog_graph(
    base: str,
    info: PublicationInfo,
    facts: DatasetFacts,
    files: Iterable[PublishedFile],
) -> Graph:
    """The catalogue as a graph."""
    root = normalise_base(base)
    catalog, dataset = catalog_iri(root), dataset_iri(root)
    publisher = URIRef(f"{catalog}#publisher")
    licence = URIRef(info.licence)
    graph = new_graph()
    graph.bind("dct", DCTERMS, override=True, replace=True)
    add = graph.add

    add((catalog, RDF.type, DCAT.Catalog))
    add((catalog, DCTERMS.title, Literal(info.title, lang="fr")))
    add((catalog, DCTERMS.description, Literal(info.description, lang="fr")))
    add((catalog, DCTERMS.publisher, publisher))
    add((catalog, DCTERMS.license, licence))
    add((catalog, DCTERMS.language, EU_LANGUAGE.FRA))
    add((catalog, FOAF.homepage, _typed(graph, URIRef(root), FOAF.Document)))
    add((catalog, DCAT.dataset, dataset))
    _add_dates(graph, catalog, facts)

    add((publisher, RDF.type, FOAF.Agent))
    add((publisher, FOAF.name, Literal(info.publisher)))
    add((licence, RDF.type, DCTERMS.LicenseDocument))
    add((licence, RDFS.label, Literal(info.licence_label, lang="fr")))
    add((EU_LANGUAGE.FRA, RDF.type, DCTERMS.LinguisticSystem))

    add((dataset, RDF.type, DCAT.Dataset))
    add((dataset, DCTERMS.title, Literal(info.title, lang="fr")))
    add((dataset, DCTERMS.description, Literal(_dataset_description(info, facts), lang="fr")))
    add((dataset, DCTERMS.publisher, publisher))
    add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    add((dataset, DCTERMS.language, EU_LANGUAGE.FRA))
    add((dataset, DCAT.landingPage, URIRef(root)))
    add((dataset, DCAT.theme, EU_DATA_THEME.GOVE))
    add((EU_DATA_THEME.GOVE, RDF.type, SKOS.Concept))
    add((EU_DATA_THEME.GOVE, SKOS.prefLabel, Literal("Gouvernement et secteur public", lang="fr")))
    add((dataset, DCTERMS.accrualPeriodicity, EU_FREQUENCY.IRREG))
    add((EU_FREQUENCY.IRREG, RDF.type, DCTERMS.Frequency))
    for keyword in info.keywords:
        add((dataset, DCAT.keyword, Literal(keyword, lang="fr")))
    _add_dates(graph, dataset, facts)
    if facts.first_date is not None and facts.last_date is not None:
        period = URIRef(f"{catalog}#period")
        add((dataset, DCTERMS.temporal, period))
        add((period, RDF.type, DCTERMS.PeriodOfTime))
        add((period, DCAT.startDate, Literal(facts.first_date.isoformat(), datatype=XSD.date)))
        add((period, DCAT.endDate, Literal(facts.last_date.isoformat(), datatype=XSD.date)))

    for published in files:
        distribution = URIRef(f"{catalog}#{published.key}")
        add((dataset, DCAT.distribution, distribution))
        _add_distribution(graph, distribution, published, root, licence, facts)

    sparql = URIRef(f"{catalog}#sparql")
    feed = URIRef(f"{catalog}#feed")
    _add_service(
        graph, sparql, "Point d'accès SPARQL 1.1 (lecture seule)", f"{root}query",
        SPARQL_PROTOCOL, "SPARQL 1.1 Protocol", dataset, licence,
    )  # fmt: skip
    _add_service(
        graph, feed, "Flux d'événements LDES des versions des actes", f"{root}feed",
        LDES_SPECIFICATION, "Linked Data Event Streams", dataset, licence,
    )  # fmt: skip
    add((catalog, DCAT.service, sparql))
    add((catalog, DCAT.service, feed))
    add((sparql, DCAT.endpointDescription, _typed(graph, URIRef(f"{root}query"), RDFS.Resource)))
    return graph


def _add_distribution(
    graph: Graph,
    node: URIRef,
    published: PublishedFile,
    root: str,
    licence: URIRef,
    facts: DatasetFacts,
) -> None:
    add = graph.add
    url = _typed(graph, URIRef(f"{root}{published.route}"), RDFS.Resource)
    add((node, RDF.type, DCAT.Distribution))
    add((node, DCTERMS.title, Literal(published.title, lang="fr")))
    add((node, DCAT.accessURL, url))
    add((node, DCAT.downloadURL, url))
    media_type = IANA_MEDIA_TYPE[published.media_type]
    add((node, DCAT.mediaType, _typed(graph, media_type, DCTERMS.MediaType)))
    file_type = EU_FILE_TYPE[_FILE_TYPES.get(published.key, "BIN")]
    add((node, DCTERMS.format, _typed(graph, file_type, DCTERMS.MediaTypeOrExtent)))
    if published.compression is not None:
        compression = IANA_MEDIA_TYPE[published.compression]
        add((node, DCAT.compressFormat, _typed(graph, compression, DCTERMS.MediaType)))
    add((node, DCAT.byteSize, Literal(str(published.byte_size), datatype=XSD.nonNegativeInteger)))
    checksum = URIRef(f"{node}-sha256")
    add((node, SPDX.checksum, checksum))
    add((checksum, RDF.type, SPDX.Checksum))
    add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    add((checksum, SPDX.checksumValue, Literal(published.sha256, datatype=XSD.hexBinary)))
    add((SPDX.checksumAlgorithm_sha256, RDF.type, SPDX_CLASSES.ChecksumAlgorithm))
    add((node, DCTERMS.license, licence))
    if facts.modified is not None:
        add((node, DCTERMS.modified, datetime_literal(facts.modified)))
    if published.conforms_to_scdl:
        schema = _typed(graph, SCDL_DELIBERATIONS_SCHEMA, DCTERMS.Standard)
        add((node, DCTERMS.conformsTo, schema))
        add((schema, DCTERMS.title, Literal("SCDL Délibérations 2.1.5", lang="fr")))


def _add_service(
    graph: Graph,
    node: URIRef,
    title: str,
    endpoint: str,
    standard: URIRef,
    standard_title: str,
    dataset: URIRef,
    licence: URIRef,
) -> None:
    add = graph.add
    add((node, RDF.type, DCAT.DataService))
    add((node, DCTERMS.title, Literal(title, lang="fr")))
    add((node, DCAT.endpointURL, _typed(graph, URIRef(endpoint), RDFS.Resource)))
    add((node, DCAT.servesDataset, dataset))
    add((node, DCTERMS.conformsTo, _typed(graph, standard, DCTERMS.Standard)))
    add((standard, DCTERMS.title, Literal(standard_title, lang="en")))
    add((node, DCTERMS.license, licence))


def _add_dates(graph: Graph, node: URIRef, facts: DatasetFacts) -> None:
    if facts.issued is not None:
        graph.add((node, DCTERMS.issued, datetime_literal(facts.issued)))
    if facts.modified is not None:
        graph.add((node, DCTERMS.modified, datetime_literal(facts.modified)))


def _typed(graph: Graph, node: URIRef, kind: Node) -> URIRef:
    graph.add((node, RDF.type, kind))
    return node


def _dataset_description(info: PublicationInfo, facts: DatasetFacts) -> str:
    parts = [info.description]
    if facts.acts:
        parts.append(f"{facts.acts} délibération(s)")
    if facts.authorities:
        parts.append("collectivité(s) : " + ", ".join(facts.authorities))
    if facts.first_date and facts.last_date:
        parts.append(f"du {_fr_date(facts.first_date)} au {_fr_date(facts.last_date)}")
    return parts[0] + (" (" + " ; ".join(parts[1:]) + ".)" if len(parts) > 1 else "")


def _fr_date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")
