"""Word lists the generator draws from: French given names, family names, place-name parts.

Every person and place the generator writes is made up from these lists; any resemblance to a
real person is chance. Family names are printed in capitals as registers print them, with
their accents ("LEFÈVRE"), hyphens ("ROUSSEL-PETIT"), several words ("MARTIN GARCIA",
"LE GALL") or a particle in lower case before them ("de LAVALETTE", "de la MOTTE").
"""

from __future__ import annotations

FEMININE_GIVEN_NAMES: tuple[str, ...] = (
    "Agnès", "Aïcha", "Amélie", "Anaïs", "Anne", "Anne-Laure", "Anne-Sophie", "Annick",
    "Armelle", "Aurélie", "Béatrice", "Bérénice", "Brigitte", "Camille", "Carole", "Catherine",
    "Cécile", "Célia", "Chantal", "Chloé", "Christelle", "Claire", "Clémence", "Clotilde",
    "Coralie", "Corinne", "Danièle", "Delphine", "Dominique", "Édith", "Éléonore", "Élise",
    "Élodie", "Émilie", "Emmanuelle", "Estelle", "Fabienne", "Fatima", "Françoise", "Gaëlle",
    "Geneviève", "Ghislaine", "Hélène", "Héloïse", "Inès", "Isabelle", "Jacqueline", "Joëlle",
    "Josiane", "Julie", "Juliette", "Karine", "Khadija", "Laetitia", "Laurence", "Léa",
    "Leïla", "Lucie", "Maëlle", "Malika", "Manon", "Margaux", "Marie", "Marie-Christine",
    "Marie-Claude", "Marie-Hélène", "Marie-Laure", "Marie-Pierre", "Marion", "Martine",
    "Mathilde", "Mélanie", "Monique", "Mylène", "Nadia", "Nathalie", "Noémie", "Océane",
    "Odile", "Ophélie", "Pascale", "Pauline", "Rachida", "Régine", "Rose-Marie", "Samia",
    "Sandrine", "Séverine", "Solène", "Sophie", "Stéphanie", "Sylvie", "Thérèse", "Valérie",
    "Véronique", "Virginie", "Yasmina", "Zoé",
)  # fmt: skip

MASCULINE_GIVEN_NAMES: tuple[str, ...] = (
    "Adrien", "Alain", "Alexandre", "André", "Antoine", "Arnaud", "Aurélien", "Benoît",
    "Bernard", "Bruno", "Cédric", "Christian", "Christophe", "Claude", "Damien", "Daniel",
    "David", "Denis", "Didier", "Éric", "Étienne", "Fabrice", "François", "François-Xavier",
    "Frédéric", "Gaël", "Geniès", "Gérard", "Gilles", "Grégoire", "Guillaume", "Hervé",
    "Hugo", "Jacques", "Jean", "Jean-Baptiste", "Jean-Claude", "Jean-François", "Jean-Luc",
    "Jean-Marc", "Jean-Michel", "Jean-Noël", "Jean-Pierre", "Jérôme", "Joël", "José",
    "Julien", "Karim", "Laurent", "Lionel", "Loïc", "Louis", "Louis-Marie", "Luc", "Maël",
    "Marc", "Marc-Antoine", "Marcel", "Mathieu", "Maxime", "Mehdi", "Michel", "Mohamed",
    "Nicolas", "Noël", "Olivier", "Pascal", "Patrick", "Paul", "Philippe", "Pierre",
    "Pierre-Yves", "Rachid", "Raphaël", "Régis", "Rémi", "René", "Romain", "Samir",
    "Sébastien", "Serge", "Stéphane", "Thierry", "Thomas", "Timothée", "Valentin", "Vincent",
    "Xavier", "Yannick", "Yves", "Youssef",
)  # fmt: skip

FAMILY_NAMES: tuple[str, ...] = (
    "ALBERT", "ALVES", "ANDRÉ", "ARNAUD", "AUBERT", "BAILLY", "BARBIER", "BARTHÉLEMY",
    "BENALI", "BÉRANGER", "BERNARD", "BERTRAND", "BIANCHI", "BLANC", "BONNET", "BOUCHER",
    "BOUZID", "BRUN", "CARON", "CASTEL", "CHARPENTIER", "CHAUVET", "CHÉRON", "CHEVALIER",
    "CLÉMENT", "COLIN", "COSTES", "DAVID", "DIALLO", "DUMAS", "DUPUIS", "DURAND", "ESPOSITO",
    "ETCHEVERRY", "FABRE", "FAURE", "FERRÉ", "FERREIRA", "FONTAINE", "FOURNIER", "GARNIER",
    "GAUTHIER", "GÉRARD", "GIRARD", "GRÉGOIRE", "GUÉRIN", "GUILLOT", "HADDAD", "HÉBERT",
    "IRIGOYEN", "JOLY", "KERGUELEN", "KLEIN", "KONATÉ", "KOWALSKI", "LACROIX", "LAMBERT",
    "LAURENT", "LEBLANC", "LECLERC", "LEFÈVRE", "LÉGER", "LEMAIRE", "LEROY", "LOPEZ",
    "MANSOURI", "MARCHAND", "MARTIN", "MARTINEZ", "MASSON", "MATHIEU", "MÉNARD", "MERCIER",
    "MEYER", "MOREAU", "MULLER", "NGUYEN", "NICOLAS", "NOËL", "PERRIN", "PIETRI", "PONS",
    "RENARD", "REY", "RIVIÈRE", "ROBIN", "ROCHE", "ROSSI", "ROUSSEAU", "ROUX", "SANCHEZ",
    "SANTONI", "SCHNEIDER", "SIMON", "TESSIER", "TRAN", "TRAORÉ", "VASSEUR", "VIDAL",
    "VINCENT", "WEBER",
    # hyphenated
    "BOUVIER-DUVAL", "CONTE-ARRANZ", "DOMBRE-COSTE", "GALABRUN-BOULBES", "LAGARDE-ROUX",
    "MARIN-KHOURY", "ROS-ROUART", "ROUSSEL-PETIT", "SAINT-MARTIN", "VIGNAL-ESTÈVE",
    # several words
    "BEN SAÏD", "DA SILVA", "DOS SANTOS", "EL AMRANI", "EL KHATIB", "LE BIHAN", "LE GALL",
    "LE GOFF", "MARTIN GARCIA", "VASSAS MEJRI",
    # apostrophes
    "D'ALMEIDA", "N'DIAYE",
)  # fmt: skip

