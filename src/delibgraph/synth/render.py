"""Print a :class:`~delibgraph.synth.draft.Draft` as a register extract, in a given layout.

The text follows the seed (``montpellier-metropole-M2021-162.txt``) and the bundled examples
heading by heading: number, séance, opening sentence, "Extrait du registre", theme, members in
office, "Présents :", proxies, absences, title line, rapporteur, report, "En conséquence"
and its "- d’…" decisions, vote, signature, publication, ACTES stamp, annexes, remedies.
"""

from __future__ import annotations

from collections.abc import Sequence

from delibgraph.synth.draft import Draft
from delibgraph.synth.frenchtext import (
    MONTHS,
    day_words,
    justify_line,
    long_date,
    short_date,
    wrap,
    year_words,
)
from delibgraph.synth.layout import Layout
from delibgraph.synth.roster import Member
from delibgraph.synth.seances import VoteResult

_METHOD_PHRASES = {
    "electronic": "d'un vote électronique",
    "show_of_hands": "d'un vote à main levée",
    "secret_ballot": "d'un vote au scrutin secret",
}
_HEADER_WIDTH = 62


def _lines(text: str, width: int, layout: Layout) -> str:
    return "\n".join(wrap(_words(text), width, justify=layout.justified))


def _justify_to(line: str, width: int, layout: Layout) -> str:
    """One line padded to ``width`` with runs of spaces when the layout is justified."""
    if not layout.justified:
        return line
    return justify_line(line, width)


def _words(text: str) -> list[str]:
    """Split on plain spaces only: no-break spaces inside amounts stay."""
    return [word for word in text.split(" ") if word]


def name_list(entries: Sequence[str], layout: Layout, *, full_stop: bool) -> str:
    """A list of names (or "X (pouvoir à Y)") in the layout's style."""
    if layout.name_lists == "one_per_line":
        return "\n".join(entries)
    text = ", ".join(entries) + ("." if full_stop else "")
    return "\n".join(wrap(_words(text), _HEADER_WIDTH, justify=layout.justified))


def opening(draft: Draft, layout: Layout) -> str:
    plan, authority = draft.plan, draft.authority
    reformed = layout.year_words == "reformed"
    date = plan.date
    if plan.mode == "videoconference":
        where = "en visioconférence"
    elif plan.mode == "hybrid":
        where = f"{authority.room} et en visioconférence"
    else:
        where = authority.room
    president = draft.roster.president
    sentence = (
        f"L’an {year_words(date.year, reformed=reformed)} et le "
        f"{day_words(date.day, reformed=reformed)} {MONTHS[date.month - 1]}, les membres du "
        f"{authority.kind.council}, légalement convoqués, se sont assemblés {where}, sous la "
        f"présidence de {president.civility} {president.name}."
    )
    return _lines(sentence, _HEADER_WIDTH, layout)


def counts_block(draft: Draft, layout: Layout) -> str:
    present = len(draft.attendance.present)
    voters = present + len(draft.attendance.represented)
    in_office = draft.members_in_office
    if layout.counts == "inline":
        return f"En exercice : {in_office} Présents : {present} Votants : {voters}"
    if layout.counts == "lines":
        return (
            f"Nombre de membres en exercice : {in_office}\n"
            f"Nombre de membres présents : {present}\n"
            f"Nombre de votants : {voters}"
        )
    return f"Nombre de membres en exercice : {in_office}"


def attendance_sections(draft: Draft, layout: Layout) -> list[str]:
    """The blocks "Présents :", proxies and absences, in the layout's headings."""
    attendance = draft.attendance
    blocks = [
        "Présents :\n" + name_list([m.name for m in attendance.present], layout, full_stop=True)
    ]
    if attendance.represented:
        proxies = [
            f"{giver.name} (pouvoir à {holder.name})" for giver, holder in attendance.represented
        ]
        if layout.absent_headings == "plain":
            heading = "Absents représentés :"
        else:
            lines = draft.authority.kind.proxy_heading
            heading = "\n".join(
                _justify_to(line, 68, layout) if i < len(lines) - 1 else line
                for i, line in enumerate(lines)
            )
        blocks.append(heading + "\n" + name_list(proxies, layout, full_stop=True))
    absences = printed_absences(draft, layout)
    if layout.absent_headings == "combined":
        if absences:
            names = [name for name, _ in absences]
            blocks.append("Absent(es) / Excusé(es) :\n" + name_list(names, layout, full_stop=False))
        return blocks
    excused_heading, absent_heading = (
        ("Absents excusés :", "Absents :")
        if layout.absent_headings == "plain"
        else ("Absent(es) excusé(es) :", "Absent(es) :")
    )
    for heading, wanted in ((excused_heading, True), (absent_heading, False)):
        names = [name for name, excused in absences if excused is wanted]
        if names:
            blocks.append(heading + "\n" + name_list(names, layout, full_stop=False))
    return blocks


