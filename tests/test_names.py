"""Accents, slugs and person keys: what minted IRIs and the subject rules are built from."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from delibgraph.names import person_key, slugify, strip_accents


def _reference_strip_accents(text: str) -> str:
    """The definition: compatibility decomposition, combining marks removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("Métropole", "Metropole"),
        ("ÉLÉONORE Œuvre", "ELEONORE Œuvre"),
        ("ﬁnances 5 €", "finances 5 €"),
        ("l’école", "l’ecole"),
        ("e\u0301te\u0301", "ete"),  # already decomposed
        ("plain ASCII", "plain ASCII"),
    ],
)
def test_strip_accents(text: str, stripped: str) -> None:
    assert strip_accents(text) == stripped


def test_strip_accents_follows_its_definition_on_every_code_point() -> None:
    # blocks of consecutive code points: marks next to letters, runs of marks, ligatures …
    for start in range(0, sys.maxunicode + 1, 512):
        block = "".join(chr(c) for c in range(start, min(start + 512, sys.maxunicode + 1)))
        text = f"a{block}b{block[::-1]}"
        assert strip_accents(text) == _reference_strip_accents(text), hex(start)


def test_slugs_and_keys() -> None:
    assert slugify("Conseil de Métropole") == "conseil-de-metropole"
    assert slugify("  Vice-Présidente déléguée ") == "vice-presidente-deleguee"
    assert person_key("Michaël DELAFOSSE") == person_key("DELAFOSSE Michaël")
    assert person_key("Michaël DELAFOSSE") == "delafosse-michael"
