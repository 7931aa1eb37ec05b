"""SPARQL 1.1 query results in the four W3C formats: JSON, XML, CSV and TSV.

Written from a :class:`delibgraph.store.QueryResult` (``SELECT`` rows or an ``ASK`` boolean).
CSV gives plain values (IRIs, lexical forms, ``_:`` blank nodes); TSV gives terms in SPARQL /
N-Triples syntax (``<iri>``, ``"text"@fr``, ``"5"^^<…#integer>``), escaped by Oxigraph's own
term writer. ``ASK`` in CSV / TSV is one column ``_askResult``.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

from delibgraph.publish.terms import SPARQL_RESULTS_XML_NS
from delibgraph.store import QueryResult, Term
from delibgraph.store.convert import from_term
from delibgraph.vocab import RDF, XSD

from .negotiation import RESULTS_CSV, RESULTS_JSON, RESULTS_TSV, RESULTS_XML, Format

XSD_STRING = str(XSD.string)
RDF_LANG_STRING = str(RDF.langString)


def serialize_results(result: QueryResult, fmt: Format) -> bytes:
    if fmt is RESULTS_JSON:
        return to_json(result).encode("utf-8")
    if fmt is RESULTS_XML:
        return to_xml(result).encode("utf-8")
    if fmt is RESULTS_CSV:
        return to_csv(result).encode("utf-8")
    if fmt is RESULTS_TSV:
        return to_tsv(result).encode("utf-8")
    raise ValueError(f"not a results format: {fmt.name}")


def to_json(result: QueryResult) -> str:
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [
        {name: _json_term(term) for name, term in zip(result.variables, row, strict=True) if term}
        for row in result.rows
    ]
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False)


def _json_term(term: Term) -> dict[str, str]:
    if term.kind == "iri":
        return {"type": "uri", "value": term.value}
    if term.kind == "bnode":
        return {"type": "bnode", "value": term.value}
    if term.kind == "triple":
        return {"type": "literal", "value": term.value}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype and term.datatype not in (XSD_STRING, RDF_LANG_STRING):
        value["datatype"] = term.datatype
    return value


def to_xml(result: QueryResult) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sparql xmlns="{SPARQL_RESULTS_XML_NS}">']
    if result.boolean is not None:
        out.append("<head/>")
        out.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("<head>")
        out.extend(f"<variable name={quoteattr(name)}/>" for name in result.variables)
        out.append("</head>")
        out.append("<results>")
        for row in result.rows:
            out.append("<result>")
            for name, term in zip(result.variables, row, strict=True):
                if term is not None:
                    out.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _xml_term(term: Term) -> str:
    if term.kind == "iri":
        return f"<uri>{escape(term.value)}</uri>"
    if term.kind == "bnode":
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype and term.datatype not in (XSD_STRING, RDF_LANG_STRING):
        return f"<literal datatype={quoteattr(term.datatype)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def to_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerow(["_askResult"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(term) for term in row])
    return buffer.getvalue()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    return f"_:{term.value}" if term.kind == "bnode" else term.value


def to_tsv(result: QueryResult) -> str:
    if result.boolean is not None:
        return f"?_askResult\n{'true' if result.boolean else 'false'}\n"
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    for row in result.rows:
        lines.append("\t".join(_tsv_value(term) for term in row))
    return "\n".join(lines) + "\n"


def _tsv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if term.kind == "triple":
        return term.value
    return str(from_term(term))
