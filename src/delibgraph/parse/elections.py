"""Votes told in sentences and by candidates rather than by count labels.

* **Elections** ("Il est procédé à l'élection au scrutin secret … Ont obtenu : M. Yves
  CARRIÈRE : 19 voix ; Mme Nadine COMBES : 11 voix. A été élu : M. Yves CARRIÈRE."): the
  votes of the elected candidate are the votes for, those of the other candidates the votes
  against; blank or void ballots are read as abstentions by the count labels.
* **Names in sentences** ("Mme FABIÉ Corinne et M. GAUZY Pascal, membres du conseil
  d'administration du collège, ne prennent pas part au vote.", "M. Teissèdre s'abstient.",
  "MM. X et Y votent contre."): the members named before the verb, up to the first piece of
  the sentence that names nobody (an apposition).
"""

from __future__ import annotations

import re

from delibgraph.identity import matches, parse_person
from delibgraph.parse.nametokens import HONORIFIC_PATTERN
from delibgraph.parse.normalize import Document, Located
from delibgraph.parse.people import clean_name, parse_names

_I = re.IGNORECASE
_CANDIDATE = re.compile(
    rf"(?P<name>(?:{HONORIFIC_PATTERN}\s+)?[A-ZÀ-Ý][^:\n;,()]{{1,60}}?)\s*:\s*(?P<n>\d{{1,5}})"
    r"\s*(?:voix|suffrages?|votes?)\b",
)
_ELECTED_LABEL = re.compile(
    r"\b(?:a|ont)\s+[ée]t[ée]\s+(?:proclam[ée]e?s?\s+)?[ée]lue?s?\b[^:\n]{0,80}:\s*"
    r"(?P<who>[^\n;]+)",
    _I,
)
_ELECTED_SENTENCE = re.compile(
    rf"(?P<who>(?:{HONORIFIC_PATTERN}\s+)?[A-ZÀ-Ý][^,.;:\n]{{1,60}}?)\s+(?:est|a\s+[ée]t[ée])"
    r"\s+(?:proclam[ée]e?\s+)?[ée]lue?\b",
)
# Each verb starts with the class of its first letter in any case ("[Ssſ]": what "s" matches
# ignoring case), the word boundary checked behind it ("[Nn](?<=\b[Nn])" is "\bn"), the rest
# ignoring case: the pattern is then tried only at that letter, not at every position.
_TAKES_NO_PART = (
    r"[Nn](?<=\b[Nn])(?i:e\s+(?:prend|prennent)\s+pas\s+part\s+"
    r"(?:au\s+vote|à\s+la\s+d[ée]lib[ée]ration|au\s+d[ée]bat)"
    r"|'(?:a|ont)\s+pas\s+pris\s+part\s+au\s+vote|e\s+participen?t?\s+pas\s+au\s+vote)"
)
_ABSTAINS = r"[Ssſ](?<=\b[Ssſ])(?i:'abstien(?:t|nent)|'est\s+abstenue?|e\s+sont\s+abstenue?s)"
_VOTES_AGAINST = r"[Vv](?<=\b[Vv])(?i:ot(?:e|ent)\s+contre\b)"
_NOT_A_LABEL = r"(?![ \t]*(?:\(\s*\d+\s*\)\s*)?:)"  # "s'abstiennent (2) :" is a count label
_SENTENCE_VERBS = (
    ("not_voting", re.compile(_TAKES_NO_PART + _NOT_A_LABEL)),
    ("abstention", re.compile(_ABSTAINS + _NOT_A_LABEL)),
    ("against", re.compile(_VOTES_AGAINST + _NOT_A_LABEL)),
)
# A sentence ends at a full stop that is not an honorific's or an initial's ("M.", "J.").
_SENTENCE_START = re.compile(r"(?<!\bM)(?<!\bMM)(?<!\bMme)(?<!\b[A-Z])[.;!?](?=\s)|\n[ \t]*\n|:")


def read_election(doc: Document, start: int, end: int, counts: dict[str, Located[int]]) -> None:
    """Set ``for`` and ``against`` from the candidates' votes, when the text gives them."""
    view = doc.view
    elected = _ELECTED_LABEL.search(view, start, end) or _ELECTED_SENTENCE.search(view, start, end)
    if elected is None:
        return
    who = clean_name(doc.text[elected.start("who") : elected.end("who")])
    if who is None:
        return
    candidates = []
    for match in _CANDIDATE.finditer(view, start, end):
        name = clean_name(doc.text[match.start("name") : match.end("name")])
        if name is not None:
            candidates.append((name, Located(int(match["n"]), *match.span("n"))))
    winner = parse_person(who)
    won = [c for c in candidates if matches(parse_person(c[0]), winner)]
    if len(won) != 1:
        return
    counts.setdefault("for", won[0][1])
    others = [count for name, count in candidates if name != won[0][0]]
    if others and "against" not in counts:
        counts["against"] = Located(
            sum(c.value for c in others), min(c.start for c in others), max(c.end for c in others)
        )


def _subject_start(view: str, start: int, verb: int) -> int:
    found = start
    for match in _SENTENCE_START.finditer(view, start, verb):
        found = match.end()
    return found


def sentence_names(doc: Document, start: int, end: int) -> dict[str, list[Located[str]]]:
    """Members named in sentences as not taking part, abstaining or voting against."""
    view = doc.view
    found: dict[str, list[Located[str]]] = {}
    for key, pattern in _SENTENCE_VERBS:
        for verb in pattern.finditer(view, start, end):
            subject = _subject_start(view, start, verb.start())
            names: list[Located[str]] = []
            position = subject
            for piece_end in [*(i for i in range(subject, verb.start()) if view[i] == ","),
                              verb.start()]:  # fmt: skip
                entries = parse_names(doc, position, piece_end)
                if not entries:
                    break
                names += [entry.name for entry in entries]
                position = piece_end + 1
            if names:
                found.setdefault(key, []).extend(names)
    return found
