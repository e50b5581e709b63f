"""Many patterns over one text in about one pass.

A trigger lexicon compiles to some thirty regular expressions; scanning the text once per
pattern was most of the time spent on an appeal. Most patterns can only start with one of a
few literal prefixes ("arr", "det", "[Tt]he"); :class:`Scanner` reads those prefixes from the
parsed patterns, reads the words of the text once, and tries each pattern only at the words
that begin with one of its prefixes. ``Pattern.match`` at a position sees the text before it
(look-behinds and ``\\b``) as a search does. A pattern whose start cannot be told by a
literal that opens a word (``[^.;]{0,40} from``, ``“...``) is scanned whole, as before, and
keeps its matches that are not inside a word.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from kg.extract.text import WORD

#: Prefix length read from the patterns: long enough to be selective, short enough that an
#: alternation of words still gives one prefix per word.
PREFIX = 3
#: Prefix length a :class:`Scanner` reads. It looks each distinct word of a text up once and
#: keeps the answer for the texts after, so a longer literal costs nothing per text, and it
#: spares the tries at words that only share the first letters of one ("them" where a row
#: opens with "their", "authorities" where one opens with "authorised"): about half the
#: trigger patterns' tries an appeal.
WORD_PREFIX = 12
#: A character class of at most this many literals ("[Hh]", "[Aa]") is spelled out.
SMALL_CLASS = 4
#: Words whose patterns a scanner keeps; past this many it starts afresh, so that texts of
#: random words cannot grow it without end.
WORD_CACHE = 50_000

Prefixes = set[tuple[str, bool]]  # (literal prefix, whether the literal can go on)
#: Marks the end of a word in a prefix: white space must follow the literal before it.
END = "\x00"
SPACE = [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])]


def _element(op: Any, av: Any, k: int) -> Prefixes:
    """The literal prefixes of one parsed element, up to ``k`` characters."""
    if op is sre.LITERAL:
        return {(chr(av), True)}
    if op is sre.IN and len(av) <= SMALL_CLASS and all(o is sre.LITERAL for o, _ in av):
        return {(chr(v), True) for _, v in av}
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return _sequence(av[3], k)
    if op is sre.BRANCH:
        return {p for branch in av[1] for p in _sequence(branch, k)}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {("", True)}  # zero width: only narrows where a match starts
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] == 1:
        inner = _sequence(av[2], k)  # "(?:re)?": absent, or once and then what follows
        return inner | {("", True)} if av[0] == 0 else inner
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1 and list(av[2]) == SPACE:
        return {(END, False)}
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
        return {(p, False) for p, _ in _sequence(av[2], k)}
    return {("", False)}


def _sequence(items: Iterable[tuple[Any, Any]], k: int) -> Prefixes:
    state: Prefixes = {("", True)}
    for op, av in items:
        if not any(more and len(p) < k for p, more in state):
            break
        new: Prefixes = set()
        for p, more in state:
            if not more or len(p) >= k:
                new.add((p[:k], False))
                continue
            for s, more2 in _element(op, av, k - len(p)):
                q = p + s
                new.add((q[:k], more2 and len(q) < k))
        state = new
    return {(p[:k], more and len(p) < k) for p, more in state}


def literal_prefixes(rx: re.Pattern[str], k: int = PREFIX) -> set[str] | None:
    """Literals one of which starts every match of ``rx``, or None when a match may start
    with something else (a class, a repeat, a back-reference). A literal is at most ``k``
    characters long, or a whole word followed by white space, written with a trailing
    :data:`END` ("the" + END: the word "the", not "there")."""
    items = _parsed(rx)
    return None if items is None else _literals(items, k)


def _parsed(rx: re.Pattern[str]) -> list[tuple[Any, Any]] | None:
    """The parsed items of ``rx``, or None for a pattern whose literals are not read."""
    if rx.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        return list(sre_parse.parse(rx.pattern, rx.flags))
    except re.error:  # pragma: no cover - rx compiled already
        return None


def _literals(items: list[tuple[Any, Any]], k: int) -> set[str] | None:
    """:func:`literal_prefixes` of a parsed pattern."""
    found = set()
    for p, _ in _sequence(items, k + 1):
        word, end, _ = p.partition(END)
        found.add(word + END if end and word.isalnum() else word[:k])
    return None if "" in found else found


class Scanner:
    """The matches of several patterns that start a word, the text read about once.

    A match starts a word when it is at the start of the text or after a character that is not
    a letter or a digit. For each pattern the matches come left to right, each one after the
    end of the one before, as ``finditer`` gives them, except that a match inside a word is
    never tried and so never hides a later one. A pattern without a literal start is scanned
    whole with ``finditer`` and its matches inside a word are left out.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]], k: int = WORD_PREFIX) -> None:
        self.patterns = list(patterns)
        #: The patterns scanned whole (no literal start), by index.
        self.whole: tuple[int, ...] = ()
        #: For a pattern scanned whole, where its matches may start, when that can be told
        #: (:func:`_start_plan`).
        self._starts: dict[int, tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]] = {}
        by_prefix: dict[str, set[int]] = {}
        by_word: dict[str, list[int]] = {}
        for i, rx in enumerate(self.patterns):
            found = literal_prefixes(rx, k)
            if found is None or not all(p[0].isalnum() for p in found):
                self.whole += (i,)  # scanned whole
                starts = _start_plan(rx)
                if starts is not None:
                    self._starts[i] = starts
                continue
            for p in found:
                if p.endswith(END):
                    by_word.setdefault(p[:-1], []).append(i)
                else:  # a word holds letters and digits: "El Salvador" is found by "El"
                    head = re.match(r"[^\W_]+", p)
                    by_prefix.setdefault(head.group() if head else p, set()).add(i)
        self._by_prefix = by_prefix
        self._by_word = {w: tuple(ix) for w, ix in by_word.items()}
        self._head = max(map(len, by_prefix), default=0)
        self._at_head: dict[str, tuple[int, ...]] = {}  # filled as words are met
        #: The patterns of each whole word met, read once for all texts: an appeal has some
        #: four hundred distinct words, most of them met in the appeals before.
        self._at_word: dict[str, tuple[int, ...]] = {}
        #: The words met that start no pattern, most of them: a text's distinct words are
        #: looked up in it one by one, and only the others are read further.
        self._no_pattern: set[str] = set()

    def patterns_of_word(self, word: str) -> tuple[int, ...]:
        """The patterns (but those scanned whole) that may match at a word, as :meth:`places`
        tries them."""
        found = set(self._patterns_at(word[: self._head]))
        return tuple(sorted(found.union(self._by_word.get(word, ()))))

    def _patterns_of(self, word: str) -> tuple[int, ...]:
        """The patterns that may start at ``word``, a pattern twice when both its prefix and
        its whole word fit, as :meth:`places` once tried them one after the other."""
        head = word[: self._head]
        ix = self._at_head.get(head)
        if ix is None:
            ix = self._patterns_at(head)
        return ix + self._by_word.get(word, ())

    def _patterns_at(self, head: str) -> tuple[int, ...]:
        """The patterns that a word starting with ``head`` may start, in order."""
        found = {i for n in range(1, len(head) + 1) for i in self._by_prefix.get(head[:n], ())}
        ix = self._at_head[head] = tuple(sorted(found))
        return ix

    def finditer(
        self,
        text: str,
        stop: int,
        words: list[tuple[int, str]] | None = None,
        index: dict[str, list[int]] | None = None,
    ) -> list[list[re.Match[str]]]:
        """Per pattern, its matches in ``text[:stop]`` that start a word. ``words`` are those
        of the text as :attr:`kg.extract.text.Doc.words` gives them, read once for all
        scanners; ``index`` the same as :attr:`kg.extract.text.Doc.word_index` gives them
        (each distinct word once, used when ``stop`` is the end of the text); by default the
        words are read here."""
        return self.match_at(text, stop, self.places(text, stop, words, index))

    def places(
        self,
        text: str,
        stop: int,
        words: list[tuple[int, str]] | None = None,
        index: dict[str, list[int]] | None = None,
    ) -> list[list[int]]:
        """Per pattern, the word starts in ``text[:stop]`` where it may match (in text order,
        a place given twice when two prefixes fit), as :meth:`finditer` reads them."""
        places: list[list[int]] = [[] for _ in self.patterns]
        by_word, at_head, n = self._by_word, self._at_head, self._head
        if index is not None and stop >= len(text):
            # (most words start no pattern)
            for ix, starts in indexed_words(
                index, self._at_word, self._no_pattern, self._patterns_of
            ):
                for i in ix:
                    places[i].extend(starts)
            for p in places:
                if len(p) > 1:  # most patterns have no place or one
                    p.sort()
            return places
        if words is None:
            words = [(m.start(), m.group()) for m in WORD.finditer(text, 0, stop)]
        for a, word in words:
            if a + len(word) > stop:
                if a >= stop:
                    break
                word = word[: stop - a]
            head = word[:n]
            ix = at_head.get(head)
            if ix is None:
                ix = self._patterns_at(head)
            for i in ix:
                places[i].append(a)
            if word in by_word:
                for i in by_word[word]:
                    places[i].append(a)
        return places

    def match_at(self, text: str, stop: int, places: list[list[int]]) -> list[list[re.Match[str]]]:
        """Each pattern tried at its places (in text order), as ``finditer`` would go on."""
        for i in self.whole:
            plan = self._starts.get(i)
            found = (
                self.patterns[i].finditer(text, 0, stop)
                if plan is None
                else finditer_from(self.patterns[i], text, stop, _plan_places(text, stop, *plan))
            )
            places[i] = [
                m.start() for m in found if m.start() == 0 or not text[m.start() - 1].isalnum()
            ]
        out: list[list[re.Match[str]]] = []
        for rx, starts in zip(self.patterns, places, strict=True):
            found: list[re.Match[str]] = []
            pos = -1
            for a in starts:  # in text order, a word given twice when two prefixes fit
                if a < pos:
                    continue
                pos = a + 1
                m = rx.match(text, a, stop)
                if m:
                    found.append(m)
                    pos = max(m.end(), pos)
            out.append(found)
        return out


