"""Closed namespaces: the only place (with :mod:`delibgraph.ids`) where raw IRIs live.

Each vocabulary lists the terms delibgraph uses; using a term not listed raises
``AttributeError`` at import time of the caller's first use, so typos cannot mint IRIs.

Popolo is pinned to the popolo-spec JSON-LD contexts (``contexts/vote_event.jsonld``,
``count.jsonld``, ``vote.jsonld``, ``motion.jsonld``): counts are typed
``opengov:YesCount`` / ``NoCount`` / ``AbstainCount`` with ``rdf:value``; a vote's voter is
``schema:agent`` and its option ``schema:option`` (a string: "yes", "no", "abstain",
"not voting"); a vote event's body is ``schema:organizer`` and its séance ``schema:superEvent``.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "ACTES_MATIERE",
    "ACTES_MATIERES_SCHEME",
    "ACTES_MATIERE_NS",
    "DCTERMS",
    "DLG",
    "DLGSH",
    "DLG_NS",
    "ELI",
    "FILE_TYPE",
    "FOAF",
    "LANGUAGE",
    "OPENGOV",
    "ORG",
    "OWL",
    "PERSON",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SCHEMA_NS",
    "SH",
    "SHAPES_NS",
    "SKOS",
    "SPDX",
    "XSD",
]

SCHEMA_NS = "http://schema.org/"
DLG_NS = "https://w3id.org/delibgraph/ns#"
SHAPES_NS = "https://w3id.org/delibgraph/shapes#"  # our SHACL shapes (dlgsh:), in shapes/
# The ACTES classification of acts by subject ("matières"), published by delibgraph as a SKOS
# concept scheme in ontology/actes-matieres.ttl: no official IRIs exist for it. A concept's IRI
# ends with its notation ("…/actes/matiere/7.5"); the scheme is "…/actes/matieres".
ACTES_MATIERE_NS = "https://w3id.org/delibgraph/actes/matiere/"


class SCHEMA(DefinedNamespace):
    """schema.org terms (http scheme, as Popolo and ELI's mapping use them)."""

    _NS = Namespace(SCHEMA_NS)
    _fail = True
    Event: URIRef
    Legislation: URIRef
    MonetaryAmount: URIRef
    Organization: URIRef
    Place: URIRef
    VirtualLocation: URIRef
    OnlineEventAttendanceMode: URIRef
    OfflineEventAttendanceMode: URIRef
    MixedEventAttendanceMode: URIRef
    agent: URIRef
    attendee: URIRef
    currency: URIRef
    eventAttendanceMode: URIRef
    honorificPrefix: URIRef
    location: URIRef
    mentions: URIRef
    name: URIRef
    option: URIRef
    organizer: URIRef
    publisher: URIRef
    softwareVersion: URIRef
    startDate: URIRef
    superEvent: URIRef
    text: URIRef
    value: URIRef


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology (ELI 1.5)."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True
    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    LegalExpression: URIRef
    Format: URIRef
    date_document: URIRef
    date_publication: URIRef
    description: URIRef
    embodies: URIRef
    format: URIRef
    has_annex: URIRef
    has_part: URIRef
    id_local: URIRef
    is_about: URIRef
    is_annex_of: URIRef
    is_embodied_by: URIRef
    is_exemplified_by: URIRef
    is_part_of: URIRef
    is_realized_by: URIRef
    language: URIRef
    number: URIRef
    passed_by: URIRef
    realizes: URIRef
    responsibility_of_agent: URIRef
    title: URIRef
    type_document: URIRef


class PERSON(DefinedNamespace):
    """W3C Person vocabulary (Popolo Person)."""

    _NS = Namespace("http://www.w3.org/ns/person#")
    _fail = True
    Person: URIRef


class OPENGOV(DefinedNamespace):
    """Popolo's opengov namespace (motions, vote events, counts, votes)."""

    _NS = Namespace("http://www.w3.org/ns/opengov#")
    _fail = True
    Motion: URIRef
    VoteEvent: URIRef
    Count: URIRef
    YesCount: URIRef
    NoCount: URIRef
    AbstainCount: URIRef
    Vote: URIRef
    Pass: URIRef
    Fail: URIRef
    count: URIRef
    motion: URIRef
    result: URIRef
    vote: URIRef
    voteEvent: URIRef
    post: URIRef


class SPDX(DefinedNamespace):
    """SPDX terms DCAT-AP uses for checksums."""

    _NS = Namespace("http://spdx.org/rdf/terms#")
    _fail = True
    Checksum: URIRef
    algorithm: URIRef
    checksum: URIRef
    checksumValue: URIRef
    checksumAlgorithm_sha256: URIRef


class SH(DefinedNamespace):
    """SHACL terms read from validation reports."""

    _NS = Namespace("http://www.w3.org/ns/shacl#")
    _fail = True
    ValidationReport: URIRef
    ValidationResult: URIRef
    Violation: URIRef
    Warning: URIRef
    Info: URIRef
    conforms: URIRef
    focusNode: URIRef
    resultMessage: URIRef
    resultPath: URIRef
    resultSeverity: URIRef
    sourceShape: URIRef
    sourceConstraintComponent: URIRef
    value: URIRef
    result: URIRef
    # read from the shapes graph
    NodeShape: URIRef
    SPARQLConstraint: URIRef
    inversePath: URIRef
    message: URIRef
    path: URIRef
    property: URIRef
    sourceConstraint: URIRef
    sparql: URIRef
    targetClass: URIRef


class DLG(DefinedNamespace):
    """delibgraph's own terms, declared in ``ontology/delibgraph.ttl``.

    Only what ELI, Popolo, schema.org and PROV lack: proxies, excused and absent members,
    members not taking part, the register's stated counts, vote method, séance kind,
    derivation of individual votes.
    """

    _NS = Namespace(DLG_NS)
    _fail = True
    # classes
    Proxy: URIRef
    NotTakingPartCount: URIRef
    DerivationRule: URIRef
    VotingMethod: URIRef
    SessionKind: URIRef
    DeliberationDocument: URIRef
    SubjectInference: URIRef
    InferenceMethod: URIRef
    # precomputed statistics (derived at load time: docs/data-model.md, "Statistics")
    MemberStatistics: URIRef
    MemberYearStatistics: URIRef
    MemberThemeStatistics: URIRef
    ProxyStatistics: URIRef
    SeanceStatistics: URIRef
    # properties
    absentMember: URIRef
    actesId: URIRef
    castBy: URIRef
    chair: URIRef
    confidence: URIRef
    derivedBy: URIRef
    evidence: URIRef
    excusedMember: URIRef
    inferredBy: URIRef
    inferredConcept: URIRef
    inferredSubject: URIRef
    membersInOffice: URIRef
    notTakingPart: URIRef
    prefectureReceipt: URIRef
    proxy: URIRef
    proxyGiver: URIRef
    proxyHolder: URIRef
    sessionKind: URIRef
    subjectInference: URIRef
    unanimous: URIRef
    votingMethod: URIRef
    # properties of the statistics records and of the level reached
    abstentionCount: URIRef
    absentCount: URIRef
    againstCount: URIRef
    attendanceRate: URIRef
    averageAbsent: URIRef
    averagePresent: URIRef
    averageRepresented: URIRef
    body: URIRef
    deliberationCount: URIRef
    firstDate: URIRef
    giver: URIRef
    givenProxySeanceCount: URIRef
    holder: URIRef
    holderCount: URIRef
    lastDate: URIRef
    levelReached: URIRef
    mainHolder: URIRef
    meetsLevel: URIRef
    member: URIRef
    notVotingCount: URIRef
    presentCount: URIRef
    proxiesGivenCount: URIRef
    proxiesHeldCount: URIRef
    proxySeanceCount: URIRef
    representedCount: URIRef
    seance: URIRef
    seanceCount: URIRef
    theme: URIRef
    themeName: URIRef
    voteCount: URIRef
    year: URIRef
    # individuals
    unanimityRule: URIRef
    completeNamesRule: URIRef
    ElectronicVote: URIRef
    ShowOfHands: URIRef
    SecretBallot: URIRef
    RollCall: URIRef
    OrdinarySession: URIRef
    ExtraordinarySession: URIRef
    Noted: URIRef
    Elected: URIRef
    actesKeywordRules: URIRef
    # concept schemes of the individuals above (declared in the ontology)
    DocumentTypes: URIRef
    VotingMethods: URIRef
    SessionKinds: URIRef
    VoteOutcomes: URIRef
    DerivationRules: URIRef
    InferenceMethods: URIRef


class DLGSH(DefinedNamespace):
    """Terms of delibgraph's shapes graph (``shapes/``) that are not SHACL's own."""

    _NS = Namespace(SHAPES_NS)
    _fail = True
    level: URIRef  # annotation: the maturity level (1–3) a property shape's requirement is of


ACTES_MATIERE = Namespace(ACTES_MATIERE_NS)
ACTES_MATIERES_SCHEME = URIRef(ACTES_MATIERE_NS.rstrip("/") + "s")

FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")

PREFIXES: dict[str, str] = {
    "eli": str(ELI._NS),
    "person": str(PERSON._NS),
    "org": str(ORG),
    "opengov": str(OPENGOV._NS),
    "schema": SCHEMA_NS,
    "foaf": str(FOAF),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "prov": str(PROV),
    "spdx": str(SPDX._NS),
    "xsd": str(XSD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "dlg": DLG_NS,
    "actes": ACTES_MATIERE_NS,
}
