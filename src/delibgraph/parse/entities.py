"""Organisations, places and money amounts mentioned in the body text.

The body text is the reasoning and the decisions only, never the name lists. Organisations
(ORG) and places (LOC) come from spaCy's ``fr_core_news_sm`` named-entity recogniser, loaded
once per process with only the components NER needs; its raw output is cleaned (articles and
dangling prepositions trimmed, one-letter and lower-case junk dropped, duplicates removed).
Amounts come from a rule: "5 000 €", "10 000 euros", "1,5 M€", "2 millions d'euros".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from delibgraph.errors import UsageError
from delibgraph.model import Amount
from delibgraph.parse.normalize import Located, OffsetText
from delibgraph.parse.people import PARTICLES

MODEL_NAME = "fr_core_news_sm"
# NER in fr_core_news_sm has its own embedding layer: the shared tok2vec only feeds the
# tagger and parser, so everything but the tokenizer and "ner" can be left out.
_NOT_NEEDED = ("tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer")
_LABELS = {"ORG": "organizations", "LOC": "places"}

# The look-behind comes after the first digit ("\d(?<![\w,.]\d)" is "(?<![\w,.])\d"), so that
# the pattern is tried only where a digit is, not at every position.
_AMOUNT = re.compile(
    r"(?P<num>\d(?<![\w,.]\d)(?:\d{0,2}(?:[ .]\d{3})+|\d*))(?:,(?P<dec>\d{1,2}))?\s*"
    r"(?P<mult>millions?|milliards?|Mds?|M|k|K)?\s*(?:d['’]\s*)?(?P<cur>€|euros?\b|EUR\b)"
)
_MULTIPLIERS = {"m": 10**6, "million": 10**6, "millions": 10**6, "k": 10**3,
                "md": 10**9, "mds": 10**9, "milliard": 10**9, "milliards": 10**9}  # fmt: skip
_EDGE_PUNCT = "«»\"'“”()[]{},.;:-–— "
_LEADING_ARTICLE = re.compile(r"^(?:l['’]\s*|d['’]\s*|(?:la|le|les|du|des|de|au|aux)\s+)", re.I)
_TRAILING_GLUE = re.compile(
    r"\s*(?:\b(?:de\s+la|de|du|des|la|le|les|et|à|au|aux|en|par|pour|sur)|\b[dl]['’]?)$", re.I
)
_LINK = re.compile(r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*")
_HONORIFIC_ONLY = re.compile(r"^(?:Monsieur|Madame|M\.|Mme|Président|Présidente)$")

Entity = Located[str]

# Words naming an authority or a body in general: "la Métropole", "le Conseil".
_GENERIC_WORDS = frozenset(
    {"commune", "ville", "mairie", "métropole", "département", "région", "communauté",
     "agglomération", "conseil", "bureau", "assemblée", "commission", "collectivité",
     "syndicat", "établissement", "intercommunalité"}
)  # fmt: skip
# After an entity: "de territoire", "des sports", "d'accueil" — a common-noun phrase goes on.
_COMMON_PHRASE_TAIL = re.compile(r"\s+(?:de|des|du|d['’])\s*(?:la\s+|l['’])?[a-zàâçéèêëîïôûù]")


@functools.cache
def load_model() -> Any:
    """The spaCy pipeline, loaded once per process with only what NER needs."""
    try:
        import spacy

        return spacy.load(MODEL_NAME, exclude=list(_NOT_NEEDED))
    except (ImportError, OSError) as exc:
        raise UsageError(
            f"the spaCy model {MODEL_NAME} is not installed (pip install {MODEL_NAME}); "
            "or parse without named entities"
        ) from exc


def clean_entity(text: str) -> str | None:
    """Trim an entity's articles, punctuation and dangling words; None if nothing useful."""
    value = " ".join(text.split()).strip(_EDGE_PUNCT)
    value = _LEADING_ARTICLE.sub("", value).strip(_EDGE_PUNCT)
    previous = None
    while value != previous:
        previous = value
        value = _TRAILING_GLUE.sub("", value).strip(_EDGE_PUNCT)
        value = _drop_trailing_lowercase(value)
    if len(value) < 2 or not any(c.isupper() for c in value) or _HONORIFIC_ONLY.match(value):
        return None
    return value


