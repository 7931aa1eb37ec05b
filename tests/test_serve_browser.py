"""A real browser (headless Chromium) on the pages and the query page."""

from __future__ import annotations

import csv
import io
import urllib.parse

import pytest

from browser import WebDriver, dump_dom
from html_dom import Dom
from serve_support import RunningServer, examples_server, fetch, free_port

ACT = "eli/deliberation/219990001/2023/03/14/2023-014"
GIRARD = "id/authority/219990001/person/girard-paul"
MEMBERS = 15


@pytest.fixture(scope="module")
def server() -> RunningServer:
    return examples_server()


def test_deliberation_page_in_chromium(server: RunningServer) -> None:
    dom = Dom(dump_dom(server.url(ACT)))
    assert "Vote des taux d'imposition des taxes foncières" in dom.text("title")
    assert "Hélène MARCHAND" in dom.text("present-list")
    assert "Paul GIRARD (pouvoir à Hélène MARCHAND)" in dom.text("represented-list")
    assert "Nadia BENALI" in dom.text("absent-list")
    votes = {row[0]: row[1] for row in dom.rows("votes")}
    assert votes["Julien FAURE"] == "contre" and votes["Karim HADDAD"] == "abstention"
    assert len(dom.json_ld()) == 1
    alternates = {link["type"] for link in dom.link_elements if link.get("rel") == "alternate"}
    assert "text/turtle" in alternates and "application/ld+json" in alternates


def test_person_page_in_chromium(server: RunningServer) -> None:
    dom = Dom(dump_dom(server.url(GIRARD)))
    rows = dom.rows("attendance")
    assert len(rows) == 7
    assert {row[0] for row in rows} == {
        "séance du 14/03/2023",
        "séance du 27/06/2023",
        "séance du 06/02/2024",
    }


def test_query_page_without_javascript_renders_results(server: RunningServer) -> None:
    query = "SELECT ?name WHERE { ?p a <http://www.w3.org/ns/person#Person> ; foaf:name ?name }"
    dom = Dom(dump_dom(server.url("sparql") + "?" + urllib.parse.urlencode({"query": query})))
    names = {row[0] for row in dom.rows("results-table")}
    assert len(names) == MEMBERS and "Paul GIRARD" in names


def test_query_page_runs_an_example_and_offers_csv(server: RunningServer) -> None:
    with WebDriver(free_port()) as browser:
        browser.get(server.url("sparql"))
        option = browser.find('#example option[value="attendance-by-member"]')
        browser.click(option)
        text = browser.script("return document.getElementById('query').value;")
        assert "Attendance rate per member" in text
        browser.click(browser.find("#run"))
        rows = browser.wait_for("#results-table tbody tr")
        assert len(rows) == MEMBERS
        first_cells = browser.script(
            "return Array.from(document.querySelectorAll('#results-table tbody tr'))"
            ".map(r => r.cells[0].textContent + ' | ' + r.textContent);"
        )
        assert any("Paul GIRARD" in cells for cells in first_cells)
        assert browser.text(browser.find("#status")) == f"{MEMBERS} ligne(s)"
        csv_link = browser.attribute(browser.find("#csv"), "href")
        assert csv_link is not None
    reply = fetch(csv_link)
    assert reply.status == 200 and reply.content_type == "text/csv"
    table = list(csv.reader(io.StringIO(reply.text)))
    assert len(table) == MEMBERS + 1


def test_query_page_shows_the_error_of_a_bad_query(server: RunningServer) -> None:
    with WebDriver(free_port()) as browser:
        browser.get(server.url("sparql"))
        browser.script("document.getElementById('query').value = 'SELECT ?x WHERE {';")
        browser.click(browser.find("#run"))
        browser.wait_for("#error:not(:empty)")
        assert browser.text(browser.find("#error")).startswith("400")
