"""The scorer (delibgraph.evaluate) on hand-made pairs, and the fixture corpus it scores.

The parser's current figures are printed by ``delibgraph eval tests/fixtures``, not asserted
here: the parser is being extended to this corpus.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from delibgraph.errors import ModelError, ParseError, UsageError
from delibgraph.evaluate import (
    FIELDS,
    LIST_FIELDS,
    SCALAR_FIELDS,
    EvalReport,
    FieldScore,
    align,
    evaluate_dir,
    evaluate_documents,
    load_expected,
    normalize_text,
)
from delibgraph.model import (
    AbsentMember,
    Amount,
    Authority,
    Deliberation,
    Entities,
    RepresentedMember,
    Session,
    Source,
    Vote,
)
from delibgraph.names import slugify

FIXTURES = Path(__file__).parent / "fixtures"
MANIFEST = FIXTURES / "MANIFEST.md"
SOURCE = Source(path="doc.txt", sha256="")

# Every variety item of issue 3 (and a few more the corpus holds): each needs a manifest row.
VARIETY = {
    "body:conseil-municipal", "body:conseil-metropole", "body:conseil-communautaire",
    "body:bureau", "body:commission-permanente", "body:conseil-departemental",
    "seance:ordinaire", "seance:extraordinaire",
    "place:lieu-ordinaire", "place:named-room", "place:videoconference", "place:hybrid",
    "date:words-with-time", "date:dd/mm/yyyy", "date:dd/mm/yy", "date:day-month-year",
    "date:weekday", "date:1er", "date:words-premier-mil",
    "name:first-LAST", "name:LAST-first", "name:honorific", "name:MM-Mmes",
    "name:surname-only", "name:initials", "name:surname-initial", "name:mixed-case",
    "name:compound", "name:hyphenated", "name:particle", "name:maiden",
    "name:broken-across-lines",
    "sep:comma", "sep:semicolon", "sep:dash", "sep:bullets", "sep:newline", "sep:et", "sep:none",
    "list:neant", "list:by-commune",
    "proxy:donne-pouvoir", "proxy:parenthesis", "proxy:colon", "proxy:procurations-list",
    "proxy:represente-par", "proxy:to-maire", "proxy:no-holder", "proxy:excused-and-proxy",
    "proxy:substitute",
    "counts:inline", "counts:dashed", "counts:sidebar", "counts:afferents", "counts:lines",
    "vote:unanimous-no-counts", "vote:unanimous-counts", "vote:majority-named",
    "vote:abstains-sentence", "vote:slash-zero", "vote:not-voting-names", "vote:show-of-hands",
    "vote:electronic", "vote:secret-ballot", "vote:election", "vote:roll-call",
    "vote:prend-acte", "vote:rejected", "vote:earlier-seance-quoted",
    "decision:dash", "decision:article", "decision:decide", "decision:plus-or-dot",
    "decision:capital-verbs",
    "pref:seed-block", "pref:recu-publie-id", "pref:rendu-executoire", "pref:ocr-noise",
    "layout:one-line", "layout:two-columns", "layout:page-headers", "layout:hyphenation",
    "layout:lost-apostrophes", "layout:hosting-site", "truncated",
    "session:whole", "session:late-arrival", "session:leaves-before-vote",
    "session:limited-proxy",
    "identity:maiden-full", "identity:surname-only", "identity:initial", "identity:no-accents",
    "identity:same-surname",
    "theme", "annexes", "amounts",
}  # fmt: skip


# --------------------------------------------------------------------------- hand-made pairs


def _deliberation(**changes: Any) -> Deliberation:
    """A complete hand-made deliberation; ``changes`` replace its fields."""
    base = Deliberation(
        source=SOURCE,
        number="2022-041",
        authority=Authority(name="Commune de Sainte-Colombe-des-Aulnes", siren="219990482"),
        body="Conseil municipal",
        session=Session(
            date=dt.date(2022, 7, 12),
            kind="ordinaire",
            place="mairie",
            mode="in_person",
            president="Bernard CASTAGNÉ",
        ),
        members_in_office=5,
        present=("Bernard CASTAGNÉ", "Paul ROUQUETTE", "Sylvie ROUQUETTE"),
        represented=(RepresentedMember("Lucette VIGUIER", "Paul ROUQUETTE"),),
        absent=(AbsentMember("Anaïs CAUSSE", excused=True),),
        title="Subvention au comité des fêtes",
        decisions=(
            "d’attribuer une subvention de 3 500 €",
            "de dire que les crédits sont inscrits",
        ),
        vote=Vote(
            method="show_of_hands",
            outcome="adopted",
            unanimous=False,
            for_=3,
            against=1,
            abstention=0,
            against_names=("Sylvie ROUQUETTE",),
        ),
        entities=Entities(amounts=(Amount(Decimal("3500"), "EUR", "3 500 €"),)),
    )
    return dataclasses.replace(base, **changes)


def _values(d: Deliberation) -> int:
    """How many scored values a deliberation states: non-null scalars plus list items."""
    data = d.to_json()

    def get(path: str) -> Any:
        value: Any = data
        for key in path.split("."):
            value = value[key]
        return value

    return sum(get(f) is not None for f in SCALAR_FIELDS) + sum(len(get(f)) for f in LIST_FIELDS)


def _report(
    expected: Sequence[Deliberation], got: Sequence[Deliberation] | Exception
) -> EvalReport:
    return evaluate_documents([("doc.txt", expected, got)])


def test_perfect_parse_scores_one() -> None:
    d = _deliberation()
    report = _report([d], [d])
    assert report.overall == FieldScore(tp=_values(d))
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (1.0, 1.0, 1.0)
    assert report.differences == ()
    assert set(report.fields) == set(FIELDS)


def test_one_wrong_scalar_is_one_false_positive_and_one_false_negative() -> None:
    expected = _deliberation()
    got = _deliberation(vote=dataclasses.replace(expected.vote, for_=2))
    report = _report([expected], [got])
    n = _values(expected)
    assert report.fields["vote.for"] == FieldScore(tp=0, fp=1, fn=1)
    assert report.overall == FieldScore(tp=n - 1, fp=1, fn=1)
    assert report.overall.precision == pytest.approx((n - 1) / n)
    assert report.overall.recall == pytest.approx((n - 1) / n)
    [diff] = report.differences
    assert (diff.file, diff.deliberation, diff.field, diff.expected, diff.got) == (
        "doc.txt",
        "2022-041",
        "vote.for",
        3,
        2,
    )


def test_null_against_value_is_a_miss_and_value_against_null_a_false_positive() -> None:
    expected = _deliberation(theme=None)
    got = _deliberation(theme="Finances", title=None)
    report = _report([expected], [got])
    assert report.fields["theme"] == FieldScore(fp=1)
    assert report.fields["title"] == FieldScore(fn=1)
    assert report.fields["theme"].recall == 1.0 and report.fields["theme"].precision == 0.0
    assert report.fields["title"].f1 == 0.0


def test_missing_deliberation_counts_all_its_values_as_misses() -> None:
    first = _deliberation(number="2022-058")
    second = _deliberation(number="2022-059", title="Tarifs de la cantine")
    report = _report([first, second], [second])
    assert report.overall == FieldScore(tp=_values(second), fn=_values(first))
    assert any(d.field == "(deliberation)" and d.expected == "2022-058" for d in report.differences)
    assert (report.deliberations_expected, report.deliberations_predicted) == (2, 1)


def test_extra_deliberation_counts_all_its_values_as_false_positives() -> None:
    d = _deliberation()
    extra = _deliberation(number="2022-042")
    report = _report([d], [d, extra])
    assert report.overall == FieldScore(tp=_values(d), fp=_values(extra))


def test_alignment_by_number_then_by_order() -> None:
    a, b, c = (_deliberation(number=n) for n in ("1", "2", "3"))
    unnumbered = _deliberation(number=None)
    assert align([a, b, c], [c, a, b]) == [(0, 1), (1, 2), (2, 0)]
    assert align([a, unnumbered], [unnumbered, a]) == [(0, 1), (1, 0)]
    assert align([a, b], [_deliberation(number="9")]) == [(0, 0), (1, None)]
    assert align([a], [b, c]) == [(0, 0), (None, 1)]
    report = _report([a, b, c], [c, a, b])
    assert report.overall.fp == report.overall.fn == 0


def test_list_fields_are_multisets() -> None:
    expected = _deliberation(present=("Jean DUPONT", "Jean DUPONT", "Marie CURIE"))
    got = _deliberation(present=("Jean DUPONT", "Marie CURIE", "Paul MARTIN"))
    report = _report([expected], [got])
    assert report.fields["present"] == FieldScore(tp=2, fp=1, fn=1)
    [diff] = report.differences
    assert (diff.expected, diff.got) == (["Jean DUPONT"], ["Paul MARTIN"])
    reordered = _deliberation(present=tuple(reversed(expected.present)))
    assert _report([expected], [reordered]).fields["present"] == FieldScore(tp=3)


def test_represented_and_absent_items_are_pairs() -> None:
    expected = _deliberation()
    got = _deliberation(
        represented=(RepresentedMember("Lucette VIGUIER", None),),
        absent=(AbsentMember("Anaïs CAUSSE", excused=None),),
    )
    report = _report([expected], [got])
    assert report.fields["represented"] == FieldScore(fp=1, fn=1)
    assert report.fields["absent"] == FieldScore(fp=1, fn=1)


def test_amounts_compare_value_and_currency_not_text() -> None:
    expected = _deliberation()
    same = _deliberation(entities=Entities(amounts=(Amount(Decimal("3500.00"), "EUR", "3500"),)))
    other = _deliberation(entities=Entities(amounts=(Amount(Decimal("3500"), "USD", "3 500 €"),)))
    assert _report([expected], [same]).fields["entities.amounts"] == FieldScore(tp=1)
    assert _report([expected], [other]).fields["entities.amounts"] == FieldScore(fp=1, fn=1)


def test_organizations_places_and_reasoning_are_not_scored() -> None:
    expected = _deliberation()
    got = _deliberation(
        reasoning="Le comité…",
        entities=dataclasses.replace(
            expected.entities, organizations=("ANCT",), places=("Lierne",)
        ),
    )
    assert _report([expected], [got]).overall == FieldScore(tp=_values(expected))


def test_strings_compare_after_normalisation_but_keep_case() -> None:
    assert normalize_text("d’approuver  la\nconvention ;") == "d'approuver la convention"
    assert normalize_text("Hôtel de Ville.") == normalize_text("Ho\u0302tel de Ville")
    expected = _deliberation(title="Subvention à l’association")
    assert _report([expected], [_deliberation(title=" Subvention  à\nl'association ")]).fields[
        "title"
    ] == FieldScore(tp=1)
    assert _report([expected], [_deliberation(title="SUBVENTION À L'ASSOCIATION")]).fields[
        "title"
    ] == FieldScore(fp=1, fn=1)


def test_parser_exception_counts_every_expected_value_as_missed() -> None:
    d = _deliberation()
    report = _report([d], ParseError("no deliberation found", source="doc.txt"))
    assert report.overall == FieldScore(fn=_values(d))
    assert report.overall.precision == 1.0 and report.overall.recall == 0.0
    [error] = report.errors
    assert error.file == "doc.txt" and "ParseError" in error.message
    assert report.files_with_differences == ("doc.txt",)


def test_report_text_and_json() -> None:
    expected = _deliberation()
    report = _report([expected], [_deliberation(body="Bureau")])
    text = report.to_text()
    assert re.search(r"^body\s+0\s+1\s+1\s+0\.000\s+0\.000\s+0\.000$", text, re.M)
    assert "overall (micro-averaged)" in text
    assert 'doc.txt [2022-041] body: expected "Conseil municipal"; got "Bureau"' in text
    data = json.loads(json.dumps(report.to_json()))
    assert data["fields"]["body"] == {"tp": 0, "fp": 1, "fn": 1, "precision": 0.0,
                                      "recall": 0.0, "f1": 0.0}  # fmt: skip
    assert data["overall"]["tp"] == report.overall.tp
    assert data["differences"][0]["field"] == "body"


# --------------------------------------------------------------------------- evaluate_dir


def _write_case(directory: Path, name: str, delibs: Sequence[Deliberation]) -> None:
    (directory / f"{name}.txt").write_text("texte\n", encoding="utf-8")
    objects = []
    for d in delibs:
        data = d.to_json()
        del data["source"], data["spans"]
        objects.append(data)
    (directory / f"{name}.expected.json").write_text(json.dumps(objects), encoding="utf-8")


def test_evaluate_dir_runs_the_parser_on_documents_with_golden_files(tmp_path: Path) -> None:
    d = _deliberation()
    _write_case(tmp_path, "a", [d])
    _write_case(tmp_path, "b", [d])
    (tmp_path / "c.txt").write_text("no golden file: not evaluated", encoding="utf-8")
    seen: list[str] = []

    def parser(path: Path) -> list[Deliberation]:
        seen.append(path.name)
        if path.name == "b.txt":
            raise RuntimeError("boom")
        return [dataclasses.replace(d, source=Source(path=str(path), sha256="x"))]

    report = evaluate_dir(tmp_path, parser=parser)
    assert seen == ["a.txt", "b.txt"]
    assert report.documents == 2
    assert report.overall == FieldScore(tp=_values(d), fn=_values(d))
    assert [(e.file, e.message) for e in report.errors] == [("b.txt", "RuntimeError: boom")]


def test_evaluate_dir_refuses_a_directory_without_cases(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        evaluate_dir(tmp_path, parser=lambda path: [])
    with pytest.raises(UsageError):
        evaluate_dir(tmp_path / "missing", parser=lambda path: [])


def test_a_broken_golden_file_is_a_model_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("texte", encoding="utf-8")
    golden = tmp_path / "x.expected.json"
    golden.write_text('[{"number": "1", "colour": "red"}]', encoding="utf-8")
    with pytest.raises(ModelError) as info:
        evaluate_dir(tmp_path, parser=lambda path: [])
    assert info.value.source == str(golden)
    golden.write_text('{"number": "1"}', encoding="utf-8")
    with pytest.raises(ModelError):
        load_expected(golden)


# --------------------------------------------------------------------------- the corpus


def _manifest_rows() -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| `(?P<file>[^`]+\.txt)` \|(?P<rest>.*)\|\s*$", line)
        if not match:
            continue
        _, pdf, arithmetic, covers = (cell.strip() for cell in match["rest"].split("|"))
        rows[match["file"]] = {
            "pdf": pdf == "yes",
            "arithmetic": arithmetic,
            "covers": {item.strip() for item in covers.split(",") if item.strip()},
        }
    return rows


ROWS = _manifest_rows()
DOCUMENTS = sorted(p.name for p in FIXTURES.glob("*.txt"))
GOLDEN_KEYS = {k: v for k, v in _deliberation().to_json().items() if k not in ("source", "spans")}


def _golden(name: str) -> list[dict[str, Any]]:
    data = json.loads((FIXTURES / name.replace(".txt", ".expected.json")).read_text("utf-8"))
    assert isinstance(data, list)
    return data


def test_corpus_size_and_manifest_cover_every_document() -> None:
    assert len(DOCUMENTS) >= 40
    assert sorted(ROWS) == DOCUMENTS
    for name in DOCUMENTS:
        assert (FIXTURES / name.replace(".txt", ".expected.json")).is_file(), name
    assert sum(row["pdf"] for row in ROWS.values()) >= 8
    assert {row["arithmetic"] for row in ROWS.values()} <= {"ok", "truncated", "broken"}


def test_every_variety_item_is_covered_and_every_tag_is_known() -> None:
    tags = set().union(*(row["covers"] for row in ROWS.values()))
    assert VARIETY - tags == set(), "variety items no document covers"
    assert tags - VARIETY == set(), "unknown tags in the manifest"


def test_whole_session_documents_hold_several_deliberations() -> None:
    whole = [name for name, row in ROWS.items() if "session:whole" in row["covers"]]
    assert len(whole) >= 4
    for name in whole:
        golden = _golden(name)
        assert len(golden) >= 3, name
        assert len({d["number"] for d in golden}) == len(golden), name


@pytest.mark.parametrize("name", DOCUMENTS)
def test_golden_file_has_the_parse_keys_and_loads(name: str) -> None:
    for obj in _golden(name):
        assert obj.keys() == GOLDEN_KEYS.keys()
        for key, value in GOLDEN_KEYS.items():
            if isinstance(value, dict):
                assert obj[key].keys() == value.keys(), (name, key)
        delib = Deliberation.from_json({**obj, "source": {"path": name, "sha256": ""}})
        assert delib.entities.organizations == () and delib.entities.places == ()
        actes = delib.prefecture.actes_id
        if actes is not None:
            assert delib.authority.siren == actes.siren, name
    assert load_expected(FIXTURES / name.replace(".txt", ".expected.json"))


def _arithmetic_problems(d: dict[str, Any]) -> list[str]:
    """What does not add up in one golden deliberation."""
    problems = []
    present, represented, absent = d["present"], d["represented"], d["absent"]
    office = d["members_in_office"]
    if office is not None and len(present) + len(represented) + len(absent) != office:
        problems.append("present + represented + absent != members in office")
    vote = d["vote"]
    counts = [vote[k] for k in ("for", "against", "abstention", "not_voting")]
    voters = len(present) + len(represented)
    stated = sum(c for c in counts if c is not None)
    if stated > voters or (None not in counts and stated != voters):
        problems.append(f"counts {counts} do not match {voters} voters")
    names = [*present, *(r["name"] for r in represented), *(a["name"] for a in absent)]
    if len(names) != len(set(names)):
        problems.append("a member is listed twice")
    holders = [r["proxy_holder"] for r in represented if r["proxy_holder"]]
    if len(holders) != len(set(holders)):
        problems.append("a member holds two proxies")
    if any(h not in present and h != d["session"]["president"] for h in holders):
        problems.append("a proxy holder is neither present nor the president")
    for key in ("against", "abstention", "not_voting"):
        if vote[key] is not None and len(vote[f"{key}_names"]) > vote[key]:
            problems.append(f"more {key} names than the count")
    voter_words = {w for n in names[:voters] for w in slugify(n).split("-") if len(w) > 1}
    for key in ("against_names", "abstention_names", "not_voting_names"):
        for name in vote[key]:
            if not set(slugify(name).split("-")) & voter_words:
                problems.append(f"{name} ({key}) is neither present nor represented")
    if vote["against"] and vote["unanimous"] is not False:
        problems.append("votes against printed but the vote is not marked non-unanimous")
    if vote["outcome"] == "noted" and any(
        vote[k] is not None for k in ("method", "unanimous", "for", "against", "abstention")
    ):
        problems.append("a 'prend acte' has no vote")
    return problems


@pytest.mark.parametrize("name", DOCUMENTS)
def test_register_arithmetic(name: str) -> None:
    problems = [p for d in _golden(name) for p in _arithmetic_problems(d)]
    arithmetic = ROWS[name]["arithmetic"]
    if arithmetic == "ok":
        assert problems == []
    elif arithmetic == "broken":
        assert problems, "marked broken in the manifest but adds up"


@pytest.mark.parametrize("name", sorted(n for n, row in ROWS.items() if row["pdf"]))
def test_pdf_subset_is_renderable_with_core_fonts(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    text.encode("latin-1")  # fpdf2's core fonts are Latin-1 only
    assert max(len(line) for line in text.splitlines()) <= 100


def _printed_values(d: dict[str, Any]) -> list[str]:
    """The golden strings that must be read from the text as they are printed."""
    values = [*d["present"], *d["decisions"], *d["annexes"]]
    values += [r["name"] for r in d["represented"]] + [a["name"] for a in d["absent"]]
    values += [r["proxy_holder"] for r in d["represented"] if r["proxy_holder"]]
    for key in ("against_names", "abstention_names", "not_voting_names"):
        values += d["vote"][key]
    values += [a["text"] for a in d["entities"]["amounts"]]
    scalars = [d["number"], d["authority"]["name"], d["body"], d["theme"], d["title"]]
    scalars += [d["session"]["place"], d["session"]["president"], d["signed"]["place"]]
    scalars += [d["rapporteur"]["name"], d["rapporteur"]["role"], d["prefecture"]["actes_id"]]
    return values + [v for v in scalars if v is not None]


# Layout noise that moves printed words apart: checked by reading, not by substring.
_SCATTERED = {"layout:two-columns", "layout:hyphenation", "counts:sidebar"}


@pytest.mark.parametrize(
    "name", sorted(n for n, row in ROWS.items() if not row["covers"] & _SCATTERED)
)
def test_golden_strings_are_printed_in_the_text(name: str) -> None:
    text = " ".join((FIXTURES / name).read_text(encoding="utf-8").split())
    for d in _golden(name):
        missing = [v for v in _printed_values(d) if " ".join(v.split()) not in text]
        assert missing == [], d["number"]
