"""The act in ELI terms: legal resource, French expression, source format, its parts.

Also the act's theme (a SKOS concept of the authority's scheme) and the provenance of the
ingestion (PROV: which file, with which checksum, by which version of delibgraph, when).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import PurePath

from rdflib import BNode, Literal, URIRef

from delibgraph import __version__
from delibgraph.mapping.context import (
    MappingContext,
    date_literal,
    date_time,
    fr,
    fr_text,
    plain,
)
from delibgraph.mapping.terms import DCTERMS, DLG, ELI, PROV, RDF, SCHEMA, SKOS, SPDX, XSD
from delibgraph.names import slugify
from delibgraph.vocab import FILE_TYPE, LANGUAGE

THEME_SCHEME_LABEL = "Thèmes des délibérations"


def format_extension(source_path: str) -> str:
    """``pdf`` for a PDF source, ``txt`` for anything else (text files, standard input)."""
    return "pdf" if PurePath(source_path).suffix.lower() == ".pdf" else "txt"


def map_act(ctx: MappingContext) -> None:
    """The legal resource, its expression, decisions, annexes and theme."""
    d = ctx.deliberation
    act, expression = ctx.ids.act, ctx.ids.expression
    ctx.add(act, RDF.type, ELI.LegalResource)
    ctx.add(act, RDF.type, SCHEMA.Legislation)
    ctx.add(act, ELI.type_document, DLG.DeliberationDocument)
    if d.number:
        ctx.add(act, ELI.number, plain(d.number))
        ctx.add(act, ELI.id_local, plain(d.number))
    if d.session.date is not None:
        ctx.add(act, ELI.date_document, date_literal(d.session.date))
    if d.published is not None:
        ctx.add(act, ELI.date_publication, date_literal(d.published))
    if d.prefecture.received is not None:
        ctx.add(act, DLG.prefectureReceipt, date_literal(d.prefecture.received))
    if d.prefecture.actes_id is not None:
        ctx.add(act, DLG.actesId, plain(d.prefecture.actes_id.value))
    if ctx.body is not None:
        ctx.add(act, ELI.passed_by, ctx.body)
    if d.rapporteur.name:
        ctx.add(act, ELI.responsibility_of_agent, ctx.person(d.rapporteur.name))

    ctx.add(expression, RDF.type, ELI.LegalExpression)
    ctx.add(expression, ELI.realizes, act)
    ctx.add(act, ELI.is_realized_by, expression)
    ctx.add(expression, ELI.language, LANGUAGE.FRA)
    if d.title:
        ctx.add(expression, ELI.title, fr(d.title))
    if d.reasoning:
        ctx.add(expression, ELI.description, fr_text(d.reasoning))

    for n, text in enumerate(d.decisions, start=1):
        decision = ctx.ids.decision(n)
        ctx.add(decision, RDF.type, ELI.LegalResourceSubdivision)
        ctx.add(decision, ELI.is_part_of, act)
        ctx.add(decision, ELI.number, plain(str(n)))
        ctx.add(decision, ELI.description, fr(text))
        ctx.add(act, ELI.has_part, decision)

    for n, title in enumerate(d.annexes, start=1):
        annex = ctx.ids.annex(n)
        ctx.add(annex, RDF.type, ELI.LegalResource)
        ctx.add(annex, ELI.is_annex_of, act)
        ctx.add(annex, ELI.title, fr(title))
        ctx.add(act, ELI.has_annex, annex)

    _map_theme(ctx)


def _map_theme(ctx: MappingContext) -> None:
    theme = ctx.deliberation.theme
    if not theme or not slugify(theme):
        return
    concept = ctx.minter.theme(ctx.auth, theme)
    scheme = ctx.minter.theme_scheme(ctx.auth)
    ctx.add(concept, RDF.type, SKOS.Concept)
    ctx.add(concept, SKOS.prefLabel, fr(theme))
    ctx.add(concept, SKOS.inScheme, scheme)
    ctx.add(scheme, RDF.type, SKOS.ConceptScheme)
    ctx.add(scheme, SKOS.prefLabel, fr(THEME_SCHEME_LABEL))
    ctx.add(ctx.ids.act, ELI.is_about, concept)


def map_provenance(ctx: MappingContext, ingested_at: dt.datetime) -> None:
    """The source file as an ELI format, and the ingestion as a PROV activity."""
    source = ctx.deliberation.source
    extension = format_extension(source.path)
    file_format = ctx.ids.format(extension)
    ctx.add(file_format, RDF.type, ELI.Format)
    ctx.add(file_format, ELI.embodies, ctx.ids.expression)
    ctx.add(ctx.ids.expression, ELI.is_embodied_by, file_format)
    ctx.add(file_format, ELI.format, FILE_TYPE[extension.upper()])
    file_name = PurePath(source.path).name
    if file_name:
        ctx.add(file_format, DCTERMS.title, plain(file_name))
    if source.sha256:
        # A blank node with an id fixed by the format's IRI: same input, same graph.
        checksum = BNode("checksum" + hashlib.sha256(str(file_format).encode()).hexdigest()[:32])
        ctx.add(file_format, SPDX.checksum, checksum)
        ctx.add(checksum, RDF.type, SPDX.Checksum)
        ctx.add(checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256)
        digest = Literal(source.sha256.strip().lower(), datatype=XSD.hexBinary)
        ctx.add(checksum, SPDX.checksumValue, digest)

    ingestion = ctx.ids.ingestion
    software = software_agent(ctx)
    ctx.add(ingestion, RDF.type, PROV.Activity)
    ctx.add(ingestion, PROV.used, file_format)
    ctx.add(ingestion, PROV.endedAtTime, date_time(ingested_at))
    ctx.add(ingestion, PROV.wasAssociatedWith, software)
    ctx.add(ctx.ids.act, PROV.wasGeneratedBy, ingestion)


def software_agent(ctx: MappingContext) -> URIRef:
    software = ctx.minter.software(__version__)
    ctx.add(software, RDF.type, PROV.SoftwareAgent)
    ctx.add(software, SCHEMA.softwareVersion, plain(__version__))
    return software
