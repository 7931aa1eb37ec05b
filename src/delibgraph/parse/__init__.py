"""Parse the text of deliberation registers into :class:`~delibgraph.model.Deliberation`.

The parser is rule-based on the register's layout; a field the text does not give is None.
The stages, one module each:

1. :mod:`.layout` repairs the layout of extracted text (page headers and footers, two columns
   side by side, a document flattened onto one line) into a *reading text*, every character
   of which keeps its source offset; :mod:`.normalize` matches on a folded view of it
   (apostrophes, dashes, no-break spaces, apostrophes lost in extraction);
2. :mod:`.items` finds the item headings ("Délibération n° …", "Point 3 – Délibération n° …")
   and so divides the text into a preamble and items: one extract, extracts one after the
   other, or a whole séance (procès-verbal, compte rendu);
3. each item is read block by block (:mod:`.segment`, :mod:`.header`, :mod:`.people`,
   :mod:`.attendance`, :mod:`.votes`, :mod:`.elections`, :mod:`.closing`) by
   :mod:`.assemble`;
4. :mod:`.session` completes the items of a whole séance from its preamble and closing, with
   each item's own attendance (:mod:`.events`: arrivals, departures, limited proxies);
5. spaCy finds organisations and places in the body text only (:mod:`.entities`), all
   deliberations of a text in one ``nlp.pipe`` call; amounts come from a rule.

    parse_text(text, source)    -> list[Deliberation]        (warnings logged)
    parse_report(text, source)  -> ParseReport               (deliberations + warnings)
    parse_file(path)            -> list[Deliberation]        (extract + parse)
    parse_file_report(path)     -> ParseReport

Warnings (:class:`ParseWarning`: a text cut short and what it misses, an ACTES id that does
not read, an attendance change naming nobody listed) stay out of the model and its JSON; they
come with the :class:`ParseReport` and are logged by :func:`parse_text`.

Conventions of the values read (white space always collapsed; those of the fixture corpus,
``tests/fixtures/MANIFEST.md``):

* names: as printed without honorific ("Monsieur Michaël DELAFOSSE" → "Michaël DELAFOSSE"),
  a maiden name in parentheses kept ("Aurélie MEYNADIER (BERTHÉZÈNE)"), notes left out
  ("(présent à partir du point 5)", "par procuration"); a proxy holder or rapporteur named by
  office ("M. le Maire") is the president only when the header prints the president with
  that office ("sous la présidence de M. X, Maire");
* title: as printed, with its leading theme path ("Attractivité - Cité intelligente - …"),
  after "Objet :" or on the item's heading line;
* reasoning: the paragraphs between the rapporteur line and the decisions formula ("En
  conséquence, il est proposé au Conseil … :", "après en avoir délibéré … DÉCIDE"), the
  formula excluded, paragraphs separated by a blank line;
* decisions: one per bullet, "Article N" or capitalised verb line ("APPROUVE …"), without the
  bullet, the "Article N :" label and the trailing " ;" or ".";
* vote: counts only as printed; "/" is 0; an election's votes for are the elected
  candidate's, against the other candidates', abstentions the blank or void ballots; counts
  quoted in the reasoning (an earlier séance's) are not taken; a text cut short gets no
  outcome it does not print;
* place: the room or place after its preposition ("salle du Conseil", "au lieu ordinaire de
  ses séances"); authority and body printed in capitals are put in usual case;
* a member both listed absent and giving a proxy is represented, not absent; in a whole
  séance, a member leaving without proxy is absent with ``excused`` None.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from delibgraph.errors import ParseError
from delibgraph.extract import extract
from delibgraph.model import Deliberation, Entities, Source, Span
from delibgraph.parse.assemble import Draft, is_empty, read_deliberation
from delibgraph.parse.entities import find_amounts, find_named
from delibgraph.parse.items import plan_document
from delibgraph.parse.normalize import Document, Located
from delibgraph.parse.session import complete_items

__all__ = [
    "ParseReport",
    "ParseWarning",
    "parse_file",
    "parse_file_report",
    "parse_report",
    "parse_text",
]

logger = logging.getLogger(__name__)


def _with_entities(draft: Draft, named: dict[str, tuple[Located[str], ...]] | None) -> Deliberation:
    spans: dict[str, Span] = dict(draft.deliberation.spans)
    document = draft.document
    amounts = find_amounts(draft.body)
    organizations = named["organizations"] if named else ()
    places = named["places"] if named else ()
    found_by_key: dict[str, Sequence[Located[Any]]] = {
        "organizations": organizations,
        "places": places,
        "amounts": amounts,
    }
    for key, found in found_by_key.items():
        for index, item in enumerate(found):
            if item.end > item.start:
                spans[f"entities.{key}[{index}]"] = document.span(item.start, item.end)
    entities = Entities(
        organizations=tuple(o.value for o in organizations),
        places=tuple(p.value for p in places),
        amounts=tuple(a.value for a in amounts),
    )
    return dataclasses.replace(draft.deliberation, entities=entities, spans=spans)


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something the parser noticed and could not settle: a text cut short, an ACTES id that
    does not read, an attendance change naming nobody listed. Nothing is guessed instead."""

    source: str
    deliberation: str | None  # its number, when it has one
    message: str

    def one_line(self) -> str:
        where = f"{self.source} [{self.deliberation}]" if self.deliberation else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ParseReport:
    """The deliberations of a text and the warnings raised while reading them."""

    deliberations: list[Deliberation]
    warnings: tuple[ParseWarning, ...] = ()


