"""Propose an ACTES subject ("matière") for a deliberation whose text does not state one.

Hand-written rules, not a trained model: each :class:`Cue` is a phrase (a regular expression
on lower-case, accent-free text) that votes for one level-2 code with a weight, and each field
of the deliberation counts with its own factor (:data:`FIELD_WEIGHTS`: the title most, the
reasoning least). What the decision *does* (grants a subsidy, buys land, appoints a delegate,
sets a tax rate …) weighs 2 or 3; the *domain* it concerns (school, roads, culture …) weighs 1,
as the ACTES nomenclature files an act by its nature first (a subsidy for roadworks is 7.5, not
8.3). In each field a code scores the weight of its strongest cue found there (synonyms do not
add up) times the field's factor; the decisions, the operative part, count as much as the
heading. Two boilerplate decisions are left out: "de dire que les crédits sont inscrits au
budget …" and "… ou son représentant".

The best code needs a score of at least :data:`MIN_SCORE`; its confidence is its share of the
total score of all codes (a measure of how clear-cut the vote is, not a probability). Accuracy
on the labelled fixture corpus is measured by ``tests/test_matiere_classifier.py`` and stated in
``docs/profile.md``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from delibgraph.model import Deliberation
from delibgraph.names import collapse_spaces, strip_accents
from delibgraph.patternset import PatternSet

__all__ = ["CUES", "FIELD_WEIGHTS", "MIN_SCORE", "Classification", "Cue", "classify"]

FIELD_WEIGHTS: dict[str, float] = {"titre": 3.0, "rubrique": 2.0, "décisions": 2.0, "exposé": 0.5}
MIN_SCORE = 2.0


@dataclass(frozen=True, slots=True)
class Cue:
    code: str
    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True, slots=True)
class Classification:
    """The proposed code, its confidence (0–1, two decimals) and the cues that counted for it
    (``"titre: subvention"``), strongest first."""

    code: str
    confidence: Decimal
    evidence: tuple[str, ...]


# code → (weight, phrases); a phrase is a regular expression on folded text (see _fold)
_RULES: dict[str, tuple[tuple[float, tuple[str, ...]], ...]] = {
    "1.1": ((3, (r"marches? publics?", r"appel d'offres", r"accords?[- ]cadres?",
                 r"groupements? de commandes?", r"groupements? d'achats?",
                 r"marches? de (travaux|fournitures|services)",
                 r"attribution (du|des) marches?", r"avenants? (n° ?\d+ )?au marche")),),
    "1.2": ((3, (r"delegations? de service public", r"\bdsp\b", r"concessions? de service",
                 r"affermage", r"rapport annuel du delegataire")),),
    "1.3": ((3, (r"conventions? de mandat", r"maitrise d'ouvrage deleguee",
                 r"mandat de maitrise d'ouvrage")),),
    "1.4": ((0.5, (r"\bconventions?\b", r"\bcontrats?\b")),),
    "1.5": ((3, (r"protocoles? (d'accord )?transactionnels?", r"\btransactions?\b")),),
    "1.6": ((2, (r"maitrise d'oeuvre",)),),
    "2.1": ((3, (r"plan local d'urbanisme", r"\bplui?\b", r"carte communale", r"\bscot\b",
                 r"schema de coherence territoriale", r"\bzonage\b")),),
    "2.2": ((3, (r"permis de (construire|demolir|amenager)", r"declarations? prealables?",
                 r"autorisations? d'urbanisme", r"droit des sols",
                 r"certificats? d'urbanisme")),),
    "2.3": ((3, (r"droit de preemption", r"\bpreemption\b")),),
    "3.1": ((3, (r"acquisitions? (fonciere|amiable|de (la|une|l'|des) (parcelle|terrain|immeuble|"
                 r"bati|bien|propriete)s?)", r"acquerir (la|une|les|le) (parcelle|terrain|"
                 r"immeuble|bien)")),
            (2, (r"\bacquisitions?\b", r"\bacquerir\b", r"parcelles? cadastree"))),
    "3.2": ((2, (r"\bcessions?\b", r"\bceder\b", r"\bventes?\b", r"\balienations?\b",
                 r"\baliener\b", r"\bdesaffectation\b")),),
    "3.3": ((2, (r"\bbaux?\b", r"\blocations?\b", r"\bloyers?\b", r"mises? a disposition")),),
    "3.4": ((3, (r"limites? territoriales?",)),),
    "3.5": ((3, (r"occupation (temporaire )?du domaine public",)),
            (2, (r"domaine public", r"denomination (de la |d'une |des |du )?(voie|rue|place|"
                 r"chemin|impasse|allee|square|salle|ecole|batiment)", r"declassement",
                 r"classement (dans|de .{0,60} dans) (le|la) (domaine|voirie)",
                 r"numerotage")),),
    "3.6": ((3, (r"coupes? de bois", r"forets? communales?", r"\baffouages?\b",
                 r"etat d.assiette")),
            (2, (r"domaine prive",))),
    "4.1": ((3, (r"tableau des effectifs",)),
            (2, (r"creations? (d'un |de |des )?(postes?|emplois?)",
                 r"suppressions? (d'un |de |des )?(postes?|emplois?)", r"emplois? permanents?",
                 r"avancements? de grade", r"ratios? (promus|d'avancement)",
                 r"fonctionnaires?")),
            (0.5, (r"\bpersonnels?\b", r"\bagents?\b"))),
    "4.2": ((2, (r"\bcontractuels?\b", r"emplois? non permanents?",
                 r"accroissements? (temporaires?|saisonniers?)", r"\bvacataires?\b",
                 r"contrats? de projet")),),
    "4.4": ((2, (r"\bapprentis?\b", r"service civique", r"gratifications? des stagiaires")),),
    "4.5": ((3, (r"regime indemnitaire", r"\brifseep\b", r"\bifse\b")),
            (2, (r"indemnites? horaires", r"\bprimes?\b"))),
    "5.1": ((3, (r"elections? du maire", r"elections? des? adjoints?",
                 r"nombre (des |d')adjoints?", r"elections? du president",
                 r"elections? des? vice-presidents?", r"installation du conseil")),),
    "5.2": ((2, (r"reglement interieur", r"commissions? (municipales?|thematiques?|permanentes?)",
                 r"(composition|creation) des commissions", r"proces-verbal de la seance",
                 r"fonctionnement (du conseil|de l'assemblee)", r"retransmission des seances")),),
    "5.3": ((3, (r"designations? (d'un |d'une |des |de )?(delegues?|representants?|membres?)",
                 r"elections? des? (delegues?|representants?)")),
            (2, (r"\bdesignations?\b", r"\bdesigner\b",
                 r"\bdelegues? (titulaires?|suppleants?)",
                 r"representants? (de la commune|du conseil|au sein|au comite|aupres)"))),
    "5.4": ((3, (r"delegations? (de fonctions|d'attributions|au maire|au president|au bureau|"
                 r"du conseil)", r"l\.? ?2122-22", r"l\.? ?5211-10")),),
    "5.5": ((3, (r"delegations? de signature",)),),
    "5.6": ((3, (r"indemnites? de fonctions?", r"formation des elus",
                 r"frais de (mission|representation|deplacement) des elus",
                 r"statut de l'elu")),),
    "5.7": ((2, (r"intercommunalite", r"\bepci\b", r"transferts? de competences?",
                 r"modifications? des statuts", r"\bclect\b", r"attributions? de compensation",
                 r"adhesion (au|a la) (syndicat|communaute)", r"mutualisation")),
            (1, (r"communaute de communes", r"communaute d'agglomeration", r"\badhesion\b",
                 r"\badherer\b",
                 r"syndicats? (intercommunal|mixte)"))),
    "5.8": ((3, (r"ester en justice", r"actions? en justice", r"protection fonctionnelle",
                 r"(former|introduire|engager) un recours", r"\bavocats?\b")),),
    "6.1": ((2, (r"police municipale", r"arretes? de police", r"videoprotection",
                 r"videosurveillance",
                 r"reglementation (de la )?(circulation|du stationnement)")),),
    "6.4": ((1, (r"\breglements?\b",)),),
    "7.1": ((3, (r"budgets? primitifs?", r"budgets? supplementaires?",
                 r"decisions? modificatives?", r"comptes? administratifs?",
                 r"comptes? de gestion", r"compte financier unique",
                 r"(debat|rapport) d'orientation budgetaire", r"affectations? du resultat",
                 r"autorisations? de programme", r"credits de paiement",
                 r"virements? de credits", r"reprise (anticipee )?des resultats")),
            (2, (r"budgets? annexes?", r"\bamortissements?\b", r"\bprovisions?\b")),
            (1, (r"\bbudgets?\b", r"\bbudgetaires?\b"))),
    "7.2": ((3, (r"taux d'imposition", r"taxes? foncieres?", r"taxe d'habitation",
                 r"taxe d'amenagement", r"taxe de sejour", r"cotisation fonciere",
                 r"\bteom\b", r"taxe d'enlevement des ordures", r"fiscalite")),
            (2, (r"\bexonerations?\b", r"\bimpots?\b", r"\bimposition\b")),
            (1, (r"\btaxes?\b",))),
    "7.3": ((3, (r"garanties? d'emprunts?", r"lignes? de tresorerie", r"\bemprunts?\b")),
            (2, (r"\bprets?\b", r"refinancement"))),
    "7.4": ((2, (r"interventions? economiques?", r"aides? a l'immobilier d'entreprise",
                 r"aides? aux entreprises", r"developpement economique")),),
    "7.5": ((3, (r"(attribution|octroi|versement|demandes?|sollicitation) (d'une |de |des |"
                 r"de la )?subventions?", r"solliciter .{0,60}subventions?",
                 r"dotation d'equipement des territoires ruraux", r"\bdetr\b", r"\bdsil\b")),
            (2, (r"\bsubventions?\b", r"subventionnement", r"aides? financieres?",
                 r"fonds de soutien", r"plan de financement"))),
    "7.6": ((2, (r"\bcontributions?\b", r"\bcotisations?\b",
                 r"participations? (financieres? |annuelles? )?(au|a la|aux) (syndicat|sdis|"
                 r"fonctionnement|frais)")),),
    "7.7": ((3, (r"avances? (remboursables?|de tresorerie|sur subventions?)",)),),
    "7.8": ((3, (r"fonds de concours",)),),
    "7.9": ((3, (r"prises? de participation", r"\bsem\b", r"\bspl\b",
                 r"societe d'economie mixte", r"capital social")),),
    "7.10": ((2, (r"\btarifs?\b", r"\btarification\b", r"\bredevances?\b", r"\bregies?\b",
                  r"non-valeur", r"creances? (eteintes|irrecouvrables)", r"remises? gracieuses?",
                  r"\bdons?\b", r"\blegs\b", r"\bindemnisations?\b")),),
    "8.1": ((1, (r"\becoles?\b", r"\bscolaires?\b", r"enseignement", r"\bcolleges?\b",
                 r"\blycees?\b", r"periscolaires?", r"\bcantines?\b", r"\beducation\b")),),
    "8.2": ((1, (r"action sociale", r"\bccas\b", r"\bcias\b", r"aide sociale", r"solidarite",
                 r"personnes agees", r"handicap", r"\brsa\b", r"petite enfance", r"\bcreches?\b",
                 r"multi-accueil", r"\benfance\b", r"\bjeunesse\b")),),
    "8.3": ((1, (r"\bvoiries?\b", r"\bchaussees?\b", r"\btrottoirs?\b", r"\broutes?\b",
                 r"\broutiers?\b", r"\bchemins?\b", r"eclairage public", r"\bgiratoires?\b",
                 r"\bvoies? communales?\b")),),
    "8.4": ((1, (r"amenagement du territoire", r"\bzac\b", r"\blotissements?\b",
                 r"revitalisation", r"centre-bourg", r"petites villes de demain",
                 r"\bamenagements?\b", r"attractivite", r"\bnumerique\b",
                 r"cite intelligente")),),
    "8.5": ((1, (r"\blogements?\b", r"\bhabitat\b", r"politique de la ville", r"\bopah\b",
                 r"\bbailleurs?\b")),),
    "8.6": ((1, (r"\bemploi\b", r"formation professionnelle", r"insertion professionnelle",
                 r"\bapprentissage\b")),),
    "8.7": ((1, (r"\btransports?\b", r"\bmobilites?\b", r"\bbus\b", r"pistes? cyclables?",
                 r"\bvelos?\b", r"covoiturage")),),
    "8.8": ((1, (r"environnement", r"\bdechets\b", r"ordures menageres", r"assainissement",
                 r"eau potable", r"\beaux\b", r"\benergie", r"energetique", r"photovoltaique",
                 r"\bclimat", r"biodiversite", r"espaces? naturels?", r"\bgemapi\b",
                 r"eaux pluviales", r"\bforets?\b")),),
    "8.9": ((1, (r"\bculture\b", r"\bculturel(le)?s?\b", r"bibliotheques?", r"mediatheques?",
                 r"\bmusees?\b", r"\bpatrimoine\b", r"\bfestivals?\b", r"\bspectacles?\b",
                 r"\bmusique", r"\btheatres?\b", r"\barchives\b", r"\bcinemas?\b",
                 r"conservatoire", r"\bexpositions?\b")),),
    "9.1": ((1, (r"\bcimetieres?\b", r"concessions? funeraires?", r"columbarium",
                 r"\bsports?\b", r"\bsporti(f|ve)s?\b", r"\btourisme\b", r"touristiques?",
                 r"jumelage", r"\bfetes?\b", r"etat civil")),),
    "9.4": ((3, (r"\bvoeux?\b", r"\bmotions?\b")),),
}  # fmt: skip

CUES: tuple[Cue, ...] = tuple(
    Cue(code, re.compile(phrase), float(weight))
    for code, groups in _RULES.items()
    for weight, phrases in groups
    for phrase in phrases
)
_CUE_PATTERNS = PatternSet([cue.pattern for cue in CUES])  # searched together, same matches

_BOILERPLATE = (
    re.compile(r"credits (necessaires )?(correspondants )?(sont|seront|ont ete) (inscrits|prevus)"),
    re.compile(r",? ou (son|sa) representante?,?"),
)

_APOSTROPHES = re.compile(r"[’‘`´]")


def _fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: what the cues match."""
    text = strip_accents(text.replace("œ", "oe").replace("Œ", "Oe")).lower()
    return collapse_spaces(_APOSTROPHES.sub("'", text))


