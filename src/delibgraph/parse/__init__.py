"""Parse the text of a deliberation extract into :class:`~delibgraph.model.Deliberation`.

The parser is rule-based on the register's layout (see :mod:`.segment` for the blocks and
their order); a field the text does not give is None. Named entities come from spaCy on the
body text only (:mod:`.entities`), all deliberations of a text in one ``nlp.pipe`` call.

    parse_text(text, source)  -> list[Deliberation]
    parse_file(path)          -> list[Deliberation]      (extract + parse)

Conventions of the values read (white space always collapsed):

* names: as printed without honorific ("Monsieur Michaël DELAFOSSE" → "Michaël DELAFOSSE");
  a proxy holder or rapporteur named by office ("M. le Maire") is the president only when the
  header prints the president with that office ("sous la présidence de M. X, Maire");
* title: as printed, with its leading theme path ("Attractivité - Cité intelligente - …");
* reasoning: the paragraphs between the rapporteur line and the decisions formula ("En
  conséquence, il est proposé au Conseil … :", "après en avoir délibéré … DÉCIDE"), the
  formula excluded, paragraphs separated by a blank line;
* decisions: one per bullet or "Article N", without the bullet, the "Article N :" label and
  the trailing " ;" or ".";
* place: the room or place after its preposition ("salle du Conseil", "au lieu ordinaire de
  ses séances"); authority and body printed in capitals are put in usual case;
* a member both listed absent and giving a proxy is represented, not absent.
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
