"""Themes of the environment: ecological transition, water and sanitation."""

from __future__ import annotations

from delibgraph.synth.themes.model import Subject, Theme

ENVIRONMENT = Theme(
    label="Environnement",
    delegation="à la transition écologique",
    contested=0.4,
    subjects=(
        Subject(
            subtheme="Plan climat",
            title="Rénovation énergétique du groupe scolaire {street} : plan de financement",
            opener=(
                "Le bilan énergétique des bâtiments publics réalisé en {prev_year} a identifié le "
                "groupe scolaire situé {street}, à {town}, comme l'un des plus consommateurs du "
                "patrimoine de la {coll}. Les travaux d'isolation, de remplacement des menuiseries "
                "et de la chaufferie sont estimés à {a_total} hors taxes. L'Agence de "
                "l'environnement et de la maîtrise de l'énergie (ADEME) et la Région {region} "
                "sont sollicitées à hauteur de {a_subsidy}."
            ),
            decisions=(
                "d’approuver le programme de rénovation énergétique du groupe scolaire {street}",
                "d’approuver le plan de financement prévisionnel de l’opération",
                "de solliciter les subventions de l’ADEME et de la Région {region}",
            ),
            annexes=("plan de financement prévisionnel", "audit énergétique"),
        ),
        Subject(
            subtheme="Nature en ville",
            title="Programme de plantation de {count_big} arbres et convention avec "
            "l'{association}",
            opener=(
                "Face à la multiplication des épisodes de forte chaleur, la {coll} engage un "
                "programme de végétalisation des cours d'école, des places et des parkings. Le "
                "programme {year} prévoit la plantation de {count_big} arbres d'essences locales, "
                "pour un coût de {a_medium}. L'{association} accompagnera les habitants dans "
                "l'entretien des plantations."
            ),
            decisions=(
                "d’approuver le programme de plantation {year}",
                "d’approuver la convention de partenariat avec l’{association} et de lui verser "
                "une subvention de {a_small}",
                "d’autoriser {executive} à signer la convention",
            ),
            conflict=True,
        ),
        Subject(
            subtheme="Déchets",
            title="Tarifs de la redevance spéciale d'enlèvement des déchets pour l'année "
            "{next_year}",
            opener=(
                "La redevance spéciale finance la collecte et le traitement des déchets assimilés "
                "produits par les professionnels. La hausse de la taxe générale sur les activités "
                "polluantes et des coûts de traitement conduit à proposer un tarif de {a_price} "
                "par litre de bac collecté, le produit attendu étant estimé à {a_medium}."
            ),
            decisions=(
                "de fixer les tarifs de la redevance spéciale applicables au 1er janvier "
                "{next_year} tels qu’annexés",
            ),
            annexes=("grille des tarifs de la redevance spéciale",),
        ),
    ),
    paragraphs=(
        "Le plan climat-air-énergie territorial fixe l'objectif d'une réduction de {rate} % des "
        "consommations d'énergie du patrimoine public d'ici {next_year}. Chaque projet fait "
        "désormais l'objet d'une évaluation de son impact carbone.",
        "La production de déchets ménagers résiduels atteint encore {count_big} kilogrammes "
        "par habitant et par an. La généralisation du tri à la source des biodéchets et "
        "l'extension des consignes de tri doivent permettre d'en réduire le volume.",
        "La trame verte et bleue du territoire relie les espaces naturels de {locality} aux "
        "berges de la rivière. Les projets d'aménagement veillent à préserver ces continuités "
        "écologiques, en lien avec le {department}.",
    ),
)

WATER = Theme(
    label="Eau et assainissement",
    delegation="à l'eau et à l'assainissement",
    contested=0.3,
    subjects=(
        Subject(
            subtheme="Assainissement",
            title="Extension de la station d'épuration de {town} : demande d'aide à "
            "l'{water_agency}",
            opener=(
                "La station d'épuration de {town}, mise en service il y a plus de trente ans, "
                "arrive en limite de capacité. Le projet d'extension porte sa capacité à "
                "{count_big} équivalents-habitants pour un coût de {a_total} hors taxes. "
                "L'{water_agency} peut financer l'opération à hauteur de {rate} %, soit "
                "{a_subsidy}, le solde de {a_remainder} étant financé par le budget annexe de "
                "l'assainissement."
            ),
            decisions=(
                "d’approuver le projet d’extension de la station d’épuration de {town}",
                "de solliciter auprès de l’{water_agency} une aide de {a_subsidy}",
                "d’autoriser {executive} à signer la convention d’aide financière",
            ),
            annexes=("plan de financement prévisionnel",),
        ),
        Subject(
            subtheme="Eau potable",
            title="Rapport annuel sur le prix et la qualité du service public de l'eau potable "
            "pour l'exercice {prev_year}",
            opener=(
                "Le rapport annuel sur le prix et la qualité du service public de l'eau potable "
                "présente les indicateurs techniques et financiers du service pour l'exercice "
                "{prev_year}. Le service dessert {count_big} abonnés ; le rendement du réseau "
                "atteint {rate} % et le prix du mètre cube s'établit à {a_price} toutes taxes "
                "comprises."
            ),
            decisions=(
                "de prendre acte du rapport annuel sur le prix et la qualité du service public "
                "de l’eau potable pour l’exercice {prev_year}",
            ),
            annexes=("rapport annuel {prev_year} sur le prix et la qualité du service",),
            noted="Le {council} prend acte du rapport annuel sur le prix et la qualité du service.",
        ),
    ),
    paragraphs=(
        "La gestion patrimoniale des réseaux impose un renouvellement régulier des canalisations "
        "les plus anciennes. Le programme pluriannuel d'investissement y consacre {a_large}, avec "
        "le concours de l'{water_agency}.",
        "Les analyses réalisées par l'Agence régionale de santé confirment la bonne qualité "
        "bactériologique et physico-chimique de l'eau distribuée. La protection des captages de "
        "{locality} a fait l'objet d'un arrêté préfectoral de déclaration d'utilité publique.",
        "Le {syndicate} assure la production d'eau potable pour le compte de ses membres. Sa "
        "contribution aux investissements du service s'élève à {a_medium} pour l'année {year}.",
    ),
)

THEMES = (ENVIRONMENT, WATER)
