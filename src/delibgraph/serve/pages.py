"""HTML pages of the deliberation, the person and the séance.

Each page links to the other pages (persons, séance, body, deliberations), to its RDF
representations (``<link rel="alternate">`` and visible links), embeds schema.org JSON-LD,
and shows the licence and the source of its data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from starlette.responses import HTMLResponse

from delibgraph.publish.metadata import PublicationInfo
from delibgraph.publish.versions import Version
from delibgraph.vocab import SCHEMA_NS

from .html import bullet_list, definitions, esc, json_ld_script, link, page, table
from .labels import label_of, vote_option
from .negotiation import RDF_FORMATS, alternates
from .page_data import DeliberationView, Link, PersonView, SeanceView

_SCHEMA_CONTEXT = {"@vocab": SCHEMA_NS}
_COUNT_ORDER = ("YesCount", "NoCount", "AbstainCount", "NotTakingPartCount")


def fr_date(value: object) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value) if value is not None else ""


def footer(root: str, info: PublicationInfo, source: str = "") -> str:
    """Licence, publisher and source of the data shown."""
    parts = [
        f"Licence : {link(info.licence, info.licence_label)}",
        f"Publication : {esc(info.publisher)}",
    ]
    if source:
        parts.append(f"Source : {source}")
    parts.append(f"{link(root + 'catalog', 'catalogue DCAT')} · {link(root + 'sparql', 'SPARQL')}")
    return "<p>" + " — ".join(parts) + "</p>"


def rdf_links(iri: str) -> str:
    formats = " · ".join(link(f"{iri}?format={f.name}", f.name) for f in RDF_FORMATS)
    return f'<p class="muted">RDF : {formats} — IRI <code>{esc(iri)}</code></p>'


def _alternates(iri: str) -> Mapping[str, str]:
    return alternates(iri, RDF_FORMATS)


def _person_link(person: Link) -> str:
    return link(person.iri, person.label)


# --------------------------------------------------------------------------- deliberation


def deliberation_page(
    root: str, info: PublicationInfo, view: DeliberationView, versions: Sequence[Version]
) -> HTMLResponse:
    number = view.text("number") or view.act
    title = view.text("title") or ""
    seance = view.link("seance", "seanceDate")
    seance_html = (
        link(seance.iri, f"{label_of(view.text('kind'))} du {fr_date(view.values['seanceDate'])}")
        if seance
        else None
    )
    facts = definitions(
        [
            ("Collectivité", _maybe(view.link("authority", "authorityName"))),
            ("Organe", _maybe(view.link("body", "bodyName"))),
            ("Séance", seance_html),
            ("Lieu", esc(view.text("place") or "")),
            ("Mode", esc(label_of(view.text("mode")))),
            ("Président(e) de séance", _maybe(view.link("chair", "chairName"))),
            ("Thème", _maybe(view.link("theme", "themeName"))),
            ("Rapporteur", _maybe(view.link("rapporteur", "rapporteurName"))),
            ("Date de l'acte", esc(fr_date(view.values.get("date")))),
            ("Publication", esc(fr_date(view.values.get("published")))),
            ("Réception en préfecture", esc(fr_date(view.values.get("received")))),
            ("Identifiant ACTES", esc(view.text("actes") or "")),
            ("Membres en exercice", esc(view.text("inOffice") or "")),
        ]
    )
    represented = [
        f"{_person_link(giver)} (pouvoir à {_person_link(holder)})"
        if holder
        else f"{_person_link(giver)} (procuration, titulaire non nommé)"
        for giver, holder in view.represented
    ]
    absent = [
        f"{_person_link(person)}{' (excusé·e)' if excused else ''}"
        for person, excused in view.absent
    ]
    body = [
        f'<p class="lead" id="title">{esc(title)}</p>',
        facts,
        f'<h2 id="present">Présents ({len(view.present)})</h2>',
        bullet_list(
            [_person_link(p) for p in view.present], css_class="names", element_id="present-list"
        ),
        f'<h2 id="represented">Représentés ({len(view.represented)})</h2>',
        bullet_list(represented, css_class="names", element_id="represented-list"),
        f'<h2 id="absent">Absents ({len(view.absent)})</h2>',
        bullet_list(absent, css_class="names", element_id="absent-list"),
    ]
    if view.not_voting:
        body.append(f"<h2>Ne prennent pas part au vote ({len(view.not_voting)})</h2>")
        body.append(
            bullet_list(
                [_person_link(p) for p in view.not_voting],
                css_class="names",
                element_id="not-voting-list",
            )
        )
    body.append(_vote_section(view))
    if view.text("reasoning"):
        body.append("<h2>Exposé</h2>")
        paragraphs = (view.text("reasoning") or "").split("\n\n")
        body.append("".join(f"<p>{esc(p)}</p>" for p in paragraphs))
    body.append(f'<h2 id="decisions">Décisions ({len(view.decisions)})</h2>')
    body.append("<ol>" + "".join(f"<li>{esc(d)}</li>" for d in view.decisions) + "</ol>")
    if view.annexes:
        body.append("<h2>Annexes</h2>" + bullet_list([esc(a) for a in view.annexes]))
    body.append(_source_section(view, versions))
    body.append(rdf_links(view.act))
    source = esc(view.text("fileName") or "registre des délibérations")
    return page(
        root=root,
        title=f"Délibération {number}",
        heading=f"Délibération n° {number}",
        body="\n".join(body),
        footer=footer(root, info, source),
        alternates=_alternates(view.act),
        head=json_ld_script(_legislation_json_ld(view, info)),
    )


def _maybe(target: Link | None) -> str | None:
    return link(target.iri, target.label) if target else None


def _vote_section(view: DeliberationView) -> str:
    result = label_of(view.text("result"))
    unanimous = view.values.get("unanimous")
    facts = definitions(
        [
            ("Résultat", esc(result)),
            ("Mode de scrutin", esc(label_of(view.text("method")))),
            ("Unanimité", esc("oui" if unanimous is True else "non" if unanimous is False else "")),
        ]
    )
    counts = [
        (esc(label_of(iri)), f'<span class="number">{n}</span>')
        for suffix in _COUNT_ORDER
        for iri, n in view.counts.items()
        if iri.endswith(suffix)
    ]
    rows = [
        (
            _person_link(vote.person),
            f'<span class="vote-{esc(vote.option.split()[0])}">{esc(vote_option(vote.option))}'
            "</span>",
            _person_link(vote.cast_by) if vote.cast_by else "",
            esc(label_of(vote.derived_by)) if vote.derived_by else "déclaré dans le registre",
        )
        for vote in view.votes
    ]
    parts = ['<h2 id="vote">Vote</h2>', facts]
    if counts:
        parts.append(table(("option", "voix"), counts, element_id="counts"))
    if rows:
        parts.append(f"<h3>Votes nominatifs ({len(rows)})</h3>")
        parts.append(
            table(("membre", "vote", "exprimé par", "établi par"), rows, element_id="votes")
        )
    return "\n".join(parts)


def _source_section(view: DeliberationView, versions: Sequence[Version]) -> str:
    items = definitions(
        [
            ("Fichier source", esc(view.text("fileName") or "")),
            (
                "SHA-256",
                f"<code>{esc(view.text('sha256'))}</code>" if view.text("sha256") else None,
            ),
            ("Ingéré le", esc(view.text("ingested") or "")),
            ("Graphe nommé", f"<code>{esc(view.graph)}</code>"),
        ]
    )
    history = [
        f"{link(v.iri, v.timestamp.strftime('%Y-%m-%d %H:%M:%S UTC'))} "
        f"<code>{esc(v.digest[:12])}</code>"
        for v in versions
    ]
    return (
        '<section id="source"><h2>Source et versions</h2>'
        + items
        + bullet_list(history, element_id="versions")
        + "</section>"
    )


def _legislation_json_ld(view: DeliberationView, info: PublicationInfo) -> dict[str, object]:
    document: dict[str, object] = {
        "@context": _SCHEMA_CONTEXT,
        "@type": "Legislation",
        "@id": view.act,
        "url": view.act,
        "name": view.text("title"),
        "legislationIdentifier": view.text("number"),
        "legislationType": "délibération",
        "inLanguage": "fr",
        "license": info.licence,
    }
    if view.values.get("date"):
        document["legislationDate"] = view.text("date")
    if view.values.get("published"):
        document["datePublished"] = view.text("published")
    body = view.link("body", "bodyName")
    if body:
        document["legislationPassedBy"] = {
            "@id": body.iri,
            "@type": "Organization",
            "name": body.label,
        }
    authority = view.link("authority", "authorityName")
    if authority:
        document["legislationJurisdiction"] = authority.label
    theme = view.text("themeName")
    if theme:
        document["about"] = theme
    return {key: value for key, value in document.items() if value is not None}


# --------------------------------------------------------------------------- person

_ROLE_LABELS = {
    "present": "présent·e",
    "represented": "représenté·e",
    "absent": "absent·e",
    "excused": "excusé·e",
}


def person_page(root: str, info: PublicationInfo, view: PersonView) -> HTMLResponse:
    tally = {role: sum(1 for e in view.entries if e.role == role) for role in _ROLE_LABELS}
    summary = definitions(
        [
            ("Fonctions", esc(", ".join(view.posts)) if view.posts else None),
            ("Délibérations", str(len(view.entries))),
            *((label, str(tally[role])) for role, label in _ROLE_LABELS.items()),
            ("Procurations reçues", str(len(view.received))),
        ]
    )
    rows = []
    for entry in view.entries:
        presence = _ROLE_LABELS.get(entry.role, entry.role)
        if entry.role == "represented" and entry.other:
            presence += f" par {_person_link(entry.other)}"
        vote = esc(vote_option(entry.option)) if entry.option else ""
        if entry.not_voting:
            vote = "ne prend pas part au vote"
        if entry.cast_by:
            vote += f" (exprimé par {_person_link(entry.cast_by)})"
        rows.append(
            (
                link(entry.seance.iri, entry.seance.label) if entry.seance else "",
                link(entry.act.iri, entry.act.label),
                esc(entry.title or ""),
                presence,
                vote,
            )
        )
    received = [
        (
            link(p.seance.iri, p.seance.label) if p.seance else "",
            link(p.act.iri, p.act.label),
            _person_link(p.giver),
        )
        for p in view.received
    ]
    body = [
        summary,
        '<h2 id="attendance">Présences et votes, séance par séance</h2>',
        table(
            ("séance", "délibération", "objet", "présence", "vote"), rows, element_id="attendance"
        ),
        f'<h2 id="proxies">Procurations reçues ({len(received)})</h2>',
        table(("séance", "délibération", "de la part de"), received, element_id="proxies")
        if received
        else '<p class="muted">—</p>',
        rdf_links(view.iri),
    ]
    json_ld = {"@context": _SCHEMA_CONTEXT, "@type": "Person", "@id": view.iri}
    json_ld["name"] = view.name
    return page(
        root=root,
        title=view.name,
        body="\n".join(body),
        footer=footer(root, info, "registres des délibérations (voir chaque délibération)"),
        alternates=_alternates(view.iri),
        head=json_ld_script(json_ld),
    )


# --------------------------------------------------------------------------- séance


def seance_page(root: str, info: PublicationInfo, view: SeanceView) -> HTMLResponse:
    values = view.values
    body_link = (
        link(str(values["body"]), str(values.get("bodyName") or values["body"]))
        if values.get("body")
        else None
    )
    chair = (
        link(str(values["chair"]), str(values.get("chairName") or values["chair"]))
        if values.get("chair")
        else None
    )
    kind = label_of(str(values["kind"])) if values.get("kind") else "séance"
    heading = f"{kind[:1].upper()}{kind[1:]} du {fr_date(values.get('date'))}"
    facts = definitions(
        [
            ("Organe", body_link),
            ("Date", esc(fr_date(values.get("date")))),
            ("Lieu", esc(values.get("place") or "")),
            ("Mode", esc(label_of(str(values["mode"]))) if values.get("mode") else None),
            ("Président(e)", chair),
        ]
    )
    rows = [
        (link(act.iri, act.label), esc(title or ""), esc(label_of(result)) if result else "")
        for act, title, result in view.acts
    ]
    body = [
        facts,
        f'<h2 id="deliberations">Délibérations ({len(rows)})</h2>',
        table(("n°", "objet", "résultat"), rows, element_id="deliberations"),
        rdf_links(view.iri),
    ]
    json_ld = {"@context": _SCHEMA_CONTEXT, "@type": "Event", "@id": view.iri}
    json_ld["name"] = heading
    return page(
        root=root,
        title=heading,
        body="\n".join(body),
        footer=footer(root, info, "registres des délibérations de la séance"),
        alternates=_alternates(view.iri),
        head=json_ld_script(json_ld),
    )
