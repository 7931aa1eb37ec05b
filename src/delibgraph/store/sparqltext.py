"""SPARQL text for a remote endpoint: declared prefixes, bound parameters, a local syntax check.

A remote store cannot take Oxigraph's ``substitutions``: parameters travel in the query text,
as a trailing ``VALUES`` block (SPARQL 1.1 §10.2.2) whose terms are written by Oxigraph's own
serialiser, so every IRI and literal is checked and escaped — a user's string can never close
the block or add an operation. The query is parsed by an in-memory Oxigraph first, so that a
malformed query or a parameter the query does not project fails the same way, with the same
line and column, on every backend.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

import pyoxigraph as ox

from delibgraph.errors import QueryError, StoreError
from delibgraph.store.convert import from_term
from delibgraph.store.embedded import syntax_error
from delibgraph.store.results import Term
from delibgraph.vocab import PREFIXES

_DECLARED = re.compile(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*)?:")
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SERVICE = re.compile(r"(?i)\bSERVICE\b")

_CHECKER = ox.Store()  # empty and in memory: parsing and planning only, no data


def with_prefixes(query: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """``query`` with a ``PREFIX`` line (one line in all) for each usual prefix it leaves out."""
    declared = {match or "" for match in _DECLARED.findall(query)}
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in prefixes.items() if p not in declared]
    return (" ".join(missing) + "\n" + query) if missing else query


def values_clause(substitutions: Mapping[str, Term]) -> str:
    """A trailing ``VALUES (?a ?b) { (<…> "…") }`` block binding each variable to its term."""
    if not substitutions:
        return ""
    names: list[str] = []
    terms: list[str] = []
    for name, term in substitutions.items():
        if not _VARIABLE.match(name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
        if term.kind not in {"iri", "literal"}:
            raise QueryError(f"?{name}: only an IRI or a literal can be bound, not a {term.kind}")
        try:
            terms.append(str(from_term(term)))
        except StoreError as exc:
            raise QueryError(f"?{name}: {exc.reason}") from exc
        names.append(f"?{name}")
    return f"\nVALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}\n"


QueryForm = Literal["SELECT", "ASK", "CONSTRUCT"]


def check_query(query: str, substitutions: Mapping[str, Term] | None = None) -> QueryForm | None:
    """Raise :class:`QueryError` (with line and column) if Oxigraph cannot parse ``query``,
    or if a substituted variable is not projected by its ``SELECT``.

    Returns the query's form (``CONSTRUCT`` also for ``DESCRIBE``), or None when it was not
    checked (a federated query: evaluating it here would call the remote service).
    """
    if _SERVICE.search(query):
        return None
    bindings: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(name): from_term(term) for name, term in (substitutions or {}).items()
    }
    try:
        answer = _CHECKER.query(
            query.rstrip(),
            prefixes=PREFIXES,
            use_default_graph_as_union=True,
            substitutions=bindings or None,
        )
    except SyntaxError as exc:
        raise syntax_error(exc, "SPARQL query") from exc
    except RuntimeError as exc:
        if bindings:
            raise QueryError(f"the query cannot run: {exc}") from exc
        return None
    if isinstance(answer, ox.QueryBoolean):
        return "ASK"
    if isinstance(answer, ox.QueryTriples):
        return "CONSTRUCT"
    return "SELECT"
