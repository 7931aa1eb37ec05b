"""ACTES acknowledgement ids (the prefecture's legality-control identifier).

Shape: ``{département (3)}-{SIREN (9)}-{decision date YYYYMMDD}-{internal number}-{nature}``
optionally followed by ``-1-1``, e.g. ``034-243400017-20210329-156275-DE-1-1``.
Natures: DE délibération, AR acte réglementaire, AI acte individuel, CC contrat/convention,
BF budgétaire et financier, AU autre.
"""

from __future__ import annotations

import datetime as dt
import re

from delibgraph.errors import ModelError
from delibgraph.model import ActesId

NATURES = {
    "DE": "délibération",
    "AR": "acte réglementaire",
    "AI": "acte individuel",
    "CC": "contrat, convention",
    "BF": "document budgétaire et financier",
    "AU": "autre",
}

ACTES_ID_PATTERN = (
    r"(?P<dept>\d{2}[0-9AB]|\d{3})-(?P<siren>\d{9})-(?P<date>\d{8})-"
    r"(?P<internal>[A-Za-z0-9_]+)-(?P<nature>DE|AR|AI|CC|BF|AU)(?P<suffix>(?:-\d+){0,2})"
)
ACTES_ID_RE = re.compile(rf"(?<![\w-]){ACTES_ID_PATTERN}(?![\w])")
_FULL_RE = re.compile(rf"^{ACTES_ID_PATTERN}$")


def parse_actes_id(value: str) -> ActesId:
    """Split an ACTES id into its parts; raise :class:`ModelError` when it is not one."""
    match = _FULL_RE.match(value.strip())
    if not match:
        raise ModelError(f"not an ACTES id: {value!r}")
    try:
        decision = dt.datetime.strptime(match["date"], "%Y%m%d").date()
    except ValueError as exc:
        raise ModelError(f"ACTES id {value!r} has an impossible date {match['date']}") from exc
    return ActesId(
        value=value.strip(),
        department=match["dept"],
        siren=match["siren"],
        decision_date=decision,
        internal_number=match["internal"],
        nature=match["nature"],
    )
