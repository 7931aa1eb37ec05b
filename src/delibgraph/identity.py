"""One person per member of an authority, however the registers print the name.

Registers name the same member "Aurélie MEYNADIER (BERTHÉZÈNE)", "MEYNADIER (BERTHÉZÈNE)
Aurélie", "Aurelie MEYNADIER", "A. MEYNADIER", "Mme Meynadier". :func:`parse_person` reads a
printed name into folded parts (family name, given names, initials, maiden name);
:func:`matches` tells whether a printed name can denote a fuller one; a
:class:`PersonResolver`, built from the names already known for one authority (its roster),
maps each printed name to one canonical name, or reports it as ambiguous when several members
fit ("M. Rouquette" when Paul and Sylvie ROUQUETTE both sit): an ambiguity is listed, never
guessed.

The canonical name of a person is the fullest form the roster knows (given and family names),
without a parenthesised maiden name, so that its :func:`~delibgraph.names.person_key` — and the
person IRI minted from it — does not depend on which spelling was met first.

:func:`roster_from_store` reads an authority's roster from the triple store (the ``foaf:name``
of the persons whose IRI starts with the authority's person prefix); :func:`rosters_from_store`
reads every authority's at once, for a whole ingestion run (:class:`Rosters`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from delibgraph.errors import MappingError
from delibgraph.model import AbsentMember, Deliberation, RepresentedMember
from delibgraph.names import collapse_spaces, person_key, strip_accents

if TYPE_CHECKING:  # the parser uses the matching only: rdflib and the store load on demand
    from delibgraph.ids import IriMinter
    from delibgraph.store.base import Store

_HONORIFIC = re.compile(
    r"^(?:(?:M\.|MM\.|Mme\.?|Mmes\.?|Mlle\.?|Mr\.?|Dr\.?|Monsieur|Madame|Mademoiselle|Messieurs"
    r"|Mesdames)\s+)+",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.-?)+$")
_PARTICLES = frozenset(
    {"de", "du", "des", "d'", "le", "la", "les", "van", "von", "der", "den", "di", "da", "dos",
     "del", "della", "y", "ben", "el", "al", "ter"}
)  # fmt: skip
_MAIDEN_MARK = re.compile(r"^(?:n[ée]e|[ée]pouse|ep\.)\s+", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, no accents, typographic apostrophes made straight."""
    return strip_accents(text).casefold().replace("’", "'")


@dataclass(frozen=True, slots=True)
class PersonParts:
    """A printed name read into folded parts."""

    printed: str
    family: str  # folded family name ("meynadier", "de la combe")
    given: str  # folded given names ("aurelie", "jean-pierre"), "" when not printed
    initials: str  # letters of the given names printed as initials ("jp" for "J.-P.")
    maiden: str  # folded name in parentheses ("berthezene"), "" when none
    display: str  # the printed name without honorific and parentheses

    @property
    def full(self) -> bool:
        """True when the given names are printed in full."""
        return bool(self.family and self.given)


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=65_536)  # pure; a roster's names recur in every deliberation
def parse_person(printed: str) -> PersonParts:
    """Read a printed name: the family name is the run of words in capitals; without one,
    the words beside printed initials ("Rouquette P."), else the last word."""
    text = collapse_spaces(printed)
    maidens = [
        _MAIDEN_MARK.sub("", inner.strip()) for inner in _PARENTHESIS.findall(text)
    ]  # fmt: skip
    text = collapse_spaces(_PARENTHESIS.sub(" ", text))
    text = _HONORIFIC.sub("", text).strip(" ,;")
    words = text.split()
    initials = [w for w in words if _INITIALS.match(w)]
    rest = [w for w in words if not _INITIALS.match(w)]
    caps = [i for i, w in enumerate(rest) if _is_caps(w)]
    if caps:
        first, last = caps[0], caps[-1]
        while first > 0 and rest[first - 1].lower() in _PARTICLES:
            first -= 1
        family_words = rest[first : last + 1]
        given_words = rest[:first] + rest[last + 1 :]
    elif initials or len(rest) <= 1:
        family_words, given_words = rest, []
    else:
        cut = len(rest) - 1
        while cut > 0 and rest[cut - 1].lower() in _PARTICLES:
            cut -= 1
        family_words, given_words = rest[cut:], rest[:cut]
    letters = "".join(c for w in initials for c in w if c.isalpha())
    return PersonParts(
        printed=printed,
        family=fold(" ".join(family_words)),
        given=fold(" ".join(given_words)),
        initials=fold(letters),
        maiden=fold(" ".join(m for m in maidens if m)),
        display=text,
    )


def _given_initials(given: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s\-]+", given) if part)


