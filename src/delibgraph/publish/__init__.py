"""Publishing the graph: SCDL CSV, DCAT-AP catalogue, VoID, dumps, version log, LDES pages.

The pieces that ``delibgraph serve`` and ``delibgraph export --format scdl`` share.
"""

from delibgraph.publish.scdl import SCDL_COLUMNS, ScdlTable, write_scdl
from delibgraph.publish.versions import Version, list_versions, record_versions

__all__ = ["SCDL_COLUMNS", "ScdlTable", "Version", "list_versions", "record_versions", "write_scdl"]
