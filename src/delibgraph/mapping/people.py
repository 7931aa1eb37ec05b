"""Popolo-style organisations, posts, persons and the séance (W3C ORG, Person, schema.org).

The authority and its deliberating body are ``org:Organization``; the body's president and the
rapporteur's office are ``org:Post``; the séance is a ``schema:Event`` organised by the body.
Persons and memberships are written by :meth:`MappingContext.person` when first named.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from delibgraph.mapping.context import MappingContext, date_literal, fr, plain
from delibgraph.mapping.terms import DLG, ORG, RDF, SCHEMA, SKOS
from delibgraph.model import Deliberation
from delibgraph.names import collapse_spaces, slugify

SESSION_KINDS: dict[str, URIRef] = {
    "ordinaire": DLG.OrdinarySession,
    "extraordinaire": DLG.ExtraordinarySession,
}

ATTENDANCE_MODES: dict[str, URIRef] = {
    "in_person": SCHEMA.OfflineEventAttendanceMode,
    "videoconference": SCHEMA.OnlineEventAttendanceMode,
    "hybrid": SCHEMA.MixedEventAttendanceMode,
}

PRESIDENT_ROLE = "Président"

# Feminine forms of the words of French offices, mapped to the form a post is named by, so that
# "Vice-Présidente" and "Vice-Président" are one post.
_OFFICE_WORDS = {
    "présidente": "président",
    "adjointe": "adjoint",
    "déléguée": "délégué",
    "conseillère": "conseiller",
    "première": "premier",
    "municipale": "municipal",
    "métropolitaine": "métropolitain",
    "départementale": "départemental",
    "régionale": "régional",
}
_WORD = re.compile(r"[^\s\-]+")


def office_name(role: str) -> str:
    """The name of the post a printed role holds: "Vice-Présidente" → "Vice-Président"."""

    def masculine(match: re.Match[str]) -> str:
        word = match.group(0)
        base = _OFFICE_WORDS.get(word.lower())
        if base is None:
            return word
        return base[0].upper() + base[1:] if word[0].isupper() else base

    text = _WORD.sub(masculine, collapse_spaces(role))
    return text[0].upper() + text[1:] if text else text


def map_authority(ctx: MappingContext) -> URIRef:
    """The local authority: name and SIREN."""
    d = ctx.deliberation
    authority = ctx.minter.authority(ctx.auth)
    ctx.add(authority, RDF.type, ORG.Organization)
    if d.authority.name:
        ctx.add(authority, SKOS.prefLabel, plain(d.authority.name))
    siren = authority_siren(d)
    if siren:
        ctx.add(authority, ORG.identifier, plain(siren))
    return authority


def authority_siren(d: Deliberation) -> str | None:
    """The SIREN the parse gives, else the one the ACTES id carries."""
    if d.authority.siren:
        return d.authority.siren
    actes = d.prefecture.actes_id
    return actes.siren if actes else None


def map_body(ctx: MappingContext, authority: URIRef) -> URIRef | None:
    """The deliberating body (council), part of the authority; None when the text names none."""
    name = ctx.deliberation.body
    if not name or not slugify(name):
        return None
    body = ctx.minter.body(ctx.auth, name)
    ctx.add(body, RDF.type, ORG.Organization)
    ctx.add(body, SKOS.prefLabel, plain(name))
    ctx.add(body, ORG.subOrganizationOf, authority)
    return body


def map_session(ctx: MappingContext) -> URIRef | None:
    """The séance, an event organised by the body (needs the body and the date)."""
    d = ctx.deliberation
    session = d.session
    if ctx.body is None or not d.body or session.date is None:
        return None
    event = ctx.minter.session(ctx.auth, d.body, session.date)
    ctx.add(event, RDF.type, SCHEMA.Event)
    ctx.add(event, SCHEMA.startDate, date_literal(session.date))
    ctx.add(event, SCHEMA.organizer, ctx.body)
    if session.mode in ATTENDANCE_MODES:
        ctx.add(event, SCHEMA.eventAttendanceMode, ATTENDANCE_MODES[session.mode])
    if session.place:
        ctx.add(event, SCHEMA.location, plain(session.place))
    if session.kind in SESSION_KINDS:
        ctx.add(event, DLG.sessionKind, SESSION_KINDS[session.kind])
    if session.president:
        ctx.add(event, DLG.chair, ctx.person(session.president))
    return event


def map_posts(ctx: MappingContext) -> None:
    """The president's post, and the rapporteur's office (e.g. vice-president) when printed."""
    d = ctx.deliberation
    if d.session.president:
        _post(ctx, PRESIDENT_ROLE, d.session.president)
    if d.rapporteur.name and d.rapporteur.role:
        _post(ctx, office_name(d.rapporteur.role), d.rapporteur.name)


def _post(ctx: MappingContext, office: str, holder: str) -> None:
    body_name = ctx.deliberation.body
    if ctx.body is None or not body_name or not slugify(office):
        return
    post = ctx.minter.post(ctx.auth, body_name, office)
    ctx.add(post, RDF.type, ORG.Post)
    ctx.add(post, SKOS.prefLabel, fr(office))
    ctx.add(post, ORG.postIn, ctx.body)
    ctx.add(post, ORG.heldBy, ctx.person(holder))
    ctx.add(ctx.body, ORG.hasPost, post)
