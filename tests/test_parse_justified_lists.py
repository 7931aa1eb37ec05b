"""Name lists in a justified layout: runs of spaces between words, names broken at line ends.

"pdftotext -layout" prints a justified paragraph with its spaces widened; by chance a few of
its lines can show a wide gap at about the same column, which must not be read as two columns.
A given name at a line end whose family name (with its particle) starts the next line is one
name, in every list: present, proxies ("pouvoir à"), absent, votes by name.
"""

from __future__ import annotations

import textwrap

import pytest

from delibgraph.model import Deliberation, Source
from delibgraph.parse import parse_text
from delibgraph.parse.layout import Reading, repair, unfold_columns
from delibgraph.parse.normalize import Document
from delibgraph.parse.people import is_whole_name, parse_names

SOURCE = Source(path="justified.txt", sha256="0" * 64)

# Written for this test. The lines of the present list are justified to 64 characters; three
# lines in a row show a gap of three spaces at about column 24 ("Gilles   du", "Anne-Sophie
# FERRAND", "Hugo   LE") and the given names "Bruno", "Gilles", "Yvette", "Hugo" and
# "Jean-Baptiste" end lines whose next line starts with their family name.
REGISTER = """\
Délibération n°D2024-017

Séance ordinaire du jeudi 7 mars 2024

L'an  deux-mille-vingt-quatre  et  le  sept  mars,  les  membres du
Conseil  municipal, légalement convoqués, se sont assemblés en la salle
du Conseil de la mairie, sous la présidence de Madame Odile ARNAUD.

Finances

En exercice : 25 Présents : 18 Votants : 22

Présents :
Odile   ARNAUD,   Thierry  BASTIDE,  Nadia  BELKACEM,  Clément  BOYER,
Marie-José   CASTANIER,   Éloïse  de  VILLENEUVE,  Bruno
CAZALS-MONTEL,   Gilles   du  PRAT,  Sandrine  FABRE,  Yvette
ESCANDE,   Anne-Sophie   FERRAND,  Karim  HAMDI,  Hugo  LE
GUENNEC,   Hugo   LE   GOFF,   Lise  MAUREL,  Jean-Baptiste
ORTEGA-VIDAL, Pascale ROUQUETTE, Sylvain TEISSIER.

Absent(es)  ayant  voté  par  procuration :
Jeanne  LE  BRIS  (pouvoir  à  Marie-José  CASTANIER),  Aurélien
DELPECH-ROUX (pouvoir à Gilles du PRAT), Lucien de
LA  FARGE  (pouvoir  à  Jean-Baptiste  ORTEGA-VIDAL),  Nora  BENSALEM
(pouvoir  à  Hugo  LE  GOFF).

Absent(es) / Excusé(es) :
Agnès  du  PLANTIER,  Rose-Marie  MONTAGNÉ,  Victor
LE ROUX.

Objet : Budget supplémentaire 2024

Le  Conseil  municipal, après en avoir délibéré, adopte le budget
supplémentaire de l'exercice 2024.

Pour : 18 voix
Contre  :  3  voix  (Éloïse  de  VILLENEUVE,  Gilles  du  PRAT,  Hugo
LE GOFF)
Abstention : 0 voix

Fait à Fontrieu, le 8 mars 2024
"""

PRESENT = [
    "Odile ARNAUD", "Thierry BASTIDE", "Nadia BELKACEM", "Clément BOYER",
    "Marie-José CASTANIER", "Éloïse de VILLENEUVE", "Bruno CAZALS-MONTEL", "Gilles du PRAT",
    "Sandrine FABRE", "Yvette ESCANDE", "Anne-Sophie FERRAND", "Karim HAMDI",
    "Hugo LE GUENNEC", "Hugo LE GOFF", "Lise MAUREL", "Jean-Baptiste ORTEGA-VIDAL",
    "Pascale ROUQUETTE", "Sylvain TEISSIER",
]  # fmt: skip
REPRESENTED = [
    ("Jeanne LE BRIS", "Marie-José CASTANIER"),
    ("Aurélien DELPECH-ROUX", "Gilles du PRAT"),
    ("Lucien de LA FARGE", "Jean-Baptiste ORTEGA-VIDAL"),
    ("Nora BENSALEM", "Hugo LE GOFF"),
]
ABSENT = ["Agnès du PLANTIER", "Rose-Marie MONTAGNÉ", "Victor LE ROUX"]
AGAINST = ["Éloïse de VILLENEUVE", "Gilles du PRAT", "Hugo LE GOFF"]


def _parse(text: str) -> Deliberation:
    deliberations = parse_text(text, SOURCE, ner=False)
    assert len(deliberations) == 1
    return deliberations[0]


def _assert_lists(d: Deliberation) -> None:
    assert list(d.present) == PRESENT
    assert [(r.name, r.proxy_holder) for r in d.represented] == REPRESENTED
    assert [a.name for a in d.absent] == ABSENT
    assert list(d.vote.against_names) == AGAINST


