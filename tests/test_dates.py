"""French dates: numeric, textual and in words; French numbers in words."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delibgraph.parse.dates import (
    DATE_PATTERN,
    MONTH_NAMES,
    date_to_words,
    expand_year,
    find_words_date,
    parse_date,
)
from delibgraph.parse.frnumbers import int_to_words, words_to_int

DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/04/21", dt.date(2021, 4, 15)),
        ("15/04/2021", dt.date(2021, 4, 15)),
        ("15.04.2021", dt.date(2021, 4, 15)),
        ("15-04-2021", dt.date(2021, 4, 15)),
        ("2021-04-15", dt.date(2021, 4, 15)),
        ("lundi 29 mars 2021", dt.date(2021, 3, 29)),
        ("1er avril 2021", dt.date(2021, 4, 1)),
        ("15 AVRIL 2021", dt.date(2021, 4, 15)),
        ("3 déc. 2021", dt.date(2021, 12, 3)),
        ("14 aout 2023", dt.date(2023, 8, 14)),
        ("5 février 1999", dt.date(1999, 2, 5)),
        ("01/01/70", dt.date(1970, 1, 1)),
    ],
)
def test_parse_date(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected
    match = DATE_RE.search(f"Publiée le : {text} ")
    assert match is not None and match.group().strip() == text


@pytest.mark.parametrize("text", ["31/02/2021", "29 février 2021", "pas une date", "", "99/99/99"])
def test_impossible_or_missing_dates_are_none(text: str) -> None:
    assert parse_date(text) is None


def test_two_digit_years() -> None:
    assert expand_year(21) == 2021
    assert expand_year(69) == 2069
    assert expand_year(70) == 1970
    assert expand_year(2021) == 2021


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’an deux-mille-vingt-et-un et le vingt-neuf mars,  les membres",
         dt.date(2021, 3, 29)),
        ("L'an deux mille vingt-deux, le douze juillet à dix-huit heures", dt.date(2022, 7, 12)),
        ("L'an deux mille vingt-deux\nle premier\njuillet", dt.date(2022, 7, 1)),
        ("L'AN DEUX MILLE VINGT-QUATRE, LE SIX FÉVRIER", dt.date(2024, 2, 6)),
        ("L'an deux mille vingt-deux le 12 juillet", dt.date(2022, 7, 12)),
        ("le trente et un décembre deux mille dix-neuf", dt.date(2019, 12, 31)),
        ("L'an mil neuf cent quatre-vingt-dix-neuf, le vingt et un août", dt.date(1999, 8, 21)),
    ],
)  # fmt: skip
def test_dates_in_words(text: str, expected: dt.date) -> None:
    found = find_words_date(text)
    assert found is not None
    assert found.date == expected
    assert 0 <= found.start < found.end <= len(text)


@pytest.mark.parametrize(
    "text",
    ["L'an deux mille vingt et un, le trente février", "L'an dernier, le conseil", "le maire"],
)
def test_no_date_in_words(text: str) -> None:
    assert find_words_date(text) is None


def _every_day(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=n) for n in range((dt.date(year + 1, 1, 1) - first).days)]


@pytest.mark.parametrize("year", [1999, 2000, 2020, 2021, 2024, 2071])
@pytest.mark.parametrize("rectified", [False, True])
def test_every_day_in_words_round_trips(year: int, rectified: bool) -> None:
    for day in _every_day(year):
        words = date_to_words(day, rectified=rectified)
        found = find_words_date(f"{words}, les membres du Conseil")
        assert found is not None, words
        assert found.date == day, words


def test_date_to_words_spelling() -> None:
    assert date_to_words(dt.date(2021, 3, 29)) == "L’an deux mille vingt et un, le vingt-neuf mars"
    assert (
        date_to_words(dt.date(2021, 3, 29), rectified=True)
        == "L’an deux-mille-vingt-et-un, le vingt-neuf mars"
    )
    assert date_to_words(dt.date(2080, 5, 1)).endswith("quatre-vingts, le premier mai")


@st.composite
def _noisy_words_date(draw: st.DrawFn) -> tuple[dt.date, str]:
    """A date in words with the layout noise of extracted text."""
    day = draw(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
    text = date_to_words(day, rectified=draw(st.booleans()))
    text = text.replace(" ", draw(st.sampled_from([" ", "  ", "\n", " \n"])))
    text = text.replace("’", draw(st.sampled_from(["’", "'"])))
    if draw(st.booleans()):
        text = text.upper()
    joiner = draw(st.sampled_from([", le", " et le", " le"]))
    text = text.replace(", le", joiner, 1)
    return day, text


@given(_noisy_words_date())
def test_noisy_words_dates_round_trip(case: tuple[dt.date, str]) -> None:
    day, text = case
    found = find_words_date(f"Préambule. {text}, les membres")
    assert found is not None and found.date == day


@given(st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2069, 12, 31)))
def test_numeric_and_textual_formats_round_trip(day: dt.date) -> None:
    month = MONTH_NAMES[day.month - 1]
    ordinal = "1er" if day.day == 1 else str(day.day)
    for text in (
        day.strftime("%d/%m/%Y"),
        day.strftime("%d/%m/%y"),
        day.strftime("%d.%m.%Y"),
        day.isoformat(),
        f"{ordinal} {month} {day.year}",
        f"{day.day} {month.upper()} {day.year}",
    ):
        assert parse_date(text) == day, text


def test_numbers_in_words_exhaustive_small() -> None:
    for n in range(0, 2200):
        assert words_to_int(int_to_words(n)) == n
        assert words_to_int(int_to_words(n, rectified=True)) == n


@given(st.integers(min_value=0, max_value=999_999), st.booleans())
def test_numbers_in_words_round_trip(n: int, rectified: bool) -> None:
    assert words_to_int(int_to_words(n, rectified=rectified)) == n


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("soixante et onze", 71),
        ("soixante-dix-sept", 77),
        ("quatre-vingts", 80),
        ("quatre-vingt-un", 81),
        ("quatre-vingt-dix-neuf", 99),
        ("deux cents", 200),
        ("deux-mille-vingt-et-un", 2021),
        ("mil neuf cent quatre-vingt-dix", 1990),
        ("premier", 1),
    ],
)
def test_words_to_int(words: str, value: int) -> None:
    assert words_to_int(words) == value


@pytest.mark.parametrize("words", ["", "et", "deux pommes", "vingt et"])
def test_words_to_int_rejects(words: str) -> None:
    assert words_to_int(words) is None


def test_int_to_words_range() -> None:
    with pytest.raises(ValueError, match="out of range"):
        int_to_words(1_000_000)