def _expand(items: Iterable[tuple[Any, Any]]) -> list[str] | None:
    """Every string a parsed sequence matches, or None when it is not a short finite list of
    literals (a class of more than a few characters, a repeat other than "?")."""
    out = [""]
    for op, av in items:
        if op is sre.LITERAL:
            alts: list[str] | None = [chr(av)]
        elif op is sre.IN and len(av) <= SMALL_CLASS and all(o is sre.LITERAL for o, _ in av):
            alts = [chr(v) for _, v in av]
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:
            alts = _expand(av[3])
        elif op is sre.BRANCH:
            parts = [_expand(b) for b in av[1]]
            alts = None if any(x is None for x in parts) else [a for x in parts for a in x or []]
        elif op is sre.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            inner = _expand(av[2])
            alts = None if inner is None else ["", *inner]
        else:
            return None
        if alts is None or len(out) * len(alts) > 1000:
            return None
        out = [o + a for o in out for a in alts]
    return out


def group_literals(rx: re.Pattern[str], group: str) -> list[str] | None:
    """The strings the named group of ``rx`` can match, longest first, when they are a finite
    list of literals; else None."""
    index = rx.groupindex[group]

    def find(items: Iterable[tuple[Any, Any]]) -> Any:
        for op, av in items:
            if op is sre.SUBPATTERN and av[0] == index:
                return av[3]
            for sub in av if isinstance(av, (list, tuple)) else ():
                if isinstance(sub, sre_parse.SubPattern):
                    hit = find(sub)
                    if hit is not None:
                        return hit
                elif isinstance(sub, (list, tuple)):
                    for x in sub:
                        if isinstance(x, sre_parse.SubPattern):
                            hit = find(x)
                            if hit is not None:
                                return hit
        return None

    body = find(sre_parse.parse(rx.pattern, rx.flags))
    found = None if body is None else _expand(body)
    return None if found is None else sorted(set(found), key=lambda w: (-len(w), w))


