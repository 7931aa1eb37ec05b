"""Themes of the authority's own administration: finances, staff, institutions, economy."""

from __future__ import annotations

from delibgraph.synth.themes.model import Subject, Theme

FINANCES = Theme(
    label="Finances",
    delegation="aux finances",
    contested=0.55,
    subjects=(
        Subject(
            subtheme="Budget",
            title="Décision modificative n°{count} du budget principal pour l'exercice {year}",
            opener=(
                "Le budget primitif {year} de {authority} a été adopté par le {council} en début "
                "d'exercice. L'exécution budgétaire constatée à ce jour fait apparaître des "
                "ajustements nécessaires, tant en section de fonctionnement qu'en section "
                "d'investissement. La présente décision modificative s'équilibre en dépenses et "
                "en recettes à hauteur de {a_medium}, dont {a_subsidy} de recettes nouvelles "
                "notifiées par le {department} et {a_small} de crédits redéployés entre chapitres."
            ),
            decisions=(
                "d’adopter la décision modificative n°{count} du budget principal pour "
                "l’exercice {year}, telle que présentée en annexe",
                "de dire que la présente décision modificative s’équilibre en dépenses et en "
                "recettes à hauteur de {a_medium}",
            ),
            annexes=("maquette budgétaire de la décision modificative",),
            nature="BF",
        ),
        Subject(
            subtheme="Garanties d'emprunt",
            title="Garantie d'emprunt accordée à la {company} pour une opération de {count_big} "
            "logements locatifs sociaux à {town}",
            opener=(
                "Par courrier du {commission_date}, la {company} a sollicité la garantie de "
                "{authority} pour le remboursement d'un prêt d'un montant de {a_large} souscrit "
                "auprès de la Caisse des Dépôts et Consignations. Ce prêt est destiné à financer "
                "la construction de {count_big} logements locatifs sociaux, {street}, à {town}. "
                "La garantie est sollicitée à hauteur de {rate} % du montant emprunté, pour la "
                "durée totale du prêt, soit {duration} ans."
            ),
            decisions=(
                "d’accorder la garantie de {authority} à hauteur de {rate} % pour le "
                "remboursement du prêt d’un montant total de {a_large} souscrit par la {company} "
                "auprès de la Caisse des Dépôts et Consignations",
                "de s’engager, pendant toute la durée du prêt, à libérer en cas de besoin des "
                "ressources suffisantes pour couvrir les charges de l’emprunt",
                "d’autoriser {executive} à intervenir au contrat de prêt",
            ),
            annexes=("contrat de prêt n°{parcel}",),
        ),
        Subject(
            subtheme="Budget",
            title="Débat d'orientation budgétaire pour l'exercice {year}",
            opener=(
                "Conformément au Code général des collectivités territoriales, un débat sur les "
                "orientations générales du budget doit se tenir dans les deux mois précédant son "
                "examen. Le rapport d'orientation budgétaire présente l'évolution des recettes et "
                "des dépenses, la structure et la gestion de la dette, dont l'encours s'élève à "
                "{a_large} au 1er janvier {year}, ainsi que les engagements pluriannuels envisagés."
            ),
            decisions=(
                "de prendre acte de la tenue du débat d’orientation budgétaire pour l’exercice "
                "{year} sur la base du rapport annexé",
            ),
            annexes=("rapport d'orientation budgétaire {year}",),
            noted="Le {council} prend acte de la tenue du débat d'orientation budgétaire.",
            months=(1, 2, 3),
        ),
        Subject(
            subtheme="Fiscalité locale",
            title="Vote des taux d'imposition des taxes foncières pour l'année {year}",
            opener=(
                "La loi de finances pour {year} fixe le coefficient de revalorisation forfaitaire "
                "des bases d'imposition. Le produit fiscal attendu pour {authority} est estimé à "
                "{a_large}, dont {a_medium} au titre de la taxe foncière sur les propriétés non "
                "bâties. La commission des finances, réunie le {commission_date}, a examiné les "
                "hypothèses d'équilibre du budget primitif."
            ),
            decisions=(
                "de fixer le taux de la taxe foncière sur les propriétés bâties à {rate},50 %",
                "de fixer le taux de la taxe foncière sur les propriétés non bâties à {rate2},10 %",
                "de charger {executive} de notifier cette décision aux services fiscaux",
            ),
            annexes=("état 1259 de notification des bases",),
            months=(3, 4),
        ),
    ),
    paragraphs=(
        "Le contexte financier demeure marqué par la hausse du coût de l'énergie et par "
        "l'évolution de la masse salariale, qui pèsent sur l'épargne brute. La {coll} s'attache "
        "à préserver sa capacité d'autofinancement, évaluée à {a_medium}, tout en maintenant un "
        "niveau d'investissement soutenu au bénéfice des habitants de {town} et de {town2}.",
        "La Direction générale des finances publiques a notifié les bases prévisionnelles le "
        "{commission_date}. Les dotations de l'État sont reconduites à un niveau comparable à "
        "celui de {prev_year}, la dotation globale de fonctionnement s'établissant à {a_large}.",
        "Le comptable public a transmis l'état des créances irrécouvrables pour un montant de "
        "{a_small}. Ces créances correspondent pour l'essentiel à des redevances et à des "
        "produits des services dont le recouvrement n'a pu aboutir malgré les poursuites "
        "engagées.",
    ),
)

