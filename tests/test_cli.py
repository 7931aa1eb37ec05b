"""The command line, in process: ``cli.main([...])`` with captured output."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from corpus_stores import (
    BASE,
    COUNCIL,
    deliberation_graphs,
    examples_dir,
    examples_statistics_graph,
    examples_store,
    seed_path,
)
from delibgraph import cli
from delibgraph.store import EmbeddedStore

COMMANDS = ("parse", "validate", "ingest", "query", "export", "stats", "demo")


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the examples store (commands here may lock or change it)."""
    source, report = examples_store(ner=False)
    assert report.exit_code == 0, report.to_text()
    target = tmp_path_factory.mktemp("cli") / "store"
    shutil.copytree(source, target)
    return target


def _main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str | None) -> None:
    argv = ["--help"] if command is None else [command, "--help"]
    code, out, _ = _main(capsys, *argv)
    assert code == 0
    assert "usage: delibgraph" in out
    if command is None:
        assert all(name in out for name in COMMANDS)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _main(capsys, "frobnicate")
    assert code == 2 and "invalid choice" in err
    code, _, err = _main(capsys, "export", "--format", "rdfxml")
    assert code == 2


def test_parse_json_of_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main(capsys, "parse", str(seed_path()), "--no-ner")
    assert code == 0, err
    [seed] = json.loads(out)
    assert seed["number"] == "M2021-162"
    assert seed["session"]["date"] == "2021-03-29"
    assert seed["members_in_office"] == 92
    assert (len(seed["present"]), len(seed["represented"]), len(seed["absent"])) == (75, 12, 5)
    assert seed["vote"]["for"] == 87
    assert "Michaël DELAFOSSE" in out  # ensure_ascii=False: names as printed


def test_parse_several_files_gives_one_array(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "parse", str(examples_dir()), "--no-ner")
    assert code == 0
    assert [d["number"] for d in json.loads(out)] == [
        "2023-014", "2023-015", "2023-016", "2023-031", "2023-032", "2024-003", "2024-004",
    ]  # fmt: skip


def test_parse_turtle(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "parse", str(seed_path()), "--format", "turtle", "--no-ner")
    assert code == 0
    graph = Graph().parse(data=out, format="turtle")
    assert len(graph) > 300


def test_parse_of_a_missing_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = _main(capsys, "parse", str(tmp_path / "nope.txt"))
    assert code == 2
    assert err.startswith("delibgraph: ") and "nope.txt" in err


def test_validate_reports_and_exit_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _main(capsys, "validate", str(seed_path()), "--no-ner")
    assert code == 0 and "1 of 1 deliberation(s) conform" in out
    broken = tmp_path / "broken.txt"
    broken.write_text(
        seed_path().read_text("utf-8").replace("Pour : 87 voix", "Pour : 86 voix"), "utf-8"
    )
    code, out, _ = _main(capsys, "validate", str(broken), "--no-ner", "--format", "json")
    assert code == 1
    assert json.loads(out)["conforms"] is False


def test_ingest_query_export_stats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    code, out, err = _main(capsys, "ingest", str(examples_dir()), "--store", store, "--no-ner")
    assert code == 0, err
    assert "deliberations loaded" in out and "inserted 7" in out

    code, out, _ = _main(capsys, "query", "deliberations-by-body-month", "--store", store)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["bodyName", "month", "deliberations", "seances", "body"]
    assert lines[-1] == "(3 rows)"

    code, out, _ = _main(capsys, "stats", "--store", store, "--format", "json")
    assert code == 0
    stats = json.loads(out)
    assert (stats["deliberations"], stats["persons"], stats["seances"]) == (7, 15, 3)
    assert (stats["authorities"], stats["bodies"]) == (1, 1)
    with EmbeddedStore(Path(store)) as opened:
        graphs = opened.graphs()
    # 7 deliberation graphs, the council's statistics graph and the version log, both written
    # after the deliberations
    assert len(deliberation_graphs(graphs)) == 7
    besides = [examples_statistics_graph(), f"{BASE}graph/versions"]
    assert graphs == sorted([*deliberation_graphs(graphs), *besides])
    assert stats["graphs"] == len(graphs)

    code, out, _ = _main(capsys, "stats", "--store", store)
    assert code == 0 and "person:Person" in out

    target = tmp_path / "dump.trig"
    code, _, _ = _main(capsys, "export", "--store", store, "--format", "trig", "-o", str(target))
    assert code == 0
    quads = list(ox.parse(path=str(target), format=ox.RdfFormat.TRIG))
    assert sorted({quad.graph_name.value for quad in quads}) == graphs  # every one of them
    assert len(quads) == stats["triples"]


