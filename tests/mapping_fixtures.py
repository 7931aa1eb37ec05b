"""Deliberations built by hand for the mapping and validation tests.

``seed_deliberation()`` reads the parser's golden JSON of the seed when it exists
(``tests/golden/parse/montpellier-metropole-M2021-162.json``); until then it builds the same
deliberation by hand from the register (every field the golden graph depends on).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from delibgraph.actes import parse_actes_id
from delibgraph.ids import IriMinter
from delibgraph.model import (
    AbsentMember,
    Amount,
    Authority,
    Deliberation,
    Entities,
    Prefecture,
    Rapporteur,
    RepresentedMember,
    Session,
    Signature,
    Source,
    Vote,
)

TESTS = Path(__file__).resolve().parent
SEED_NAME = "montpellier-metropole-M2021-162"
GOLDEN_PARSE = TESTS / "golden" / "parse" / f"{SEED_NAME}.json"
BASE = "http://localhost:8000/"
MINTER = IriMinter(BASE)
INGESTED_AT = dt.datetime(2021, 4, 16, 9, 30, tzinfo=dt.UTC)

SEED_PRESENT = (
    "Tasnime AKBARALY", "Michel ASLANIAN", "Christian ASSAF", "Florence AUBY",
    "Jean-François AUDRIN", "Geniès BALAZUN", "Yves BARRAL", "Boris BELLANGER",
    "Mathilde BORNE", "Christophe BOURDIN", "Florence BRAU", "Véronique BRUNET",
    "Emilie CABELLO", "Roger CAIZERGUES", "Renaud CALVAT", "Michel CALVO",
    "Stéphane CHAMPAY", "Roger-Yannick CHARTIER", "Bernadette CONTE-ARRANZ",
    "Michaël DELAFOSSE", "Serge DESSEIGNE", "Brigitte DEVOISSELLE", "Zohra DIRHOUSSI",
    "Hind EMAD", "Maryse FAYE", "Jean-Noël FOURCADE", "Mylène FOURCADE", "Julie FRÊCHE",
    "Jackie GALABRUN-BOULBES", "Clara GIMENEZ", "Serge GUISEPPIN", "Clare HART",
    "Régine ILLAIRE", "Stéphanie JANNIN", "Laurent JAOUL", "Frédéric LAFFORGUE",
    "Guy LAURET", "Max LEVITA", "Nathalie LEVY", "Lionel LOPEZ", "Sophiane MANSOURIA",
    "Coralie MANTION", "Nicole MARIN-KHOURY", "Isabelle MARSALA", "Hervé MARTIN",
    "Marie MASSART", "Jean-Luc MEISSONNIER", "Cyril MEUNIER", "Julien MIRO",
    "Séverine MONIN", "Arnaud MOYNIER", "Véronique NEGRET", "Laurent NISON",
    "Marie-Delphine PARPILLON", "Yvon PELLET", "Eric PENSO", "Joël RAYMOND", "René REVOL",
    "Manu REYNAUD", "Catherine RIBOT", "Jean-Pierre RICO", "Anne RIMBERT", "François RIO",
    "Sylvie ROS-ROUART", "Séverine SAINT-MARTIN", "Agnès SAURAT", "Jean-Luc SAVY",
    "Mikel SEBLIN", "Célia SERRANO", "Radia TIKOUK", "Joëlle URBANI", "François VASQUEZ",
    "Claudine VASSAS MEJRI", "Joël VERA", "Patricia WEBER",
)  # fmt: skip
SEED_REPRESENTED = (
    "Mohed ALTRAD", "William ARS", "Michelle CASSAR", "Sébastien COTE",
    "Fanny DOMBRE-COSTE", "Eliane LLORET", "Jacques MARTINIER", "Patricia MIRALLES",
    "Bruno PATERNOT", "Céline PINTARD", "Charles SULTAN", "Isabelle TOUZARD",
)  # fmt: skip
SEED_ABSENT = (
    "Alenka DOULAIN", "Abdi EL KANDOUSSI", "Clothilde OLLIER", "Philippe SAUREL",
    "Bernard TRAVIER",
)  # fmt: skip


def hand_built_seed() -> Deliberation:
    """The seed register, transcribed by hand."""
    actes = parse_actes_id("034-243400017-20210329-156275-DE-1-1")
    return Deliberation(
        source=Source(path=f"seeds/{SEED_NAME}.txt", sha256="0" * 64),
        number="M2021-162",
        authority=Authority(name="Montpellier Méditerranée Métropole", siren="243400017"),
        body="Conseil de Métropole",
        session=Session(
            date=dt.date(2021, 3, 29),
            kind="ordinaire",
            place=None,
            mode="videoconference",
            president="Michaël DELAFOSSE",
        ),
        members_in_office=92,
        present=SEED_PRESENT,
        represented=tuple(RepresentedMember(name) for name in SEED_REPRESENTED),
        absent=tuple(AbsentMember(name, excused=None) for name in SEED_ABSENT),
        theme="Attractivité",
        title=(
            "Attractivité - Cité intelligente - Stratégie de citoyenneté numérique - "
            "Organisation Numérique en commun[s] (NEC) : faire ensemble la société numérique "
            "de demain - Convention avec l'Agence Nationale de la Cohésion des Territoires - "
            "Autorisation de signature"
        ),
        rapporteur=Rapporteur(name="Hind EMAD", role="Vice-Présidente"),
        reasoning="Soucieux de favoriser la cohésion sociale, …",
        decisions=(
            "d’approuver l’organisation du NEC Montpellier, soutenu par l’ANCT ;",
            "d’approuver la convention de subventionnement avec l’Agence Nationale de la "
            "Cohésion des Territoires (ANCT) ;",
            "de dire que les crédits sont inscrits au budget de Montpellier Méditerranée "
            "Métropole ;",
            "d’autoriser Monsieur le Président de Montpellier Méditerranée Métropole, ou son "
            "représentant, à signer la convention de subventionnement avec l’Agence Nationale "
            "de la Cohésion des Territoires (ANCT) ainsi que tout document relatif à cette "
            "affaire.",
        ),
        vote=Vote(
            method="electronic",
            outcome="adopted",
            unanimous=True,
            for_=87,
            against=0,
            abstention=0,
            not_voting=0,
        ),
        signed=Signature(place="Montpellier", date=dt.date(2021, 4, 15)),
        published=dt.date(2021, 4, 15),
        prefecture=Prefecture(received=dt.date(2021, 4, 15), actes_id=actes),
        annexes=("convention NEC",),
        entities=Entities(
            organizations=("Agence Nationale de la Cohésion des Territoires", "ANCT"),
            places=("Montpellier", "Hérault"),
            amounts=(
                Amount(Decimal("5000"), "EUR", "5 000 €"),
                Amount(Decimal("10000"), "EUR", "10 000 €"),
            ),
        ),
    )


def seed_deliberation() -> Deliberation:
    """The seed as the parser's golden JSON gives it, else :func:`hand_built_seed`."""
    if GOLDEN_PARSE.is_file():
        data = json.loads(GOLDEN_PARSE.read_text(encoding="utf-8"))
        first = data[0] if isinstance(data, list) else data
        return Deliberation.from_json(first)
    return hand_built_seed()


