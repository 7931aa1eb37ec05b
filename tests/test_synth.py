"""The synthetic corpus generator: reproducible, consistent, stable rosters, parseable."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from delibgraph.actes import parse_actes_id
from delibgraph.errors import UsageError
from delibgraph.names import collapse_spaces, person_key
from delibgraph.synth import MANIFEST_NAME, SynthSummary, generate
from delibgraph.synth.frenchtext import euros, number_words, wrap, year_words
from delibgraph.synth.layout import Layout
from delibgraph.synth.territory import is_luhn_valid, luhn_complete


def _small(out: Path, seed: int) -> SynthSummary:
    """2 authorities, 3 séances each, 4–8 deliberations a séance."""
    return generate(out, authorities=2, seances=3, seed=seed, deliberations_per_seance=(4, 8))


def _manifest(out: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    return manifest


def _files(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[SynthSummary, dict[str, Any]]:
    out = tmp_path_factory.mktemp("synth-small")
    summary = _small(out, 3)
    return summary, _manifest(out)


# ------------------------------------------------------------------ French typography


def test_numbers_and_years_in_words_follow_both_spellings() -> None:
    assert year_words(2021, reformed=True) == "deux-mille-vingt-et-un"  # the seed
    assert year_words(2023, reformed=False) == "deux mille vingt-trois"  # the examples
    assert number_words(29, reformed=True) == "vingt-neuf"
    assert number_words(71, reformed=False) == "soixante et onze"
    assert number_words(80, reformed=False) == "quatre-vingts"
    assert number_words(91, reformed=True) == "quatre-vingt-onze"


def test_amounts_are_printed_with_a_thousands_separator() -> None:
    assert euros(4_800_000) == "48 000 €"
    assert euros(340, "\u00a0") == "3,40 €"
    assert euros(124_000_000, "\u00a0") == "1\u00a0240\u00a0000 €"


def test_justified_lines_fill_the_width_and_keep_every_word() -> None:
    text = "les membres du Conseil de Métropole légalement convoqués se sont assemblés"
    words = text.split(" ")
    lines = wrap(words, 30, justify=True)
    assert all(len(line) <= 30 for line in lines)
    assert len(lines[0]) == 30
    assert " ".join(" ".join(lines).split()) == " ".join(words)


def test_sirens_carry_a_luhn_key() -> None:
    assert is_luhn_valid("243400017")  # the seed's authority
    assert luhn_complete("24340001") == "243400017"
    assert not is_luhn_valid("243400018")


# ------------------------------------------------------------------ reproducibility


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    _small(tmp_path / "a", 5)
    _small(tmp_path / "b", 5)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first.keys() == second.keys()
    assert first == second


def test_another_seed_gives_another_corpus(tmp_path: Path) -> None:
    _small(tmp_path / "a", 5)
    _small(tmp_path / "b", 6)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_bad_arguments_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        generate(tmp_path, authorities=0, seances=1)
    with pytest.raises(UsageError):
        generate(tmp_path, authorities=1, seances=1, deliberations_per_seance=(5, 3))
    a_file = tmp_path / "file.txt"
    a_file.write_text("", encoding="utf-8")
    with pytest.raises(UsageError):
        generate(a_file, authorities=1, seances=1)


# ------------------------------------------------------------------ the manifest's truth


def test_summary_counts_what_was_written(
    small_corpus: tuple[SynthSummary, dict[str, Any]],
) -> None:
    summary, manifest = small_corpus
    texts = sorted(p.name for p in summary.out.glob("*.txt"))
    entries = manifest["deliberations"]
    assert summary.authorities == 2 and summary.seances == 6
    assert (
        summary.deliberations == len(texts) == len(entries) == manifest["totals"]["deliberations"]
    )
    assert summary.files == len(texts) + 1
    assert sorted(e["file"] for e in entries) == texts


def test_sizes_stay_within_the_asked_ranges(
    small_corpus: tuple[SynthSummary, dict[str, Any]],
) -> None:
    _, manifest = small_corpus
    items = Counter(
        (e["authority"]["siren"], e["session"]["date"]) for e in manifest["deliberations"]
    )
    assert len(items) == 6
    assert all(4 <= count <= 8 for count in items.values())
    for authority in manifest["authorities"]:
        assert 30 <= authority["members_in_office"] <= 100
        assert authority["seances"] == 3
    for entry in manifest["deliberations"]:
        assert 300 <= entry["report_words"] <= 1000


def test_attendance_and_votes_add_up(small_corpus: tuple[SynthSummary, dict[str, Any]]) -> None:
    _, manifest = small_corpus
    for e in manifest["deliberations"]:
        present = set(e["present"])
        represented = {r["name"] for r in e["represented"]}
        absent = {a["name"] for a in e["absent"]}
        assert len(present) + len(represented) + len(absent) == e["members_in_office"]
        assert not (present & represented or present & absent or represented & absent)
        holders = [r["proxy_holder"] for r in e["represented"]]
        assert len(set(holders)) == len(holders) and set(holders) <= present
        assert e["session"]["president"] in present and e["rapporteur"]["name"] in present
        vote = e["vote"]
        if vote["outcome"] == "noted":
            assert vote["for"] is None and vote["method"] is None
            continue
        counts = [vote[k] for k in ("for", "against", "abstention", "not_voting")]
        assert sum(counts) == len(present) + len(represented)
        assert vote["for"] > vote["against"]
        assert vote["unanimous"] == (vote["against"] == 0 and vote["abstention"] == 0)
        for key in ("against", "abstention", "not_voting"):
            names = vote[f"{key}_names"]
            assert set(names) <= present | represented
            if vote["method"] != "secret_ballot":
                assert len(names) == vote[key]


def test_late_arrivals_and_early_departures_change_attendance_within_a_seance(
    small_corpus: tuple[SynthSummary, dict[str, Any]],
) -> None:
    _, manifest = small_corpus
    by_seance: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in manifest["deliberations"]:
        by_seance[(e["authority"]["siren"], e["session"]["date"])].append(e)
        assert set(e["events"]["arrived_late"]) <= set(e["present"])
        assert not set(e["events"]["left_early"]) & set(e["present"])
    varying = [
        items for items in by_seance.values() if len({tuple(e["present"]) for e in items}) > 1
    ]
    assert varying, "no séance of the corpus has a late arrival or an early departure"
    for items in varying:
        assert any(e["events"]["arrived_late"] or e["events"]["left_early"] for e in items)


def test_actes_ids_agree_with_the_authority_and_the_seance(
    small_corpus: tuple[SynthSummary, dict[str, Any]],
) -> None:
    _, manifest = small_corpus
    for e in manifest["deliberations"]:
        actes = parse_actes_id(e["prefecture"]["actes_id"])
        assert actes.siren == e["authority"]["siren"] and is_luhn_valid(actes.siren)
        assert actes.department in {"096", "097", "098", "099"}
        assert actes.decision_date.isoformat() == e["session"]["date"]
        signed = dt.date.fromisoformat(e["signed"]["date"])
        assert dt.date.fromisoformat(e["session"]["date"]) < signed
        assert signed <= dt.date.fromisoformat(e["prefecture"]["received"])


def test_rosters_are_stable_and_spelled_the_same_everywhere(
    small_corpus: tuple[SynthSummary, dict[str, Any]],
) -> None:
    _, manifest = small_corpus
    spellings: dict[tuple[str, str], set[str]] = defaultdict(set)
    rosters = {a["siren"]: a for a in manifest["authorities"]}
    for authority in manifest["authorities"]:
        sizes = {len(names) for names in authority["rosters"].values()}
        assert sizes == {authority["members_in_office"]}
        years = sorted(authority["rosters"])
        for before, after in itertools.pairwise(years):
            changed = set(authority["rosters"][before]) ^ set(authority["rosters"][after])
            assert len(changed) <= 6  # at most three replacements a year
    for e in manifest["deliberations"]:
        authority = rosters[e["authority"]["siren"]]
        roster = authority["rosters"][e["session"]["date"][:4]]
        named = [*e["present"], *(r["name"] for r in e["represented"])]
        named += [a["name"] for a in e["absent"]]
        assert sorted(named) == sorted(roster)
        for name in named:
            spellings[(authority["siren"], person_key(name))].add(name)
    assert all(len(names) == 1 for names in spellings.values())


def test_every_fact_of_the_manifest_is_in_the_text(
    small_corpus: tuple[SynthSummary, dict[str, Any]],
) -> None:
    summary, manifest = small_corpus
    for e in manifest["deliberations"]:
        text = (summary.out / e["file"]).read_text(encoding="utf-8")
        flat = collapse_spaces(text)
        assert f"Délibération n°{e['number']}" in flat
        assert e["prefecture"]["actes_id"] in text
        for name in [*e["present"], *(a["name"] for a in e["absent"])]:
            assert name in flat
        for proxy in e["represented"]:
            assert f"{proxy['name']} (pouvoir à {proxy['proxy_holder']})" in flat
        for amount in e["entities"]["amounts"]:
            assert collapse_spaces(amount["text"]) in flat  # collapse_spaces folds no-break spaces
        if e["vote"]["for"] is not None:
            assert re.search(rf"^Pour : {e['vote']['for']} voix$", text, re.MULTILINE)


def test_layout_variants_all_occur(tmp_path: Path) -> None:
    generate(tmp_path, authorities=40, seances=1, deliberations_per_seance=(1, 1))
    layouts = [a["layout"] for a in _manifest(tmp_path)["authorities"]]
    assert {lay["name_lists"] for lay in layouts} == {"justified", "wrapped", "one_per_line"}
    assert {lay["absent_headings"] for lay in layouts} == {"combined", "split", "plain"}
    assert {lay["counts"] for lay in layouts} == {"in_office", "inline", "lines"}


def test_ten_thousand_deliberations_are_cheap(tmp_path: Path) -> None:
    """A thousandth of the 10,000-deliberation budget (a minute) per deliberation, with room."""
    started = time.perf_counter()
    summary = generate(tmp_path, authorities=2, seances=10, deliberations_per_seance=(40, 60))
    elapsed = time.perf_counter() - started
    assert summary.deliberations >= 800
    assert elapsed / summary.deliberations < 0.004  # 10,000 in under 40 s


# ------------------------------------------------------------------ through the real parser

_DIMENSIONS = (
    "name_lists", "absent_headings", "counts", "year_words", "amount_separator",
    "number_style", "actes_internal", "alphabetical",
)  # fmt: skip


@pytest.fixture(scope="module")
def variant_corpora(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Small corpora (1 authority, 2 séances, 3–5 items) that together show every layout part."""
    wanted = {(name, str(value)) for name, value in _all_layout_values()}
    wanted |= {("kind", k) for k in ("commune", "communaute_de_communes", "metropole")}
    kept: list[Path] = []
    for seed in range(200):
        out = tmp_path_factory.mktemp(f"synth-variant-seed{seed}-")
        generate(out, authorities=1, seances=2, seed=seed, deliberations_per_seance=(3, 5))
        authority = _manifest(out)["authorities"][0]
        shown = {(d, str(authority["layout"][d])) for d in _DIMENSIONS}
        shown.add(("kind", authority["kind"]))
        if shown & wanted:
            kept.append(out)
            wanted -= shown
        if not wanted:
            return kept
    raise AssertionError(f"no seed below 200 shows {sorted(wanted)}")


