"""Our own terms (``dlg:``) are declared in ``ontology/delibgraph.ttl``, in French and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from delibgraph.resources import resource_dir
from delibgraph.vocab import DCTERMS, DLG, DLG_NS, OWL, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_IRI = URIRef(DLG_NS.rstrip("#"))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(resource_dir("ontology") / "delibgraph.ttl", format="turtle")


def _declared_terms() -> list[str]:
    return sorted(name for name in DLG.__annotations__ if not name.startswith("_"))


def _terms_used_by_code() -> set[str]:
    used: set[str] = set()
    for path in (ROOT / "src" / "delibgraph").rglob("*.py"):
        used.update(re.findall(r"\bDLG\.(\w+)", path.read_text(encoding="utf-8")))
    for path in (ROOT / "shapes").glob("*.ttl"):
        used.update(re.findall(r"\bdlg:(\w+)", path.read_text(encoding="utf-8")))
    return used


def _texts(graph: Graph, subject: URIRef, predicate: URIRef) -> dict[str, str]:
    return {
        str(o.language): str(o)
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and o.language
    }


def test_every_term_used_is_in_the_closed_namespace() -> None:
    assert _terms_used_by_code() <= set(_declared_terms())


@pytest.mark.parametrize("name", _declared_terms())
def test_term_has_labels_and_comments_in_french_and_english(ontology: Graph, name: str) -> None:
    term = DLG[name]
    for predicate in (RDFS.label, RDFS.comment):
        texts = _texts(ontology, term, predicate)
        assert {"fr", "en"} <= set(texts), f"{name}: {predicate} needs @fr and @en"
        assert all(text.strip() for text in texts.values())


@pytest.mark.parametrize("name", _declared_terms())
def test_term_is_typed(ontology: Graph, name: str) -> None:
    term = DLG[name]
    types = set(ontology.objects(term, RDF.type))
    assert types, f"{name} has no rdf:type"
    if types & {OWL.ObjectProperty, OWL.DatatypeProperty}:
        assert ontology.value(term, RDFS.domain) is not None, f"{name} has no rdfs:domain"
        assert ontology.value(term, RDFS.range) is not None, f"{name} has no rdfs:range"
    elif OWL.Class not in types and SKOS.ConceptScheme not in types:
        assert OWL.NamedIndividual in types, f"{name} is neither class, property nor individual"
        assert ontology.value(term, SKOS.inScheme) is not None, f"{name} is in no scheme"


def test_naming_follows_the_kind_of_term(ontology: Graph) -> None:
    for name in _declared_terms():
        types = set(ontology.objects(DLG[name], RDF.type))
        if types & {OWL.ObjectProperty, OWL.DatatypeProperty}:
            assert name[0].islower(), name


def test_no_term_of_our_namespace_is_left_undeclared_in_vocab(ontology: Graph) -> None:
    in_ontology = {
        str(s)[len(DLG_NS) :]
        for s in ontology.subjects()
        if isinstance(s, URIRef) and str(s).startswith(DLG_NS)
    }
    assert in_ontology == set(_declared_terms())


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) is not None
    for predicate in (DCTERMS.title, DCTERMS.description):
        assert {"fr", "en"} <= set(_texts(ontology, ONTOLOGY_IRI, predicate))
