"""Layout repair: page furniture, two columns, flattened documents; spans still point into the
source text."""

from __future__ import annotations

from pathlib import Path

from delibgraph.model import Source
from delibgraph.parse import parse_text
from delibgraph.parse.layout import Reading, drop_page_furniture, repair, unflatten, unfold_columns
from delibgraph.parse.normalize import Document

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE = Source(path="layout.txt", sha256="0" * 64)


def _faithful(source: str, reading: Reading) -> None:
    """Every character of the reading text is the source character it maps to (or an inserted
    line break)."""
    assert reading.offsets is not None and len(reading.offsets) == len(reading.text)
    for char, offset in zip(reading.text, reading.offsets, strict=True):
        assert char == source[offset] or char in "\n ", (char, offset)


def test_a_clean_text_is_read_as_it_is() -> None:
    text = "Délibération n° 12\n\nPrésents : Jean DUPONT, Marie MARTIN\n"
    assert repair(text) == Reading(text)


def test_page_numbers_and_running_headers_are_dropped() -> None:
    header = "Ville de Castelbrune – Procès-verbal du 15 novembre 2022"
    text = (
        "Présents : Anne DURAND, Paul MARTIN,\n\n"
        f"{header}\nPage 1/3\n\n{header}\n"
        "Jean BERNARD, Lucie PETIT.\n\nObjet : Budget\n\n"
        f"{header}\nPage 2/3\n\n"
        "Rapporteur : Anne DURAND\n\n"
        f"{header}\nPage 3/3\n"
    )
    reading = drop_page_furniture(Reading(text))
    _faithful(text, reading)
    assert header not in reading.text and "Page" not in reading.text
    # the list cut by the page break goes on; a paragraph ended by a full stop stays apart
    assert "Paul MARTIN,\nJean BERNARD, Lucie PETIT.\n\nObjet : Budget\nRapporteur" in reading.text


def test_a_line_repeated_by_chance_beside_a_page_number_is_kept() -> None:
    vote = "Vote : Pour : 27 – Contre : 0 – Abstention : 0. Adoptée à l’unanimité."
    running = "Commune de Lescoutade – séance du 4 juillet 2023"
    pages = [f"{vote}\n\n{running}\nPage {n}/4\n\nPoint {n + 1}\n" for n in range(1, 5)]
    text = "".join(pages[:2]) + "".join(p.replace(vote, "Adoptée.") for p in pages[2:])
    reading = drop_page_furniture(Reading(text))
    assert reading.text.count(vote) == 2
    assert running not in reading.text


def test_two_columns_are_read_left_then_right() -> None:
    left = ["Présents :", "Jean-Paul SERIEYS", "Monique TAURINES", "Francis CABROL", ""]
    right = ["", "Josiane CAYLA", "Stéphane LACOMBE", "Véronique DELMAS-REY", ""]
    text = "\n".join(f"{a:<40}{b}".rstrip() for a, b in zip(left, right, strict=True))
    text += "\nAbsents : néant\n"
    reading = unfold_columns(Reading(text))
    _faithful(text, reading)
    assert reading.text.split("\n")[:7] == [
        "Présents :", "Jean-Paul SERIEYS", "Monique TAURINES", "Francis CABROL",
        "Josiane CAYLA", "Stéphane LACOMBE", "Véronique DELMAS-REY",
    ]  # fmt: skip


def test_a_sidebar_waits_for_the_end_of_the_paragraph_it_cuts() -> None:
    text = (FIXTURES / "haute-ourdenne-cp-2023-04-13-sidebar.txt").read_text(encoding="utf-8")
    reading = repair(text)
    _faithful(text, reading)
    present = reading.text.index("Étaient présents")
    sidebar = reading.text.index("Membres en exercice : 20")
    assert reading.text.index("Xavier ALBESPY.") < sidebar
    assert "Monsieur Jean-Louis\nBRASSAC" in reading.text[present:sidebar]


def test_justified_text_is_not_taken_for_columns(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    assert repair(text).offsets is None


def test_a_flattened_document_gets_its_lines_back() -> None:
    text = (FIXTURES / "lescoutade-2023-004-one-line.txt").read_text(encoding="utf-8").strip()
    assert "\n" not in text
    reading = unflatten(Reading(text))
    _faithful(text, reading)
    lines = reading.text.split("\n")
    starts = (
        "Délibération n° 2023-004", "Présents : Roland VIDALENC", "Objet : Adhésion",
        "- autorise le Maire", "Pour : 6", "Fait à Lescoutade", "Publié le 30/03/2023",
    )  # fmt: skip
    for start in starts:
        assert any(line.startswith(start) for line in lines), start


def test_spans_of_a_repaired_document_point_into_the_source() -> None:
    for name in ("castelbrune-2023-002-two-columns", "castelbrune-pv-2022-11-15",
                 "ccco-cc-2024-003-one-line"):  # fmt: skip
        text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
        assert Document.of(text).source_offsets is not None
        for d in parse_text(text, SOURCE, ner=False):
            for index, member in enumerate(d.present):
                span = d.spans[f"present[{index}]"]
                printed = text[span.start : span.end]
                words = member.split()
                assert printed.startswith(words[0]), (name, member, printed)
                assert printed.endswith(words[-1]) or printed.endswith(words[-1].split("-")[-1])
            number = d.spans["number"]
            assert text[number.start : number.end] == d.number
            assert text.count("\n", 0, number.start) + 1 == number.line
