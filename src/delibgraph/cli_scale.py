"""Command-line options for working at scale, used by :mod:`delibgraph.cli`: a remote store
(``--endpoint``), parallel or clustered ingestion (``--workers``, ``--dask-scheduler``), the
SHACL engine, split exports, and the ``synth`` command."""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator
from concurrent.futures import Executor
from pathlib import Path
from typing import TextIO

from delibgraph.errors import EXIT_OK, MappingError, UsageError
from delibgraph.executors import dask_cluster, in_flight_for, worker_processes
from delibgraph.fastshacl import SHACL_ENGINES
from delibgraph.ids import IriMinter, default_base
from delibgraph.outcomes import IngestReport
from delibgraph.pipeline import ingest
from delibgraph.progress import Progress
from delibgraph.splitexport import export_split
from delibgraph.store import ENDPOINT_ENV, EndpointConfig, Store, default_store_path, open_store
from delibgraph.store.remote import AUTH_ENV, PASSWORD_ENV, USER_ENV

ENDPOINT_HELP = (
    f"a SPARQL 1.1 endpoint instead of a store folder (default: ${ENDPOINT_ENV} when --store "
    "is not given): queries at URL/query, updates at URL/update, graph store at URL/store "
    f"(Oxigraph's layout); credentials from ${USER_ENV} / ${PASSWORD_ENV} "
    f"(${AUTH_ENV}=basic|digest)"
)


# --------------------------------------------------------------------------- stores


def add_endpoint_options(parser: argparse.ArgumentParser) -> None:
    """``--endpoint`` and its three service URLs (the command has ``--store`` already)."""
    parser.add_argument("--endpoint", metavar="URL", help=ENDPOINT_HELP)
    parser.add_argument("--query-url", metavar="URL", help="the endpoint's query service")
    parser.add_argument("--update-url", metavar="URL", help="the endpoint's update service")
    parser.add_argument(
        "--graph-store-url", metavar="URL", help="the endpoint's Graph Store Protocol service"
    )


def endpoint_config(args: argparse.Namespace) -> EndpointConfig | None:
    """The endpoint the arguments name, or None for the embedded store."""
    url = getattr(args, "endpoint", None)
    if url is None and not getattr(args, "store", None):
        url = os.environ.get(ENDPOINT_ENV) or None
    if url is None:
        if any(
            getattr(args, name, None) for name in ("query_url", "update_url", "graph_store_url")
        ):
            raise UsageError("--query-url, --update-url and --graph-store-url need --endpoint")
        return None
    if getattr(args, "store", None):
        raise UsageError("give --store or --endpoint, not both")
    return EndpointConfig.from_url(
        url,
        query_url=args.query_url,
        update_url=args.update_url,
        graph_store_url=args.graph_store_url,
        graph_prefix=f"{_base(args)}graph/",
    )


def _base(args: argparse.Namespace) -> str:
    try:
        return IriMinter(getattr(args, "base", None) or default_base()).base
    except MappingError as exc:
        raise UsageError(f"--base: {exc.reason}") from exc


def open_from_args(args: argparse.Namespace, *, create: bool) -> Store:
    """The remote store of ``--endpoint``, else the embedded store of ``--store``."""
    config = endpoint_config(args)
    if config is not None:
        return open_store(endpoint=config)
    return open_store(Path(args.store) if args.store else default_store_path(), create=create)


def reports_dir(args: argparse.Namespace, reports_name: str) -> Path:
    """``--reports``, else ``STORE/reports``, else (remote store) ``./delibgraph-reports``."""
    if args.reports:
        return Path(args.reports)
    if endpoint_config(args) is not None:
        return Path("delibgraph-reports")
    return (Path(args.store) if args.store else default_store_path()) / reports_name


# --------------------------------------------------------------------------- ingestion


def add_ingest_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="parse, map and validate in N worker processes (default 0: in this process); "
        "the store is written by this process only",
    )
    parser.add_argument(
        "--dask-scheduler",
        metavar="ADDRESS",
        help="run parse, map and validate on the Dask cluster at ADDRESS (tcp://host:8786); "
        "needs pip install 'delibgraph[cluster]'",
    )
    parser.add_argument(
        "--shacl-engine",
        choices=SHACL_ENGINES,
        default="fast",
        help="fast: the Rust engine decides and pyshacl explains rejections (default); "
        "pyshacl: the reference engine for every deliberation",
    )


@contextlib.contextmanager
def _executor(args: argparse.Namespace) -> Iterator[tuple[Executor | None, int]]:
    ner = not args.no_ner
    if args.dask_scheduler:
        if args.workers:
            raise UsageError("give --workers or --dask-scheduler, not both")
        with dask_cluster(args.dask_scheduler, ner=ner, engine=args.shacl_engine) as executor:
            yield executor, in_flight_for(8)
    elif args.workers:
        with worker_processes(args.workers, ner=ner, engine=args.shacl_engine) as executor:
            yield executor, in_flight_for(args.workers)
    else:
        yield None, 1


def ingest_from_args(
    args: argparse.Namespace,
    store: Store,
    paths: list[Path],
    *,
    minter: IriMinter,
    report_dir: Path,
) -> IngestReport:
    with _executor(args) as (executor, in_flight):
        return ingest(
            paths,
            store,
            minter=minter,
            report_dir=report_dir,
            ner=not args.no_ner,
            executor=executor,
            in_flight=in_flight,
            engine=args.shacl_engine,
            progress=Progress(),
        )


# --------------------------------------------------------------------------- export


def add_split_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--split",
        metavar="DIR",
        help="N-Quads only: write one file per deliberation graph into DIR (for bulk loaders)",
    )
    parser.add_argument(
        "--graphs-per-file",
        type=int,
        default=1,
        metavar="N",
        help="with --split: N graphs per file, named part-000001.nq … (default 1)",
    )


def split_export(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    if args.format != "nquads":
        raise UsageError("--split writes N-Quads: use --format nquads")
    if args.output:
        raise UsageError("give --split DIR or --output FILE, not both")
    done = export_split(store, Path(args.split), graphs_per_file=args.graphs_per_file)
    out.write(
        f"{done.graphs} graphs, {done.quads} quads in {done.files} N-Quads files in {done.folder}\n"
    )
    return EXIT_OK


# --------------------------------------------------------------------------- synth


def add_synth_command(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--authorities", type=int, required=True, metavar="A")
    parser.add_argument("--seances", type=int, required=True, metavar="S",
                        help="séances per authority")  # fmt: skip
    parser.add_argument("--out", required=True, metavar="DIR", help="where the files go")
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="(default 0)")
    parser.add_argument(
        "--per-seance",
        type=int,
        nargs=2,
        default=(20, 80),
        metavar=("MIN", "MAX"),
        help="deliberations per séance (default 20 80)",
    )


def cmd_synth(args: argparse.Namespace, out: TextIO) -> int:
    from delibgraph.synth import generate

    low, high = args.per_seance
    summary = generate(
        Path(args.out),
        authorities=args.authorities,
        seances=args.seances,
        seed=args.seed,
        deliberations_per_seance=(low, high),
    )
    out.write(
        f"{summary.deliberations} deliberations of {summary.authorities} authorities "
        f"({summary.seances} séances) in {summary.files} files in {summary.out}\n"
    )
    return EXIT_OK
