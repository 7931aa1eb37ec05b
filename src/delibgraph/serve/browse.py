"""The home page (every deliberation, the services) and the page of any other resource
(its properties and the resources that link to it)."""

from __future__ import annotations

from starlette.responses import HTMLResponse

from delibgraph.publish.metadata import PublicationInfo
from delibgraph.store import Store, Term
from delibgraph.vocab import PREFIXES

from .describe import Statement
from .html import bullet_list, definitions, esc, link, page, table
from .labels import label_of
from .negotiation import RDF_FORMATS, alternates
from .page_data import PROLOGUE
from .pages import footer, fr_date, rdf_links

_DELIBERATIONS = (
    PROLOGUE
    + """
SELECT ?act ?number ?date ?title ?seance ?result ?authority WHERE { GRAPH ?g {
  ?act eli:type_document dlg:DeliberationDocument .
  OPTIONAL { ?act eli:number ?number } OPTIONAL { ?act eli:date_document ?date }
  OPTIONAL { ?expression eli:realizes ?act ; eli:title ?title }
  OPTIONAL { ?event prov:generated ?act .
             OPTIONAL { ?event schema:superEvent ?seance }
             OPTIONAL { ?event opengov:result ?result } }
  OPTIONAL { ?act eli:passed_by/org:subOrganizationOf/skos:prefLabel ?authority }
} } ORDER BY DESC(?date) ?number
"""
)


def shorten(iri: str) -> str:
    """``eli:number`` for a known namespace, else the IRI."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def home_page(store: Store, root: str, info: PublicationInfo) -> HTMLResponse:
    rows = []
    for record in store.query(_DELIBERATIONS).records():
        act = str(record["act"])
        seance = record["seance"]
        rows.append(
            (
                esc(fr_date(record["date"])),
                link(act, str(record["number"] or act)),
                esc(record["title"] or ""),
                link(str(seance), "séance") if seance else "",
                esc(label_of(str(record["result"])) if record["result"] else ""),
                esc(record["authority"] or ""),
            )
        )
    services = bullet_list(
        [
            f"{link(root + 'sparql', 'Requêtes SPARQL')} (éditeur, exemples, export CSV) — "
            f"point d'accès {link(root + 'query', root + 'query')}",
            f"{link(root + 'catalog', 'Catalogue DCAT-AP')} et "
            f"{link(root + '.well-known/void', 'description VoID')}",
            f"{link(root + 'feed', 'Flux LDES des versions des actes')}",
            f"{link(root + 'dumps/', 'Téléchargements')} (N-Quads, Turtle, SCDL CSV)",
        ]
    )
    body = [
        f"<p>{esc(info.description)}</p>",
        "<h2>Services</h2>",
        services,
        f'<h2 id="deliberations">Délibérations ({len(rows)})</h2>',
        table(
            ("date", "n°", "objet", "séance", "résultat", "collectivité"),
            rows,
            element_id="deliberations",
        ),
    ]
    return page(
        root=root,
        title=info.title,
        body="\n".join(body),
        footer=footer(root, info, "registres des délibérations des collectivités"),
        alternates={"text/turtle": f"{root}catalog"},
    )


def _value(statement: Statement) -> str:
    value: Term = statement.value
    if value.kind == "iri":
        return link(value.value, statement.label or value.value)
    if value.kind == "bnode":
        return f"<code>_:{esc(value.value)}</code>"
    suffix = f' <span class="muted">@{esc(value.language)}</span>' if value.language else ""
    return esc(value.value) + suffix


def resource_page(
    root: str,
    info: PublicationInfo,
    iri: str,
    types: set[str],
    statements: list[Statement],
    incoming: list[Statement],
) -> HTMLResponse:
    """Any resource: its types, its property values, who links to it."""
    title = next(
        (
            s.value.value
            for s in statements
            if s.value.kind == "literal" and shorten(s.predicate) in _TITLE_PROPERTIES
        ),
        iri.rstrip("/").rsplit("/", 1)[-1],
    )
    rows = [(esc(shorten(s.predicate)), _value(s)) for s in statements]
    linking = [
        (link(s.value.value, s.label or s.value.value), esc(shorten(s.predicate))) for s in incoming
    ]
    body = [
        definitions([("Types", ", ".join(esc(shorten(t)) for t in sorted(types)) or None)]),
        "<h2>Propriétés</h2>",
        table(("propriété", "valeur"), rows, element_id="properties"),
        f"<h2>Liens entrants ({len(linking)})</h2>",
        table(("ressource", "par"), linking, element_id="incoming")
        if linking
        else '<p class="muted">—</p>',
        rdf_links(iri),
    ]
    return page(
        root=root,
        title=str(title),
        body="\n".join(body),
        footer=footer(root, info),
        alternates=alternates(iri, RDF_FORMATS),
    )


_TITLE_PROPERTIES = frozenset(
    {"foaf:name", "skos:prefLabel", "eli:title", "dcterms:title", "rdfs:label", "schema:name"}
)
