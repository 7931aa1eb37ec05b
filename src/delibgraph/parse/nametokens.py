"""The words names are made of: honorifics, particles, name tokens, proxy phrases.

Shared by the list reader (:mod:`.people`) and the list splitter (:mod:`.listsplit`).
"""

from __future__ import annotations

import functools
import re

HONORIFIC_PATTERN = (
    r"(?:M\.|MM\.|Mme\.?|MME\.?|Mmes\.?|MMES\.?|Mlle\.?|Mr\.?|Dr\.?|Monsieur|MONSIEUR|Madame"
    r"|MADAME|Mademoiselle|Messieurs|MESSIEURS|Mesdames|MESDAMES)"
)
PARTICLES = frozenset(
    {"de", "du", "des", "d'", "le", "la", "les", "van", "von", "der", "den", "di", "da", "dos",
     "del", "della", "y", "ben", "bin", "ibn", "al", "el", "ter"}
)  # fmt: skip
NAME_TOKEN = re.compile(
    r"^(?:(?:[dl]['’])?[^\W\d_][^\W\d_'’.\-]*(?:['’\-][^\W\d_]+)*\.?|(?:[^\W\d_]\.-?)+)$"
)
PROXY_CONNECTOR = re.compile(
    r"(?:\b(?:qui\s+)?(?:a|ont|ayant|avait)\s+donn[ée]e?s?\s+(?:(?:son|sa|leur)\s+)?"
    r"|\bdonn(?:e|ant|ent)\s+(?:(?:son|sa|leur)\s+)?)?"
    r"\b(?:pouvoirs?|procurations?|mandat|d[ée]l[ée]gation(?:\s+de\s+vote)?)\s*"
    r"(?:[àa]|au\s+profit\s+d[e']|en\s+faveur\s+d[e'])\s*"
    r"|\brepr[ée]sent[ée](?:\(e\)|e)?s?\s+par\s+"
    r"|\s(?:->|=>|→)\s*",
    re.IGNORECASE,
)
HONORIFIC = re.compile(rf"^{HONORIFIC_PATTERN}$")


@functools.lru_cache(maxsize=16384)
def is_caps_word(word: str) -> bool:
    """A word in capitals, two letters at least ("DUPONT", "DELMAS-REY", "d'AUZAC" is not)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
