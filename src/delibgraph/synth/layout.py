"""The house style of one authority's register, drawn once per authority.

Registers print the same facts in different layouts; a benchmark that only ever saw the seed's
layout would not exercise the parser. Each authority gets one :class:`Layout`:

* ``name_lists``: ``"justified"`` (the seed: names run on, wrapped and justified with runs of
  spaces, a name may break across lines), ``"wrapped"`` (the examples: ragged lines), or
  ``"one_per_line"`` (one name, or one "X (pouvoir à Y)", per line, no commas);
* ``absent_headings``: ``"combined"`` ("Absent(es) / Excusé(es) :", which does not say who is
  excused), ``"split"`` ("Absent(es) excusé(es) :" then "Absent(es) :"), or ``"plain"``
  ("Absents représentés :", "Absents excusés :", "Absents :");
* ``counts``: ``"in_office"`` ("Nombre de membres en exercice : 92"), ``"inline"`` ("En
  exercice : 45 Présents : 40 Votants : 44") or ``"lines"`` (one count per line);
* ``year_words``: ``"reformed"`` ("deux-mille-vingt-et-un") or ``"traditional"``;
* ``amount_separator``: the space between thousands (plain, no-break, narrow no-break);
* ``number_style``: "M2021-162", "2023-014", "DEL2022_045" or "CM-2022-045";
* ``actes_internal``: the ACTES internal number is the act number without punctuation, or a
  running counter (as in the seed);
* ``alphabetical``: names sorted by family name (the seed) or in roster order (the examples).
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

from delibgraph.synth.territory import Authority

SEPARATORS = {"space": " ", "nbsp": "\u00a0", "narrow_nbsp": "\u202f"}


@dataclass(frozen=True, slots=True)
class Layout:
    name_lists: str
    absent_headings: str
    counts: str
    year_words: str
    amount_separator: str  # a key of SEPARATORS
    number_style: str
    actes_internal: str
    alphabetical: bool
    bullet: str

    @property
    def justified(self) -> bool:
        return self.name_lists == "justified"

    @property
    def width(self) -> int:
        """Width of running text lines."""
        return 108 if self.justified else 100

    @property
    def separator(self) -> str:
        return SEPARATORS[self.amount_separator]

    def as_json(self) -> dict[str, object]:
        return asdict(self)

    def number(self, authority: Authority, year: int, sequence: int) -> str:
        """The act number printed after "Délibération n°"."""
        if self.number_style == "letter":
            letter = {"metropole": "M", "commune": "D"}.get(authority.kind.key, "C")
            return f"{letter}{year}-{sequence}"
        if self.number_style == "year_seq":
            return f"{year}-{sequence:03d}"
        if self.number_style == "underscore":
            return f"DEL{year}_{sequence:03d}"
        prefix = "CM" if authority.kind.key in ("commune", "metropole") else "CC"
        return f"{prefix}-{year}-{sequence:03d}"


def _pick(rng: random.Random, weighted: dict[str, int]) -> str:
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def draw_layout(rng: random.Random) -> Layout:
    """One authority's layout; the seed's layout is the most frequent choice of each part."""
    return Layout(
        name_lists=_pick(rng, {"justified": 5, "wrapped": 3, "one_per_line": 2}),
        absent_headings=_pick(rng, {"combined": 5, "split": 3, "plain": 2}),
        counts=_pick(rng, {"in_office": 6, "inline": 2, "lines": 2}),
        year_words=_pick(rng, {"reformed": 1, "traditional": 1}),
        amount_separator=_pick(rng, {"space": 5, "nbsp": 3, "narrow_nbsp": 2}),
        number_style=_pick(rng, {"letter": 3, "year_seq": 3, "underscore": 1, "prefixed": 1}),
        actes_internal=_pick(rng, {"counter": 1, "number": 1}),
        alphabetical=rng.random() < 0.7,
        bullet=_pick(rng, {"\uf0b7": 2, "•": 2, "–": 1}),
    )
