"""The report of a deliberation: the slots its templates use, and paragraphs up to a length.

:func:`slots` draws, for one deliberation, every value a template may name ({authority},
{town}, {association}, {a_total} …), with amounts that add up (a subsidy is a share of the
total, the remainder the rest). :func:`report` assembles the subject's opening, the theme's
paragraphs and general administrative paragraphs until the report reaches its drawn length.
"""

from __future__ import annotations

import datetime as dt
import random

from delibgraph.synth import lexicon
from delibgraph.synth.frenchtext import MONTHS, euros, group_thousands, long_date
from delibgraph.synth.roster import Roster
from delibgraph.synth.territory import Authority
from delibgraph.synth.themes import Subject, Theme

GENERAL_PARAGRAPHS: tuple[str, ...] = (
    "Ce projet s'inscrit dans le cadre des compétences exercées par {authority} en application "
    "du Code général des collectivités territoriales. Il répond aux orientations du projet de "
    "territoire adopté par le {council}, qui place la qualité du service rendu aux habitants "
    "et la maîtrise des dépenses publiques au cœur de l'action de la {coll}.",
    "La commission compétente, réunie le {commission_date}, a examiné le dossier et émis un "
    "avis favorable. Les observations formulées en séance ont été intégrées au projet qui est "
    "aujourd'hui soumis à l'approbation du {council}.",
    "Le calendrier prévisionnel prévoit un engagement des premières actions à compter du "
    "{start_date}, pour un achèvement au cours de l'année {next_year}. Un bilan d'étape sera "
    "présenté à la commission compétente à l'issue de la première année.",
    "Le plan de financement prévisionnel s'établit comme suit : un coût total de {a_total}, "
    "financé à hauteur de {a_subsidy} par les partenaires sollicités, le solde de {a_remainder} "
    "restant à la charge de la {coll}. Les crédits correspondants sont inscrits au budget de "
    "l'exercice {year}.",
    "Le {department} et la Région {region} ont été associés à l'élaboration du projet. Leurs "
    "services ont apporté une expertise technique précieuse, notamment sur les questions de "
    "calendrier et de mobilisation des financements croisés.",
    "Les marchés publics nécessaires à la réalisation de l'opération seront passés selon les "
    "procédures prévues par le Code de la commande publique. Les cahiers des charges "
    "comporteront des clauses sociales d'insertion et des critères de performance "
    "environnementale.",
    "Un comité de pilotage, réunissant les élus concernés, les services de la {coll} et les "
    "partenaires financeurs, suivra la mise en œuvre du projet. Il se réunira au moins deux "
    "fois par an et pourra proposer les ajustements rendus nécessaires par l'évolution du "
    "contexte.",
    "Les habitants de {town} et de {town2} ont été associés à la démarche lors de {count} "
    "réunions publiques organisées au cours de l'année {prev_year}. Leurs contributions ont "
    "permis de préciser les besoins et d'enrichir le projet initial.",
    "Le suivi du dispositif reposera sur des indicateurs partagés : nombre de bénéficiaires, "
    "coût par usager, taux de satisfaction et impact environnemental. Ces indicateurs seront "
    "publiés chaque année dans le rapport d'activité de {authority}.",
    "L'accessibilité aux personnes en situation de handicap a été prise en compte dès la "
    "conception du projet, conformément aux obligations légales et aux engagements de l'agenda "
    "d'accessibilité programmée de la {coll}.",
    "La {company} a été consultée pour évaluer la faisabilité technique de l'opération. Son "
    "étude conclut à l'absence de contrainte majeure, sous réserve d'une coordination étroite "
    "avec les gestionnaires de réseaux.",
    "La présente délibération sera transmise au représentant de l'État dans le département et "
    "publiée dans les conditions prévues par la réglementation. Elle sera également notifiée "
    "aux partenaires concernés, et en particulier à l'{association2}.",
    "Cette démarche prolonge les actions engagées depuis {prev_year}, qui ont permis de "
    "mobiliser près de {a_medium} de financements extérieurs au bénéfice du territoire. Le "
    "bilan de ces actions a été présenté au {council} lors d'une précédente séance.",
    "Les services de la {coll} assureront la mise en œuvre opérationnelle du projet à moyens "
    "constants. Aucun recrutement supplémentaire n'est envisagé à ce stade ; la charge de "
    "travail correspondante a été intégrée dans les plans de charge des directions "
    "concernées.",
    "Le respect de la sobriété foncière, la préservation de la ressource en eau et la "
    "réduction des émissions de gaz à effet de serre constituent des critères d'analyse de "
    "chaque projet soumis au {council}, conformément au plan climat adopté par la {coll}.",
    "Une communication adaptée accompagnera le projet : information dans le magazine de "
    "{authority}, publication sur le site internet et les réseaux sociaux, affichage dans les "
    "mairies de {town} et de {town2}.",
    "Les risques identifiés portent principalement sur le calendrier des travaux et sur "
    "l'évolution des prix des matériaux. Une provision pour aléas de {a_small} a été intégrée "
    "au coût prévisionnel de l'opération.",
    "Le partenariat engagé avec le {syndicate} permettra de mutualiser les moyens d'ingénierie "
    "et de réduire les coûts de fonctionnement, estimés à {a_small} par an à l'issue de la "
    "mise en service.",
)  # fmt: skip

