"""What the body text mentions: organisations, places and money amounts (found by spaCy).

Organisations and places get one IRI per name slug across every deliberation (``schema:name``
is the first spelling met in this deliberation); an amount is a ``schema:MonetaryAmount``
local to the act. The French expression ``schema:mentions`` each of them.
"""

from __future__ import annotations

from rdflib import URIRef

from delibgraph.mapping.context import MappingContext, decimal, plain
from delibgraph.mapping.terms import RDF, RDFS, SCHEMA
from delibgraph.names import slugify


def map_entities(ctx: MappingContext) -> None:
    entities = ctx.deliberation.entities
    expression = ctx.ids.expression
    named = [
        *(
            (name, SCHEMA.Organization, ctx.minter.mentioned_organization)
            for name in entities.organizations
        ),
        *((name, SCHEMA.Place, ctx.minter.mentioned_place) for name in entities.places),
    ]
    seen: set[URIRef] = set()
    for name, cls, mint in named:
        if not slugify(name):
            continue
        iri = mint(name)
        if iri in seen:
            continue
        seen.add(iri)
        ctx.add(iri, RDF.type, cls)
        ctx.add(iri, SCHEMA.name, plain(name))
        ctx.add(expression, SCHEMA.mentions, iri)

    for n, amount in enumerate(entities.amounts, start=1):
        iri = ctx.ids.amount(n)
        ctx.add(iri, RDF.type, SCHEMA.MonetaryAmount)
        ctx.add(iri, SCHEMA.value, decimal(amount.value))
        ctx.add(iri, SCHEMA.currency, plain(amount.currency))
        ctx.add(iri, RDFS.label, plain(amount.text))
        ctx.add(expression, SCHEMA.mentions, iri)
