"""Themes of land and networks: town planning, housing, roads, mobility."""

from __future__ import annotations

from delibgraph.synth.themes.model import Subject, Theme

URBANISM = Theme(
    label="Urbanisme",
    delegation="à l'urbanisme",
    contested=0.45,
    subjects=(
        Subject(
            subtheme="Foncier",
            title="Acquisition de la parcelle cadastrée {parcel} au lieu-dit {locality}",
            opener=(
                "Dans le cadre du projet d'aménagement d'un équipement public, la {coll} souhaite "
                "acquérir la parcelle cadastrée {parcel}, d'une superficie de {surface}, située au "
                "lieu-dit {locality} à {town}. Le service du Domaine a estimé la valeur vénale du "
                "terrain à {a_medium}. Le propriétaire a accepté l'offre de la {coll} au prix de "
                "{a_medium}, frais de notaire en sus."
            ),
            decisions=(
                "d’approuver l’acquisition de la parcelle cadastrée {parcel} au prix de {a_medium}",
                "d’autoriser {executive}, ou son représentant, à signer l’acte authentique et "
                "tout document relatif à cette affaire",
            ),
            annexes=("plan de situation de la parcelle {parcel}",),
        ),
        Subject(
            subtheme="Planification",
            title="Approbation de la modification n°{count} du plan local d'urbanisme",
            opener=(
                "La modification n°{count} du plan local d'urbanisme a pour objet d'ouvrir à "
                "l'urbanisation le secteur de {locality}, d'ajuster le règlement de la zone "
                "urbaine et de créer un emplacement réservé pour l'élargissement de la {street}. "
                "L'enquête publique s'est déroulée du {commission_date} au {start_date} ; le "
                "commissaire enquêteur a rendu un avis favorable assorti de deux recommandations."
            ),
            decisions=(
                "d’approuver la modification n°{count} du plan local d’urbanisme telle "
                "qu’annexée à la présente délibération",
                "de dire que la présente délibération fera l’objet des mesures de publicité "
                "prévues par le Code de l’urbanisme",
            ),
            annexes=("dossier de modification du PLU", "rapport du commissaire enquêteur"),
        ),
        Subject(
            subtheme="Portage foncier",
            title="Convention d'intervention foncière avec l'Établissement public foncier sur "
            "le secteur {locality}",
            opener=(
                "L'Établissement public foncier accompagne les collectivités dans la maîtrise "
                "des terrains nécessaires à leurs projets. La convention proposée porte sur le "
                "secteur {locality}, à {town}, pour un montant prévisionnel d'acquisitions de "
                "{a_large} et une durée de portage de {duration} ans."
            ),
            decisions=(
                "d’approuver la convention d’intervention foncière avec l’Établissement public "
                "foncier",
                "d’autoriser {executive} à signer la convention et ses avenants éventuels",
            ),
            annexes=("convention d'intervention foncière",),
        ),
    ),
    paragraphs=(
        "Le projet s'inscrit dans les orientations du projet d'aménagement et de développement "
        "durables, qui privilégie le renouvellement urbain et la densification des centres-bourgs "
        "plutôt que l'extension de l'urbanisation sur les terres agricoles et naturelles.",
        "La commission de l'urbanisme, réunie le {commission_date}, a émis un avis favorable. "
        "Les services de l'État, la Chambre d'agriculture et le {department} ont été consultés "
        "et n'ont pas formulé d'observation de nature à remettre en cause le projet.",
        "Le secteur est desservi par les réseaux d'eau potable et d'assainissement collectif. "
        "Une étude de circulation a montré que la {street2} pouvait absorber le trafic "
        "supplémentaire moyennant l'aménagement d'un carrefour, estimé à {a_small}.",
    ),
)

HOUSING = Theme(
    label="Habitat",
    delegation="à l'habitat",
    contested=0.4,
    subjects=(
        Subject(
            subtheme="Logement social",
            title="Subvention à la {company} pour la réhabilitation de {count_big} logements "
            "à {town}",
            opener=(
                "La {company} conduit la réhabilitation thermique de {count_big} logements "
                "locatifs sociaux situés {street}, à {town}. Le coût de l'opération s'élève à "
                "{a_total}. Le plan de financement mobilise l'Agence nationale de l'habitat, le "
                "{department} et un prêt de la Banque des Territoires ; la participation "
                "sollicitée auprès de {authority} s'élève à {a_subsidy}."
            ),
            decisions=(
                "d’attribuer à la {company} une subvention de {a_subsidy} pour la réhabilitation "
                "de {count_big} logements",
                "de dire que les crédits sont inscrits au budget {year}",
            ),
        ),
        Subject(
            subtheme="Amélioration de l'habitat",
            title="Opération programmée d'amélioration de l'habitat : convention avec "
            "l'Agence nationale de l'habitat",
            opener=(
                "L'étude pré-opérationnelle conduite en {prev_year} a révélé un parc de logements "
                "anciens dégradés dans les centres de {town} et de {town2}. L'opération programmée "
                "d'amélioration de l'habitat vise la rénovation de {count} logements sur cinq "
                "ans, pour un montant d'aides de {a_large} dont {a_medium} apportés par la {coll}."
            ),
            decisions=(
                "d’approuver la convention d’opération programmée d’amélioration de l’habitat "
                "avec l’Agence nationale de l’habitat",
                "d’autoriser {executive} à signer la convention et tout document s’y rapportant",
            ),
            annexes=("convention OPAH {year}-{next_year}",),
        ),
    ),
    paragraphs=(
        "Le programme local de l'habitat fixe un objectif de production de {count_big} logements "
        "par an, dont un quart de logements locatifs sociaux. La tension de la demande reste "
        "forte : plus de {count_big} demandes sont en attente sur le territoire.",
        "La rénovation énergétique des logements constitue un levier essentiel pour réduire "
        "la précarité énergétique des ménages modestes. Les aides de la {coll} viennent "
        "compléter celles de l'Agence nationale de l'habitat, dans la limite de {a_small} par "
        "logement.",
    ),
)

