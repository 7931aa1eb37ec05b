"""Personal names as French registers print them, and the keys that identify them.

A register prints "Michaël DELAFOSSE" (given names, then the family name in capitals) or
"DELAFOSSE Michaël". :func:`split_name` tells the two parts apart by case; :func:`person_key`
gives the same key for both orders, with or without accents, so one person gets one IRI per
authority across séances.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_HONORIFICS = re.compile(
    r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Mademoiselle|Messieurs|Mesdames|Dr\.?)\s+",
    re.IGNORECASE,
)
_PARTICLES = {"de", "du", "des", "d'", "d’", "le", "la", "van", "von", "del", "della", "di"}


@dataclass(frozen=True, slots=True)
class PersonName:
    """A printed name split into given and family names (either may be empty)."""

    printed: str
    given: str
    family: str
    honorific: str | None = None


_SPACES = re.compile(r"\s+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def collapse_spaces(text: str) -> str:
    """Collapse runs of white space (PDF layout noise) into one space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def strip_accents(text: str) -> str:
    """The text in compatibility decomposition (NFKD) without its combining marks: "é" → "e",
    "ﬁ" → "fi", "œ" and "€" unchanged.

    Decomposition and the removal of marks work character by character (canonical reordering
    only moves combining marks, which are all removed), so only the runs of non-ASCII
    characters need the work; ASCII passes through as it is.
    """
    if text.isascii():
        return text
    return _strip_text(text)


@lru_cache(maxsize=64)  # the subject finder and the classifier strip the same fields in turn
def _strip_text(text: str) -> str:
    return _NON_ASCII.sub(_stripped_run, text)


def _stripped_run(match: re.Match[str]) -> str:
    return _strip_non_ascii(match.group(0))


@lru_cache(maxsize=16_384)  # runs of non-ASCII characters are short and few ("é", "’", "€")
def _strip_non_ascii(run: str) -> str:
    decomposed = unicodedata.normalize("NFKD", run)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65_536)  # pure; body, role and authority names recur in every deliberation
def slugify(text: str) -> str:
    """ASCII, lower case, hyphen-separated: "Conseil de Métropole" → "conseil-de-metropole"."""
    ascii_text = strip_accents(text).lower().replace("’", "'")
    return _NOT_SLUG.sub("-", ascii_text).strip("-")


def _is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1


@lru_cache(maxsize=65_536)  # pure; a roster's names recur in every deliberation
def split_name(printed: str) -> PersonName:
    """Split a printed name into given and family parts.

    The family name is the run of words in capitals ("DELAFOSSE", "EL KANDOUSSI",
    "VASSAS MEJRI"), wherever it stands; particles just before it belong to it. Without any
    word in capitals, the last word is taken as the family name.
    """
    name = collapse_spaces(printed)
    honorific = None
    match = _HONORIFICS.match(name)
    if match:
        honorific = match.group(0).strip()
        name = name[match.end() :]
    words = name.split(" ")
    upper = [i for i, w in enumerate(words) if _is_upper_word(w)]
    if upper:
        first, last = upper[0], upper[-1]
        while first > 0 and words[first - 1].lower() in _PARTICLES:
            first -= 1
        family = " ".join(words[first : last + 1])
        given = " ".join(words[:first] + words[last + 1 :])
    elif len(words) > 1:
        family, given = words[-1], " ".join(words[:-1])
    else:
        family, given = name, ""
    return PersonName(printed=collapse_spaces(printed), given=given, family=family,
                      honorific=honorific)


@lru_cache(maxsize=65_536)
def person_key(printed: str) -> str:
    """A stable key for a person within an authority: family name, then given names.

    >>> person_key("Michaël DELAFOSSE") == person_key("DELAFOSSE Michaël")
    True
    >>> person_key("Michaël DELAFOSSE")
    'delafosse-michael'
    """
    parts = split_name(printed)
    return slugify(f"{parts.family} {parts.given}")
