"""The scanner finds what each pattern's own scan finds at word starts, reading the text once."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.extract.bodies import LEVEL_GOVERNMENT, MISSION, MISSION_WORDS
from kg.extract.dates import DATE_RE, REL_RE, _date_starts, _rel_starts
from kg.extract.demands import (
    LETTER_ANCHORS,
    LETTER_ASK,
    LETTER_WORDS,
    NOUN_ANCHORS,
    NOUN_ASK,
    REPORTED_ANCHORS,
    REPORTED_ASK,
    RIGHT_RE,
    RIGHT_WORDS,
    _places,
    find_reported_asks,
)
from kg.extract.events import (
    _EV,
    _SHUT_GROUPS,
    _WITHOUT_NOUNS,
    DETERMINERS,
    EVENT_RULES_RX,
    EVENT_SCANNER,
    OTHER_ROWS_AT,
    WORD_THEN_SPACE,
    find_triggers,
)
from kg.extract.layout import DATE_LABEL, DATE_LABEL_WORDS, ISSUER_RE, ISSUER_VERBS
from kg.extract.lexicon import KNOWN_BODIES
from kg.extract.names import (
    ACRONYM_WORD,
    DOMAIN_DOT,
    GLOSSED_BODY,
    GLOSSING_NOUNS,
    KNOWN_ACRONYMS,
    NAMED_BY_NOUN,
    NAMING_NOUNS,
    NEWS_SITE,
    _acronym_words,
    _glossed,
    _naming_noun,
)
from kg.extract.persons import (
    ANCHOR_LITERAL,
    ANCHOR_PLACES,
    BY_LITERALS,
    PLACE_LEAD,
    UNNAMED,
    UNNAMED_ANCHORS,
    UNNAMED_POST,
    place_leads,
    used_as_place,
)
from kg.extract.provisions import ARTICLE_WORDS, ARTICLES_RE
from kg.extract.roles import HONORIFIC_END, TITLE_STARTS, _title_before, strip_honorific
from kg.extract.scan import (
    END,
    LiteralPlaces,
    Scanner,
    TailPattern,
    WordStartPatterns,
    _cheapest_literals,
    find_words,
    finditer_around,
    finditer_at,
    finditer_indexed,
    finditer_near,
    finditer_near_at,
    finditer_prefixed,
    finditer_words,
    group_literals,
    holds_any,
    literal_prefixes,
    opens_with_literal,
)
from kg.extract.text import TOKEN_RE, WORD, _prefixed, _tokens, clean, make_doc

CORPUS = Path(__file__).parents[2] / "shared" / "corpus"
FIXTURES = Path(__file__).parent / "fixtures" / "appeals"


def _word_start(text: str, a: int) -> bool:
    return a == 0 or not text[a - 1].isalnum()


def _expected(rx: re.Pattern[str], text: str, stop: int) -> list[tuple[int, int]]:
    """Matches at word starts, each pattern tried at every word start after the last match."""
    out, pos = [], 0
    for a in range(stop + 1):
        if a < pos or not _word_start(text, a):
            continue
        m = rx.match(text, a, stop)
        if m:
            out.append(m.span())
            pos = max(m.end(), a + 1)
    return out


def test_literal_prefixes() -> None:
    assert literal_prefixes(re.compile(r"(?:re)?arrested\b")) == {"rea", "arr"}
    assert literal_prefixes(re.compile(r"(?:[Tt]he|[Aa])\s+raid")) == {
        "the" + END, "The" + END, "a" + END, "A" + END,
    }  # fmt: skip
    assert literal_prefixes(re.compile(r"(?<=-)year ban")) == {"yea"}
    assert literal_prefixes(re.compile(r"ab|cd(?:ef)+")) == {"ab", "cde"}
    # a class, an optional word or a case-blind pattern may start anywhere: scanned whole
    assert literal_prefixes(re.compile(r"[a-z]+ed")) is None
    assert literal_prefixes(re.compile(r"(?:\w+ )?arrested")) is None
    assert literal_prefixes(re.compile(r"arrested", re.I)) is None


def test_scanner_on_made_up_text() -> None:
    patterns = [
        re.compile(r"(?:re)?arrested\b"),
        re.compile(r"(?:[Tt]he|[Aa])\s+raid\s+on"),
        re.compile(r"[a-z]+ed\s+on"),  # no literal start: scanned whole, kept at word starts
        re.compile(r"the"),
        re.compile(r"“\w+”"),  # opens with no letter: scanned whole, kept after a non-letter
    ]
    text = (
        "The raid on the office: police rearrested Ana Lee, then arrested Bo; blamed on them. "
        "The paper “Zenda” and x“Lee”."
    )
    got = Scanner(patterns).finditer(text, len(text))
    assert [[m.group() for m in ms] for ms in got] == [
        ["rearrested", "arrested"],
        ["The raid on"],
        ["blamed on"],
        ["the", "the", "the"],  # "the", "then", "them": a prefix, not a word
        ["“Zenda”"],  # "x“Lee”" is inside a word
    ]
    # "rearrested" is matched whole, never inside the word; stop ends the text
    assert [m.group() for m in Scanner(patterns[:1]).finditer(text, 50)[0]] == ["rearrested"]
    # the words of the whole text, read once, give the same matches; a word cut by stop is cut
    doc = make_doc(text)
    spans = [[m.span() for m in ms] for ms in Scanner(patterns).finditer(text, 52, doc.words)]
    assert spans == [[m.span() for m in ms] for ms in Scanner(patterns).finditer(text, 52)]
    whole = Scanner(patterns).finditer(text, len(text), index=doc.word_index)
    assert [[m.span() for m in ms] for ms in whole] == [
        [m.span() for m in ms] for ms in Scanner(patterns).finditer(text, len(text))
    ]
    assert [m.group() for m in Scanner(patterns[:1]).finditer(text, 63, doc.words)[0]] == [
        "rearrested"
    ]


def test_scanner_tries_patterns_only_at_words_their_literals_spell() -> None:
    """Literals read longer than three letters: "their arrest" is not tried at "them" or "the",
    "authori[sz]ed" not at "authorities"; the matches are those of the plain patterns."""
    patterns = [re.compile(r"their\s+arrest"), re.compile(r"authori[sz]ed\s+the\s+raid")]
    text = "Then they saw them: the authorities authorised the raid and their arrest on the day."
    doc = make_doc(text)
    starts = {w: a for a, w in doc.words}
    long = Scanner(patterns).places(text, len(text), index=doc.word_index)
    short = Scanner(patterns, k=3).places(text, len(text), index=doc.word_index)
    assert long == [[starts["their"]], [starts["authorised"]]]
    # read to three letters, both are tried at every word that opens as they do
    assert {starts["they"], starts["them"], starts["their"]} <= set(short[0])
    assert short[1] == [starts["authorities"], starts["authorised"]]
    for scanner in (Scanner(patterns), Scanner(patterns, k=3)):
        got = scanner.finditer(text, len(text), index=doc.word_index)
        assert [[m.span() for m in ms] for ms in got] == [
            [m.span() for m in rx.finditer(text)] for rx in patterns
        ]


def test_scanner_word_cache_gives_what_the_words_give(monkeypatch: pytest.MonkeyPatch) -> None:
    """The patterns of each word, kept from one text to the next (and dropped when too many),
    give the places that reading the words one by one gives."""
    from kg.extract import scan

    patterns = [re.compile(r"(?:re)?arrested\b"), re.compile(r"(?:[Tt]he|[Aa])\s+raid")]
    texts = ["The raid: police rearrested Ana; the arrest.", "A raid, then arrested the raider."]
    scanner = Scanner(patterns)
    for small in (False, True):
        if small:
            monkeypatch.setattr(scan, "WORD_CACHE", 2)
        for text in texts * 2:
            doc = make_doc(text)
            by_index = scanner.places(text, len(text), index=doc.word_index)
            assert by_index == Scanner(patterns).places(text, len(text), doc.words)
    assert len(scanner._at_word) <= 2 + len(make_doc(texts[-1]).word_index)


def _cap(t: str) -> bool:
    """Whether a token opens a run, as the rule is written."""
    return t[0].isupper() or (
        t[-2:] in ("st", "nd", "rd", "th") if t[0].isdigit() else "-" in t[2:4] and _prefixed(t)
    )


def test_tokens_are_those_the_pattern_finds() -> None:
    """Tokens summed from ``split`` are those ``finditer`` gives, with their capitals, on
    made-up text (ordinals, article prefixes, digits that are no decimal digits) and on the
    appeals, mutated."""
    made_up = (
        "On the 3rd and ²nd day, al-Rami and el-Sayed met No. 4 “Zenda” (A) B-52 ab-Cd ul-Haq"
        "\u00a0x  ١٢th; Mr. A. Lee’s  "
        # hyphens alone, doubled, opening a token and several in one token
        " - al-Zed--el-Bar -ul-Haq as-Sa-Ra 12-th -"
    )
    rnd = random.Random(7)
    texts = [made_up, "", " ", "a", *_texts()[:10]]
    for text in list(texts[4:]):
        chars = list(text[:3000])
        for _ in range(30):
            chars[rnd.randrange(len(chars))] = chr(rnd.choice([45, 32, rnd.randrange(33, 0x3000)]))
        texts.append("".join(chars))
    for text in texts:
        toks, cap, words = _tokens(text)
        assert toks == [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
        assert cap == [_cap(t) for t, _, _ in toks]
        assert words == [t for t, _, _ in toks]
    toks, cap, _ = _tokens(made_up)
    assert [t for (t, _, _), c in zip(toks, cap, strict=True) if c][:6] == [
        "On", "3rd", "²nd", "al-Rami", "el-Sayed", "No.",
    ]  # fmt: skip


def test_word_start_patterns_search_as_the_patterns_do() -> None:
    """Each pattern tried at the words opening with its literals finds what its search finds,
    on made-up text and on stretches of the appeals, mutated; a pattern whose literals cannot
    be read, or that does not open with a word boundary, is searched whole."""
    patterns = [
        re.compile(r"\b(?:[Jj]udge|Justice)s?,?\s*$"),
        re.compile(r"\b(?:(?:human rights )?[Ll]awyer|Attorney)s?,?\s*$"),
        re.compile(r"\b(?:[Cc]olleagues?(?: (?:at|of) (?:the )?(?:[A-Z][\w’'-]+ ?){1,6})?)\s*$"),
        re.compile(r"\b(?:\w+ist)\s*$"),  # no literal start
        re.compile(r"awyer\s*$"),  # no word boundary: may start inside a word
    ]
    scan = WordStartPatterns(patterns)
    assert scan.whole == {3, 4}
    made_up = [
        "the judges, ", "Justice ", "a prejudge", "human rights lawyer ", "the lawyers",
        "colleagues at the Zenda Bar Group ", "a journalist ", "his lawyer’s ", "",
    ]  # fmt: skip
    rnd = random.Random(5)
    texts = list(made_up)
    for text in _texts()[:10]:
        for _ in range(300):
            a = rnd.randrange(len(text))
            chars = list(text[a : a + rnd.randrange(1, 100)])
            chars[rnd.randrange(len(chars))] = rnd.choice(" ,s-’")
            texts.append("".join(chars))
    for text in texts:
        places = scan.places(text)
        for i, rx in enumerate(patterns):
            got, want = scan.search(i, text, places), rx.search(text)
            assert (got and got.span()) == (want and want.span()), (i, text)
    assert scan.search(0, "the judges, ", scan.places("the judges, ")).span() == (4, 12)
    # the titles of the lexicon are all read so, and give what a search of each gives
    assert not TITLE_STARTS.whole
    assert _title_before("the human rights lawyer ")[0] == "lawyer"


@pytest.mark.parametrize(
    "pattern",
    [
        # a run of a class opening one alternative: tried at run starts and where a search
        # starts (after a match that ends inside a word: "held in T")
        r"held\s+in\s+(?:the\s+)?[A-Z]|[\w’'-]++\s+(?:days?|weeks?)\s+(?:of|in)\s+custody\b",
        r"(?<=-)year|[a-z]++ed\s+on|remand",  # a look-behind, then a class with no run class
        r"ordered|[^.;]{0,20}\bfrom\b",  # an alternative of no literal and no run
    ],
)
def test_alternations_scanned_from_their_places(pattern: str) -> None:
    """An alternation that no literal opens is tried at the literals of its alternatives and
    where its other alternatives match, and gives what ``finditer`` gives."""
    from kg.extract.scan import _plan_places, _start_plan, finditer_from

    rx = re.compile(pattern)
    plan = _start_plan(rx)
    assert plan is not None
    made_up = (
        "She was held in T5 days of custody, then ten days in custody; a custody-related "
        "x-ten weeks in custody; a two-year ban, remanded on bail, away from home."
    )
    rnd = random.Random(9)
    texts = [made_up, "", "5 days in custody"]
    for text in _texts()[:12]:
        for _ in range(10):
            a = rnd.randrange(len(text))
            chars = list(text[a : a + 2000])
            for _ in range(8):
                chars[rnd.randrange(len(chars))] = rnd.choice(" -’'xT5")
            texts.append("".join(chars))
    for text in texts:
        for stop in (len(text), rnd.randrange(len(text) + 1)):
            got = finditer_from(rx, text, stop, _plan_places(text, stop, *plan))
            assert [m.span() for m in got] == [m.span() for m in rx.finditer(text, 0, stop)]
    assert _start_plan(re.compile("a?")) is None  # may match an empty string


def test_trigger_scanner_reads_the_places_of_every_pattern() -> None:
    """Every trigger pattern is tried at its places (literals, runs), none scanned whole."""
    assert set(EVENT_SCANNER.whole) <= set(EVENT_SCANNER._starts)


def _texts_and_words(seed: int, alphabet: str) -> Iterator[tuple[str, list[str], list]]:
    """3,000 made-up texts and lists of words over ``alphabet``, each with the spans the plain
    alternation of the words finds in the text."""
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(30)))
        words = list(
            dict.fromkeys(
                "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 4)))
                for _ in range(rng.randrange(1, 4))
            )
        )
        rx = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
        yield text, words, [m.span() for m in rx.finditer(text)]


def test_find_words_gives_what_the_alternation_gives() -> None:
    """Made-up texts and names over an alphabet of word and non-word characters."""
    for text, words, want in _texts_and_words(3, "ab-’_ .Xé1"):
        assert find_words(text, words) == want, (text, words)
    assert find_words("Lee met Leeds and Lee-Ann", ["Lee"]) == [(0, 3), (18, 21)]


def test_find_words_with_the_word_index_gives_what_the_alternation_gives() -> None:
    """Looked up in the text's word index, the words give the same spans as the pattern, with
    underscores, hyphens and words inside other words; a word of other characters ("Lee-Ann")
    is searched for."""
    for text, words, want in _texts_and_words(5, "ab-_ .Xé1"):
        doc = make_doc(text)
        if doc.flat != text:  # a footnote mark blanked ("Xé1"): the index is of ``flat``
            rx = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
            text, want = doc.flat, [m.span() for m in rx.finditer(doc.flat)]
        assert find_words(text, words, doc.word_index) == want, (text, words)
    text = "Lee met Leeds, Lee_x, x_Lee and Lee-Ann; Lee-Ann and Ann Lee."
    index = make_doc(text).word_index
    assert find_words(text, ["Lee"], index) == [(0, 3), (32, 35), (41, 44), (57, 60)]
    assert find_words(text, ["Ann", "Lee"], index) == [
        *[(0, 3), (32, 35), (36, 39), (41, 44), (45, 48), (53, 56), (57, 60)]
    ]
    assert find_words(text, ["Lee-Ann"], index) == [(32, 39), (41, 48)]


def _texts() -> list[str]:
    folder = CORPUS if CORPUS.is_dir() else FIXTURES
    return [make_doc(p.read_text(encoding="utf-8")).flat for p in sorted(folder.glob("*.txt"))]


@pytest.mark.parametrize("mutate", [False, True])
def test_trigger_scanner_agrees_with_each_pattern(mutate: bool) -> None:
    """Over the appeals (and the same with random letters replaced and a random stop), the
    scanner gives every trigger pattern's matches at word starts."""
    rng = random.Random(7)
    texts = _texts()
    assert texts
    for text in texts[:20]:
        stop = len(text)
        if mutate:
            chars = list(text)
            for _ in range(len(chars) // 25):
                chars[rng.randrange(len(chars))] = rng.choice("ae -.A\nx")
            text, stop = "".join(chars), rng.randrange(len(chars) + 1)
        got = EVENT_SCANNER.finditer(text, stop)
        for (etype, rx), matches in zip(EVENT_RULES_RX, got, strict=True):
            assert [m.span() for m in matches] == _expected(rx, text, stop), etype
        # the distinct words of the whole text, with their starts, give the same matches
        doc = make_doc(text)
        by_index = EVENT_SCANNER.finditer(doc.flat, len(doc.flat), index=doc.word_index)
        by_words = EVENT_SCANNER.finditer(doc.flat, len(doc.flat), doc.words)
        assert [[m.span() for m in ms] for ms in by_index] == [
            [m.span() for m in ms] for ms in by_words
        ]
        # entries with nouns tried at a determiner only where the gate or their other rows fit
        gated = find_triggers(doc.flat, len(doc.flat), doc.word_index)
        assert [[m.span() for m in ms] for ms in gated] == [
            [m.span() for m in ms] for ms in by_index
        ]


def test_entries_are_shut_in_groups_at_the_determiners_their_other_rows_cannot_start() -> None:
    """Each entry with nouns is in one group of the gate, which lists the determiners where
    none of its other rows may start, and no other entry is."""
    grouped = [i for _words, entries in _SHUT_GROUPS for i in entries]
    assert sorted(grouped) == sorted(
        i for i in _WITHOUT_NOUNS if any(i not in OTHER_ROWS_AT[w] for w in DETERMINERS)
    )
    assert len(_SHUT_GROUPS) < len(grouped), "entries share groups"
    for words, entries in _SHUT_GROUPS:
        for i in entries:
            assert words == tuple(w for w in DETERMINERS if i not in OTHER_ROWS_AT[w])


def test_event_nouns_after_determiners_found_through_the_gate() -> None:
    """Made-up sentences with event nouns after every determiner the gate opens with: the
    gated scan finds what every pattern finds, and finds nominal triggers."""
    text = (
        "The arrest on 3 May followed his detention in June. Her trial on Monday and their "
        "release on 5 July; its hearing in mid-August, an arrest in 2020, a new trial on 12 "
        "March. His release on bail. The court ordered the release. the arrest of A on 4 May."
    )
    doc = make_doc(text)
    want = EVENT_SCANNER.finditer(doc.flat, len(doc.flat), index=doc.word_index)
    got = find_triggers(doc.flat, len(doc.flat), doc.word_index)
    assert [[m.span() for m in ms] for ms in got] == [[m.span() for m in ms] for ms in want]
    found = [m.group() for ms in got for m in ms]
    assert any(f.startswith(("The arrest", "his detention", "Her trial")) for f in found), found


def test_relative_dates_tried_only_where_they_can_start() -> None:
    """``REL_RE`` tried at the places ``_rel_starts`` gives finds what its scan of the whole
    text finds: over the appeals, the same with random characters replaced, and made-up texts
    over an alphabet of the words the pattern reads."""
    rng = random.Random(11)
    texts = _texts()[:20]
    for text in list(texts):
        chars = list(text)
        for _ in range(len(chars) // 25):
            chars[rng.randrange(len(chars))] = rng.choice("ae _-.A\nxİ")
        texts.append("".join(chars))
    words = "the|The |same| day|days| later|two|3|_| |  |after| his |arrest|Following|next|About"
    words += "|release| first "
    words += "|hours|ſome|x|\t"
    words += "|THE| month|weeks|ſame|following| year|the_"
    pieces = words.split("|")
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(12))) for _ in range(3000)]
    for text in texts:
        doc = make_doc(text)
        got = [
            m.span() for m in finditer_at(REL_RE, doc.flat, _rel_starts(doc.flat, doc.word_index))
        ]
        assert got == [m.span() for m in REL_RE.finditer(doc.flat)], text
    flat = (
        "He was freed two days later; the following day, ten years after his arrest. The day "
        "after her first release"
    )
    doc = make_doc(flat)
    found = finditer_at(REL_RE, flat, _rel_starts(flat, doc.word_index))
    assert [m.group() for m in found] == [
        "two days later", "the following day", "ten years after his arrest",
        "The day after her first release",
    ]  # fmt: skip


