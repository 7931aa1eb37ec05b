"""Apache Jena's SHACL engine, run on many graphs in one JVM start, for the second-engine tests.

Jena comes from Debian's ``libapache-jena-java`` (``apt-get install -y libapache-jena-java``),
which ships the jars in ``/usr/share/java`` but no ``shacl`` launcher: we run the class
``shacl.shacl`` (from ``jena-cmds.jar``) with ``java -cp``. ``$DELIBGRAPH_JENA_LIB`` points at
another folder of jars (e.g. an unpacked Jena distribution's ``lib/``).

Batching: every graph is renamed into a namespace of its own (``{BASE}case/{name}/…``), the
renamed graphs are validated together in one run, and the report is split back per graph by
focus node. Shapes are given to Jena with their property shapes named (blank nodes become
IRIs), so that each result can be traced to its node shape and its ``dlgsh:level`` tag.

Two quirks of the Debian package are worked around here, not in the shapes:
- Jena's relocated Xerces classes (package ``xerces.*``) look for their message bundles beside
  them, but the jar ships them under ``org/apache/jena/ext/xerces/``: without a copy on the
  class path, Jena fails at start-up ("internal error" in ``XSSimpleTypeDecl``);
- ``/usr/share/java`` holds several SLF4J bindings; only ``slf4j-api`` and ``slf4j-nop`` are put
  on the class path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from delibgraph.validate import ValidationReport, load_shapes, read_report
from delibgraph.vocab import SH, SHAPES_NS

DEFAULT_LIB = Path("/usr/share/java")
LIB_ENV = "DELIBGRAPH_JENA_LIB"
# Jena 4.5's dependencies (Debian package names' jars), besides the jena-*.jar themselves.
DEPENDENCIES = (
    "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io",
    "commons-lang3", "dexx.collection", "gson", "guava", "httpclient", "httpcore",
    "jackson-annotations", "jackson-core", "jackson-databind", "jakarta.json-api",
    "jsonld-java", "protobuf", "thrift", "titanium-json-ld", "slf4j-api", "slf4j-nop",
)  # fmt: skip
_XERCES_BUNDLES = "org/apache/jena/ext/xerces/"


@dataclass(frozen=True)
class Jena:
    """How to start Jena's ``shacl`` command here."""

    java: str
    classpath: str


def find_jena() -> Jena | None:
    """Jena on this machine, or None when java or the Jena jars are missing."""
    java = shutil.which("java")
    lib = Path(os.environ.get(LIB_ENV) or DEFAULT_LIB)
    needed = (lib / "jena-shacl.jar", lib / "jena-cmds.jar")
    if java is None or not all(jar.is_file() for jar in needed):
        return None
    jars = sorted(p for p in lib.glob("jena-*.jar") if not p.stem[-1].isdigit())
    jars += [lib / f"{name}.jar" for name in DEPENDENCIES if (lib / f"{name}.jar").is_file()]
    extra = _xerces_bundles(lib / "jena-core.jar")
    entries = [str(p) for p in jars] + ([str(extra)] if extra else [])
    return Jena(java=java, classpath=os.pathsep.join(entries))


@cache
def _xerces_bundles(core_jar: Path) -> Path | None:
    """A folder with the Xerces message bundles where the relocated classes look for them."""
    if not core_jar.is_file():
        return None
    with zipfile.ZipFile(core_jar) as jar:
        names = jar.namelist()
        if "xerces/impl/xpath/regex/message.properties" in names:
            return None  # a jar that is not affected
        folder = Path(tempfile.mkdtemp(prefix="delibgraph-jena-"))
        for name in names:
            if name.startswith(_XERCES_BUNDLES) and name.endswith(".properties"):
                target = folder / "xerces" / name[len(_XERCES_BUNDLES) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return folder


def jena_shapes() -> Graph:
    """delibgraph's shapes with every property shape named, as Jena is given them."""
    shapes = Graph()
    named: dict[Node, URIRef] = {}
    for n, prop in enumerate(sorted(set(load_shapes().objects(None, SH.property)), key=str)):
        if isinstance(prop, BNode):
            named[prop] = URIRef(f"{SHAPES_NS}property-{n}")
    for s, p, o in load_shapes():
        shapes.add((named.get(s, s), p, named.get(o, o)))
    for prefix, namespace in load_shapes().namespaces():
        shapes.bind(prefix, namespace)
    return shapes


def rename(graph: Graph, renames: Mapping[str, str]) -> Graph:
    """``graph`` with every IRI starting with a key of ``renames`` moved to its value."""
    out = Graph()

    def moved(node: Node) -> Node:
        if isinstance(node, URIRef):
            for old, new in renames.items():
                if str(node).startswith(old):
                    return URIRef(new + str(node)[len(old) :])
        return node

    for s, p, o in graph:
        out.add((moved(s), p, moved(o)))
    return out


def validate_batch(
    jena: Jena, graphs: Mapping[str, Graph], renames: Mapping[str, Mapping[str, str]], work: Path
) -> dict[str, ValidationReport]:
    """Validate each named graph with Jena in one run; reports keyed like ``graphs``.

    ``renames[name]`` moved the graph's IRIs into a namespace of its own (see :func:`rename`);
    each result goes to the graph whose namespace holds its focus node.
    """
    shapes = jena_shapes()
    shapes_file, data_file = work / "shapes.ttl", work / "data.nt"
    shapes.serialize(shapes_file, format="turtle")
    union = Graph()
    for graph in graphs.values():
        union += graph
    union.serialize(data_file, format="nt", encoding="utf-8")
    done = subprocess.run(
        [jena.java, "-cp", jena.classpath, "shacl.shacl", "validate",
         "--shapes", str(shapes_file), "--data", str(data_file)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    if done.returncode != 0 or "ValidationReport" not in done.stdout:
        raise RuntimeError(f"jena shacl failed ({done.returncode}):\n{done.stderr[-3000:]}")
    report = Graph().parse(data=done.stdout, format="turtle")
    per_graph: dict[str, Graph] = {name: Graph() for name in graphs}
    for result in report.objects(None, SH.result):
        focus = str(report.value(result, SH.focusNode))
        owner = next((name for name in graphs if _owns(renames[name], focus)), None)
        if owner is None:
            raise RuntimeError(f"jena reported a focus node outside every graph: {focus}")
        part = per_graph[owner]
        part.add((BNode("report"), SH.result, result))
        part += report.cbd(result)
    return {
        name: read_report(rename(part, _reverse(renames[name])), shapes, source=name)
        for name, part in per_graph.items()
    }


def _owns(renames: Mapping[str, str], iri: str) -> bool:
    return any(iri.startswith(new) for new in renames.values())


def _reverse(renames: Mapping[str, str]) -> dict[str, str]:
    # longest first, so that a namespace nested in another is moved back first
    return dict(sorted(((new, old) for old, new in renames.items()), key=lambda kv: -len(kv[0])))
