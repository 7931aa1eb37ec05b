"""``delibgraph serve``: the graph over HTTP (SPARQL endpoint, dereferenceable IRIs, pages,
DCAT-AP catalogue, VoID, LDES feed, dumps). See :mod:`delibgraph.serve.app` for the routes."""

from delibgraph.serve.app import create_app, run_server

__all__ = ["create_app", "run_server"]
