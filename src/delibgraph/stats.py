"""What a store holds: triples, graphs, deliberations, people, séances, per-class counts, and
how many deliberations reach each graded level (computed by the library query
``level-by-deliberation``, which mirrors the level requirements of the shapes)."""

from __future__ import annotations

from dataclasses import dataclass

from delibgraph.names import strip_accents
from delibgraph.querylib import run
from delibgraph.render import shorten_iri, text_table
from delibgraph.store import Store
from delibgraph.validate import LEVELS
from delibgraph.vocab import PREFIXES

PROLOGUE = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())

# name → a SELECT with one variable ?n; each counts distinct resources over all graphs.
COUNTS: dict[str, str] = {
    "distinct triples": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
    "WHERE { ?s ?p ?o } }",
    "deliberations": "SELECT (COUNT(DISTINCT ?act) AS ?n) "
    "WHERE { ?act eli:type_document dlg:DeliberationDocument }",
    "persons": "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a person:Person }",
    "séances": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a schema:Event }",
    "authorities": "SELECT (COUNT(DISTINCT ?o) AS ?n) "
    "WHERE { ?o a org:Organization FILTER NOT EXISTS { ?o org:subOrganizationOf ?parent } }",
    "bodies": "SELECT (COUNT(DISTINCT ?o) AS ?n) "
    "WHERE { ?o a org:Organization ; org:subOrganizationOf ?parent }",
    "vote events": "SELECT (COUNT(DISTINCT ?v) AS ?n) WHERE { ?v a opengov:VoteEvent }",
    "individual votes": "SELECT (COUNT(DISTINCT ?v) AS ?n) WHERE { ?v a opengov:Vote }",
}
CLASS_COUNTS = (
    "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class "
    "ORDER BY DESC(?n) ?class"
)


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts of one store. ``triples`` sums every graph; ``counts`` are distinct resources;
    ``levels`` the deliberations per graded level (0 to 3)."""

    triples: int
    graphs: int
    counts: tuple[tuple[str, int], ...]
    classes: tuple[tuple[str, int], ...]
    levels: tuple[tuple[int, int], ...] = ()

    def count(self, name: str) -> int:
        return dict(self.counts)[name]

    def to_text(self) -> str:
        rows = [("triples (all graphs)", self.triples), ("named graphs", self.graphs)]
        rows += list(self.counts)
        summary = text_table(("what", "count"), [(name, str(n)) for name, n in rows])
        classes = text_table(
            ("class", "instances"), [(shorten_iri(iri), str(n)) for iri, n in self.classes]
        )
        levels = text_table(
            ("level", "deliberations"),
            [(f"{level} {LEVELS[level][1]}", str(n)) for level, n in self.levels],
        )
        return f"{summary}\n{levels}\n{classes}"

    def to_json(self) -> dict[str, object]:
        return {
            "triples": self.triples,
            "graphs": self.graphs,
            **{strip_accents(name).replace(" ", "_"): n for name, n in self.counts},
            "levels": {str(level): n for level, n in self.levels},
            "classes": dict(self.classes),
        }


def store_stats(store: Store) -> StoreStats:
    """Count what ``store`` holds (each resource once, however many graphs repeat it)."""
    counts = tuple((name, _single_count(store, query)) for name, query in COUNTS.items())
    classes = []
    for row in store.query(PROLOGUE + CLASS_COUNTS).rows:
        iri, n = row
        if iri is not None and n is not None:
            classes.append((iri.value, int(n.value)))
    return StoreStats(
        triples=store.triple_count(),
        graphs=len(store.graphs()),
        counts=counts,
        classes=tuple(classes),
        levels=level_counts(store),
    )


def level_counts(store: Store) -> tuple[tuple[int, int], ...]:
    """How many deliberations reach each level, 0 to 3 (every level listed, even at 0)."""
    reached = [record["level"] for record in run(store, "level-by-deliberation").records()]
    return tuple((level, sum(1 for r in reached if r == level)) for level in sorted(LEVELS))


def _single_count(store: Store, query: str) -> int:
    result = store.query(PROLOGUE + query)
    value = result.rows[0][0] if result.rows else None
    return int(value.value) if value is not None else 0
