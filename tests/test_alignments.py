"""``ontology/alignments.ttl``: only our model's terms, related with the agreed relations."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from delibgraph.resources import resource_dir
from delibgraph.vocab import DLG_NS, OWL, RDFS, SKOS

ELI_DL = "http://data.europa.eu/eli/eli-draft-legislation-ontology#"
LBLOD = ("http://data.vlaanderen.be/ns/besluit#", "http://data.vlaanderen.be/ns/mandaat#")
RELATIONS = {OWL.equivalentProperty, RDFS.subPropertyOf, RDFS.subClassOf, SKOS.closeMatch}


@pytest.fixture(scope="module")
def alignments() -> Graph:
    return Graph().parse(resource_dir("ontology") / "alignments.ttl", format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(resource_dir("ontology") / "delibgraph.ttl", format="turtle")


def test_only_the_agreed_relations(alignments: Graph) -> None:
    used = {p for p in alignments.predicates() if p in RELATIONS}
    assert used, "no alignment at all"
    for subject, predicate, target in alignments:
        if predicate in RELATIONS:
            assert isinstance(subject, URIRef) and isinstance(target, URIRef)


def test_our_terms_in_alignments_exist(alignments: Graph, ontology: Graph) -> None:
    ours = {t for t in (*alignments.subjects(), *alignments.objects()) if str(t).startswith(DLG_NS)}
    assert ours
    for term in ours:
        assert (term, None, None) in ontology, term


def test_every_vocabulary_of_the_brief_is_aligned(alignments: Graph) -> None:
    targets = {str(t) for p in RELATIONS for t in alignments.objects(None, p)}
    assert any(t.startswith(ELI_DL) for t in targets), "ELI-DL (the European Parliament's)"
    for namespace in LBLOD:
        assert any(t.startswith(namespace) for t in targets), namespace
    assert any(t.startswith("http://schema.org/") for t in targets)
    # the other ELI-DL namespace (LBLOD's converter) is documented, not used
    assert not any(t.startswith("http://data.europa.eu/eli/ontology/dl#") for t in targets)


def test_equivalences_only_where_the_meaning_matches(alignments: Graph) -> None:
    # ELI's own mapping to schema.org is the only equivalence we assert
    pairs = {(str(s), str(o)) for s, o in alignments.subject_objects(OWL.equivalentProperty)}
    assert pairs == {
        ("http://data.europa.eu/eli/ontology#passed_by", "http://schema.org/legislationPassedBy"),
        ("http://data.europa.eu/eli/ontology#date_document", "http://schema.org/legislationDate"),
    }
