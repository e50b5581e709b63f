"""Name folding for matching: one key for the spellings a transliterated name takes.

``anyascii`` turns any script into ASCII; then the variants that romanisation systems disagree
on (``ye``/``e``, ``iy``/``y``/``i``, ``kh``/``h``, ``ts``/``c``, doubled letters, ``y`` between
vowels) collapse to one form. The rules are about spelling systems, not about any name.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from anyascii import anyascii

__all__ = ["fold_name", "name_score"]

# Longest first: each pair maps a spelling to the form all systems share; capitals hold a
# folded sound so that later pairs cannot take it apart.
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("dzh", "J"),
    ("zh", "Z"),
    ("dj", "J"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("ph", "f"),
    ("w", "v"),
    ("x", "ks"),
    ("q", "k"),
    ("ck", "k"),
    ("iia", "ia"),
    ("iya", "ia"),
    ("iyu", "iu"),
    ("yu", "u"),
    ("iu", "u"),
    ("ju", "u"),
    ("ya", "a"),
    ("ia", "a"),
    ("ja", "a"),
    ("ye", "e"),
    ("ie", "e"),
    ("je", "e"),
    ("yo", "o"),
    ("io", "o"),
    ("jo", "o"),
    ("iy", "i"),
    ("yi", "i"),
    ("ii", "i"),
    ("ij", "i"),
    ("y", "i"),
)
_VOWEL_Y = re.compile(r"(?<=[aeiou])i(?=[aeiou])")
_DOUBLE = re.compile(r"([a-z])\1+")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def _fold_word(word: str) -> str:
    for old, new in _VARIANTS:
        word = word.replace(old, new)
    word = _VOWEL_Y.sub("", word).lower()
    return _DOUBLE.sub(r"\1", word)


def fold_name(text: str) -> str:
    """The matching key of a name: ASCII, lower case, words folded, in their order."""
    words = _NON_WORD.split(anyascii(text).lower())
    return " ".join(_fold_word(w) for w in words if w)


def name_score(query: str, label: str) -> float:
    """0–100: how well ``label`` answers ``query`` once both are folded.

    Equal keys score 100; otherwise the best of the whole-string ratio and the share of the
    query's words found among the label's words (so a surname alone still finds the person).
    """
    q, lab = fold_name(query), fold_name(label)
    if not q or not lab:
        return 0.0
    if q == lab:
        return 100.0
    ratio = SequenceMatcher(None, q, lab).ratio()
    qwords, lwords = q.split(), set(lab.split())
    shared = sum(1 for w in qwords if w in lwords) / len(qwords)
    words = shared * len(qwords) / max(len(qwords), len(lwords))
    return round(100 * max(ratio, 0.3 + 0.6 * shared if shared else 0.0, words), 1)
