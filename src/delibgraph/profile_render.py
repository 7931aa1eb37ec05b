"""Render the profile documentation's blocks as Markdown or as one HTML page."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Block", "render_html", "render_markdown"]


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the document: ``kind`` is heading, paragraph, table, code or list."""

    kind: str
    text: str = ""
    level: int = 2
    rows: tuple[tuple[str, ...], ...] = ()


def render_markdown(blocks: Iterable[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            out.append(f"{'#' * block.level} {block.text}")
        elif block.kind == "paragraph":
            out.append(block.text)
        elif block.kind == "code":
            out.append(f"```sparql\n{block.text}\n```")
        elif block.kind == "list":
            out.append("\n".join(f"- {row[0]}" for row in block.rows))
        elif block.kind == "table":
            head, *body = block.rows
            lines = [_md_row(head), "| " + " | ".join("---" for _ in head) + " |"]
            out.append("\n".join(lines + [_md_row(row) for row in body]))
    return "\n\n".join(out) + "\n"


def _md_row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"


def render_html(blocks: Iterable[Block]) -> str:
    """One self-contained HTML page (UTF-8, no external resources)."""
    body: list[str] = []
    title = "delibgraph application profile"
    for block in blocks:
        if block.kind == "heading":
            if block.level == 1:
                title = block.text
            body.append(f"<h{block.level}>{_inline(block.text)}</h{block.level}>")
        elif block.kind == "paragraph":
            body.append(f"<p>{_inline(block.text)}</p>")
        elif block.kind == "code":
            body.append(f"<pre><code>{html.escape(block.text)}</code></pre>")
        elif block.kind == "list":
            items = "".join(f"<li>{_inline(row[0])}</li>" for row in block.rows)
            body.append(f"<ul>{items}</ul>")
        elif block.kind == "table":
            head, *rows = block.rows
            cells = "".join(f"<th>{_inline(c)}</th>" for c in head)
            lines = "".join(
                "<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>" for row in rows
            )
            body.append(f"<table><thead><tr>{cells}</tr></thead><tbody>{lines}</tbody></table>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _inline(text: str) -> str:
    """HTML-escaped text with `code` spans."""
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
