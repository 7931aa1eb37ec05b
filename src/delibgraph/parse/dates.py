"""French dates as registers print them.

* numeric: "15/04/21", "15/04/2021", "15.04.2021", "15-04-2021", ISO "2021-04-15";
* textual: "lundi 29 mars 2021", "1er avril 2021", "15 AVRIL 2021", "3 déc. 2021";
* in words: "L'an deux-mille-vingt-et-un et le vingt-neuf mars",
  "L'an deux mille vingt-deux, le douze juillet", "le premier juillet deux mille vingt-deux".

:data:`DATE_PATTERN` (no groups) finds a numeric or textual date inside a larger pattern;
:func:`parse_date` reads the text it matched. :func:`find_words_date` finds a date in words;
:func:`date_to_words` writes one. Two-digit years are 20xx below 70 and 19xx from 70.
Impossible dates (31/02) read as None, never as an error.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from delibgraph.parse.frnumbers import int_to_words, longest_number_prefix, tokens, words_to_int

MONTHS = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9,
    "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
_ACCENTS = str.maketrans("éèêëàâîïôûùüçÉÈÊËÀÂÎÏÔÛÙÜÇ", "eeeeaaiiouuuceeeeaaiiouuuc")

MONTH_PATTERN = (
    r"(?:janvier|janv\.|f[ée]vrier|f[ée]vr?\.|mars|avril|avr\.|mai|juin|juillet|juil\.|"
    r"ao[uû]t|septembre|sept\.?|octobre|oct\.|novembre|nov\.|d[ée]cembre|d[ée]c\.)(?![^\W\d_])"
)
WEEKDAY_PATTERN = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_NUMERIC = r"\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})(?!\d)"
_ISO = r"\d{4}-\d{2}-\d{2}(?!\d)"
_TEXTUAL = (
    rf"(?:{WEEKDAY_PATTERN}\s+)?(?:1\s?er|1\s?ᵉʳ|\d{{1,2}})\s+{MONTH_PATTERN}\s+\d{{4}}(?!\d)"
)
DATE_PATTERN = rf"(?<!\d)(?:{_ISO}|{_TEXTUAL}|{_NUMERIC})"

_NUMERIC_RE = re.compile(r"(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{4}|\d{2})(?!\d)")
_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TEXTUAL_RE = re.compile(
    rf"(\d{{1,2}})\s?(?:er|ᵉʳ)?\s+({MONTH_PATTERN})\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_WORD = r"[^\W\d_]+"
_NUMBER_WORDS = rf"{_WORD}(?:[\s\-]+{_WORD}){{0,9}}?"
# "L'an deux mille vingt et un, le vingt-neuf mars" and "… et le 29 mars"
_LAN_RE = re.compile(
    rf"\bl['’]?\s*an\s+(?P<year>{_NUMBER_WORDS})\s*(?:,\s*|\s+et\s+|\s+)le\s+"
    rf"(?P<day>{_NUMBER_WORDS}|\d{{1,2}}(?:\s?er)?)\s+(?:du\s+mois\s+d['’e]\s*)?"
    rf"(?P<month>{MONTH_PATTERN})",
    re.IGNORECASE,
)
# "le vingt-neuf mars deux mille vingt et un"
_DAY_FIRST_RE = re.compile(
    rf"\ble\s+(?P<day>{_NUMBER_WORDS})\s+(?P<month>{MONTH_PATTERN})\s+(?:de\s+l['’]\s*an\s+)?"
    rf"(?P<year>{_WORD}(?:[\s\-]+{_WORD}){{0,9}})",
    re.IGNORECASE,
)


def _month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().translate(_ACCENTS).rstrip("."))


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def expand_year(year: int) -> int:
    """Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999."""
    if year >= 100:
        return year
    return 2000 + year if year < 70 else 1900 + year


def parse_date(text: str) -> dt.date | None:
    """Read the first numeric, ISO or textual date in ``text``; None if there is none."""
    text = text.strip()
    match = _ISO_RE.search(text)
    if match and match.start() == 0:
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    match = _TEXTUAL_RE.search(text)
    if match:
        month = _month_number(match[2])
        return _make_date(int(match[3]), month, int(match[1])) if month else None
    match = _NUMERIC_RE.search(text)
    if match:
        return _make_date(expand_year(int(match[3])), int(match[2]), int(match[1]))
    return None


def _day_value(text: str) -> int | None:
    digits = re.match(r"(\d{1,2})", text)
    if digits:
        return int(digits[1])
    return words_to_int(text)


def find_words_date(text: str, pos: int = 0, endpos: int | None = None) -> WordsDate | None:
    """The first date written in words between ``pos`` and ``endpos``."""
    end = len(text) if endpos is None else endpos
    for match in _LAN_RE.finditer(text, pos, end):
        year = words_to_int(match["year"])
        day = _day_value(match["day"])
        month = _month_number(match["month"])
        if year and day and month:
            found = _make_date(year, month, day)
            if found:
                return WordsDate(found, match.start(), match.end())
    for match in _DAY_FIRST_RE.finditer(text, pos, end):
        day = words_to_int(match["day"])
        month = _month_number(match["month"])
        prefix = longest_number_prefix(tokens(match["year"]))
        if day and month and prefix and prefix[0] >= 1000:
            found = _make_date(prefix[0], month, day)
            if found:
                return WordsDate(found, match.start(), match.end())
    return None


@dataclass(frozen=True, slots=True)
class WordsDate:
    """A date found in words, with the offsets of the phrase."""

    date: dt.date
    start: int
    end: int


def date_to_words(date: dt.date, *, rectified: bool = False) -> str:
    """Write a date the way a register's opening sentence does.

    >>> import datetime as dt
    >>> date_to_words(dt.date(2021, 3, 29))
    'L’an deux mille vingt et un, le vingt-neuf mars'
    >>> date_to_words(dt.date(2021, 3, 29), rectified=True)
    'L’an deux-mille-vingt-et-un, le vingt-neuf mars'
    """
    day = "premier" if date.day == 1 else int_to_words(date.day, rectified=rectified)
    year = int_to_words(date.year, rectified=rectified)
    return f"L’an {year}, le {day} {MONTH_NAMES[date.month - 1]}"
