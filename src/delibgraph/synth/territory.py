"""Fictional authorities: a commune or an intercommunality, its name, SIREN and places.

SIRENs are 9 digits with a valid Luhn key, built like real ones (21… for a commune, 24… for an
intercommunality, then the département) but in fictional départements (096–099), so no
generated identifier names a real authority.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from delibgraph.names import slugify
from delibgraph.synth import lexicon


@dataclass(frozen=True, slots=True)
class AuthorityKind:
    """What differs between a commune and an intercommunality in its register."""

    key: str
    council: str  # "Conseil municipal"
    collectivity: str  # the feminine noun used with "la": "Commune", "Métropole", "Communauté"
    head: tuple[str, str]  # masculine and feminine title of the president: ("Maire", "Maire")
    deputy: tuple[str, str]  # ("Adjoint", "Adjointe") or ("Vice-Président", "Vice-Présidente")
    delegate: tuple[str, str]  # councillor with a delegation
    siren_prefix: str
    size: tuple[int, int]  # members in office
    proxy_heading: tuple[str, ...]  # the proxies heading, line by line, quoting the law
    electronic_vote: float  # share of in-person séances voting electronically


_PROXY_COMMUNE = (
    "Absent(es) ayant voté par procuration en application de l'article",
    "L 2121-20 du Code général des collectivités territoriales :",
)
_PROXY_EPCI = (
    "Absent(es) ayant voté par procuration en application des articles",
    "L 2121-20 et L 5211-1 du Code général des collectivités",
    "territoriales :",
)
KINDS: tuple[AuthorityKind, ...] = (
    AuthorityKind(
        "commune", "Conseil municipal", "Commune", ("Maire", "Maire"), ("Adjoint", "Adjointe"),
        ("Conseiller municipal délégué", "Conseillère municipale déléguée"), "21", (33, 69),
        _PROXY_COMMUNE, 0.2,
    ),
    AuthorityKind(
        "communaute_de_communes", "Conseil communautaire", "Communauté",
        ("Président", "Présidente"), ("Vice-Président", "Vice-Présidente"),
        ("Conseiller délégué", "Conseillère déléguée"), "24", (30, 60), _PROXY_EPCI, 0.3,
    ),
    AuthorityKind(
        "communaute_d_agglomeration", "Conseil communautaire", "Communauté",
        ("Président", "Présidente"), ("Vice-Président", "Vice-Présidente"),
        ("Conseiller délégué", "Conseillère déléguée"), "24", (45, 90), _PROXY_EPCI, 0.6,
    ),
    AuthorityKind(
        "metropole", "Conseil de Métropole", "Métropole", ("Président", "Présidente"),
        ("Vice-Président", "Vice-Présidente"), ("Conseiller délégué", "Conseillère déléguée"),
        "24", (70, 100), _PROXY_EPCI, 0.9,
    ),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Authority:
    """One fictional authority and the places its texts mention."""

    slug: str
    name: str  # "Commune de Saverdac", "Montclarès Métropole"
    register_of: str  # as printed after "délibérations de": "la Commune de Saverdac"
    kind: AuthorityKind
    seat: str  # the town where acts are signed
    towns: tuple[str, ...]  # member communes (the seat alone for a commune)
    localities: tuple[str, ...]  # lieux-dits
    department_code: str
    department_name: str
    department_of: str  # "de la Haute-Aurèle"
    region: str
    siren: str
    tribunal: str  # seat of the administrative court
    room: str  # where in-person séances are held, as the opening sentence prints it


def luhn_complete(digits: str) -> str:
    """Append the Luhn key that makes ``digits`` + key a valid SIREN-style number."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char)
        if i % 2 == 0:  # positions doubled once the key is appended
            value *= 2
            value = value - 9 if value > 9 else value
        total += value
    return digits + str((10 - total % 10) % 10)


def is_luhn_valid(number: str) -> bool:
    return luhn_complete(number[:-1]) == number


def place_name(rng: random.Random) -> str:
    """A fictional town name: "Saverdac", "Saint-Félix-de-Ternac", "Mirabel-sur-Lèze" …"""
    root = rng.choice(lexicon.PLACE_ROOTS)
    pattern = rng.random()
    if pattern < 0.45:
        return root
    if pattern < 0.65:
        return f"{root}-sur-{rng.choice(lexicon.RIVERS)}"
    if pattern < 0.8 and not root.startswith("Saint"):
        return f"Saint-{rng.choice(lexicon.SAINTS)}-de-{root}"
    if pattern < 0.95:
        return f"{root}-les-{rng.choice(lexicon.PLURAL_NOUNS)}"
    river = rng.choice([r for r in lexicon.RIVERS if r[0] in "AEIOUÉ"])
    return f"{root}-d'{river}"


def _names_for(kind: AuthorityKind, rng: random.Random) -> tuple[str, str, str, str]:
    """(slug source, name, register_of, seat) for a new authority of ``kind``."""
    seat = place_name(rng)
    if kind.key == "commune":
        name = f"Commune de {seat}"
        return seat, name, f"la {name}", seat
    river = rng.choice(lexicon.RIVERS)
    if kind.key == "communaute_de_communes":
        short = rng.choice((f"Pays de {seat}", f"Vallée de {river}"))
        name = f"Communauté de communes {'du' if short.startswith('Pays') else 'de la'} {short}"
        return f"cc {short}", name, f"la {name}", seat
    if kind.key == "communaute_d_agglomeration":
        name = f"Communauté d'agglomération du Grand {seat}"
        return f"ca grand {seat}", name, f"la {name}", seat
    name = rng.choice((f"{seat} Métropole", f"{seat} {river} Métropole"))
    return name, name, name, seat


def make_authority(
    rng: random.Random, *, taken_slugs: set[str], taken_sirens: set[str]
) -> Authority:
    """A new authority whose slug and SIREN are not in the taken sets (which it extends)."""
    kind = rng.choices(KINDS, weights=(5, 2, 2, 1))[0]
    slug_source, name, register_of, seat = _names_for(kind, rng)
    slug = slugify(slug_source)
    base, n = slug, 2
    while slug in taken_slugs:
        slug, n = f"{base}-{n}", n + 1
    taken_slugs.add(slug)
    department_code, department_name, department_of = rng.choice(lexicon.FICTIONAL_DEPARTMENTS)
    siren = ""
    while not siren or siren in taken_sirens:
        stem = f"{kind.siren_prefix}{department_code[1:]}{rng.randrange(10_000):04d}"
        siren = luhn_complete(stem)
    taken_sirens.add(siren)
    towns = (
        (seat,)
        if kind.key == "commune"
        else tuple(dict.fromkeys([seat, *(place_name(rng) for _ in range(rng.randint(6, 20)))]))
    )
    if kind.key == "commune":
        room = rng.choice(
            ("en la salle du Conseil de la mairie", "en la salle des mariages de l'Hôtel de Ville")
        )
    else:
        room = rng.choice(
            (
                f"en la salle des délibérations du siège de la {kind.collectivity}, à {seat}",
                "au lieu ordinaire de ses séances",
            )
        )
    return Authority(
        slug=slug,
        name=name,
        register_of=register_of,
        kind=kind,
        seat=seat,
        towns=towns,
        localities=tuple(rng.sample(lexicon.LOCALITIES, 4)),
        department_code=department_code,
        department_name=department_name,
        department_of=department_of,
        region=rng.choice(lexicon.FICTIONAL_REGIONS),
        siren=siren,
        tribunal=place_name(rng),
        room=room,
    )
