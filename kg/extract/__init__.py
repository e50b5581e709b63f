"""Appeal text -> draft case record, by general rules, one stage a module.

The stages run in this order (``pipeline.extract_case`` calls them): ``text`` (tokens,
sentences, capitalised runs with exact offsets), ``layout`` (header, date line, title, issuer),
``names`` with ``entities``, ``persons`` and ``provisions`` (who and what is named), ``roles``,
``dates``, ``events`` with ``arguments`` (what happened, when, to whom), ``demands``.
``evaluate`` scores records against gold files; ``batch`` reads files and writes records.
"""

from kg.extract.pipeline import dump_record, extract_case

__all__ = ["dump_record", "extract_case"]
