"""The store: the only code that knows Oxigraph, and the build that fills it."""

from kg.store.store import (
    DEFAULT_STORE,
    Store,
    StorePair,
    public_store_path,
    replacing_stores,
    store_location,
    store_size,
)

__all__ = [
    "DEFAULT_STORE",
    "Store",
    "StorePair",
    "public_store_path",
    "replacing_stores",
    "store_location",
    "store_size",
]
