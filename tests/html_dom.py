"""A small reader of HTML for the page tests: text by element id, table rows, links, scripts
(the pages served, or the DOM a headless browser dumps)."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser

VOID_ELEMENTS = frozenset({"meta", "link", "br", "hr", "img", "input", "source", "wbr"})


class Dom(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._open: list[tuple[str, str | None]] = []  # (tag, id)
        self.by_id: dict[str, list[str]] = defaultdict(list)
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.link_elements: list[dict[str, str]] = []
        self.scripts: list[tuple[str, str]] = []  # (type, content)
        self.tables: dict[str, list[list[str]]] = defaultdict(list)
        self._href: str | None = None
        self._anchor_text: list[str] = []
        self._script: str | None = None
        self._script_text: list[str] = []
        self._table: list[str | None] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self.feed(text)

    # -- parsing
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "link":
            self.link_elements.append(attributes)
        if tag in VOID_ELEMENTS:
            return
        self._open.append((tag, attributes.get("id")))
        if tag == "a":
            self._href, self._anchor_text = attributes.get("href", ""), []
        elif tag == "script":
            self._script, self._script_text = attributes.get("type", "text/javascript"), []
        elif tag == "table":
            self._table.append(attributes.get("id"))
        elif tag == "tr" and self._table:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        while self._open:
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._anchor_text).strip()))
            self._href = None
        elif tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._script_text)))
            self._script = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self._table[-1] if self._table else None
            if table:
                self.tables[table].append(self._row)
            self._row = None
        elif tag == "table" and self._table:
            self._table.pop()

    def handle_data(self, data: str) -> None:
        for _, element_id in self._open:
            if element_id:
                self.by_id[element_id].append(data)
        if self._href is not None:
            self._anchor_text.append(data)
        if self._script is not None:
            self._script_text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    # -- reading
    def text(self, element_id: str) -> str:
        return " ".join("".join(self.by_id.get(element_id, [])).split())

    def rows(self, table_id: str) -> list[list[str]]:
        """The body rows of a table (its header row left out)."""
        return self.tables.get(table_id, [])[1:]

    def json_ld(self) -> list[str]:
        return [content for kind, content in self.scripts if kind == "application/ld+json"]
