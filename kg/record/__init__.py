"""Case records (YAML) and RDF: the mapping, identity across appeals, IRI minting."""