def test_justified_lines_are_not_taken_for_two_columns() -> None:
    assert repair(REGISTER).offsets is None


def test_every_list_of_the_justified_register() -> None:
    d = _parse(REGISTER)
    _assert_lists(d)
    assert d.members_in_office == len(d.present) + len(d.represented) + len(d.absent)


def _justify(text: str, width: int) -> str:
    """``text`` wrapped at ``width`` and justified as pdftotext prints it: the spaces of each
    line but the last spread evenly, the leftmost gaps one space wider."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    out = []
    for index, line in enumerate(lines):
        words = line.split()
        if index == len(lines) - 1 or len(words) == 1:
            out.append(line)
            continue
        spaces = width - sum(len(word) for word in words)
        gaps = len(words) - 1
        widths = [spaces // gaps + (1 if i < spaces % gaps else 0) for i in range(gaps)]
        out.append("".join(w + " " * n for w, n in zip(words, widths, strict=False)) + words[-1])
    return "\n".join(out)


def _register_at(width: int) -> str:
    proxies = ", ".join(f"{name} (pouvoir à {holder})" for name, holder in REPRESENTED)
    against = f"Contre : {len(AGAINST)} voix (" + ", ".join(AGAINST) + ")"
    return (
        "Délibération n°D2024-018\n\nSéance ordinaire du jeudi 7 mars 2024\n\n"
        + _justify(
            "L'an deux-mille-vingt-quatre et le sept mars, les membres du Conseil municipal, "
            "légalement convoqués, se sont assemblés en la salle du Conseil de la mairie, sous "
            "la présidence de Madame Odile ARNAUD.",
            width,
        )
        + "\n\nFinances\n\nEn exercice : 25 Présents : 18 Votants : 22\n\nPrésents :\n"
        + _justify(", ".join(PRESENT) + ".", width)
        + "\n\nAbsent(es) ayant voté par procuration :\n"
        + _justify(proxies + ".", width)
        + "\n\nAbsent(es) / Excusé(es) :\n"
        + _justify(", ".join(ABSENT) + ".", width)
        + "\n\nObjet : Budget supplémentaire 2024\n\n"
        + _justify(
            "Le Conseil municipal, après en avoir délibéré, adopte le budget supplémentaire de "
            "l'exercice 2024 et autorise Madame le Maire à signer toute pièce utile.",
            width,
        )
        + "\n\nPour : 19 voix\n"
        + _justify(against, width)
        + "\nAbstention : 0 voix\n\nFait à Fontrieu, le 8 mars 2024\n"
    )


@pytest.mark.parametrize("width", range(30, 121))
def test_the_lists_read_the_same_at_every_justified_width(width: int) -> None:
    text = _register_at(width)
    assert repair(text).offsets is None
    _assert_lists(_parse(text))


def test_a_two_column_list_of_single_words_is_still_two_columns() -> None:
    left = ["Présents :", "ARNAUD", "BASTIDE", "BOYER", ""]
    right = ["", "FABRE", "HAMDI", "MAUREL", ""]
    text = "\n".join(f"{a:<30}{b}".rstrip() for a, b in zip(left, right, strict=True))
    reading = unfold_columns(Reading(text + "\nAbsents : néant\n"))
    assert reading.text.split("\n")[:7] == [
        "Présents :", "ARNAUD", "BASTIDE", "BOYER", "FABRE", "HAMDI", "MAUREL",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("fragment", "whole"),
    [
        ("Paul LE", False),
        ("Jean-Luc VAN", False),
        ("Marie De", False),
        ("Gilles du", False),
        ("M. LE", False),
        ("Paul LE BIHAN", True),
        ("Gilles du PRAT", True),
    ],
)
def test_a_name_ending_with_a_particle_is_a_piece(fragment: str, whole: bool) -> None:
    assert is_whole_name(fragment) is whole


@pytest.mark.parametrize(
    "text",
    [
        "Jean-Luc VAN\nDER BERG, Anne-Sophie FERRAND",
        "Jean-Luc\nVAN DER BERG, Anne-Sophie FERRAND",
        "Jean-Luc VAN DER\nBERG, Anne-Sophie FERRAND",
    ],
)
def test_a_family_name_of_several_words_broken_after_a_particle(text: str) -> None:
    doc = Document.of(text)
    names = [entry.name.value for entry in parse_names(doc, 0, len(text))]
    assert names == ["Jean-Luc VAN DER BERG", "Anne-Sophie FERRAND"]


def test_a_proxy_holder_broken_after_a_particle() -> None:
    text = (
        "Lucien FARGE (pouvoir à Paul LE\nBIHAN DU PLESSIS), Nora BENSALEM (pouvoir à Hugo\n"
        "LE GOFF)"
    )
    entries = parse_names(Document.of(text), 0, len(text))
    assert [(e.name.value, e.holder.value if e.holder else None) for e in entries] == [
        ("Lucien FARGE", "Paul LE BIHAN DU PLESSIS"),
        ("Nora BENSALEM", "Hugo LE GOFF"),
    ]
