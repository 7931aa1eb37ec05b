"""French typography for the generator: numbers and dates in words, amounts, line wrapping.

Registers print the séance's date twice ("Séance ordinaire du lundi 29 mars 2021" and "L'an
deux-mille-vingt-et-un et le vingt-neuf mars"), short dates ("15/04/21"), amounts with a space
before the thousands ("48 000 €"), and PDF text wrapped and justified with runs of spaces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_UNITS = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
)  # fmt: skip
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def number_words(n: int, *, reformed: bool) -> str:
    """``n`` (0–99) in French words; ``reformed`` joins every part with hyphens (1990 rules)."""
    if not 0 <= n < 100:
        raise ValueError(f"number_words handles 0–99, not {n}")
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix …, quatre-vingt-dix …
        base = "soixante" if tens == 7 else "quatre-vingt"
        rest = _UNITS[10 + unit]
        if tens == 7 and unit == 1:
            return f"{base}-et-onze" if reformed else f"{base} et onze"
        return f"{base}-{rest}"
    base = "quatre-vingt" if tens == 8 else _TENS[tens]
    if unit == 0:
        return "quatre-vingts" if tens == 8 else base
    if unit == 1 and tens != 8:
        return f"{base}-et-un" if reformed else f"{base} et un"
    return f"{base}-{_UNITS[unit]}"


def year_words(year: int, *, reformed: bool) -> str:
    """A year of the 2000s in words: "deux-mille-vingt-et-un" or "deux mille vingt et un"."""
    if not 2000 <= year < 2100:
        raise ValueError(f"year_words handles 2000–2099, not {year}")
    rest = year - 2000
    if rest == 0:
        return "deux-mille" if reformed else "deux mille"
    joiner = "-" if reformed else " "
    return f"deux{joiner}mille{joiner}{number_words(rest, reformed=reformed)}"


def day_words(day: int, *, reformed: bool) -> str:
    """The day of a month in words: "premier", "vingt-neuf"."""
    return "premier" if day == 1 else number_words(day, reformed=reformed)


def day_number(day: int) -> str:
    """The day of a month in figures as French prints it: "1er", "2" …"""
    return "1er" if day == 1 else str(day)


def long_date(date: dt.date, *, weekday: bool = False) -> str:
    """A date in words, "29 mars 2021", or with ``weekday`` "lundi 29 mars 2021"."""
    text = f"{day_number(date.day)} {MONTHS[date.month - 1]} {date.year}"
    return f"{WEEKDAYS[date.weekday()]} {text}" if weekday else text


def short_date(date: dt.date) -> str:
    """A short date, "15/04/21", as the signature and the prefecture stamp print it."""
    return date.strftime("%d/%m/%y")


def group_thousands(value: int, separator: str) -> str:
    digits = str(value)
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return separator.join(reversed(groups))


def euros(cents: int, separator: str = " ") -> str:
    """An amount in euros as printed: "48 000 €", "3,40 €" (cents only when not round)."""
    whole, rest = divmod(cents, 100)
    text = group_thousands(whole, separator)
    if rest:
        text += f",{rest:02d}"
    return f"{text} €"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def wrap(words: Iterable[str], width: int, *, justify: bool = False) -> list[str]:
    """Greedy word wrap; ``justify`` pads inner gaps to ``width`` as PDF text extraction shows.

    A word longer than ``width`` stands alone on its line. The last line is never justified.
    """
    lines: list[list[str]] = []
    current: list[str] = []
    length = 0
    for word in words:
        if current and length + 1 + len(word) > width:
            lines.append(current)
            current, length = [word], len(word)
        elif current:
            current.append(word)
            length += 1 + len(word)
        else:
            current, length = [word], len(word)
    if current:
        lines.append(current)
    if not justify:
        return [" ".join(line) for line in lines]
    out = [_justified(line, width) for line in lines[:-1]]
    out.append(" ".join(lines[-1]))
    return out


def justify_line(line: str, width: int) -> str:
    """One line padded to ``width`` by widening its gaps (left ragged when too short)."""
    return _justified([w for w in line.split(" ") if w], width)


def _justified(words: list[str], width: int) -> str:
    gaps = len(words) - 1
    if gaps == 0:
        return words[0]
    extra = width - sum(len(w) for w in words) - gaps
    if extra <= 0 or extra > 2 * gaps:  # a short line is left ragged, as extractors do
        return " ".join(words)
    wide, rest = divmod(extra, gaps)
    parts = [words[0]]
    for i, word in enumerate(words[1:]):
        parts.append(" " * (1 + wide + (1 if i < rest else 0)))
        parts.append(word)
    return "".join(parts)


def wrap_text(text: str, width: int, *, justify: bool = False) -> str:
    """Wrap a paragraph of running text into lines."""
    return "\n".join(wrap(text.split(), width, justify=justify))