ROADS = Theme(
    label="Voirie",
    delegation="à la voirie",
    contested=0.3,
    subjects=(
        Subject(
            subtheme="Travaux",
            title="Réfection de la voirie communale : demande de subvention au {department}",
            opener=(
                "Le programme {year} de réfection de la voirie porte sur la {street} et la "
                "{street2}, à {town}, pour un montant estimé à {a_total} hors taxes. Le "
                "{department} peut financer ces travaux à hauteur de {rate} %, soit une subvention "
                "attendue de {a_subsidy}. Le solde, soit {a_remainder}, reste à la charge de la "
                "{coll}."
            ),
            decisions=(
                "d’approuver le programme de réfection de la voirie pour {year}",
                "de solliciter auprès du {department} une subvention de {a_subsidy}",
                "d’autoriser {executive} à signer tout document relatif à cette demande",
            ),
            annexes=("plan de financement prévisionnel",),
        ),
        Subject(
            subtheme="Dénomination",
            title="Dénomination d'une voie nouvelle au lieu-dit {locality}",
            opener=(
                "La création du lotissement de {locality}, à {town}, rend nécessaire la "
                "dénomination de la voie qui le dessert, afin de faciliter le repérage par les "
                "services de secours, la distribution du courrier et le déploiement de la fibre "
                "optique. Le conseil de quartier a proposé de retenir le nom {street}."
            ),
            decisions=(
                "de dénommer {street} la voie nouvelle desservant le lotissement de {locality}",
                "de charger {executive} de notifier cette décision aux services concernés",
            ),
        ),
    ),
    paragraphs=(
        "Le linéaire de voirie entretenu par la {coll} atteint {count_big} kilomètres. Le "
        "diagnostic réalisé en {prev_year} classe près d'un tiers des chaussées en état "
        "médiocre, ce qui justifie un effort d'investissement pluriannuel.",
        "Les travaux seront réalisés par la {company}, titulaire de l'accord-cadre de travaux de "
        "voirie, entre le {start_date} et la fin de l'année, en coordination avec les "
        "concessionnaires de réseaux.",
    ),
)

MOBILITY = Theme(
    label="Mobilités",
    delegation="aux mobilités",
    contested=0.5,
    subjects=(
        Subject(
            subtheme="Modes actifs",
            title="Schéma directeur cyclable : aménagement d'une piste cyclable entre {town} et "
            "{town2}",
            opener=(
                "Le schéma directeur cyclable adopté en {prev_year} prévoit la réalisation d'un "
                "itinéraire continu entre {town} et {town2}. La première tranche, longue de "
                "{count} kilomètres, est estimée à {a_total}. L'État, au titre du fonds mobilités "
                "actives, et la Région {region} sont sollicités à hauteur de {a_subsidy}."
            ),
            decisions=(
                "d’approuver le programme de la piste cyclable entre {town} et {town2}",
                "de solliciter les subventions de l’État et de la Région {region} au taux le "
                "plus élevé possible",
                "d’autoriser {executive} à signer les conventions de financement",
            ),
        ),
        Subject(
            subtheme="Transports en commun",
            title="Tarification du réseau de transport urbain à compter du 1er septembre {year}",
            opener=(
                "Le réseau de transport urbain transporte chaque année près de {count_big} "
                "voyageurs. Afin d'encourager l'usage des transports en commun, il est proposé de "
                "maintenir le prix du ticket unitaire à {a_price} et de créer un abonnement "
                "solidaire à {a_price2} par mois pour les bénéficiaires de minima sociaux."
            ),
            decisions=(
                "d’approuver la grille tarifaire du réseau de transport urbain applicable au 1er "
                "septembre {year}",
                "d’abroger les dispositions tarifaires antérieures à compter de cette même date",
            ),
            annexes=("grille tarifaire {year}-{next_year}",),
            months=(5, 6, 7),
        ),
    ),
    paragraphs=(
        "La part modale de la voiture individuelle reste prépondérante sur le territoire. Le "
        "plan de mobilité vise à doubler la part du vélo d'ici {next_year} et à renforcer la "
        "desserte des zones d'activités par les transports en commun.",
        "L'{association} a été associée à la concertation. Ses propositions ont "
        "porté sur la sécurisation des traversées et sur le stationnement des vélos à proximité "
        "des établissements scolaires de {town}.",
    ),
)

THEMES = (URBANISM, HOUSING, ROADS, MOBILITY)
