"""Themes of services to the population: culture, sport, education, solidarity, attractiveness."""

from __future__ import annotations

from delibgraph.synth.themes.model import Subject, Theme

CULTURE = Theme(
    label="Culture",
    delegation="à la culture",
    contested=0.25,
    subjects=(
        Subject(
            subtheme="Vie associative",
            title="Attribution d'une subvention à l'{association}",
            opener=(
                "L'{association} organise chaque année des animations ouvertes à tous, qui "
                "accueillent près de {count_big} visiteurs. Pour l'édition {year}, l'association "
                "sollicite une subvention de fonctionnement de {a_small} pour un budget "
                "prévisionnel de {a_medium}. La Région {region} participe à hauteur de {a_subsidy}."
            ),
            decisions=(
                "d’attribuer une subvention de {a_small} à l’{association}",
                "de dire que les crédits sont inscrits au budget primitif {year}, chapitre 65",
            ),
            conflict=True,
        ),
        Subject(
            subtheme="Événements",
            title="Organisation de la manifestation « {event} » et demande de subvention",
            opener=(
                "La manifestation « {event} » réunit chaque été artistes et publics à {town}. "
                "L'édition {year} se tiendra à partir du {start_date} et proposera {count} "
                "spectacles gratuits. Le budget prévisionnel s'élève à {a_total} ; la Direction "
                "régionale des affaires culturelles (DRAC) et le {department} sont sollicités "
                "pour un montant total de {a_subsidy}."
            ),
            decisions=(
                "d’approuver l’organisation de la manifestation « {event} » pour l’année {year}",
                "de solliciter les subventions de la DRAC et du {department}",
                "de fixer les tarifs des produits dérivés tels qu’annexés",
            ),
            annexes=("budget prévisionnel de la manifestation",),
        ),
        Subject(
            subtheme="Lecture publique",
            title="Tarifs et règlement intérieur du réseau des médiathèques",
            opener=(
                "Le réseau des médiathèques compte {count} établissements et {count_big} "
                "inscrits. Afin de favoriser l'accès de tous à la lecture, il est proposé "
                "d'instaurer la gratuité de l'inscription pour les moins de vingt-six ans et de "
                "fixer l'abonnement adulte à {a_price} par an."
            ),
            decisions=(
                "d’approuver les tarifs du réseau des médiathèques applicables au 1er janvier "
                "{next_year}",
                "d’approuver le règlement intérieur du réseau des médiathèques",
            ),
            annexes=("règlement intérieur des médiathèques",),
        ),
    ),
    paragraphs=(
        "La politique culturelle de {authority} repose sur un soutien durable aux acteurs du "
        "territoire, une éducation artistique ouverte à tous les enfants et une programmation "
        "accessible dans chacune des communes, de {town} à {town2}.",
        "L'{association2} a présenté son bilan de l'année {prev_year}, qui fait apparaître une "
        "fréquentation en hausse et un équilibre financier préservé grâce au mécénat de la "
        "{company}.",
        "Les actions proposées s'adressent en priorité aux publics éloignés de l'offre "
        "culturelle :\n* les élèves des écoles et des collèges ;\n* les résidents des "
        "établissements pour personnes âgées ;\n* les habitants des quartiers prioritaires.",
    ),
)