def small_council(
    *,
    present: tuple[str, ...] = ("Anne ALPHA", "Bruno BRAVO", "Chloé CHARLIE", "Denis DELTA"),
    represented: tuple[RepresentedMember, ...] = (
        RepresentedMember("Emma ECHO", proxy_holder="Anne ALPHA"),
    ),
    absent: tuple[AbsentMember, ...] = (AbsentMember("Félix FOXTROT", excused=True),),
    members_in_office: int | None = 6,
    vote: Vote | None = None,
    number: str | None = "2023-001",
    date: dt.date | None = dt.date(2023, 3, 14),
    source: str = "examples/fictional-2023-001.txt",
) -> Deliberation:
    """A small fictional council's deliberation (5 voters, 1 absent), unanimous by default."""
    return Deliberation(
        source=Source(path=source, sha256="ab" * 32),
        number=number,
        authority=Authority(name="Commune de Testville", siren="219990009"),
        body="Conseil municipal",
        session=Session(
            date=date,
            kind="ordinaire",
            place="salle du Conseil",
            mode="in_person",
            president="Anne ALPHA",
        ),
        members_in_office=members_in_office,
        present=present,
        represented=represented,
        absent=absent,
        theme="Finances",
        title="Budget primitif",
        rapporteur=Rapporteur(name="Bruno BRAVO", role="Adjoint délégué aux finances"),
        decisions=("d’adopter le budget primitif ;",),
        vote=vote
        or Vote(
            method="show_of_hands",
            outcome="adopted",
            unanimous=True,
            for_=5,
            against=0,
            abstention=0,
            not_voting=0,
        ),
        published=dt.date(2023, 3, 20),
    )