def finditer_near(
    rx: re.Pattern[str], flat: str, anchors: tuple[str, ...], before: int = 200, after: int = 300
) -> list[re.Match[str]]:
    """``rx.finditer(flat)`` run only over the stretches around its anchor words. The
    stretches are merged and wide enough to hold any match (every match holds an anchor, and
    starts at most ``before`` characters before it and ends at most ``after`` after its start),
    so the matches are the same."""
    return _finditer_in(rx, flat, _near_spans(flat, anchors, before, after))


def _near_spans(
    flat: str, anchors: tuple[str, ...], before: int, after: int
) -> list[tuple[int, int]]:
    """The stretches :func:`finditer_near` reads around each anchor word, not yet merged."""
    n = len(flat)
    return [
        (max(0, i - before), min(n, i + len(word) + after))
        for word in anchors
        for i in occurrences(flat, word)
    ]


def indexed_words(
    index: dict[str, list[int]],
    known: dict[str, Any],
    none: set[str],
    read: Callable[[str], Any],
) -> Iterator[tuple[Any, list[int]]]:
    """What ``read`` finds in each word of a word index that it finds anything in, with the
    word's starts: ``known`` and ``none`` keep what was read of the words met before (in the
    texts before too), so that most words cost a lookup in ``none`` (past
    :data:`WORD_CACHE` words both start afresh)."""
    if len(known) + len(none) > WORD_CACHE:
        known.clear()
        none.clear()
    for word in itertools.filterfalse(none.__contains__, index):  # most hold nothing
        found = known.get(word)
        if found is None:
            found = read(word)
            if not found:
                none.add(word)
                continue
            known[word] = found
        yield found, index[word]