SPORT = Theme(
    label="Sport",
    delegation="aux sports",
    contested=0.2,
    subjects=(
        Subject(
            subtheme="Équipements sportifs",
            title="Rénovation du gymnase {street} : demande de subvention à l'Agence nationale "
            "du Sport",
            opener=(
                "Le gymnase situé {street}, à {town}, accueille chaque semaine les élèves des "
                "établissements scolaires et {count} associations sportives. Sa rénovation "
                "complète, estimée à {a_total} hors taxes, comprend la réfection de la toiture, "
                "la mise en accessibilité et le remplacement du sol sportif. L'Agence nationale "
                "du Sport peut financer l'opération à hauteur de {a_subsidy}."
            ),
            decisions=(
                "d’approuver le programme de rénovation du gymnase {street}",
                "de solliciter auprès de l’Agence nationale du Sport une subvention de {a_subsidy}",
                "d’autoriser {executive} à signer tout document relatif à cette affaire",
            ),
        ),
        Subject(
            subtheme="Clubs",
            title="Convention d'objectifs et de moyens avec l'{association}",
            opener=(
                "L'{association} compte {count_big} licenciés, dont une majorité de jeunes de "
                "moins de dix-huit ans. La convention d'objectifs et de moyens proposée pour "
                "{year} et {next_year} prévoit une subvention annuelle de {a_small} et la mise à "
                "disposition gratuite des équipements sportifs de {town}."
            ),
            decisions=(
                "d’approuver la convention d’objectifs et de moyens avec l’{association}",
                "d’attribuer à l’{association} une subvention de {a_small} au titre de l’année "
                "{year}",
                "d’autoriser {executive} à signer la convention",
            ),
            annexes=("convention d'objectifs et de moyens",),
            conflict=True,
        ),
    ),
    paragraphs=(
        "La pratique sportive contribue à la santé publique et au lien social. La {coll} soutient "
        "près de {count} clubs et met à leur disposition un parc d'équipements dont l'entretien "
        "représente chaque année {a_medium}.",
        "Le diagnostic des équipements sportifs a mis en évidence des besoins importants de mise "
        "en accessibilité et de rénovation énergétique, que le plan pluriannuel d'investissement "
        "prend en compte à hauteur de {a_large}.",
    ),
)

EDUCATION = Theme(
    label="Enfance",
    delegation="à l'enfance et à l'éducation",
    contested=0.3,
    subjects=(
        Subject(
            subtheme="Restauration scolaire",
            title="Tarifs de la restauration scolaire applicables à la rentrée de septembre {year}",
            opener=(
                "Le prestataire de la restauration scolaire, la {company}, a notifié une hausse "
                "de {rate2} % du prix des repas au 1er septembre {year}. Il est proposé de porter "
                "le prix du repas à {a_price} pour les familles domiciliées sur le territoire et "
                "à {a_price2} pour les autres familles, la {coll} prenant à sa charge une part de "
                "la hausse estimée à {a_small} par an."
            ),
            decisions=(
                "d’approuver les tarifs de la restauration scolaire applicables au 1er septembre "
                "{year}",
                "d’abroger les tarifs antérieurs à compter de cette même date",
            ),
            annexes=("grille tarifaire {year}-{next_year}",),
            months=(5, 6, 7),
        ),
        Subject(
            subtheme="Accueil de loisirs",
            title="Convention territoriale globale avec la Caisse d'allocations familiales "
            "{dept_of}",
            opener=(
                "La convention territoriale globale remplace les contrats enfance jeunesse. "
                "Conclue avec la Caisse d'allocations familiales {dept_of} pour la période "
                "{year}-{next_year}, elle définit les priorités partagées en matière de petite "
                "enfance, d'accueil de loisirs et de soutien à la parentalité. Les financements "
                "attendus de la Caisse s'élèvent à {a_medium} par an."
            ),
            decisions=(
                "d’approuver la convention territoriale globale avec la Caisse d’allocations "
                "familiales {dept_of}",
                "d’autoriser {executive} à signer la convention et ses avenants",
            ),
            annexes=("convention territoriale globale",),
        ),
    ),
    paragraphs=(
        "Les écoles du territoire accueillent {count_big} élèves. Le service de restauration "
        "scolaire sert chaque jour près de {count_big} repas, dont une part croissante de "
        "produits issus de l'agriculture biologique et des circuits courts.",
        "Les accueils de loisirs ouvrent pendant les vacances scolaires et le mercredi. Leur "
        "fréquentation a progressé de {rate2} % depuis {prev_year}, ce qui justifie le "
        "recrutement d'animateurs supplémentaires.",
    ),
)

