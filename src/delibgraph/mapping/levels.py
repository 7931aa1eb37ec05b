"""The graded level the record reaches, stated on the act (written last: it reads the rest).

``dlg:levelReached`` is the level ``delibgraph validate`` reports for a conforming record (a
record that violates a shape is rejected and never stored); ``dlg:meetsLevel`` lists each level
whose own requirements hold. Queries read them instead of re-checking the requirements.
"""

from __future__ import annotations

from delibgraph.levels import record_levels
from delibgraph.mapping.context import MappingContext, integer
from delibgraph.mapping.terms import DLG


def map_levels(ctx: MappingContext) -> None:
    act = ctx.ids.act
    levels = record_levels(ctx.triples, act)
    ctx.add(act, DLG.levelReached, integer(levels.reached))
    for level in sorted(levels.met):
        ctx.add(act, DLG.meetsLevel, integer(level))
