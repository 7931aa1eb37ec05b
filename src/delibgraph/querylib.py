"""The query library: researcher questions stored as ``queries/<name>.rq``, and running them.

Each ``.rq`` file starts with a comment header::

    # title: Attendance rate per member
    # description: For each member of a council, the deliberations where they were present,
    #   represented by proxy or absent, and their attendance rate.
    # parameters: ?body (IRI, default: all) the council to restrict to

A line indented after ``#`` continues the previous key. ``parameters`` is ``none`` or a list
separated by ``;`` (or one per continuation line), each ``?name (type[, default: value])
description``; types are ``IRI``, ``string``, ``integer``, ``decimal``, ``date``, ``boolean``.
A default of ``all`` leaves the variable unbound (no restriction).

:func:`run` accepts a library name, a path to a ``.rq`` file, or SPARQL text. Parameters are
bound with the store's substitutions (SPARQL values, never pasted into the text); a bound
variable must be projected by the query's ``SELECT``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from delibgraph.errors import QueryError
from delibgraph.resources import resource_dir
from delibgraph.store import QueryResult, Store, Term
from delibgraph.vocab import XSD

PARAMETER_TYPES = ("IRI", "string", "integer", "decimal", "date", "boolean")
UNBOUND_DEFAULTS = frozenset({"all", "none", ""})
REQUIRED_KEYS = ("title", "description", "parameters")

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_KEY_LINE = re.compile(r"^#\s?(?P<key>[a-z]+):\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(?P<value>\S.*)$")
_PARAMETER = re.compile(
    r"^\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<spec>[^)]*)\))?\s*(?:[—–-]\s*)?(?P<doc>.*)$"
)
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True, slots=True)
class QueryParameter:
    """A variable the caller may bind; ``default`` None means unbound unless given."""

    name: str
    type: str = "string"
    default: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class StoredQuery:
    """A query with its header. ``path`` is None for SPARQL given as text."""

    name: str
    title: str
    description: str
    parameters: tuple[QueryParameter, ...]
    text: str
    path: Path | None = None

    @property
    def source(self) -> str:
        """Where the query came from, for error messages."""
        return str(self.path) if self.path is not None else "query"

    def parameter(self, name: str) -> QueryParameter | None:
        return next((p for p in self.parameters if p.name == name), None)


# --------------------------------------------------------------------------- headers


def parse_header(text: str, *, source: str = "query") -> dict[str, str]:
    """The ``# key: value`` lines that open a query, continuation lines folded in."""
    header: dict[str, str] = {}
    key: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        continuation = _CONTINUATION.match(line)
        if continuation and key is not None:
            joiner = "\n" if key == "parameters" else " "
            header[key] = f"{header[key]}{joiner}{continuation['value']}".strip()
            continue
        match = _KEY_LINE.match(line)
        if match is None:
            key = None
            continue
        key = match["key"]
        if key in header:
            raise QueryError(f"the header repeats '{key}'", source=source, line=number)
        header[key] = match["value"].strip()
    return header


def parse_parameters(value: str, *, source: str = "query") -> tuple[QueryParameter, ...]:
    """``?body (IRI, default: all) the council; ?year (integer)`` as typed parameters."""
    if value.strip().lower() in {"", "none", "-"}:
        return ()
    items: list[str] = []
    for line in value.split("\n"):
        if line.lstrip().startswith("?") or not items:
            items.extend(part.strip() for part in line.split(";"))
        else:  # a continuation of the previous parameter's description
            items[-1] = f"{items[-1]} {line.strip()}"
    parameters: list[QueryParameter] = []
    for item in filter(None, items):
        match = _PARAMETER.match(item)
        if match is None:
            raise QueryError(f"cannot read the parameter {item!r} in the header", source=source)
        kind, default = "string", None
        for position, part in enumerate(p.strip() for p in (match["spec"] or "").split(",")):
            if part.lower().startswith("default:"):
                default = part.split(":", 1)[1].strip()
            elif position == 0 and part:
                kind = _parameter_type(part, source)
        parameters.append(QueryParameter(match["name"], kind, default, match["doc"].strip()))
    return tuple(parameters)


def _parameter_type(text: str, source: str) -> str:
    for known in PARAMETER_TYPES:
        if text.lower() == known.lower():
            return known
    raise QueryError(
        f"unknown parameter type {text!r}; expected one of {', '.join(PARAMETER_TYPES)}",
        source=source,
    )


def stored_query(text: str, *, name: str, path: Path | None, strict: bool) -> StoredQuery:
    """Read a query and its header; ``strict`` requires title, description and parameters."""
    source = str(path) if path is not None else "query"
    header = parse_header(text, source=source)
    missing = [key for key in REQUIRED_KEYS if key not in header]
    if strict and missing:
        raise QueryError(f"the query header lacks {', '.join(missing)}", source=source, line=1)
    return StoredQuery(
        name=name,
        title=header.get("title", name),
        description=header.get("description", ""),
        parameters=parse_parameters(header.get("parameters", ""), source=source),
        text=text,
        path=path,
    )