SOLIDARITY = Theme(
    label="Solidarités",
    delegation="aux solidarités",
    contested=0.3,
    subjects=(
        Subject(
            subtheme="Action sociale",
            title="Subvention au centre communal d'action sociale pour l'année {year}",
            opener=(
                "Le centre communal d'action sociale met en œuvre la politique d'action sociale "
                "de la {coll} : aides facultatives, domiciliation, accompagnement des personnes "
                "âgées et lutte contre l'isolement. Son budget {year} s'équilibre à {a_medium} ; "
                "la subvention de la {coll} est fixée à {a_subsidy}."
            ),
            decisions=(
                "d’attribuer au centre communal d’action sociale une subvention de {a_subsidy} "
                "pour l’année {year}",
                "de dire que les crédits sont inscrits au budget {year}, chapitre 65",
            ),
        ),
        Subject(
            subtheme="Aide alimentaire",
            title="Soutien à l'{association} pour l'aide alimentaire",
            opener=(
                "L'{association} distribue chaque semaine des colis alimentaires à {count_big} "
                "foyers du territoire. Face à l'augmentation de la demande, elle sollicite une "
                "aide exceptionnelle de {a_small} pour l'achat d'un véhicule frigorifique, dont "
                "le coût s'élève à {a_medium}."
            ),
            decisions=(
                "d’attribuer une subvention exceptionnelle de {a_small} à l’{association}",
                "d’autoriser {executive} à signer la convention d’attribution",
            ),
            conflict=True,
        ),
    ),
    paragraphs=(
        "Le taux de pauvreté atteint {rate2} % sur le territoire et dépasse ce niveau dans "
        "plusieurs quartiers de {town}. L'action sociale de la {coll} s'articule avec celle du "
        "{department}, chef de file de l'action sociale.",
        "L'analyse des besoins sociaux conduite en {prev_year} a mis en évidence trois "
        "priorités :\n* l'accès aux droits et la lutte contre le non-recours ;\n* le maintien à "
        "domicile des personnes âgées ;\n* l'accompagnement des familles monoparentales.",
    ),
)

ATTRACTIVENESS = Theme(
    label="Attractivité",
    delegation="à l'attractivité et au numérique",
    contested=0.3,
    subjects=(
        Subject(
            subtheme="Inclusion numérique",
            title="Convention avec l'Agence Nationale de la Cohésion des Territoires pour le "
            "déploiement de conseillers numériques",
            opener=(
                "Le manque d'équipement ou de compétences crée une véritable fracture numérique "
                "dans la population. Le programme Société Numérique de l'Agence Nationale de la "
                "Cohésion des Territoires (ANCT) finance le recrutement de conseillers numériques "
                "à hauteur de {a_subsidy} par poste sur {duration} ans. La {coll} propose de "
                "recruter {posts} conseillers, pour un coût total estimé à {a_total}."
            ),
            decisions=(
                "d’approuver la convention de subventionnement avec l’Agence Nationale de la "
                "Cohésion des Territoires (ANCT)",
                "de créer {posts} emplois non permanents de conseiller numérique",
                "d’autoriser {executive} à signer la convention",
            ),
            annexes=("convention de subventionnement",),
        ),
        Subject(
            subtheme="Tourisme",
            title="Taxe de séjour : tarifs applicables au 1er janvier {next_year}",
            opener=(
                "La taxe de séjour est perçue auprès des personnes hébergées à titre onéreux sur "
                "le territoire. Son produit, qui a atteint {a_medium} en {prev_year}, est "
                "intégralement affecté au développement touristique, notamment par le "
                "financement de l'office de tourisme de {seat}."
            ),
            decisions=(
                "de fixer les tarifs de la taxe de séjour applicables au 1er janvier {next_year} "
                "tels qu’annexés",
                "de charger {executive} de notifier la présente délibération aux services fiscaux",
            ),
            annexes=("grille des tarifs de la taxe de séjour",),
        ),
    ),
    paragraphs=(
        "Le territoire accueille chaque année près de {count_big} visiteurs, attirés par son "
        "patrimoine, ses paysages et ses événements. L'office de tourisme de {seat} coordonne la "
        "promotion de l'offre avec la Région {region}.",
        "Le déploiement de la fibre optique par la {company} est achevé à {rate} % ; les "
        "derniers secteurs de {town2} seront raccordés d'ici la fin de l'année {next_year}.",
    ),
)

THEMES = (CULTURE, SPORT, EDUCATION, SOLIDARITY, ATTRACTIVENESS)
