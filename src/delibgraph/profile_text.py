"""The prose of the profile documentation (:mod:`delibgraph.profile_doc` adds the tables)."""

from __future__ import annotations

INTRO = (
    "delibgraph's application profile for the registers of deliberations of French local "
    "authorities: which terms a deliberation's graph uses, what the shapes check, how complete "
    "each record is. It is generated from `ontology/` and `shapes/` by `delibgraph profile` "
    "(`src/delibgraph/profile_doc.py`); do not edit it by hand. The data model, field by "
    "field, is in `docs/data-model.md`; the French glossary in `ontology/README.md`. A "
    "deliberation is one named graph; every shape below applies to it, but those of the "
    "statistics records (`dlg:MemberStatistics` …), derived data that each body's statistics "
    "graph holds."
)

LEVELS_INTRO = (
    "Beyond conforming (no `sh:Violation`), a deliberation reaches a level, as LBLOD grades "
    "publications by maturity: shapes tagged `dlgsh:level n` state what level n needs, and a "
    "deliberation reaches level n when no requirement of level n or below is unmet. A "
    "deliberation that does not conform is level 0, and is not loaded. `delibgraph validate` "
    "prints the level of each deliberation (and, in JSON, the unmet requirements); `delibgraph "
    "ingest` stores it with the act (`dlg:levelReached`, `dlg:meetsLevel`); `delibgraph "
    "stats` counts the deliberations of the store per level with the library query "
    "`level-by-deliberation`, which restates the same requirements in SPARQL (a test checks "
    "that both agree on every fixture). Level-1 requirements are Warnings; the others Infos, "
    "reported apart from the results."
)

SHAPES_INTRO = (
    "One file per target class in `shapes/`, its node shape named `dlgsh:<Class>Shape`, "
    "closed (only the properties listed may appear, besides `rdf:type`). The register's "
    "arithmetic and the other rules that need SPARQL are node shapes of their own, "
    "`dlgsh:<Rule>Shape`, beside the class shape they concern, each holding one SPARQL "
    "constraint and its messages in French and English. Each constraint below has a test "
    "case in `tests/shape_cases/`, run through pyshacl and Apache Jena."
)

ACCURACY_INTRO = (
    'When neither the text nor an ACTES stamp gives the subject ("Matière : 7.5", '
    '"Nomenclature ACTES : 7.5 - Subventions"), hand-written keyword rules '
    "(`src/delibgraph/matiere_classifier.py`) propose one from the title, heading, decisions "
    "and reasoning; the act is then `dlg:inferredSubject` the concept (never `eli:is_about`), "
    "and a `dlg:SubjectInference` records the method, a confidence and the cues used. "
    "Accuracy on the fixture corpus, labelled by hand (`tests/fixtures/matieres.csv`, with the "
    "labelling rules at its top), measured on the golden parse so that it measures the "
    "classifier alone. The rules were written before the labels; the labels of the `dev` "
    "authorities were then used to correct rules, those of the `heldout` authorities never "
    "were: the held-out figure is the one to quote. On its first run, before any correction, "
    "the rules agreed with 41 of the 56 labels (73 %)."
)

ENGINES = (
    "`tests/test_shape_cases_jena.py` runs every shape case, the base graphs, the mapped seed "
    "and the mapped examples through Apache Jena's SHACL engine (Debian's "
    "`libapache-jena-java` 4.5, in one JVM start) and compares focus node, path, severity, "
    "node shape, unmet level requirements and level with pyshacl's: they agree on every case. "
    "To get there the shapes avoid three differences between the engines. (1) A SHACL-SPARQL "
    "constraint inside a property shape: Jena runs it once per value of the path (so a rule "
    "about a missing value never runs, and a rule fires once per value) and reports the "
    "property shape's path instead of the `?path` the query binds; pyshacl runs it once per "
    "focus node. Our rules are therefore on node shapes. (2) Jena 4.5 refuses a SPARQL "
    'constraint with more than one `sh:message` ("More than one match"); our messages are '
    "on the rule's node shape, one per language. (3) Jena does not substitute `{?var}` in "
    "messages declared on a shape, pyshacl does: message texts are not compared. Running "
    "Jena from Debian's package needs two work-arounds that are not about the shapes: the "
    "class path must leave out the extra SLF4J bindings of `/usr/share/java`, and Jena's "
    "relocated Xerces classes need their message bundles copied where they look for them "
    "(`tests/jena_shacl.py`)."
)