def matches(short: PersonParts, full: PersonParts) -> bool:
    """True when ``short`` can denote the person printed ``full`` (same family name, and given
    names equal, or initials of them, or not printed)."""
    if not short.family or not full.family:
        return False
    families = {full.family, full.maiden} - {""}
    if short.family not in families and not (short.maiden and short.maiden in families):
        return False
    if short.given and full.given:
        return short.given == full.given
    if short.initials:
        known = full.initials or _given_initials(full.given)
        return bool(known) and known.startswith(short.initials)
    if short.given and full.initials:
        return _given_initials(short.given).startswith(full.initials)
    return True


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a printed name resolves to: a canonical name, or several candidates."""

    printed: str
    canonical: str | None  # the name to mint the person from; None when ambiguous
    candidates: tuple[str, ...] = ()  # the canonical names that fit, when ambiguous

    @property
    def ambiguous(self) -> bool:
        return self.canonical is None


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A printed name that fits several members: listed, never guessed."""

    printed: str
    candidates: tuple[str, ...]
    source: str = ""

    def message(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.printed!r} may be {' or '.join(map(repr, self.candidates))}"


def _canonical_form(parts: PersonParts) -> str:
    return parts.display


def _fuller(new: PersonParts, known: PersonParts) -> bool:
    """True when ``new`` tells more than ``known`` of the same person: a maiden name, or the
    accents an unaccented printing lost ("Aurélie" rather than "Aurelie")."""
    if bool(new.maiden) != bool(known.maiden):
        return bool(new.maiden)
    return sum(ord(c) > 127 for c in new.display) > sum(ord(c) > 127 for c in known.display)


@dataclass
class PersonResolver:
    """Resolves printed names against the roster of one authority.

    The roster holds the full names (given and family names) known for the authority; a
    printed name resolves to the one roster person it fits (:func:`matches`), keeps its own
    name when it fits none, and is ambiguous when it fits several.
    """

    roster: dict[str, PersonParts] = field(default_factory=dict)  # person key -> fullest parts
    # Derived from the roster, rebuilt after each change: roster keys by folded family and
    # maiden name (only those can match), and the resolutions made so far.
    _by_name: dict[str, list[str]] | None = field(default=None, init=False, repr=False)
    _resolved: dict[str, Resolution] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def of(cls, names: Iterable[str]) -> PersonResolver:
        resolver = cls()
        resolver.add(names)
        return resolver

    def add(self, names: Iterable[str]) -> None:
        """Add full names to the roster (partial ones, like "Mme Meynadier", are skipped)."""
        for name in names:
            parts = parse_person(name)
            if not parts.full:
                continue
            key = person_key(_canonical_form(parts))
            known = self.roster.get(key)
            if known is None or _fuller(parts, known):
                self.roster[key] = parts
                self._by_name, self._resolved = None, {}

    def _names_index(self) -> dict[str, list[str]]:
        if self._by_name is None:
            index: dict[str, list[str]] = {}
            for key, parts in self.roster.items():
                for name in {parts.family, parts.maiden} - {""}:
                    index.setdefault(name, []).append(key)
            self._by_name = index
        return self._by_name

    def resolve(self, printed: str) -> Resolution:
        found = self._resolved.get(printed)
        if found is None:
            found = self._resolved[printed] = self._resolve(printed)
        return found

    def _resolve(self, printed: str) -> Resolution:
        parts = parse_person(printed)
        # matches() needs the printed family or maiden name to be a roster person's family or
        # maiden name: only those persons are tried
        index = self._names_index()
        keys = {key for name in {parts.family, parts.maiden} - {""} for key in index.get(name, ())}
        fits = sorted({person_key(_canonical_form(p)): p for p in (self.roster[k] for k in keys)
                       if matches(parts, p)}.items())  # fmt: skip
        if len(fits) == 1:
            return Resolution(printed, _canonical_form(fits[0][1]))
        if len(fits) > 1:
            return Resolution(printed, None, tuple(_canonical_form(p) for _, p in fits))
        return Resolution(printed, _canonical_form(parts) if parts.full else printed)

    def canonical(self, printed: str) -> str:
        """The canonical name of ``printed``, or ``printed`` itself when it is ambiguous."""
        found = self.resolve(printed)
        return found.canonical if found.canonical is not None else printed

    def for_deliberation(self, d: Deliberation) -> PersonResolver:
        """A resolver whose roster also holds the full names this deliberation prints."""
        local = PersonResolver(dict(self.roster))
        local.add(deliberation_names(d))
        return local

    def ambiguities(self, d: Deliberation) -> list[Ambiguity]:
        """The names of ``d`` that fit several members."""
        found: dict[str, Ambiguity] = {}
        for name in deliberation_names(d):
            resolution = self.resolve(name)
            if resolution.ambiguous and name not in found:
                found[name] = Ambiguity(name, resolution.candidates, d.source.path)
        return list(found.values())

    def canonicalize(self, d: Deliberation) -> Deliberation:
        """``d`` with every person's name replaced by its canonical name (ambiguous ones kept
        as printed)."""
        name = self.canonical

        def optional(value: str | None) -> str | None:
            return name(value) if value else value

        vote = d.vote
        return dataclasses.replace(
            d,
            session=dataclasses.replace(d.session, president=optional(d.session.president)),
            present=tuple(name(n) for n in d.present),
            represented=tuple(
                RepresentedMember(name(r.name), optional(r.proxy_holder)) for r in d.represented
            ),
            absent=tuple(AbsentMember(name(a.name), a.excused) for a in d.absent),
            rapporteur=dataclasses.replace(d.rapporteur, name=optional(d.rapporteur.name)),
            vote=dataclasses.replace(
                vote,
                against_names=tuple(name(n) for n in vote.against_names),
                abstention_names=tuple(name(n) for n in vote.abstention_names),
                not_voting_names=tuple(name(n) for n in vote.not_voting_names),
            ),
        )


