"""delibgraph's benchmark (a script, not a test).

    python bench/bench.py [--sizes 1000 10000] [--workers 1 2] [--quick] [--out bench/RESULTS.md]

For each size: a generated corpus (``delibgraph.synth``) of exactly that many deliberations;
end-to-end ingestion into a new embedded store, each run a fresh process (model load
included), with 1 and 2 workers, with and without NER: rate, time share of each stage, peak
RSS of the process tree, store size on disk. Then the median latency of every
``queries/*.rq`` on each size's store, and a naive baseline on the smallest size in the same
invocation — rdflib in-memory dataset, pyshacl on the whole graph, rdflib SPARQL — with
ratios. Results go to ``--out`` as Markdown, with the machine and the date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BASE = "http://localhost:8000/"
QUERY_RUNS = 5  # per query; --query-runs changes it
STAGES = ("extract", "parse", "ner", "map", "serialize", "validate", "load", "statistics")


# --------------------------------------------------------------------------- child processes


def child_ingest(corpus: str, store: str, workers: int, ner: bool) -> dict[str, Any]:
    """Run in a fresh process: ingest ``corpus`` into ``store``; the report as JSON."""
    from delibgraph.executors import in_flight_for, worker_processes
    from delibgraph.ids import IriMinter
    from delibgraph.pipeline import ingest
    from delibgraph.store import EmbeddedStore

    with EmbeddedStore(store) as opened:
        if workers:
            with worker_processes(workers, ner=ner, engine="fast") as executor:
                report = ingest(
                    [Path(corpus)],
                    opened,
                    minter=IriMinter(BASE),
                    report_dir=None,
                    ner=ner,
                    executor=executor,
                    in_flight=in_flight_for(workers),
                )
        else:
            report = ingest(
                [Path(corpus)], opened, minter=IriMinter(BASE), report_dir=None, ner=ner
            )
    return {
        "deliberations": report.deliberations,
        "loaded": len(report.loaded),
        "rejected": len(report.rejected),
        "failed": len(report.failed),
        "triples": report.triples_in_store,
        "elapsed": report.elapsed,
        "stages": dict(report.stage_seconds),
    }


def child_baseline(corpus: str, ner: bool, budget: float) -> dict[str, Any]:
    """The naive way, in one process: rdflib dataset, pyshacl on the whole, rdflib SPARQL."""
    import pyshacl
    from rdflib import Dataset

    from delibgraph.ids import IriMinter
    from delibgraph.mapping import map_deliberation
    from delibgraph.parse import parse_file
    from delibgraph.pipeline import source_files
    from delibgraph.querylib import list_queries
    from delibgraph.validate import load_shapes
    from delibgraph.vocab import PREFIXES

    started = time.perf_counter()
    minter, now = IriMinter(BASE), dt.datetime.now(dt.UTC)
    dataset = Dataset()
    deliberations = 0
    for path in source_files([Path(corpus)]):
        for deliberation in parse_file(path, ner=ner):
            dg = map_deliberation(deliberation, minter=minter, ingested_at=now)
            graph = dataset.graph(dg.graph_iri)
            for triple in dg.graph:
                graph.add(triple)
            deliberations += 1
    loaded = time.perf_counter()
    union = dataset.graph(dataset.default_context.identifier)
    for graph in dataset.contexts():
        union += graph
    conforms, _, _ = pyshacl.validate(
        union, shacl_graph=load_shapes(), inference="none", advanced=True
    )
    validated = time.perf_counter()
    latencies: dict[str, float | None] = {}
    for query in list_queries():
        if time.perf_counter() - started > budget:
            latencies[query.name] = None
            continue
        start = time.perf_counter()
        try:
            list(dataset.query(query.text, initNs=PREFIXES))
        except Exception as exc:  # rdflib cannot run every query (e.g. a REGEX with a \\p class)
            print(f"baseline: {query.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            latencies[query.name] = None
            continue
        latencies[query.name] = time.perf_counter() - start
    return {
        "deliberations": deliberations,
        "parse_map_load": loaded - started,
        "validate": validated - loaded,
        "ingest_elapsed": validated - started,
        "conforms": bool(conforms),
        "queries": latencies,
    }


# --------------------------------------------------------------------------- measuring


def measured(argv: list[str], timeout: float) -> tuple[dict[str, Any] | None, float, int]:
    """Run ``argv``; its JSON answer, wall time and peak RSS (bytes) of its process tree."""
    import psutil

    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peak = 0
    root = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        if time.perf_counter() - started > timeout:
            for child in root.children(recursive=True):  # its workers too, not only itself
                child.kill()
            process.kill()
            process.wait()
            return None, time.perf_counter() - started, peak
        time.sleep(0.05)
    wall = time.perf_counter() - started
    out = process.stdout.read() if process.stdout else b""
    return (json.loads(out) if process.returncode == 0 and out else None), wall, peak


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def make_corpus(folder: Path, size: int) -> Path:
    """Exactly ``size`` generated deliberations (one per file)."""
    from delibgraph.synth import generate

    seances = max(1, round(size / 50 / max(1, size // 2500)))
    authorities = max(1, size // 2500)
    while True:
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, authorities=authorities, seances=seances, seed=2026)
        files = sorted(folder.glob("*.txt"))
        if len(files) >= size:
            break
        seances += max(1, seances // 5)
    for extra in files[size:]:
        extra.unlink()
    return folder


def query_latencies(store: Path, runs_per_query: int = QUERY_RUNS) -> dict[str, float | None]:
    """The median latency of each library query (None for a query that fails)."""
    from delibgraph.errors import DelibgraphError
    from delibgraph.querylib import list_queries, run
    from delibgraph.store import EmbeddedStore

    medians: dict[str, float | None] = {}
    with EmbeddedStore(store) as opened:
        for query in list_queries():
            runs = []
            try:
                for _ in range(runs_per_query):
                    start = time.perf_counter()
                    run(opened, query)
                    runs.append(time.perf_counter() - start)
            except DelibgraphError as exc:
                print(f"query {query.name} failed: {exc.one_line()}", file=sys.stderr)
            medians[query.name] = statistics.median(runs) if runs else None
    return medians


# --------------------------------------------------------------------------- the report


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        ram = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        ram = "unknown"
    import pyoxigraph

    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "ram": ram,
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__ if hasattr(pyoxigraph, "__version__") else "?",
    }


def _ms(seconds: float | None) -> str:
    return "failed" if seconds is None else f"{1000 * seconds:.0f}"


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        "# delibgraph benchmark results",
        "",
        f"Measured {m['date']} by `python bench/bench.py {results['argv']}` on {m['nproc']} "
        f"cores ({m['cpu']}), {m['ram']} RAM, Python {m['python']}.",
        "Each ingestion is a fresh process (the spaCy model and the shapes are loaded inside "
        "the measured time); RSS is the peak of the whole process tree (workers included).",
        "",
        "## Ingestion",
        "",
        "| deliberations | workers | NER | rate (/s) | wall (s) | peak RSS (MiB) | store (MiB) "
        "| rejected | extract | parse | ner | map | serialize | validate | load | statistics "
        "| statistics (s) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in results["runs"]:
        report = run.get("report") or {}
        stages = report.get("stages", {})
        total = sum(stages.values()) or 1.0
        shares = " | ".join(
            f"{100 * stages.get(s, 0) / total:.0f}%"
            for s in STAGES
        )
        rate = f"{run['size'] / run['wall']:.1f}" if report else "timeout"
        lines.append(
            f"| {run['size']} | {run['workers']} | {'yes' if run['ner'] else 'no'} | {rate} | "
            f"{run['wall']:.1f} | {run['rss'] / 2**20:.0f} | {run['store_bytes'] / 2**20:.0f} | "
            f"{report.get('rejected', '?')} | {shares} | {stages.get('statistics', 0):.1f} |"
        )
    lines += [
        "",
        "Stage shares are of the time summed over all processes (CPU-bound stages). "
        "`statistics` is the parent's recomputation of the per-body statistics graphs after the "
        "writes (delibgraph.statistics), included in the wall time and the rate.",
        "",
        "## Query latency (median of several runs, embedded store)",
        "",
    ]
    sizes = sorted(results["queries"], key=int)
    runs = ", ".join(f"{n} at {size}" for size, n in sorted(results["query_runs"].items()))
    lines.append(
        "The store queried is the last one built for that size; runs per query (the first "
        f"included): {runs}.",
    )
    lines.append("")
    lines.append("| query | " + " | ".join(f"{s} deliberations (ms)" for s in sizes) + " |")
    lines.append("|---|" + "---|" * len(sizes))
    names = sorted({name for q in results["queries"].values() for name in q})
    for name in names:
        cells = " | ".join(_ms(results["queries"][s].get(name)) for s in sizes)
        lines.append(f"| {name} | {cells} |")
    baseline = results.get("baseline")
    if baseline:
        lines += ["", f"## Naive baseline ({baseline['size']} deliberations, one process)", ""]
        if baseline.get("measured"):
            lines += [
                f"Measured {baseline['measured']} by an earlier invocation on the same "
                "corpus (`--sizes 1000 --baseline-timeout 600`).",
                "",
            ]
        data = baseline.get("report")
        if data is None:
            ours = baseline["ours"]
            lines.append(
                f"The naive pipeline (parse and map as delibgraph does, every graph into one "
                f"rdflib dataset, then pyshacl on the union) was stopped after "
                f"{baseline['wall']:.0f} s without finishing, its peak RSS "
                f"{baseline['rss'] / 2**20:.0f} MiB; delibgraph ingested the same corpus in "
                f"{ours['wall']:.0f} s ({ours['label']}), peak RSS {ours['rss'] / 2**20:.0f} MiB: "
                f"at least {baseline['wall'] / ours['wall']:.0f}× faster end to end. pyshacl "
                "on the whole graph is what does not finish (the SHACL-SPARQL constraints over "
                "a million triples in rdflib); the baseline's queries could not be timed."
            )
        else:
            ours = baseline["ours"]
            lines += [
                "| measure | baseline | delibgraph | ratio |",
                "|---|---|---|---|",
                f"| end-to-end ingest (s) | {baseline['wall']:.1f} | {ours['wall']:.1f} | "
                f"{baseline['wall'] / ours['wall']:.1f}× |",
                f"| of which validation (s) | {data['validate']:.1f} | – | |",
                f"| peak RSS (MiB) | {baseline['rss'] / 2**20:.0f} | {ours['rss'] / 2**20:.0f} | "
                f"{baseline['rss'] / max(ours['rss'], 1):.1f}× |",
            ]
            for name, seconds in sorted(data["queries"].items()):
                mine = results["queries"][str(baseline["size"])].get(name)
                if seconds is None or not mine:
                    lines.append(f"| query {name} (ms) | not run (error or time budget) | – | |")
                else:
                    lines.append(
                        f"| query {name} (ms) | {1000 * seconds:.0f} | "
                        f"{1000 * mine:.0f} | {seconds / mine:.0f}× |"
                    )
            lines.append("")
            lines.append(f"delibgraph's figures here: {ours['label']}.")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--ner", choices=("both", "yes", "no"), default="both")
    parser.add_argument("--quick", action="store_true", help="200 deliberations, 2 workers")
    parser.add_argument("--baseline-timeout", type=float, default=1800.0)
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--query-runs", type=int, default=QUERY_RUNS, metavar="N")
    parser.add_argument(
        "--append",
        action="store_true",
        help="add to the results already in OUT's .json (other sizes or settings)",
    )
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--render", action="store_true", help="only write OUT again from OUT's .json"
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "ingest":
            answer = child_ingest(rest[0], rest[1], int(rest[2]), rest[3] == "1")
        else:
            answer = child_baseline(rest[0], rest[1] == "1", float(rest[2]))
        print(json.dumps(answer))
        return 0
    if args.render:
        data = json.loads(args.out.with_suffix(".json").read_text(encoding="utf-8"))
        args.out.write_text(markdown(data), encoding="utf-8")
        return 0
    if args.quick:
        args.sizes, args.workers = [200], [2]
    ner_modes = {"both": [False, True], "yes": [True], "no": [False]}[args.ner]
    scratch = Path(tempfile.mkdtemp(prefix="delibgraph-bench-"))
    script = str(Path(__file__).resolve())
    results: dict[str, Any] = {
        "query_runs": {},
        "machine": machine(),
        "runs": [],
        "queries": {},
        "argv": " ".join(sys.argv[1:]),
    }
    try:
        for size in args.sizes:
            corpus = make_corpus(scratch / f"corpus-{size}", size)
            for workers in args.workers:
                for ner in ner_modes:
                    store = scratch / f"store-{size}-{workers}-{int(ner)}"
                    argv = [
                        sys.executable,
                        script,
                        "--child",
                        "ingest",
                        str(corpus),
                        str(store),
                        str(workers),
                        "1" if ner else "0",
                    ]
                    report, wall, rss = measured(argv, timeout=4 * 3600)
                    run = {
                        "size": size,
                        "workers": workers,
                        "ner": ner,
                        "wall": wall,
                        "rss": rss,
                        "store_bytes": folder_size(store),
                        "report": report,
                    }
                    results["runs"].append(run)
                    print(json.dumps({k: v for k, v in run.items() if k != "report"}), flush=True)
            stores = sorted(scratch.glob(f"store-{size}-*"))
            results["queries"][str(size)] = query_latencies(stores[-1], args.query_runs)
            results["query_runs"][str(size)] = args.query_runs
            print(json.dumps({"queries": size, **results["queries"][str(size)]}), flush=True)
            for store in stores:
                shutil.rmtree(store, ignore_errors=True)
        smallest = min(args.sizes)
        ours = max(
            (r for r in results["runs"] if r["size"] == smallest and not r["ner"]),
            key=lambda r: r["workers"],
            default=None,
        )
        if ours is not None and not args.no_baseline:
            argv = [
                sys.executable,
                script,
                "--child",
                "baseline",
                str(scratch / f"corpus-{smallest}"),
                "0",
                str(args.baseline_timeout),
            ]
            report, wall, rss = measured(argv, timeout=args.baseline_timeout * 1.5)
            results["baseline"] = {
                "size": smallest,
                "report": report,
                "wall": wall,
                "rss": rss,
                "timeout": args.baseline_timeout,
                "ours": {
                    "wall": ours["wall"],
                    "rss": ours["rss"],
                    "label": f"{ours['workers']} workers, no NER, same corpus",
                },
            }
            print(json.dumps({"baseline": wall, "rss": rss}), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if args.append and args.out.with_suffix(".json").is_file():
        earlier = json.loads(args.out.with_suffix(".json").read_text(encoding="utf-8"))
        results["runs"] = earlier["runs"] + results["runs"]
        results["queries"] = {**earlier["queries"], **results["queries"]}
        results["query_runs"] = {**earlier.get("query_runs", {}), **results["query_runs"]}
        results["argv"] = f"{earlier['argv']}` and `{results['argv']}"
        if "baseline" not in results and "baseline" in earlier:
            results["baseline"] = earlier["baseline"]
    args.out.write_text(markdown(results), encoding="utf-8")
    (args.out.with_suffix(".json")).write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
