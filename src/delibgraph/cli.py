"""The ``delibgraph`` command: a thin argparse layer over the library.

Every command calls one library function and prints its result; a typed error becomes one
line on stderr, ``delibgraph: <where>: <reason>``, and its exit code (1 data, 2 usage or
environment). ``delibgraph COMMAND --help`` documents each command.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from delibgraph import __version__
from delibgraph.cli_publish import (
    SCDL_FORMAT,
    add_serve_command,
    add_siret_option,
    cmd_serve,
    export_scdl,
    log_versions,
)
from delibgraph.cli_scale import (
    add_endpoint_options,
    add_ingest_options,
    add_split_options,
    add_synth_command,
    cmd_synth,
    ingest_from_args,
    open_from_args,
    reports_dir,
    split_export,
)
from delibgraph.errors import EXIT_DATA, EXIT_OK, DelibgraphError, MappingError, UsageError
from delibgraph.evaluate import evaluate_dir
from delibgraph.ids import IriMinter, default_base
from delibgraph.pipeline import ingest, map_paths, parse_paths, union_graph, validate_paths
from delibgraph.profile_doc import profile_html, profile_markdown
from delibgraph.querylib import list_queries, run
from delibgraph.render import OUTPUT_FORMATS, dumps, render, text_table
from delibgraph.resources import resource_dir
from delibgraph.statistics import refresh_statistics
from delibgraph.stats import store_stats
from delibgraph.store import EXPORT_FORMATS, STORE_ENV, default_store_path, open_store

DEMO_QUERY = "attendance-by-member"
REPORTS_DIR = "reports"

Handler = Callable[[argparse.Namespace, TextIO], int]


# --------------------------------------------------------------------------- commands


def cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    paths = [Path(p) for p in args.files]
    if args.format == "turtle":
        graphs = map_paths(paths, minter=_minter(args), ner=not args.no_ner)
        out.write(union_graph(dg.graph for dg in graphs).serialize(format="turtle"))
        return EXIT_OK
    # One JSON array, streamed object by object (nothing is printed before the first parses).
    opening = "["
    for deliberation in parse_paths(paths, ner=not args.no_ner):
        out.write(f"{opening}\n{_indent(dumps(deliberation.to_json()))}")
        out.flush()
        opening = ","
    out.write("[]\n" if opening == "[" else "\n]\n")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    outcome = validate_paths(
        [Path(p) for p in args.paths], minter=_minter(args), ner=not args.no_ner
    )
    if args.format == "json":
        out.write(dumps(outcome.to_json()) + "\n")
    else:
        out.write(outcome.to_text() + "\n")
    return outcome.exit_code


def cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    reports = reports_dir(args, REPORTS_DIR)
    with open_from_args(args, create=True) as store:
        report = ingest_from_args(
            args, store, [Path(p) for p in args.paths], minter=_minter(args), report_dir=reports
        )
        log_versions(store, _minter(args).base, report)
    out.write(report.to_text() + "\n")
    return report.exit_code


def cmd_query(args: argparse.Namespace, out: TextIO) -> int:
    if args.list:
        rows = [
            (q.name, q.title, ", ".join(f"?{p.name} ({p.type})" for p in q.parameters) or "-")
            for q in list_queries()
        ]
        out.write(text_table(("name", "title", "parameters"), rows))
        return EXIT_OK
    if not args.query:
        raise UsageError("query: give a query NAME, a FILE.rq or SPARQL text (or --list)")
    params = dict(_parameter(text) for text in args.param)
    with open_from_args(args, create=False) as store:
        result = run(store, args.query, params)
    out.write(render(result, args.format))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    with open_from_args(args, create=False) as store:
        if args.format == SCDL_FORMAT:
            return export_scdl(args, store, out)
        if args.split:
            return split_export(args, store, out)
        if args.output:
            try:
                with open(args.output, "wb") as target:
                    store.export(args.format, target)
            except OSError as exc:
                raise UsageError(f"cannot write {args.output}: {exc}") from exc
        else:
            _export_to(out, lambda target: store.export(args.format, target))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    with open_from_args(args, create=False) as store:
        if args.refresh:
            refresh_statistics(store, _minter(args))
        stats = store_stats(store)
    out.write(dumps(stats.to_json()) + "\n" if args.format == "json" else stats.to_text())
    return EXIT_OK


def cmd_profile(args: argparse.Namespace, out: TextIO) -> int:
    out.write(profile_html() if args.format == "html" else profile_markdown())
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    store_path = _store_path(args)
    examples = resource_dir("examples")
    out.write(f"Ingesting the example corpus {examples} into the store {store_path} …\n")
    with open_store(store_path) as store:
        report = ingest(
            [examples],
            store,
            minter=_minter(args),
            report_dir=store_path / REPORTS_DIR,
            ner=not args.no_ner,
        )
        log_versions(store, _minter(args).base, report)
        out.write(report.to_text() + "\n\n")
        result = run(store, DEMO_QUERY)
    out.write(f"Attendance rate per member ({DEMO_QUERY}), across séances:\n\n")
    out.write(render(result, "table"))
    out.write(
        f"\nNext: delibgraph query --list --store {store_path}; "
        f"delibgraph query NAME --store {store_path}\n"
    )
    return report.exit_code


# --------------------------------------------------------------------------- helpers


def cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    report = evaluate_dir(Path(args.directory), ner=args.ner)
    if args.format == "json":
        out.write(dumps(report.to_json()) + "\n")
    elif args.format == "markdown":
        out.write(report.to_markdown(corpus=args.directory))
    else:
        out.write(report.to_text())
    if args.min_f1 is not None and report.overall.f1 < args.min_f1:
        print(f"delibgraph: overall F1 {report.overall.f1:.3f} < {args.min_f1}", file=sys.stderr)
        return EXIT_DATA
    return EXIT_OK


def _export_to(out: TextIO, write: Callable[[BinaryIO], None]) -> None:
    """Let ``write`` write bytes to ``out`` (its binary buffer when it has one)."""
    binary = getattr(out, "buffer", None)
    if binary is None:
        buffer = io.BytesIO()
        write(buffer)
        out.write(buffer.getvalue().decode("utf-8"))
        return
    out.flush()
    write(binary)
    binary.flush()


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def _minter(args: argparse.Namespace) -> IriMinter:
    try:
        return IriMinter(args.base or default_base())
    except MappingError as exc:
        raise UsageError(f"--base: {exc.reason}") from exc


def _store_path(args: argparse.Namespace) -> Path:
    return Path(args.store) if args.store else default_store_path()


def _parameter(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise UsageError(f"--param expects name=value, not {text!r}")
    return name.strip(), value


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="delibgraph",
        description="French council deliberations as validated, queryable linked open data.",
        epilog="Exit codes: 0 ok, 1 a data problem, 2 a usage or environment problem.",
    )
    parser.add_argument("--version", action="version", version=f"delibgraph {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    store_help = f"the store folder (default: ${STORE_ENV}, else ./delibgraph-store)"
    base_help = "the base of minted IRIs (default: $DELIBGRAPH_BASE, else http://localhost:8000/)"

    def command(
        name: str, handler: Handler, help: str, description: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=description)
        sub.set_defaults(handler=handler)
        return sub

    p = command(
        "parse",
        cmd_parse,
        "parse registers into JSON or Turtle",
        "Parse deliberation registers (.txt, .pdf, or folders of them) and print "
        "a JSON array (one object per deliberation) or their RDF in Turtle.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a .txt or .pdf file, or a folder")
    p.add_argument("--format", choices=("json", "turtle"), default="json")
    p.add_argument("--no-ner", action="store_true", help="skip named-entity recognition")
    p.add_argument("--base", metavar="URL", help=base_help)

    p = command(
        "validate",
        cmd_validate,
        "check registers against the shapes, store nothing",
        "Parse, map and validate with SHACL; print the report. Exit 1 when any "
        "deliberation does not conform or a file cannot be read.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--no-ner", action="store_true", help="skip named-entity recognition")
    p.add_argument("--base", metavar="URL", help=base_help)

    p = command(
        "ingest",
        cmd_ingest,
        "load registers into the store",
        "Parse, map, validate and load every .txt/.pdf under PATH into the store, "
        "one named graph per deliberation (re-ingesting replaces it). A deliberation "
        "that does not conform is not loaded: its report is written to "
        "STORE/reports/<file>.txt (and the rejected graph to .ttl). Exit 1 if any "
        "was rejected or failed.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--store", metavar="DIR", help=store_help)
    p.add_argument("--base", metavar="URL", help=base_help)
    p.add_argument(
        "--reports", metavar="DIR", help="where rejection reports go (default: STORE/reports)"
    )
    p.add_argument("--no-ner", action="store_true", help="skip named-entity recognition")
    add_endpoint_options(p)
    add_ingest_options(p)

    p = command(
        "query",
        cmd_query,
        "run a stored query, a .rq file or SPARQL",
        "Run a query of the library (by NAME, see --list), a FILE.rq, or SPARQL text "
        "over the union of the store's graphs. Table output shortens IRIs; csv and "
        "json give them whole.",
    )
    p.add_argument("query", nargs="?", metavar="NAME|FILE.rq|SPARQL")
    p.add_argument("--store", metavar="DIR", help=store_help)
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="table")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a query parameter (repeatable), e.g. body=http://…",
    )
    p.add_argument("--list", action="store_true", help="list the stored queries")
    add_endpoint_options(p)

    p = command(
        "export",
        cmd_export,
        "dump the store",
        "Write the whole store: N-Quads or TriG keep one named graph per "
        "deliberation; Turtle writes their union; scdl writes the SCDL « Délibérations » "
        "CSV (one row per deliberation, the open-data schema data.gouv.fr recognises).",
    )
    p.add_argument("--store", metavar="DIR", help=store_help)
    p.add_argument("--format", choices=(*EXPORT_FORMATS, SCDL_FORMAT), default="nquads")
    p.add_argument("--output", "-o", metavar="FILE", help="write there instead of stdout")
    add_endpoint_options(p)
    add_split_options(p)
    add_siret_option(p)

    p = command(
        "serve",
        cmd_serve,
        "publish the store over HTTP",
        "Serve the store: a read-only SPARQL 1.1 endpoint (/query), a page and an RDF "
        "description for every minted IRI, a query page (/sparql), the DCAT-AP catalogue "
        "(/catalog), VoID, an LDES feed of act versions (/feed), dumps and the SCDL CSV.",
    )
    add_serve_command(p, store_help, base_help)

    p = command(
        "stats",
        cmd_stats,
        "count what the store holds",
        "Triples, named graphs, deliberations, persons, séances, authorities, "
        "bodies, deliberations per graded level (0-3) and instances per class.",
    )
    p.add_argument("--store", metavar="DIR", help=store_help)
    p.add_argument("--base", metavar="URL", help=base_help)
    p.add_argument(
        "--refresh",
        action="store_true",
        help="first recompute every body's statistics graph from the stored deliberations "
        "(ingest does it for the bodies it writes to; this repairs a run cut short)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_endpoint_options(p)

    p = command(
        "profile",
        cmd_profile,
        "document the application profile",
        "Print the application profile (our terms, alignments, ACTES subjects, graded "
        "levels, every shape), generated from ontology/ and shapes/: Markdown (the "
        "committed docs/profile.md) or one HTML page.",
    )
    p.add_argument("--format", choices=("md", "html"), default="md")

    p = command(
        "synth",
        cmd_synth,
        "generate a synthetic corpus",
        "Write a seeded, reproducible corpus of fictional registers (stable rosters, "
        "attendance, proxies, dissent, themes, amounts) as text extracts, with manifest.json "
        "holding the truth of every file.",
    )
    add_synth_command(p)

    p = command(
        "eval",
        cmd_eval,
        "score the parser against golden files",
        "Parse every NAME.txt / NAME.pdf of DIR that has a NAME.expected.json beside it "
        "and print field-level precision, recall and F1 (per field and overall) and the "
        "documents with differences. Exit 1 when --min-f1 is given and not reached.",
    )
    p.add_argument("directory", metavar="DIR", help="a folder of documents and golden files")
    p.add_argument("--ner", action="store_true", help="run named-entity recognition too")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p.add_argument("--min-f1", type=float, metavar="F1", help="fail below this overall F1")

    p = command(
        "demo",
        cmd_demo,
        "ingest the bundled examples and show attendance",
        "Ingest the bundled example corpus (a fictional commune, 3 séances, "
        "7 deliberations) into the store and print the attendance rate per member "
        "across séances.",
    )
    p.add_argument("--store", metavar="DIR", help=store_help)
    p.add_argument("--base", metavar="URL", help=base_help)
    p.add_argument("--no-ner", action="store_true", help="skip named-entity recognition")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 data problem, 2 usage/environment)."""
    parser = build_parser()
    out = sys.stdout
    try:
        args = parser.parse_args(argv)
        handler: Handler = args.handler
        return handler(args, out)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except DelibgraphError as exc:
        out.flush()
        print(f"delibgraph: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # e.g. `delibgraph export | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