def test_dates_tried_at_the_and_in_only_where_a_date_can_go_on() -> None:
    """A date opens with "the" only as "the end of" or "the beginning of" (or, told relatively,
    before "following", "same", a time of day or a unit), with "in", "since" and "by" only
    before a year: elsewhere the patterns are not tried, and they find what their scans of the
    whole text find."""
    flat = (
        "In the morning the police came; in the end of March 2021 the court met in 2020, "
        "the same day, by the river, the following week, the beginning of May, since  2019, "
        "The Same Day and the ſame day; in the_days later."
    )
    doc = make_doc(flat)
    the = doc.word_index["the"]
    dates = _date_starts(flat, doc.word_index)
    assert [a for a in dates if a in the] == [flat.index("the end of"), flat.index("the beginning")]
    opened = [flat[a : a + 5] for a in dates if flat[a].lower() in "isb"]
    assert opened == ["in 20", "since"]
    rel = _rel_starts(flat, doc.word_index)
    assert [flat[a : a + 12] for a in rel if flat[a : a + 3].lower() == "the"] == [
        "the morning ", "the same day", "the followin", "The Same Day", "the ſame day",
        "the_days lat",
    ]  # fmt: skip
    assert [m.span() for m in finditer_at(DATE_RE, flat, dates)] == [
        m.span() for m in DATE_RE.finditer(flat)
    ]
    assert [m.group() for m in finditer_at(REL_RE, flat, rel)] == [
        m.group() for m in REL_RE.finditer(flat)
    ]


