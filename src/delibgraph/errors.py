"""One hierarchy of typed errors.

Every error delibgraph raises on purpose is a :class:`DelibgraphError`. Each carries where it
happened (source file, line, column, excerpt when known) and the exit code the CLI turns it
into: 1 for a data problem, 2 for a usage or environment problem.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2


class DelibgraphError(Exception):
    """Base of every error delibgraph raises on purpose."""

    exit_code = EXIT_DATA

    def __init__(
        self,
        reason: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        excerpt: str | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source
        self.line = line
        self.column = column
        self.excerpt = excerpt

    @property
    def location(self) -> str:
        """``file:line:column`` as far as known, or an empty string."""
        parts = [self.source or ""]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts) if self.source or self.line is not None else ""

    def one_line(self) -> str:
        """The single line the CLI prints."""
        where = self.location
        text = f"{where}: {self.reason}" if where else self.reason
        if self.excerpt:
            text += f" (near {self.excerpt[:60]!r})"
        return text.replace("\n", " ")

    def __str__(self) -> str:
        return self.one_line()


class ModelError(DelibgraphError):
    """A value does not fit the typed model (bad JSON, unknown key, bad date)."""


class ExtractError(DelibgraphError):
    """Text could not be taken from a source file (unreadable, no text layer, bad encoding)."""


class ParseError(DelibgraphError):
    """The text is not a deliberation register delibgraph can read, or is truncated."""


class MappingError(DelibgraphError):
    """A deliberation cannot become RDF (e.g. nothing to mint an IRI from)."""


class ValidationFailed(DelibgraphError):
    """A deliberation's graph does not conform to the shapes."""


class StoreError(DelibgraphError):
    """The triple store refused or failed an operation."""

    exit_code = EXIT_USAGE


class QueryError(DelibgraphError):
    """A SPARQL query is malformed, unknown, or failed."""

    exit_code = EXIT_USAGE


class UsageError(DelibgraphError):
    """The command was called wrongly, or the environment lacks something."""

    exit_code = EXIT_USAGE
