"""The SPARQL that reads one body's figures from the stored deliberation graphs.

Each query is restricted to one body (``$body``) and aggregates inside the store as far as it
can, so that only grouped rows travel: :mod:`delibgraph.statistics` turns them into records.
Every pattern stays inside one deliberation graph (``GRAPH ?g``): persons and séances are
repeated in each graph that names them, and a vote event lives in exactly one.
"""

from __future__ import annotations

from delibgraph.vocab import PREFIXES

PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())

# The body's vote events: séance and date (each optional), one row per vote event.
_VOTE_EVENT = """
      ?voteEvent a opengov:VoteEvent ;
                 schema:organizer $body .
      OPTIONAL { ?voteEvent schema:superEvent ?seance }
      OPTIONAL { ?voteEvent schema:startDate ?date }
"""

# Present, represented (gave a proxy) and absent members, counted per member, séance and year.
ROLES = (
    PROLOGUE
    + f"""
SELECT ?member ?seance ?year ?role (COUNT(DISTINCT ?voteEvent) AS ?n)
WHERE {{
  GRAPH ?g {{
    {_VOTE_EVENT}
    {{ ?voteEvent schema:attendee ?member . BIND ("present" AS ?role) }}
    UNION {{ ?voteEvent dlg:proxy/dlg:proxyGiver ?member . BIND ("represented" AS ?role) }}
    UNION {{ ?voteEvent dlg:absentMember ?member . BIND ("absent" AS ?role) }}
  }}
  BIND (YEAR(?date) AS ?year)
}}
GROUP BY ?member ?seance ?year ?role
"""
)

# How many members were present, represented and absent at each vote event of a séance.
EVENT_ATTENDANCE = (
    PROLOGUE
    + """
SELECT ?voteEvent ?seance ?role (COUNT(DISTINCT ?member) AS ?n)
WHERE {
  GRAPH ?g {
    ?voteEvent a opengov:VoteEvent ;
               schema:organizer $body ;
               schema:superEvent ?seance .
    { ?voteEvent schema:attendee ?member . BIND ("present" AS ?role) }
    UNION { ?voteEvent dlg:proxy/dlg:proxyGiver ?member . BIND ("represented" AS ?role) }
    UNION { ?voteEvent dlg:absentMember ?member . BIND ("absent" AS ?role) }
  }
}
GROUP BY ?voteEvent ?seance ?role
"""
)

# Each séance's date (as the séance states it) and the body's name.
SEANCES = (
    PROLOGUE
    + """
SELECT ?seance (MIN(?startDate) AS ?date) (MIN(STR(?label)) AS ?bodyName)
WHERE {
  GRAPH ?g {
    ?voteEvent a opengov:VoteEvent ;
               schema:organizer $body ;
               schema:superEvent ?seance .
    ?seance schema:startDate ?startDate .
    $body skos:prefLabel ?label .
  }
}
GROUP BY ?seance
"""
)

# Individual votes per member, option and set of themes of the act (the register's headings,
# not ACTES matières): each theme as "IRI<US>label", themes joined by <RS>. One row per vote
# event's theme set, so that a vote is counted once in the member's totals and once per theme.
THEME_VOTES = (
    PROLOGUE
    + """
SELECT ?member ?themes ?option (COUNT(*) AS ?n)
WHERE {
  {
    SELECT ?g ?voteEvent (GROUP_CONCAT(?theme; SEPARATOR="\\u001E") AS ?themes)
    WHERE {
      GRAPH ?g {
        ?voteEvent a opengov:VoteEvent ;
                   schema:organizer $body ;
                   prov:generated ?act .
        OPTIONAL {
          ?act eli:is_about ?concept .
          ?concept skos:prefLabel ?label .
          FILTER NOT EXISTS { ?concept skos:inScheme $matieres }
        }
      }
      BIND (CONCAT(STR(?concept), "\\u001F", STR(?label)) AS ?theme)
    }
    GROUP BY ?g ?voteEvent
  }
  GRAPH ?g {
    ?voteEvent opengov:vote ?vote .
    ?vote schema:agent ?member ;
          schema:option ?option .
  }
}
GROUP BY ?member ?themes ?option
"""
)
THEME_SEPARATOR = "\u001e"
THEME_PARTS = "\u001f"

# Proxies per giver, holder (when named) and séance: the vote events (a member gives at most
# one proxy per vote event, so these counts add up) and the first and last date.
PROXIES = (
    PROLOGUE
    + f"""
SELECT ?giver ?holder ?seance (COUNT(DISTINCT ?voteEvent) AS ?events)
       (MIN(?date) AS ?first) (MAX(?date) AS ?last)
WHERE {{
  GRAPH ?g {{
    {_VOTE_EVENT}
    ?voteEvent dlg:proxy ?proxy .
    ?proxy dlg:proxyGiver ?giver .
    OPTIONAL {{ ?proxy dlg:proxyHolder ?holder }}
  }}
}}
GROUP BY ?giver ?holder ?seance
"""
)

# The smallest printed name and family name of one person ($member), over every graph that
# names them. One person per query: the store then reads one index range.
NAME = (
    PROLOGUE
    + """
SELECT (MIN(STR(?printed)) AS ?name) WHERE { GRAPH ?g { $member foaf:name ?printed } }
"""
)
FAMILY_NAME = (
    PROLOGUE
    + """
SELECT (MIN(STR(?family)) AS ?name) WHERE { GRAPH ?g { $member foaf:familyName ?family } }
"""
)

# The bodies whose vote events are in some graphs (bound by VALUES).
BODIES_OF_GRAPHS = (
    PROLOGUE
    + """
SELECT DISTINCT ?body
WHERE {
  VALUES ?g { $graphs }
  GRAPH ?g { ?voteEvent a opengov:VoteEvent ; schema:organizer ?body . }
}
"""
)

# Every body with a vote event in the store.
ALL_BODIES = (
    PROLOGUE
    + """
SELECT DISTINCT ?body
WHERE { GRAPH ?g { ?voteEvent a opengov:VoteEvent ; schema:organizer ?body . } }
"""
)