def test_absolute_dates_open_with_a_character_the_look_ahead_names() -> None:
    """The look-ahead that lets the engine skip to a date's first character drops no date."""
    bare = re.compile(DATE_RE.pattern.replace("(?=[\\dJFMASONDelmtIiSsBb])", "", 1))
    assert bare.pattern != DATE_RE.pattern
    texts = _texts()[:20] + [
        "On 3 May 2021, in mid-June and early July 2020, since 2019; by 2018, the end of March "
        "2017, Sept. 4, 2016, 2015-03-02, 04/05/2014 and In 2013 the 1st of June ٣ May 2012."
    ]
    for text in texts:
        assert [m.span() for m in DATE_RE.finditer(text)] == [m.span() for m in bare.finditer(text)]
    assert len(DATE_RE.findall(texts[-1])) == 12  # "٣ May 2012": \d reads any digit


def test_absolute_dates_tried_at_their_words_only() -> None:
    """DATE_RE tried at the words ``_date_starts`` gives finds what its scan of the whole text
    finds, over appeals, the same with random letters replaced, and made-up dates."""
    rng = random.Random(11)
    texts = _texts()[:20] + [
        "On 3 May 2021, in mid-June and early July 2020, since 2019; by 2018, the end of March "
        "2017, Sept. 4, 2016, 2015-03-02, 04/05/2014 and In 2013 the 1st of June ٣ May 2012; "
        "Mayor x_2019 Jul 25 and 25 Sept 2020, late-August, By 2011 in_2010."
    ]
    for text in texts[:10]:
        chars = list(text)
        for _ in range(len(chars) // 25):
            chars[rng.randrange(len(chars))] = rng.choice("ae _-.A\nx3İ")
        texts.append("".join(chars))
    pieces = "3|12|2020|May|Mayor|Sept|.|,| |_|-|the|end|of|in|In|By|since|mid|early|x|٣".split("|")
    pieces += ["beginning", "1999", "19", "\t", "  ", "the end of", "by 20", "In\n"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(14))) for _ in range(3000)]
    for text in texts:
        doc = make_doc(text)
        got = finditer_at(DATE_RE, doc.flat, _date_starts(doc.flat, doc.word_index))
        assert [m.span() for m in got] == [m.span() for m in DATE_RE.finditer(doc.flat)], text


def test_every_unnamed_actor_holds_its_anchor() -> None:
    """The patterns of unnamed actors run only around their anchors: every match a pattern
    finds over the whole text (appeals and made-up phrases) holds a match of its anchor."""
    texts = _texts() + [
        "a group of ten men in civilian clothes; two unknown armed men; an unidentified person; "
        "four young Zemblan farmers; Lee's lawyer; a lawyer for Ana Lee; the prosecutor charged; "
        "six other accused; the three others; the Chief Judge; investigators; a public defender; "
        "four men armed with sticks; two men on a motorcycle came; three men in a grey pick-up "
        "truck; private security guards employed by the firm beat him; the investigating judge "
        "of the Zembla Court ordered; she was stopped at the airport by immigration officers; "
        "he was slapped by a female officer; a spokesperson for the Vela Commission said; "
        "he was freed by a magistrate in Vard; she was attacked by three men; he was beaten "
        "by workers of the company; officers visited his parents; a caller told his son that "
        "he would be next; they searched it in the presence of his young son"
    ]
    for rx, anchor in zip([rx for rx, _ in UNNAMED], UNNAMED_ANCHORS, strict=True):
        hits = 0
        for text in texts:
            for m in rx.finditer(text):
                hits += 1
                assert anchor.search(text, m.start(), m.end()), (rx.pattern[:40], m.group())
        assert hits, rx.pattern[:40]


def test_places_found_from_the_leads_read_once() -> None:
    """A name after a place lead, found from the leads read once, is what a search of the
    lead, the name and what may follow gives, for every pair of capitalised words of the
    appeals and of a made-up text."""
    made_up = (
        "She was held in  Tarlen Kova, then at Mira Lee Holm; near Ana Lee's home; in Ana Lee "
        "Street; the province of Zorin Vale; in Zorin Valey; Bo Ek in Bo Ek."
    )
    for text in [*_texts()[:20], made_up]:
        flat = make_doc(text).flat
        leads = place_leads(flat)
        doc = make_doc(text)
        assert place_leads(flat, doc.word_index) == leads  # tried at its words only
        names = {m.group(1) for m in re.finditer(r"(?=\b([A-Z]\w+ [A-Z]\w+))", flat)}
        assert names
        for name in names:
            slow = re.search(PLACE_LEAD + re.escape(name) + r"(?![\w’'-])(?!\s+[A-ZÀ-ÞĀ-Žİ])", flat)
            assert used_as_place(flat, leads, name) == bool(slow), name
    leads = place_leads(made_up)
    names = ("Tarlen Kova", "Mira Lee", "Ana Lee", "Zorin Vale", "Bo Ek")
    found = [n for n in names if used_as_place(made_up, leads, n)]
    assert found == ["Tarlen Kova", "Zorin Vale", "Bo Ek"]


