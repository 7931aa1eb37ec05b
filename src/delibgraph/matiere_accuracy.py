"""How often the subject classifier agrees with hand-made labels.

The labels are a CSV (``tests/fixtures/matieres.csv`` in the source repository: ``file``,
``number``, ``matiere``, ``split``, ``note``; ``#`` lines are comments) over documents whose
golden parse is ``{file}.expected.json`` beside it. Each labelled deliberation of the golden
parse is classified (:func:`delibgraph.matiere_classifier.classify_deliberation`); the golden
parse, not the parser's output, is used so that the figure measures the classifier alone.
``split`` tells the labels the rules were tuned on (``dev``) from those never used for tuning
(``heldout``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from delibgraph.errors import UsageError
from delibgraph.evaluate import load_expected
from delibgraph.matiere_classifier import classify_deliberation
from delibgraph.model import Deliberation

__all__ = ["Labelled", "SplitAccuracy", "measure"]


@dataclass(frozen=True, slots=True)
class Labelled:
    """One labelled deliberation and the classifier's answer (None: it abstained)."""

    file: str
    number: str
    label: str
    split: str
    predicted: str | None

    @property
    def correct(self) -> bool:
        return self.predicted == self.label


@dataclass(frozen=True, slots=True)
class SplitAccuracy:
    """Counts over one split: labelled, correct, abstained (no subject proposed)."""

    split: str
    items: tuple[Labelled, ...]

    @property
    def labelled(self) -> int:
        return len(self.items)

    @property
    def correct(self) -> int:
        return sum(1 for item in self.items if item.correct)

    @property
    def abstained(self) -> int:
        return sum(1 for item in self.items if item.predicted is None)

    @property
    def accuracy(self) -> float:
        return self.correct / self.labelled if self.labelled else 0.0

    @property
    def errors(self) -> tuple[Labelled, ...]:
        return tuple(item for item in self.items if not item.correct)


def measure(labels: Path) -> dict[str, SplitAccuracy]:
    """Accuracy per split (and ``"all"``) of the classifier on the labels of ``labels``."""
    if not labels.is_file():
        raise UsageError(f"no labels file {labels}")
    lines = [line for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    items: list[Labelled] = []
    goldens: dict[str, dict[str, Deliberation]] = {}
    for row in rows:
        if not row["matiere"]:
            continue  # the text does not allow a label
        if row["file"] not in goldens:
            golden = labels.parent / f"{row['file']}.expected.json"
            goldens[row["file"]] = {d.number or "": d for d in load_expected(golden)}
        deliberation = goldens[row["file"]].get(row["number"])
        if deliberation is None:
            raise UsageError(f"{labels}: {row['file']} has no deliberation {row['number']}")
        guess = classify_deliberation(deliberation)
        predicted = guess.code if guess is not None else None
        items.append(Labelled(row["file"], row["number"], row["matiere"], row["split"], predicted))
    splits = sorted({item.split for item in items})
    result = {s: SplitAccuracy(s, tuple(i for i in items if i.split == s)) for s in splits}
    result["all"] = SplitAccuracy("all", tuple(items))
    return result
