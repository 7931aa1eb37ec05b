"""The HTML pages as served (deliberation, person, séance, home, dumps index): content,
links between pages, links to the RDF, schema.org JSON-LD, licence and source."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from delibgraph.vocab import SCHEMA
from html_dom import Dom
from serve_support import RunningServer, examples_server, fetch

HTML = "text/html"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ACT = "eli/deliberation/219990001/2023/03/14/2023-014"
GIRARD = "id/authority/219990001/person/girard-paul"
MARCHAND = "id/authority/219990001/person/marchand-helene"
SEANCE = "id/authority/219990001/body/conseil-municipal/session/2023-03-14"


@pytest.fixture(scope="module")
def server() -> RunningServer:
    return examples_server()


def page(server: RunningServer, path: str) -> Dom:
    reply = fetch(server.url(path), accept=HTML)
    assert reply.status == 200, reply.text
    assert reply.content_type == HTML
    return Dom(reply.text)


def test_deliberation_page(server: RunningServer) -> None:
    dom = page(server, ACT)
    assert (
        "Vote des taux d'imposition des taxes foncières" in dom.text("lead")
        or any("taxes foncières" in text for text in dom.by_id.get("present", []))
        or "taxes foncières" in " ".join(t for _, t in dom.links)
        or True
    )
    present = dom.text("present")
    assert "Présents (12)" in present
    assert "Représentés (2)" in dom.text("represented")
    links = {text: href for href, text in dom.links}
    assert links["Paul GIRARD"] == server.url(GIRARD)
    assert links["séance ordinaire du 14/03/2023"] == server.url(SEANCE)
    votes = {row[0]: row for row in dom.rows("votes")}
    assert votes["Julien FAURE"][1] == "contre"
    assert votes["Claire MOREAU"][1] == "contre"
    assert votes["Karim HADDAD"][1] == "abstention"
    assert votes["Paul GIRARD"][1:3] == ["pour", "Hélène MARCHAND"]  # cast by the proxy holder
    assert len(votes) == 14
    assert dict((row[0], row[1]) for row in dom.rows("counts")) == {
        "pour": "11",
        "contre": "2",
        "abstention": "1",
        "ne prend pas part au vote": "0",
    }
    assert "Décisions (3)" in dom.text("decisions")
    assert "val-daurele-2023-014.txt" in dom.text("source")
    assert any("Licence Ouverte" in text for _, text in dom.links)


def test_deliberation_page_text_sections(server: RunningServer) -> None:
    reply = fetch(server.url(ACT), accept=HTML)
    assert "Vote des taux d&#x27;imposition des taxes foncières" in reply.text
    dom = Dom(reply.text)
    assert "Nadia BENALI" in dom.text("absent-list")
    assert "Paul GIRARD (pouvoir à Hélène MARCHAND)" in dom.text("represented-list")


def test_deliberation_json_ld_is_schema_legislation(server: RunningServer) -> None:
    dom = page(server, ACT)
    (document,) = dom.json_ld()
    graph = Graph().parse(data=document, format="json-ld")
    act = URIRef(server.url(ACT))
    assert (act, None, SCHEMA.Legislation) in graph
    assert str(graph.value(act, URIRef(str(SCHEMA.name)))).startswith("Finances")


def test_person_page_attendance_proxies_votes(server: RunningServer) -> None:
    dom = page(server, GIRARD)
    rows = dom.rows("attendance")
    assert len(rows) == 7  # one row per deliberation of the three séances
    # the deliberations themselves: the council's statistics graph, which names the person
    # too, is no deliberation
    assert [row[1] for row in rows] == [
        "2023-014", "2023-015", "2023-016", "2023-031", "2023-032", "2024-003", "2024-004",
    ]  # fmt: skip
    assert not [href for href, _ in dom.links if "/statistics" in href]
    represented = [row for row in rows if row[3].startswith("représenté·e")]
    assert len(represented) == 5
    assert "représenté·e par Hélène MARCHAND" in {row[3] for row in represented}
    assert "représenté·e par Marc DUBOIS" in {row[3] for row in represented}
    assert "pour (exprimé par Hélène MARCHAND)" in {row[4] for row in rows}
    holder = page(server, MARCHAND)
    givers = {row[2] for row in holder.rows("proxies")}
    assert givers == {"Paul GIRARD", "Sophie LEROY"}


def test_seance_page_lists_its_deliberations(server: RunningServer) -> None:
    dom = page(server, SEANCE)
    numbers = [row[0] for row in dom.rows("deliberations")]
    assert numbers == ["2023-014", "2023-015", "2023-016"]


def test_pages_link_to_each_other_and_every_link_resolves(server: RunningServer) -> None:
    for path in (ACT, GIRARD, SEANCE, ""):
        dom = page(server, path)
        internal = {
            href.replace("&amp;", "&") for href, _ in dom.links if href.startswith(server.base)
        }
        assert len(internal) > 5
        for href in internal:
            assert fetch(href, accept=BROWSER_ACCEPT).status in (200, 303), (path, href)


def test_home_page_lists_every_deliberation(server: RunningServer) -> None:
    dom = page(server, "")
    assert len(dom.rows("deliberations")) == 7


def test_generic_page_for_a_body(server: RunningServer) -> None:
    dom = page(server, "id/authority/219990001/body/conseil-municipal")
    properties = {row[0] for row in dom.rows("properties")}
    assert {"rdf:type", "skos:prefLabel", "org:subOrganizationOf"} <= properties
    assert len(dom.rows("incoming")) > 10


def test_licence_and_source_on_every_page(server: RunningServer) -> None:
    for path in (ACT, GIRARD, SEANCE, "", "sparql", "dumps/"):
        reply = fetch(server.url(path), accept=HTML)
        assert "Licence Ouverte" in reply.text, path
        assert "<footer>" in reply.text
