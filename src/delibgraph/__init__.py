"""delibgraph: French local-council deliberations as validated, queryable linked open data.

The pipeline, each stage callable alone::

    extract(path) -> ExtractedText
    parse(text)   -> list[Deliberation]
    map(d)        -> DeliberationGraph        (RDF, one named graph per deliberation)
    validate(g)   -> ValidationReport         (SHACL, pyshacl)
    load(g)       -> the store                (embedded Oxigraph or a SPARQL 1.1 endpoint)
"""

__version__ = "0.1.0"