HUMAN_RESOURCES = Theme(
    label="Ressources humaines",
    delegation="aux ressources humaines",
    contested=0.3,
    subjects=(
        Subject(
            subtheme="Effectifs",
            title="Modification du tableau des emplois permanents",
            opener=(
                "Il appartient au {council} de fixer l'effectif des emplois nécessaires au "
                "fonctionnement des services. Afin de tenir compte des avancements de grade, de la "
                "réussite à des concours et de l'évolution des besoins, il est proposé de créer "
                "{posts} emplois permanents à temps complet et d'en supprimer autant, après avis "
                "du comité social territorial réuni le {commission_date}."
            ),
            decisions=(
                "d’approuver la modification du tableau des emplois permanents telle que "
                "présentée en annexe",
                "de dire que les crédits nécessaires sont inscrits au budget {year}, chapitre 012",
            ),
            annexes=("tableau des emplois au 1er {month} {year}",),
        ),
        Subject(
            subtheme="Action sociale",
            title="Adhésion au contrat groupe d'assurance statutaire proposé par le Centre de "
            "gestion {dept_of}",
            opener=(
                "Le Centre de gestion de la fonction publique territoriale {dept_of} a conduit "
                "une consultation pour le compte des collectivités de son ressort en vue de "
                "souscrire un contrat groupe d'assurance couvrant les risques statutaires. Le coût "
                "annuel de l'adhésion pour {authority} est estimé à {a_medium}, soit un taux de "
                "{rate2},35 % de la masse salariale assurée."
            ),
            decisions=(
                "d’adhérer au contrat groupe d’assurance statutaire à compter du 1er janvier "
                "{next_year} pour une durée de {duration} ans",
                "d’autoriser {executive} à signer la convention d’adhésion et tout document "
                "relatif à cette affaire",
            ),
        ),
    ),
    paragraphs=(
        "Les effectifs de {authority} comptent {count_big} agents permanents, répartis entre la "
        "filière administrative, la filière technique et la filière culturelle. La politique "
        "de ressources humaines vise à fidéliser les agents, à développer leurs compétences et "
        "à prévenir l'usure professionnelle.",
        "Le plan de formation pluriannuel, élaboré avec le Centre national de la fonction "
        "publique territoriale, prévoit {count} actions collectives pour un budget de {a_small}, "
        "notamment en matière de prévention des risques et de transition numérique.",
    ),
)

