"""The store as many N-Quads files, for the bulk loaders of production triple stores.

``delibgraph export --format nquads --split DIR`` streams one file per named graph (or
``--graphs-per-file N`` graphs per file), each written under a temporary name and renamed
when complete, so a loader watching the folder never reads half a file. Memory holds one graph
at a time. Every named graph is written: each deliberation's, and besides them each body's
statistics graph (``statistics-{auth}-{body}.nq``: the queries read it) and the version log,
so that the loaded copy answers as the store does. The README (section "Bulk loading a
production store") gives the command each loader takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from delibgraph.errors import UsageError
from delibgraph.store import Store

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_GRAPH_MARK = "/graph/"


@dataclass(frozen=True, slots=True)
class SplitExport:
    """What :func:`export_split` wrote."""

    folder: Path
    files: int
    graphs: int
    quads: int


def file_stem(graph_iri: str) -> str:
    """``…/graph/243400017/m2021-162`` → ``243400017-m2021-162``; other IRIs slugged whole."""
    tail = graph_iri.split(_GRAPH_MARK, 1)[1] if _GRAPH_MARK in graph_iri else graph_iri
    return _UNSAFE.sub("-", tail).strip("-.") or "graph"


def export_split(store: Store, folder: Path, *, graphs_per_file: int = 1) -> SplitExport:
    """Write every named graph of ``store`` as N-Quads into ``folder``."""
    if graphs_per_file < 1:
        raise UsageError(f"--graphs-per-file must be at least 1, not {graphs_per_file}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {folder}: {exc}") from exc
    graphs = store.graphs()
    used: set[str] = set()
    files = quads = 0
    for start in range(0, len(graphs), graphs_per_file):
        chunk = graphs[start : start + graphs_per_file]
        if graphs_per_file == 1:
            stem = _unique(file_stem(chunk[0]), used)
        else:
            stem = f"part-{start // graphs_per_file + 1:06d}"
        target = folder / f"{stem}.nq"
        partial = folder / f".{stem}.nq.partial"
        try:
            with open(partial, "wb") as out:
                quads += _write(store, chunk, out)
            partial.replace(target)
        except OSError as exc:
            raise UsageError(f"cannot write {target}: {exc}") from exc
        files += 1
    return SplitExport(folder=folder, files=files, graphs=len(graphs), quads=quads)


def _write(store: Store, graphs: list[str], out: BinaryIO) -> int:
    return sum(store.export_graph(graph, out) for graph in graphs)


def _unique(stem: str, used: set[str]) -> str:
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}"
    used.add(candidate)
    return candidate
