"""Searching many patterns at once gives exactly the matches of searching each in turn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from delibgraph.matiere_classifier import CUES, _fold
from delibgraph.patternset import PatternSet, required_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize(
    ("phrase", "required"),
    [
        (r"\bconventions?\b", "convention"),
        (r"marches? publics?", " public"),
        (r"(attribution|octroi) (d'une |de )?subventions?", "subvention"),
        (r"solliciter .{0,60}subventions?", "solliciter "),
        (r"accords?[- ]cadres?", "accord"),
        (r"etat d.assiette", "assiette"),
        (r"l\.? ?2122-22", "2122-22"),
        (r"x\.y", "x.y"),
        (r"[]a]bc", "bc"),
        (r"[^]a]bc", "bc"),
        (r"ab*ab", "ab"),
        (r"ab{2}c", "a"),
        (r"ab+?c", "a"),
        (r"a|b", ""),
        (r"(?i)abc", ""),
        (r"(?=ab)abc", ""),
        (r"\x41bcd", ""),
        (r"(a)\1bcd", ""),
        (r"(?:ab|cd)efg", "efg"),
    ],
)
def test_the_required_text_is_in_every_match(phrase: str, required: str) -> None:
    assert required_text(phrase) == required


def _brute_force(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, str, int]]:
    found = ((i, p.search(text)) for i, p in enumerate(patterns))
    return [(i, m.group(0), m.start()) for i, m in found if m is not None]


def _together(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, str, int]]:
    return [(i, m.group(0), m.start()) for i, m in PatternSet(patterns).search(text)]


_ATOMS = st.sampled_from(
    ["a", "b", "ab", " ", "a?", "b*", "(a|b)", "(?:ab)?", "[ab]", ".", r"\b", r"\.", "b{1,2}", "-"]
)
_SEQUENCES = st.lists(_ATOMS, min_size=1, max_size=5).map("".join)
_PHRASES = st.one_of(_SEQUENCES, st.lists(_SEQUENCES, min_size=2, max_size=3).map("|".join))
_TEXTS = st.text(alphabet="ab .-", max_size=30)


@settings(max_examples=300)
@given(st.lists(_PHRASES, min_size=1, max_size=6), _TEXTS)
def test_random_patterns_match_as_if_searched_one_by_one(phrases: list[str], text: str) -> None:
    patterns = [re.compile(phrase) for phrase in phrases]
    assert _together(patterns, text) == _brute_force(patterns, text)
    for phrase in phrases:
        match = re.search(phrase, text)
        if match is not None:
            assert required_text(phrase) in match.group(0)


def test_patterns_with_flags_are_always_searched() -> None:
    patterns = [re.compile("abc", re.IGNORECASE), re.compile("abc")]
    assert _together(patterns, "ABC") == [(0, "ABC", 0)]


def test_the_classifier_cues_match_the_fixture_texts_as_one_by_one() -> None:
    patterns = [cue.pattern for cue in CUES]
    texts = [_fold(path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.rglob("*.txt"))]
    assert texts
    matched = 0
    for text in texts:
        expected = _brute_force(patterns, text)
        assert _together(patterns, text) == expected
        matched += len(expected)
    assert matched > len(texts)  # the texts do exercise the cues
