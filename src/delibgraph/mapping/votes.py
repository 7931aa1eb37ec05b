"""The motion, its vote event, attendance, proxies, counts and individual votes (Popolo).

Individual "yes" votes are written only when the register makes them exact (see
:func:`derive_yes_votes` and ``docs/data-model.md``, "Individual votes: derived only when
exact"); each derived vote says so with ``dlg:derivedBy``. Named votes (against, abstention,
not taking part) are stated by the text and carry no ``dlg:derivedBy``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef

from delibgraph.mapping.context import MappingContext, boolean, date_literal, integer, plain
from delibgraph.mapping.terms import DLG, OPENGOV, PROV, RDF, SCHEMA
from delibgraph.model import Deliberation
from delibgraph.names import collapse_spaces, person_key

OUTCOMES: dict[str, URIRef] = {
    "adopted": OPENGOV.Pass,
    "rejected": OPENGOV.Fail,
    "noted": DLG.Noted,
    "elected": DLG.Elected,
}

VOTING_METHODS: dict[str, URIRef] = {
    "electronic": DLG.ElectronicVote,
    "show_of_hands": DLG.ShowOfHands,
    "secret_ballot": DLG.SecretBallot,
    "roll_call": DLG.RollCall,
}

YES, NO, ABSTAIN, NOT_VOTING = "yes", "no", "abstain", "not voting"

# option → (last segment of the count IRI, the count's specific class)
COUNT_KINDS: dict[str, tuple[str, URIRef]] = {
    YES: ("yes", OPENGOV.YesCount),
    NO: ("no", OPENGOV.NoCount),
    ABSTAIN: ("abstain", OPENGOV.AbstainCount),
    NOT_VOTING: ("not-voting", DLG.NotTakingPartCount),
}


@dataclass(frozen=True, slots=True)
class Derivation:
    """Who voted "yes" by a derivation rule, and which rule made it exact."""

    rule: URIRef
    yes_voters: tuple[str, ...]


def _named_votes(d: Deliberation) -> list[tuple[str, str]]:
    """(printed name, option) for every vote the text names."""
    v = d.vote
    return (
        [(name, NO) for name in v.against_names]
        + [(name, ABSTAIN) for name in v.abstention_names]
        + [(name, NOT_VOTING) for name in v.not_voting_names]
    )


def derive_yes_votes(d: Deliberation) -> Derivation | None:
    """The members whose "yes" vote follows exactly from the register, or None.

    Unanimity rule: unanimous, nobody named or counted against / abstaining / not taking part,
    and "for" absent or equal to present + represented → every voter voted yes.
    Complete-names rule: otherwise, "for" is stated and equals present + represented minus the
    members named against / abstaining / not taking part, and each of those counts, when
    stated, equals the number of names given for it → every other voter voted yes.
    Both need an attendance list without duplicates, and every named member among the voters.
    """
    v = d.vote
    voters = [*d.present, *(r.name for r in d.represented)]
    voter_keys = [person_key(name) for name in voters]
    if not voters or "" in voter_keys or len(set(voter_keys)) != len(voter_keys):
        return None
    named_keys = [person_key(name) for name, _ in _named_votes(d)]
    if len(set(named_keys)) != len(named_keys) or not set(named_keys) <= set(voter_keys):
        return None
    others = (v.against, v.abstention, v.not_voting)
    if (
        v.unanimous is True
        and not named_keys
        and all(count in (None, 0) for count in others)
        and v.for_ in (None, len(voters))
    ):
        return Derivation(DLG.unanimityRule, tuple(voters))
    stated_match = all(
        count is None or count == len(names)
        for count, names in zip(
            others, (v.against_names, v.abstention_names, v.not_voting_names), strict=True
        )
    )
    if v.for_ is not None and stated_match and v.for_ == len(voters) - len(named_keys):
        named = set(named_keys)
        yes = tuple(name for name, key in zip(voters, voter_keys, strict=True) if key not in named)
        return Derivation(DLG.completeNamesRule, yes)
    return None


def map_votes(ctx: MappingContext, session: URIRef | None) -> None:
    """Motion, vote event, attendance, proxies, counts and individual votes."""
    d = ctx.deliberation
    ids = ctx.ids
    motion, event = ids.motion, ids.vote_event
    result = OUTCOMES.get(d.vote.outcome or "")

    ctx.add(motion, RDF.type, OPENGOV.Motion)
    if d.decisions:
        text = "\n".join(collapse_spaces(decision) for decision in d.decisions)
        ctx.add(motion, SCHEMA.text, Literal(text, lang="fr"))
    if ctx.body is not None:
        ctx.add(motion, SCHEMA.publisher, ctx.body)
        ctx.add(event, SCHEMA.organizer, ctx.body)
    ctx.add(motion, OPENGOV.voteEvent, event)

    ctx.add(event, RDF.type, OPENGOV.VoteEvent)
    ctx.add(event, OPENGOV.motion, motion)
    ctx.add(event, PROV.generated, ids.act)
    if session is not None:
        ctx.add(event, SCHEMA.superEvent, session)
    if d.session.date is not None:
        ctx.add(event, SCHEMA.startDate, date_literal(d.session.date))
    if result is not None:
        ctx.add(motion, OPENGOV.result, result)
        ctx.add(event, OPENGOV.result, result)
    if d.vote.method in VOTING_METHODS:
        ctx.add(event, DLG.votingMethod, VOTING_METHODS[d.vote.method])
    if d.vote.unanimous is not None:
        ctx.add(event, DLG.unanimous, boolean(d.vote.unanimous))
    if d.members_in_office is not None:
        ctx.add(event, DLG.membersInOffice, integer(d.members_in_office))

    _map_attendance(ctx)
    _map_counts(ctx)
    _map_individual_votes(ctx)


def _map_attendance(ctx: MappingContext) -> None:
    d = ctx.deliberation
    event = ctx.ids.vote_event
    for name in d.present:
        ctx.add(event, SCHEMA.attendee, ctx.person(name))
    for member in d.represented:
        proxy = ctx.ids.proxy(member.name)
        ctx.add(event, DLG.proxy, proxy)
        ctx.add(proxy, RDF.type, DLG.Proxy)
        ctx.add(proxy, DLG.proxyGiver, ctx.person(member.name))
        if member.proxy_holder:
            ctx.add(proxy, DLG.proxyHolder, ctx.person(member.proxy_holder))
    for absent in d.absent:
        person = ctx.person(absent.name)
        ctx.add(event, DLG.absentMember, person)
        if absent.excused:
            ctx.add(event, DLG.excusedMember, person)
    for name in d.vote.not_voting_names:
        ctx.add(event, DLG.notTakingPart, ctx.person(name))


def _map_counts(ctx: MappingContext) -> None:
    v = ctx.deliberation.vote
    event = ctx.ids.vote_event
    stated = {YES: v.for_, NO: v.against, ABSTAIN: v.abstention, NOT_VOTING: v.not_voting}
    for option, value in stated.items():
        if value is None:
            continue
        segment, specific_class = COUNT_KINDS[option]
        count = ctx.ids.count(segment)
        ctx.add(count, RDF.type, OPENGOV.Count)
        ctx.add(count, RDF.type, specific_class)
        ctx.add(count, RDF.value, integer(value))
        ctx.add(count, OPENGOV.voteEvent, event)
        ctx.add(event, OPENGOV.count, count)


def _map_individual_votes(ctx: MappingContext) -> None:
    d = ctx.deliberation
    holders = {
        person_key(member.name): member.proxy_holder
        for member in d.represented
        if member.proxy_holder
    }
    for name, option in _named_votes(d):
        _vote(ctx, name, option, None, holders.get(person_key(name)))
    derivation = derive_yes_votes(d)
    if derivation is not None:
        for name in derivation.yes_voters:
            _vote(ctx, name, YES, derivation.rule, holders.get(person_key(name)))


def _vote(
    ctx: MappingContext, name: str, option: str, rule: URIRef | None, holder: str | None
) -> None:
    vote = ctx.ids.vote(name)
    event = ctx.ids.vote_event
    ctx.add(vote, RDF.type, OPENGOV.Vote)
    ctx.add(vote, OPENGOV.voteEvent, event)
    ctx.add(vote, SCHEMA.agent, ctx.person(name))
    ctx.add(vote, SCHEMA.option, plain(option))
    ctx.add(event, OPENGOV.vote, vote)
    if holder:
        ctx.add(vote, DLG.castBy, ctx.person(holder))
    if rule is not None:
        ctx.add(vote, DLG.derivedBy, rule)
