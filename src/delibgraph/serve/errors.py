"""One error body for every HTTP error the server returns.

JSON by default (``{"status": 404, "error": "Not Found", "detail": "…"}``), an HTML page
when the client prefers HTML (a browser following a link), plain text when it asks for text.
The detail says what went wrong and what to do about it.
"""

from __future__ import annotations

import html
import json
from http import HTTPStatus

from starlette.requests import Request
from starlette.responses import Response

from .negotiation import HTML, Format, choose

JSON_ERROR = Format("json", "application/json", ("application/sparql-results+json",))
TEXT_ERROR = Format("text", "text/plain", ("text/csv", "text/tab-separated-values"))


def error_response(
    request: Request, status: int, detail: str, *, headers: dict[str, str] | None = None
) -> Response:
    """An error of ``status`` explained by ``detail``, in the form the client reads best."""
    title = HTTPStatus(status).phrase
    fmt = choose(request.headers.get("accept"), (JSON_ERROR, HTML, TEXT_ERROR)) or JSON_ERROR
    if fmt is HTML:
        body = (
            '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
            f"<title>{status} {html.escape(title)}</title></head><body>"
            f'<h1>{status} {html.escape(title)}</h1><p id="error">{html.escape(detail)}</p>'
            '<p><a href="/">delibgraph</a></p></body></html>\n'
        )
    elif fmt is TEXT_ERROR:
        body = f"{status} {title}: {detail}\n"
    else:
        body = json.dumps({"status": status, "error": title, "detail": detail}, ensure_ascii=False)
    return Response(body, status_code=status, media_type=fmt.content_type, headers=headers)


def not_acceptable(request: Request, offers: tuple[Format, ...]) -> Response:
    wanted = request.query_params.get("format") or request.headers.get("accept") or ""
    available = ", ".join(offer.media_type for offer in offers)
    return error_response(
        request,
        406,
        f"no representation matches {wanted!r}; available: {available} "
        f"(or ?format={'|'.join(offer.name for offer in offers)})",
    )
