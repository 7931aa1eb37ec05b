"""The ACTES subject ("matière") of a deliberation: stated by the register, or inferred.

The nomenclature (levels 1 and 2) is read from ``ontology/actes-matieres.ttl``, so labels live
in one place. :func:`subject_of` decides an act's subject:

1. **Stated**: the text prints the code, as registers and ACTES stamps do ("Matière : 7.5",
   "Nomenclature ACTES : 7.5 - Subventions", "Classification ACTES : 7.5.2", "Code matière
   7.5"). The deliberation's own fields are searched, then the raw text of the source file
   around the deliberation (from the first to the last line a parsed field came from, three
   lines more on each side): the parser keeps no field for such a stamp. A level-3 or level-4
   code is cut to its level-2 parent ("7.5.2" → "7.5"); a code not in the nomenclature is
   ignored.
2. **Inferred**: otherwise :func:`delibgraph.matiere_classifier.classify` proposes one from the
   title, heading, decisions and reasoning, with a confidence and the cues it used; the mapping
   marks it as inferred (``dlg:inferredSubject``, see ``docs/data-model.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from delibgraph.errors import ExtractError
from delibgraph.extract import extract
from delibgraph.matiere_classifier import classify_deliberation
from delibgraph.model import Deliberation
from delibgraph.names import strip_accents
from delibgraph.resources import resource_dir
from delibgraph.vocab import ACTES_MATIERE, ACTES_MATIERE_NS, SKOS

__all__ = ["Matiere", "Subject", "find_codes", "matiere", "nomenclature", "subject_of"]

_CODE = re.compile(
    r"\b(?:nomenclature(?:\s+actes)?|classification(?:\s+actes)?|code\s+matiere"
    r"|matiere(?:\s+actes)?)\s*(?:n[o°]\.?\s*)?:?\s*([1-9](?:\.\d{1,2}){0,3})(?![\d.]*\d)",
    re.IGNORECASE,
)
_CONTEXT_LINES = 3
# Every match of _CODE holds one of these words, in any case (see _may_state_a_code).
CODE_WORDS = ("matiere", "nomenclature", "classification")


@dataclass(frozen=True, slots=True)
class Matiere:
    """One concept of the ACTES classification: ``"7.5"``, ``"Subventions"``, parent ``"7"``."""

    code: str
    label: str
    parent: str | None

    @property
    def iri(self) -> URIRef:
        return ACTES_MATIERE[self.code]


@dataclass(frozen=True, slots=True)
class Subject:
    """An act's subject: stated by the text, or inferred (with confidence and cues)."""

    matiere: Matiere
    stated: bool
    confidence: Decimal | None = None
    evidence: tuple[str, ...] = ()


@cache
def nomenclature() -> dict[str, Matiere]:
    """Every level-1 and level-2 subject of ``ontology/actes-matieres.ttl``, by code."""
    graph = Graph().parse(resource_dir("ontology") / "actes-matieres.ttl", format="turtle")
    found: dict[str, Matiere] = {}
    for concept, notation in graph.subject_objects(SKOS.notation):
        if not str(concept).startswith(ACTES_MATIERE_NS):
            continue
        label = next(
            (str(o) for o in graph.objects(concept, SKOS.prefLabel)
             if isinstance(o, Literal) and o.language == "fr"),
            str(notation),
        )  # fmt: skip
        parent = graph.value(concept, SKOS.broader)
        parent_code = str(parent)[len(ACTES_MATIERE_NS) :] if parent is not None else None
        found[str(notation)] = Matiere(str(notation), label, parent_code)
    return found


def matiere(code: str) -> Matiere | None:
    """The subject of a printed code, cut to level 2 ("7.5.2" → 7.5), or None if unknown."""
    parts = code.strip().rstrip(".").split(".")
    known = nomenclature()
    for length in (2, 1):
        candidate = ".".join(parts[:length])
        if len(parts) >= length and candidate in known:
            return known[candidate]
    return None


def find_codes(text: str) -> list[Matiere]:
    """The subjects whose codes ``text`` prints after "Matière", "Nomenclature ACTES" …"""
    folded = strip_accents(text).replace("º", "°")
    if not _may_state_a_code(folded):
        return []
    found = (matiere(m.group(1)) for m in _CODE.finditer(folded))
    return [m for m in found if m is not None]


def _may_state_a_code(folded: str) -> bool:
    """False when the text (accents stripped) cannot match ``_CODE``: none of
    :data:`CODE_WORDS` is in its lower-case form. The case-insensitive match also takes "ı"
    (dotless i) for "i"; of the characters it takes for a letter of those words, it is the
    only one that strip_accents leaves and that is not that letter in lower case (a test
    checks it on every code point), so a text holding one is searched anyway. Searching
    costs a few times more than this check, and almost no text states a code."""
    lowered = folded.lower()
    return "ı" in folded or any(word in lowered for word in CODE_WORDS)


def subject_of(d: Deliberation) -> Subject | None:
    """The act's subject: the code the text states, else the classifier's, else None."""
    fields = [d.title, d.theme, d.reasoning, *d.decisions, *d.annexes]
    for text in (*filter(None, fields), _source_excerpt(d)):
        codes = find_codes(text) if text else []
        if codes:
            return Subject(codes[0], stated=True)
    guess = classify_deliberation(d)
    if guess is None:
        return None
    found = matiere(guess.code)
    if found is None:  # a rule naming a code the nomenclature lacks: a bug, not data
        raise ValueError(f"the classifier proposed an unknown ACTES code {guess.code!r}")
    return Subject(found, stated=False, confidence=guess.confidence, evidence=guess.evidence)


def _source_excerpt(d: Deliberation) -> str | None:
    """The source text from three lines before the deliberation's first parsed field to three
    lines after its last; None when the file cannot be read again or has changed."""
    if not d.spans or not d.source.path:
        return None
    text = _source_text(d.source.path, d.source.sha256)
    if text is None:
        return None
    start = min(span.start for span in d.spans.values())
    end = max(span.end for span in d.spans.values())
    start = text.rfind("\n", 0, start) + 1  # the start of the first field's line
    for _ in range(_CONTEXT_LINES):
        if start > 0:
            start = text.rfind("\n", 0, start - 1) + 1
    end = text.find("\n", end) if text.find("\n", end) >= 0 else len(text)
    for _ in range(_CONTEXT_LINES):
        if end < len(text):
            following = text.find("\n", end + 1)
            end = len(text) if following < 0 else following
    return text[start:end]


@lru_cache(maxsize=8)
def _source_text(path: str, sha256: str | None) -> str | None:
    """The text of ``path`` as extracted for parsing, if it is still the file that was parsed."""
    try:
        extracted = extract(Path(path))
    except (ExtractError, OSError):
        return None
    if sha256 and extracted.sha256 != sha256:
        return None
    return extracted.text
