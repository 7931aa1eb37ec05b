"""``delibgraph eval DIR``: the parser scored against golden files, in process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from delibgraph import cli

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
EVAL_DOC = ROOT / "docs" / "eval.md"


def _main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _small_corpus(tmp_path: Path, *, wrong: bool = False) -> Path:
    for name in ("mirandol-2023-004", "vaux-en-orbiere-2022-041"):
        shutil.copy(FIXTURES / f"{name}.txt", tmp_path)
        golden = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
        if wrong:
            golden[0]["title"] = "Un autre titre"
        (tmp_path / f"{name}.expected.json").write_text(json.dumps(golden), encoding="utf-8")
    return tmp_path


def test_eval_prints_the_figures_per_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _main(capsys, "eval", str(_small_corpus(tmp_path)))
    assert code == 0
    assert out.splitlines()[0].split()[:4] == ["field", "tp", "fp", "fn"]
    assert "overall (micro-averaged)" in out
    assert "2 documents, 2 deliberations expected, 2 predicted" in out


def test_eval_lists_the_differences_and_fails_below_the_threshold(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = str(_small_corpus(tmp_path, wrong=True))
    code, out, _ = _main(capsys, "eval", corpus, "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert report["fields"]["title"]["fn"] == 2 and report["fields"]["title"]["fp"] == 2
    assert {d["field"] for d in report["differences"]} == {"title"}
    code, _, err = _main(capsys, "eval", corpus, "--min-f1", "0.999")
    assert code == 1 and "overall F1" in err


def test_eval_of_a_folder_without_golden_files_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = _main(capsys, "eval", str(tmp_path))
    assert code == 2 and "no document with a golden file" in err


def test_the_fixture_corpus_reaches_the_issue_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "eval", str(FIXTURES), "--format", "json", "--min-f1", "0.97")
    assert code == 0
    assert json.loads(out)["overall"]["f1"] >= 0.97


def test_docs_eval_holds_the_current_figures(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/eval.md is `delibgraph eval tests/fixtures --format markdown` (regenerate it so)."""
    monkeypatch.chdir(ROOT)
    code, out, _ = _main(capsys, "eval", "tests/fixtures", "--format", "markdown")
    assert code == 0
    assert EVAL_DOC.read_text(encoding="utf-8") == out
