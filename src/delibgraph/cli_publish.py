"""Command-line pieces for publishing, used by :mod:`delibgraph.cli`: the ``serve`` command,
the SCDL export (``export --format scdl``) and the version log kept after each ingestion.

Starlette and uvicorn are imported only when ``serve`` runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from delibgraph.errors import EXIT_OK, UsageError
from delibgraph.ids import default_base
from delibgraph.outcomes import IngestReport
from delibgraph.publish.metadata import PublicationInfo
from delibgraph.publish.scdl import write_scdl
from delibgraph.publish.versions import digests_apply_to, record_versions
from delibgraph.store import Store, default_store_path

SCDL_FORMAT = "scdl"


def add_serve_command(parser: argparse.ArgumentParser, store_help: str, base_help: str) -> None:
    parser.add_argument("--store", metavar="DIR", help=store_help)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--base", metavar="URL", help=base_help)
    parser.add_argument(
        "--timeout", type=float, default=10.0, metavar="SECONDS", help="query time limit (10)"
    )
    parser.add_argument(
        "--limit", type=int, default=10000, metavar="N", help="rows or triples a query may return"
    )
    parser.add_argument("--workers", type=int, default=2, metavar="N", help="query processes (2)")
    add_siret_option(parser)


def add_siret_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--siret",
        action="append",
        default=[],
        metavar="SIREN=SIRET",
        help="the 14-digit SIRET of an authority whose registers give only its SIREN "
        "(repeatable; SCDL's COLL_SIRET)",
    )


def siret_table(pairs: list[str]) -> Mapping[str, str]:
    table: dict[str, str] = {}
    for text in pairs:
        siren, sep, siret = text.partition("=")
        if not sep or not siren.strip() or not siret.strip():
            raise UsageError(f"--siret expects SIREN=SIRET, not {text!r}")
        table[siren.strip()] = siret.strip()
    return table


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from delibgraph.serve import run_server  # starlette and uvicorn load only here

    store_path = Path(args.store) if args.store else default_store_path()
    run_server(
        store_path,
        host=args.host,
        port=args.port,
        base=args.base or default_base(),
        query_timeout=args.timeout,
        result_limit=args.limit,
        workers=args.workers,
        info=PublicationInfo(siret=siret_table(args.siret)),
    )
    return EXIT_OK


def export_scdl(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    """Write the SCDL « Délibérations » CSV; say on stderr which columns the registers lack."""
    siret = siret_table(getattr(args, "siret", []) or [])
    if args.output:
        try:
            with open(args.output, "w", newline="", encoding="utf-8") as target:
                table = write_scdl(store, target, siret=siret)
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc}") from exc
    else:
        table = write_scdl(store, out, siret=siret)
    for gap in table.gaps:
        print(f"delibgraph: warning: {gap}", file=sys.stderr)
    return EXIT_OK


def log_versions(store: Store, base: str, report: IngestReport) -> None:
    """Record a new version in the version log for every deliberation whose content changed.

    On an embedded store, the digests the ingestion computed stand for the graphs' content (no
    graph is read back); an endpoint's graphs are read back, its own form of the data being
    what its log compares (see :func:`digests_apply_to`)."""
    loaded = [outcome.graph_iri for outcome in report.loaded]
    if not loaded:
        return
    digests = (
        {outcome.graph_iri: outcome.digest for outcome in report.loaded if outcome.digest}
        if digests_apply_to(store)
        else None
    )  # a graph loaded twice: the later load is the one stored, and the one kept here
    record_versions(store, base=base, graphs=loaded, digests=digests)
