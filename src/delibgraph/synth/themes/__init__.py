"""The themes a generated deliberation can be about, with their subjects and prose."""

from __future__ import annotations

from delibgraph.synth.themes import administration, environment, planning, services
from delibgraph.synth.themes.model import Subject, Theme

THEMES: tuple[Theme, ...] = (
    *administration.THEMES,
    *planning.THEMES,
    *environment.THEMES,
    *services.THEMES,
)

__all__ = ["THEMES", "Subject", "Theme"]