def test_clean_collapses_the_white_space_a_pattern_would() -> None:
    rng = random.Random(5)
    alphabet = "ab \t\n\r\u00a0\u2009\u3000\x1c\x85é’"
    for _ in range(3000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        assert clean(s) == re.sub(r"\s+", " ", s).strip(), repr(s)


def test_group_literals_spell_out_a_finite_group() -> None:
    rx = re.compile(r"\b(?P<n>news (?:agency|site)|[Gg]roups?|NGO)\s*\Z|(?P<m>\w+)")
    assert group_literals(rx, "n") == [
        "news agency", "news site", "Groups", "groups", "Group", "group", "NGO"
    ]  # fmt: skip
    assert group_literals(rx, "m") is None  # a class repeated: no finite list


def test_nouns_before_a_name_found_as_the_patterns_find_them() -> None:
    """The body nouns looked up where a name starts are what NAMED_BY_NOUN and GLOSSED_BODY
    find, over every capitalised word of the appeals and over made-up texts."""
    assert NAMING_NOUNS and GLOSSING_NOUNS
    rng = random.Random(13)
    words = "the|newspaper|news|agency|trade|union|TV|station|NGO|x|body|group|groups|  |\n|\t"
    pieces = [*words.split("|"), " ", " (", "(", "\n\n", "_", "-"]
    made_up = ["".join(rng.choice(pieces) for _ in range(rng.randrange(10))) + " Zed"
               for _ in range(3000)]  # fmt: skip
    named = glossed = 0
    for text in [*_texts()[:20], *made_up]:
        for m in re.finditer(r"\b[A-Z]", text):
            lo = max(0, m.start() - 40)
            slow = NAMED_BY_NOUN.search(text, lo, m.start())
            assert _naming_noun(text, lo, m.start()) == (slow.group("n") if slow else None)
            before = text[lo : m.start()]
            assert _glossed(before) == bool(GLOSSED_BODY.search(before)), repr(before)
            named += bool(slow)
            glossed += _glossed(before)
    assert named > 100 and glossed > 10, (named, glossed)


def test_patterns_run_only_where_their_words_are() -> None:
    """Each pattern run only when (or where) one of its words is in the text finds what it
    finds over the whole text, on the appeals and on made-up phrases."""
    made_up = (
        "The Zembla Centre urges the authorities; Friends of Ana Lee call on you. The right to "
        "life, freedoms of expression and association, prohibition of torture. The Permanent "
        "Mission of Zembla to the United Nations; the High Commission of Zembla; the federal "
        "government; by the President of the Republic; the Prime Minister ordered; art. 5 and "
        "Section 7(a) of the Penal Code; Principle 3."
    )
    texts = [make_doc(t).flat for t in [*_texts(), made_up]]
    bare_articles = re.compile(ARTICLES_RE.pattern.replace("(?=[AaSsPpR])", "", 1))
    assert bare_articles.pattern != ARTICLES_RE.pattern
    for flat in texts:
        near = finditer_near(ISSUER_RE, flat, ISSUER_VERBS, before=84, after=40)
        assert [m.span() for m in near] == [m.span() for m in ISSUER_RE.finditer(flat)]
        assert [m.span() for m in ARTICLES_RE.finditer(flat)] == [
            m.span() for m in bare_articles.finditer(flat)
        ]
        for rx, words in [
            (RIGHT_RE, RIGHT_WORDS),
            (MISSION, MISSION_WORDS),
            (LEVEL_GOVERNMENT, ("l government",)),
            (UNNAMED_POST, ("President", "Prime Minister", "Attorney General")),
        ]:
            for m in rx.finditer(flat):
                assert any(w in m.group() for w in words), (rx.pattern[:30], m.group())
    found = {rx.pattern: len(rx.findall(texts[-1])) for rx in (ISSUER_RE, RIGHT_RE, MISSION)}
    assert all(found.values()), found


def test_honorifics_stripped_as_the_pattern_strips_them() -> None:
    rng = random.Random(17)
    pieces = ["Mr", "Mr.", "Ms", "H.E.", "H. E.", "Hon.", "Sheikha", "Dr", " ", "  ", "\n",
              "the ", "lawyer ", "Messrs", "x", "."]  # fmt: skip
    befores = ["".join(rng.choice(pieces) for _ in range(rng.randrange(8))) for _ in range(3000)]
    for flat in _texts()[:10]:
        befores += [flat[max(0, m.start() - 100) : m.start()] for m in re.finditer(r"[A-Z]", flat)]
    stripped = 0
    for before in befores:
        assert strip_honorific(before) == HONORIFIC_END.sub("", before), repr(before)
        stripped += strip_honorific(before) != before
    assert stripped > 100


def test_possessive_word_runs_match_as_the_lexicon_patterns() -> None:
    """The trigger patterns with their word runs made possessive (the compiled form) find what
    the patterns as written find, over the appeals and over made-up sentences."""
    assert WORD_THEN_SPACE.sub(r"\1++", r"(?:[a-z-]+\s+)?(?:\w+\s+){0,3}[^.;]+\s+") == (
        r"(?:[a-z-]++\s+)?(?:\w++\s+){0,3}[^.;]+\s+"
    )  # a class that holds white space, or a negated one, is left as written
    made_up = [
        "His arrest on 3 May was reported. The court held a closed hearing on 4 June.",
        "the police placed her under arrest; their trial opened in March after a long delay",
        "Police dispersed the rally with tear gas and later struck the union off the list.",
    ]
    changed = 0
    for (_, rx), (_, written) in zip(EVENT_RULES_RX, _EV, strict=True):
        plain = re.sub(r"(^|\||\(\?:)\\b", r"\1", written.replace(" ", r"\s+"))
        if plain == rx.pattern:
            continue
        changed += 1
        assert rx.pattern == WORD_THEN_SPACE.sub(r"\1++", plain)
        slow = re.compile(plain)
        for text in [*_texts(), *made_up]:
            assert [m.span() for m in rx.finditer(text)] == [m.span() for m in slow.finditer(text)]
    assert changed > 5


def test_kin_and_acronym_patterns_find_what_their_plain_forms_find() -> None:
    """The kinship-name pattern (look-ahead, possessive word) and the acronym scan (capitals
    checked for a word start after the match) find what their plain forms find."""
    from kg.extract.names import ACRONYM_WORD, _word_char
    from kg.extract.persons import KIN_SINGLE_NAME

    plain_kin = re.compile(
        KIN_SINGLE_NAME.pattern.replace("(?=[HhTtA-ZÀ-ÞĀ-Žİ])", "").replace("]++[", "]+[")
    )
    assert plain_kin.pattern != KIN_SINGLE_NAME.pattern
    plain_acr = re.compile(r"\b[A-Z]{3,6}\b")
    made_up = [
        "Her husband Omar was held. Ana Lee’s brother Tomas said so. Zed's sister Mina and",
        "the xABCDEFGH and ABCDEFGH, UNHCR, aOMCT; FIDH-led OSCE’s ODIHR",
    ]
    for text in [*_texts(), *made_up]:
        assert [m.span() for m in KIN_SINGLE_NAME.finditer(text)] == [
            m.span() for m in plain_kin.finditer(text)
        ]
        fast = [
            m.span()
            for m in ACRONYM_WORD.finditer(text)
            if not (m.start() and _word_char(text[m.start() - 1]))
        ]
        assert fast == [m.span() for m in plain_acr.finditer(text)]


def _tail_patterns() -> dict[str, TailPattern]:
    import kg.extract.agents
    import kg.extract.events
    import kg.extract.names
    import kg.extract.nonpersons
    import kg.extract.persons
    import kg.extract.roles

    mods = (
        kg.extract.roles,
        kg.extract.persons,
        kg.extract.nonpersons,
        kg.extract.events,
        kg.extract.names,
        kg.extract.agents,
    )
    return {
        f"{mod.__name__}.{name}": value
        for mod in mods
        for name, value in vars(mod).items()
        if isinstance(value, TailPattern)
    }


def test_tail_patterns_find_what_their_search_finds() -> None:
    """A pattern searched only when the words before a name end (or hold) what it needs gives
    what a plain search gives: on the words before every capital of the appeals, on made-up
    stretches that each pattern matches, and on those stretches cut short or padded."""
    made_up = [
        "the court, presided over by Judge ",
        "a panel of three judges chaired by ",
        "their lawyers, among them ",
        "the defence team, which includes ",
        "the lawyer for Ana Lee, ",
        "he is represented by  ",
        "an article written by ",
        "the newspaper’s founder, ",
        "the sister-in-law of Ana Lee, ",
        "the sons of the detained lawyer, ",
        "her husband, the engineer ",
        "her two brothers, ",
        "their grandchildren ",
        "his driver, ",
        "the owner of the local shop, ",
        "a member of the Vela Collective, ",
        "its coordinator, ",
        "the Minister of the Interior, ",
        "a complaint filed by a local businessman, ",
        "the case brought by Mr ",
        "his wife, ",
        "their mother\n",
        "her deputy ",
        "a 17-year-old ",
        "his novel The ",
        "the short stories, titled “",
        "Photo: Ana Lee/",
        "© ",
        "a member of the ",
        "the founder of ",
        "the Deputy Chairman of the Zembla Security Bureau, ",
        "the head of the Vela Courier newspaper, ",
        "searched the office of Vela Media and held its founder, ",
        "the construction firm ",
        "its parent company, ",
        "printed by the pro-government tabloid, ",
        "the editor of the newspaper, ",
        "the news website The ",
        "guards from the ",
        "Soldiers of ",
        "a literary journal ",
        "the independent news outlet ",
        "the editor-in-chief of ",
        "the owners of  ",
        "he was later ",
        "she remained ",
        "is still ",
        "police seized material ",
        "he was initially ",
        "she had repeatedly been ",
        "he had already been ",
        "one of those ",
        "acting on a ",
        "the case is reportedly ",
        "he has yet to be ",
        "she was never ",
        "he could not have been ",
        "detainees ",
        "she was among the dozens of ",
        "arrested by officers of the Zenda police, who ",
        "arrested by officers, who raided his home and ",
    ]
    texts = list(made_up)
    for s in made_up:
        texts += [s.rstrip(), s + "x", s[:-3], "." + s, s.replace(",", ""), s.upper()]
    for flat in _texts()[:12]:
        texts += [flat[max(0, m.start() - 100) : m.start()] for m in re.finditer(r"[A-Z]", flat)]
    patterns = _tail_patterns()
    assert len(patterns) >= 10
    for name, tail in patterns.items():
        hits = 0
        for text in texts:
            want = tail.rx.search(text)
            got = tail.search(text)
            assert (got and got.span()) == (want and want.span()), (name, text)
            hits += want is not None
        assert hits, f"{name} matches none of the test stretches"
        for flat in [" ".join(made_up), *_texts()[:3]]:
            for a in range(0, len(flat), 3):  # searched within a text, up to a position
                want = tail.rx.search(flat, max(0, a - 40), a)
                got = tail.search(flat, max(0, a - 40), a)
                assert (got and got.span()) == (want and want.span()), (name, a)


def test_patterns_opening_with_literals_found_where_their_literals_are() -> None:
    """``finditer_prefixed`` gives what ``finditer`` gives, for the patterns it is used with
    and for made-up ones (inside words, overlapping literals, no literal start at all)."""
    from kg.extract.arguments import DESCRIBED_HEAD
    from kg.extract.bodies import JOIN_HEAD, LEGAL_FORM
    from kg.extract.names import LOWER_BODIES, QUOTED
    from kg.extract.persons import HONORIFIC_NAME, PLACE_LEAD_RE
    from kg.extract.provisions import FORMAL_TITLES

    made_up = [
        re.compile(r"(?:unknown|masked|armed)\s|in (?:civilian|plain) clothes"),
        re.compile(r"\bthe (?:court|judge)"),
        re.compile(r"aa"),
        re.compile(r"[a-z]+ed\b"),  # no literal start: scanned whole
    ]
    text = (
        "aaaa disarmed men in plain clothes, the court and the judge; the unknown\tmasked men. "
        "The Vela Committee and Tarn Mining S.A. (not SA.) wrote to “Arlan”; a military court "
        "and the administrative tribunal heard police officers, not the security forces. "
        "Under the Convention against Torture and Other Cruel,\nInhuman or Degrading Treatment "
        "or  Punishment and the International Covenant on Economic, Social and Cultural Rights "
        "(not the International Covenant on Civil and Political Rights), the Body of Principles"
    )
    bodies = [JOIN_HEAD, LEGAL_FORM, QUOTED, *(rx for rx, _, _ in LOWER_BODIES)]
    checked = 0
    for rx in [*UNNAMED_ANCHORS, PLACE_LEAD_RE, HONORIFIC_NAME, DESCRIBED_HEAD, FORMAL_TITLES,
               *bodies, *made_up]:  # fmt: skip
        for flat in [text, *_texts()]:
            want = [m.span() for m in rx.finditer(flat)]
            assert [m.span() for m in finditer_prefixed(rx, flat)] == want, rx.pattern
            # longer literals, as the anchors of unnamed actors are found by
            for k in (1, 5, ANCHOR_LITERAL, 20):
                got = [m.span() for m in finditer_prefixed(rx, flat, k)]
                assert got == want, (rx.pattern, k)
            checked += bool(want)
    assert checked > 50


def test_literals_read_from_the_word_index_give_what_a_scan_gives() -> None:
    """The anchors of unnamed actors, their literals found in the word index, match as their
    patterns scanned whole do: over the appeals, the same with letters replaced at random,
    and made-up texts with literals inside words ("son" in "person"), after an underscore,
    after a mark ("Lee’s Head") and across the end of a word ("members of")."""
    rng = random.Random(11)
    texts = [
        "x_the prosecutor and Lee's Head; Lee’s spokesperson; co-accused; the_son of a "
        "grandson, persons on foot; the plainclothesmen; other detainees; another men",
        "’s ’s Chief 's's Head; ﬁrm ｍen １men men_ person_ _son; THE prosecutor, the",
        "members of members off; the district prosecutor; employed byzantine; ickup",
    ]
    for text in _texts():
        chars = list(text)
        for _ in range(len(chars) // 20):
            chars[rng.randrange(len(chars))] = rng.choice("aesnm _’'-.")
        texts += [text, "".join(chars)]
    checked = 0
    for text in texts:
        doc = make_doc(text)
        places = ANCHOR_PLACES.places(doc.flat, doc.word_index)
        for i, rx in enumerate(ANCHOR_PLACES.patterns):
            want = [m.span() for m in rx.finditer(doc.flat)]
            assert [m.span() for m in ANCHOR_PLACES.finditer(i, doc.flat, places)] == want
            checked += bool(want)
    assert checked > 400
    assert {*ANCHOR_PLACES.patterns} == BY_LITERALS
    # a pattern no literal opens is scanned whole
    some = LiteralPlaces([re.compile(r"[a-z]+ed\b"), re.compile(r"(?:jail|prison) guards")])
    assert some.prefixes == [None, ("jail guards", "prison guard")]  # twelve characters at most
    doc = make_doc("jail guards arrested him; the prison guardsman")
    places = some.places(doc.flat, doc.word_index)
    assert [m.group() for m in some.finditer(0, doc.flat, places)] == ["arrested"]
    assert [m.group() for m in some.finditer(1, doc.flat, places)] == [
        "jail guards",
        "prison guards",
    ]


def test_patterns_searched_at_their_literals_in_the_word_index() -> None:
    """The patterns :func:`finditer_indexed` is called with give what a scan of the whole text
    gives, over the appeals and the same with letters replaced at random, the places of all
    read once a text (a text seen again, or another pattern added, reads them again)."""
    from kg.extract.arguments import DESCRIBED_HEAD
    from kg.extract.bodies import JOIN_HEAD, LEGAL_FORM
    from kg.extract.names import LOWER_BODIES
    from kg.extract.persons import HONORIFIC_NAME
    from kg.extract.provisions import FORMAL_TITLES

    patterns = [
        DESCRIBED_HEAD,
        HONORIFIC_NAME,
        FORMAL_TITLES,
        JOIN_HEAD,
        LEGAL_FORM,
        *(r for r, _, _ in LOWER_BODIES),
    ]
    rng = random.Random(5)
    texts = [
        "Messrs. Hall and Brandt, MrX Lee, Tarn Mining S.A. de C.V., JSC; XS.A. Dr  Ana",
        "the prosecutor’s\n office, the coprosecutor's  office, subagency, agency-wide, ministry_",
    ]
    for text in _texts()[::2]:
        chars = list(text)
        for _ in range(len(chars) // 20):
            chars[rng.randrange(len(chars))] = rng.choice("aeMDrs _.-")
        texts += [text, "".join(chars)]
    checked = 0
    for text in texts:
        doc = make_doc(text)
        for rx in patterns:
            want = [m.span() for m in rx.finditer(doc.flat)]
            assert [m.span() for m in finditer_indexed(rx, doc.flat, doc.word_index)] == want
            checked += bool(want)
    assert checked > 60
    # a pattern added after a text was read: the text's places are read again
    late = re.compile(r"(?:Zorin|Vela) (?:Court|Council)")
    doc = make_doc("the Vela Council and the Zorin Court")
    finditer_indexed(HONORIFIC_NAME, doc.flat, doc.word_index)
    assert [m.group() for m in finditer_indexed(late, doc.flat, doc.word_index)] == [
        "Vela Council",
        "Zorin Court",
    ]


def test_literals_looked_for_are_the_cheapest_to_find() -> None:
    """A literal costs ``str.find`` about one character in ``len + 1`` of the text: the longer
    literal is looked for where it stays one literal, the shorter where the longer ones would
    be several for one."""
    police = re.compile(r"(?P<n>police)(?: officers)?\b(?!\s+station)")
    assert _cheapest_literals(police, 12) == ("police",)
    assert _cheapest_literals(police, 3) == ("pol",)  # no longer than asked
    # "prison guards", "prison officers", "prison staff": one "priso", not three "prison x"
    custody = re.compile(r"(?:prison|jail) (?:guards|officers|staff)")
    assert _cheapest_literals(custody, 12) == ("jail ", "priso")
    assert _cheapest_literals(re.compile(r"[Tt]he prosecutor"), 12) == (
        "The prosecut",
        "the prosecut",
    )
    assert _cheapest_literals(re.compile(r"[a-z]+ed\b"), 12) is None  # no literal start
    text = "the prison staff, jail guards and the prisoners; police officers, policemen"
    for rx in (police, custody):
        want = [m.span() for m in rx.finditer(text)]
        assert want and [m.span() for m in finditer_prefixed(rx, text)] == want


def test_opens_with_literal() -> None:
    assert opens_with_literal(re.compile(r"members of"))
    assert opens_with_literal(re.compile(r"'s lawyer"))
    assert not opens_with_literal(re.compile(r"[Tt]he prosecutor"))
    assert not opens_with_literal(re.compile(r"(?:unknown|masked) men"))
    assert not opens_with_literal(re.compile(r"ab"))  # shorter than three characters
    assert not opens_with_literal(re.compile(r"members", re.I))
    # every anchor is found at its literals or by the engine, whichever is faster
    assert {a for a in UNNAMED_ANCHORS if not opens_with_literal(a)} == BY_LITERALS


def test_news_sites_found_around_their_dots_as_over_the_whole_text() -> None:
    """The domains found only around a full stop and two lower-case letters are those a scan
    of the whole text finds: over the appeals and made-up ones (addresses, files, a name
    at the start and at the end of the text, dots in a row)."""
    made_up = [
        "quill-news.com reported it. See www.zenda.org, ana@lantern.net and lantern.info/x.",
        "The site harbour.news said so; files a.pdf, b.doc and x..ab; a.b.cd and 9.xy z.ab",
        "x" * 60 + ".com " + "y" * 30 + ".net" + " " * 3 + "end.io",
        "ends with zenda.kz",
        "tail.co.",
    ]
    assert _found_around_as_by_finditer(NEWS_SITE, DOMAIN_DOT, 48, 12, made_up) >= 5


def test_acronyms_found_alone_as_their_pattern_finds_them() -> None:
    """``arguments._standalone`` gives the spans of ``(?<![\\w-])ACR(?![\\w-])``, overlapping
    and joined occurrences included."""
    from kg.extract.arguments import _standalone

    rng = random.Random(5)
    texts = ["A&A&A A&A", "NIA-court NIA (NIA) xNIA NIA_ NIA", *_texts()[:5]]
    texts += ["".join(rng.choice("ZA&- _\n(x)é") for _ in range(60)) for _ in range(300)]
    found = 0
    for text in texts:
        for acr in ("A&A", "NIA", "ZA", "Z", "UN", "NISS"):
            want = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text)]
            assert _standalone(text, acr) == want, (text, acr)
            found += len(want)
    assert found > 100


@pytest.mark.parametrize(
    ("rx", "words", "made_up"),
    [
        (
            DATE_LABEL,
            DATE_LABEL_WORDS,
            "Last  Updated: 3 May 2021 Date : 4 May Dated:5 May issued on: x Release date: y "
            "Posted: z Mandated: w update: v x_Date: u",
        ),
        (
            LETTER_ASK,
            LETTER_WORDS,
            "Please release him. Pending a retrial, please ensure his safety. We urge the "
            "authorities to free her; I call on you to act. We also ask the court to drop it. "
            "x_I urge you to act. Pleased, we\u00a0urge you to free him. I\u00a0request you to "
            "open it. please  stop this. Please: no. II urge you to go. Web urge them to",
        ),
        (
            ARTICLES_RE,
            ARTICLE_WORDS,
            "Art. 5 of the Code, arts. 3 and 4, Articles 19 (freedom of expression) and 21 of "
            "the Covenant, s. 12, ss. 3-4, Principle 7, Section 2 of the Act, Smart. 3, x_Art. 9",
        ),
    ],
)
def test_patterns_tried_at_their_opening_words_only(
    rx: re.Pattern[str], words: list[str], made_up: str
) -> None:
    """A pattern tried at the words it opens with (from the word index) finds what its scan
    of the whole text finds: over the appeals, the same with random characters replaced, and
    a made-up text."""
    rng = random.Random(13)
    texts = _texts()[:20]
    for text in list(texts):
        chars = list(text)
        for _ in range(len(chars) // 25):
            chars[rng.randrange(len(chars))] = rng.choice("ae _-.:A\nx3")
        texts.append("".join(chars))
    for text in [*texts, made_up]:
        doc = make_doc(text)
        got = finditer_words(rx, doc.flat, doc.word_index, words)
        assert [m.span() for m in got] == [m.span() for m in rx.finditer(doc.flat)], text
    doc = make_doc(made_up)
    assert len(finditer_words(rx, doc.flat, doc.word_index, words)) >= 5


def _acronyms_by_scan(flat: str) -> list[tuple[int, str]]:
    return [
        (m.start(), m.group())
        for m in ACRONYM_WORD.finditer(flat)
        if not (m.start() and (flat[m.start() - 1].isalnum() or flat[m.start() - 1] == "_"))
        and m.group() in KNOWN_BODIES
    ]


def test_acronyms_read_from_the_word_index() -> None:
    """The well-known acronyms read from the word index are those a scan of the text finds:
    over the appeals, the same with random characters replaced, and a made-up text."""
    rng = random.Random(17)
    known = sorted(KNOWN_ACRONYMS)[:3]
    made_up = " ".join(f"{a} x{a} {a}x {a}_ _{a} ({a}) {a}-{a} {a}{a} {a.lower()}" for a in known)
    texts = _texts()[:20]
    for text in list(texts):
        chars = list(text)
        for _ in range(len(chars) // 25):
            chars[rng.randrange(len(chars))] = rng.choice("ae _-.A\nxFIDH")
        texts.append("".join(chars))
    for text in [*texts, made_up]:
        doc = make_doc(text)
        assert _acronym_words(doc) == _acronyms_by_scan(doc.flat), text
    assert len(_acronym_words(make_doc(made_up))) == 4 * len(known)


def test_word_index_holds_each_word_at_its_starts() -> None:
    """The word index (made from one split of the flat text) gives each run of letters and
    digits at the starts ``WORD.finditer`` gives, in text order, words in order of first use;
    underscores, apostrophes, hyphens, marks and other scripts in the made-up texts."""
    rng = random.Random(23)
    alphabet = ["a", "b", "Z", "7", "_", " ", "\n", "’", "-", ".", "é", "ß", "İ", "ı", "²",
                "\u0301", "ж", "一", "\u00a0", "ab", "Ana", "12"]  # fmt: skip
    texts = ["", "_", " a a  b_a a", "Ana’s 12th, Ana-Lee;Ana"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(60))) for _ in range(500)]
    for text in texts:
        want: dict[str, list[int]] = {}
        for m in WORD.finditer(make_doc(text).flat):
            want.setdefault(m.group(), []).append(m.start())
        got = make_doc(text).word_index
        assert got == want and list(got) == list(want), repr(text)


def test_flat_text_blanks_what_the_pattern_blanks() -> None:
    """The flat copy of a text has a space for each line break, carriage return, tab, form
    feed, vertical tab and odd space (no-break, figure, thin, narrow no-break, ideographic),
    as ``re.sub`` of their class gives, and keeps other white space."""
    rng = random.Random(19)
    alphabet = "ab \n\r\t\f\v\u00a0\u2007\u2009\u202f\u3000\u2028."
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(40)))
        want = re.sub(r"[\n\r\t\f\v\u00a0\u2007\u2009\u202f\u3000]", " ", text)
        assert make_doc(text).flat == want, repr(text)


