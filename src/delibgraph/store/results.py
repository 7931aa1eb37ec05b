"""Query results that do not depend on rdflib nor on one store's term classes.

A :class:`Term` is an RDF term as the SPARQL 1.1 results formats describe it (``uri``,
``bnode``, ``literal``), so the embedded Oxigraph store and a remote SPARQL endpoint give the
same values. :meth:`Term.to_python` turns a literal into the Python value of its datatype.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from delibgraph.vocab import XSD

TermKind = Literal["iri", "bnode", "literal", "triple"]
PythonValue = str | int | Decimal | float | bool | dt.date | dt.datetime

_INTEGER_TYPES = frozenset(
    str(XSD[name])
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte",
    )
)  # fmt: skip
_DECIMAL = str(XSD.decimal)
_FLOATS = frozenset({str(XSD.double), str(XSD.float)})
_BOOLEAN = str(XSD.boolean)
_DATE = str(XSD.date)
_DATETIME = str(XSD.dateTime)


@dataclass(frozen=True, slots=True)
class Term:
    """One RDF term of a query result.

    ``value`` is the IRI, the blank node label or the literal's lexical form; ``datatype`` and
    ``language`` are set for literals only.
    """

    kind: TermKind
    value: str
    datatype: str | None = None
    language: str | None = None

    @classmethod
    def iri(cls, value: str) -> Term:
        return cls("iri", value)

    @classmethod
    def literal(
        cls, value: str, *, datatype: str | None = None, language: str | None = None
    ) -> Term:
        return cls("literal", value, datatype=datatype, language=language)

    def to_python(self) -> PythonValue:
        """The Python value: ``int``, ``Decimal``, ``float``, ``bool``, ``date``, ``datetime``
        for literals of those XSD datatypes, else the lexical form or IRI as ``str``."""
        if self.kind != "literal" or self.datatype is None:
            return self.value
        try:
            return _literal_value(self.value, self.datatype)
        except (ValueError, InvalidOperation):
            return self.value  # an ill-typed literal keeps its lexical form

    def __str__(self) -> str:
        return self.value


def _literal_value(lexical: str, datatype: str) -> PythonValue:
    if datatype in _INTEGER_TYPES:
        return int(lexical)
    if datatype == _DECIMAL:
        return Decimal(lexical)
    if datatype in _FLOATS:
        return float(lexical)
    if datatype == _BOOLEAN:
        if lexical not in {"true", "false", "1", "0"}:
            raise ValueError(lexical)
        return lexical in {"true", "1"}
    if datatype == _DATE:
        return dt.date.fromisoformat(lexical)
    if datatype == _DATETIME:
        return dt.datetime.fromisoformat(lexical.replace("Z", "+00:00"))
    return lexical


Row = tuple[Term | None, ...]


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to a query.

    ``SELECT``: ``variables`` and ``rows`` (``None`` where a variable is unbound).
    ``ASK``: ``boolean``, with one variable ``ask`` and one row.
    ``CONSTRUCT`` / ``DESCRIBE``: one row per triple, variables ``subject predicate object``.
    """

    variables: tuple[str, ...]
    rows: tuple[Row, ...]
    boolean: bool | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def records(self) -> list[dict[str, PythonValue | None]]:
        """Each row as ``{variable: python value}`` (``None`` when unbound)."""
        return [
            {
                name: (term.to_python() if term is not None else None)
                for name, term in zip(self.variables, row, strict=True)
            }
            for row in self.rows
        ]

    def column(self, name: str) -> list[PythonValue | None]:
        """The Python values of one variable, row by row."""
        index = self.variables.index(name)
        values: list[PythonValue | None] = []
        for row in self.rows:
            term = row[index]
            values.append(term.to_python() if term is not None else None)
        return values
