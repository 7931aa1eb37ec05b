"""Stores built once per test session from the example corpus and the seed.

Each helper ingests into a fresh temporary folder and returns the folder's path (not an open
store: the CLI tests open stores by path, and a store folder can be open only once at a time).
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from delibgraph.ids import IriMinter
from delibgraph.pipeline import IngestReport, ingest
from delibgraph.resources import resource_dir
from delibgraph.store import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "montpellier-metropole-M2021-162.txt"
BASE = "http://localhost:8000/"
MINTER = IriMinter(BASE)
INGESTED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
AUTHORITY = f"{BASE}id/authority/219990001"
COUNCIL = f"{AUTHORITY}/body/conseil-municipal"
SEED_BODY = f"{BASE}id/authority/243400017/body/conseil-de-metropole"


def deliberation_graphs(graphs: Iterable[str], base: str = BASE) -> list[str]:
    """The deliberation graphs (``{base}graph/{auth}/{num}``) among ``graphs``, sorted: not the
    bodies' statistics graphs (``{base}graph/statistics/{auth}/{body}``), nor the version log
    (``{base}graph/versions``)."""
    one_deliberation = re.compile(re.escape(base) + r"graph/[^/]+/[^/]+")
    return sorted(graph for graph in graphs if one_deliberation.fullmatch(graph))


def examples_statistics_graph(base: str = BASE) -> str:
    """The statistics graph of the examples' only body (their council), under ``base``."""
    council = f"{base}id/authority/219990001/body/conseil-municipal"
    return str(IriMinter(base).statistics_graph(council))


def seed_path() -> Path:
    """The real register the issue is built around (shared/seeds beside the repository)."""
    for candidate in (
        ROOT / "tests" / "fixtures" / SEED_NAME,
        ROOT.parent / "shared" / "seeds" / SEED_NAME,
    ):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"the seed {SEED_NAME} is neither in tests/fixtures nor ../shared/seeds"
    )


def examples_dir() -> Path:
    return resource_dir("examples")


def _scratch(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@functools.cache
def examples_store(*, ner: bool) -> tuple[Path, IngestReport]:
    """The example corpus ingested into a new store (once per session)."""
    folder = _scratch("delibgraph-examples-")
    with EmbeddedStore(folder / "store") as store:
        report = ingest(
            [examples_dir()],
            store,
            minter=MINTER,
            report_dir=folder / "reports",
            ner=ner,
            now=INGESTED_AT,
        )
    return folder / "store", report