def _all_layout_values() -> list[tuple[str, object]]:
    return [
        ("name_lists", "justified"), ("name_lists", "wrapped"), ("name_lists", "one_per_line"),
        ("absent_headings", "combined"), ("absent_headings", "split"),
        ("absent_headings", "plain"), ("counts", "in_office"), ("counts", "inline"),
        ("counts", "lines"), ("year_words", "reformed"), ("year_words", "traditional"),
        ("amount_separator", "space"), ("amount_separator", "nbsp"),
        ("amount_separator", "narrow_nbsp"), ("number_style", "letter"),
        ("number_style", "year_seq"), ("number_style", "underscore"),
        ("number_style", "prefixed"), ("actes_internal", "counter"),
        ("actes_internal", "number"), ("alphabetical", True), ("alphabetical", False),
    ]  # fmt: skip


def test_layout_parts_listed_by_the_test_exist() -> None:
    assert {name for name, _ in _all_layout_values()} == set(_DIMENSIONS)
    assert set(_DIMENSIONS) <= set(Layout.__dataclass_fields__)


def _parsed(out: Path) -> list[tuple[dict[str, Any], Any]]:
    parse = pytest.importorskip("delibgraph.parse")
    pairs = []
    for entry in _manifest(out)["deliberations"]:
        found = parse.parse_file(out / entry["file"], ner=False)
        assert len(found) == 1, entry["file"]
        pairs.append((entry, found[0]))
    return pairs


