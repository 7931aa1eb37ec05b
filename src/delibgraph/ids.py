"""Deterministic IRIs for everything delibgraph mints, under a configurable base.

The scheme (``{base}`` ends with ``/``; ``{auth}`` is the authority's SIREN, or the slug of
its name when the text gives no SIREN; ``{body}`` the slug of the body's name;
``{num}`` the slug of the act number; ``{person}`` :func:`delibgraph.names.person_key`):

======================  =====================================================================
act (LegalResource)     ``{base}eli/deliberation/{auth}/{yyyy}/{mm}/{dd}/{num}``
expression (French)     ``{act}/fra``
format (source file)    ``{act}/fra/{txt|pdf}``
decision (article n)    ``{act}/decision/{n}``
annex n                 ``{act}/annex/{n}``
authority               ``{base}id/authority/{auth}``
body (council …)        ``{base}id/authority/{auth}/body/{body}``
post                    ``{base}id/authority/{auth}/body/{body}/post/{role}``
membership              ``{base}id/authority/{auth}/body/{body}/membership/{person}``
séance                  ``{base}id/authority/{auth}/body/{body}/session/{yyyy-mm-dd}``
person                  ``{base}id/authority/{auth}/person/{person}``
theme                   ``{base}id/authority/{auth}/theme/{slug}``
motion                  ``{base}id/authority/{auth}/deliberation/{num}/motion``
vote event              ``{base}id/authority/{auth}/deliberation/{num}/vote-event``
count                   ``{vote event}/count/{yes|no|abstain|not-voting}``
vote                    ``{vote event}/vote/{person}``
proxy                   ``{vote event}/proxy/{person}``
mentioned organisation  ``{base}id/mention/organization/{slug}``
mentioned place         ``{base}id/mention/place/{slug}``
amount mention          ``{act}/amount/{n}``
subject inference       ``{act}/subject-inference`` (how an inferred ACTES subject was found)
ACTES subject           ``https://w3id.org/delibgraph/actes/matiere/{code}`` (vocab.py, fixed)
ingestion activity      ``{base}id/authority/{auth}/deliberation/{num}/ingestion``
software agent          ``{base}id/software/delibgraph/{version}``
named graph             ``{base}graph/{auth}/{num}``
statistics graph        ``{base}graph/statistics/{auth}/{body}`` (one per body, derived data)
member statistics       ``{body}/statistics/member/{person}`` (``…/{yyyy}`` a year,
                        ``…/theme/{slug}`` a theme)
proxy pair statistics   ``{body}/statistics/proxy/{giver}/{holder}``
séance statistics       ``{séance}/statistics``
======================  =====================================================================

A person has one IRI per authority, whatever séance or deliberation names them. An act is
identified by its authority and number; its date places it in the ELI template.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass

from rdflib import URIRef

from delibgraph.errors import MappingError
from delibgraph.names import person_key, slugify

DEFAULT_BASE = "http://localhost:8000/"
BASE_ENV = "DELIBGRAPH_BASE"


def default_base() -> str:
    """``$DELIBGRAPH_BASE`` when set, else :data:`DEFAULT_BASE`."""
    return normalise_base(os.environ.get(BASE_ENV) or DEFAULT_BASE)


def normalise_base(base: str) -> str:
    if not base.startswith(("http://", "https://")):
        raise MappingError(f"base IRI must be http(s): {base!r}")
    return base if base.endswith("/") else base + "/"


@dataclass(frozen=True, slots=True)
class ActIds:
    """Every IRI of one deliberation, minted once."""

    graph: URIRef
    act: URIRef
    expression: URIRef
    motion: URIRef
    vote_event: URIRef
    ingestion: URIRef

    def format(self, extension: str) -> URIRef:
        return URIRef(f"{self.expression}/{extension}")

    def decision(self, n: int) -> URIRef:
        return URIRef(f"{self.act}/decision/{n}")

    def annex(self, n: int) -> URIRef:
        return URIRef(f"{self.act}/annex/{n}")

    def amount(self, n: int) -> URIRef:
        return URIRef(f"{self.act}/amount/{n}")

    @property
    def subject_inference(self) -> URIRef:
        return URIRef(f"{self.act}/subject-inference")

    def count(self, option: str) -> URIRef:
        return URIRef(f"{self.vote_event}/count/{option}")

    def vote(self, person_name: str) -> URIRef:
        return URIRef(f"{self.vote_event}/vote/{person_key(person_name)}")

    def proxy(self, person_name: str) -> URIRef:
        return URIRef(f"{self.vote_event}/proxy/{person_key(person_name)}")


@dataclass(frozen=True, slots=True)
class IriMinter:
    """Mints delibgraph's IRIs under one base."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", normalise_base(self.base))

    # -- authority-level resources
    def authority_key(self, name: str | None, siren: str | None) -> str:
        if siren:
            return siren
        if name and slugify(name):
            return slugify(name)
        raise MappingError("no authority name nor SIREN: cannot mint IRIs")

    def authority(self, auth: str) -> URIRef:
        return URIRef(f"{self.base}id/authority/{auth}")

    def body(self, auth: str, body_name: str) -> URIRef:
        return URIRef(f"{self.authority(auth)}/body/{slugify(body_name)}")

    def post(self, auth: str, body_name: str, role: str) -> URIRef:
        return URIRef(f"{self.body(auth, body_name)}/post/{slugify(role)}")

    def membership(self, auth: str, body_name: str, person_name: str) -> URIRef:
        return URIRef(f"{self.body(auth, body_name)}/membership/{person_key(person_name)}")

    def session(self, auth: str, body_name: str, date: dt.date) -> URIRef:
        return URIRef(f"{self.body(auth, body_name)}/session/{date.isoformat()}")

    def person(self, auth: str, person_name: str) -> URIRef:
        key = person_key(person_name)
        if not key:
            raise MappingError(f"cannot mint a person IRI from {person_name!r}")
        return URIRef(f"{self.authority(auth)}/person/{key}")

    def theme(self, auth: str, label: str) -> URIRef:
        return URIRef(f"{self.authority(auth)}/theme/{slugify(label)}")

    def theme_scheme(self, auth: str) -> URIRef:
        return URIRef(f"{self.authority(auth)}/themes")

    # -- global resources
    def mentioned_organization(self, name: str) -> URIRef:
        return URIRef(f"{self.base}id/mention/organization/{slugify(name)}")

    def mentioned_place(self, name: str) -> URIRef:
        return URIRef(f"{self.base}id/mention/place/{slugify(name)}")

    def software(self, version: str) -> URIRef:
        return URIRef(f"{self.base}id/software/delibgraph/{slugify(version)}")

    # -- precomputed statistics (delibgraph.statistics), keyed by the IRIs they count
    def statistics_graph(self, body: str) -> URIRef:
        """The statistics graph of a body: ``{base}graph/statistics/{auth}/{body}`` for a body
        minted here, a digest of the IRI for any other."""
        prefix = f"{self.base}id/authority/"
        auth, marker, slug = body.removeprefix(prefix).partition("/body/")
        if body.startswith(prefix) and marker and "/" not in slug:
            return URIRef(f"{self.base}graph/statistics/{auth}/{slug}")
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:24]
        return URIRef(f"{self.base}graph/statistics/other/{digest}")

    def member_statistics(self, body: str, person: str) -> URIRef:
        return URIRef(f"{body}/statistics/member/{_last_segment(person)}")

    def member_year_statistics(self, body: str, person: str, year: int) -> URIRef:
        return URIRef(f"{self.member_statistics(body, person)}/{year:04d}")

    def member_theme_statistics(self, body: str, person: str, theme_name: str) -> URIRef:
        return URIRef(f"{self.member_statistics(body, person)}/theme/{slugify(theme_name) or 'x'}")

    def proxy_statistics(self, body: str, giver: str, holder: str) -> URIRef:
        return URIRef(
            f"{body}/statistics/proxy/{_last_segment(giver)}/{_last_segment(holder)}"
        )

    def seance_statistics(self, seance: str) -> URIRef:
        return URIRef(f"{seance}/statistics")

    # -- one deliberation
    def act_ids(self, auth: str, number: str | None, date: dt.date | None) -> ActIds:
        if not number or not slugify(number):
            raise MappingError("the deliberation has no number: cannot mint its IRI")
        if date is None:
            raise MappingError(f"deliberation {number} has no date: cannot mint its ELI IRI")
        num = slugify(number)
        act = URIRef(
            f"{self.base}eli/deliberation/{auth}/{date.year:04d}/{date.month:02d}/"
            f"{date.day:02d}/{num}"
        )
        local = f"{self.authority(auth)}/deliberation/{num}"
        return ActIds(
            graph=URIRef(f"{self.base}graph/{auth}/{num}"),
            act=act,
            expression=URIRef(f"{act}/fra"),
            motion=URIRef(f"{local}/motion"),
            vote_event=URIRef(f"{local}/vote-event"),
            ingestion=URIRef(f"{local}/ingestion"),
        )


def _last_segment(iri: str) -> str:
    """The last path segment of an IRI minted here (a person key), slugified for safety."""
    return slugify(iri.rstrip("/").rsplit("/", 1)[-1]) or "x"
