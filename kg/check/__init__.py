"""Checks: SHACL validation and SHACL-SPARQL constraints run in the store."""
