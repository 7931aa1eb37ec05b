"""``/sparql``: a query editor for people who do not write SPARQL by heart.

The page offers the library's queries (``queries/*.rq``, through :mod:`delibgraph.querylib`)
as examples, runs the query against ``/query`` with a small inline script and shows the rows
as a table, with a CSV download link. Without JavaScript the form still works: it submits to
``/sparql?query=…`` and the server runs the query and renders the same table.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from delibgraph.querylib import StoredQuery, list_queries
from delibgraph.store import QueryResult, Term

from .html import esc, page
from .pages import footer
from .state import server_state
from .workers import QueryFailed, QueryRequest

_SCRIPT = Path(__file__).resolve().parent / "templates" / "query_page.js"


@cache
def _script() -> str:
    return _SCRIPT.read_text(encoding="utf-8")


def _examples() -> list[StoredQuery]:
    return list_queries()


async def query_page(request: Request) -> Response:
    state = server_state(request)
    root = state.root
    examples = await run_in_threadpool(_examples)
    chosen = request.query_params.get("example")
    query = request.query_params.get("query")
    selected = next((q for q in examples if q.name == chosen), examples[0] if examples else None)
    text = query if query is not None else (selected.text if selected else "")
    results_html, error = "", ""
    if query:
        try:
            answer = await run_in_threadpool(state.pool.run, QueryRequest(query))
            if answer.kind == "graph":
                error = "CONSTRUCT / DESCRIBE : voir le résultat RDF par le lien de téléchargement."
            else:
                results_html = results_table(answer.result)
        except QueryFailed as failure:
            error = failure.message
    options = "".join(
        f'<option value="{esc(q.name)}"{" selected" if q is selected else ""}>'
        f"{esc(q.title)}</option>"
        for q in examples
    )
    data = {
        q.name: {"title": q.title, "description": _describe(q), "text": q.text} for q in examples
    }
    endpoint = f"{root}query"
    csv_href = f"{endpoint}?format=csv&query={quote(text)}"
    hidden = "" if query else " hidden"
    body = f"""
<p>Choisissez une question de la bibliothèque ou écrivez une requête SPARQL, puis exécutez-la.
Le graphe par défaut est l'union des graphes (un graphe nommé par délibération, un de
statistiques précalculées par organe) ; les préfixes
<code>eli:</code>, <code>dlg:</code>, <code>opengov:</code>, <code>foaf:</code>… sont déclarés.
Point d'accès : <code>{esc(endpoint)}</code>.</p>
<form id="query-form" method="get" action="{esc(root)}sparql" data-endpoint="{esc(endpoint)}">
<p><label for="example">Exemples :</label>
<select id="example" name="example">{options}</select></p>
<p id="example-description" class="muted">{esc(_describe(selected) if selected else "")}</p>
<p><textarea id="query" name="query" rows="18" spellcheck="false">{esc(text)}</textarea></p>
<p><button id="run" type="submit">Exécuter</button>
<a id="csv" href="{esc(csv_href)}" download="resultats.csv"{hidden}>Télécharger en CSV</a>
<span id="status" class="muted"></span></p>
</form>
<p id="error">{esc(error)}</p>
<div id="results">{results_html}</div>
<script type="application/json" id="examples-data">{_json_for_script(data)}</script>
"""
    return page(
        root=root,
        title="Requêtes SPARQL",
        body=body,
        footer=footer(root, state.info),
        script=f"<script>\n{_script()}</script>",
    )


def _describe(query: StoredQuery) -> str:
    parameters = "; ".join(
        f"?{p.name} ({p.type}{', défaut : ' + p.default if p.default else ''}) {p.description}"
        for p in query.parameters
    )
    return query.description + (f" Paramètres : {parameters}" if parameters else "")


def _json_for_script(data: object) -> str:
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def results_table(result: QueryResult) -> str:
    """The rows as the table the script builds (same ids), rendered by the server."""
    if result.boolean is not None:
        return f'<p id="boolean-result">{"true" if result.boolean else "false"}</p>'
    head = "".join(f"<th>{esc(name)}</th>" for name in result.variables)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_cell(term)}</td>" for term in row) + "</tr>\n"
        for row in result.rows
    )
    return (
        f'<table id="results-table"><thead><tr>{head}</tr></thead><tbody>\n{rows}</tbody></table>'
        f'<p class="muted">{len(result.rows)} ligne(s)</p>'
    )


def _cell(term: Term | None) -> str:
    if term is None:
        return ""
    if term.kind == "iri":
        return f'<a href="{esc(term.value)}">{esc(term.value)}</a>'
    return esc(f"_:{term.value}" if term.kind == "bnode" else term.value)
