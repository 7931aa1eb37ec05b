"""A seeded generator of synthetic deliberation registers, for benchmarks and parser tests.

``generate(out, authorities=A, seances=S)`` writes, for each of A fictional authorities, S
séances of 20–80 deliberations each, one text file per deliberation in the layout of the real
register in ``shared/seeds/`` (or one of its variants, see :mod:`delibgraph.synth.layout`),
and ``manifest.json`` beside them with the truth of every file
(see :mod:`delibgraph.synth.manifest`).

The same arguments give byte-identical files: every draw comes from a ``random.Random``
seeded from ``seed`` and the authority's index, never from global random state. Files are
written as they are generated; nothing of the corpus is kept in memory.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from delibgraph.errors import UsageError
from delibgraph.names import person_key, slugify
from delibgraph.synth.draft import compose
from delibgraph.synth.layout import Layout, draw_layout
from delibgraph.synth.manifest import ManifestWriter, authority_record, truth
from delibgraph.synth.render import render
from delibgraph.synth.roster import Member, Roster, make_roster
from delibgraph.synth.seances import SeanceAttendance, SeancePlan, plan_seances
from delibgraph.synth.territory import Authority, make_authority
from delibgraph.synth.themes import THEMES, Subject, Theme

MANIFEST_NAME = "manifest.json"
# How often each theme comes up on an agenda, relative to 1.
_THEME_WEIGHTS = {"Finances": 3.0, "Urbanisme": 2.0, "Institutions": 1.5, "Culture": 1.5}
_NOTED_WEIGHT = 0.3  # "prend acte" items are rarer than votes


@dataclass(frozen=True, slots=True)
class SynthSummary:
    """What :func:`generate` wrote; ``files`` counts every file, ``manifest.json`` included."""

    authorities: int
    seances: int
    deliberations: int
    files: int
    out: Path


def _check(authorities: int, seances: int, per_seance: tuple[int, int]) -> None:
    low, high = per_seance
    if authorities < 1 or seances < 1:
        raise UsageError("synth needs at least one authority and one séance")
    if not 1 <= low <= high:
        raise UsageError(f"deliberations per séance must be 1 ≤ low ≤ high, not {per_seance}")


def _agenda_item(rng: random.Random, month: int) -> tuple[Theme, Subject]:
    weights = [_THEME_WEIGHTS.get(theme.label, 1.0) for theme in THEMES]
    while True:
        theme = rng.choices(THEMES, weights=weights)[0]
        subjects = [s for s in theme.subjects if not s.months or month in s.months]
        if subjects:
            subject_weights = [_NOTED_WEIGHT if s.noted else 1.0 for s in subjects]
            return theme, rng.choices(subjects, weights=subject_weights)[0]


class _AuthorityRun:
    """Writes one authority's séances; keeps only counters between deliberations."""

    def __init__(
        self, rng: random.Random, authority: Authority, roster: Roster, layout: Layout
    ) -> None:
        self.rng = rng
        self.authority = authority
        self.roster = roster
        self.layout = layout
        self.sequence: dict[int, int] = {}
        self.counter = rng.randint(100_000, 800_000)
        self.deliberations = 0

    def _print_order(self, year: int) -> list[Member]:
        """The roster in the order the lists print it: by family name, or by rank."""
        members = list(self.roster.members(year))
        if self.layout.alphabetical:
            members.sort(key=lambda m: person_key(m.name))
        return members

    def seance(self, plan: SeancePlan, out: Path, manifest: ManifestWriter) -> None:
        rng = self.rng
        members = self._print_order(plan.date.year)
        attendance = SeanceAttendance(rng, members, self.roster.president, plan)
        for index in range(plan.items):
            theme, subject = _agenda_item(rng, plan.date.month)
            year = plan.date.year
            self.sequence[year] = self.sequence.get(year, 0) + 1
            number = self.layout.number(self.authority, year, self.sequence[year])
            self.counter += rng.randint(1, 40)
            internal = (
                str(self.counter)
                if self.layout.actes_internal == "counter"
                else "".join(c for c in number if c.isalnum() or c == "_")
            )
            draft = compose(
                rng,
                authority=self.authority,
                roster=self.roster,
                plan=plan,
                attendance=attendance.item(index),
                theme=theme,
                subject=subject,
                number=number,
                actes_internal=internal,
                separator=self.layout.separator,
            )
            file_name = f"{self.authority.slug}-{slugify(number)}.txt"
            (out / file_name).write_bytes(render(draft, self.layout).encode("utf-8"))
            manifest.add(truth(draft, self.layout, file_name))
            self.deliberations += 1


def generate(
    out: Path,
    *,
    authorities: int,
    seances: int,
    seed: int = 0,
    deliberations_per_seance: tuple[int, int] = (20, 80),
) -> SynthSummary:
    """Write a synthetic corpus into ``out`` (created if missing) and its ``manifest.json``.

    ``seances`` is the number of séances per authority, spread over as many years as the
    authority's rhythm needs; each séance has ``deliberations_per_seance`` items (inclusive).
    """
    _check(authorities, seances, deliberations_per_seance)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is not a folder", source=str(out))
    out.mkdir(parents=True, exist_ok=True)
    arguments = {
        "authorities": authorities,
        "seances": seances,
        "seed": seed,
        "deliberations_per_seance": list(deliberations_per_seance),
    }
    taken_slugs: set[str] = set()
    taken_sirens: set[str] = set()
    total = 0
    with ManifestWriter(out / MANIFEST_NAME, arguments) as manifest:
        for index in range(authorities):
            rng = random.Random(f"delibgraph.synth:{seed}:{index}")
            authority = make_authority(rng, taken_slugs=taken_slugs, taken_sirens=taken_sirens)
            layout = draw_layout(rng)
            electronic = rng.random() < authority.kind.electronic_vote
            plans = plan_seances(
                rng, seances, deliberations_per_seance, electronic_system=electronic
            )
            years = sorted({plan.date.year for plan in plans})
            themes = [(theme.label, theme.delegation) for theme in THEMES]
            roster = make_roster(authority, years, themes, rng)
            run = _AuthorityRun(rng, authority, roster, layout)
            for plan in plans:
                run.seance(plan, out, manifest)
            manifest.add_authority(
                authority_record(
                    authority, roster, layout, seances=len(plans), deliberations=run.deliberations
                )
            )
            total += run.deliberations
    return SynthSummary(
        authorities=authorities,
        seances=authorities * seances,
        deliberations=total,
        files=total + 1,
        out=out,
    )


__all__ = ["MANIFEST_NAME", "SynthSummary", "generate"]