@pytest.mark.parametrize(
    ("rx", "anchors"), [(LETTER_ASK, LETTER_ANCHORS), (REPORTED_ASK, REPORTED_ANCHORS)]
)
def test_asks_found_around_their_anchors_as_over_the_whole_text(
    rx: re.Pattern[str], anchors: tuple[str, ...]
) -> None:
    """The prose asks found only around their anchor words are those a scan of the whole text
    finds: over the appeals and made-up asks."""
    made_up = (
        "Please release him. Pending a retrial, please ensure his safety. We urge the "
        "authorities to free her; I call on you to act. Zenda authorities should release "
        "them, and the group urged the court to drop the charges. The release was welcome."
    )
    for text in [*_texts(), made_up]:
        flat = make_doc(text).flat
        near = finditer_near(rx, flat, anchors)
        assert [m.span() for m in near] == [m.span() for m in rx.finditer(flat)]
    assert finditer_near(rx, made_up, anchors)


def test_reported_asks_tried_where_they_may_start_as_found_around_their_anchors() -> None:
    """The reported asks tried only at their verbs and at the capitals of the words before
    their subject, and the asks told with a noun tried only at their anchors, are those found
    around the anchors: over the appeals, the appeals with characters changed, and made-up
    subjects of up to four capitalised words."""
    made_up = [
        "Zenda  Human-Rights  Ministry  authorities should release X. The Government should "
        "free them; (Vela Authorities authorities must act. x-Government should act, and "
        "Our  Big  New  Old authorities must release A. CPJ called on the Zenda Government "
        "to release him; it urges X to free B and asks the governments to drop it. It calls "
        "for his immediate release, and demands for the charges to be dropped.",
        "authorities should release",
        "Government",
        "",
    ]
    texts = _texts()
    for flat in [*texts, *_mutated(texts, 5), *_mutated(texts, 6), *made_up]:
        want = [m.span() for m in finditer_near(REPORTED_ASK, flat, REPORTED_ANCHORS)]
        assert [m.span() for m in find_reported_asks(flat)] == want, flat[:80]
        want = [m.span() for m in finditer_near(NOUN_ASK, flat, NOUN_ANCHORS)]
        places = _places(flat, NOUN_ANCHORS)  # every match opens with an anchor
        assert [m.span() for m in finditer_near_at(NOUN_ASK, flat, NOUN_ANCHORS, places)] == want
    assert len(find_reported_asks(made_up[0])) >= 5


