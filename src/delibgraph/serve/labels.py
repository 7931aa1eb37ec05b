"""French labels of the terms the pages show: delibgraph's own individuals (read from
``ontology/delibgraph.ttl``) and the few Popolo and schema.org terms the data uses."""

from __future__ import annotations

from functools import cache

from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SKOS

from delibgraph.resources import resource_dir
from delibgraph.vocab import DLG, OPENGOV, SCHEMA

VOTE_OPTIONS = {
    "yes": "pour",
    "no": "contre",
    "abstain": "abstention",
    "not voting": "ne prend pas part au vote",
}
_OTHERS = {
    str(OPENGOV.Pass): "adoptée",
    str(OPENGOV.Fail): "rejetée",
    str(OPENGOV.YesCount): "pour",
    str(OPENGOV.NoCount): "contre",
    str(OPENGOV.AbstainCount): "abstention",
    str(DLG.NotTakingPartCount): "ne prend pas part au vote",
    str(SCHEMA.OnlineEventAttendanceMode): "à distance (visioconférence)",
    str(SCHEMA.OfflineEventAttendanceMode): "en présentiel",
    str(SCHEMA.MixedEventAttendanceMode): "mixte (présentiel et à distance)",
}


@cache
def _ontology_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    folder = resource_dir("ontology")
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        graph.parse(path, format="turtle")
    for predicate in (RDFS.label, SKOS.prefLabel):  # prefLabel wins
        for subject, label in graph.subject_objects(predicate):
            if isinstance(label, Literal) and label.language == "fr":
                labels[str(subject)] = str(label)
    return labels


def label_of(iri: str | None) -> str:
    """The French label of a vocabulary term, else the end of its IRI."""
    if not iri:
        return ""
    known = _OTHERS.get(iri) or _ontology_labels().get(iri)
    if known:
        return known
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def vote_option(option: str) -> str:
    return VOTE_OPTIONS.get(option, option)
