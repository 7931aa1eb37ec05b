"""The typed, frozen model of a parsed deliberation.

One :class:`Deliberation` crosses every stage: ``parse`` produces it, ``map`` turns it into
RDF, ``validate`` checks that RDF, ``load`` stores it. Every value the text does not give is
``None`` (or an empty tuple for lists): nothing is guessed.

Each field keeps where it came from: :attr:`Deliberation.spans` maps a field path
(``"number"``, ``"session.date"``, ``"present[3]"``, ``"vote.for"`` …) to the
:class:`Span` of text it was read from.

``to_json`` / ``from_json`` give the JSON of ``delibgraph parse --format json``; its keys are
a published contract (see README, "The JSON of parse"). ``from_json`` rejects unknown keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from delibgraph.errors import ModelError

JSONDict = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Span:
    """Where a value was read: 1-based line of the extracted text and character offsets.

    ``start`` and ``end`` are offsets into the whole extracted text (``end`` exclusive), so
    ``text[start:end]`` is the excerpt the value came from.
    """

    line: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Authority:
    """The local authority (commune, métropole, département …) that deliberates."""

    name: str | None = None
    siren: str | None = None


@dataclass(frozen=True, slots=True)
class Session:
    """The séance at which the deliberation was adopted."""

    date: dt.date | None = None
    kind: str | None = None  # "ordinaire" | "extraordinaire"
    place: str | None = None  # a room or "au lieu ordinaire de ses séances", as printed
    mode: str | None = None  # "in_person" | "videoconference" | "hybrid"
    president: str | None = None


@dataclass(frozen=True, slots=True)
class RepresentedMember:
    """A member absent who voted by proxy (procuration); the holder when the text names it."""

    name: str
    proxy_holder: str | None = None


@dataclass(frozen=True, slots=True)
class AbsentMember:
    """A member absent without proxy; ``excused`` is None when the text does not say."""

    name: str
    excused: bool | None = None


@dataclass(frozen=True, slots=True)
class Rapporteur:
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Vote:
    """The vote on the deliberation, as the register states it.

    ``method``: "electronic" | "show_of_hands" | "secret_ballot" | "roll_call" | None.
    ``outcome``: "adopted" | "rejected" | "noted" | "elected" | None.
    """

    method: str | None = None
    outcome: str | None = None
    unanimous: bool | None = None
    for_: int | None = None
    against: int | None = None
    abstention: int | None = None
    not_voting: int | None = None
    against_names: tuple[str, ...] = ()
    abstention_names: tuple[str, ...] = ()
    not_voting_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Signature:
    place: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ActesId:
    """An ACTES acknowledgement id, e.g. ``034-243400017-20210329-156275-DE-1-1``."""

    value: str
    department: str
    siren: str
    decision_date: dt.date
    internal_number: str
    nature: str


@dataclass(frozen=True, slots=True)
class Prefecture:
    received: dt.date | None = None
    actes_id: ActesId | None = None


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal
    currency: str
    text: str


@dataclass(frozen=True, slots=True)
class Entities:
    """Named entities found by spaCy in the body text (never in the name lists)."""

    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    amounts: tuple[Amount, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Deliberation:
    """One deliberation as its register gives it."""

    source: Source
    number: str | None = None
    authority: Authority = field(default_factory=Authority)
    body: str | None = None
    session: Session = field(default_factory=Session)
    members_in_office: int | None = None
    present: tuple[str, ...] = ()
    represented: tuple[RepresentedMember, ...] = ()
    absent: tuple[AbsentMember, ...] = ()
    theme: str | None = None
    title: str | None = None
    rapporteur: Rapporteur = field(default_factory=Rapporteur)
    reasoning: str | None = None
    decisions: tuple[str, ...] = ()
    vote: Vote = field(default_factory=Vote)
    signed: Signature = field(default_factory=Signature)
    published: dt.date | None = None
    prefecture: Prefecture = field(default_factory=Prefecture)
    annexes: tuple[str, ...] = ()
    entities: Entities = field(default_factory=Entities)
    spans: Mapping[str, Span] = field(default_factory=dict)

    @property
    def voters(self) -> int:
        """Members able to vote: present plus represented."""
        return len(self.present) + len(self.represented)

    def to_json(self) -> JSONDict:
        return deliberation_to_json(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Deliberation:
        return deliberation_from_json(data)


# --------------------------------------------------------------------------- JSON codec

_VOTE_JSON_KEYS = {"for_": "for"}


def _date_to_json(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date_from_json(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ModelError(f"{where}: not an ISO date: {value!r}") from exc


def _check_keys(data: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ModelError(f"{where}: unknown key(s) {sorted(unknown)}")


def _names(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or ()))


def deliberation_to_json(d: Deliberation) -> JSONDict:
    """The JSON object of one deliberation, with the keys the README documents."""
    vote = {_VOTE_JSON_KEYS.get(f.name, f.name): getattr(d.vote, f.name) for f in fields(Vote)}
    for key in ("against_names", "abstention_names", "not_voting_names"):
        vote[key] = list(vote[key])
    actes = d.prefecture.actes_id
    return {
        "number": d.number,
        "authority": {"name": d.authority.name, "siren": d.authority.siren},
        "body": d.body,
        "session": {
            "date": _date_to_json(d.session.date),
            "kind": d.session.kind,
            "place": d.session.place,
            "mode": d.session.mode,
            "president": d.session.president,
        },
        "members_in_office": d.members_in_office,
        "present": list(d.present),
        "represented": [{"name": r.name, "proxy_holder": r.proxy_holder} for r in d.represented],
        "absent": [{"name": a.name, "excused": a.excused} for a in d.absent],
        "theme": d.theme,
        "title": d.title,
        "rapporteur": {"name": d.rapporteur.name, "role": d.rapporteur.role},
        "reasoning": d.reasoning,
        "decisions": list(d.decisions),
        "vote": vote,
        "signed": {"place": d.signed.place, "date": _date_to_json(d.signed.date)},
        "published": _date_to_json(d.published),
        "prefecture": {
            "received": _date_to_json(d.prefecture.received),
            "actes_id": actes.value if actes else None,
        },
        "annexes": list(d.annexes),
        "entities": {
            "organizations": list(d.entities.organizations),
            "places": list(d.entities.places),
            "amounts": [
                {"value": float(a.value), "currency": a.currency, "text": a.text}
                for a in d.entities.amounts
            ],
        },
        "source": {"path": d.source.path, "sha256": d.source.sha256},
        "spans": {
            key: {"line": s.line, "start": s.start, "end": s.end} for key, s in d.spans.items()
        },
    }


_TOP_KEYS = {
    "number", "authority", "body", "session", "members_in_office", "present", "represented",
    "absent", "theme", "title", "rapporteur", "reasoning", "decisions", "vote", "signed",
    "published", "prefecture", "annexes", "entities", "source", "spans",
}  # fmt: skip


def deliberation_from_json(data: Mapping[str, Any]) -> Deliberation:
    """Rebuild a :class:`Deliberation` from its JSON; unknown keys raise :class:`ModelError`."""
    from delibgraph.actes import parse_actes_id  # local: actes imports model

    _check_keys(data, _TOP_KEYS, "deliberation")
    sess = data.get("session") or {}
    _check_keys(sess, {"date", "kind", "place", "mode", "president"}, "session")
    vote_in = dict(data.get("vote") or {})
    _check_keys(vote_in, {_VOTE_JSON_KEYS.get(f.name, f.name) for f in fields(Vote)}, "vote")
    vote_kwargs: dict[str, Any] = {}
    for f in fields(Vote):
        raw = vote_in.get(_VOTE_JSON_KEYS.get(f.name, f.name))
        vote_kwargs[f.name] = _names(raw) if f.name.endswith("_names") else raw
    pref = data.get("prefecture") or {}
    _check_keys(pref, {"received", "actes_id"}, "prefecture")
    ents = data.get("entities") or {}
    _check_keys(ents, {"organizations", "places", "amounts"}, "entities")
    src = data.get("source") or {}
    return Deliberation(
        source=Source(path=str(src.get("path", "")), sha256=str(src.get("sha256", ""))),
        number=data.get("number"),
        authority=Authority(**(data.get("authority") or {})),
        body=data.get("body"),
        session=Session(
            date=_date_from_json(sess.get("date"), "session.date"),
            kind=sess.get("kind"),
            place=sess.get("place"),
            mode=sess.get("mode"),
            president=sess.get("president"),
        ),
        members_in_office=data.get("members_in_office"),
        present=_names(data.get("present")),
        represented=tuple(RepresentedMember(**r) for r in data.get("represented") or ()),
        absent=tuple(AbsentMember(**a) for a in data.get("absent") or ()),
        theme=data.get("theme"),
        title=data.get("title"),
        rapporteur=Rapporteur(**(data.get("rapporteur") or {})),
        reasoning=data.get("reasoning"),
        decisions=_names(data.get("decisions")),
        vote=Vote(**vote_kwargs),
        signed=Signature(
            place=(data.get("signed") or {}).get("place"),
            date=_date_from_json((data.get("signed") or {}).get("date"), "signed.date"),
        ),
        published=_date_from_json(data.get("published"), "published"),
        prefecture=Prefecture(
            received=_date_from_json(pref.get("received"), "prefecture.received"),
            actes_id=parse_actes_id(pref["actes_id"]) if pref.get("actes_id") else None,
        ),
        annexes=_names(data.get("annexes")),
        entities=Entities(
            organizations=_names(ents.get("organizations")),
            places=_names(ents.get("places")),
            amounts=tuple(
                Amount(value=Decimal(str(a["value"])), currency=a["currency"], text=a["text"])
                for a in ents.get("amounts") or ()
            ),
        ),
        spans={k: Span(**v) for k, v in (data.get("spans") or {}).items()},
    )