def classify(fields: Mapping[str, str]) -> Classification | None:
    """The best code for texts keyed by field (``titre``, ``rubrique``, ``décisions``,
    ``exposé``), or None when no code reaches :data:`MIN_SCORE`."""
    scores: dict[str, float] = defaultdict(float)
    cues: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for field, text in fields.items():
        factor = FIELD_WEIGHTS.get(field, 0.0)
        folded = _fold(text) if factor else ""
        if not folded:
            continue
        strongest: dict[str, float] = defaultdict(float)
        for index, match in _CUE_PATTERNS.search(folded):
            cue = CUES[index]
            strongest[cue.code] = max(strongest[cue.code], cue.weight)
            cues[cue.code].append((cue.weight * factor, f"{field}: {match.group(0)}"))
        for code, weight in strongest.items():
            scores[code] += weight * factor
    if not scores:
        return None
    best = max(sorted(scores), key=lambda code: scores[code])
    if scores[best] < MIN_SCORE:
        return None
    share = Decimal(str(scores[best] / sum(scores.values())))
    evidence = tuple(text for _, text in sorted(cues[best], key=lambda c: (-c[0], c[1])))
    return Classification(best, share.quantize(Decimal("0.01"), ROUND_HALF_EVEN), evidence)


def deliberation_fields(d: Deliberation) -> dict[str, str]:
    """The texts of ``d`` the cues read, boilerplate decisions left out."""
    decisions = []
    for decision in d.decisions:
        folded = _fold(decision)
        if not _BOILERPLATE[0].search(folded):
            decisions.append(_BOILERPLATE[1].sub(" ", folded))
    return {
        "titre": d.title or "",
        "rubrique": d.theme or "",
        "décisions": "\n".join(decisions),
        "exposé": d.reasoning or "",
    }


def classify_deliberation(d: Deliberation) -> Classification | None:
    """:func:`classify` on a parsed deliberation's title, heading, decisions and reasoning."""
    return classify(deliberation_fields(d))
