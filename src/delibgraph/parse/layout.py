"""Repair the layout of extracted text before it is parsed, keeping track of every character.

Text pulled out of PDFs and web pages is not always in reading order. Three repairs give the
parser a *reading text*; each character of it remembers its offset in the source text, so that
every :class:`~delibgraph.model.Span` still points into the file as extracted:

* **page furniture**: "Page 2/4", "- 3 -" lines and the running header or footer repeated
  beside them are dropped; a paragraph cut by a page break is joined again;
* **two columns** printed side by side ("pdftotext -layout"), read one after the other
  (:mod:`delibgraph.parse.columns`);
* **a document flattened onto one line** (web pages, some exports): line and paragraph breaks
  are put back before the phrases that start a register's blocks ("Présents :", "Objet :",
  "Délibération n°", "Fait à", "- " bullets …).

A text that needs none of these is read as it is (``offsets`` is None).
"""

from __future__ import annotations

import re
from collections import Counter

from delibgraph.parse.columns import unfold_columns
from delibgraph.parse.reading import Lines, Piece, Reading, assemble, line_spans

__all__ = ["Reading", "drop_page_furniture", "repair", "unflatten", "unfold_columns"]


# --------------------------------------------------------------------------- page furniture

_PAGE_NUMBER = re.compile(
    r"^[ \t]*(?:[-–—][ \t]*\d{1,3}[ \t]*[-–—]|(?:Page|p\.)[ \t]*\d{1,3}(?:[ \t]*(?:/|sur|de)"
    r"[ \t]*\d{1,3})?|\d{1,3}[ \t]*/[ \t]*\d{1,3})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_OPEN_END = re.compile(r"[,;\-–]\s*$|[^\W\d_]\s*$")
_NEAR = 2  # a running header stands within this many non-blank lines of a page number


def _furniture(text: str, lines: Lines) -> set[int]:
    """Indexes of page-number lines and of the running headers or footers beside them.

    A running line stands next to a page number (only blank lines or other furniture between)
    and is printed on (nearly) every page: at least as many times as there are page numbers,
    less one.
    """
    if not _PAGE_NUMBER.search(text):  # (the pattern never runs over a line break)
        return set()
    numbers = {i for i, (s, e) in enumerate(lines) if _PAGE_NUMBER.match(text, s, e)}
    if not numbers:
        return set()
    keys = [" ".join(text[s:e].split()) for s, e in lines]
    counts = Counter(k for k in keys if len(k) >= 8)
    needed = max(2, len(numbers) - 1)
    content = [i for i, k in enumerate(keys) if k]
    rank = {line: position for position, line in enumerate(content)}
    furniture = set(numbers)
    for number in numbers:
        for step in (-1, 1):
            position = rank[number] + step
            for _ in range(_NEAR):
                if not 0 <= position < len(content):
                    break
                line = content[position]
                if line not in numbers and counts.get(keys[line], 0) < needed:
                    break
                furniture.add(line)
                position += step
    return furniture


def drop_page_furniture(reading: Reading) -> Reading:
    text = reading.text
    lines = line_spans(text)
    furniture = _furniture(text, lines)
    if not furniture:
        return reading
    pieces: list[Piece] = []
    index = 0
    while index < len(lines):
        if index not in furniture:
            start, end = lines[index]
            pieces.append((start, end))
            if index + 1 < len(lines):
                pieces.append((end, end + 1))
            index += 1
            continue
        # A run of furniture lines and the blank lines around them.
        run_end = index
        while run_end < len(lines) and (
            run_end in furniture or not text[slice(*lines[run_end])].strip()
        ):
            run_end += 1
        before = "".join(text[s:e] for s, e in lines[max(0, index - 3) : index]).rstrip()
        while pieces and isinstance(pieces[-1], tuple) and not text[slice(*pieces[-1])].strip():
            pieces.pop()  # blank lines and breaks before the furniture
        if run_end < len(lines):
            pieces.append("\n" if before and _OPEN_END.search(before) else "\n\n")
        index = run_end
    return assemble(reading, pieces)


# --------------------------------------------------------------------------- flattened text

_FLAT_MIN = 600  # a line this long with several block anchors is a flattened document
_FLAT_ANCHORS = 4
_PARAGRAPH_BEFORE = re.compile(
    r"(?<!\bde)\s(?=(?:Extrait\s+d[ue]s?\s+registre|(?:R[ée]union|S[ée]ance)(?:\s+\w+)?\s+du\s+\d"
    r"|D[ée]lib[ée]ration\s+n\s*°|D[ée]cision\s+n\s*°|L['’ ]\s*an\s+(?:deux|mil)"
    r"|(?:Nombre\s+de\s+)?(?:conseillers|membres)\b[^:.]{0,40}\ben\s+exercice\s*:"
    r"|(?:[ÉE]taient\s+|[ÉE]tait\s+|Membres\s+|Avaient\s+donn[ée]\s+)?(?:Pr[ée]sent(?:e|s|es)?"
    r"|Absent(?:e|s|es)?|Excus[ée](?:e|s|es)?|Repr[ée]sent[ée](?:e|s|es)?|Procurations?|Pouvoirs?"
    r"|Secr[ée]taire)\b[^:.\n]{0,60}\s:"
    r"|Objet\s*:|Rapporteur\s*:|(?:Monsieur|Madame)\s+l[ea]\s+(?:Maire|Pr[ée]sidente?)\s+\w+"
    r"|(?:Le|La)\s+(?:Conseil|Bureau|Commission)\b[^.:]{0,60},\s+apr[èe]s\s+en\s+avoir"
    r"|Pour\s*:\s*\d|Fait\s+[àa]\s|Re[çc]u\s+en\s+pr[ée]fecture|Acte\s+rendu\s+ex[ée]cutoire"
    r"|Envoy[ée]\s+en\s+pr[ée]fecture))"
)
_LINE_BEFORE = re.compile(
    r"(?<=[:;.])\s(?=[-•▪+]\s)|\s(?=(?:Publi[ée]e?\s+le|ID\s*:|Le\s+Maire,|Le\s+Pr[ée]sident,"
    r"|La\s+Pr[ée]sidente,))"
)


# The end of "Rapporteur : M. X, Président" when the reasoning follows on the same line.
_RAPPORTEUR_END = re.compile(
    r"Rapporteure?\s*:\s*[^,:]{1,60}?,\s*[^.:]{1,80}?(?P<cut>\s)(?=(?:Le|La|Les|L'|Il|Elle|Un|Une"
    r"|Ce|Cette|Vu|Considérant|Monsieur|Madame|En|Par|Suite|Dans|Afin)\s)"
)


def _flatline_spans(text: str, lines: Lines) -> list[tuple[int, int]]:
    return [
        (s, e)
        for s, e in lines
        if e - s >= _FLAT_MIN and len(_PARAGRAPH_BEFORE.findall(text, s, e)) >= _FLAT_ANCHORS
    ]


def unflatten(reading: Reading) -> Reading:
    text = reading.text
    flat = _flatline_spans(text, line_spans(text))
    if not flat:
        return reading
    breaks: dict[int, str] = {}
    for start, end in flat:
        for match in _LINE_BEFORE.finditer(text, start, end):
            breaks[match.start()] = "\n"
        for match in _PARAGRAPH_BEFORE.finditer(text, start, end):
            breaks[match.start()] = "\n\n"
        for match in _RAPPORTEUR_END.finditer(text, start, end):
            breaks[match.start("cut")] = "\n\n"
    pieces: list[Piece] = []
    position = 0
    for at in sorted(breaks):
        pieces.append((position, at))
        pieces.append(breaks[at])
        position = at + 1  # the space the break replaces
    pieces.append((position, len(text)))
    return assemble(reading, pieces)


def repair(text: str) -> Reading:
    """The reading text of ``text``: page furniture dropped, columns unfolded, flattened
    documents broken into lines again."""
    reading = Reading(text)
    for step in (drop_page_furniture, unfold_columns, unflatten):
        reading = step(reading)
    return reading
