"""The downloadable files: the store as N-Quads (gzipped) and Turtle, and the SCDL CSV.

:func:`write_files` writes them into a folder and returns, for each, what a catalogue states
about a distribution: media type, byte size, SHA-256 checksum. The files are reproducible:
the same store gives byte-identical files (the gzip header carries no time stamp), so their
checksums only change when the data does.
"""

from __future__ import annotations

import gzip
import hashlib
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from delibgraph.errors import UsageError
from delibgraph.store import Store

from .scdl import ScdlTable, write_scdl

__all__ = ["CHECKSUMS_FILE", "PublishedFile", "write_files"]

CHECKSUMS_FILE = "SHA256SUMS"


@dataclass(frozen=True, slots=True)
class PublishedFile:
    """One file as published: ``route`` is its path under the base (``dumps/…``)."""

    key: str
    route: str
    path: Path
    title: str
    media_type: str
    """The media type of the content (for a gzipped file, of what is inside)."""
    served_as: str
    """The HTTP ``Content-Type`` the file is served with."""
    compression: str | None
    byte_size: int
    sha256: str
    conforms_to_scdl: bool = False

    @property
    def name(self) -> str:
        return self.route.rsplit("/", 1)[-1]


def write_files(
    store: Store, folder: Path, *, siret: Mapping[str, str] | None = None
) -> tuple[tuple[PublishedFile, ...], ScdlTable]:
    """Write the dumps and the SCDL export under ``folder``; their descriptions and the SCDL
    table (with its gaps). A ``dumps/SHA256SUMS`` file lists the dumps' checksums."""
    dumps, exports = folder / "dumps", folder / "exports"
    try:
        dumps.mkdir(parents=True, exist_ok=True)
        exports.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the publication folder {folder}: {exc}") from exc

    def nquads_gz(out: BinaryIO) -> None:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as zipped:
            store.export("nquads", cast(BinaryIO, zipped))

    scdl_holder: list[ScdlTable] = []

    def scdl_csv(out: BinaryIO) -> None:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="")
        scdl_holder.append(write_scdl(store, text, siret=siret))
        text.flush()
        text.detach()

    files = (
        _write(
            "nquads", "dumps/deliberations.nq.gz", folder,
            "Toutes les délibérations, N-Quads (un graphe nommé par délibération, un de "
            "statistiques par organe), gzip",
            "application/n-quads", "application/gzip", "application/gzip", nquads_gz,
        ),
        _write(
            "turtle", "dumps/deliberations.ttl", folder,
            "Toutes les délibérations, Turtle (union des graphes)",
            "text/turtle", "text/turtle; charset=utf-8", None,
            lambda out: store.export("turtle", out),
        ),
        _write(
            "scdl", "exports/deliberations.csv", folder,
            "Délibérations au format SCDL (schéma Délibérations 2.1.5), CSV",
            "text/csv", "text/csv; charset=utf-8", None, scdl_csv, conforms_to_scdl=True,
        ),
    )  # fmt: skip
    sums = "".join(f"{f.sha256}  {f.name}\n" for f in files if f.route.startswith("dumps/"))
    (dumps / CHECKSUMS_FILE).write_text(sums, encoding="utf-8")
    return files, scdl_holder[0]


def _write(
    key: str,
    route: str,
    folder: Path,
    title: str,
    media_type: str,
    served_as: str,
    compression: str | None,
    write: Callable[[BinaryIO], None],
    *,
    conforms_to_scdl: bool = False,
) -> PublishedFile:
    path = folder / route
    try:
        with path.open("wb") as out:
            write(out)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc}") from exc
    digest = hashlib.sha256()
    with path.open("rb") as written:
        for chunk in iter(lambda: written.read(1 << 16), b""):
            digest.update(chunk)
    return PublishedFile(
        key=key,
        route=route,
        path=path,
        title=title,
        media_type=media_type,
        served_as=served_as,
        compression=compression,
        byte_size=path.stat().st_size,
        sha256=digest.hexdigest(),
        conforms_to_scdl=conforms_to_scdl,
    )