INSTITUTIONS = Theme(
    label="Institutions",
    delegation="à l'administration générale",
    contested=0.25,
    subjects=(
        Subject(
            subtheme="Représentations",
            title="Désignation d'un délégué au {syndicate}",
            opener=(
                "À la suite d'une démission, il convient de désigner un nouveau représentant de "
                "{authority} au comité syndical du {syndicate}. Les statuts du syndicat prévoient "
                "un délégué titulaire et un délégué suppléant pour chaque membre. Un appel à "
                "candidatures a été lancé auprès des membres du {council}."
            ),
            decisions=(
                "de désigner le candidat ayant recueilli la majorité des suffrages comme délégué "
                "titulaire de {authority} au {syndicate}",
                "de notifier la présente délibération au président du syndicat",
            ),
            secret_ballot=True,
        ),
        Subject(
            subtheme="Délégations",
            title="Compte rendu des décisions prises par délégation du {council}",
            opener=(
                "En application du Code général des collectivités territoriales, {executive} "
                "rend compte au {council} des décisions prises par délégation depuis la dernière "
                "séance. Ces décisions portent sur {count_big} marchés publics, dont un marché de "
                "travaux de {a_medium} attribué à la {company}, ainsi que sur des conventions "
                "d'occupation du domaine public."
            ),
            decisions=("de prendre acte du compte rendu des décisions prises par délégation",),
            noted="Le {council} prend acte du compte rendu des décisions prises par délégation.",
        ),
        Subject(
            subtheme="Fonctionnement",
            title="Modification du règlement intérieur du {council}",
            opener=(
                "Le règlement intérieur du {council} a été adopté au début du mandat. La pratique "
                "des séances, la généralisation des outils de visioconférence et l'évolution du "
                "cadre légal conduisent à proposer plusieurs modifications, examinées par la "
                "conférence des présidents de groupe le {commission_date}."
            ),
            decisions=(
                "d’approuver le règlement intérieur du {council} modifié tel qu’annexé à la "
                "présente délibération",
            ),
            annexes=("règlement intérieur modifié",),
        ),
    ),
    paragraphs=(
        "Le {council} compte {count} commissions thématiques, qui examinent les projets de "
        "délibération avant chaque séance. Les groupes politiques disposent de moyens de "
        "fonctionnement fixés chaque année.",
        "La transparence de l'action publique est assurée par la publication des actes sur le "
        "site internet de {authority} et par la mise à disposition du public des procès-verbaux "
        "de séance dans la semaine qui suit leur approbation.",
    ),
)

ECONOMY = Theme(
    label="Développement économique",
    delegation="au développement économique",
    contested=0.35,
    subjects=(
        Subject(
            subtheme="Zones d'activités",
            title="Cession d'un terrain de la zone d'activités de {locality} à la {company}",
            opener=(
                "La {company} souhaite implanter une nouvelle unité de production sur la zone "
                "d'activités de {locality}, à {town}. Le projet prévoit la création de "
                "{count_big} emplois dans les trois ans. La parcelle cadastrée {parcel}, d'une "
                "superficie de {surface}, serait cédée au prix de {a_medium} hors taxes, "
                "conformément à l'avis du service du Domaine."
            ),
            decisions=(
                "d’approuver la cession de la parcelle cadastrée {parcel} à la {company} au prix "
                "de {a_medium} hors taxes",
                "d’autoriser {executive}, ou son représentant, à signer l’acte authentique et "
                "tout document relatif à cette affaire",
            ),
            annexes=("plan de situation de la parcelle {parcel}", "avis du Domaine"),
        ),
        Subject(
            subtheme="Aides aux entreprises",
            title="Convention de partenariat avec la Chambre de commerce et d'industrie pour "
            "l'accompagnement des commerces de proximité",
            opener=(
                "La vitalité des commerces de proximité de {town} et de {town2} constitue un enjeu "
                "majeur pour l'attractivité du territoire. La Chambre de commerce et d'industrie "
                "propose un programme d'accompagnement individualisé de {count} commerçants, pour "
                "un coût total de {a_total}, dont {a_subsidy} à la charge de la {coll}."
            ),
            decisions=(
                "d’approuver la convention de partenariat avec la Chambre de commerce et "
                "d’industrie",
                "de verser une participation de {a_subsidy} au titre de l’année {year}",
                "d’autoriser {executive} à signer la convention",
            ),
            annexes=("convention de partenariat",),
        ),
    ),
    paragraphs=(
        "Le tissu économique du territoire compte près de {count_big} établissements, "
        "majoritairement des très petites entreprises. La Région {region} et {authority} "
        "coordonnent leurs dispositifs d'aide à l'investissement dans le cadre du schéma "
        "régional de développement économique.",
        "La Banque des Territoires accompagne la {coll} dans la requalification de ses zones "
        "d'activités, avec un objectif de sobriété foncière et de désimperméabilisation des "
        "espaces publics.",
    ),
)

THEMES = (FINANCES, HUMAN_RESOURCES, INSTITUTIONS, ECONOMY)
