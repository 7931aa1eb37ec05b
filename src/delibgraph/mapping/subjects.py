"""The act's ACTES subject ("matière"), stated or inferred (see :mod:`delibgraph.matieres`).

A stated subject is ``eli:is_about`` the concept. An inferred one is ``dlg:inferredSubject``
(a sub-property of ``eli:is_about``, so that a query without inference never mistakes it for
a stated fact), qualified by a ``dlg:SubjectInference`` that names the method, its confidence
and the cues of the text it used. The concept is written in the graph with its notation, label
and parent, so that each deliberation's graph stays self-contained.
"""

from __future__ import annotations

from rdflib import Literal, URIRef

from delibgraph.mapping.context import MappingContext, fr, plain
from delibgraph.mapping.terms import DLG, ELI, RDF, SKOS, XSD
from delibgraph.matieres import Matiere, matiere, subject_of
from delibgraph.vocab import ACTES_MATIERES_SCHEME

SCHEME_LABEL = "Nomenclature ACTES des matières"


def map_subject(ctx: MappingContext) -> None:
    """Link the act to its ACTES subject, when the text states it or the classifier finds one."""
    subject = subject_of(ctx.deliberation)
    if subject is None:
        return
    concept = _concept(ctx, subject.matiere)
    act = ctx.ids.act
    if subject.stated:
        ctx.add(act, ELI.is_about, concept)
        return
    inference = ctx.ids.subject_inference
    ctx.add(act, DLG.inferredSubject, concept)
    ctx.add(act, DLG.subjectInference, inference)
    ctx.add(inference, RDF.type, DLG.SubjectInference)
    ctx.add(inference, DLG.inferredConcept, concept)
    ctx.add(inference, DLG.inferredBy, DLG.actesKeywordRules)
    if subject.confidence is not None:
        ctx.add(inference, DLG.confidence, Literal(str(subject.confidence), datatype=XSD.decimal))
    for cue in subject.evidence:
        ctx.add(inference, DLG.evidence, plain(cue))


def _concept(ctx: MappingContext, subject: Matiere) -> URIRef:
    """The concept and, for a level-2 subject, its level-1 parent, in the ACTES scheme."""
    concept = subject.iri
    ctx.add(concept, RDF.type, SKOS.Concept)
    ctx.add(concept, SKOS.prefLabel, fr(subject.label))
    ctx.add(concept, SKOS.notation, plain(subject.code))
    ctx.add(concept, SKOS.inScheme, ACTES_MATIERES_SCHEME)
    parent = matiere(subject.parent) if subject.parent else None
    if parent is not None:
        ctx.add(concept, SKOS.broader, _concept(ctx, parent))
    ctx.add(ACTES_MATIERES_SCHEME, RDF.type, SKOS.ConceptScheme)
    ctx.add(ACTES_MATIERES_SCHEME, SKOS.prefLabel, fr(SCHEME_LABEL))
    return concept
