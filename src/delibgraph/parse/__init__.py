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
from pathlib import Path
from typing import Any

from delibgraph.errors import ParseError
from delibgraph.extract import extract
from delibgraph.model import Deliberation, Entities, Source, Span
from delibgraph.parse.assemble import Draft, is_empty, read_deliberation
from delibgraph.parse.entities import find_amounts, find_named
from delibgraph.parse.normalize import Document, Located
from delibgraph.parse.items import plan_document
from delibgraph.parse.session import complete_items

__all__ = ["parse_file", "parse_text"]

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


def parse_text(text: str, source: Source, *, ner: bool = True) -> list[Deliberation]:
    """Every deliberation in ``text``; raise :class:`ParseError` when there is none.

    ``ner=False`` skips spaCy (organisations and places stay empty; amounts are still read).
    """
    doc = Document.of(text)
    plan = plan_document(doc)
    drafts = [
        read_deliberation(doc, item.start, item.end, source, heading_title=item.title_start)
        for item in plan.items
    ]
    if plan.several:
        preamble = read_deliberation(doc, *plan.preamble, source) if plan.preamble else None
        completed = complete_items(doc, plan, drafts, preamble)
        for warning in completed.warnings:
            logger.warning("%s: %s", source.path, warning)
        drafts = completed.drafts
    drafts = [draft for draft in drafts if not is_empty(draft.deliberation)]
    if not drafts:
        raise ParseError(
            "no deliberation found: no number, no title and no vote", source=source.path
        )
    if not ner:
        return [_with_entities(d, None) for d in drafts]
    named = find_named([d.body for d in drafts])
    return [_with_entities(d, n) for d, n in zip(drafts, named, strict=True)]


def parse_file(path: Path, *, ner: bool = True) -> list[Deliberation]:
    """Extract the text of ``path`` (.txt or .pdf) and parse it."""
    extracted = extract(path)
    source = Source(path=str(path), sha256=extracted.sha256)
    return parse_text(extracted.text, source, ner=ner)
