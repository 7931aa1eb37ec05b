"""``/dumps/``: the latest N-Quads (gzipped) and Turtle dumps with their SHA-256 checksums,
and ``/exports/deliberations.csv``, the SCDL export.

The files are written at start-up (:func:`delibgraph.publish.dumps.write_files`). Each is
served with its SHA-256 as ETag (and in ``/dumps/SHA256SUMS``, the format of ``sha256sum``);
``/dumps/`` lists them as HTML or JSON.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from delibgraph.publish.dumps import CHECKSUMS_FILE

from .errors import error_response
from .html import esc, link, page, table
from .negotiation import HTML, Format, negotiate
from .pages import footer
from .state import ServerState, server_state

JSON_INDEX = Format("json", "application/json")


def _listing(state: ServerState) -> list[dict[str, object]]:
    return [
        {
            "name": f.name,
            "url": f"{state.root}{f.route}",
            "title": f.title,
            "media_type": f.media_type,
            "compression": f.compression,
            "byte_size": f.byte_size,
            "sha256": f.sha256,
            "modified": state.facts.modified.isoformat() if state.facts.modified else None,
        }
        for f in state.files
    ]


async def dumps_index(request: Request) -> Response:
    state = server_state(request)
    chosen = negotiate(request, (HTML, JSON_INDEX)) or HTML
    listing = _listing(state)
    if chosen is JSON_INDEX:
        return JSONResponse({"files": listing, "checksums": f"{state.root}dumps/{CHECKSUMS_FILE}"})
    rows = [
        (
            link(str(item["url"]), str(item["name"])),
            esc(item["title"]),
            esc(item["media_type"]),
            f'<span class="number">{item["byte_size"]}</span>',
            f"<code>{esc(item['sha256'])}</code>",
        )
        for item in listing
    ]
    body = (
        table(("fichier", "contenu", "type", "octets", "SHA-256"), rows, element_id="files")
        + f"<p>{link(state.root + 'dumps/' + CHECKSUMS_FILE, CHECKSUMS_FILE)} "
        "(vérifier avec <code>sha256sum -c SHA256SUMS</code>) — "
        f"{link(state.root + 'catalog', 'catalogue DCAT')}</p>"
    )
    return page(
        root=state.root,
        title="Téléchargements",
        body=body,
        footer=footer(state.root, state.info),
    )


def _serve(request: Request, route: str) -> Response:
    state = server_state(request)
    published = state.file(route)
    if published is None:
        if route == f"dumps/{CHECKSUMS_FILE}" and state.files:
            path = state.files[0].path.parent / CHECKSUMS_FILE
            return FileResponse(path, media_type="text/plain; charset=utf-8")
        return error_response(request, 404, f"no file {route}; see {state.root}dumps/")
    etag = f'"{published.sha256}"'
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers={"ETag": etag})
    return FileResponse(
        published.path,
        media_type=published.served_as,
        filename=published.name,
        headers={"ETag": etag, "Cache-Control": "no-cache"},
    )


async def dump_file(request: Request) -> Response:
    return _serve(request, f"dumps/{request.path_params['name']}")


async def export_file(request: Request) -> Response:
    return _serve(request, f"exports/{request.path_params['name']}")