def occurrences(text: str, word: str, start: int = 0) -> Iterator[int]:
    """Where ``word`` stands in ``text`` from ``start`` on, left to right, overlapping ones
    included, found by ``str.find`` (a scan in C, not a pattern tried at every character)."""
    i = text.find(word, start)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def finditer_near_at(
    rx: re.Pattern[str],
    flat: str,
    anchors: tuple[str, ...],
    places: list[int],
    before: int = 200,
    after: int = 300,
) -> list[re.Match[str]]:
    """``finditer_near(rx, flat, anchors, before, after)`` for a pattern whose matches (never
    empty) start only at ``places`` (in text order): in each stretch around the anchors the
    pattern is tried at those places, left to right, each after the end of the match before,
    as ``finditer`` reads the stretch, rather than at every character of it."""
    found: list[re.Match[str]] = []
    for a, b in _merged(_near_spans(flat, anchors, before, after)):
        pos = a
        for x in places[bisect.bisect_left(places, a) : bisect.bisect_left(places, b)]:
            if x < pos:
                continue
            m = rx.match(flat, x, b)
            if m:
                found.append(m)
                pos = m.end()
    return found


def finditer_around(
    rx: re.Pattern[str], flat: str, anchor: re.Pattern[str], before: int, after: int
) -> list[re.Match[str]]:
    """``rx.finditer(flat)`` run only over the stretches around the matches of ``anchor``, as
    :func:`finditer_near` runs it around words: every match of ``rx`` holds a match of
    ``anchor``, starts at most ``before`` characters before it and ends, with the characters
    its look-aheads read, at most ``after`` characters after its start."""
    n = len(flat)
    spans = [(max(0, i - before), min(n, i + after)) for i in map(_start, anchor.finditer(flat))]
    return _finditer_in(rx, flat, spans)


_start = operator.methodcaller("start")


def _finditer_in(
    rx: re.Pattern[str], flat: str, spans: list[tuple[int, int]]
) -> list[re.Match[str]]:
    """The matches of ``rx`` in the stretches ``spans``, merged where they meet."""
    return [m for a, b in _merged(spans) for m in rx.finditer(flat, a, b)]


def _merged(spans: list[tuple[int, int]]) -> list[list[int]]:
    """The stretches ``spans`` in order, merged where they meet."""
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


