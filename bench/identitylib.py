"""What the identity benchmarks share: one hash of a resolution's clusters and review rows.

Used by ``profile_identity.py`` (identity's CPU in place) and ``bench_front_memory.py`` (the
first half's memory and output), so that their ``identity_sha256`` figures can be compared.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any


def identity_sha256(clusters: Iterable[Any], review_rows: Iterable[Any]) -> str:
    """SHA-256 of the clusters (kind, members, IRI, label, variants, reasons) and the review
    rows (as the review CSV writes them), in the order given: equal for equal resolutions."""
    identity = [
        [c.kind, c.members, str(c.iri), c.label, c.variants, c.reasons] for c in clusters
    ] + [row.as_dict() for row in review_rows]
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()
