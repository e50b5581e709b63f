"""The hypothesis settings of the fuzz tests that compare two implementations on generated input.

``make test`` runs a fixed set of examples (derandomised, so that CI is repeatable);
``HYPOTHESIS_PROFILE=long`` (``make fuzz``) runs many more, freshly random.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = 2000 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 300
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES < 2000,
    suppress_health_check=[HealthCheck.too_slow],
)