def parse_report(text: str, source: Source, *, ner: bool = True) -> ParseReport:
    """Every deliberation in ``text`` with the parser's warnings; raise :class:`ParseError`
    when there is none.

    ``ner=False`` skips spaCy (organisations and places stay empty; amounts are still read).
    """
    doc = Document.of(text)
    plan = plan_document(doc)
    drafts = [
        read_deliberation(doc, item.start, item.end, source, heading_title=item.title_start)
        for item in plan.items
    ]
    messages: list[tuple[str | None, str]] = []
    if plan.several:
        preamble = read_deliberation(doc, *plan.preamble, source) if plan.preamble else None
        completed = complete_items(doc, plan, drafts, preamble)
        messages += [(None, warning) for warning in completed.warnings]
        drafts = completed.drafts
    drafts = [draft for draft in drafts if not is_empty(draft.deliberation)]
    if not drafts:
        raise ParseError(
            "no deliberation found: no number, no title and no vote", source=source.path
        )
    messages += [(d.deliberation.number, w) for d in drafts for w in d.warnings]
    warnings = tuple(ParseWarning(source.path, number, text) for number, text in messages)
    if not ner:
        return ParseReport([_with_entities(d, None) for d in drafts], warnings)
    named = find_named([d.body for d in drafts])
    found = [_with_entities(d, n) for d, n in zip(drafts, named, strict=True)]
    return ParseReport(found, warnings)


def parse_text(text: str, source: Source, *, ner: bool = True) -> list[Deliberation]:
    """Every deliberation in ``text`` (:func:`parse_report`, its warnings logged)."""
    report = parse_report(text, source, ner=ner)
    for warning in report.warnings:
        logger.warning("%s", warning.one_line())
    return report.deliberations


def parse_file_report(path: Path, *, ner: bool = True) -> ParseReport:
    """Extract the text of ``path`` (.txt or .pdf) and parse it, with the warnings."""
    extracted = extract(path)
    source = Source(path=str(path), sha256=extracted.sha256)
    return parse_report(extracted.text, source, ner=ner)


def parse_file(path: Path, *, ner: bool = True) -> list[Deliberation]:
    """Extract the text of ``path`` (.txt or .pdf) and parse it (warnings logged)."""
    extracted = extract(path)
    source = Source(path=str(path), sha256=extracted.sha256)
    return parse_text(extracted.text, source, ner=ner)