def test_unnamed_judges_and_lawyers_found_around_their_nouns_as_by_a_search() -> None:
    """The first match found around "judge" and "lawyers" is the one ``search`` finds, over
    the appeals and made-up texts (prejudge, judges, a judge before a name, possessives)."""
    from kg.extract.persons import UNNAMED_BY_PART, UNNAMED_BY_PART_NOUNS

    made_up = [
        "Do not prejudge it. The judges met; the judge’s car; the judge Ana Lee; a trial judge.",
        "Their lawyers' fees. His lawyers said so. The investigating judge-",
        "the presiding judge",
        "his lawyers",
        "He told the prosecutor that; the prosecutor’s request; a prosecutor general; before "
        "the public prosecutor; The magistrate could never; the district prosecutor asked.",
        "the prosecutor",
    ]
    found = 0
    for flat in [*_texts(), *made_up]:
        for (rx, _), noun in zip(UNNAMED_BY_PART, UNNAMED_BY_PART_NOUNS, strict=True):
            want = rx.search(flat)
            got = finditer_around(rx, flat, noun, before=24, after=24)
            assert (got[0].span() if got else None) == (want.span() if want else None)
            found += want is not None
    assert found >= 5


def test_unnamed_holders_of_posts_found_around_their_post_words_as_by_finditer() -> None:
    """Around "the governor of", "the Minister of", ... the matches ``finditer`` finds over the
    appeals and made-up texts (a post named after, a lower-case post, a long body's name)."""
    from kg.extract.persons import _POST_OF_WORD, UNNAMED_POST_OF

    made_up = [
        "by the Governor of Vela, Tom Reed; the governor of Amman ordered; by the Minister of "
        "the Interior and Public Security of Zembla. The Mayor of Kastra later ordered it.",
        "the Speaker of Parliament refused; by the minister of Justice",
    ]
    assert _found_around_as_by_finditer(UNNAMED_POST_OF, _POST_OF_WORD, 30, 140, made_up) >= 5


def _found_around_as_by_finditer(
    rx: re.Pattern[str], anchor: re.Pattern[str], before: int, after: int, made_up: list[str]
) -> int:
    """Asserts that ``finditer_around`` gives the matches ``rx.finditer`` gives over the
    appeals and ``made_up``; returns how many there were."""
    found = 0
    for flat in [*_texts(), *made_up]:
        want = [m.span() for m in rx.finditer(flat)]
        got = finditer_around(rx, flat, anchor, before=before, after=after)
        assert [m.span() for m in got] == want, flat[:80]
        found += len(want)
    return found


def test_sentence_ends_found_as_the_plain_pattern_finds_them() -> None:
    """``_sentence_ends`` gives the spans ``SENT_END.finditer`` gives, over the appeals and
    made-up texts of stops, quotes, blanks, line breaks and chronology items, from any start
    (a stop right before it too) to the end or near it."""
    from kg.extract.text import SENT_END, _sentence_ends

    rng = random.Random(5)
    parts = [".", ";", "?", " ", "\t", "\n", "\n\n", "”", '"', "’", ")", "(", "“", "A", "a", "3"]
    parts += ["-", "•", "x", "- 3 March", "3 March 2024:", "• On May 3, 2024,", "\r"]
    made_up = ["".join(rng.choice(parts) for _ in range(rng.randrange(30))) for _ in range(3000)]
    made_up.append("Done. \n- 3 March 2024: held.\t\n3 March 2024: freed. “Yes.” (Ana) left.\n\n")
    checked = 0
    for text in [*_texts(), *made_up]:
        starts = [0] if len(text) > 500 else range(len(text) + 1)
        for a in starts:
            for b in {len(text), max(a, len(text) - 3)}:
                want = [m.span() for m in SENT_END.finditer(text, a, b)]
                assert _sentence_ends(text, a, b) == want, (text, a, b)
                checked += bool(want)
    assert checked > 1000


def test_patterns_gated_by_their_words_hold_one_in_every_match() -> None:
    """A pattern searched only where one of its words is must hold one in every match, over the
    appeals and made-up sentences of each form (spelling variants, plurals, white space)."""
    from kg.extract.arguments import (
        BODY_GROUP,
        BODY_GROUP_NOUNS,
        COMPLAINT_BY,
        ORDERS_OF,
        ORDERS_OF_WORDS,
        REPORTED,
    )

    made_up = (
        "Ana Lee said that police came; the agency stated , that it acted. She told the "
        "Varn court and the press that she was innocent. On the orders of the mayor, on "
        "instructions from the governor, at the behest of, at the instigation of, at the "
        "demand of, by a decision of, by decree of, under orders from the chief. A complaint "
        "filed by Tom Reed; complaints lodged from Varn; complaint of Ana. The three companies, "
        "all organizations, both outlets, the 12 newspapers, the associations, the NGOs, all "
        "groups, both unions and the media."
    )
    gated = [(REPORTED, ("that",)), (COMPLAINT_BY, ("complaint",)), (ORDERS_OF, ORDERS_OF_WORDS)]
    gated.append((BODY_GROUP, BODY_GROUP_NOUNS))
    for rx, words in gated:
        hits = 0
        for text in [*_texts(), made_up]:
            for m in rx.finditer(text):
                hits += 1
                assert holds_any(text, words, m.start(), m.end()), (rx.pattern[:30], m.group())
        assert hits >= 3, rx.pattern[:30]
    assert not holds_any("the orders of", ("order",), 0, 8)  # the word must end by ``end``
    assert holds_any("the orders of", ("order",), 4, 9)


def test_first_letter_look_aheads_change_no_match() -> None:
    """COURT_WORD and GROUP_TARGET with the look-ahead naming their first letters find what they
    find without it, case-blind as they are (capitals, a long s, the Kelvin sign)."""
    from kg.extract.arguments import COURT_WORD, GROUP_TARGET

    made_up = (
        "THE COURT, ſame court, The Tribunal; Both men and BOTH in Varn; all five activists; "
        "ALL 12 MEN; them, They, their; the accused; this judge and that chamber; \u212aelvin."
    )
    heads = ((COURT_WORD, "(?=[ts])"), (GROUP_TARGET, "(?-i:(?=[TtBbAa]))"))
    for rx, head in heads:
        assert rx.pattern.startswith(head)
        plain = re.compile(rx.pattern.removeprefix(head), rx.flags)
        hits = 0
        for text in [*_texts(), *_mutated(_texts()[:8], 29), made_up]:
            want = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in rx.finditer(text)] == want
            hits += len(want)
        assert hits >= 10