def finditer_at(rx: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """What ``rx.finditer(text)`` gives when every match of ``rx`` (never an empty one) can
    only start at one of ``starts`` (in text order): the pattern is tried at those places, not
    at every character.
    ``match`` at a place sees the text before it, as a search does."""
    found: list[re.Match[str]] = []
    pos = 0
    for a in starts:
        if a < pos:
            continue
        m = rx.match(text, a)
        if m:
            found.append(m)
            pos = max(m.end(), a + 1)
    return found


def finditer_words(
    rx: re.Pattern[str], text: str, index: dict[str, list[int]], words: Iterable[str]
) -> list[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern whose every match opens with one of ``words``, a
    whole word of letters and digits: the pattern is tried where the text's word index
    (:attr:`kg.extract.text.Doc.word_index`) has one of them, not at every character."""
    return finditer_at(rx, text, sorted(a for w in words for a in index.get(w, ())))


#: The literal prefixes of the patterns :func:`finditer_prefixed` has read, by pattern.
_PREFIXES: dict[tuple[re.Pattern[str], int], tuple[str, ...] | None] = {}
#: How long a literal :func:`finditer_prefixed` looks for may be, unless told otherwise.
LITERAL_MOST = 12


def finditer_prefixed(rx: re.Pattern[str], text: str, k: int = LITERAL_MOST) -> list[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern whose matches open with one of a few literals
    (:func:`literal_prefixes`, of up to ``k`` characters): the literals are found by
    ``str.find`` and the pattern tried there only. An alternation of words
    ("unknown|masked|armed") is otherwise tried at every character of the text. A pattern
    whose start no literal tells is scanned whole. Longer literals ("[Tt]he prosecutor" read
    as "The pros" and "the pros", not "The" and "the") leave fewer places to try, and are
    found faster (:func:`_cheapest_literals`)."""
    if (rx, k) not in _PREFIXES:
        _PREFIXES[rx, k] = _cheapest_literals(rx, k)
    prefixes = _PREFIXES[rx, k]
    if prefixes is None:
        return list(rx.finditer(text))
    starts = {i for p in prefixes for i in occurrences(text, p)}
    return finditer_at(rx, text, sorted(starts))


#: The word characters a literal opens with (none for "'s ").
WORD_HEAD = re.compile(r"[^\W_]*")


class LiteralPlaces:
    """:func:`finditer_prefixed` for several patterns, their literals found in one reading of
    the text's word index (:attr:`kg.extract.text.Doc.word_index`) rather than by a
    ``str.find`` over the whole text for each literal of each pattern (some hundred scans for
    the anchors of unnamed actors).

    A literal that opens with word characters stands where its opening word characters do,
    inside one word of the index: anywhere in it when the literal is word characters only
    ("son" in "person" too, as ``str.find`` finds it), else at the word's end, the rest of the
    literal checked in the text ("members of"). A literal that opens with another character
    ("'s Head") is checked where ``str.find`` finds that character. Since a literal's places
    cost a word's lookup, not a scan, the longest literals are used: fewer places to try the
    patterns at."""

    def __init__(self, patterns: Iterable[re.Pattern[str]], k: int = LITERAL_MOST) -> None:
        self.k = k
        self.patterns: list[re.Pattern[str]] = []
        #: Each pattern's literals, None for a pattern scanned whole.
        self.prefixes: list[tuple[str, ...] | None] = []
        #: (pattern, opening word characters) -> the pattern's literals with those
        self._by_head: dict[tuple[int, str], tuple[str, ...]] = {}
        self._by_mark: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self._at_word: dict[str, tuple[tuple[int, int, tuple[str, ...] | None], ...]] = {}
        self._no_literal: set[str] = set()
        self._number: dict[re.Pattern[str], int] = {}
        self._text: str | None = None  # the text the places were read for last, and them
        self._places: list[list[int]] = []
        for rx in patterns:
            self.add(rx)

    def add(self, rx: re.Pattern[str]) -> int:
        """Reads ``rx``'s literals (the words read so far are read again); its number."""
        if rx in self._number:
            return self._number[rx]
        i = self._number[rx] = len(self.patterns)
        self.patterns.append(rx)
        items = _parsed(rx)
        found = None if items is None else _literals(items, self.k)
        literals = None if found is None else _shortest({p.rstrip(END) for p in found})
        self.prefixes.append(literals)
        by_mark: dict[str, list[str]] = {}
        for p in literals or ():
            head = WORD_HEAD.match(p).group()  # type: ignore[union-attr]
            if head:
                self._by_head[i, head] = (*self._by_head.get((i, head), ()), p)
            else:
                by_mark.setdefault(p[0], []).append(p)
        for mark, ps in by_mark.items():
            self._by_mark.setdefault(mark, []).append((i, tuple(ps)))
        # what a word must end with or hold for any literal to stand in it: most words of a
        # text the words read so far do not have are passed over at once
        whole = sorted({h for (_, h), ps in self._by_head.items() if h in ps})
        self._ends = tuple({h for (_, h), ps in self._by_head.items() if h not in ps})
        self._inside = re.compile("|".join(map(re.escape, whole))) if whole else None
        self._at_word.clear()
        self._no_literal.clear()
        self._text = None
        return i

    def _in_word(self, word: str) -> tuple[tuple[int, int, tuple[str, ...] | None], ...]:
        """Where in ``word`` a literal of each pattern may stand: (pattern, offset, the
        literals to check in the text there, or None when the word holds one whole)."""
        if not word.endswith(self._ends) and not (self._inside and self._inside.search(word)):
            return ()
        out = []
        for (i, head), literals in self._by_head.items():
            if head in literals:  # word characters only, so a shorter one is not kept
                out.extend((i, j, None) for j in occurrences(word, head))
            elif word.endswith(head):
                out.append((i, len(word) - len(head), literals))
        return tuple(out)

    def places(self, text: str, index: dict[str, list[int]]) -> list[list[int]]:
        """Per pattern, where its literals stand in ``text`` (not in order, a place possibly
        twice), ``index`` the text's word index."""
        found: list[list[int]] = [[] for _ in self.patterns]
        # (most words hold no literal)
        for hits, starts in indexed_words(index, self._at_word, self._no_literal, self._in_word):
            for i, j, literals in hits:
                if literals is None:
                    found[i].extend([a + j for a in starts])
                else:
                    found[i].extend([a + j for a in starts if text.startswith(literals, a + j)])
        for mark, groups in self._by_mark.items():
            at = list(occurrences(text, mark))
            for i, literals in groups:
                found[i].extend([a for a in at if text.startswith(literals, a)])
        return found

    def finditer(self, i: int, text: str, places: list[list[int]]) -> list[re.Match[str]]:
        """``rx.finditer(text)`` for the ``i``-th pattern, tried at the :meth:`places` of its
        literals, or over the whole text for a pattern whose start no literal tells."""
        rx = self.patterns[i]
        if self.prefixes[i] is None:
            return list(rx.finditer(text))
        return finditer_at(rx, text, sorted(set(places[i])))

    def finditer_indexed(
        self, rx: re.Pattern[str], text: str, index: dict[str, list[int]]
    ) -> list[re.Match[str]]:
        """``rx.finditer(text)``, ``index`` the word index of the whole text: the places of
        every pattern read once for the text (kept until another text comes), a pattern not
        seen before added first."""
        i = self._number.get(rx)
        if i is None:
            i = self.add(rx)
        if text is not self._text:
            self._places = self.places(text, index)
            self._text = text
        return self.finditer(i, text, self._places)


#: The patterns of :func:`finditer_indexed`, their places read together.
INDEXED = LiteralPlaces([])


def finditer_indexed(
    rx: re.Pattern[str], text: str, index: dict[str, list[int]]
) -> list[re.Match[str]]:
    """:func:`finditer_prefixed` for a pattern whose literals are read from the word index of
    ``text`` (:attr:`kg.extract.text.Doc.word_index`), with those of the other patterns
    searched so, in one reading for them all (:class:`LiteralPlaces`)."""
    return INDEXED.finditer_indexed(rx, text, index)


def _cheapest_literals(rx: re.Pattern[str], most: int) -> tuple[str, ...] | None:
    """The literals of ``rx`` (:func:`literal_prefixes`) of up to ``most`` characters that are
    the cheapest to look for, or None when no literal starts every match. ``str.find`` reads
    about one character in ``len(literal) + 1`` of the text (it skips on by the literal's
    length where the character after a window is not in it), so a literal costs about
    ``1 / (len + 1)`` of a scan: "police" is found faster than "pol", but "prison g", "prison
    o", "prison s" cost more than "pris". Each length up to ``most`` is weighed once a pattern,
    the shortest of the cheapest kept."""
    items = _parsed(rx)
    if items is None:
        return None
    best: tuple[str, ...] | None = None
    cost = 0.0
    for n in range(1, most + 1):
        found = _literals(items, n)
        if found is None:
            return None
        literals = _shortest({p.rstrip(END) for p in found})
        c = sum(1 / (len(p) + 1) for p in literals)
        if best is None or c < cost:
            best, cost = literals, c
    return best


def _shortest(literals: set[str]) -> tuple[str, ...]:
    """The literals that do not open with another of them: where "Mrs" is, "Mr" is too, so the
    text need not be read for "Mrs" ("Mr", "Mr." and "Mrs" are read as "Mr")."""
    return tuple(
        sorted(p for p in literals if not any(p != q and p.startswith(q) for q in literals))
    )


def holds_any(text: str, words: Iterable[str], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds one of ``words``: a pattern every match of which holds
    one of them need not be searched where none is (``str.find`` is a scan in C)."""
    for w in words:  # a loop, not ``any`` over a generator: called some 200 times a text
        if text.find(w, start, end) >= 0:
            return True
    return False


def opens_with_literal(rx: re.Pattern[str], n: int = PREFIX) -> bool:
    """Whether every match of ``rx`` opens with the same literal of ``n`` characters: the
    regex engine then finds its places itself, as fast as :func:`finditer_prefixed`."""
    items = list(sre_parse.parse(rx.pattern, rx.flags))[:n]
    return len(items) == n and all(op is sre.LITERAL for op, _ in items) and not rx.flags & re.I


#: A word of letters and digits, as :attr:`kg.extract.text.Doc.word_index` holds them.
_WORD_ONLY = re.compile(r"[^\W_]+")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _boundary(text: str, i: int) -> bool:
    """``\\b`` at ``i``: a word character on one side only."""
    before = i > 0 and _is_word_char(text[i - 1])
    after = i < len(text) and _is_word_char(text[i])
    return before != after


def find_words(
    text: str, words: Sequence[str], index: dict[str, list[int]] | None = None
) -> list[tuple[int, int]]:
    """The spans ``re.finditer(r"\\b(?:w1|w2|...)\\b", text)`` gives for these words, without
    compiling a pattern for each text (the words are names read from it, so no cache helps):
    at each place the first word in order that fits, then on after its end.

    ``index``, the starts of each word of ``text`` (:attr:`kg.extract.text.Doc.word_index`),
    gives the places of words of letters and digits only, without searching the text: each is
    a whole word of the index, where ``\\b`` opens and closes it unless an underscore is next
    to it, and no two such words overlap."""
    if index is not None and all(map(_WORD_ONLY.fullmatch, words)):
        spans = []
        underscore = "_" in text
        for w in set(words):
            n = len(w)
            for a in index.get(w, ()):
                if not underscore or (text[a - 1 : a] != "_" and text[a + n : a + n + 1] != "_"):
                    spans.append((a, a + n))
        return sorted(spans)
    found: dict[int, tuple[int, int]] = {}  # start -> (order of the word, end)
    for k, w in enumerate(words):
        if not w:
            continue
        i = text.find(w)
        while i >= 0:
            end = i + len(w)
            if i not in found and _boundary(text, i) and _boundary(text, end):
                found[i] = (k, end)
            i = text.find(w, i + 1)
    out: list[tuple[int, int]] = []
    pos = 0
    for a in sorted(found):
        if a >= pos:
            out.append((a, found[a][1]))
            pos = found[a][1]
    return out


class TailPattern:
    """A pattern that matches only at the end of the words before a name ("..., his wife,"),
    searched only when those words can end as it needs: most of the time they cannot, and
    ``search`` would try the pattern at every position to find that out.

    ``ends``: strings one of which the text ends with, once trailing white space and then the
    characters of ``strip`` are taken off, whenever the pattern matches; ``needs``: strings one
    of which the text holds whenever it matches. Both must follow from the pattern: they only
    skip searches that would find nothing, so ``search`` gives what ``rx.search`` gives
    (tests/test_extract_scan.py compares them).
    """

    def __init__(
        self,
        rx: re.Pattern[str],
        ends: Iterable[str] = (),
        strip: str = "",
        needs: Iterable[str] = (),
    ) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.ends = tuple(ends)
        self.strip = strip
        self.needs = tuple(needs)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``rx.search(text, pos, endpos)``: the pattern ends at ``endpos``."""
        part = text if pos == 0 and endpos is None else text[pos:endpos]
        if self.ends and not part.rstrip().rstrip(self.strip).endswith(self.ends):
            return None
        if self.needs:
            for n in self.needs:  # a loop, not ``any`` over a generator: searched very often
                if n in part:
                    break
            else:
                return None
        return self.rx.search(text, pos) if endpos is None else self.rx.search(text, pos, endpos)


class WordsAtEnd:
    """A case-blind pattern of a few words that ends the text (``(?:until|since)\\s*$``),
    searched only when the text, white space taken off its end, ends with a letter one of the
    words ends with: most of the time it does not, and ``search`` would try every word at every
    position (the case-blind pattern has no literal the engine can skip to) to find that out.

    The letters are read from the pattern. A text ending with a character outside ASCII is
    searched, as case-blind matching may fold it onto one of them ("K" the Kelvin sign)."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        items = list(sre_parse.parse(rx.pattern, rx.flags))
        words = _expand(items[:-2]) if _spaces_then_end(items[-2:]) else None
        if not words or not all(words):
            raise ValueError(f"not words before white space and the end: {rx.pattern!r}")
        #: The last letters of the words, in lower case (the pattern is case-blind).
        self.last = frozenset(w[-1].lower() for w in words)

    def search(self, text: str) -> re.Match[str] | None:
        """``rx.search(text)``."""
        end = text.rstrip()[-1:]
        if end.isascii() and end.lower() not in self.last:
            return None
        return self.rx.search(text)


def _spaces_then_end(items: list[tuple[Any, Any]]) -> bool:
    """Whether parsed items are ``\\s*$``."""
    if len(items) != 2 or items[1] != (sre.AT, sre.AT_END):
        return False
    op, av = items[0]
    return op is sre.MAX_REPEAT and av[:2] == (0, sre.MAXREPEAT) and list(av[2]) == SPACE


#: The start of a word: what a pattern opening with ``\b`` and a letter can start at.
WORD_START = re.compile(r"\b\w")


class WordStartPatterns:
    """Patterns that open with ``\\b`` and then one of a few literals, searched in a short text
    by trying each only where a word starts with one of its literals.

    ``rx.search`` tries every alternative of a long alternation at every character; here the
    words of the text are read once and each pattern is matched at its few places, left to
    right, so that :meth:`search` gives what ``rx.search`` gives (a match at a place sees the
    text before it, as a search does). A pattern whose literals cannot be read is searched
    whole.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        #: The patterns searched whole, by index.
        self.whole: frozenset[int] = frozenset()
        by_prefix: dict[str, list[int]] = {}
        for i, rx in enumerate(self.patterns):
            found = literal_prefixes(rx) if rx.pattern.startswith(r"\b") else None
            heads = None if found is None else {p.removesuffix(END) for p in found}
            if not heads or not all(WORD_START.match(h) for h in heads):
                self.whole |= {i}
                continue
            for h in heads:
                by_prefix.setdefault(h, []).append(i)
        self._by_prefix = {h: tuple(ix) for h, ix in by_prefix.items()}
        self._lengths = sorted({len(h) for h in by_prefix})

    def places(self, text: str) -> dict[int, list[int]]:
        """Per pattern (but those searched whole), the word starts where it may match, in
        text order."""
        out: dict[int, list[int]] = {}
        get = self._by_prefix.get
        for w in WORD_START.finditer(text):
            a = w.start()
            for n in self._lengths:
                for i in get(text[a : a + n], ()):
                    starts = out.setdefault(i, [])
                    if not starts or starts[-1] != a:
                        starts.append(a)
        return out

    def search(self, i: int, text: str, places: dict[int, list[int]]) -> re.Match[str] | None:
        """``patterns[i].search(text)``, with ``places`` as :meth:`places` gave them."""
        rx = self.patterns[i]
        if i in self.whole:
            return rx.search(text)
        for a in places.get(i, ()):
            m = rx.match(text, a)
            if m:
                return m
        return None


def _start_plan(
    rx: re.Pattern[str],
) -> tuple[tuple[str, ...], tuple[re.Pattern[str], ...]] | None:
    """Where the matches of an alternation scanned whole may start: the literals its
    alternatives open with (found anywhere in the text, not only at word starts), and, for
    each alternative that opens with no literal ("[\\w’'-]++ days"), that alternative on its
    own, to be searched for every place it matches. A match of the alternation starts where
    one of its alternatives matches. None for a case-blind pattern or one that may match an
    empty string."""
    if rx.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    parsed = sre_parse.parse(rx.pattern, rx.flags)
    if parsed.getwidth()[0] < 1:
        return None
    items = list(parsed)
    alts = items[0][1][1] if len(items) == 1 and items[0][0] is sre.BRANCH else [parsed]
    literals: set[str] = set()
    others: list[re.Pattern[str]] = []
    for alt in alts:
        heads = {p.partition(END)[0][:PREFIX] for p, _ in _sequence(list(alt), PREFIX + 1)}
        if "" not in heads:
            literals.update(heads)
            continue
        first = list(alt)[0]
        if first[0] is sre.POSSESSIVE_REPEAT and first[1][0] >= 1 and len(first[1][2]) == 1:
            # "[\\w’'-]++ days": it matches inside a run of the class only if it matches at
            # the run's start (the run is taken whole from either place, and what follows is
            # the same), so it is searched at run starts only; a search that starts inside a
            # run tries its own start too (finditer_from)
            cls = sre_parse.SubPattern(alt.state, list(first[1][2]))
            alt = sre_parse.SubPattern(alt.state, [(sre.ASSERT_NOT, (-1, cls)), *alt])
        others.append(sre_compile.compile(alt, rx.flags))
    return tuple(sorted(literals)), tuple(others)


def _plan_places(
    text: str, stop: int, literals: tuple[str, ...], others: tuple[re.Pattern[str], ...]
) -> list[int]:
    """The places, in text order, where a pattern with this plan (:func:`_start_plan`) may
    start a match in ``text[:stop]``."""
    places: set[int] = set()
    for lit in literals:
        i = text.find(lit, 0, stop)
        while i >= 0:
            places.add(i)
            i = text.find(lit, i + 1, stop)
    for alt in others:  # every place it matches, overlapping ones too
        m = alt.search(text, 0, stop)
        while m:
            places.add(m.start())
            m = alt.search(text, m.start() + 1, stop)
    return sorted(places)


def finditer_from(
    rx: re.Pattern[str], text: str, stop: int, places: list[int]
) -> list[re.Match[str]]:
    """``rx.finditer(text, 0, stop)`` for a pattern whose matches are never empty and start
    only at ``places`` (in text order) or where a search starts (the end of the match before):
    the pattern is tried there, on after each match."""
    found: list[re.Match[str]] = []
    pos, k, n = 0, 0, len(places)
    while True:
        m = rx.match(text, pos, stop) if found else None  # where the search starts
        while m is None and k < n:
            if places[k] > pos or (places[k] == pos and not found):
                m = rx.match(text, places[k], stop)
            k += 1
        if m is None:
            return found
        found.append(m)
        pos = m.end()
