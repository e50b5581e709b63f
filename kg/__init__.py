"""appeals-kg: human-rights urgent appeals as an evidence-backed RDF knowledge graph."""

__version__ = "0.1.0"
