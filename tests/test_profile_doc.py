"""The profile documentation covers every term and shape, and the committed copy is current."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from delibgraph import profile_doc
from delibgraph.cli import main
from delibgraph.profile_doc import (
    default_accuracy,
    documentation_gaps,
    profile_blocks,
    render_html,
    render_markdown,
)
from delibgraph.validate import load_shapes
from delibgraph.vocab import DLG, RDF, RDFS, SH, SHAPES_NS

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "docs" / "profile.md"


@pytest.fixture(scope="module")
def markdown() -> str:
    return render_markdown(profile_blocks(default_accuracy()))


def test_nothing_lacks_documentation() -> None:
    assert documentation_gaps() == []


def test_the_committed_profile_is_current(markdown: str) -> None:
    assert COMMITTED.read_text(encoding="utf-8") == markdown, (
        "docs/profile.md is stale: run `delibgraph profile > docs/profile.md`"
    )


def test_every_term_and_named_shape_is_in_the_document(markdown: str) -> None:
    for name in (n for n in DLG.__annotations__ if not n.startswith("_")):
        assert f"`dlg:{name}`" in markdown, name
    shapes = load_shapes()
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        if str(shape).startswith(SHAPES_NS):
            assert f"### dlgsh:{str(shape)[len(SHAPES_NS) :]}\n" in markdown, shape
    assert "| heldout | 26 |" in markdown
    assert "## Second SHACL engine" in markdown


def _shapes_with(extra: list[tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal]]) -> Graph:
    graph = Graph()
    for triple in load_shapes():
        graph.add(triple)
    for triple in extra:
        graph.add(triple)
    return graph


def test_a_shape_without_messages_is_a_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    shape, prop = URIRef(f"{SHAPES_NS}UndocumentedShape"), BNode()
    graph = _shapes_with(
        [(shape, RDF.type, SH.NodeShape), (shape, SH.property, prop), (prop, SH.path, RDFS.label)]
    )
    monkeypatch.setattr(profile_doc, "load_shapes", lambda: graph)
    gaps = documentation_gaps()
    assert "dlgsh:UndocumentedShape: no sh:message@fr" in gaps
    assert "dlgsh:UndocumentedShape rdfs:label: no sh:message@en" in gaps


def test_a_term_without_a_french_comment_is_a_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    real = profile_doc._ontology

    def without_french_comment(name: str) -> Graph:
        graph = real(name)
        for comment in list(graph.objects(DLG.Proxy, RDFS.comment)):
            if isinstance(comment, Literal) and comment.language == "fr":
                graph.remove((DLG.Proxy, RDFS.comment, comment))
        return graph

    monkeypatch.setattr(profile_doc, "_ontology", without_french_comment)
    assert documentation_gaps() == ["dlg:Proxy has no rdfs:comment@fr"]


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in {"meta", "br"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, (tag, self.open[-3:])

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_page_is_balanced_and_complete() -> None:
    page = render_html(profile_blocks(default_accuracy()))
    assert page.startswith("<!DOCTYPE html>")
    checker = _Checker()
    checker.feed(page)
    assert checker.open == []
    text = "".join(checker.text)
    assert "dlg:proxyHolder" in text and "dlgsh:ProxyHolderPresentRuleShape" in text
    assert "<script" not in page
    assert re.search(r"<td><code>dlg:Proxy</code></td>", page)


def test_the_profile_command(capsys: pytest.CaptureFixture[str], markdown: str) -> None:
    assert main(["profile"]) == 0
    assert capsys.readouterr().out == markdown
    assert main(["profile", "--format", "html"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert main(["profile", "--help"]) == 0
    assert "--format" in capsys.readouterr().out