def printed_absences(draft: Draft, layout: Layout) -> list[tuple[str, bool | None]]:
    """The absent members in the order the text prints them, and whether it says excused.

    Under "Absent(es) / Excusé(es)" the text does not say (None); split headings print the
    excused first.
    """
    absent = draft.attendance.absent
    if layout.absent_headings == "combined":
        return [(member.name, None) for member, _ in absent]
    printed: list[tuple[str, bool | None]] = [(m.name, True) for m, excused in absent if excused]
    printed.extend((m.name, False) for m, excused in absent if not excused)
    return printed


def _paragraph(text: str, layout: Layout) -> str:
    lines = []
    for line in text.split("\n"):
        if line.startswith("* "):
            line = f"{layout.bullet} {line[2:]}"
        lines.append(_lines(line, layout.width, layout))
    return "\n".join(lines)


def _names_suffix(members: Sequence[Member], vote: VoteResult) -> str:
    if not members or not vote.names_printed:
        return ""
    return " (" + ", ".join(m.name for m in members) + ")"


def vote_block(draft: Draft, layout: Layout) -> str:
    vote = draft.vote
    if vote.counts is None or vote.method is None:
        return draft.noted or ""
    for_, against, abstention, not_voting = vote.counts
    if vote.unanimous:
        outcome = "à l'unanimité des votants" if not_voting else "à l'unanimité"
    else:
        outcome = "à la majorité"
    lines = [
        f"A l'issue {_METHOD_PHRASES[vote.method]}, la présente délibération est adoptée "
        f"{outcome}.",
        "",
        f"Pour : {for_} voix",
        f"Contre : {against} voix{_names_suffix(vote.against, vote)}",
        f"Abstention : {abstention} voix{_names_suffix(vote.abstention, vote)}",
        f"Ne prend pas part au vote : {not_voting} voix{_names_suffix(vote.not_voting, vote)}",
    ]
    if layout.justified:  # long name lists run over several lines, as in PDF text
        return "\n".join(_lines(line, layout.width, layout) if line else "" for line in lines)
    return "\n".join(lines)


def _signature_title(draft: Draft) -> str:
    president = draft.roster.president
    head = draft.roster.head_role
    article = "La" if president.feminine and head != "Maire" else "Le"
    return f"{president.civility} {article} {head}"


def render(draft: Draft, layout: Layout) -> str:
    """The whole extract as text (UTF-8 when written), ending with a newline."""
    authority = draft.authority
    date = draft.plan.date
    decisions = [
        f"- {decision}{' ;' if i < len(draft.decisions) - 1 else '.'}"
        for i, decision in enumerate(draft.decisions)
    ]
    parts = [
        f"Délibération n°{draft.number}",
        f"Séance {draft.plan.kind} du {long_date(date, weekday=True)}",
        opening(draft, layout),
        _lines(f"Extrait du registre des délibérations de {authority.register_of}", 30, layout),
        draft.theme,
        counts_block(draft, layout),
        "\n\n".join(attendance_sections(draft, layout))
        + "\n "
        + "\n".join(wrap(_words(draft.title), 80)),
        f"{draft.rapporteur.civility} {draft.rapporteur.name}, {draft.rapporteur_role}, rapporte :",
        *(_paragraph(p, layout) for p in draft.paragraphs),
        f" En conséquence, il est proposé au {authority.kind.council} :",
        "\n".join(_lines(d, layout.width, layout) for d in decisions),
        vote_block(draft, layout),
        f"Fait à {authority.seat}, le {short_date(draft.signed)}",
        "Pour extrait conforme,",
        _signature_title(draft),
        "Signé.",
        draft.roster.president.name,
        "\n".join(
            (
                f"Publiée le : {long_date(draft.published)}",
                "Accusé de réception – Ministère de l'intérieur",
                draft.actes_id,
                "Acte Certifié exécutoire :",
                f"Réception en Préfecture : {short_date(draft.received)}",
            )
        ),
    ]
    if draft.annexes:
        parts.append(
            "Liste des annexes transmises en préfecture:\n"
            + "\n".join(f"- {annex}" for annex in draft.annexes)
        )
    parts.append(
        f"{draft.executive} certifie sous sa responsabilité le caractère exécutoire de cet acte "
        "et informe que le présent acte peut faire\nl'objet d'un recours contentieux devant le "
        f"tribunal administratif de {authority.tribunal} dans un délai de deux mois à compter "
        "de sa publication."
    )
    lead = "\n" if layout.justified else ""
    return lead + "\n\n".join(parts) + "\n"