def test_export_to_stdout(capsys: pytest.CaptureFixture[str], examples: Path) -> None:
    code, out, _ = _main(capsys, "export", "--store", str(examples), "--format", "nquads")
    assert code == 0
    lines = out.splitlines()
    assert lines and all(line.endswith(" .") for line in lines)
    code, out, _ = _main(capsys, "export", "--store", str(examples), "--format", "turtle")
    assert code == 0
    assert len(Graph().parse(data=out, format="turtle")) > 100


def test_query_formats_and_parameters(capsys: pytest.CaptureFixture[str], examples: Path) -> None:
    store = str(examples)
    code, out, _ = _main(
        capsys, "query", "attendance-by-member", "--store", store, "--format", "csv",
        "--param", f"body={COUNCIL}",
    )  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 15
    assert {row["body"] for row in rows} == {COUNCIL}
    marchand = next(row for row in rows if row["name"] == "Hélène MARCHAND")
    assert (marchand["present"], marchand["rate"]) == ("7", "1")

    code, out, _ = _main(capsys, "query", "proxies-by-member", "--store", store,
                         "--format", "json")  # fmt: skip
    assert code == 0
    records = json.loads(out)
    assert {r["name"]: r["given"] for r in records}["Paul GIRARD"] == 5

    code, out, _ = _main(capsys, "query", "ASK { ?s a person:Person }", "--store", store)
    assert (code, out) == (0, "yes\n")


def test_query_a_file(capsys: pytest.CaptureFixture[str], examples: Path, tmp_path: Path) -> None:
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a person:Person }\n", "utf-8")
    code, out, _ = _main(capsys, "query", str(query), "--store", str(examples), "--format", "csv")
    assert (code, out) == (0, "n\n15\n")


def test_query_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "query", "--list")
    assert code == 0
    for name in ("attendance-by-member", "proxies-by-member", "deliberations-by-body-month",
                 "dissent-by-member", "deliberations-by-theme", "entities-mentioned"):  # fmt: skip
        assert name in out
    assert "Attendance rate per member" in out


def test_malformed_sparql_exits_2_with_line_and_column(
    capsys: pytest.CaptureFixture[str], examples: Path
) -> None:
    code, out, err = _main(capsys, "query", "SELECT ?x\nWHERE { ?x ?p }", "--store", str(examples))
    assert code == 2 and out == ""
    assert err.startswith("delibgraph: query:2:")
    assert "malformed SPARQL query" in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_query_name_exits_2(capsys: pytest.CaptureFixture[str], examples: Path) -> None:
    code, _, err = _main(capsys, "query", "who-is-the-best", "--store", str(examples))
    assert code == 2
    assert "unknown query 'who-is-the-best'" in err and "attendance-by-member" in err


def test_bad_parameters_exit_2(capsys: pytest.CaptureFixture[str], examples: Path) -> None:
    store = str(examples)
    code, _, err = _main(capsys, "query", "attendance-by-member", "--store", store,
                         "--param", "body")  # fmt: skip
    assert code == 2 and "name=value" in err
    code, _, err = _main(capsys, "query", "attendance-by-member", "--store", store,
                         "--param", "colour=red")  # fmt: skip
    assert code == 2 and "no parameter ?colour" in err
    code, _, err = _main(capsys, "query", "--store", store)
    assert code == 2


def test_reading_a_missing_store_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nothing-here"
    code, _, err = _main(capsys, "stats", "--store", str(missing))
    assert code == 2 and "no store at" in err
    assert not missing.exists()


def test_store_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, examples: Path
) -> None:
    monkeypatch.setenv("DELIBGRAPH_STORE", str(examples))
    code, out, _ = _main(capsys, "query", "vote-results", "--format", "csv")
    assert code == 0 and len(out.splitlines()) == 8


def test_a_locked_store_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], examples: Path
) -> None:
    from delibgraph.store import EmbeddedStore

    with EmbeddedStore(examples):
        code, _, err = _main(capsys, "stats", "--store", str(examples))
    assert code == 2
    assert err.startswith("delibgraph: ") and "in use" in err


def test_bad_base_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _main(capsys, "parse", str(seed_path()), "--base", "ftp://x", "--format",
                         "turtle")  # fmt: skip
    assert code == 2 and "--base" in err


@pytest.mark.slow
def test_demo_ingests_the_examples_and_prints_attendance(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _main(capsys, "demo", "--store", str(tmp_path / "demo"))
    assert code == 0, err
    assert "inserted 7" in out
    table = out[out.index("Attendance rate per member") :]
    assert "Hélène MARCHAND" in table and "Thomas MARTIN GARCIA" in table
    assert "(15 rows)" in table
