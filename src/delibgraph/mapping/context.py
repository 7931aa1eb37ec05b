"""What every mapping unit shares while one deliberation becomes RDF.

A :class:`MappingContext` holds the graph being built, the IRI minter and the IRIs minted once
for the deliberation (act, vote event …), and a registry of the persons named so far: the
first printed form of a name becomes its ``foaf:name``, so that a person named twice with two
spellings that share a :func:`~delibgraph.names.person_key` gets one IRI and one name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from delibgraph.ids import ActIds, IriMinter
from delibgraph.model import Deliberation
from delibgraph.names import collapse_spaces, split_name
from delibgraph.vocab import FOAF, ORG, PERSON, RDF, XSD


def fr(text: str) -> Literal:
    """A French-tagged literal, white space collapsed."""
    return Literal(collapse_spaces(text), lang="fr")


def fr_text(text: str) -> Literal:
    """A French-tagged literal of running text: spaces collapsed, paragraph breaks kept."""
    paragraphs = (collapse_spaces(p) for p in re.split(r"\n\s*\n", text))
    return Literal("\n\n".join(p for p in paragraphs if p), lang="fr")


def plain(text: str) -> Literal:
    """An ``xsd:string`` literal (written without datatype), white space collapsed."""
    return Literal(collapse_spaces(text))


def date_literal(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD.boolean)


def decimal(value: Decimal) -> Literal:
    """The canonical ``xsd:decimal`` form: ``5000.0``, ``12.5`` (same value, same literal)."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def date_time(value: dt.datetime) -> Literal:
    """An ``xsd:dateTime`` in UTC; a naive value is taken as UTC already."""
    aware = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return Literal(aware.isoformat(), datatype=XSD.dateTime)


def printed_name(printed: str) -> str:
    """The name as printed, without an honorific ("Monsieur Michaël DELAFOSSE" → "Michaël …")."""
    parts = split_name(printed)
    if parts.honorific:
        return collapse_spaces(parts.printed[len(parts.honorific) :])
    return parts.printed


@dataclass
class MappingContext:
    """The graph under construction and the identifiers of one deliberation."""

    deliberation: Deliberation
    minter: IriMinter
    auth: str
    ids: ActIds
    graph: Graph
    body: URIRef | None = None
    persons: dict[URIRef, str] = field(default_factory=dict)

    def add(self, subject: Node, predicate: Node, obj: Node) -> None:
        self.graph.add((subject, predicate, obj))

    def person(self, printed: str) -> URIRef:
        """The IRI of a named member; the first mention writes the person and membership."""
        iri = self.minter.person(self.auth, printed)
        if iri in self.persons:
            return iri
        name = printed_name(printed)
        self.persons[iri] = name
        parts = split_name(name)
        self.add(iri, RDF.type, PERSON.Person)
        self.add(iri, FOAF.name, plain(name))
        if parts.given:
            self.add(iri, FOAF.givenName, plain(parts.given))
        if parts.family:
            self.add(iri, FOAF.familyName, plain(parts.family))
        if self.body is not None and self.deliberation.body:
            membership = self.minter.membership(self.auth, self.deliberation.body, printed)
            self.add(membership, RDF.type, ORG.Membership)
            self.add(membership, ORG.member, iri)
            self.add(membership, ORG.organization, self.body)
        return iri
