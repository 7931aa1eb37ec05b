"""Votes told by candidates, in sentences, before the decisions, or in a sidebar."""

from __future__ import annotations

from delibgraph.model import Deliberation, Source
from delibgraph.parse import parse_text

SOURCE = Source(path="vote.txt", sha256="0" * 64)
HEAD = """COMMUNE DE LESCOUTADE
Extrait du registre des délibérations du Conseil municipal
Séance du 6 février 2024

Délibération n° 2024-002

Nombre de conseillers en exercice : 7

Présents : Roland VIDALENC, Agnès PRAT, Lucien BOUYSSIÈRE, Marthe CROUZAT, Jean-Claude ROUX,
Damien ESCALIER, Sylvette LAFON.

Objet : {title}

Rapporteur : Roland VIDALENC, Maire

{body}

Fait à Lescoutade, le 8 février 2024
"""


def _parse(body: str, title: str = "Désignation d'un délégué") -> Deliberation:
    found = parse_text(HEAD.format(title=title, body=body), SOURCE, ner=False)
    assert len(found) == 1
    return found[0]


def test_an_election_between_candidates() -> None:
    d = _parse(
        "Il est procédé à l'élection au scrutin secret.\n"
        "Nombre de votants : 7\nBulletins blancs ou nuls : 1\nSuffrages exprimés : 6\n"
        "Ont obtenu : Mme Agnès PRAT : 4 voix ; M. Jean-Claude ROUX : 2 voix.\n\n"
        "A été élue déléguée : Mme Agnès PRAT.\n\n"
        "Le Conseil municipal :\n- désigne Mme Agnès PRAT déléguée au syndicat."
    )
    vote = d.vote
    assert (vote.method, vote.outcome) == ("secret_ballot", "elected")
    assert (vote.for_, vote.against, vote.abstention, vote.unanimous) == (4, 2, 1, False)
    assert d.decisions == ("désigne Mme Agnès PRAT déléguée au syndicat",)


def test_an_election_with_one_candidate_gives_no_votes_against() -> None:
    d = _parse(
        "Il est procédé à l'élection au scrutin secret.\nBulletins blancs ou nuls : 2\n"
        "Madame Agnès PRAT : 5 voix\n\nA été élue : Madame Agnès PRAT.\n\n"
        "En conséquence, le Conseil municipal décide :\n- de désigner Mme Agnès PRAT."
    )
    assert (d.vote.outcome, d.vote.for_, d.vote.against, d.vote.abstention) == (
        "elected", 5, None, 2
    )  # fmt: skip
    assert d.vote.unanimous is None


def test_a_roll_call_printed_before_the_decisions() -> None:
    d = _parse(
        "À la demande de M. ROUX Jean-Claude, il est procédé au vote par appel nominal.\n\n"
        "Ont voté pour (4) : VIDALENC Roland, PRAT Agnès, BOUYSSIÈRE Lucien, LAFON Sylvette.\n"
        "Ont voté contre (2) : ROUX Jean-Claude, ESCALIER Damien.\n"
        "S'est abstenue (1) : CROUZAT Marthe.\n\n"
        "Le Conseil municipal, à la majorité :\n- émet un avis favorable au projet."
    )
    vote = d.vote
    assert (vote.method, vote.outcome, vote.unanimous) == ("roll_call", "adopted", False)
    assert (vote.for_, vote.against, vote.abstention) == (4, 2, 1)
    assert vote.against_names == ("ROUX Jean-Claude", "ESCALIER Damien")
    assert vote.abstention_names == ("CROUZAT Marthe",)
    assert d.decisions == ("émet un avis favorable au projet",)


def test_names_given_in_sentences() -> None:
    d = _parse(
        "Mme Agnès PRAT et M. Lucien BOUYSSIÈRE, membres de l'association, ne prennent pas "
        "part au vote.\n\nLe Conseil municipal, après en avoir délibéré :\n"
        "- attribue une subvention de 500 €.\n\nM. ESCALIER s'abstient. Adoptée à la majorité."
    )
    assert d.vote.not_voting_names == ("Agnès PRAT", "Lucien BOUYSSIÈRE")
    assert d.vote.abstention_names == ("ESCALIER",)
    assert d.vote.not_voting is None and d.vote.abstention is None  # names, not counts
    assert d.vote.unanimous is False


def test_unanimity_with_the_votes_cast_in_parentheses() -> None:
    d = _parse(
        "Le Conseil municipal, après en avoir délibéré, à l'unanimité (7 voix) :\n"
        "- approuve la convention."
    )
    assert (d.vote.outcome, d.vote.unanimous, d.vote.for_) == ("adopted", True, 7)


def test_blank_ballots_of_a_secret_ballot_are_abstentions() -> None:
    d = _parse(
        "Il est procédé au vote à bulletin secret.\n\n"
        "Résultat du scrutin : Pour : 4 – Contre : 2 – Bulletins blancs : 1\n\n"
        "Le Conseil municipal, à la majorité :\n- décide la cession du terrain."
    )
    assert (d.vote.method, d.vote.for_, d.vote.against, d.vote.abstention) == (
        "secret_ballot", 4, 2, 1
    )  # fmt: skip


def test_counts_of_an_earlier_seance_quoted_in_the_reasoning_are_not_taken() -> None:
    d = _parse(
        "Le Conseil municipal avait adopté le budget 2023 par 5 voix pour et 2 contre.\n\n"
        "Le Conseil municipal, après en avoir délibéré :\n- adopte le budget 2024.\n\n"
        "Adoptée à l'unanimité."
    )
    assert (d.vote.unanimous, d.vote.for_, d.vote.against) == (True, None, None)


def test_counts_in_a_sidebar_flattened_into_the_header() -> None:
    text = HEAD.format(title="Tarifs", body="Le Conseil municipal, à l'unanimité :\n- fixe.")
    text = text.replace("Nombre de conseillers en exercice : 7", "En exercice : 7\nPour : 7\n"
                        "Contre : 0\nAbstention : 0")  # fmt: skip
    d = parse_text(text, SOURCE, ner=False)[0]
    assert (d.vote.for_, d.vote.against, d.vote.abstention) == (7, 0, 0)


def test_a_slash_means_none() -> None:
    d = _parse(
        "Le Conseil municipal, après en avoir délibéré :\n- approuve.\n\n"
        "ONT VOTÉ POUR : 7\nONT VOTÉ CONTRE : /\nABSTENTIONS : /"
    )
    assert (d.vote.for_, d.vote.against, d.vote.abstention) == (7, 0, 0)
