"""Where a SPARQL 1.1 endpoint is and how to log in: :class:`EndpointConfig`, and HTTP calls.

One URL gives the three services the way Oxigraph's server lays them out — ``URL/query``,
``URL/update``, ``URL/store`` (Graph Store HTTP Protocol) — and each can be set apart (e.g.
Virtuoso: ``/sparql-auth`` for both queries and updates, ``/sparql-graph-crud-auth`` for the
graph store, digest authentication).

Credentials come from the environment only, never from the command line (where ``ps`` and
shell histories would show them): ``DELIBGRAPH_ENDPOINT_USER``,
``DELIBGRAPH_ENDPOINT_PASSWORD`` and ``DELIBGRAPH_ENDPOINT_AUTH`` (``basic``, the default, or
``digest``). A URL carrying ``user:password@`` is refused for the same reason.
"""

from __future__ import annotations

import base64
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from delibgraph.errors import StoreError, UsageError

ENDPOINT_ENV = "DELIBGRAPH_ENDPOINT"
USER_ENV = "DELIBGRAPH_ENDPOINT_USER"
PASSWORD_ENV = "DELIBGRAPH_ENDPOINT_PASSWORD"
AUTH_ENV = "DELIBGRAPH_ENDPOINT_AUTH"

AuthScheme = Literal["basic", "digest"]
_AUTH_SCHEMES: tuple[AuthScheme, ...] = ("basic", "digest")
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class EndpointConfig:
    """The URLs of one SPARQL 1.1 service and its credentials.

    ``graph_prefix`` limits the store to the named graphs whose IRI starts with it (a
    production endpoint holds other data, and Virtuoso its own system graphs): listing,
    counting and exporting see only those.
    """

    query_url: str
    update_url: str
    graph_store_url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    auth: AuthScheme = "basic"
    graph_prefix: str = ""
    timeout: float = 300.0

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        query_url: str | None = None,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        graph_prefix: str = "",
        environ: Mapping[str, str] | None = None,
    ) -> EndpointConfig:
        """Services under ``url`` (Oxigraph's layout) unless given; credentials from
        ``environ`` (default: the process environment)."""
        base = _checked_url(url, "--endpoint").rstrip("/")
        env = os.environ if environ is None else environ
        user = env.get(USER_ENV) or None
        password = env.get(PASSWORD_ENV)
        auth = (env.get(AUTH_ENV) or "basic").strip().lower()
        if auth not in _AUTH_SCHEMES:
            raise UsageError(f"${AUTH_ENV} must be basic or digest, not {auth!r}")
        if user is not None and password is None:
            raise UsageError(f"${USER_ENV} is set but ${PASSWORD_ENV} is not")
        return cls(
            query_url=_checked_url(query_url, "--query-url") if query_url else f"{base}/query",
            update_url=_checked_url(update_url, "--update-url") if update_url else f"{base}/update",
            graph_store_url=(
                _checked_url(graph_store_url, "--graph-store-url")
                if graph_store_url
                else f"{base}/store"
            ),
            user=user,
            password=password if user else None,
            auth="digest" if auth == "digest" else "basic",
            graph_prefix=graph_prefix,
        )

    def graph_url(self, graph_iri: str) -> str:
        """The graph store URL of one named graph (``?graph=<encoded IRI>``)."""
        separator = "&" if "?" in self.graph_store_url else "?"
        return f"{self.graph_store_url}{separator}graph={urllib.parse.quote(graph_iri, safe='')}"


def _checked_url(url: str, option: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise UsageError(f"{option}: expected an http:// or https:// URL, not {url!r}")
    if parts.username is not None or parts.password is not None:
        raise UsageError(
            f"{option}: credentials do not go in the URL; set ${USER_ENV} and ${PASSWORD_ENV}"
        )
    return url


class HttpClient:
    """Plain HTTP requests to the graph store, with the configured authentication."""

    def __init__(self, config: EndpointConfig) -> None:
        self.config = config
        handlers: list[urllib.request.BaseHandler] = []
        if config.user is not None and config.auth == "digest":
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, config.graph_store_url, config.user, config.password or "")
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        self._opener = urllib.request.build_opener(*handlers)

    def request(
        self, method: str, url: str, body: bytes | None = None, *, content_type: str | None = None
    ) -> int:
        """Send one request; returns the status. An HTTP error raises :class:`StoreError`."""
        request = urllib.request.Request(url, data=body, method=method)
        if content_type is not None:
            request.add_header("Content-Type", content_type)
        if self.config.user is not None and self.config.auth == "basic":
            token = f"{self.config.user}:{self.config.password or ''}".encode()
            request.add_header("Authorization", "Basic " + base64.b64encode(token).decode("ascii"))
        try:
            with self._opener.open(request, timeout=self.config.timeout) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as exc:
            raise http_error(exc.code, exc.read(), f"{method} {url}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise unreachable(url, exc) from exc


def http_error(status: int, body: bytes, what: str) -> StoreError:
    """A refused request as a :class:`StoreError` that says why (the server's words)."""
    if status in {401, 403}:
        return StoreError(
            f"{what}: the endpoint refused the credentials (HTTP {status}); "
            f"set ${USER_ENV} and ${PASSWORD_ENV} (and ${AUTH_ENV}=digest if it asks for it)"
        )
    return StoreError(f"{what}: HTTP {status}: {server_message(body)}")


def server_message(body: bytes) -> str:
    """The gist of an error page: tags dropped, whitespace collapsed, at most 300 characters."""
    text = " ".join(_TAGS.sub(" ", body.decode("utf-8", errors="replace")).split())
    return text[:300] or "no message"


def unreachable(url: str, exc: BaseException) -> StoreError:
    reason = getattr(exc, "reason", None) or exc
    return StoreError(f"cannot reach the SPARQL endpoint {url}: {reason}")
