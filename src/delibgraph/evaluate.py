"""Field-level scoring of parser output against golden JSON files (``delibgraph eval DIR``).

**Corpus.** A directory holds documents (``NAME.txt`` or ``NAME.pdf``), each with its expected
parse beside it in ``NAME.expected.json``: a JSON array, one object per deliberation, with the
keys of ``delibgraph parse --format json``. ``source`` and ``spans`` may be left out (they are
ignored); every golden object must load with :meth:`Deliberation.from_json`, or
:func:`evaluate_dir` raises :class:`~delibgraph.errors.ModelError` naming the file.

**Alignment.** Within a document, each expected deliberation is paired with the predicted one
of the same ``number`` (compared after normalisation, first unused match); the expected ones
left over are paired, in order, with the predicted ones left over. An expected deliberation
with no partner is compared with an empty one (every value it states is a false negative);
a predicted deliberation with no partner likewise (every value it states is a false positive).

**Normalisation.** Strings are compared after Unicode NFC, typographic apostrophes
(’ ‘ ʼ ´ `) made ``'``, runs of white space collapsed, and trailing `` ;,.:`` removed. Case
and accents are significant. Numbers, booleans and ISO dates compare by value and type.

**Scalar fields** (:data:`SCALAR_FIELDS`): for one aligned pair, with ``e`` the expected and
``g`` the predicted value,

* ``e`` and ``g`` both null: not counted;
* ``e`` null, ``g`` not null: one false positive;
* ``e`` not null, ``g`` null: one false negative;
* both not null and equal: one true positive;
* both not null and different: one false positive **and** one false negative.

**List fields** (:data:`LIST_FIELDS`) are multisets of items: true positives are the items in
both (with multiplicity), false positives the predicted items not expected, false negatives
the expected items not predicted. Items: ``present``, ``decisions``, ``annexes`` and the
``vote.*_names``: the normalised text; ``represented``: the pair (name, proxy holder);
``absent``: the pair (name, excused); ``entities.amounts``: the pair (value, currency).

Not scored: ``reasoning`` (free text), ``entities.organizations`` and ``entities.places``
(spaCy's output varies with the model), ``source``, ``spans``.

**Figures.** Per field: precision = tp / (tp + fp), recall = tp / (tp + fn) (each 1.0 when
its denominator is 0), F1 their harmonic mean (0.0 when both are 0). Overall figures are
micro-averaged: the sums of tp, fp and fn over all fields. A parser exception on a document
makes every expected value of that document a false negative; the document is listed among
the errors. The report lists every difference: (file, deliberation, field, expected, got);
for a list field, ``expected`` holds the items missing and ``got`` the items in excess.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from delibgraph.errors import ModelError, UsageError
from delibgraph.model import Deliberation, Source

Parser = Callable[[Path], Sequence[Deliberation]]
"""What :func:`evaluate_dir` runs on each document (default: ``delibgraph.parse.parse_file``)."""

Outcome = Sequence[Deliberation] | BaseException
"""A parser's result on one document: its deliberations, or the exception it raised."""

SCALAR_FIELDS: tuple[str, ...] = (
    "number", "authority.name", "authority.siren", "body",
    "session.date", "session.kind", "session.place", "session.mode", "session.president",
    "members_in_office", "theme", "title", "rapporteur.name", "rapporteur.role",
    "vote.method", "vote.outcome", "vote.unanimous", "vote.for", "vote.against",
    "vote.abstention", "vote.not_voting", "signed.place", "signed.date", "published",
    "prefecture.received", "prefecture.actes_id",
)  # fmt: skip
LIST_FIELDS: tuple[str, ...] = (
    "present", "represented", "absent", "decisions", "annexes",
    "vote.against_names", "vote.abstention_names", "vote.not_voting_names", "entities.amounts",
)  # fmt: skip
FIELDS: tuple[str, ...] = SCALAR_FIELDS + LIST_FIELDS

DOCUMENT_SUFFIXES = (".txt", ".pdf")
GOLDEN_SUFFIX = ".expected.json"