def test_court_word_searched_only_where_a_noun_of_it_is() -> None:
    """``_says_court`` answers what ``COURT_WORD.search`` answers over sentences of the appeals,
    the same with random characters replaced, and made-up ones in capitals or with the two
    characters outside ASCII that case-blind matching folds onto the nouns' letters; and the
    nouns it looks for are those of the pattern: each word dropped loses matches."""
    from kg.extract import arguments
    from kg.extract.arguments import COURT_NOUNS, COURT_WORD, _says_court

    made_up = ["the COURT ruled", "THIS TRİBUNAL", "the trıbunal", "that Chamber", "Same Judge",
               "the courtyard", "the judges", "a court", "the tribunals", "the trial", "",
               "The Tribunal ruled", "the \u212aourt", "tHe cOuRt",
               "the magistrate ruled"]  # fmt: skip
    texts = [*_texts()[:12], *_mutated(_texts()[:6], 31)]
    parts = [(t, a, b) for t in texts for a, b in _sentence_spans(t)]
    parts += [(t, 0, len(t)) for t in made_up]
    said = 0
    for flat, a, b in parts:
        want = COURT_WORD.search(flat, a, b) is not None
        assert _says_court(flat, a, b) == want, flat[a:b]
        said += want
    assert said >= 20
    assert _says_court("THIS TRİBUNAL", 0, 13) and _says_court("the trıbunal", 0, 12)
    for noun in COURT_NOUNS:  # each noun is needed: without it some court goes unread
        _says_court.cache_clear()
        saved = arguments.COURT_NOUNS
        arguments.COURT_NOUNS = tuple(n for n in COURT_NOUNS if n != noun)
        try:
            assert not all(
                _says_court(flat, a, b) == (COURT_WORD.search(flat, a, b) is not None)
                for flat, a, b in parts
            ), noun
        finally:
            arguments.COURT_NOUNS = saved
            _says_court.cache_clear()


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a flat text, as :func:`kg.extract.text.make_doc` reads them."""
    return [(s.start, s.end) for s in make_doc(text).sentences]


def test_case_read_look_ahead_holds_every_letter_that_folds() -> None:
    """GROUP_TARGET's look-ahead is read case by case inside a case-blind pattern: it must hold
    every character that the case-blind class ``[tba]`` matches, and no other (it would let the
    engine try the words where they cannot start, or skip where they can)."""
    folded = {chr(c) for c in range(0x110000) if re.fullmatch("[tba]", chr(c), re.I)}
    assert folded == set("TtBbAa")
    # the same test would catch a letter such as the long s, which folds to "s"
    assert "\u017f" in {chr(c) for c in range(0x3000) if re.fullmatch("[ts]", chr(c), re.I)}


def test_hypothetical_and_clause_break_fast_forms_find_what_the_plain_forms_find() -> None:
    """HYPOTHETICAL with a look-ahead naming the letters its words open with, and CLAUSE_BREAK
    opening with the class of its first characters, find what their plain forms find: over the
    appeals, the same with random characters replaced, and made-up clauses."""
    from kg.extract.arguments import CLAUSE_BREAK
    from kg.extract.events import HYPOTHETICAL

    head = "(?=[INSUWabcdfimnsuw])"
    assert HYPOTHETICAL.pattern.startswith(head)
    plain_hyp = re.compile(HYPOTHETICAL.pattern.removeprefix(head), HYPOTHETICAL.flags)
    plain_break = re.compile(
        r";|:|,\s+(?:and|but|while|whereas|where|when|after|before)\s+|\s+and\s+(?=on\s+\d)"
    )
    made_up = (
        "If he could, None of them; No one would. Unless she must: Whether it will, nobody "
        "urges, calls on or asks, calls for, is calling for, demands that; it cannot, not never; "
        "she considers that, believes that, "
        "fears that he is concerned that. In case of conviction, May, may, Shall. Should it be.\n"
        "He was held; then: freed, and released, but  \t and on 3 May, when  and  on 12 June "
        "and on May, whereas ,and ,  before ; : ,where"
    )
    found = {plain_hyp: 0, plain_break: 0}
    for text in [*_texts(), *_mutated(_texts()[:8], 31), made_up]:
        for fast, plain in ((HYPOTHETICAL, plain_hyp), (CLAUSE_BREAK, plain_break)):
            want = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in fast.finditer(text)] == want, plain.pattern[:30]
            found[plain] += len(want)
            for a in range(0, len(text), 97):  # as the rules call them, from a position
                want = [m.span() for m in plain.finditer(text, a, a + 180)]
                assert [m.span() for m in fast.finditer(text, a, a + 180)] == want
    assert min(found.values()) >= 20


def test_commented_is_searched_only_where_its_words_are() -> None:
    """Every match of COMMENTED holds one of COMMENTED_WORDS, so ``_commented_from`` need not
    search a stretch that holds none; and it still finds the last words of judgment where one
    is."""
    from kg.extract.arguments import COMMENTED, COMMENTED_WORDS, _commented_from

    made_up = (
        "X condemns the arrest. They deplored it, denounces the charge; the UN expressed "
        "grave concern about the trial, voiced concerns over it, raised serious concerns "
        "regarding the case; she is concerned by this and alarmed at that, alarm over it."
    )
    hits = 0
    for text in [*_texts(), made_up]:
        for m in COMMENTED.finditer(text):
            hits += 1
            assert holds_any(text, COMMENTED_WORDS, m.start(), m.end()), m.group()
    assert hits >= 8
    assert _commented_from(made_up, 0, made_up.index("the arrest")) == made_up.index("the arr")
    assert _commented_from(made_up, 0, len(made_up)) == made_up.index("it.")
    assert _commented_from("He was arrested on 3 May.", 0, 10) is None


def _mutated(texts: list[str], seed: int) -> list[str]:
    """The texts with random characters replaced by letters, stops, quotes and white space."""
    rng = random.Random(seed)
    out = []
    for text in texts:
        chars = list(text)
        for _ in range(len(chars) // 20):
            chars[rng.randrange(len(chars))] = rng.choice("ae s-.’'_\nHM")
        out.append("".join(chars))
    return out


def test_word_index_holds_the_words_the_pattern_finds() -> None:
    made_up = ["Ana_Lee's 2nd x2y ÇAĞ-ri  \n\nİlkay’s 12/3; naïve café — a_b_c", "", "   ", "_"]
    for text in [*_texts()[:15], *_mutated(_texts()[:5], 3), *made_up]:
        doc = make_doc(text)
        want: dict[str, list[int]] = {}
        for m in WORD.finditer(doc.flat):
            want.setdefault(m.group(), []).append(m.start())
        assert doc.word_index == want
        assert list(doc.word_index) == list(want)  # in the order the words first come


def test_kin_single_names_tried_before_kinship_nouns_only() -> None:
    """The kinship-name pattern tried in the word before each kinship noun finds what it
    finds over the whole text."""
    from kg.extract.persons import KIN_SINGLE_NAME, _kin_single_names

    made_up = [
        "Her husband Omar was held. Ana Lee’s brother Tomas said so. Zed's sister Mina and",
        "Abu-Ali’s son Karim was freed; Ana_Lee's wife Mina, a nurse, was not. this wife Rosa is",
        "His\n   brother Tomas said so. Their  cousin,  Pavel was. X's niece Ola.",
        "her son,Ivo was",
        "Vela’s father Juri's uncle Ruben was",
    ]
    for text in [*_texts(), *_mutated(_texts(), 4), *made_up]:
        doc = make_doc(text)
        want = [m.span() for m in KIN_SINGLE_NAME.finditer(doc.flat)]
        assert [m.span() for m in _kin_single_names(doc)] == want, text[:60]
    names = [m.group("n") for text in made_up for m in _kin_single_names(make_doc(text))]
    assert names == ["Omar", "Tomas", "Mina", "Karim", "Mina", "Tomas", "Pavel", "Ruben"]


def test_honorific_runs_longer_than_the_window_stripped_whole() -> None:
    """A run of honorifics that opens further back than the search window is taken off
    whole, as the pattern over the whole text takes it."""
    for before in [
        "the lawyer Mr. Dr. Honourable Sheikha Mr. ",
        "said H. E. Mr. Honourable Honorable Dr.\n",
        "x " + "Mr. " * 12,
        "Mr." + " " * 30,
        "the Honourable.   ",
        "Dr. Ana said. ",
    ]:
        assert strip_honorific(before) == HONORIFIC_END.sub("", before), repr(before)
    assert strip_honorific("the lawyer Mr. Dr. Honourable Sheikha Mr. ") == "the lawyer "


def test_local_units_read_where_their_words_are() -> None:
    """A local unit of a state body is still found where the text has its words, and a text
    without them is not searched."""
    from kg.extract.bodies import LOCAL_UNIT, LOCAL_UNIT_NOUNS, LOCAL_UNIT_PLACES

    text = (
        "She was taken to the Ostra district department of the Ministry of Interior, then to "
        "the Vela city office of the State Security Service."
    )
    found = [m.group("w") for m in LOCAL_UNIT.finditer(text)]
    assert found == ["Ostra", "Vela"]
    for flat in [*_texts(), text]:
        words = set(make_doc(flat).word_index)
        for m in LOCAL_UNIT.finditer(flat):
            assert words & set(LOCAL_UNIT_PLACES) and words & set(LOCAL_UNIT_NOUNS), m.group()


def test_sentence_break_reads_the_stop_first() -> None:
    """The full-stop pattern with its look-behinds after the stop finds what the form with
    them before it finds."""
    from kg.extract.layout import SENTENCE_BREAK

    before_stop = re.compile(
        r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSt)(?<!\bNo)(?<!\bJr)(?<!\b[A-Z])"
        r"[.!?][”\"’)]?\s+[A-Z]"
    )
    rng = random.Random(21)
    pieces = ["Mr. ", "Mrs. A", "St. B", "xSt. C", "No. 5", "A. B", "aA. B", "ok. The", "?” A",
              ".) B", "! C", "Jr.\nD", "Dr.", " ", "word", "."]  # fmt: skip
    made_up = ["".join(rng.choice(pieces) for _ in range(rng.randrange(10))) for _ in range(3000)]
    hits = 0
    for text in [*_texts(), *made_up]:
        want = [m.span() for m in before_stop.finditer(text)]
        assert [m.span() for m in SENTENCE_BREAK.finditer(text)] == want, repr(text[:80])
        hits += bool(want)
    assert hits > 100


def test_unnamed_posts_tried_at_their_literals() -> None:
    from kg.extract.persons import ANCHOR_LITERAL, UNNAMED_POST

    made_up = [
        "He was pardoned by the President of the Republic. The Prime Minister ordered it. "
        "by the Attorney General, Mr X; the President later dismissed him; by the Presidents",
        "the President of Vela said; by the Prime Minister’s office; The Attorney General sued",
    ]
    spans = []
    for text in [*_texts(), *made_up]:
        want = [m.span() for m in UNNAMED_POST.finditer(text)]
        assert [m.span() for m in finditer_prefixed(UNNAMED_POST, text, ANCHOR_LITERAL)] == want
        spans += want
    assert len(spans) >= 4


def test_words_at_end_search_as_their_pattern_does() -> None:
    """A case-blind pattern of words ending the text is searched only where the text ends with
    a letter one of its words ends with, and finds what the plain search finds: before every
    date of the appeals, on made-up endings in any case, with white space and line ends after
    them, and where a character outside ASCII folds onto a word's last letter."""
    from kg.extract.dates import DATE_RE, NOT_ANCHOR, NOT_EVENT_DATE
    from kg.extract.scan import WordsAtEnd

    made_up = ["held until ", "UNTIL\n", "Till", "dated\t \n", "planned for ", "PLANNED FOR",
               "on or ", "since", "detained since  ", "expiry", "between", "by", "of\n\n",
               "from", "to", "on 3 May", "Mr", "held", "in", "", " ", "\n", "é", "tö",
               "schedule", "scheduled for", "before\u00a0", "beforex", "xbefore"]  # fmt: skip
    texts = [*made_up, *(s.title() for s in made_up), *(s.upper() for s in made_up)]
    for flat in _texts()[:20]:
        texts += [flat[max(0, m.start() - 25) : m.start()] for m in DATE_RE.finditer(flat)]
    rng = random.Random(5)
    pieces = ["to", "of", "by", "or", "on ", "for", " ", "\n", "Y", "R", "x", "é", "ſ"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(8))) for _ in range(3000)]
    # "ſ", the long s, is no "s" in lower case but folds onto one in a case-blind match: a
    # text ending with it is searched whatever the letters say
    folded = WordsAtEnd(re.compile(r"(?:yes|bus)\s*$", re.I))
    assert folded.last == {"s"}
    checked = [(NOT_EVENT_DATE, texts), (NOT_ANCHOR, texts), (folded, ["bu\u017f", "YES ", "ye"])]
    for tail, cases in checked:
        hits = 0
        for text in cases:
            want, got = tail.rx.search(text), tail.search(text)
            assert (got and got.span()) == (want and want.span()), (tail.pattern, text)
            hits += want is not None
        assert hits >= 2, tail.pattern
    for bad in [r"(?:a|b)\s+$", r"(?:a|b)$", r"\w+\s*$", r"(?:a|b)\s*", r"(?:a|)\s*$"]:
        with pytest.raises(ValueError):
            WordsAtEnd(re.compile(bad, re.I))


def test_prefixed_patterns_read_each_place_once() -> None:
    """A literal that opens with another literal of the pattern adds no place to try: the
    shorter one is found there too; what is left finds what ``finditer`` finds."""
    from kg.extract.scan import _shortest

    assert _shortest({"Mr.", "Mrs", "Mr", "Ms", "Dr", "Dr."}) == ("Dr", "Mr", "Ms")
    assert _shortest({"sons", "son", "daughter", "daughters", "the", "them"}) == (
        "daughter",
        "son",
        "the",
    )
    assert _shortest({"ab"}) == ("ab",)
    rx = re.compile(r"(?:Mrs|Mr|Ms)\.? [A-Z]\w+|son(?:s|-in-law)? of")
    texts = ["Mrs Ana, Mr. Bo and Ms Cy; the sons of Mrs. Lee, Mr X, sons of, son-in-law of",
             "Mrs", "Mr", "", "person of Mrsx Mr.Mrs Ed"]  # fmt: skip
    for text in [*texts, *_texts()[:10]]:
        want = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in finditer_prefixed(rx, text, 8)] == want


def test_positions_inside_spans_found_by_bisection() -> None:
    """``_inside`` says what ``any(a <= pos < b ...)`` says over the spans, overlapping, nested,
    empty or none."""
    from kg.extract.events import _inside, _reaches

    rng = random.Random(9)
    for _ in range(2000):
        spans = []
        for _ in range(rng.randrange(6)):
            a = rng.randrange(40)
            spans.append((a, a + rng.randrange(-2, 15)))
        reaches = _reaches(list(spans))
        for pos in range(-1, 60):
            assert _inside(reaches, pos) == any(a <= pos < b for a, b in spans), (spans, pos)


