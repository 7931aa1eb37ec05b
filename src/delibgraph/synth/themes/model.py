"""What a theme of deliberations is made of: subjects (title, opening, decisions) and prose.

Texts are ``str.format`` templates over the slots :mod:`delibgraph.synth.prose` fills for each
deliberation ({authority}, {council}, {executive}, {town}, {association}, {a_total} …). In a
paragraph, a line that starts with ``* `` is a bullet; the layout chooses its mark.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Subject:
    """One kind of deliberation within a theme."""

    subtheme: str  # second part of the title line: "Vie associative"
    title: str  # the last part of the title line
    opener: str  # the first paragraph of the report
    decisions: tuple[str, ...]  # each "d’approuver …", without the leading dash
    annexes: tuple[str, ...] = ()
    nature: str = "DE"  # ACTES nature: DE délibération, BF budgétaire et financier …
    noted: str | None = None  # "prend acte" sentence: the council notes, no vote
    conflict: bool = False  # a councillor on the beneficiary's board may not take part
    secret_ballot: bool = False  # designations may be voted by secret ballot
    months: tuple[int, ...] = ()  # months of the year it comes up in (empty: any month)


@dataclass(frozen=True, slots=True)
class Theme:
    """A theme as printed on the register ("Finances") and its delegation ("aux finances")."""

    label: str
    delegation: str
    subjects: tuple[Subject, ...]
    paragraphs: tuple[str, ...]  # theme-specific paragraphs of the report
    contested: float  # probability that the opposition votes against or abstains