PARTICLE_FAMILY_NAMES: tuple[str, ...] = (
    "de LAVALETTE", "de la MOTTE", "du PLESSIS", "de SAINT-JUST", "des ROCHES",
    "de la FORGE", "de BONALD", "du TEIL",
)  # fmt: skip

# Fictional places: roots combined with patterns ("Saint-… -de- …", "… -sur- …", "Le …").
PLACE_ROOTS: tuple[str, ...] = (
    "Aurelhac", "Belvianes", "Castelmaure", "Cazevielle", "Escoussac", "Fontrieu", "Gardouch",
    "Lauzerac", "Lézignac", "Malvézie", "Montclarès", "Montferrieu", "Peyrolles", "Pradelle",
    "Puylaroque", "Roquebrune", "Saint-Aubin", "Sauveterre", "Saverdac", "Ternac", "Vaurenque",
    "Vilhonneur", "Villecomtal", "Viradel", "Bellegarde", "Cassagnoles", "Fabrègues",
    "Lavérune", "Mirabel", "Aigrefeuille",
)  # fmt: skip
RIVERS: tuple[str, ...] = (
    "Aurèle", "Lèze", "Vèbre", "Orbieu", "Salz", "Rieutord", "Lergue", "Ourne", "Cesse",
)  # fmt: skip
SAINTS: tuple[str, ...] = (
    "Martin", "Étienne", "Jean", "Pierre", "Paul", "Hilaire", "Geniès", "Saturnin", "Félix",
)  # fmt: skip
PLURAL_NOUNS: tuple[str, ...] = (
    "Vignes", "Pins", "Bains", "Combes", "Chênes", "Olivettes", "Mazets", "Garrigues",
)  # fmt: skip
# (code, name, the name with its preposition "de la …", "du …", "des …")
FICTIONAL_DEPARTMENTS: tuple[tuple[str, str, str], ...] = (
    ("096", "Haute-Aurèle", "de la Haute-Aurèle"),
    ("097", "Val-de-Vèbre", "du Val-de-Vèbre"),
    ("098", "Causses-et-Lergue", "des Causses-et-Lergue"),
    ("099", "Basse-Orbieu", "de la Basse-Orbieu"),
)  # fmt: skip
WATER_AGENCIES: tuple[str, ...] = (
    "Agence de l'eau Adour-Garonne", "Agence de l'eau Rhône Méditerranée Corse",
    "Agence de l'eau Loire-Bretagne",
)  # fmt: skip
EVENT_PATTERNS: tuple[str, ...] = (
    "Festival {river} en Scène", "Nuits musicales de {place}", "Salon du livre de {place}",
    "Fête de la transhumance de {place}", "Rencontres du cinéma de {place}",
)  # fmt: skip
SYNDICATE_PATTERNS: tuple[str, ...] = (
    "Syndicat intercommunal des eaux de la {river}",
    "Syndicat mixte du bassin de la {river}",
    "Syndicat départemental d'eau potable {dept_of}",
)  # fmt: skip
FICTIONAL_REGIONS: tuple[str, ...] = ("Sud-Aurèle", "Hautes-Terres d'Oc", "Terres du Midi")

STREET_PATRONS: tuple[str, ...] = (
    "Jean-Moulin", "Victor-Hugo", "Jean-Jaurès", "de la République", "Pasteur", "des Écoles",
    "de la Gare", "Simone-Veil", "Gambetta", "du Moulin", "des Tilleuls", "Olympe-de-Gouges",
)  # fmt: skip
STREET_KINDS: tuple[str, ...] = ("rue", "avenue", "chemin", "boulevard", "place", "allée")
LOCALITIES: tuple[str, ...] = (
    "Combe Longue", "Mas Neuf", "Plaine Haute", "Pradas", "Condamine", "Bosc Redon",
    "Pioch Vieil", "Garrigue Basse", "Font Vive", "Clapiers",
)  # fmt: skip

ASSOCIATION_PATTERNS: tuple[str, ...] = (
    "association Les Amis du Patrimoine de {place}",
    "association Lire et Faire Lire {place}",
    "association Compagnie Les Tréteaux de la {river}",
    "association Festival des Arts de la Rue de {place}",
    "association Jazz en {river}",
    "association Union sportive de {place}",
    "association Racing Club {river}",
    "association Judo Club de {place}",
    "association Les Restos du Partage {place}",
    "association Entraide Solidarité {river}",
    "association Jardins Partagés de {place}",
    "association Mémoire et Traditions de {place}",
    "association Comité des fêtes de {place}",
    "association Vélo en Ville {place}",
)  # fmt: skip
COMPANY_PATTERNS: tuple[str, ...] = (
    "société Cuisines du {river} SAS",
    "société Travaux Publics de {place} SARL",
    "société {river} Énergies Renouvelables",
    "entreprise Bâtiment {place} et Associés",
    "société d'économie mixte {river} Aménagement",
    "société publique locale {river} Développement",
)  # fmt: skip
