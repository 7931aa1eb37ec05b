"""Content negotiation: the formats the server speaks and the choice among them by ``Accept``.

A format has a canonical media type, aliases that clients send for it (SPARQLWrapper asks
``application/x-json+ld`` for JSON-LD, ``application/json`` for SPARQL JSON …) and short names
for the ``?format=`` parameter, which overrides ``Accept`` when it names an offered format
(links, CSV downloads, browsers).
The choice follows RFC 9110: each offer gets the quality of the most specific range that
matches it; the highest quality wins, the server's order breaks ties; ``q=0`` refuses. No
``Accept`` header means the first offer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from starlette.requests import Request


@dataclass(frozen=True, slots=True)
class Format:
    """One format the server can produce."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()
    short_names: tuple[str, ...] = ()
    charset: bool = True

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8" if self.charset else self.media_type

    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)


TURTLE = Format("turtle", "text/turtle", ("application/x-turtle", "application/turtle"), ("ttl",))
NTRIPLES = Format("ntriples", "application/n-triples", (), ("nt",))
JSONLD = Format("jsonld", "application/ld+json", ("application/x-json+ld",), ("json-ld",))
RDFXML = Format("rdfxml", "application/rdf+xml", (), ("rdf", "owl"))
HTML = Format("html", "text/html", ("application/xhtml+xml",), ("htm",))
RESULTS_JSON = Format(
    "json", "application/sparql-results+json", ("application/json", "text/javascript"), ("srj",)
)
RESULTS_XML = Format(
    "xml", "application/sparql-results+xml", ("application/xml", "text/xml"), ("srx",)
)
RESULTS_CSV = Format("csv", "text/csv")
RESULTS_TSV = Format("tsv", "text/tab-separated-values")

RDF_FORMATS: tuple[Format, ...] = (TURTLE, JSONLD, NTRIPLES, RDFXML)
RESULTS_FORMATS: tuple[Format, ...] = (RESULTS_JSON, RESULTS_XML, RESULTS_CSV, RESULTS_TSV)


@dataclass(frozen=True, slots=True)
class MediaRange:
    type: str
    subtype: str
    quality: float

    def specificity(self, media_type: str) -> int:
        """-1 when the range does not match ``media_type``, else 0 (*/*), 1 (type/*), 2."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != kind:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def parse_accept(header: str) -> list[MediaRange]:
    ranges: list[MediaRange] = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        kind, _, sub = fields[0].lower().partition("/")
        if not kind:
            continue
        quality = 1.0
        for parameter in fields[1:]:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append(MediaRange(kind, sub or "*", quality))
    return ranges


def quality(ranges: Sequence[MediaRange], offer: Format) -> float:
    """The quality the client gives ``offer`` (the best over its media types)."""
    best = 0.0
    for media_type in offer.media_types():
        chosen: tuple[int, float] | None = None
        for media_range in ranges:
            specificity = media_range.specificity(media_type)
            if specificity >= 0 and (chosen is None or specificity > chosen[0]):
                chosen = (specificity, media_range.quality)
        if chosen is not None:
            best = max(best, chosen[1])
    return best


def choose(accept: str | None, offers: Sequence[Format]) -> Format | None:
    """The offer the client prefers, or None when it accepts none of them."""
    if not offers:
        return None
    if accept is None or not accept.strip():
        return offers[0]
    ranges = parse_accept(accept)
    scored = [(quality(ranges, offer), -index, offer) for index, offer in enumerate(offers)]
    best_quality, _, best = max(scored, key=lambda item: (item[0], item[1]))
    return best if best_quality > 0 else None


def by_name(name: str, offers: Sequence[Format]) -> Format | None:
    """The offer named ``name`` (its name, a short name or a media type)."""
    wanted = name.strip().lower()
    for offer in offers:
        if wanted == offer.name or wanted in offer.short_names or wanted in offer.media_types():
            return offer
    return None


def negotiate(request: Request, offers: Sequence[Format]) -> Format | None:
    """The first ``?format=`` value that names an offer, else the choice by ``Accept``.

    ``format`` may repeat and hold comma-separated names (SPARQLWrapper sends
    ``format=json-ld&format=application/ld+json,…``); values that name no offer are hints
    for other servers and are ignored.
    """
    for value in request.query_params.getlist("format"):
        for name in value.split(","):
            if name.strip() and (named := by_name(name, offers)) is not None:
                return named
    return choose(request.headers.get("accept"), offers)


def alternates(iri: str, offers: Sequence[Format]) -> Mapping[str, str]:
    """media type → URL of that representation (``?format=`` links)."""
    return {offer.media_type: f"{iri}?format={offer.name}" for offer in offers}
