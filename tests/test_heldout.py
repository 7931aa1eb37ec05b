"""The held-out registers (tests/heldout/): their golden files load and add up.

These documents were written after the parser was tuned and must never be used to tune it
(see ``tests/heldout/README.md``). The parser's score on them is *reported* in
``docs/eval-heldout.md``, never asserted here: this module only checks that the golden
files are well formed and that every register's own arithmetic holds, so that the reported
figure measures the parser and not a typo in a golden file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from delibgraph.evaluate import corpus_documents, load_expected
from delibgraph.model import Deliberation
from delibgraph.names import slugify

HELDOUT = Path(__file__).parent / "heldout"
README = HELDOUT / "README.md"
GOLDEN_SUFFIX = ".expected.json"
DOCUMENTS = sorted(p.name for p in HELDOUT.glob("*.txt"))
GOLDEN = sorted(p.name for p in HELDOUT.glob(f"*{GOLDEN_SUFFIX}"))
WRITTEN_BY_HAND = ("reasoning",)  # left null: not scored
NOT_SCORED_LISTS = ("organizations", "places")  # left []: spaCy's output is not scored


def _golden(name: str) -> list[dict[str, Any]]:
    data = json.loads((HELDOUT / name).read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, name
    return data


def _voter_words(delib: dict[str, Any]) -> set[str]:
    voters = [*delib["present"], *(r["name"] for r in delib["represented"])]
    return {word for name in voters for word in slugify(name).split("-") if len(word) > 1}


def arithmetic_problems(delib: dict[str, Any]) -> list[str]:
    """What does not add up in one golden deliberation (an empty list when all holds)."""
    problems: list[str] = []
    present, represented, absent = delib["present"], delib["represented"], delib["absent"]
    names = [*present, *(r["name"] for r in represented), *(a["name"] for a in absent)]
    office = delib["members_in_office"]
    if office is not None and len(names) != office:
        problems.append(f"{len(names)} members listed, {office} in office")
    if len(names) != len(set(names)):
        problems.append("a member is listed twice")
    holders = [r["proxy_holder"] for r in represented if r["proxy_holder"] is not None]
    if len(holders) != len(set(holders)):
        problems.append("a member holds two proxies")
    president = delib["session"]["president"]
    if any(holder not in present and holder != president for holder in holders):
        problems.append("a proxy holder is neither present nor the president")
    if president is not None and present:
        president_words = set(slugify(president).split("-"))
        if not any(set(slugify(name).split("-")) <= president_words for name in present):
            problems.append("the president is not among the members present")
    vote = delib["vote"]
    counts = [vote[key] for key in ("for", "against", "abstention", "not_voting")]
    voters = len(present) + len(represented)
    stated = sum(count for count in counts if count is not None)
    if stated > voters or (None not in counts and stated != voters):
        problems.append(f"vote counts {counts} do not match {voters} voters")
    words = _voter_words(delib)
    for key in ("against", "abstention", "not_voting"):
        listed = vote[f"{key}_names"]
        if vote[key] is not None and len(listed) > vote[key]:
            problems.append(f"more {key} names than the {key} count")
        for name in listed:
            if not set(slugify(name).split("-")) & words:
                problems.append(f"{name} ({key}) is neither present nor represented")
    if vote["against"] and vote["unanimous"] is not False:
        problems.append("votes against are printed but the vote is not marked non-unanimous")
    if vote["unanimous"] is True and (vote["against"] or vote["abstention"]):
        problems.append("a unanimous vote with votes against or abstentions")
    if vote["outcome"] == "noted" and any(
        vote[key] is not None for key in ("method", "unanimous", "for", "against", "abstention")
    ):
        problems.append("a 'prend acte' carries a vote")
    if vote["outcome"] == "rejected" and (vote["for"] or 0) > (vote["against"] or 0):
        problems.append("a rejected proposal with more votes for than against")
    return problems


def test_the_set_is_small_and_every_document_has_its_golden_file() -> None:
    assert len(DOCUMENTS) == 12
    assert sorted(name.removesuffix(".txt") + GOLDEN_SUFFIX for name in DOCUMENTS) == GOLDEN
    assert [doc.name for doc, _ in corpus_documents(HELDOUT)] == DOCUMENTS


def test_the_readme_describes_every_document_and_forbids_tuning() -> None:
    readme = README.read_text(encoding="utf-8")
    described = set(re.findall(r"^\| `([\w.-]+\.txt)` \|", readme, flags=re.MULTILINE))
    assert described == set(DOCUMENTS)
    assert "never" in readme and "tune" in readme


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_file_loads_as_deliberations(name: str) -> None:
    for obj in _golden(name):
        assert "source" not in obj and "spans" not in obj, name
        delib = Deliberation.from_json({**obj, "source": {"path": name, "sha256": ""}})
        for field in WRITTEN_BY_HAND:
            assert getattr(delib, field) is None, (name, field)
        for field in NOT_SCORED_LISTS:
            assert getattr(delib.entities, field) == (), (name, field)
        actes = delib.prefecture.actes_id
        if actes is not None:
            assert delib.authority.siren == actes.siren, name
            assert delib.session.date == actes.decision_date, name
        else:
            assert delib.authority.siren is None, name
    assert len(load_expected(HELDOUT / name)) == len(_golden(name))


@pytest.mark.parametrize("name", GOLDEN)
def test_register_arithmetic_holds(name: str) -> None:
    problems = {d["number"]: arithmetic_problems(d) for d in _golden(name)}
    assert all(not found for found in problems.values()), problems


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_values_are_printed_in_the_document(name: str) -> None:
    """Every name, count, title, role, place and amount of the golden file is printed in the
    text (modulo line breaks), and every decision starts as printed: the golden file was
    written from this document and holds nothing invented."""
    document = HELDOUT / name.replace(GOLDEN_SUFFIX, ".txt")
    text = " ".join(document.read_text(encoding="utf-8").split())
    for delib in _golden(name):
        printed = [delib["number"], delib["members_in_office"], *delib["present"]]
        printed += [r["name"] for r in delib["represented"]]
        printed += [a["name"] for a in delib["absent"]]
        for key in ("against_names", "abstention_names", "not_voting_names"):
            printed += delib["vote"][key]
        printed += [delib["title"], delib["rapporteur"]["role"], delib["session"]["place"]]
        printed += [decision[:40] for decision in delib["decisions"]]
        printed += [a["text"] for a in delib["entities"]["amounts"]]
        for value in printed:
            if value is not None:
                assert str(value) in text, (name, value)


def test_arithmetic_check_catches_a_broken_register() -> None:
    delib = _golden(GOLDEN[0])[0]
    broken = {**delib, "members_in_office": (delib["members_in_office"] or 0) + 1}
    assert arithmetic_problems(broken)
    assert not arithmetic_problems(delib)