ORGANISATION_NAMES: tuple[str, ...] = (
    "Caisse des Dépôts et Consignations", "Banque des Territoires",
    "Agence Nationale de la Cohésion des Territoires", "Agence nationale de l'habitat",
    "Agence nationale du Sport", "Chambre de commerce et d'industrie",
    "Établissement public foncier", "Agence régionale de santé",
    "Direction régionale des affaires culturelles",
    "Agence de l'environnement et de la maîtrise de l'énergie",
    "Centre national de la fonction publique territoriale", "Chambre d'agriculture",
    "Direction générale des finances publiques",
)  # fmt: skip

CONFLICT_SENTENCE = (
    "{civility} {name}, membre du conseil d'administration de l'{association}, ne prend pas part "
    "au vote."
)


def _round(value: float, step: int) -> int:
    return max(step, round(value / step) * step)


def _pattern(rng: random.Random, patterns: tuple[str, ...], authority: Authority) -> str:
    return rng.choice(patterns).format(
        place=rng.choice(authority.towns),
        river=rng.choice(lexicon.RIVERS),
        dept_of=authority.department_of,
    )


def _street(rng: random.Random) -> str:
    return f"{rng.choice(lexicon.STREET_KINDS)} {rng.choice(lexicon.STREET_PATRONS)}"


def executive(authority: Authority, roster: Roster) -> str:
    """The head of the executive as the text names them: "Madame le Maire" …"""
    article = "la" if roster.president.feminine and roster.head_role != "Maire" else "le"
    return f"{roster.president.civility} {article} {roster.head_role}"


