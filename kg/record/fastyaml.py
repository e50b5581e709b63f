"""PyYAML's safe loading of a case record, with the Python half done in fewer steps.

With PyYAML's C loader (libyaml) the parsing is in C, but two Python steps take most of a
record's time: the resolver, called by the C composer for every scalar to find its tag, and
the constructor, which turns each node into a value through generators and bookkeeping meant
for recursive documents. Here:

- the resolver's answer for a plain scalar is remembered: with no path resolvers (the safe
  loader has none) it depends only on the scalar's text, and a record repeats its keys and
  many of its values (roles, kinds, countries); and the calls that track a node's path for
  path resolvers, which do nothing without them, are builtins that cost no Python frame;
- the nodes of strings, mappings and sequences (nearly all of a record) become values in one
  recursive walk; every other scalar (int, float, bool, null, dates and timestamps) is made by
  the loader's own constructor for its tag, so it is the same value with the same errors.

Anything the walk does not handle the usual way -- a merge key (``<<``), an explicit tag other
than the standard ones, a collection as a key, a node that contains itself -- makes the whole
document go through PyYAML's own constructor instead, from the same nodes; so does a document in
which a value cannot be made (a date that does not exist), so that the error is the one PyYAML
meets first. ``tests/test_fastyaml.py`` compares the values with ``yaml.load(..., SafeLoader)``
on the seed, the gold records, a generated corpus and a file with every kind of value, and the
errors with those of the C loader alone.

Other loaders on PyPI were measured and not adopted (see ``bench/README.md``).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_CACHE_LIMIT = 100_000  # remembered plain scalars per process before the memory is cleared
_REMEMBERED_LENGTH = 80  # longer plain scalars (a sentence) rarely repeat: not remembered


class _Fallback(Exception):
    """The document needs PyYAML's own constructor."""


def remembering_resolver(loader_class: type[yaml.BaseResolver]) -> None:
    """Make ``loader_class.resolve`` remember its tag for each plain scalar's text.

    Only for a loader class without path resolvers (``add_path_resolver``): with them the tag
    also depends on where the scalar is. Checked here, so a class that gains some later keeps
    PyYAML's resolver."""
    if loader_class.yaml_path_resolvers:  # type: ignore[attr-defined]
        return
    resolve = loader_class.resolve
    known: dict[str, str] = {}

    def remembered(self: Any, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode and implicit[0] and len(value) <= _REMEMBERED_LENGTH:
            try:
                return known[value]
            except KeyError:
                pass
            tag: str = resolve(self, kind, value, implicit)
            if len(known) >= _CACHE_LIMIT:
                known.clear()
            known[value] = tag
            return tag
        return resolve(self, kind, value, implicit)

    loader_class.resolve = remembered  # type: ignore[method-assign]
    # The composer also calls descend_resolver(parent, index) and ascend_resolver() around
    # every node, to track the path that path resolvers match; without any they do nothing
    # but cost a Python call each. Builtins that take the same arguments and whose answer is
    # ignored cost no Python frame: slice(parent, index) and tuple().
    loader_class.descend_resolver = staticmethod(slice)  # type: ignore[assignment]
    loader_class.ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]


def load_fast(text: str, loader_class: type[Any]) -> Any:
    """``yaml.load(text, Loader=loader_class)`` for a single document, the same values and the
    same errors, most of the construction done in one walk (see the module's docstring)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _Walk(loader).value(node)
        except Exception:  # noqa: BLE001 - PyYAML's constructor gives the value or its error
            return loader.construct_document(node)
    finally:
        loader.dispose()


class _Walk:
    __slots__ = ("constructors", "done", "loader", "open")

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.constructors = loader.yaml_constructors
        self.done: dict[int, Any] = {}  # collection nodes made (an alias is the same node)
        self.open: set[int] = set()  # collection nodes being made (a node inside itself)

    def value(self, node: Any) -> Any:
        kind = type(node)
        tag = node.tag
        if kind is ScalarNode:
            if tag == _STR:
                return node.value
            make = self.constructors.get(tag)
            if make is None:
                raise _Fallback
            return make(self.loader, node)
        key = id(node)
        if key in self.done:
            return self.done[key]
        if key in self.open:
            raise _Fallback
        self.open.add(key)
        out: Any
        if kind is SequenceNode and tag == _SEQ:
            out = [self.value(child) for child in node.value]
        elif kind is MappingNode and tag == _MAP:
            out = {}
            for key_node, value_node in node.value:
                if type(key_node) is not ScalarNode or key_node.tag == _MERGE:
                    raise _Fallback  # a collection as a key, or a merge key
                out[self.value(key_node)] = self.value(value_node)
        else:
            raise _Fallback
        self.open.discard(key)
        self.done[key] = out
        return out


__all__ = ["load_fast", "remembering_resolver"]