def _drop_trailing_lowercase(value: str) -> str:
    """ "Agence Nationale … Territoires contractualise" → drop the verb after a capitalised name."""
    words = value.split()
    content = [w for w in words if w not in PARTICLES]
    if len(content) < 3 or words[-1][:1].isupper():
        return value
    capitalised = [w for w in content if w[:1].isupper()]
    if len(capitalised) < len(content) - 1:
        return value
    return " ".join(words[:-1])


def _dedupe(values: list[Entity]) -> tuple[Entity, ...]:
    seen: set[str] = set()
    kept: list[Entity] = []
    for entity in values:
        key = entity.value.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(entity)
    return tuple(kept)


def _merged_spans(text: str, ents: Sequence[Any]) -> list[tuple[int, int, str]]:
    """Entity spans, joining neighbours linked by "de", "de la", "du", "des", "d'".

    spaCy often cuts "Agence Nationale de la Cohésion des Territoires" in two; the joined
    span keeps the first part's label.
    """
    merged: list[tuple[int, int, str]] = []
    for ent in ents:
        if ent.label_ not in _LABELS:
            continue
        if merged and _LINK.fullmatch(text, merged[-1][1], ent.start_char):
            start, _, label = merged[-1]
            merged[-1] = (start, ent.end_char, label)
        else:
            merged.append((ent.start_char, ent.end_char, ent.label_))
    return merged


def is_common_word(value: str, text: str, end: int) -> bool:
    """True when a one-word entity is an ordinary word rather than a name.

    Three signs: the same word is used in lower case in the text ("Numérique" at the start
    of a heading, "numérique" elsewhere); it is a generic word for an authority or a body
    ("la Métropole", "le Département"), which the graph models already; or it heads a
    phrase of common words that spaCy cut short ("Fabrique de territoire", "Maison de
    santé"). Acronyms ("ANCT") and compound names ("Saint-Affrique") are kept.
    """
    if " " in value or "-" in value or value.isupper():
        return False
    word = value.lower()
    if word in _GENERIC_WORDS:
        return True
    if _standalone(word).search(text):
        return True
    return _COMMON_PHRASE_TAIL.match(text, end) is not None


@functools.lru_cache(maxsize=4096)
def _standalone(word: str) -> re.Pattern[str]:
    """``word`` as a word of its own (compiled once per word, not per entity).

    The word comes first and the character before it is checked by a look-behind after it:
    a pattern starting with a literal is found much faster than one starting with a
    look-behind."""
    word = re.escape(word)
    return re.compile(rf"{word}(?<![\w'’]{word})(?!\w)")


def find_named(bodies: Sequence[OffsetText]) -> list[dict[str, tuple[Entity, ...]]]:
    """Organisations and places in each body text, in one ``nlp.pipe`` call."""
    if not bodies:
        return []
    nlp = load_model()
    results: list[dict[str, tuple[Entity, ...]]] = []
    for body, doc in zip(bodies, nlp.pipe(b.text for b in bodies), strict=True):
        found: dict[str, list[Entity]] = {key: [] for key in _LABELS.values()}
        for start, end, label in _merged_spans(body.text, doc.ents):
            value = clean_entity(body.text[start:end])
            if value and is_common_word(value, body.text, end):
                continue
            if value:
                found[_LABELS[label]].append(Located(value, *body.source_range(start, end)))
        results.append({key: _dedupe(values) for key, values in found.items()})
    return results


def parse_amount(match: re.Match[str]) -> Decimal:
    digits = re.sub(r"[ .]", "", match["num"])
    value = Decimal(f"{digits}.{match['dec']}" if match["dec"] else digits)
    multiplier = match["mult"]
    if multiplier:
        value *= _MULTIPLIERS[multiplier.lower()]
    return value


def find_amounts(body: OffsetText) -> tuple[Located[Amount], ...]:
    """Money amounts in a body text, each once, in order of first mention."""
    found: list[Located[Amount]] = []
    seen: set[tuple[Decimal, str]] = set()
    text = body.text
    for match in _AMOUNT.finditer(text):
        value = parse_amount(match)
        printed = match.group()
        if (value, printed) in seen:
            continue
        seen.add((value, printed))
        amount = Amount(value=value, currency="EUR", text=printed)
        found.append(Located(amount, *body.source_range(*match.span())))
    return tuple(found)