_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼ´`"})
_EMPTY = Deliberation(source=Source(path="", sha256=""))


def normalize_text(text: str) -> str:
    """The form strings are compared in (see the module docstring)."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return re.sub(r"\s+", " ", text).strip().rstrip(" ;,.:")


# --------------------------------------------------------------------------- report types


@dataclass(frozen=True, slots=True)
class FieldScore:
    """True positives, false positives and false negatives of one field (or of all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        figures = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return {**asdict(self), **figures}


@dataclass(frozen=True, slots=True)
class Difference:
    """One field of one deliberation where the parse and the golden file disagree."""

    file: str
    deliberation: str  # the expected number, else "#n" (1-based position)
    field: str
    expected: Any
    got: Any


@dataclass(frozen=True, slots=True)
class DocumentError:
    """The parser raised on a document: every expected value counts as missed."""

    file: str
    message: str


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores per field and overall, with every difference and every parser error."""

    fields: Mapping[str, FieldScore]
    differences: tuple[Difference, ...] = ()
    errors: tuple[DocumentError, ...] = ()
    documents: int = 0
    deliberations_expected: int = 0
    deliberations_predicted: int = 0

    @property
    def overall(self) -> FieldScore:
        """Micro-average: the sums over all fields."""
        total = FieldScore()
        for score in self.fields.values():
            total += score
        return total

    @property
    def files_with_differences(self) -> tuple[str, ...]:
        return tuple(sorted({d.file for d in self.differences} | {e.file for e in self.errors}))

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "deliberations_expected": self.deliberations_expected,
            "deliberations_predicted": self.deliberations_predicted,
            "overall": self.overall.to_json(),
            "fields": {name: score.to_json() for name, score in self.fields.items()},
            "errors": [asdict(e) for e in self.errors],
            "differences": [asdict(d) for d in self.differences],
        }

    def to_text(self, *, max_value: int = 120) -> str:
        """A per-field table, the overall figure, then the errors and differences."""
        overall = "overall (micro-averaged)"
        width = max(len(name) for name in (*self.fields, overall))

        def row(name: str, s: FieldScore) -> str:
            return (
                f"{name:<{width}} {s.tp:>5} {s.fp:>5} {s.fn:>5} {s.precision:>9.3f} "
                f"{s.recall:>7.3f} {s.f1:>6.3f}"
            )

        header = f"{'field':<{width}} {'tp':>5} {'fp':>5} {'fn':>5} {'precision':>9} "
        header += f"{'recall':>7} {'f1':>6}"
        rule = "-" * len(header)
        lines = [header, rule, *(row(n, s) for n, s in self.fields.items()), rule]
        lines.append(row(overall, self.overall))
        lines.append(
            f"{self.documents} documents, {self.deliberations_expected} deliberations expected, "
            f"{self.deliberations_predicted} predicted; "
            f"{len(self.files_with_differences)} documents with differences, "
            f"{len(self.errors)} parser errors"
        )
        if self.errors:
            lines += ["", "Parser errors:"]
            lines += [f"  {e.file}: {e.message}" for e in self.errors]
        if self.differences:
            lines += ["", "Differences (for lists: expected = missing items, got = extra items):"]
            for d in self.differences:
                lines.append(
                    f"  {d.file} [{d.deliberation}] {d.field}: expected "
                    f"{_shorten(d.expected, max_value)}; got {_shorten(d.got, max_value)}"
                )
        return "\n".join(lines) + "\n"

    def to_markdown(self, *, corpus: str = "") -> str:
        """The per-field figures as a Markdown table (what ``docs/eval.md`` holds)."""
        overall = self.overall
        lines = [
            "# Parser evaluation",
            "",
            "Field-level precision, recall and F1 of `delibgraph parse` against the golden files"
            + (f" of `{corpus}`" if corpus else "")
            + " (`delibgraph eval`; scoring rules in `src/delibgraph/evaluate.py`).",
            "",
            f"{self.documents} documents, {self.deliberations_expected} deliberations expected, "
            f"{self.deliberations_predicted} found; overall (micro-averaged): precision "
            f"{overall.precision:.3f}, recall {overall.recall:.3f}, **F1 {overall.f1:.3f}**.",
            "",
            "| field | tp | fp | fn | precision | recall | F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, score in [*self.fields.items(), ("**overall**", overall)]:
            lines.append(
                f"| {name} | {score.tp} | {score.fp} | {score.fn} | {score.precision:.3f} "
                f"| {score.recall:.3f} | {score.f1:.3f} |"
            )
        lines += ["", f"Documents with differences: {len(self.files_with_differences)}."]
        lines += [f"- `{name}`" for name in self.files_with_differences]
        return "\n".join(lines) + "\n"


def _shorten(value: Any, limit: int) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- field values


def _get(data: Mapping[str, Any], path: str) -> Any:
    value: Any = data
    for key in path.split("."):
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def _canonical(value: Any) -> str | None:
    """A comparable form of a scalar; None for null. Strings are normalised; other values
    keep their JSON form, so ``true`` never equals ``1``."""
    if value is None:
        return None
    if isinstance(value, str):
        return normalize_text(value)
    return json.dumps(value)


def _item(field: str, raw: Any) -> str:
    """A comparable, printable form of one item of a list field."""
    if field == "represented":
        holder = raw.get("proxy_holder")
        return f"{normalize_text(raw['name'])} → {normalize_text(holder) if holder else '?'}"
    if field == "absent":
        return f"{normalize_text(raw['name'])} (excused: {json.dumps(raw.get('excused'))})"
    if field == "entities.amounts":
        value = Decimal(str(raw["value"])).normalize()
        return f"{value:f} {raw['currency']}"
    return normalize_text(str(raw))


def _items(data: Mapping[str, Any], field: str) -> Counter[str]:
    return Counter(_item(field, raw) for raw in (_get(data, field) or ()))


# --------------------------------------------------------------------------- scoring


class _Tally:
    """Accumulates scores and differences over documents."""

    def __init__(self) -> None:
        self.scores: dict[str, FieldScore] = {name: FieldScore() for name in FIELDS}
        self.differences: list[Difference] = []
        self.errors: list[DocumentError] = []
        self.documents = 0
        self.expected = 0
        self.predicted = 0

    def add(self, field: str, score: FieldScore) -> None:
        self.scores[field] += score

    def report(self) -> EvalReport:
        return EvalReport(
            fields=dict(self.scores),
            differences=tuple(self.differences),
            errors=tuple(self.errors),
            documents=self.documents,
            deliberations_expected=self.expected,
            deliberations_predicted=self.predicted,
        )


def _compare(tally: _Tally, file: str, label: str, exp: Deliberation, got: Deliberation) -> None:
    expected, predicted = exp.to_json(), got.to_json()
    for field in SCALAR_FIELDS:
        e_raw, g_raw = _get(expected, field), _get(predicted, field)
        e, g = _canonical(e_raw), _canonical(g_raw)
        if e is None and g is None:
            continue
        score = FieldScore(
            tp=int(e == g), fp=int(g is not None and e != g), fn=int(e is not None and e != g)
        )
        tally.add(field, score)
        if e != g:
            tally.differences.append(Difference(file, label, field, e_raw, g_raw))
    for field in LIST_FIELDS:
        e_items, g_items = _items(expected, field), _items(predicted, field)
        missing, extra = e_items - g_items, g_items - e_items
        common = sum((e_items & g_items).values())
        tally.add(field, FieldScore(common, sum(extra.values()), sum(missing.values())))
        if missing or extra:
            tally.differences.append(
                Difference(file, label, field, sorted(missing.elements()), sorted(extra.elements()))
            )


def align(
    expected: Sequence[Deliberation], predicted: Sequence[Deliberation]
) -> list[tuple[int | None, int | None]]:
    """Pairs of (expected index, predicted index); None where a side has no partner."""
    partner: dict[int, int] = {}
    used: set[int] = set()
    for i, exp in enumerate(expected):
        if exp.number is None:
            continue
        key = normalize_text(exp.number)
        for j, got in enumerate(predicted):
            if j not in used and got.number is not None and normalize_text(got.number) == key:
                partner[i] = j
                used.add(j)
                break
    rest_expected = [i for i in range(len(expected)) if i not in partner]
    rest_predicted = [j for j in range(len(predicted)) if j not in used]
    partner.update(zip(rest_expected, rest_predicted, strict=False))
    pairs: list[tuple[int | None, int | None]] = [(i, partner.get(i)) for i in range(len(expected))]
    pairs += [(None, j) for j in rest_predicted[len(rest_expected) :]]
    return pairs


def _label(delib: Deliberation, position: int) -> str:
    return delib.number if delib.number else f"#{position + 1}"


def _score_document(
    tally: _Tally, file: str, expected: Sequence[Deliberation], outcome: Outcome
) -> None:
    """Add one document's comparison to ``tally``."""
    tally.documents += 1
    tally.expected += len(expected)
    if isinstance(outcome, BaseException):
        tally.errors.append(DocumentError(file, f"{type(outcome).__name__}: {outcome}"))
        predicted: Sequence[Deliberation] = ()
    else:
        predicted = outcome
        tally.predicted += len(predicted)
    for i, j in align(expected, predicted):
        exp = _EMPTY if i is None else expected[i]
        got = _EMPTY if j is None else predicted[j]
        if i is not None:
            label = _label(exp, i)
            if j is None:
                tally.differences.append(Difference(file, label, "(deliberation)", label, None))
        else:
            assert j is not None  # align() never pairs None with None
            label = f"extra: {_label(got, j)}"
            tally.differences.append(Difference(file, label, "(deliberation)", None, label))
        _compare(tally, file, label, exp, got)


def evaluate_documents(cases: Iterable[tuple[str, Sequence[Deliberation], Outcome]]) -> EvalReport:
    """Score (file, expected deliberations, parser outcome) triples."""
    tally = _Tally()
    for file, expected, outcome in cases:
        _score_document(tally, file, expected, outcome)
    return tally.report()


# --------------------------------------------------------------------------- corpus on disk


def load_expected(path: Path) -> list[Deliberation]:
    """The golden deliberations of ``path`` (a ``*.expected.json`` file)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"cannot read golden file: {exc}", source=str(path)) from exc
    if not isinstance(data, list) or not all(isinstance(obj, dict) for obj in data):
        raise ModelError("a golden file holds a JSON array of objects", source=str(path))
    document = path.name[: -len(GOLDEN_SUFFIX)]
    deliberations = []
    for index, obj in enumerate(data):
        fields = {k: v for k, v in obj.items() if k not in ("source", "spans")}
        try:
            deliberations.append(
                Deliberation.from_json({**fields, "source": {"path": document, "sha256": ""}})
            )
        except (ModelError, TypeError, KeyError, ValueError) as exc:
            raise ModelError(f"deliberation {index + 1}: {exc}", source=str(path)) from exc
    return deliberations


def corpus_documents(directory: Path) -> list[tuple[Path, Path]]:
    """(document, golden file) pairs of ``directory``, sorted by document name."""
    pairs = []
    for document in sorted(directory.iterdir()):
        golden = document.with_name(document.stem + GOLDEN_SUFFIX)
        if document.suffix in DOCUMENT_SUFFIXES and golden.is_file():
            pairs.append((document, golden))
    return pairs


def _default_parser(ner: bool) -> Parser:
    # the parser is only needed when none is given; its warnings are not the scorer's output
    from delibgraph.parse import parse_file_report

    def run(path: Path) -> Sequence[Deliberation]:
        return parse_file_report(path, ner=ner).deliberations

    return run


def evaluate_dir(directory: Path, *, ner: bool = False, parser: Parser | None = None) -> EvalReport:
    """Parse every document of ``directory`` that has a golden file and score the results.

    ``ner`` is passed to the parser (spaCy's organisations and places are not scored, so the
    default skips it); ``parser`` replaces ``delibgraph.parse.parse_file``.
    """
    if not directory.is_dir():
        raise UsageError(f"not a directory: {directory}", source=str(directory))
    pairs = corpus_documents(directory)
    if not pairs:
        raise UsageError(
            f"no document with a golden file (NAME.txt or NAME.pdf beside "
            f"NAME{GOLDEN_SUFFIX}) in {directory}",
            source=str(directory),
        )
    run = parser or _default_parser(ner)
    cases: list[tuple[str, Sequence[Deliberation], Outcome]] = []
    for document, golden in pairs:
        expected = load_expected(golden)
        try:
            outcome: Outcome = list(run(document))
        except Exception as exc:  # a parser bug must not stop the evaluation: it is scored
            outcome = exc
        cases.append((document.name, expected, outcome))
    return evaluate_documents(cases)