# --------------------------------------------------------------------------- the library


def library_dir() -> Path:
    return resource_dir("queries")


def list_queries() -> list[StoredQuery]:
    """Every query of the library, by name."""
    return [
        stored_query(path.read_text(encoding="utf-8"), name=path.stem, path=path, strict=True)
        for path in sorted(library_dir().glob("*.rq"))
    ]


def load_query(name: str) -> StoredQuery:
    """The library query ``name``; an unknown name raises :class:`QueryError`."""
    path = library_dir() / f"{name}.rq"
    if not _NAME.match(name) or not path.is_file():
        known = ", ".join(q.stem for q in sorted(library_dir().glob("*.rq")))
        raise QueryError(f"unknown query {name!r}; the library has: {known}")
    return stored_query(path.read_text(encoding="utf-8"), name=name, path=path, strict=True)


def resolve(spec: str) -> StoredQuery:
    """A library name, a path to a ``.rq`` file, or SPARQL text, as a :class:`StoredQuery`."""
    candidate = spec.strip()
    if candidate.endswith(".rq") or _is_file(candidate):
        path = Path(candidate)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read the query file: {exc}", source=candidate) from exc
        return stored_query(text, name=path.stem, path=path, strict=False)
    if _NAME.match(candidate):
        return load_query(candidate)
    return stored_query(spec, name="query", path=None, strict=False)


def _is_file(candidate: str) -> bool:
    if not candidate or "\n" in candidate or "{" in candidate:
        return False
    try:
        return Path(candidate).is_file()
    except OSError:  # e.g. a name too long to be a path
        return False


# --------------------------------------------------------------------------- parameters


def bind(query: StoredQuery, params: Mapping[str, str]) -> dict[str, Term]:
    """The substitutions for ``params`` (given as text), typed by the query's header.

    A query that declares parameters accepts only those; SPARQL without a header accepts
    any variable, typed by its look (``<iri>`` or ``http…`` → IRI, digits → integer).
    """
    bindings: dict[str, Term] = {}
    for raw_name, value in params.items():
        name = raw_name.lstrip("?$")
        declared = query.parameter(name)
        if declared is None and query.parameters:
            names = ", ".join(f"?{p.name}" for p in query.parameters)
            raise QueryError(
                f"the query {query.name} has no parameter ?{name}; it takes {names}",
                source=query.source,
            )
        kind = declared.type if declared is not None else _guess_type(value)
        bindings[name] = typed_value(name, kind, value, source=query.source)
    for parameter in query.parameters:
        default = parameter.default
        if parameter.name not in bindings and default and default.lower() not in UNBOUND_DEFAULTS:
            bindings[parameter.name] = typed_value(
                parameter.name, parameter.type, default, source=query.source
            )
    return bindings


def _guess_type(value: str) -> str:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        return "IRI"
    if text.startswith(("http://", "https://", "urn:")) and " " not in text:
        return "IRI"
    if re.fullmatch(r"[+-]?\d+", text):
        return "integer"
    return "string"


def typed_value(name: str, kind: str, value: str, *, source: str = "query") -> Term:
    """``value`` as a term of ``kind``; a value that does not fit raises QueryError."""
    text = value.strip()
    try:
        if kind == "IRI":
            iri = text[1:-1] if text.startswith("<") and text.endswith(">") else text
            if not _IRI.match(iri):
                raise ValueError("not an absolute IRI")
            return Term.iri(iri)
        if kind == "integer":
            return Term.literal(str(int(text)), datatype=str(XSD.integer))
        if kind == "decimal":
            return Term.literal(str(Decimal(text)), datatype=str(XSD.decimal))
        if kind == "date":
            return Term.literal(dt.date.fromisoformat(text).isoformat(), datatype=str(XSD.date))
        if kind == "boolean":
            if text.lower() not in {"true", "false"}:
                raise ValueError("expected true or false")
            return Term.literal(text.lower(), datatype=str(XSD.boolean))
    except (ValueError, InvalidOperation) as exc:
        raise QueryError(
            f"parameter ?{name} expects a value of type {kind}, not {value!r} ({exc})",
            source=source,
        ) from exc
    return Term.literal(value)


# --------------------------------------------------------------------------- running


def run(
    store: Store, spec: str | StoredQuery, params: Mapping[str, str] | None = None
) -> QueryResult:
    """Run a library query, a ``.rq`` file or SPARQL text against ``store``."""
    query = spec if isinstance(spec, StoredQuery) else resolve(spec)
    substitutions = bind(query, params or {})
    try:
        return store.query(query.text, substitutions=substitutions or None)
    except QueryError as exc:
        if exc.source is not None:
            raise
        raise QueryError(
            exc.reason, source=query.source, line=exc.line, column=exc.column, excerpt=exc.excerpt
        ) from exc
