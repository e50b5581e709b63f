"""Errors a user can act on.

The library raises :class:`KgError` (or a subclass) for every mistake a user can make: a missing
file, a syntax error, an unknown name. The message says what went wrong, where, and what to try.
The command line prints it as one ``Error: ...`` line and exits with :attr:`KgError.exit_code`.
Any other exception is a bug.
"""

from __future__ import annotations


class KgError(Exception):
    """A problem the user can fix; ``exit_code`` follows the CLI convention (2: could not run)."""

    exit_code = 2


class InputError(KgError):
    """Unreadable or malformed input: a file, a parameter, a record."""


class DataError(KgError):
    """Curated or extracted data that cannot be turned into a graph."""


class QueryError(KgError):
    """A query that cannot be found, parsed or run."""


class StoreError(KgError):
    """The store is missing, locked or cannot be written."""


class RemoteError(KgError):
    """A remote service refused, failed or timed out."""


def did_you_mean(name: str, choices: list[str]) -> str:
    """Return ``" Did you mean 'x'?"`` for the closest choice, or an empty string."""
    import difflib

    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""
