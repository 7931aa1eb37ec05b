"""One deliberation before it is written: every fact of the register, drawn consistently.

A :class:`Draft` is the truth of a generated file. :mod:`delibgraph.synth.render` prints it in
the authority's layout; :mod:`delibgraph.synth.manifest` records it for the tests.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

from delibgraph.synth.prose import CONFLICT_SENTENCE, organisations_in, report, slots
from delibgraph.synth.roster import Member, Roster
from delibgraph.synth.seances import ItemAttendance, SeancePlan, VoteResult, draw_vote
from delibgraph.synth.territory import Authority
from delibgraph.synth.themes import Subject, Theme

MIN_REPORT_WORDS = 300
MAX_REPORT_WORDS = 1000

_AMOUNT = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d{2})? €")


@dataclass(frozen=True, slots=True)
class Draft:
    number: str
    authority: Authority
    roster: Roster
    plan: SeancePlan
    attendance: ItemAttendance
    members_in_office: int
    theme: str
    title: str  # "Finances - Budget - Décision modificative n°2 …"
    rapporteur: Member
    rapporteur_role: str
    executive: str  # "Madame le Maire"
    paragraphs: tuple[str, ...]  # the report; "* " lines are bullets
    decisions: tuple[str, ...]
    vote: VoteResult
    noted: str | None  # the "prend acte" sentence when the council only takes note
    signed: dt.date
    published: dt.date
    received: dt.date
    actes_id: str
    annexes: tuple[str, ...]
    organisations: tuple[str, ...]
    amounts: tuple[str, ...]  # as printed in the report and decisions, in order

    @property
    def report_words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def _rapporteur(roster: Roster, theme: Theme, present: tuple[Member, ...]) -> tuple[Member, str]:
    office = roster.office_for(theme.label)
    if office is not None and office.member in present:
        return office.member, office.role
    return roster.president, roster.head_role


def compose(
    rng: random.Random,
    *,
    authority: Authority,
    roster: Roster,
    plan: SeancePlan,
    attendance: ItemAttendance,
    theme: Theme,
    subject: Subject,
    number: str,
    actes_internal: str,
    separator: str,
) -> Draft:
    """Draw one deliberation of ``subject`` at this point of the séance."""
    values = slots(rng, authority, roster, plan.date, separator=separator)
    rapporteur, role = _rapporteur(roster, theme, attendance.present)
    method = plan.method
    if subject.secret_ballot and rng.random() < 0.5:
        method = "secret_ballot"
    abstaining: list[Member] = []
    if subject.conflict and method != "secret_ballot" and rng.random() < 0.4:
        candidates = [m for m in attendance.present if m not in (roster.president, rapporteur)]
        abstaining = rng.sample(candidates, min(len(candidates), 1 + (rng.random() < 0.2)))
    conflict_text = [
        CONFLICT_SENTENCE.format(
            civility=m.civility, name=m.name, association=values["association"]
        )
        for m in abstaining
    ]
    reserved = sum(len(t.split()) for t in conflict_text)
    paragraphs = report(
        rng,
        theme,
        subject,
        values,
        target_words=rng.randint(MIN_REPORT_WORDS, 950) - reserved,
        max_words=MAX_REPORT_WORDS - reserved,
    )
    if conflict_text:
        paragraphs.append(" ".join(conflict_text))
    if subject.noted is not None:
        vote = VoteResult(method=None, outcome="noted", unanimous=None, counts=None)
    else:
        vote = draw_vote(
            rng,
            attendance,
            method=method,
            contested=theme.contested,
            not_voting=abstaining,
            chair=roster.president,
        )
    decisions = tuple(d.format_map(values) for d in subject.decisions)
    signed = plan.date + dt.timedelta(days=rng.randint(2, 18))
    received = signed + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
    published = received + dt.timedelta(days=rng.choice((0, 0, 1, 3)))
    annexes = tuple(a.format_map(values) for a in subject.annexes if rng.random() < 0.85)
    actes_id = (
        f"{authority.department_code}-{authority.siren}-{plan.date:%Y%m%d}-"
        f"{actes_internal}-{subject.nature}-1-1"
    )
    running_text = "\n".join((*paragraphs, *decisions))
    title = " - ".join((theme.label, subject.subtheme, subject.title.format_map(values)))
    return Draft(
        number=number,
        authority=authority,
        roster=roster,
        plan=plan,
        attendance=attendance,
        members_in_office=len(attendance.present)
        + len(attendance.represented)
        + len(attendance.absent),
        theme=theme.label,
        title=title,
        rapporteur=rapporteur,
        rapporteur_role=role,
        executive=values["executive"],
        paragraphs=tuple(paragraphs),
        decisions=decisions,
        vote=vote,
        noted=subject.noted.format_map(values) if subject.noted else None,
        signed=signed,
        published=published,
        received=received,
        actes_id=actes_id,
        annexes=annexes,
        organisations=tuple(organisations_in(running_text, values)),
        amounts=tuple(dict.fromkeys(_AMOUNT.findall(running_text))),
    )
