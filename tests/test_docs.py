"""The docs cannot drift: README commands, CLI reference and the query library stay in step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from delibgraph.cli import build_parser
from delibgraph.resources import resource_dir

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _sh_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", text, flags=re.S)]


def test_readme_opens_with_the_two_setup_commands() -> None:
    head = README[: README.index("## What it is")]
    blocks = _sh_blocks(head)
    assert len(blocks) == 2, "README must open with exactly two set-up commands"
    install_and_run, install_and_test = blocks
    assert "delibgraph demo" in install_and_run
    assert install_and_test.endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    test_command = _sh_blocks(README)[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines(), ".ci/run must run the README's test command verbatim"


def test_every_cli_command_is_documented() -> None:
    parser = build_parser()
    commands = [
        choice
        for action in parser._subparsers._group_actions  # type: ignore[union-attr]
        for choice in getattr(action, "choices", {}) or {}
    ]
    assert commands
    missing = [c for c in commands if f"delibgraph {c}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_every_stored_query_is_listed_in_the_query_readme() -> None:
    folder = resource_dir("queries")
    index = (folder / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in sorted(folder.glob("*.rq")) if p.name not in index]
    assert not missing, f"queries missing from queries/README.md: {missing}"


@pytest.mark.slow
def test_readme_python_example_runs(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    block = re.search(r"```python\n(.*?)```", README, flags=re.S)
    assert block is not None
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(block.group(1), "README.md", "exec"), namespace)
    assert namespace["d"].number == "M2021-162"  # type: ignore[attr-defined]
    assert namespace["report"].conforms is True  # type: ignore[attr-defined]