def slots(
    rng: random.Random,
    authority: Authority,
    roster: Roster,
    date: dt.date,
    *,
    separator: str,
) -> dict[str, str]:
    """Every slot a template may name, drawn for one deliberation of ``date``."""
    scale = {"commune": 1.0, "metropole": 6.0}.get(authority.kind.key, 2.5)
    total = _round(rng.uniform(60_000, 900_000) * scale, 1_000)
    rate = rng.randrange(20, 85, 5)
    subsidy = _round(total * rate / 100, 100)
    price = rng.randrange(150, 990, 10)
    towns = rng.sample(authority.towns, 2) if len(authority.towns) > 1 else authority.towns * 2
    streets = rng.sample(lexicon.STREET_PATRONS, 2)
    kinds = rng.sample(lexicon.STREET_KINDS, 2)
    before = date - dt.timedelta(days=rng.randint(7, 40))
    after = date + dt.timedelta(days=rng.randint(20, 120))

    def money(value_euros: int) -> str:
        return euros(value_euros * 100, separator)

    return {
        "authority": authority.register_of,
        "coll": authority.kind.collectivity,
        "council": authority.kind.council,
        "executive": executive(authority, roster),
        "seat": authority.seat,
        "town": towns[0],
        "town2": towns[1],
        "locality": rng.choice(authority.localities),
        "department": f"Département {authority.department_of}",
        "dept_of": authority.department_of,
        "region": authority.region,
        "water_agency": rng.choice(lexicon.WATER_AGENCIES),
        "association": _pattern(rng, lexicon.ASSOCIATION_PATTERNS, authority),
        "association2": _pattern(rng, lexicon.ASSOCIATION_PATTERNS, authority),
        "company": _pattern(rng, lexicon.COMPANY_PATTERNS, authority),
        "event": _pattern(rng, lexicon.EVENT_PATTERNS, authority),
        "syndicate": _pattern(rng, lexicon.SYNDICATE_PATTERNS, authority),
        "year": str(date.year),
        "next_year": str(date.year + 1),
        "prev_year": str(date.year - 1),
        "month": MONTHS[date.month - 1],
        "commission_date": long_date(before),
        "start_date": long_date(after),
        "a_small": money(_round(rng.uniform(800, 40_000) * scale**0.5, 100)),
        "a_medium": money(_round(rng.uniform(40_000, 900_000) * scale, 1_000)),
        "a_large": money(_round(rng.uniform(1_000_000, 9_000_000) * scale, 10_000)),
        "a_total": money(total),
        "a_subsidy": money(subsidy),
        "a_remainder": money(total - subsidy),
        "a_price": euros(price, separator),
        "a_price2": euros(price + 120, separator),
        "rate": str(rate),
        "rate2": str(rng.randint(2, 19)),
        "street": f"{kinds[0]} {streets[0]}",
        "street2": f"{kinds[1]} {streets[1]}",
        "parcel": f"{rng.choice('ABCDEHKZ')}{rng.choice('ABCDEHKZ')} {rng.randint(12, 980)}",
        "surface": f"{group_thousands(rng.randint(350, 48_000), separator)} m²",
        "count": str(rng.randint(2, 9)),
        "count_big": str(rng.randint(12, 480)),
        "posts": str(rng.randint(2, 6)),
        "duration": str(rng.choice((3, 5, 10, 15, 20, 25))),
    }


def report(
    rng: random.Random,
    theme: Theme,
    subject: Subject,
    values: dict[str, str],
    *,
    target_words: int,
    max_words: int,
) -> list[str]:
    """Filled paragraphs: the subject's opening, then theme and general paragraphs.

    Paragraphs are added in a drawn order until the report has at least ``target_words``
    words; a paragraph that would take it past ``max_words`` is skipped.
    """
    paragraphs = [subject.opener.format_map(values)]
    words = len(paragraphs[0].split())
    pool = list(theme.paragraphs)
    rng.shuffle(pool)
    general = list(GENERAL_PARAGRAPHS)
    rng.shuffle(general)
    pool.extend(general)
    for template in pool:
        if words >= target_words:
            break
        text = template.format_map(values)
        count = len(text.split())
        if words + count > max_words:
            continue
        paragraphs.append(text)
        words += count
    return paragraphs


def organisations_in(text: str, values: dict[str, str]) -> list[str]:
    """The organisations the generator put in ``text``, in a stable order (for the manifest)."""
    candidates = [
        values["department"],
        f"Région {values['region']}",
        values["water_agency"],
        values["association"],
        values["association2"],
        values["company"],
        values["syndicate"],
        *ORGANISATION_NAMES,
    ]
    return [name for name in dict.fromkeys(candidates) if name in text]
