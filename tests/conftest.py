"""Shared test fixtures. Keep this file small: one fixture per shared resource."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLDEN_DIR = REPO / "tests" / "golden"
UPDATE_GOLDEN = os.environ.get("DELIBGRAPH_UPDATE_GOLDEN") == "1"
"""Golden files are rewritten only when DELIBGRAPH_UPDATE_GOLDEN=1 is set explicitly."""


@pytest.fixture(scope="session")
def update_golden() -> bool:
    """True when the run may rewrite golden files (DELIBGRAPH_UPDATE_GOLDEN=1)."""
    return UPDATE_GOLDEN


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only reference folder beside the repository (../shared); skip without it."""
    folder = REPO.parent / "shared"
    if not (folder / "seeds").is_dir():
        pytest.skip(f"reference folder {folder} (with seeds/) is not available")
    return folder


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    """The real register the project is built around."""
    return shared_dir / "seeds" / "montpellier-metropole-M2021-162.txt"
