"""Plain HTML: a layout (``templates/layout.html``, ``string.Template``), an inline style sheet,
and small builders that escape every value with :func:`html.escape`.

No asset comes from the internet: the style is inline, and the only script (the query page's)
is inline too.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from string import Template

from starlette.responses import HTMLResponse

_TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _template(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def link(iri: str, label: str | None = None) -> str:
    return f'<a href="{esc(iri)}">{esc(label if label is not None else iri)}</a>'


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    element_id: str | None = None,
) -> str:
    """A table; ``rows`` cells are HTML already (escape them with :func:`esc` / :func:`link`)."""
    attributes = f' id="{esc(element_id)}"' if element_id else ""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    return f"<table{attributes}><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>"


def definitions(pairs: Iterable[tuple[str, str | None]]) -> str:
    """A definition list of ``(term, html)``; pairs whose value is None or empty are left out."""
    items = "".join(f"<dt>{esc(term)}</dt><dd>{value}</dd>\n" for term, value in pairs if value)
    return f"<dl>\n{items}</dl>" if items else ""


def bullet_list(
    items: Iterable[str], *, css_class: str | None = None, element_id: str | None = None
) -> str:
    """A list of ``items`` (HTML already); an em dash when there is none."""
    attributes = f' class="{esc(css_class)}"' if css_class else ""
    attributes += f' id="{esc(element_id)}"' if element_id else ""
    content = "".join(f"<li>{item}</li>\n" for item in items)
    return f"<ul{attributes}>\n{content}</ul>" if content else f"<p{attributes}>—</p>"


def json_ld_script(document: Mapping[str, object]) -> str:
    """A ``<script type="application/ld+json">`` block (``<`` escaped so it cannot close it)."""
    text = json.dumps(document, ensure_ascii=False, indent=1).replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def page(
    *,
    root: str,
    title: str,
    body: str,
    footer: str,
    heading: str | None = None,
    alternates: Mapping[str, str] | None = None,
    head: str = "",
    script: str = "",
    status: int = 200,
) -> HTMLResponse:
    """A whole page in the layout; ``alternates`` maps a media type to the URL of that
    representation (``<link rel="alternate">``)."""
    links = "".join(
        f'<link rel="alternate" type="{esc(media_type)}" href="{esc(href)}">\n'
        for media_type, href in (alternates or {}).items()
    )
    text = Template(_template("layout.html")).substitute(
        title=esc(title),
        heading=esc(heading if heading is not None else title),
        root=esc(root),
        head=links + head,
        css=_template("style.css"),
        body=body,
        footer=footer,
        script=script,
    )
    headers = {"Vary": "Accept"} if alternates else None
    return HTMLResponse(text, status_code=status, headers=headers)
