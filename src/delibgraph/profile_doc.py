"""The application profile's documentation, generated from ``ontology/`` and ``shapes/``.

:func:`profile_blocks` reads our own terms, the alignments, the ACTES classification and every
shape, and lays them out as a list of blocks (headings, paragraphs, tables, code); the blocks
render as Markdown (:func:`render_markdown`, committed as ``docs/profile.md``) or as one HTML
page (:func:`render_html`, for the web server). :func:`documentation_gaps` lists what has no
documentation (a term without labels and comments in French and English, a shape without
messages), so that a test can fail on it. Regenerate the committed file with
``delibgraph profile > docs/profile.md``.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH  # the whole SHACL vocabulary: the shapes use more than vocab.SH
from rdflib.term import Node

from delibgraph.matiere_accuracy import SplitAccuracy, measure
from delibgraph.profile_render import Block, render_html, render_markdown
from delibgraph.profile_text import ACCURACY_INTRO, ENGINES, INTRO, LEVELS_INTRO, SHAPES_INTRO
from delibgraph.resources import resource_dir
from delibgraph.validate import LEVELS, load_shapes
from delibgraph.vocab import DLG, DLG_NS, DLGSH, OWL, PREFIXES, RDF, RDFS, SHAPES_NS, SKOS

__all__ = [
    "Block",
    "default_accuracy",
    "default_labels",
    "documentation_gaps",
    "profile_blocks",
    "profile_html",
    "profile_markdown",
    "render_html",
    "render_markdown",
]

_KINDS = (
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (SKOS.ConceptScheme, "Concept schemes"),
    (OWL.NamedIndividual, "Individuals"),
)
_CONSTRAINTS = (
    "minCount", "maxCount", "datatype", "class", "nodeKind", "pattern", "in", "minInclusive",
    "maxInclusive", "minLength", "languageIn", "uniqueLang", "disjoint", "qualifiedMinCount",
    "qualifiedMaxCount", "severity",
)  # fmt: skip
_ALIGNMENT = (OWL.equivalentProperty, RDFS.subPropertyOf, RDFS.subClassOf, SKOS.closeMatch)


def profile_markdown() -> str:
    """The profile as Markdown: what ``docs/profile.md`` holds."""
    return render_markdown(profile_blocks(default_accuracy()))


def profile_html() -> str:
    """The profile as one self-contained HTML page (for ``serve``)."""
    return render_html(profile_blocks(default_accuracy()))


# --------------------------------------------------------------------------- reading


def _ontology(name: str) -> Graph:
    return Graph().parse(resource_dir("ontology") / name, format="turtle")


def _short(node: Node | None) -> str:
    """A prefixed name where one is known (``dlg:Proxy``), else the IRI or literal."""
    if node is None:
        return ""
    text = str(node)
    if isinstance(node, URIRef):
        known = {**PREFIXES, "dlgsh": SHAPES_NS, "sh": str(SH._NS)}
        for prefix, namespace in sorted(known.items(), key=lambda kv: -len(kv[1])):
            local = text[len(namespace) :]
            if text.startswith(namespace) and re.fullmatch(r"[\w.-]*", local):
                return f"{prefix}:{local}"
    return text


def _text(graph: Graph, subject: Node, predicate: URIRef, language: str) -> str:
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal) and value.language == language:
            return " ".join(str(value).split())
    return ""


def _list(graph: Graph, node: Node | None) -> list[Node]:
    items: list[Node] = []
    while node is not None and node != RDF.nil:
        first = graph.value(node, RDF.first)
        if first is not None:
            items.append(first)
        node = graph.value(node, RDF.rest)
    return items


def _class_text(graph: Graph, node: Node | None) -> str:
    """A class (``dlg:Proxy``), or a union of classes (``dlg:A ∪ dlg:B``)."""
    members = _list(graph, graph.value(node, OWL.unionOf)) if node is not None else []
    return " ∪ ".join(_short(member) for member in members) if members else _short(node)


def _terms() -> list[tuple[str, URIRef]]:
    """(kind heading, term) for every term of ``ontology/delibgraph.ttl``, by kind then name."""
    graph = _ontology("delibgraph.ttl")
    found: list[tuple[str, URIRef]] = []
    for kind, heading in _KINDS:
        members = {s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)}
        earlier = {term for _, term in found}
        for term in sorted(members - earlier, key=str):
            if str(term).startswith(DLG_NS):
                found.append((heading, term))
    return found


# --------------------------------------------------------------------------- the blocks


def profile_blocks(accuracy: dict[str, SplitAccuracy] | None = None) -> list[Block]:
    """The whole document; ``accuracy`` adds the measured accuracy of the subject classifier."""
    ontology = _ontology("delibgraph.ttl")
    version = ontology.value(URIRef(DLG_NS.rstrip("#")), OWL.versionInfo)
    blocks = [
        Block("heading", f"delibgraph application profile {version or ''}".strip(), 1),
        Block("paragraph", INTRO),
        Block("table", rows=(("prefix", "namespace"), *sorted(_namespaces().items()))),
    ]
    blocks += _level_blocks()
    blocks += _term_blocks(ontology)
    blocks += _alignment_blocks()
    blocks += _actes_blocks(accuracy)
    blocks += _shape_blocks()
    blocks += [Block("heading", "Second SHACL engine", 2), Block("paragraph", ENGINES)]
    return blocks


def _namespaces() -> dict[str, str]:
    return {"dlg": DLG_NS, "dlgsh": SHAPES_NS, **{p: n for p, n in PREFIXES.items() if p != "dlg"}}


def _level_blocks() -> list[Block]:
    shapes = load_shapes()
    rows: list[tuple[str, ...]] = [("level", "requirement (shape · path)", "severity", "message")]
    for tagged in sorted(shapes.subjects(DLGSH.level, None), key=lambda s: str(s)):
        level = str(shapes.value(tagged, DLGSH.level))
        parent = shapes.value(None, SH.property, tagged)
        where = f"{_short(parent)} · {_short(shapes.value(tagged, SH.path))}" if parent else ""
        severity = _short(shapes.value(tagged, SH.severity) or SH.Violation)
        rows.append(
            (level, where or _short(tagged), severity, _text(shapes, tagged, SH.message, "en"))
        )
    named = [(str(n), fr, en) for n, (fr, en) in sorted(LEVELS.items())]
    return [
        Block("heading", "Graded levels", 2),
        Block("paragraph", LEVELS_INTRO),
        Block("table", rows=(("level", "nom", "name"), *named)),
        Block("table", rows=(rows[0], *sorted(rows[1:]))),
    ]


def _term_blocks(ontology: Graph) -> list[Block]:
    blocks = [Block("heading", "Our own terms (dlg:)", 2)]
    current = ""
    rows: list[tuple[str, ...]] = []
    header = ("term", "label (fr / en)", "definition", "domain → range, parent")
    for heading, term in [*_terms(), ("", URIRef(""))]:
        if heading != current:
            if rows:
                blocks.append(Block("table", rows=(header, *rows)))
            if heading:
                blocks.append(Block("heading", heading, 3))
            current, rows = heading, []
        if not heading:
            break
        label = (
            f"{_text(ontology, term, RDFS.label, 'fr')} / {_text(ontology, term, RDFS.label, 'en')}"
        )
        links = []
        domain, range_ = ontology.value(term, RDFS.domain), ontology.value(term, RDFS.range)
        if domain is not None or range_ is not None:
            links.append(f"{_class_text(ontology, domain)} → {_short(range_)}")
        for predicate in (RDFS.subClassOf, RDFS.subPropertyOf, SKOS.inScheme):
            links += [f"{_short(predicate)} {_short(o)}" for o in ontology.objects(term, predicate)]
        definition = _text(ontology, term, RDFS.comment, "en")
        rows.append((f"`{_short(term)}`", label, definition, "; ".join(links)))
    return blocks


def _alignment_blocks() -> list[Block]:
    graph = _ontology("alignments.ttl")
    rows: list[tuple[str, ...]] = [("our model", "relation", "other vocabulary", "note")]
    for predicate in _ALIGNMENT:
        for subject, target in sorted(graph.subject_objects(predicate), key=str):
            note = str(graph.value(subject, RDFS.comment) or "")
            rows.append(
                (_short(subject), _short(predicate), _short(target), " ".join(note.split()))
            )
    return [
        Block("heading", "Alignments", 2),
        Block(
            "paragraph",
            "From `ontology/alignments.ttl` (its header explains the choice of "
            "relations and of the ELI-DL namespace).",
        ),
        Block("table", rows=tuple(rows)),
    ]


def _actes_blocks(accuracy: dict[str, SplitAccuracy] | None) -> list[Block]:
    graph = _ontology("actes-matieres.ttl")
    concepts = sorted(
        graph.subjects(SKOS.notation, None),
        key=lambda c: [int(p) for p in str(graph.value(c, SKOS.notation)).split(".")],
    )
    rows: list[tuple[str, ...]] = [("code", "libellé", "note")]
    for concept in concepts:
        note = "label to check" if graph.value(concept, SKOS.editorialNote) is not None else ""
        rows.append(
            (
                str(graph.value(concept, SKOS.notation)),
                _text(graph, concept, SKOS.prefLabel, "fr"),
                note,
            )
        )
    blocks = [
        Block("heading", "ACTES subjects (matières)", 2),
        Block(
            "paragraph",
            f"`ontology/actes-matieres.ttl`: {len(concepts)} concepts, levels 1 "
            "and 2, under `https://w3id.org/delibgraph/actes/matiere/{code}`.",
        ),
        Block("table", rows=tuple(rows)),
        Block("heading", "Subject classifier accuracy", 3),
        Block("paragraph", ACCURACY_INTRO),
    ]
    if accuracy is None:
        blocks.append(Block("paragraph", "(Measured in the source repository only.)"))
        return blocks
    table = [("split", "labelled", "correct", "abstained", "accuracy")]
    for name in ("heldout", "dev", "all"):
        if name in accuracy:
            s = accuracy[name]
            row = (name, str(s.labelled), str(s.correct), str(s.abstained), f"{s.accuracy:.0%}")
            table.append(row)
    blocks.append(Block("table", rows=tuple(table)))
    if "heldout" in accuracy and accuracy["heldout"].errors:
        errors = [f"{e.file} {e.number}: labelled {e.label}, proposed {e.predicted or 'nothing'}"
                  for e in accuracy["heldout"].errors]  # fmt: skip
        blocks += [
            Block("paragraph", "Held-out errors:"),
            Block("list", rows=tuple((e,) for e in errors)),
        ]
    return blocks


def _shape_blocks() -> list[Block]:
    shapes = load_shapes()
    blocks = [Block("heading", "Shapes", 2), Block("paragraph", SHAPES_INTRO)]
    node_shapes = sorted(
        (s for s in shapes.subjects(RDF.type, SH.NodeShape) if str(s).startswith(SHAPES_NS)),
        key=lambda s: (shapes.value(s, SH.sparql) is not None, str(s)),
    )
    for shape in node_shapes:
        blocks += _node_shape_blocks(shapes, shape)
    return blocks


def _node_shape_blocks(shapes: Graph, shape: Node) -> list[Block]:
    targets = ", ".join(_short(t) for t in shapes.objects(shape, SH.targetClass))
    facts = [f"targets {targets}"]
    if shapes.value(shape, SH.closed) is not None:
        facts.append("closed")
    if shapes.value(shape, SH.pattern) is not None:
        facts.append(f"IRI pattern `{shapes.value(shape, SH.pattern)}`")
    if shapes.value(shape, DLGSH.level) is not None:
        facts.append(f"level {shapes.value(shape, DLGSH.level)}")
    severity = shapes.value(shape, SH.severity)
    if severity is not None:
        facts.append(f"severity {_short(severity)}")
    blocks = [
        Block("heading", _short(shape), 3),
        Block(
            "paragraph",
            f"{'; '.join(facts)}. {_text(shapes, shape, SH.message, 'en')} "
            f"— {_text(shapes, shape, SH.message, 'fr')}",
        ),
    ]
    properties = sorted(
        shapes.objects(shape, SH.property), key=lambda p: str(shapes.value(p, SH.path))
    )
    if properties:
        rows: list[tuple[str, ...]] = [("path", "constraints", "message")]
        for prop in properties:
            rows.append(
                (
                    _path(shapes, prop),
                    _constraints(shapes, prop),
                    _text(shapes, prop, SH.message, "en"),
                )
            )
        blocks.append(Block("table", rows=tuple(rows)))
    for constraint in shapes.objects(shape, SH.sparql):
        select = str(shapes.value(constraint, SH.select) or "")
        blocks.append(Block("code", textwrap.dedent(select).strip()))
    return blocks


def _path(shapes: Graph, prop: Node) -> str:
    path = shapes.value(prop, SH.path)
    inverse = shapes.value(path, SH.inversePath) if path is not None else None
    return f"^{_short(inverse)}" if inverse is not None else _short(path)


def _constraints(shapes: Graph, prop: Node) -> str:
    parts = []
    for name in _CONSTRAINTS:
        value = shapes.value(prop, SH[name])
        if value is None:
            continue
        if name in {"in", "languageIn"}:
            shown = "(" + " ".join(_short(v) for v in _list(shapes, value)) + ")"
        else:
            shown = _short(value)
        parts.append(f"{name} {shown}")
    if shapes.value(prop, DLGSH.level) is not None:
        parts.append(f"level {shapes.value(prop, DLGSH.level)}")
    if shapes.value(prop, SH["or"]) is not None:
        parts.append("or (…)")
    return "; ".join(parts)


# --------------------------------------------------------------------------- checks


def default_labels() -> Path | None:
    """The labelled fixture corpus of a source checkout (``tests/fixtures/matieres.csv``)."""
    candidate = resource_dir("ontology").parent / "tests" / "fixtures" / "matieres.csv"
    return candidate if candidate.is_file() else None


def default_accuracy() -> dict[str, SplitAccuracy] | None:
    labels = default_labels()
    return measure(labels) if labels is not None else None


def documentation_gaps() -> list[str]:
    """What lacks documentation: terms, shapes, rules, glossary entries."""
    return sorted(_term_gaps()) + sorted(_shape_gaps())


def _term_gaps() -> Iterator[str]:
    ontology = _ontology("delibgraph.ttl")
    glossary = (resource_dir("ontology") / "README.md").read_text(encoding="utf-8")
    for name in sorted(n for n in inspect.get_annotations(DLG) if not n.startswith("_")):
        term = URIRef(DLG_NS + name)
        for predicate in (RDFS.label, RDFS.comment):
            for language in ("fr", "en"):
                if not _text(ontology, term, predicate, language):
                    yield f"dlg:{name} has no {_short(predicate)}@{language}"
        if f"dlg:{name}" not in glossary:
            yield f"dlg:{name} is not in the glossary (ontology/README.md)"


def _shape_gaps() -> Iterator[str]:
    shapes = load_shapes()
    properties = set(shapes.objects(None, SH.property))
    named = {s for s in shapes.subjects(RDF.type, SH.NodeShape) if str(s).startswith(SHAPES_NS)}
    for holder in named | properties:
        where = (
            _short(holder)
            if holder in named
            else f"{_short(shapes.value(None, SH.property, holder))} {_path(shapes, holder)}"
        )
        for language in ("fr", "en"):
            if not _text(shapes, holder, SH.message, language):
                yield f"{where}: no sh:message@{language}"
    for constraint in shapes.subjects(RDF.type, SH.SPARQLConstraint):
        rule_shapes = set(shapes.subjects(SH.sparql, constraint))
        if not rule_shapes:
            yield f"{_short(constraint)} is held by no shape"
        for rule in rule_shapes:
            if not (
                _text(shapes, rule, RDFS.label, "en") and _text(shapes, rule, RDFS.label, "fr")
            ):
                yield f"{_short(rule)} has no rdfs:label in French and English"