def test_plain_splits_give_the_tokens_and_words_of_the_full_patterns() -> None:
    """On a text without an underscore, the faster splits give the parts the full patterns
    give: quotation marks, possessives, ordinals, "No." before a figure, digits that are no
    decimal digits, one-letter words, marks and other scripts."""
    from kg.extract.text import TOKEN_SPLIT, TOKEN_SPLIT_PLAIN, WORD_SPLIT, WORD_SPLIT_PLAIN

    rng = random.Random(13)
    pieces = ["a", "A", "s", "’", "'", "-", ".", "No.", " 5", "No", "3rd", "1st", "²", "²a",
              "a²", "“", "”", '"', "(", ")", " ", "\n", "\t", "é", "ß", "İ", "\u0301", "ж",
              "١٢", "\u00a0", "James", "boss’ ", "x-y", "Ana.", ",", "_"]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(25))) for _ in range(5000)]
    texts += _texts()[:10] + _mutated(_texts()[:5], 4)
    plain = 0
    for text in texts:
        if "_" in text:
            continue  # the full patterns are used
        plain += 1
        assert TOKEN_SPLIT_PLAIN.split(text) == TOKEN_SPLIT.split(text), repr(text)
        assert WORD_SPLIT_PLAIN.split(text) == WORD_SPLIT.split(text), repr(text)
    assert plain > 2000
    # with an underscore the plain forms differ: the full ones must be used there
    assert WORD_SPLIT_PLAIN.split("a_b") != WORD_SPLIT.split("a_b")
    assert TOKEN_SPLIT_PLAIN.split("_a") != TOKEN_SPLIT.split("_a")
    assert _tokens("_a b")[0] == [("_", 0, 1), ("a", 1, 2), ("b", 3, 4)]
    assert make_doc("a_b c").word_index == {"a": [0], "b": [2], "c": [4]}


def test_word_index_read_from_the_tokens_is_that_of_the_word_pattern() -> None:
    """The word index a text without an underscore reads from its tokens holds each word
    ``WORD.finditer`` finds, at its starts, its keys in the order the words first come: on
    made-up texts of figures glued to letters ("12ab", "3rdx", "5No.3"), ordinals, possessives,
    hyphens, stops, marks and other scripts, and on the appeals, mutated. Where figures run into
    the token after, the index is not read from the tokens."""
    from kg.extract.text import _index_of_tokens

    rng = random.Random(17)
    pieces = ["a", "A", "s", "’", "'", "-", ".", "No.", " 5", "No", "3rd", "1st", "²", "²a",
              "a²", "“", "(", " ", "\n", "é", "ß", "İ", "\u0301", "ж", "١٢", "\u00a0", "James",
              "boss’ ", "x-y", "Ana.", ",", "12", "G20", "th", "U.S.", "al-Rami"]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(25))) for _ in range(5000)]
    texts += _texts()[:10] + [t.replace("_", " ") for t in _mutated(_texts()[:5], 5)]
    from_tokens = 0
    for text in texts:
        doc = make_doc(text)
        want: dict[str, list[int]] = {}
        for m in WORD.finditer(doc.flat):
            want.setdefault(m.group(), []).append(m.start())
        got = doc.word_index
        assert got == want and list(got) == list(want), repr(text)
        from_tokens += _index_of_tokens(doc.flat, doc.tokens[0]) is not None
    assert from_tokens > 3000
    # a word over two tokens: the index is read by the pattern
    for glued in ("12ab", "3rdx c", "a 5No.3", "1²3", "3rd3rd", "1st2"):
        assert _index_of_tokens(glued, _tokens(glued)[0]) is None, glued
    assert _index_of_tokens("G20x al-Rami’s", _tokens("G20x al-Rami’s")[0]) == {
        "G20x": [0], "al": [5], "Rami": [8], "s": [13],
    }  # fmt: skip


def test_glued_figures_are_the_figures_not_after_white_space() -> None:
    """FIGURES_GLUED finds the runs of FIGURES that neither open the text nor follow white
    space, the only ones a footnote mark can be, and ``glued_figures`` their starts; the marks
    blanked are those after names."""
    from kg.extract.text import FIGURES, FIGURES_GLUED, _blank_footnote_marks, glued_figures

    rng = random.Random(21)
    pieces = ["a", "B", "1", "23", "²", "⁴", " ", "\n", "\t", ".", ",", "(", "é", "\u00a0", "’"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(20))) for _ in range(3000)]
    texts += _texts()[:5]
    for text in texts:
        want = [m.span() for m in FIGURES.finditer(text)
                if m.start() > 0 and not text[m.start() - 1].isspace()]  # fmt: skip
        assert [m.span() for m in FIGURES_GLUED.finditer(text)] == want, repr(text)
        assert glued_figures(text) == [a for a, _ in want], repr(text)
    text = "Ana Vell² met Tom Rask.3 on 4 May 2021 at 10:30 in room 12b, G20 and No.1 aside"
    assert _blank_footnote_marks(text) == text.replace("²", " ").replace("Rask.3", "Rask. ")


def test_sentences_holding_words() -> None:
    """The sentences that hold a word whole, found from the word's places in the whole text,
    are those whose own text holds it."""
    from kg.extract.demands import RIGHT_WORDS, _sentences_holding

    text = (
        "Ana Vell spoke of the right to strike. Her freedom\nof speech was cut; the freedom of "
        "assembly too.\n\nThe prohibition of torture holds. Nothing here. Freedom of them all."
    )
    doc = make_doc(text)
    for words in (RIGHT_WORDS, ("freedom of",), ("Nothing",), ("absent",)):
        want = {k for k, s in enumerate(doc.sentences)
                if any(w in doc.flat[s.start : s.end] for w in words)}  # fmt: skip
        assert _sentences_holding(doc, words) == want, words
    assert _sentences_holding(doc, RIGHT_WORDS) == {0, 1, 2}


def test_cheap_checks_before_patterns_pass_every_match() -> None:
    """A word the pattern of abstract nouns finds ends with one of ABSTRACT_ENDS; a compound
    adjective holds a hyphen: the cheap checks made before the patterns never skip a match."""
    from kg.extract.persons import ABSTRACT_ENDS, ABSTRACT_NOUN, COMPOUND_ADJ

    rng = random.Random(23)
    pieces = ["tion", "s", "sion", "ity", "ities", "ism", "ness", "ship", "dom", "do", "ms", "-",
              "based", "led", "run", "Vela", "\n", "a", "é", "’s"]  # fmt: skip
    words = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 5))) for _ in range(5000)]
    found = 0
    for w in words:
        if ABSTRACT_NOUN.search(w):
            found += 1
            assert w.endswith(ABSTRACT_ENDS), repr(w)
        if COMPOUND_ADJ.search(w):
            assert "-" in w, repr(w)
    assert found > 500


def test_string_tests_before_the_patterns_after_a_name() -> None:
    """The plain string tests ``_roles_after`` makes before its patterns pass every text a
    pattern matches: a bracket after white space, "of" after blanks, a line break after blanks,
    ".," for the suffix's dot, "and" or "presiding" after white space, "for" anywhere."""
    from kg.extract.roles import (
        ACTING_FOR,
        AND_NAME_BEFORE_SHARED,
        KIN_IN_BRACKETS,
        OF_BODY,
        POST_IN_BRACKETS,
        PRESIDING,
        ROLE_IN_BRACKETS,
        SIGNATURE_TITLE,
        SUFFIX_DOT,
    )

    rng = random.Random(29)
    pieces = [" ", "\t", "\n", "\u00a0", "(", ")", ",", ".", "of", "the", "Vela", "and", "Ana",
              "Rask", "presiding", "acting", "for", "prosecution", "who", "appeared", "her",
              "son", "Chair", "Rapporteur", "Director", "lawyer", "were"]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 9))) for _ in range(20000)]
    texts += [" (her son)", " (lawyer)", " (Chair)", " of the Vela Union", "\nDirector of X",
              "., then Minister", " and Ana Rask, acting for the state", " acting for the state",
              " presiding"]  # fmt: skip
    counts = dict.fromkeys(range(9), 0)
    for t in texts:
        bracket = t.lstrip().startswith("(")
        checks = [
            (KIN_IN_BRACKETS, bracket),
            (ROLE_IN_BRACKETS, bracket),
            (POST_IN_BRACKETS, bracket),
            (OF_BODY, t[:1] in (" ", "\t") and t.lstrip(" \t").startswith("of")),
            (SIGNATURE_TITLE, t.lstrip(" \t").startswith("\n")),
            (SUFFIX_DOT, t.startswith(".,")),
            (AND_NAME_BEFORE_SHARED, t[:1].isspace() and t.lstrip().startswith("and")),
            (ACTING_FOR, "for" in t),
            (PRESIDING, t[:1].isspace() and t.lstrip().startswith("presiding")),
        ]
        for k, (rx, allowed) in enumerate(checks):
            if rx.match(t):
                counts[k] += 1
                assert allowed, (rx.pattern, t)
    assert all(counts.values()), counts  # each pattern met a text it matches
    # "Zenda Rights Watch (ZRW)": the bracket is the first character after white space, looked
    # at within 40 characters (further on, the pattern itself is tried)
    from kg.extract.names import ABBREVIATION_AFTER

    abbreviations = 0
    for t in [*texts, " (ZRW)", " " * 50 + "(ZRW)", "\n (AB) x"]:
        t = t.replace("Ana", "AR")
        if ABBREVIATION_AFTER.match(t):
            abbreviations += 1
            near = t[:40].lstrip()
            assert not near or near.startswith("("), t
    assert abbreviations >= 3


def test_variant_gloss_and_counted_times_tried_only_where_they_can_match() -> None:
    """``_variant_gloss`` gives what ``VARIANT_GLOSS.match`` gives at every position (it skips
    places with no bracket after the white space and none of its words within reach), and
    ``_counted_times`` what ``COUNTED_TIMES.search`` finds: over the appeals, the same with
    random characters replaced, and made-up glosses and counts."""
    from kg.extract.events import COUNTED_TIMES, _counted_times
    from kg.extract.persons import VARIANT_GLOSS, _variant_gloss

    made_up = (
        "Ana Lee (also spelt Anna Li) and Tom Reed  \n (Thomas Reed), Ivo Marsh, who writes "
        "under the pen name “Ivo M”, and Sam Cole, also known as Samuel Cole, or Bo Li, "
        "nicknamed Bobo; summoned twice, thrice, three times and 12 times, not timesheets."
    )
    glosses = counts = 0
    for text in [*_texts()[:20], *_mutated(_texts()[:6], 37), made_up]:
        for b in range(len(text) + 1):
            want = VARIANT_GLOSS.match(text, b)
            got = _variant_gloss(text, b)
            assert (got and got.span()) == (want and want.span()), (b, text[b : b + 40])
            glosses += want is not None
        for a in range(0, len(text), 7):
            want = COUNTED_TIMES.search(text, a, a + 60) is not None
            assert _counted_times(text, a, a + 60) == want
            counts += want
    assert glosses >= 20 and counts >= 4


def test_runs_too_long_for_a_word_are_blanked_in_the_flat_text_only() -> None:
    """A run of word characters longer than any word is spaces in ``flat`` (a pattern taking
    a word whole would otherwise try it at each letter, to its end: quadratic); the text, its
    offsets, the words of normal length and rules of dashes or underscores stay."""
    run = "Ab1-" * 20  # 80 characters
    text = f"On 3 May 2020 {run} police arrested Ann Bell.\n{'-' * 90}\n{'_' * 90} {'x' * 64}"
    doc = make_doc(text)
    assert doc.text == text and len(doc.flat) == len(text)
    a = text.index(run)
    assert doc.flat[a : a + len(run)] == " " * len(run)
    assert doc.flat[:a] == text[:a]
    assert doc.flat[a + len(run) :] == text[a + len(run) :].replace("\n", " ")