def deliberation_names(d: Deliberation) -> list[str]:
    """Every person's name a deliberation prints, lists first (they print names in full)."""
    names: list[str] = [*d.present]
    names += [r.name for r in d.represented]
    names += [a.name for a in d.absent]
    names += [r.proxy_holder for r in d.represented if r.proxy_holder]
    names += [n for n in (d.session.president, d.rapporteur.name) if n]
    vote = d.vote
    names += [*vote.against_names, *vote.abstention_names, *vote.not_voting_names]
    return names


def roster_query() -> str:
    """SPARQL: the names of the persons whose IRI starts with ``?prefix`` (bound by the caller;
    projected, as substitutions require)."""
    from delibgraph.vocab import FOAF

    return (
        f"SELECT DISTINCT ?prefix ?name WHERE {{ ?person <{FOAF.name}> ?name . "
        "FILTER(STRSTARTS(STR(?person), STR(?prefix))) }"
    )


def roster_from_store(store: Store, person_prefix: str) -> list[str]:
    """The names of the persons the store holds under ``person_prefix`` (an authority's
    ``…/person/``), sorted."""
    from delibgraph.store.results import Term

    result = store.query(roster_query(), substitutions={"prefix": Term.literal(person_prefix)})
    return sorted({str(value) for value in result.column("name") if value is not None})


_PERSON_SEGMENT = "/person/"


@dataclass
class Rosters:
    """The names known per authority (keyed by the prefix of its person IRIs), to build a
    :class:`PersonResolver` for each deliberation. :meth:`learn` adds a deliberation's full
    names, so that a run resolves later documents against earlier ones."""

    names: dict[str, set[str]] = field(default_factory=dict)

    @staticmethod
    def person_prefix(minter: IriMinter, d: Deliberation) -> str | None:
        """The prefix of the person IRIs of ``d``'s authority; None when it has no IRI."""
        actes = d.prefecture.actes_id
        siren = d.authority.siren or (actes.siren if actes else None)
        try:
            auth = minter.authority_key(d.authority.name, siren)
        except MappingError:
            return None
        return f"{minter.authority(auth)}{_PERSON_SEGMENT}"

    def resolver_for(self, minter: IriMinter, d: Deliberation) -> PersonResolver:
        """A resolver over the roster of ``d``'s authority and the names ``d`` prints."""
        prefix = self.person_prefix(minter, d)
        known = self.names.get(prefix, set()) if prefix else set()
        return PersonResolver.of(sorted(known)).for_deliberation(d)

    def learn(self, minter: IriMinter, d: Deliberation) -> None:
        prefix = self.person_prefix(minter, d)
        if prefix:
            self.names.setdefault(prefix, set()).update(
                n for n in deliberation_names(d) if parse_person(n).full
            )


def rosters_from_store(store: Store) -> Rosters:
    """Every person name the store holds, grouped by authority (one query)."""
    from delibgraph.vocab import FOAF

    query = f"SELECT DISTINCT ?person ?name WHERE {{ ?person <{FOAF.name}> ?name }}"
    rosters = Rosters()
    for row in store.query(query).rows:
        person, name = row
        if person is None or name is None or _PERSON_SEGMENT not in person.value:
            continue
        prefix = person.value[: person.value.index(_PERSON_SEGMENT) + len(_PERSON_SEGMENT)]
        rosters.names.setdefault(prefix, set()).add(name.value)
    return rosters
