"""Where the files that ship beside the code are: ``queries/``, ``shapes/``, ``ontology/``,
``examples/``.

In an installed wheel they are copied under ``delibgraph/_data/``; in a source checkout
(editable install, tests) they are the top-level folders of the repository.
"""

from __future__ import annotations

from pathlib import Path

from delibgraph.errors import UsageError

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder ``name`` (``"queries"``, ``"shapes"``, ``"ontology"``, ``"examples"``)."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise UsageError(f"the {name}/ folder that ships with delibgraph is missing")