def _facts(data: dict[str, Any]) -> dict[str, Any]:
    """The facts a parse JSON object (or a manifest entry, same keys) states."""
    vote = data["vote"]
    return {
        "number": data["number"],
        "siren": data["authority"]["siren"],
        "session": {
            k: data["session"][k] for k in ("date", "kind", "place", "mode", "president")
        },
        "members_in_office": data["members_in_office"],
        "absent": data["absent"],
        "theme": data["theme"],
        "title": data["title"],
        "rapporteur": data["rapporteur"]["name"],
        "decisions": len(data["decisions"]),
        "vote": {k: vote[k] for k in vote},
        "dates": (data["signed"]["date"], data["published"], data["prefecture"]["received"]),
        "actes_id": data["prefecture"]["actes_id"],
        "annexes": data["annexes"],
        "amounts": [(a["value"], a["text"]) for a in data["entities"]["amounts"]],
    }


def _name_lists(out: Path) -> str:
    return str(_manifest(out)["authorities"][0]["layout"]["name_lists"])


def test_parser_reads_every_layout_variant_as_the_manifest_says(
    variant_corpora: list[Path],
) -> None:
    """Everything but the known gaps below: present lists one per line, proxies in running text."""
    for out in variant_corpora:
        one_per_line = _name_lists(out) == "one_per_line"
        for entry, parsed in _parsed(out):
            data = parsed.to_json()
            where = f"{out.name}/{entry['file']}"
            assert _facts(data) == _facts(entry), where
            if one_per_line:
                assert data["represented"] == entry["represented"], where
            else:
                assert data["present"] == entry["present"], where


def test_parser_reads_present_lists_printed_one_name_per_line(
    variant_corpora: list[Path],
) -> None:
    for out in variant_corpora:
        if _name_lists(out) == "one_per_line":
            for entry, parsed in _parsed(out):
                assert list(parsed.present) == entry["present"], f"{out.name}/{entry['file']}"


def test_parser_reads_proxies_in_running_lists(variant_corpora: list[Path]) -> None:
    for out in variant_corpora:
        if _name_lists(out) != "one_per_line":
            for entry, parsed in _parsed(out):
                got = parsed.to_json()["represented"]
                assert got == entry["represented"], f"{out.name}/{entry['file']}"
