"""French numbers written in words, both ways, from 0 to 999 999.

Reads the traditional spelling ("deux mille vingt et un", "quatre-vingt-dix-neuf") and the
1990 one with hyphens everywhere ("deux-mille-vingt-et-un"), "mil" in years, and "premier"
for the first day of a month. Writes either spelling.
"""

from __future__ import annotations

import re

_SMALL = {
    "zero": 0, "un": 1, "une": 1, "premier": 1, "premiere": 1, "deux": 2, "trois": 3,
    "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
_HUNDRED = {"cent", "cents"}
_THOUSAND = {"mille", "mil", "milles"}
_ACCENTS = str.maketrans("éèêëàâîïôûùüç", "eeeeaaiiouuuc")
_WORD_SPLIT = re.compile(r"[\s\-]+")

_UNITS = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize",
]  # fmt: skip
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def tokens(text: str) -> list[str]:
    """Lower-case, accent-free word tokens of a number written in words."""
    return [t for t in _WORD_SPLIT.split(text.lower().translate(_ACCENTS)) if t]


def is_number_word(token: str) -> bool:
    return token in _SMALL or token in _HUNDRED or token in _THOUSAND or token == "et"


def words_to_int(text: str) -> int | None:
    """The value of a number in words, or None when a word is not part of a number.

    >>> words_to_int("deux-mille-vingt-et-un")
    2021
    >>> words_to_int("quatre-vingt-dix-neuf")
    99
    """
    words = tokens(text)
    if not words or not all(is_number_word(w) for w in words) or words[-1] == "et":
        return None
    total = 0
    current = 0
    previous = ""
    seen_digit = False
    for word in words:
        if word == "et":
            previous = word
            continue
        seen_digit = True
        if word in _HUNDRED:
            current = (current if current else 1) * 100
        elif word in _THOUSAND:
            total += (current if current else 1) * 1000
            current = 0
        elif word in ("vingt", "vingts") and previous == "quatre":
            current += 80 - 4
        else:
            current += _SMALL[word]
        previous = word
    return total + current if seen_digit else None


def longest_number_prefix(words: list[str]) -> tuple[int, int] | None:
    """``(value, count)`` for the longest run of leading tokens that reads as a number."""
    count = 0
    while count < len(words) and is_number_word(words[count]):
        count += 1
    while count > 0:
        value = words_to_int(" ".join(words[:count]))
        if value is not None:
            return value, count
        count -= 1
    return None


def _below_hundred(n: int, sep: str, rectified: bool) -> str:
    if n <= 16:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix…, quatre-vingt-dix…
        base = "soixante" if tens == 7 else "quatre-vingt"
        rest = n - (60 if tens == 7 else 80)
        joiner = ("-et-" if rectified else " et ") if n == 71 else "-"
        return base + joiner + _below_hundred(rest, sep, rectified)
    if tens == 8:
        return "quatre-vingts" if unit == 0 else "quatre-vingt-" + _UNITS[unit]
    word = _TENS[tens]
    if unit == 0:
        return word
    if unit == 1:
        return word + ("-et-un" if rectified else " et un")
    return word + "-" + _UNITS[unit]


def _below_thousand(n: int, sep: str, rectified: bool, final: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts: list[str] = []
    if hundreds:
        word = "cent" if hundreds == 1 else _UNITS[hundreds] + sep + "cent"
        if hundreds > 1 and rest == 0 and final:
            word += "s"
        parts.append(word)
    if rest or not parts:
        text = _below_hundred(rest, sep, rectified)
        if not final and text.endswith("quatre-vingts"):
            text = text[:-1]  # "quatre-vingt mille"
        parts.append(text)
    return sep.join(parts)


def int_to_words(n: int, *, rectified: bool = False) -> str:
    """Write ``n`` (0 ≤ n < 1 000 000) in French words.

    ``rectified`` uses the 1990 spelling, hyphens between every word.

    >>> int_to_words(2021)
    'deux mille vingt et un'
    >>> int_to_words(2021, rectified=True)
    'deux-mille-vingt-et-un'
    """
    if not 0 <= n < 1_000_000:
        raise ValueError(f"out of range: {n}")
    sep = "-" if rectified else " "
    thousands, rest = divmod(n, 1000)
    parts: list[str] = []
    if thousands:
        prefix = "" if thousands == 1 else _below_thousand(thousands, sep, rectified, False) + sep
        parts.append(prefix + "mille")
    if rest or not parts:
        parts.append(_below_thousand(rest, sep, rectified, True))
    return sep.join(parts)
