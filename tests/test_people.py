"""Name lists: separators, names broken across lines, proxies, honorifics, headings."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delibgraph.parse.lists import classify_heading
from delibgraph.parse.normalize import Document
from delibgraph.parse.people import (
    clean_name,
    is_list_line,
    is_whole_name,
    looks_like_name,
    parse_names,
    split_items,
)


def _parse(text: str, *, bare_a: bool = False) -> list[tuple[str, str | None]]:
    doc = Document.of(text)
    entries = parse_names(doc, 0, len(text), bare_a=bare_a)
    return [(e.name.value, e.holder.value if e.holder else None) for e in entries]


def _names(text: str) -> list[str]:
    return [name for name, _ in _parse(text)]


def test_seed_layout_names_broken_across_lines() -> None:
    text = (
        "Tasnime  AKBARALY,  Michel  ASLANIAN,  Christian  ASSAF,\n"
        "Florence AUBY, Jean-François AUDRIN, Geniès BALAZUN, Yves\n"
        "BARRAL,  Boris  BELLANGER,  Claudine  VASSAS  MEJRI,  Joël  VERA,\n"
        "Patricia WEBER. "
    )
    assert _names(text) == [
        "Tasnime AKBARALY", "Michel ASLANIAN", "Christian ASSAF", "Florence AUBY",
        "Jean-François AUDRIN", "Geniès BALAZUN", "Yves BARRAL", "Boris BELLANGER",
        "Claudine VASSAS MEJRI", "Joël VERA", "Patricia WEBER",
    ]  # fmt: skip


def test_one_name_per_line() -> None:
    assert _names("M. Jean DUPONT\nMme Anne MARTIN\nPaul DE LA TOUR\n") == [
        "Jean DUPONT", "Anne MARTIN", "Paul DE LA TOUR",
    ]  # fmt: skip


def test_semicolons_and_et() -> None:
    assert _names("Mme Anne MARTIN ; M. Paul GIRARD et Mme Lucie PERRIN.") == [
        "Anne MARTIN", "Paul GIRARD", "Lucie PERRIN",
    ]  # fmt: skip


def test_family_name_first_and_hyphenated_line_break() -> None:
    assert _names("DUPONT Jean-\nPierre, ROUSSEL-PETIT Isabelle") == [
        "DUPONT Jean-Pierre", "ROUSSEL-PETIT Isabelle",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "item",
    [
        "Paul GIRARD (pouvoir à Hélène MARCHAND)",
        "Paul GIRARD (pouvoir\nà Hélène MARCHAND)",
        "Paul GIRARD donne pouvoir à Hélène MARCHAND",
        "Paul GIRARD a donné procuration à Mme Hélène MARCHAND",
        "M. Paul GIRARD, représenté par Mme Hélène MARCHAND",
        "Paul GIRARD représentée par Hélène MARCHAND",
        "Paul GIRARD (représenté(e) par Hélène MARCHAND)",
        "Paul GIRARD : procuration à Hélène MARCHAND",
        "Paul GIRARD ayant donné pouvoir à Hélène MARCHAND",
    ],
)
def test_proxy_forms(item: str) -> None:
    assert _parse(f"{item}, Sophie LEROY") == [
        ("Paul GIRARD", "Hélène MARCHAND"),
        ("Sophie LEROY", None),
    ]


def test_bare_a_proxy_only_under_a_proxy_heading() -> None:
    assert _parse("M. Paul GIRARD à Mme Hélène MARCHAND", bare_a=True) == [
        ("Paul GIRARD", "Hélène MARCHAND")
    ]
    assert _parse("M. Paul GIRARD à Mme Hélène MARCHAND") == []


def test_notes_and_roles_are_not_names() -> None:
    assert _names("Jean DUPONT, Maire, Anne MARTIN (arrivée à 18h30), adjointe au Maire") == [
        "Jean DUPONT", "Anne MARTIN",
    ]  # fmt: skip


def test_clean_name() -> None:
    assert clean_name("  Monsieur   Michaël\nDELAFOSSE. ") == "Michaël DELAFOSSE"
    assert clean_name("Mme d'ARTAGNAN Anne") == "d'ARTAGNAN Anne"
    assert clean_name("le numérique") is None
    assert clean_name("2 voix") is None
    assert clean_name("M.") is None


def test_looks_like_name() -> None:
    assert looks_like_name("Jean de LA FONTAINE")
    assert looks_like_name("O'NEILL Mary")
    assert not looks_like_name("Attractivité - Cité intelligente")
    assert not looks_like_name("Jean de")
    assert not looks_like_name("A B C D E F G H")


def test_is_whole_name() -> None:
    assert is_whole_name("Jean DUPONT")
    assert is_whole_name("M. DUPONT")
    assert not is_whole_name("Yves")
    assert not is_whole_name("Mme")
    assert not is_whole_name("Paul (pouvoir")


def test_is_list_line() -> None:
    assert is_list_line("BARRAL,  Boris  BELLANGER,  Mathilde  BORNE,  Christophe")
    assert is_list_line("Paul GIRARD (pouvoir à Hélène MARCHAND), Sophie LEROY")
    assert not is_list_line(" Attractivité - Cité intelligente - Stratégie de citoyenneté")
    assert not is_list_line("Nombre de membres en exercice : 92")


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Présents", ("present", None)),
        ("Etaient présents", ("present", None)),
        ("Présent(e)s", ("present", None)),
        ("Membres présents", ("present", None)),
        ("Absent(es) ayant voté par procuration en application des articles\nL 2121-20",
         ("represented", None)),
        ("Procurations", ("represented", None)),
        ("Pouvoirs", ("represented", None)),
        ("Absents représentés", ("represented", None)),
        ("Absent(es) / Excusé(es)", ("absent", None)),
        ("Absents ou excusés", ("absent", None)),
        ("Absents excusés", ("absent", True)),
        ("Excusé(e)s", ("absent", True)),
        ("Absents", ("absent", False)),
        ("Absents non excusés", ("absent", False)),
        ("Absents non représentés", ("absent", None)),
        ("Secrétaire de séance", ("other", None)),
        ("Présents ou représentés", None),
        ("Présente délibération", None),
    ],
)  # fmt: skip
def test_classify_heading(heading: str, expected: tuple[str, bool | None] | None) -> None:
    assert classify_heading(heading) == expected


# ---------------------------------------------------------------- property: lists round trip

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÀÇÔ"
_LOWER = "abcdefghijklmnopqrstuvwxyzéèëïôç"
_given_word = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("ABCDEFGHIJLMNPRSTVYÉÈ"),
    st.text(alphabet=_LOWER, min_size=2, max_size=8),
)
_given = st.one_of(_given_word, st.builds(lambda a, b: f"{a}-{b}", _given_word, _given_word))
_family_word = st.text(alphabet=_UPPER, min_size=2, max_size=10)
_family = st.one_of(
    _family_word,
    st.builds(lambda a, b: f"{a}-{b}", _family_word, _family_word),
    st.builds(lambda a, b: f"{a} {b}", _family_word, _family_word),
)


@st.composite
def _name_list(draw: st.DrawFn) -> tuple[list[str], str]:
    names = draw(st.lists(st.builds(lambda g, f: (g, f), _given, _family), min_size=1, max_size=12))
    one_per_line = draw(st.booleans())
    parts: list[str] = []
    for index, (given_name, family) in enumerate(names):
        honorific = draw(st.sampled_from(["", "", "M. ", "Mme ", "Monsieur ", "Madame "]))
        space = " " if one_per_line else draw(st.sampled_from([" ", "  ", "\n", " \n"]))
        first_family_first = draw(st.booleans())
        printed = (
            f"{family}{space}{given_name}" if first_family_first else f"{given_name}{space}{family}"
        )
        parts.append(honorific + printed)
        if index < len(names) - 1:
            if one_per_line:
                parts.append(draw(st.sampled_from(["\n", " \n"])))
            else:
                parts.append(draw(st.sampled_from([", ", ",\n", " ; ", ";\n", " et ", ",  "])))
    parts.append(draw(st.sampled_from(["", ".", " ", ".\n"])))
    printed_names = []
    for part in parts[::2]:
        text = " ".join(part.split())
        for honorific in ("Monsieur ", "Madame ", "M. ", "Mme "):
            text = text.removeprefix(honorific)
        printed_names.append(text)
    return printed_names, "".join(parts)


@given(_name_list())
def test_generated_lists_parse_back(case: tuple[list[str], str]) -> None:
    expected, text = case
    assert _names(text) == expected


@given(_name_list(), st.sampled_from(["pouvoir à", "donne pouvoir à", "représenté par"]))
def test_generated_proxies_parse_back(case: tuple[list[str], str], connector: str) -> None:
    names, _ = case
    if len(names) < 2:
        return
    pairs = list(itertools.pairwise(names))
    text = ", ".join(f"{giver} ({connector} {holder})" for giver, holder in pairs)
    assert _parse(text) == pairs


def test_split_items_respects_parentheses() -> None:
    text = "A BB (pouvoir à C DD, suppléant), E FF"
    items = split_items(text, 0, len(text))
    assert [text[s:e].strip() for s, e in items] == ["A BB (pouvoir à C DD, suppléant)", "E FF"]


# ------------------------------------------- property: every separator registers print


@st.composite
def _separated_list(draw: st.DrawFn) -> tuple[list[str], str]:
    """Names in "Prénom NOM" order joined by one kind of separator, as registers print them:
    commas, semicolons, " - ", bullets on their own lines, newlines, "et", or nothing at all
    between two names (the capitals tell where a name ends)."""
    names = draw(
        st.lists(
            st.builds(lambda g, f: f"{g} {f}", _given, _family_word), min_size=1, max_size=10,
            unique=True,
        )
    )  # fmt: skip
    kind = draw(st.sampled_from(["comma", "semicolon", "dash", "bullet", "newline", "et",
                                 "nothing"]))  # fmt: skip
    if kind == "bullet":
        bullet = draw(st.sampled_from(["• ", "- ", "▪ ", "* "]))
        return names, "\n" + "\n".join(bullet + n for n in names) + "\n"
    joiner = {
        "comma": ", ", "semicolon": " ; ", "dash": " - ", "newline": "\n", "et": " et ",
        "nothing": " ",
    }[kind]  # fmt: skip
    if kind in ("comma", "semicolon") and len(names) > 1 and draw(st.booleans()):
        text = joiner.join(names[:-1]) + " et " + names[-1]  # "A, B et C"
    else:
        text = joiner.join(names)
    return names, text + draw(st.sampled_from(["", ".", " ;"]))


@given(_separated_list())
def test_lists_with_any_separator_parse_back(case: tuple[list[str], str]) -> None:
    expected, text = case
    assert _names(text) == expected


def test_group_labels_of_an_intercommunal_list_are_not_names() -> None:
    text = (
        "Castelbrune : M. Alain FABRÈGUES ; Mme Claire MONTEIL\n"
        "Le Bouyssou : M. Cédric MARTY\nSaint-Martial-d’Ourdenne : Henri POUJOL, Yves CARRIÈRE"
    )
    assert _names(text) == [
        "Alain FABRÈGUES", "Claire MONTEIL", "Cédric MARTY", "Henri POUJOL", "Yves CARRIÈRE"
    ]  # fmt: skip
    flat = "Corinne LAVABRE Saint-Martial-d’Ourdenne : Henri POUJOL, Odile FERRAND"
    assert _names(flat) == ["Corinne LAVABRE", "Henri POUJOL", "Odile FERRAND"]
    assert _parse("Mme Brigitte SOULIÉ : pouvoir à Mme Claire MONTEIL") == [
        ("Brigitte SOULIÉ", "Claire MONTEIL")
    ]


def test_maiden_names_are_kept_and_notes_left_out() -> None:
    assert _names("Aurélie MEYNADIER (BERTHÉZÈNE), DE SOUSA Ricardo (présent à partir du "
                  "point 5)") == ["Aurélie MEYNADIER (BERTHÉZÈNE)", "DE SOUSA Ricardo"]  # fmt: skip
    assert _names("MM. Bousquet, Teissèdre et Mme Peyronnet par procuration") == [
        "Bousquet", "Teissèdre", "Peyronnet"
    ]  # fmt: skip
    assert _parse("LACAN Ludovic donne pouvoir à MONTEIL Claire pour les points 1 et 2") == [
        ("LACAN Ludovic", "MONTEIL Claire")
    ]
    assert _parse("Sophie BALSAN par Marie-Claude DURAND", bare_a=True) == [
        ("Sophie BALSAN", "Marie-Claude DURAND")
    ]
