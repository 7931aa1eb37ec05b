"""The vote: method, outcome, unanimity, counts and the names given with them.

Reads "A l'issue d'un vote électronique, la présente délibération est adoptée à
l'unanimité", count lines ("Pour : 87 voix", "Contre : 2 (M. A, Mme B)", "Abstention(s) :",
"Ne prend pas part au vote : M. Y") and, failing those, inline counts ("adopté par 25 voix
pour, 3 contre et 1 abstention"). A count given only by names ("Ne prend pas part au vote :
M. Y") is the number of names. Unanimity is what the text says; when it says nothing and a
count of votes against is above zero, the vote is not unanimous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from delibgraph.parse.elections import read_election, sentence_names
from delibgraph.parse.frnumbers import words_to_int
from delibgraph.parse.normalize import Document, Located
from delibgraph.parse.people import parse_names

_I = re.IGNORECASE
COUNT_KEYS = ("for", "against", "abstention", "not_voting")
_METHODS = (
    (
        "electronic",
        re.compile(
            r"vote\s+[ée]lectronique|voie\s+[ée]lectronique|bo[iî]tiers?\s+"
            r"[ée]lectroniques?|scrutin\s+[ée]lectronique",
            _I,
        ),
    ),
    ("show_of_hands", re.compile(r"main\s+lev[ée]e", _I)),
    ("secret_ballot", re.compile(r"scrutin\s+secret|bulletins?\s+secrets?|vote\s+secret", _I)),
    ("roll_call", re.compile(r"appel\s+nominal|scrutin\s+public", _I)),
)
_REJECTED = re.compile(
    r"\b(?:rejet[ée]e?s?|repouss[ée]e?s?|n'(?:est|a)\s+pas\s+(?:[ée]t[ée]\s+)?adopt[ée]e?s?"
    r"|non\s+adopt[ée]e?s?)\b",
    _I,
)
_NOTED = re.compile(
    r"\b(?:prend|a\s+pris|donne)\s+acte|\bprise\s+d'acte|\bprend\s+connaissance", _I
)
_ELECTED = re.compile(
    r"\b(?:est|sont|a\s+[ée]t[ée]|ont\s+[ée]t[ée])\s+(?:proclam[ée]e?s?\s+)?[ée]lu(?:e|s|es)?\b", _I
)
_ADOPTED = re.compile(r"\badopt[ée]e?s?\b|\badopte\b|\bapprouv[ée]e?s?\b", _I)
_UNANIMOUS = re.compile(r"\b[àa]\s+l'\s*unanimit[ée]|\bunanimement\b", _I)
_MAJORITY = re.compile(r"\b[àa]\s+la\s+majorit[ée]", _I)
# A count label starts a line, or follows a column gap, a count or a separator:
# "Pour : 10   Contre : 0   Abstention : 0", "Pour : 6 Contre : 0".
_COUNT_LABEL = re.compile(
    r"(?:^|(?<=\s\s)|(?<=\t)|(?<=\d\s)|(?<=[,;/(.:\-]\s)|(?<=[,;/(]))[ \t]*"
    r"(?P<label>(?:(?:votes?|voix)\s+)?pour|(?:votes?\s+|voix\s+)?contre"
    r"|(?:ont|a)\s+vot[ée]\s+(?:pour|contre)"
    r"|abstentions?(?:\s*\(s\))?|(?:s'est|se\s+sont)\s+abstenue?s?"
    r"|(?:bulletins?|votes?)\s+blancs?(?:\s+(?:ou|et)\s+nuls?)?|blancs?\s+(?:ou|et)\s+nuls?"
    r"|(?:ne\s+(?:prend|prennent)\s+pas\s+part|n'\s*(?:a|ont)\s+pas\s+pris\s+part"
    r"|ne\s+participen?t?\s+pas|non[\s-]*participations?(?:\s*\(s\))?|refus\s+de\s+vote"
    r"|ne\s+votent?\s+pas|ne\s+prend\s+pas\s+part)(?:\s+au\s+vote)?(?:\s*\(s\))?)"
    r"(?:[ \t]*\((?P<count>\d{1,5})\))?[ \t]*:[ \t]*",
    _I | re.MULTILINE,
)
_COUNT_VALUE = re.compile(
    r"\s*(?:(?P<n>\d{1,5})\b|(?P<zero>aucun(?:e)?\b|n[ée]ant\b|z[ée]ro\b|[/-](?=\s*(?:$|[-,;]))))"
    r"\s*(?:voix|votes?|suffrages?|membres?|[ée]lu(?:e)?s?|conseill[eè]re?s?)?\s*(?:[-:,]\s*)?",
    _I,
)
_INLINE = {
    "for": re.compile(
        r"(?<![\d,.])(\d{1,5})\s+(?:(?:voix|votes?)\s+pour\b|pour\b(?!\s+(?:cent|mille)\b))", _I
    ),
    "against": re.compile(r"(?<![\d,.])(\d{1,5})\s+(?:voix\s+|votes?\s+)?contre\b", _I),
    "abstention": re.compile(r"(?<![\d,.])(\d{1,5})\s+abstentions?\b", _I),
    "not_voting": re.compile(
        r"(?<![\d,.])(\d{1,5})\s+(?:membres?\s+|conseill\w+\s+|[ée]lus?\s+)?"
        r"(?:ne\s+prenn?(?:ent|d)\s+pas\s+part|non[\s-]participations?)",
        _I,
    ),
}


# "adoptée à l'unanimité (14 voix)": the votes cast, all for.
_UNANIMOUS_COUNT = re.compile(
    r"\b[àa]\s+l'\s*unanimit[ée][^()\n]{0,40}\(\s*(\d{1,5})\s+(?:voix|votes?|votants?"
    r"|suffrages?)(?:\s+pour)?\s*\)",
    _I,
)
_PAREN_AFTER = re.compile(r"\s*\(([^()]{1,600})\)")
_PAREN_NEXT_LINE = re.compile(r"\n[ \t]*\(")  # "Abstention : 1" then "(Mme X)" below


@dataclass(frozen=True, slots=True)
class VoteFields:
    method: Located[str] | None = None
    outcome: Located[str] | None = None
    unanimous: Located[bool] | None = None
    counts: dict[str, Located[int]] = field(default_factory=dict)
    names: dict[str, list[Located[str]]] = field(default_factory=dict)


def _label_key(label: str) -> str:
    folded = label.lower()
    if folded.endswith("pour"):
        return "for"
    if "contre" in folded:
        return "against"
    if "absten" in folded or "blanc" in folded:
        return "abstention"
    return "not_voting"


def _rest_end(doc: Document, rest_start: int, next_label: int, limit: int) -> int:
    """End of a count's text: the next label on the line or the line end, following an open
    parenthesis or a trailing comma onto the next lines."""
    view = doc.view
    line_end = view.find("\n", rest_start, limit)
    end = min(next_label, limit if line_end == -1 else line_end)
    rest = view[rest_start:end]
    if rest.count("(") > rest.count(")") or (
        "(" not in rest and _PAREN_NEXT_LINE.match(view, end, min(limit, next_label))
    ):
        close = view.find(")", end, min(limit, end + 600))
        return close + 1 if close != -1 else end
    while view[rest_start:end].rstrip().endswith(",") and end < limit:
        next_end = view.find("\n", end + 1, limit)
        end = limit if next_end == -1 else next_end
    return end


def _count_and_names(
    doc: Document, start: int, end: int, with_names: bool
) -> tuple[Located[int] | None, list[Located[str]]]:
    view = doc.view
    count: Located[int] | None = None
    value = _COUNT_VALUE.match(view, start, end)
    names_start = start
    if value and (value["n"] or value["zero"]):
        group = "n" if value["n"] else "zero"
        count = Located(int(value["n"]) if value["n"] else 0, *value.span(group))
        names_start = value.end()
    else:
        cut = min(
            (i for i in (view.find("(", start, end), view.find(":", start, end)) if i != -1),
            default=end,
        )
        in_words = words_to_int(view[start:cut]) if cut - start < 60 else None
        if in_words is not None:
            count = Located(in_words, *doc_span(doc, start, cut))
            names_start = cut
    if not with_names:
        return count, []
    text = view[names_start:end]
    open_paren = text.find("(")
    if open_paren != -1 and not text[:open_paren].strip(" -:,"):
        close = text.rfind(")")
        inner_end = names_start + (close if close > open_paren else len(text))
        names = parse_names(doc, names_start + open_paren + 1, inner_end)
    elif count is None or text.strip(" -:,.;"):
        names = parse_names(doc, names_start, end)
    else:
        names = []
    return count, [entry.name for entry in names]


def doc_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    return doc.trim(start, end)


def _first(pattern: re.Pattern[str], doc: Document, start: int, end: int) -> re.Match[str] | None:
    return pattern.search(doc.view, start, end)


# "Votes : pour 6, contre 1, abstention 0": labels before their number, on a vote line.
_VOTE_LINE = re.compile(
    r"^[ \t]*(?:votes?|r[ée]sultats?\s+du\s+(?:vote|scrutin)|scrutin)\b[^\n]*", _I | re.MULTILINE
)
_LABEL_NUMBER = re.compile(
    r"\b(?P<label>pour|contre|abstentions?|blancs?(?:\s+(?:ou|et)\s+nuls?)?)\s*:?\s*"
    r"(?P<n>\d{1,5})\b",
    _I,
)


def _vote_line_counts(doc: Document, start: int, end: int, counts: dict[str, Located[int]]) -> None:
    """Counts on a vote line written "label number" without colons."""
    for line in _VOTE_LINE.finditer(doc.view, start, end):
        for match in _LABEL_NUMBER.finditer(doc.view, line.start(), line.end()):
            key = _label_key(match["label"])
            counts.setdefault(key, Located(int(match["n"]), *match.span("n")))


def _inline_counts(
    doc: Document,
    start: int,
    end: int,
    counts: dict[str, Located[int]],
    names: dict[str, list[Located[str]]],
) -> None:
    """Counts written in a sentence: "par 11 voix pour, 0 contre et 3 abstentions (…)"."""
    view = doc.view
    for key, pattern in _INLINE.items():
        if key in counts:
            continue
        match = pattern.search(view, start, end)
        if match is None and key == "for":
            match = _UNANIMOUS_COUNT.search(view, start, end)
        if match is None:
            continue
        counts[key] = Located(int(match[1]), *match.span(1))
        paren = _PAREN_AFTER.match(view, match.end(), end)
        if paren and key != "for" and key not in names:
            found = [e.name for e in parse_names(doc, paren.start(1), paren.end(1))]
            if found:
                names[key] = found


def find_method(doc: Document, start: int, end: int) -> Located[str] | None:
    """The voting method a text states ("par voie électronique", "à main levée" …)."""
    for name, pattern in _METHODS:
        match = _first(pattern, doc, start, end)
        if match:
            return Located(name, *match.span())
    return None


def read_vote(
    doc: Document,
    vote: tuple[int, int] | None,
    tail: tuple[int, int],
    *,
    decided: tuple[int, int] | None = None,
    body_start: int | None = None,
) -> VoteFields:
    """Read the vote from its block (``vote``) or, without one, from ``tail``.

    ``tail`` runs from the decisions formula to the end of the deliberation: it is where
    "prend acte" and a unanimity stated in the formula ("à l'unanimité, DÉCIDE :") are read.
    The vote block may also come before the formula (results, then "Le Conseil municipal, à
    la majorité :"). ``decided`` is the formula when it states that the body decided ("après
    en avoir délibéré … DÉCIDE"): without any other outcome, the deliberation was adopted.
    The voting method may be told earlier, from ``body_start`` ("il est procédé au vote à
    main levée"); so may the members who do not take part or abstain ("Mme X, présidente de
    l'association, ne prend pas part au vote").
    """
    start, end = vote if vote is not None else tail
    before_formula = vote is not None and vote[0] < tail[0]
    wide = (min(start, tail[0]), tail[1] if before_formula else end)
    method = find_method(doc, start, end) or find_method(doc, *wide)
    if method is None and body_start is not None:
        method = find_method(doc, body_start, wide[1])
    outcome = None
    for name, pattern, region_start in (
        ("rejected", _REJECTED, start),
        ("noted", _NOTED, wide[0]),
        ("elected", _ELECTED, start),
        ("adopted", _ADOPTED, start),
        ("rejected", _REJECTED, wide[0]),
        ("adopted", _ADOPTED, wide[0]),
    ):
        match = _first(pattern, doc, region_start, wide[1])
        if match:
            outcome = Located(name, *match.span())
            break
    if outcome is None and decided is not None:
        outcome = Located("adopted", *decided)
    counts, names = _labelled_counts(doc, start, end)
    if outcome is not None and outcome.value == "elected":
        read_election(doc, start, end, counts)
    if not counts:
        _vote_line_counts(doc, start, end, counts)
    _inline_counts(doc, *wide, counts, names)  # fills what labels did not give
    if body_start is not None:
        for key, found in sentence_names(doc, body_start, wide[1]).items():
            names.setdefault(key, found)
    unanimous = None
    stated = _first(_UNANIMOUS, doc, *wide)
    majority = _first(_MAJORITY, doc, *wide)
    if stated and (majority is None or stated.start() < majority.start()):
        unanimous = Located(True, *stated.span())
    elif majority:
        unanimous = Located(False, *majority.span())
    elif "against" in counts and counts["against"].value > 0:
        against = counts["against"]
        unanimous = Located(False, against.start, against.end)
    return VoteFields(method, outcome, unanimous, counts, names)


def _labelled_counts(
    doc: Document, start: int, end: int
) -> tuple[dict[str, Located[int]], dict[str, list[Located[str]]]]:
    """Counts and names given by labels: "Pour : 87", "Contre : 2 (M. A, Mme B)"."""
    counts: dict[str, Located[int]] = {}
    names: dict[str, list[Located[str]]] = {}
    labels = list(_COUNT_LABEL.finditer(doc.view, start, end))
    for index, match in enumerate(labels):
        key = _label_key(match["label"])
        if key in names:
            continue
        next_label = labels[index + 1].start() if index + 1 < len(labels) else end
        rest_end = _rest_end(doc, match.end(), next_label, end)
        count, found_names = _count_and_names(doc, match.end(), rest_end, key != "for")
        if match["count"]:
            count = Located(int(match["count"]), *match.span("count"))
        if count is None and found_names and key not in counts:
            count = Located(len(found_names), *doc_span(doc, match.end(), rest_end))
        if count is not None and key not in counts:
            counts[key] = count
        if found_names:
            names[key] = found_names
    return counts, names


def sidebar_counts(doc: Document, start: int, end: int) -> dict[str, Located[int]]:
    """Counts printed on their own lines in the header zone (a sidebar flattened into the
    text: "Pour : 19", "Contre : 0"), names left aside."""
    counts: dict[str, Located[int]] = {}
    for match in _COUNT_LABEL.finditer(doc.view, start, end):
        if doc.view[doc.line_start(match.start()) : match.start()].strip():
            continue
        key = _label_key(match["label"])
        value = _COUNT_VALUE.match(doc.view, match.end(), doc.line_end(match.end()))
        if key not in counts and value and value["n"]:
            counts[key] = Located(int(value["n"]), *value.span("n"))
    return counts
