"""ACTES subjects: the nomenclature, codes stated by the text, and how the mapping links them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal

from corpus_stores import MINTER, examples_dir
from delibgraph.mapping import map_deliberation
from delibgraph.matieres import CODE_WORDS, find_codes, matiere, nomenclature, subject_of
from delibgraph.parse import parse_file
from delibgraph.validate import validate_graph
from delibgraph.vocab import ACTES_MATIERE, ACTES_MATIERES_SCHEME, DLG, ELI, SKOS
from mapping_fixtures import small_council

INGESTED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


def test_the_nomenclature_has_nine_headings_and_their_subdivisions() -> None:
    known = nomenclature()
    headings = sorted((m for m in known.values() if m.parent is None), key=lambda m: m.code)
    assert [m.code for m in headings] == [str(n) for n in range(1, 10)]
    assert known["7.5"].label == "Subventions" and known["7.5"].parent == "7"
    assert known["5.3"].label == "Désignation de représentants"
    assert known["7.10"].parent == "7"
    assert all(known[m.parent] for m in known.values() if m.parent)
    assert len(known) > 60


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Matière : 7.5", "7.5"),
        ("Nomenclature ACTES : 7.5 - Subventions", "7.5"),
        ("Classification ACTES : 3.1.2 Acquisitions foncières", "3.1"),  # level 3 → level 2
        ("Code matière 5.3", "5.3"),
        ("MATIERE ACTES : 7.10", "7.10"),
        ("Matière : 8", "8"),
        ("Matière : 7.99", "7"),  # an unknown subdivision falls back to its heading
    ],
)
def test_codes_printed_by_registers_and_stamps(text: str, code: str) -> None:
    (found,) = find_codes(f"Accusé de réception\n{text}\nReçu le 20/03/2023")
    assert found.code == code


def test_what_is_not_a_subject_code() -> None:
    assert find_codes("en matière d'urbanisme, la commune …") == []
    assert find_codes("Matière : 12.4") == []  # no heading 12
    assert find_codes("nomenclature des emplois : 2023") == []
    assert matiere("0.1") is None


def test_only_texts_holding_a_code_word_are_searched_for_codes() -> None:
    """find_codes skips the search where no CODE_WORDS is in the lower-case text; that is
    exact if no character that strip_accents leaves is taken by the case-insensitive match
    for a letter of those words without being that letter in lower case — but "ı"."""
    letters = sorted(set("".join(CODE_WORDS)))
    every_character = "".join(chr(c) for c in range(sys.maxunicode + 1))
    for letter in letters:
        for char in re.findall(letter, every_character, re.IGNORECASE):
            kept = unicodedata.normalize("NFKD", char) == char  # strip_accents leaves it
            assert not kept or char.lower() == letter or char == "ı", (letter, char)
    assert find_codes("Matıère : 7.5")[0].code == "7.5"  # a dotless i is still read
    assert find_codes("CLASSIFICATION : 7.5")[0].code == "7.5"


def _with_stamp(tmp_path: Path, stamp: str) -> Path:
    source = (examples_dir() / "val-daurele-2023-016.txt").read_text(encoding="utf-8")
    copy = tmp_path / "val-daurele-2023-016.txt"
    copy.write_text(
        source.replace("Acte Certifié exécutoire :", f"{stamp}\nActe Certifié exécutoire :")
    )
    return copy


def test_a_code_in_the_stamp_is_read_from_the_raw_text(tmp_path: Path) -> None:
    """The parser keeps no field for "Nomenclature ACTES": it is read in the source file."""
    (d,) = parse_file(_with_stamp(tmp_path, "Nomenclature ACTES : 3.1 - Acquisitions"), ner=False)
    subject = subject_of(d)
    assert subject is not None and subject.stated
    assert subject.matiere.code == "3.1" and subject.confidence is None


def test_a_stated_code_is_linked_with_eli_is_about(tmp_path: Path) -> None:
    (d,) = parse_file(_with_stamp(tmp_path, "Nomenclature ACTES : 3.1"), ner=False)
    dg = map_deliberation(d, minter=MINTER, ingested_at=INGESTED_AT)
    act = dg.ids.act
    assert (act, ELI.is_about, ACTES_MATIERE["3.1"]) in dg.graph
    assert (act, DLG.inferredSubject, None) not in dg.graph
    assert (ACTES_MATIERE["3.1"], SKOS.broader, ACTES_MATIERE["3"]) in dg.graph
    assert (ACTES_MATIERE["3.1"], SKOS.notation, Literal("3.1")) in dg.graph
    assert (ACTES_MATIERE["3.1"], SKOS.inScheme, ACTES_MATIERES_SCHEME) in dg.graph
    assert validate_graph(dg).conforms


def test_a_changed_source_file_is_not_read_again(tmp_path: Path) -> None:
    path = _with_stamp(tmp_path, "Nomenclature ACTES : 3.1")
    (d,) = parse_file(path, ner=False)
    changed = path.read_text(encoding="utf-8").replace("ACTES : 3.1", "ACTES : 9.4")
    path.write_text(changed, encoding="utf-8")
    subject = subject_of(d)
    assert subject is not None and not subject.stated  # the checksum no longer matches


def test_an_inferred_subject_is_marked_as_inferred() -> None:
    (d,) = parse_file(examples_dir() / "val-daurele-2023-016.txt", ner=False)
    dg = map_deliberation(d, minter=MINTER, ingested_at=INGESTED_AT)
    act, inference = dg.ids.act, dg.ids.subject_inference
    assert (act, ELI.is_about, ACTES_MATIERE["3.1"]) not in dg.graph
    assert (act, DLG.inferredSubject, ACTES_MATIERE["3.1"]) in dg.graph
    assert (act, DLG.subjectInference, inference) in dg.graph
    assert (inference, DLG.inferredConcept, ACTES_MATIERE["3.1"]) in dg.graph
    assert (inference, DLG.inferredBy, DLG.actesKeywordRules) in dg.graph
    confidence = dg.graph.value(inference, DLG.confidence)
    assert isinstance(confidence, Literal) and Decimal("0.5") < confidence.toPython() <= 1
    evidence = {str(e) for e in dg.graph.objects(inference, DLG.evidence)}
    assert "titre: acquisition de la parcelle" in evidence
    assert validate_graph(dg).conforms


def test_no_subject_when_nothing_points_to_one() -> None:
    d = dataclasses.replace(small_council(), title="Point divers", theme=None, decisions=())
    dg = map_deliberation(d, minter=MINTER, ingested_at=INGESTED_AT)
    assert (dg.ids.act, DLG.inferredSubject, None) not in dg.graph
    assert (None, SKOS.notation, None) not in dg.graph
