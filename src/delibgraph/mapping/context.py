"""What every mapping unit shares while one deliberation becomes RDF.

A :class:`MappingContext` holds the triples written so far (a set in the order they were
first written: no rdflib store on the way, :class:`~delibgraph.mapping.DeliberationGraph`
builds one only when asked), the IRI minter and the IRIs minted once for the deliberation
(act, vote event …), and a registry of the persons named so far: the first printed form of a
name becomes its ``foaf:name``, so that a person named twice with two spellings that share a
:func:`~delibgraph.names.person_key` gets one IRI and one name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.term import Node

from delibgraph.ids import ActIds, IriMinter
from delibgraph.mapping.terms import FOAF, ORG, PERSON, RDF, XSD
from delibgraph.model import Deliberation
from delibgraph.names import collapse_spaces, split_name


def fr(text: str) -> Literal:
    """A French-tagged literal, white space collapsed."""
    return Literal(collapse_spaces(text), lang="fr")


def fr_text(text: str) -> Literal:
    """A French-tagged literal of running text: spaces collapsed, paragraph breaks kept."""
    paragraphs = (collapse_spaces(p) for p in re.split(r"\n\s*\n", text))
    return Literal("\n\n".join(p for p in paragraphs if p), lang="fr")


@lru_cache(maxsize=4_096)  # vote options, names: the same few strings again and again
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


Triple = tuple[Node, Node, Node]


@dataclass
class MappingContext:
    """The triples under construction and the identifiers of one deliberation."""

    deliberation: Deliberation
    minter: IriMinter
    auth: str
    ids: ActIds
    body: URIRef | None = None
    persons: dict[URIRef, str] = field(default_factory=dict)
    # every triple once, in the order first written (a dict keeps both)
    triples: dict[Triple, None] = field(default_factory=dict)
    _person_iris: dict[str, URIRef] = field(default_factory=dict)  # by printed name

    def add(self, subject: Node, predicate: Node, obj: Node) -> None:
        self.triples[subject, predicate, obj] = None

    def person(self, printed: str) -> URIRef:
        """The IRI of a named member; the first mention writes the person and membership."""
        known = self._person_iris.get(printed)
        if known is not None:
            return known
        body_name = self.deliberation.body
        iri, name, triples = first_mention(self.minter, self.auth, self.body, body_name, printed)
        self._person_iris[printed] = iri
        if iri not in self.persons:
            self.persons[iri] = name
            self.triples.update(dict.fromkeys(triples))
        return iri


@lru_cache(maxsize=8_192)  # a council's members are named in each of its deliberations
def first_mention(
    minter: IriMinter, auth: str, body: URIRef | None, body_name: str | None, printed: str
) -> tuple[URIRef, str, tuple[Triple, ...]]:
    """A member's IRI, name, and the triples that write the person (and membership of
    ``body``, when there is one) where the printed name is first met."""
    iri = minter.person(auth, printed)
    name = printed_name(printed)
    parts = split_name(name)
    triples: list[Triple] = [(iri, RDF.type, PERSON.Person), (iri, FOAF.name, plain(name))]
    if parts.given:
        triples.append((iri, FOAF.givenName, plain(parts.given)))
    if parts.family:
        triples.append((iri, FOAF.familyName, plain(parts.family)))
    if body is not None and body_name:
        membership = minter.membership(auth, body_name, printed)
        triples.append((membership, RDF.type, ORG.Membership))
        triples.append((membership, ORG.member, iri))
        triples.append((membership, ORG.organization, body))
    return iri, name, tuple(triples)
