"""The text model: tokens, sentences and paragraphs over the original text with exact offsets,
and runs of capitalised words, the raw material of names.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import Any

# ---------------------------------------------------------------- text model

TOKEN_RE = re.compile(
    # "W/Michael": an Ethiopian name's word with its first part shortened to a letter and a
    # stroke ("Wolde"), one word
    # "Q’eqchi’", "K’iche’": a word with a glottal stop inside and at its end, one word
    r"No\.(?=\s*\d)|[A-Z]/[A-Z][a-z]+(?![\w’'\-/])|[A-Z][a-z]{0,2}['’][a-z]+['’](?![\w’'])|"
    r"[^\W\d_][\w’'\-.]*[\w](?:(?<=s)['’](?!\w))?|[^\W\d_]|\d+(?:st|nd|rd|th)?|“|”|\"|\S"
)
CONNECTORS = frozenset({"of", "the", "for", "on", "against", "and", "or", "from", "in", "No."})
#: Lower-case particles inside personal names: "Salman bin Abdul Aziz", "Huber de Jesús",
#: "Marina del Pilar", "Maria de los Santos", "Mohamed ould Cheikh", "Iyad ag Assaleh",
#: "Kamau wa Njoroge", "Siti binti Rahman", "Mohammed al Hashimi" (and the Swahili "ya" of
#: a body's name, "Radio Habari ya Pwani"), and the Turkic words for
#: "son of" and "daughter of" between a given name and a father's ("Nurlan uulu Bakyt", "Aida
#: kyzy Asanova", "Elnur oglu Mammadov"); a Spanish widow's married name ("Juana Pérez viuda de
#: Soto"); and Arabic article prefixes written on the name: "al-Shehab".
NAME_PARTICLES = frozenset(
    "bin ibn bint binti ben abu de del della di da dos das du le dela delos van von der den ter "
    "ten las los ould ag wa ya al ole uulu kyzy ogly oglu qizi gizi viuda".split()
)
#: Of those, the Turkic words for "son of" and "daughter of" that may end a name, after the
#: father's given name: "Timur Asan uulu", "Aida Bolot kyzy", "Elnur Mammad oglu".
PATRONYMIC_ENDS = frozenset("uulu kyzy ogly oglu qizi gizi".split())
#: The small words inside a body's name in Spanish or Portuguese: "Consejo Cívico de
#: Organizaciones Populares e Indígenas de Honduras", "Movimiento por la Paz y la Justicia".
#: They join a run only after one of SPANISH_BODY_HEADS, so that no person's name is joined to
#: the next by "y" or "en".
SPANISH_CONNECTORS = frozenset(
    "de del da do das dos la las los el un una y e en para por contra sobre a".split()
    # and French: "Ligue burundaise des droits de l'homme", "Collectif des familles"
    + "des du le les et pour au aux sur".split()
)
#: The head words of bodies' names in Spanish and Portuguese.
SPANISH_BODY_HEADS = frozenset(
    "Asociación Associação Centro Colectivo Colectiva Comité Comisión Comissão Consejo Conselho "
    "Coordinadora Coordenação Corte Defensoría Federación Fiscalía Frente Fundación Fundação "
    "Instituto Juzgado Ministerio Ministério Movimiento Movimento Observatorio Organización "
    "Plataforma Policía Procuraduría Red Rede Secretaría Sindicato Tribunal Unión "
    "Articulación Alianza Asamblea Congreso Gobierno Servicio Unidad Agrupación Confederación "
    "Acción Consultorio Bufete Colegio Universidad Universidade Empresa Compañía Companhia "
    "Cooperativa Corporación Corporação "
    # in French: "Ligue ...", "Collectif des ...", "Cour d'appel de ..."
    "Ligue Collectif Réseau Fédération Syndicat Observatoire Institut Fondation Mouvement "
    "Ministère Cour Parquet Agence Conseil Commission Association Comité Centre Direction "
    # outlets: "Voz de la Sierra", "Diario del Norte", "Jornal do Povo"
    "Voz Diario Periódico Semanario Revista Radio Jornal Folha Noticias Notícias Prensa".split()
)
#: Words that open a sentence and never go on a name: the stop before them ends a sentence, not an
#: initial ("the company Zen S.A. The court ...").
SENTENCE_OPENERS = frozenset("The An In On He She It They This These Their His Her".split())
#: Words that open a line's sentence and never go on a name: a run ends at the line break.
LINE_OPENERS = SENTENCE_OPENERS | frozenset("You We I Please Yours Mr Ms Mrs Dr H.E".split())
ARTICLE_PREFIX = re.compile(r"^(?:al|el|as|ash|ad|an|ar|at|az|ul)-[A-ZÀ-ÞĀ-Žİ]")
#: A single capital, or capitals with dots ("A.M"), before a full stop: an initial.
INITIAL = re.compile(r"^[A-ZÀ-Þ](?:\.[A-ZÀ-Þ])*$")
WORD = re.compile(r"[^\W_]+")
#: WORD as one group: ``split`` gives the gaps and the words in turn.
WORD_SPLIT = re.compile(r"([^\W_]+)")
#: WORD_SPLIT for a text without an underscore, where ``\w`` is what ``[^\W_]`` is: the
#: engine tests a category faster than a class that leaves a character out of it.
WORD_SPLIT_PLAIN = re.compile(r"(\w+)")
_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: A line of a chronology that opens with its date ("- 3 March 2024: ...", "• On May 3,
#: 2024, ...", "3 March 2024: ..."): an item of its own, whatever ends the line before.
_DATED_ITEM = (
    rf"(?:[-•*–·▪]\s*(?:On\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b)"
    rf"|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\s*[:–—])"
)
SENT_END = re.compile(
    r"(?<=[.;!?])[”\"’)]?\s+(?=[“\"(]?[A-Z0-9İÖÜŞÇ])|\n[ \t]*\n\s*"
    rf"|[ \t]*\n[ \t]*(?={_DATED_ITEM})"
)
#: :data:`SENT_END` in a form the engine finds faster: the stop is part of the match (the gap
#: after it is the ``gap`` group), where the look-behind had the pattern tried at every
#: character, and a chronology item's line break is matched without the blanks before it,
#: which :func:`_sentence_ends` adds back.
SENT_END_FAST = re.compile(
    r"[.;!?](?P<gap>[”\"’)]?\s+)(?=[“\"(]?[A-Z0-9İÖÜŞÇ])|\n[ \t]*\n\s*"
    rf"|\n[ \t]*(?={_DATED_ITEM})"  # no group here: one at the start slows the engine down
)
#: Words written short before a name or number end no sentence: "Rev. A", "Col. B", "Art. 5".
ABBREV_END = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Messrs|No|St|Art|Prof|para|Nos|Jr|Sr|v|vs|Md|Mohd|"
    r"Rev|Fr|Hon|Atty|Gen|Col|Capt|Lt|Sgt|Maj|Gov|Insp|Supt|Cpl|Brig)\.$"
)
#: Given names written short with a full stop, opening a name: "Md. Abdul Karim" (Mohammad),
#: "Ma. Teresa Reyes" (Maria). "Ma." after a capitalised word is a surname ending a sentence.
NAME_ABBREVS = frozenset({"Md", "Mohd", "Ma"})
#: Initials of two letters, where a transliteration writes one Cyrillic letter as two: "Timur
#: Kh. Saidaliev", "Saule Zh. Bekova" (a patronymic's initial, between a given name and a surname).
DIGRAPH_INITIALS = frozenset("Kh Zh Sh Ch Ts Yu Ya Ye Yo".split())
#: How long a line of a list of addresses may be and still end where its author ended it.
ADDRESS_LINE = 70
#: A word in lower case right before a run: the run does not open a sentence, so that a
#: two-letter initial opening it is no word ("investigator Ch. Batbold", not "Ch.").
LOWER_WORD_BEFORE = re.compile(r"(?<![\w’'-])[a-z]+[ \t]+$")
#: A word (or a date's number and its comma), then such an initial with its full stop: the
#: stop ends no sentence ("Timur Kh. Saidaliev", "said that Ts. Oyun reported", "In June
#: 2019, Ts. Oyun filed").
DIGRAPH_INITIAL_END = re.compile(
    r"(?:[A-ZÀ-Þ][a-zà-ÿ]+|(?<![\w’'-])[a-z]+|\d[,;:])\s+(?:Kh|Zh|Sh|Ch|Ts|Yu|Ya|Ye|Yo)\.$"
)
GIVEN_MA_END = re.compile(r"(?:^|[^\w’'.-])(?![A-Z])[\w’'-]*\s+Ma\.$|^Ma\.$")


@dataclass(slots=True)
class Span:
    """A stretch of the text, with offsets into the string given to :func:`extract_case`."""

    start: int
    end: int


@dataclass
class Doc:
    """The text plus views of it that the rules share.

    ``flat`` has every line break replaced by a space, keeping offsets, so that a name wrapped
    across lines is still one name.
    """

    text: str
    flat: str
    sentences: list[Span]
    paragraphs: list[Span]
    sentence_starts: list[int] = field(default_factory=list)

    @functools.cached_property
    def wrap_width(self) -> int:
        """The width the text's prose is wrapped at: the length nine lines in ten do not pass
        (0 for a text with no line). A line well under it ends before its width: a heading,
        an address or a signature line."""
        lengths = sorted(len(line) for line in self.text.split("\n") if line.strip())
        return lengths[(len(lengths) * 9) // 10] if lengths else 0

    @functools.cached_property
    def address_spans(self) -> list[tuple[int, int]]:
        """The spans that list addressees (:func:`kg.extract.addressees.address_blocks`)."""
        from kg.extract.addressees import address_blocks

        return address_blocks(self)

    def authored_break(self, a: int, b: int) -> bool:
        """Whether the line break between the word ending at ``a`` and the one starting at
        ``b`` ends a line of a list of addresses where its author ended it: a block of lines
        each an item, so that a name does not run on into the next line ("Attorney General
        Mr A. B. Sarath-Wickrama" above "Attorney General's Department"). The line is short
        for an address (:data:`ADDRESS_LINE`), or the next word would have fitted on it."""
        if not any(lo <= b < hi for lo, hi in self.address_spans):
            return False
        if _short_line_break(self.text, a, b, self.short_line(ADDRESS_LINE)):
            return True
        nl = self.text.find("\n", a, b)
        if nl < 0:
            return False
        word = WORD.match(self.text, b)
        line_start = self.text.rfind("\n", 0, a) + 1
        return a - line_start + 1 + (len(word.group()) if word else 1) <= self.wrap_width

    def short_line(self, most: int) -> int:
        """How long a line may be and still be short: under ``most`` characters, and under
        three quarters of the wrap width (prose wrapped at 50 characters is not a block of
        short lines)."""
        return min(most, (self.wrap_width * 3) // 4)

    @functools.cached_property
    def words(self) -> list[tuple[int, str]]:
        """Start and text of each word of ``flat`` (a run of letters and digits), read once
        for every rule that looks words up (:class:`kg.extract.scan.Scanner`)."""
        return [(m.start(), m.group()) for m in WORD.finditer(self.flat)]

    @functools.cached_property
    def tokens(self) -> tuple[list[tuple[str, int, int]], list[bool], list[str]]:
        """The tokens of ``flat`` (:func:`_tokens`), read once for the capitalised runs and
        the word index."""
        return _tokens(self.flat)

    @functools.cached_property
    def word_index(self) -> dict[str, list[int]]:
        """Each distinct word of ``flat`` with its starts in text order: the rules that look
        words up go over the distinct words, about half as many as the words."""
        if "_" not in self.flat:
            index = _index_of_tokens(self.flat, self.tokens[0])
            if index is not None:
                return index
        # ``split`` gives the gaps and the words in turn (no match object per word): a word's
        # start is the length of all that comes before it
        parts = (WORD_SPLIT if "_" in self.flat else WORD_SPLIT_PLAIN).split(self.flat)
        ends = list(itertools.accumulate(map(len, parts)))  # of each gap and word
        index: dict[str, list[int]] = {}
        get = index.get
        for w, a in zip(parts[1::2], ends[:-1:2], strict=True):
            found = get(w)
            if found is None:
                index[w] = [a]
            else:
                found.append(a)
        return index


#: Figures with a letter right after, or an ordinal's letters with a word character right
#: after: where a token of figures (:data:`TOKEN_RE`) may end and another token follow with no
#: gap ("12ab", "3rdx", "3rd3rd"), so that one word (:data:`WORD`) runs over two tokens; or
#: figures inside a token ("G20x"), which is one.
GLUED_FIGURES = re.compile(r"\d(?:(?:st|nd|rd|th)(?=[^\W_])|(?=[^\W\d_]))")


def _index_of_tokens(flat: str, toks: list[tuple[str, int, int]]) -> dict[str, list[int]] | None:
    """:attr:`Doc.word_index` read from the tokens of ``flat`` (a text without an underscore),
    not by another pass of a pattern over the text; None where a word runs over two tokens.

    Every word character of such a text is in a token (the gaps between tokens are white
    space), and a token holds whole words: a token of letters takes every word character after
    its first, so a word ends inside it or where it ends; only a token of figures can end with a
    word character right before another: a letter after its figures, or any word character
    after an ordinal's letters (:data:`GLUED_FIGURES`). A token of letters and digits
    is one word; a longer one ("al-Rami", "Lee’s", "U.S", "No.") is split into its words."""
    starts = None
    for m in GLUED_FIGURES.finditer(flat):  # a handful of texts in fifty have one
        if starts is None:
            starts = [a for _, a, _ in toks]
        k = bisect.bisect_left(starts, m.end())
        if k < len(starts) and starts[k] == m.end():
            return None
    index: dict[str, list[int]] = {}
    get = index.get
    split = WORD_SPLIT_PLAIN.split
    for t, a, _ in toks:
        if t.isalnum():
            found = get(t)
            if found is None:
                index[t] = [a]
            else:
                found.append(a)
        elif len(t) > 1:  # a token of one character that is no word character holds none
            parts = split(t)
            for k in range(1, len(parts), 2):
                a += len(parts[k - 1])
                found = get(parts[k])
                if found is None:
                    index[parts[k]] = [a]
                else:
                    found.append(a)
                a += len(parts[k])
    return index


#: A footnote mark glued to a capitalised word or to the stop after one: superscript figures
#: or one or two plain ones ("Ana Lee¹", "Ana Lee1", "Ruiz.2", as a copied PDF gives them).
#: "G20", "No.1", "COVID-19", an article's "353¹" and marks after other words are kept.
FOOTNOTE_MARK = re.compile(
    r"(?<![\w’'-])(?!(?:No|Nos|Art|Arts|Vol|Para|Sec|Ch|Pt|Fig|Ref|Op|Rev|Add|Corr)\b)"
    r"[A-ZÀ-ÞĀ-Žİ][\w’'-]*[a-zà-ÿā-ž][.,;:”\"’)]?(?P<m>[¹²³⁰⁴-⁹]+|\d{1,2})(?=\s|$)"
)
#: Figures, plain or superscript: a footnote mark is looked for only before a run of them.
FIGURES = re.compile(r"[0-9¹²³⁰⁴-⁹]+")
#: FIGURES where the run does not open the text or follow white space (the figures of most
#: dates and numbers do): only these can follow a lower-case letter or a stop after one.
FIGURES_GLUED = re.compile(r"(?<=[^\s0-9¹²³⁰⁴-⁹])[0-9¹²³⁰⁴-⁹]+")
#: What may stand between a word and the footnote mark after it.
MARK_STOPS = frozenset('.,;:”"’)')


def glued_figures(text: str) -> list[int]:
    """Where the runs of :data:`FIGURES_GLUED` start: the runs of FIGURES, told apart by the
    character before them. A run is whole, so that character is no figure; the look-behind
    opening FIGURES_GLUED had the engine try the pattern at every character (about twice the
    time, on a text of some forty runs)."""
    return [i for i in map(_start, FIGURES.finditer(text)) if i and not text[i - 1].isspace()]


_start = operator.methodcaller("start")


def _blank_footnote_marks(text: str) -> str:
    """The text with footnote marks after names turned into spaces (offsets unchanged), so
    that a name before one reads as it would without it. Only the runs of figures that follow
    a lower-case letter (or a stop after one) are tried: most figures of a text are dates."""
    blanks = []
    for i in glued_figures(text):
        c = text[i - 1 : i]
        if c in MARK_STOPS:
            c = text[i - 2 : i - 1]
        if not c.islower():
            continue
        w = i - 1
        while w > 0 and not text[w - 1].isspace():
            w -= 1  # the start of the word the mark is glued to, after an opening bracket
        while w < i and text[w] in "([“‘\"'":
            w += 1
        mark = FOOTNOTE_MARK.match(text, w)
        if mark and mark.start("m") == i:
            blanks.append(mark.span("m"))
    return _blanked(text, blanks)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span turned into spaces: the offsets of the rest unchanged."""
    if not spans:
        return text
    out = list(text)
    for a, b in spans:
        out[a:b] = " " * (b - a)
    return "".join(out)


INITIAL_STOP = re.compile(r"\b[A-Z]\.$")
# a run of word characters longer than any word, name or figure of an appeal (a pasted hash,
# a text with its spaces lost): the patterns that take a word whole would try it at each of
# its letters, each time to its end
OVERLONG_RUN = re.compile(r"[\w’'-]{65,}")


#: Spaces of a text converted from a web page or a word processor: no-break, thin, figure,
#: narrow no-break, ideographic.
ODD_SPACES = re.compile("[\u00a0\u2007\u2009\u202f\u3000]")


def _plain_spaces(flat: str) -> str:
    """Every space of :data:`ODD_SPACES` a plain space, as long: "Mr\u00a0Reed" is "Mr Reed"
    to the rules (the evidence is quoted from the text as given)."""
    return ODD_SPACES.sub(" ", flat) if ODD_SPACES.search(flat) else flat


#: A name after an honorific with a word in capitals, as the UN's and the Observatory's
#: letters write surnames: "Mr. Intigam ALIYEV", "Messrs. Ana LEE and Tom REED".
HONORIFIC_RUN = re.compile(
    r"\b(?:Mr|Ms|Mrs|Messrs|Mmes|Dr)\.? +"
    r"((?:(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]*|and|de|del|da|di|dos|das|du|van|von|bin|ibn|al|el|la|le)"
    r" ){0,6}[A-ZÀ-ÞĀ-Žİ][\w’'-]*)"
)
#: A word in capitals, three letters or more, an apostrophe or a hyphen inside.
CAPITAL_WORD = re.compile(r"\b[A-ZÀ-ÞĀ-Žİ]{3,}(?:[’'-][A-ZÀ-ÞĀ-Žİ]+)*\b")


def _capital_surnames_titled(flat: str) -> str:
    """The words in capitals that end the names honorifics open ("Mr. Intigam ALIYEV", "Mr.
    Juan SANTOS CALDERÓN", "Mr. DING") written in title case ("Aliyev"), as long, wherever the
    text writes them so, unless the text also writes the word as an acronym in brackets
    ("(CID)"): the rules read a word in capitals as a body's acronym. Capitals that open a
    name and do not end one are initials ("Mr. AKM Ivo Sand"). The evidence is quoted
    from the text as given."""
    words: set[str] = set()
    for honorific in ("Mr", "Ms", "Messrs", "Mmes", "Dr"):  # ("Mrs" opens with "Mr")
        i = flat.find(honorific)
        while i >= 0:
            m = HONORIFIC_RUN.match(flat, i) if i == 0 or not flat[i - 1].isalnum() else None
            for name in m[1].split(" and ") if m is not None else ():
                ws = name.split()
                k = len(ws)
                while k > 0 and CAPITAL_WORD.fullmatch(ws[k - 1]):
                    k -= 1
                words.update(ws[k:])
            i = flat.find(honorific, i + 2)
    words = {w for w in words if f"({w})" not in flat}
    if not words:
        return flat

    def titled(m: re.Match[str]) -> str:
        w = m[0]
        if w not in words:
            return w
        new = re.sub(r"(?<=[A-ZÀ-ÞĀ-Žİ])[A-ZÀ-ÞĀ-Žİ]+", lambda x: x[0].lower(), w)
        return new if len(new) == len(w) else w

    return CAPITAL_WORD.sub(titled, flat)


#: A day written in figures with stops: "31.12.2018".
DOTTED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")
#: What the stops of such a day become in the flat text: a dot that ends no clause.
DATE_DOT = "\u2024"


def _dotted_dates(flat: str) -> str:
    """ "31.12.2018" written with :data:`DATE_DOT` for its stops, as long: the rules bound a
    clause at its stops ("[^.;]"), and a day told in figures ends none (the dates still read
    it as a day written with stops, day first). The evidence is quoted from the text as
    given."""
    i = flat.find(".")
    while i >= 0 and not (flat[i - 1 : i].isdigit() and flat[i + 1 : i + 2].isdigit()):
        i = flat.find(".", i + 1)  # a stop between two figures, or none: no such day
    if i < 0:
        return flat
    return DOTTED_DATE.sub(lambda m: f"{m[1]}{DATE_DOT}{m[2]}{DATE_DOT}{m[3]}", flat)


def _blank_overlong_runs(flat: str) -> str:
    """``flat`` with runs of word characters too long for a word turned into spaces (offsets
    unchanged), unless they hold no letter or figure (a rule of dashes or underscores)."""
    return _blanked(flat, [m.span() for m in OVERLONG_RUN.finditer(flat) if WORD.search(m.group())])


#: What a line that ends a sentence or a heading's label ends with.
SENTENCE_END_CHARS = tuple('.!?:;”"’)')


#: A line a PDF's pages leave in its text, with its line end: a page number alone ("Page 2",
#: "Page 2 of 9", "2 of 9", "2/9", "- 2 -"). A number alone on its line is left: a list's
#: number set apart from its item may look the same.
PAGE_LINE = re.compile(
    r"^[ \t]*(?:(?:Page|PAGE|page)[ \t]+\d{1,3}(?:[ \t]*(?:of|/)[ \t]*\d{1,3})?|"
    r"\d{1,3}[ \t]*(?:of|/)[ \t]*\d{1,3}|[-–—][ \t]*\d{1,3}[ \t]*[-–—])[ \t]*\n",
    re.M,
)


def without_page_lines(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without the page numbers a PDF's conversion leaves on lines of their own (in
    the middle of a sentence or a list of demands, where a page broke), and where each was
    cut: (offset in the text returned, length cut), in order."""
    if not PAGE_LINE.search(text):
        return text, []
    kept: list[str] = []
    cuts: list[tuple[int, int]] = []
    pos = removed = 0
    for m in PAGE_LINE.finditer(text):
        kept.append(text[pos : m.start()])
        cuts.append((m.start() - removed, m.end() - m.start()))
        removed += m.end() - m.start()
        pos = m.end()
    kept.append(text[pos:])
    return "".join(kept), cuts


def single_spaced(text: str) -> str:
    """A text with a blank line after every line, as some PDF conversions give it, with the
    blank lines inside a paragraph made spaces, as long: where no two lines follow one another
    without a blank line between them and many lines end mid-sentence, one blank line after a
    line that ends no sentence is a line wrap, not a paragraph's end. Other texts are
    returned as they are."""
    if "\n\n" not in text:
        return text
    lines = text.split("\n")
    full = [i for i, line in enumerate(lines) if line.strip()]
    if len(full) < 8:
        return text
    pairs = list(zip(full, full[1:], strict=False))
    adjacent = sum(1 for a, b in pairs if b - a == 1)
    single = [(a, b) for a, b in pairs if b - a == 2]
    open_ends = sum(1 for i in full if not lines[i].rstrip().endswith(SENTENCE_END_CHARS))
    if (
        adjacent > 0.05 * len(pairs)
        or len(single) < 0.5 * len(pairs)
        or open_ends < 0.3 * len(full)
    ):
        return text
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    out = list(text)
    for a, _ in single:
        if not lines[a].rstrip().endswith(SENTENCE_END_CHARS):
            out[starts[a + 1]] = " "  # the blank line's own line end
    return "".join(out)


def make_doc(text: str) -> Doc:
    # re.sub(r"[\n\r\t\f\v]", " ", text), by five passes of str.replace: each is a search
    # for one character in C, not a pattern tried at every character; the sentences are cut
    # in the text as it stands (a footnote mark stays with the sentence it closes)
    flat = _blank_footnote_marks(text).replace("\n", " ").replace("\r", " ").replace("\t", " ")
    flat = _blank_overlong_runs(flat.replace("\f", " ").replace("\v", " "))
    flat = _capital_surnames_titled(_dotted_dates(_plain_spaces(flat)))
    paragraphs = []
    pos = 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        paragraphs.append(Span(pos, m.start()))
        pos = m.end()
    paragraphs.append(Span(pos, len(text)))
    sentences = []
    for para in paragraphs:
        start = para.start
        for a, b in _sentence_ends(text, para.start, para.end):
            if ABBREV_END.search(flat[max(start, a - 8) : a]):
                continue
            if flat.endswith("Ma.", 0, a) and GIVEN_MA_END.search(flat[max(start, a - 40) : a]):
                continue  # "... arrested Ma. Teresa Reyes"
            if INITIAL_STOP.search(flat[a - 3 : a]):
                continue
            if flat[a - 4 : a - 3] == " " and DIGRAPH_INITIAL_END.search(
                flat[max(start, a - 40) : a]
            ):
                continue  # "Timur Kh. Saidaliev"
            if flat[a - 1] == ";" and _in_list(flat, start, a, para.end):
                continue
            _add_sentence(sentences, flat, start, a)
            start = b
        _add_sentence(sentences, flat, start, para.end)
    paragraphs = [p for p in paragraphs if flat[p.start : p.end].strip()]
    return Doc(text=text, flat=flat, sentences=sentences, paragraphs=paragraphs,
               sentence_starts=[s.start for s in sentences])  # fmt: skip


def _sentence_ends(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans ``SENT_END.finditer(text, start, end)`` gives, found by
    :data:`SENT_END_FAST`. A match of SENT_END never holds a stop, so the stop that opens a
    fast match is never part of the match before it."""
    if start > 0 and text[start - 1] in ".;!?":  # a match may open at ``start`` itself
        return [m.span() for m in SENT_END.finditer(text, start, end)]
    out = []
    last = start
    for m in SENT_END_FAST.finditer(text, start, end):
        if m.group("gap") is not None:
            a, b = m.span("gap")
        else:
            a, b = m.span()
            if "\n" not in text[a + 1 : b]:  # one line break: a chronology item's
                while a > last and text[a - 1] in " \t":
                    a -= 1  # the blanks before the line break, as ``[ \t]*`` takes them
        out.append((a, b))
        last = b
    return out


#: A finite verb or auxiliary: an item of a list has none ("Ana Lee, a lawyer"), a clause does.
FINITE = re.compile(
    r"\b(?:was|were|is|are|has|had|have|will|would|did|does|do|can|could|said|says|remains?)\b"
)


def _in_list(flat: str, start: int, semi: int, end: int) -> bool:
    """The ";" at ``semi`` parts the items of a list, not two sentences, so that every name of
    the list stays in the sentence of the verb it hangs on: a list a colon opened in the
    sentence begun at ``start`` ("police arrested three men: Tom Reed; Ana Lee, a lawyer; and
    Sam Cole"), or a run of items with no verb parted by ";" ("the complaint named Tom Reed, a
    lawyer; Ana Lee, a blogger; and Sam Cole"). A ";" before a clause of its own ("; Ana Lee
    was freed") still ends a sentence."""
    colon = flat.rfind(":", start, semi)
    if colon >= 0 and not re.match(r"\d", flat[colon + 1 : colon + 2]):
        return True
    # the item after the ";" (to the next ";" or full stop) names no verb, nor the item before
    # it, unless that is the first, the clause that opens the list; a list has two ";" or more
    stop = re.compile(r"[;.]").search(flat, semi, end)
    after_end = stop.start() if stop else end
    if after_end - semi > 120 or FINITE.search(flat, semi, after_end):
        return False
    prev = flat.rfind(";", start, semi - 1)
    if prev >= 0:
        return not FINITE.search(flat, prev, semi)
    return stop is not None and flat[stop.start()] == ";"


def _add_sentence(out: list[Span], flat: str, start: int, end: int) -> None:
    while start < end and flat[start].isspace():
        start += 1
    while end > start and flat[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def evidence(doc: Doc, start: int, end: int) -> list[dict[str, Any]]:
    return [{"quote": doc.text[start:end], "start": start, "end": end}]


NON_WORD = re.compile(r"[^\w]+")


def clean(s: str) -> str:
    """Collapse whitespace, as names are written in the record. ``str.split`` splits at the
    characters ``\\s`` matches, so this is ``re.sub(r"\\s+", " ", s).strip()``, faster."""
    return " ".join(s.split())


# ---------------------------------------------------------------- capitalised runs


@dataclass(slots=True)
class Run:
    """A maximal run of capitalised words, joined by connectors such as ``of the``."""

    start: int
    end: int
    tokens: list[tuple[str, int, int]]
    #: The run's words, made once: every run is read many times and never changed (made with
    #: the run rather than by ``functools.cached_property``, whose first read takes a lock).
    #: :func:`find_runs` gives them as a slice of the text's token words; made from the
    #: tokens when not given.
    words: list[str] = field(default=None, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.words is None:
            self.words = [t for t, _, _ in self.tokens]


ORDINAL_ENDS = ("st", "nd", "rd", "th")


def _prefixed(tok: str) -> bool:
    return ARTICLE_PREFIX.match(tok) is not None  # "al-Shehab"


#: A form's field label of a capitalised word and a few lower-case ones before a colon, as a
#: line opens with it: "Date of birth:", "Place of detention:".
FIELD_LABEL = re.compile(r"[A-Z][a-z]+(?: [a-z]+){1,3}:")


#: Honorifics written without a stop ("Mr Reed", "Dr Sand").
BARE_HONORIFICS = frozenset("Mr Ms Mrs Dr Messrs Mmes".split())


def find_runs(doc: Doc) -> list[Run]:
    """Capitalised runs in the text; quotes inside a name (``Centre “Memorial”``) are kept."""
    toks, cap, words = doc.tokens
    short = doc.short_line(50) if "\n" in doc.text else 50
    runs: list[Run] = []
    n = len(toks)
    j = 0
    text = doc.text
    for i in itertools.compress(range(n), cap):  # a run opens at a capitalised token
        if i < j:
            continue  # inside the run before
        j = i + 1
        while j < n:
            tok = toks[j][0]
            # most gaps between tokens hold no line break: looked for here, in C, before the
            # rules on line breaks are called
            if text.find("\n", toks[j - 1][2], toks[j][1]) >= 0:
                if _short_line_break(text, toks[j - 1][2], toks[j][1], short):
                    break
                if doc.authored_break(toks[j - 1][2], toks[j][1]):
                    break  # a list of addresses: each line an item
                if tok in LINE_OPENERS:
                    break  # "... TARGET: Persian, English\nYou can also write": a new sentence
                if j + 1 < n and toks[j + 1][0] == ":" and toks[j + 1][1] == toks[j][2]:
                    break  # "... District Court\nLocation: Vela": a field's label opens a line
                if FIELD_LABEL.match(text, toks[j][1]):
                    break  # "... teacher of Tamazight\nDate of birth: 1978": a longer label
            elif (
                toks[j][1] - toks[j - 1][2] >= 3
                and text.find("   ", toks[j - 1][2], toks[j][1]) >= 0
            ):
                break  # "Zembla   Date: 4 May 2021": columns set apart by spaces
            if cap[j] and j > i and _lone_ordinal(toks, cap, j):
                break  # "the Council's 49th session", "on the 12th": a day or a count, no name
            if toks[j - 1][0] in BARE_HONORIFICS and cap[j] and toks[j - 1][2] < toks[j][1]:
                break  # "Trial of Dr Ivo Sand": the name after the honorific a run of its own,
                # as after "Dr." (its stop a token that ends the run)
            if cap[j] or (tok == "No." and j + 1 < n):
                j += 1
                continue
            if (
                tok == "/"
                and j + 2 < n
                and cap[j + 1]
                and toks[j][1] == toks[j - 1][2]
                and toks[j + 1][1] == toks[j][2]
                and len(toks[j - 1][0]) > 2
                and len(toks[j + 1][0]) > 2
                and not toks[j + 1][0].isupper()
            ):
                j += 1  # "Radio Free Zembla/Radio Kastra": two names of one body, slashed
                continue
            if tok in ("“", '"') and j + 1 < n and cap[j + 1]:
                close = next(
                    (k for k in range(j + 1, min(j + 8, n)) if toks[k][0] in ("”", '"')),
                    None,
                )
                if close and all(cap[j + 1 : close]):
                    j = close + 1
                    continue
            if (
                tok == "("
                and j + 3 < n
                and cap[j + 1]
                and toks[j + 2][0] == ")"
                and cap[j + 3]
                and not toks[j + 1][0].isupper()
            ):
                j += 3  # "Public Order (Amendment) Act": a bracketed word in a name
                continue
            if tok == "(" and (k := _bracketed_words_end(toks, cap, j)):
                j = k  # "Cybercrimes (Prohibition, Prevention, etc.) Act": bracketed words
                continue
            if tok.isdigit() and toks[j - 1][0] == "No.":
                j += 1
                continue
            if (
                tok == "."
                and (
                    INITIAL.match(toks[j - 1][0])
                    or toks[j - 1][0] in NAME_ABBREVS
                    or (
                        toks[j - 1][0] in DIGRAPH_INITIALS
                        and (
                            j - 1 > i
                            or LOWER_WORD_BEFORE.search(text, max(0, toks[i][1] - 30), toks[i][1])
                        )
                    )
                )
                and j + 1 < n
                and (cap[j + 1] or _particles_then_cap(toks, cap, j + 1))
                and toks[j][2] < toks[j + 1][1]
                and toks[j + 1][0] not in SENTENCE_OPENERS
            ):
                j += 1  # "A. Novak", "Anna K. Novak", "Rosa E. del Carpio": an initial's stop
                continue
            k = j
            spanish = toks[k][0] in SPANISH_CONNECTORS and any(
                t[0] in SPANISH_BODY_HEADS for t in toks[i:j]
            )
            while k < n and (
                toks[k][0] in CONNECTORS
                or toks[k][0] in NAME_PARTICLES
                or (spanish and toks[k][0] in SPANISH_CONNECTORS)
                or (
                    toks[k][0] == "la"
                    and toks[k - 1][0] == "de"
                    and (
                        (j - i >= 2 and toks[j - 2][0] not in ("The", "A", "An"))
                        # "Ivo de la Vega": one given name, where no article or body's noun
                        # makes the words a post or a place ("the Fiscal de la Nación")
                        or (j - i == 1 and _given_name_before_de_la(text, toks[i]))
                    )
                )
                # "Marta Elena López y Cruz": a Spanish name's two surnames, joined by "y" after
                # a given name and a surname, the second one word ("Ana Ruiz y Pedro Gil" are two)
                or (
                    toks[k][0] == "y"
                    and k == j
                    and j - i >= 2
                    and k + 1 < n
                    and cap[k + 1]
                    and (k + 2 == n or not cap[k + 2])
                )
            ):  # "Ana María de la Cruz" (not "the Fiscal de la Nación": one word before "de")
                k += 1
            if (
                k > j
                and k < n
                and cap[k]
                and not _lone_ordinal(toks, cap, k)
                and _gap_ok(doc, toks, j - 1, k)
                and not _second_treaty(toks, i, j, k)
            ):
                j = k
                continue
            if (
                toks[j][0] in PATRONYMIC_ENDS
                and j - i >= 2
                and toks[j - 1][2] + 1 == toks[j][1]
                and (j + 1 == n or not cap[j + 1])
            ):
                j += 1  # "Timur Asan uulu", "Elnur Mammad oglu": "son of" the name before
                break
            if tok == "," and _ministry_of(toks, i, j) and (k := _portfolios_end(toks, cap, j)):
                j = k  # "Ministry of Lands, Housing and Urban Development": one name
                continue
            if toks[j - 1][0] in ("Tribunal", "Cour") and (k := _court_tail(toks, j)):
                j = k  # "Tribunal de grande instance": a French court's name goes on in lower case
                continue
            break
        runs.append(Run(toks[i][1], toks[j - 1][2], toks[i:j], words[i:j]))
    return runs


#: The words in lower case that go on a French court's name after "Tribunal" or "Cour".
FRENCH_COURT_TAILS = (
    ("de", "grande", "instance"),
    ("de", "première", "instance"),
    ("de", "premiere", "instance"),
    ("de", "paix"),
    ("de", "cassation"),
    ("de", "commerce"),
    ("militaire",),
    ("correctionnel",),
)


def _court_tail(toks: list[tuple[str, int, int]], j: int) -> int:
    """Where a French court's name ends after its head word at ``j - 1``, or 0."""
    for tail in FRENCH_COURT_TAILS:
        if tuple(t[0] for t in toks[j : j + len(tail)]) == tail:
            return j + len(tail)
    return 0


#: What stands before a given name in a sentence's run: a word in lower case that is no
#: article ("arrested Ivo de la Vega") or a comma ("her brother, Ivo de la Vega").
IN_SENTENCE_BEFORE = re.compile(r"(?:(?<![\w’'])(?!(?:the|el|la|los|las)\b)[a-zà-ÿ]+|,)[ \t]*\Z")


def _given_name_before_de_la(text: str, tok: tuple[str, int, int]) -> bool:
    """Whether one capitalised word before "de la" may be a given name: it stands in a
    sentence after a word or a comma, not at a line's head, in brackets or after an article
    ("the Fiscal de la Nación", "(Fiscal de la Nación)"), and is no noun of a body or a
    place."""
    from kg.extract.lexicon import PARTICLE_NAME_HEADS

    word, a, _b = tok
    if word in SPANISH_BODY_HEADS or word in PARTICLE_NAME_HEADS or word.isupper():
        return False
    return IN_SENTENCE_BEFORE.search(text, max(0, a - 30), a) is not None


def _lone_ordinal(toks: list[tuple[str, int, int]], cap: list[bool], k: int) -> bool:
    """Whether ``toks[k]`` is an ordinal in figures ("12th") with no capitalised word after it:
    it goes on no name ("the 3rd Criminal Court" has one)."""
    return toks[k][0][:1].isdigit() and (k + 1 == len(toks) or not cap[k + 1])


#: The head words of international instruments: a name that "and the" joins to one of them
#: ends there ("the Convention to Prevent and Punish Torture and the UN Declaration on ...").
TREATY_HEADS = frozenset(
    "Convention Covenant Declaration Charter Treaty Protocol Principles".split()
)


def _second_treaty(toks: list[tuple[str, int, int]], i: int, j: int, k: int) -> bool:
    """Whether the connectors ``toks[j:k]`` hold "and" before a treaty's name opening at ``k``
    (its head within three words): no name goes on into a treaty's ("Punish Torture and the UN
    Declaration on ..." are the end of one name and another)."""
    return any(t[0] == "and" for t in toks[j:k]) and any(
        t[0] in TREATY_HEADS for t in toks[k : k + 3]
    )


def _particles_then_cap(toks: list[tuple[str, int, int]], cap: list[bool], k: int) -> bool:
    """Whether name particles open at ``k`` and a capitalised token follows them ("del Carpio",
    "de la Cruz"), at most three particles."""
    m = k
    while m < len(toks) and m < k + 3 and toks[m][0] in NAME_PARTICLES:
        m += 1
    return k < m < len(toks) and cap[m]


#: Words that may follow a bracket of several words inside a law's name.
BRACKET_NAME_HEADS = frozenset("Act Law Code Ordinance Decree Bill Regulations".split())
#: What may stand between capitalised words inside such a bracket.
BRACKET_NAME_JOINS = frozenset({",", "and", "&", "etc"})


def _bracketed_words_end(toks: list[tuple[str, int, int]], cap: list[bool], j: int) -> int | None:
    """Where a law's name goes on after the bracket that opens at ``j``: the token after the
    law's head word, where the bracket holds two or more capitalised words joined by commas,
    "and" or "etc." ("Criminal Law (Codification and Reform) Act"), or None."""
    words = 0
    for k in range(j + 1, min(j + 12, len(toks) - 1)):
        tok = toks[k][0]
        if tok == ")":
            head = toks[k + 1][0] in BRACKET_NAME_HEADS
            return k + 2 if words >= 2 and head else None
        if cap[k] and not tok.isupper():
            words += 1
        elif not (
            (tok in BRACKET_NAME_JOINS and words) or (tok == "." and toks[k - 1][0] == "etc")
        ):
            return None
    return None


def _ministry_of(toks: list[tuple[str, int, int]], i: int, j: int) -> bool:
    """Whether the run ``i:j`` names a ministry by its portfolio: "... Ministry of Lands"."""
    return any(toks[m][0] == "Ministry" and toks[m + 1][0] == "of" for m in range(i, j - 1))


def _portfolios_end(toks: list[tuple[str, int, int]], cap: list[bool], j: int) -> int | None:
    """Where a ministry's list of portfolios that goes on at the comma ``j`` ends: at the first
    capitalised word after its "and" (", Housing and Urban Development"), or None where the comma
    ends the name ("the Ministry of Justice, Ana Lind, ...": no "and" before a lower-case word)."""
    k = j
    for _ in range(4):  # up to four more portfolios
        if k + 1 >= len(toks) or toks[k][0] != "," or not cap[k + 1]:
            return None
        k += 1
        while k < len(toks) and cap[k]:
            k += 1
        if k + 1 < len(toks) and toks[k][0] == "and" and cap[k + 1]:
            return k + 1
        if k + 2 < len(toks) and toks[k][0] == "," and toks[k + 1][0] == "and" and cap[k + 2]:
            return k + 2
    return None


#: TOKEN_RE as one group: ``split`` gives the gaps and the tokens in turn.
TOKEN_SPLIT = re.compile(f"({TOKEN_RE.pattern})")
#: TOKEN_SPLIT for a text without an underscore, in a form the engine reads faster, with the
#: same tokens: white space is passed over at once (every token opens with a character that
#: is not white space), a letter opens one branch whether a run follows it or not, the
#: quotation marks are single characters of ``\S`` as before, and a letter is ``[^\W\d]``
#: (which holds the underscore, absent here) rather than ``[^\W\d_]``. The run after a first
#: letter (``[\w’'\-.]*\w``: the longest that ends with a word character) is read as words
#: and the marks between them, each taken whole (possessive), so the engine no longer reads
#: a run to its end and then steps back off the marks and the last letter.
TOKEN_SPLIT_PLAIN = re.compile(
    r"((?=\S)(?:No\.(?=\s*\d)|[A-Z]/[A-Z][a-z]++(?![\w’'\-/])|"
    r"[A-Z][a-z]{0,2}['’][a-z]++['’](?![\w’'])|[^\W\d](?:\w++(?:[’'\-.]++\w++)*+(?:(?<=s)['’](?!\w))?"
    r"|(?:[’'\-.]++\w++)++(?:(?<=s)['’](?!\w))?)?|\d++(?:st|nd|rd|th)?|\S))"
)


#: The first letters of French words elided before a vowel: "l'Homme", "d'Appel".
ELIDING = frozenset("ld")


def _tokens(flat: str) -> tuple[list[tuple[str, int, int]], list[bool], list[str]]:
    """The tokens of ``flat`` (text, start, end), as ``TOKEN_RE.finditer`` gives them,
    whether each is capitalised (an upper-case letter, an ordinal ("3rd"), an article prefix:
    "al-Shehab"), and the tokens' texts alone (a run's words are a slice of them). A text has
    some thousand tokens and most are not capitalised: the offsets are summed from the lengths
    of the gaps and tokens ``split`` gives, and the tokens are told by maps over their first
    letters, with no Python step per token; only tokens that open with a digit or hold a
    hyphen are looked at one by one."""
    parts = (TOKEN_SPLIT if "_" in flat else TOKEN_SPLIT_PLAIN).split(flat)
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    words = parts[1::2]
    starts, ends = offsets[1:-1:2], offsets[2::2]
    toks = list(zip(words, starts, ends, strict=True))
    firsts = list(map(operator.itemgetter(0), words))
    cap = list(map(str.isupper, firsts))
    for k in itertools.compress(range(len(words)), map(str.isdigit, firsts)):
        cap[k] = words[k][-2:] in ORDINAL_ENDS
    # a French article or preposition elided onto a capitalised word: "Droits de l'Homme",
    # "Cour d'Appel"
    for k in itertools.compress(range(len(words)), map(ELIDING.__contains__, firsts)):
        w = words[k]
        cap[k] = w[1:2] in ("'", "’") and w[2:3].isupper()
    # the tokens that hold a hyphen, found from the hyphens of the text (a few dozen) rather
    # than by asking each of the thousand tokens; the gaps between tokens are white space, so
    # every hyphen is in a token
    i = flat.find("-")
    while i >= 0:
        k = bisect.bisect_right(starts, i) - 1
        t = words[k]
        if not cap[k] and not t[0].isdigit():
            cap[k] = "-" in t[2:4] and _prefixed(t)
        i = flat.find("-", ends[k])
    # "Tomás d'Almeida Prado": an elided "de" written on a capitalised name, found from the
    # apostrophes after a "d" (a few in a text)
    for quote in ("'", "’"):
        i = flat.find("d" + quote)
        while i >= 0:
            if (i == 0 or not flat[i - 1].isalnum()) and flat[i + 2 : i + 3].isupper():
                k = bisect.bisect_right(starts, i) - 1
                if starts[k] == i:
                    cap[k] = True
            i = flat.find("d" + quote, i + 2)
    return toks, cap, words


def _short_line_break(text: str, a: int, b: int, short: int = 50) -> bool:
    """A line break after a short line (:meth:`Doc.short_line`) ends a run: signature blocks
    put name and title apart. A blank line always does: a name never runs across paragraphs."""
    nl = text.find("\n", a, b)
    if nl < 0:
        return False
    if text.find("\n", nl + 1, b) >= 0:
        return True
    line_start = text.rfind("\n", 0, a) + 1
    if nl - line_start >= short:
        return False
    # a sentence broken early, not a block of short lines: "His sister, Tran Thi Lan" then
    # "Anh, a member of ..." (a title opens the next line of a signature block:
    # "Special Rapporteur on ...", "Minister of Justice")
    return not (
        PROSE_THEN_NAME.search(text, line_start, nl) and NAME_ENDS_THEN_PROSE.match(text, b)
    )


#: A short line that opens in prose and ends in capitalised words: "His sister, Tran Thi Lan".
PROSE_THEN_NAME = re.compile(
    r"\b(?!(?:the|and|for|del|des|los|las|van|von|der|den|bin|ibn|dos|das)\b)[a-z]{3,}[,:]?"
    r"[ \t]+(?:[A-ZÀ-ÞĀ-Žİ][\w’'.-]*[ \t]+){0,3}[A-ZÀ-ÞĀ-Žİ][\w’'.-]*[ \t]*$"
)
#: One capitalised word, then the sentence going on: "Anh, a member", "Hoa was"
#: (not a place's line in an address: "Sucre, Bolivia", "Madinat al-Nour, New Vela").
NAME_ENDS_THEN_PROSE = re.compile(
    r"[A-ZÀ-ÞĀ-Žİ][\w’'-]*(?:,[ \t]+|[ \t]+)"
    r"(?!(?:of|for|on|to|in|at|and|de|del|la|le|van|von|der|al|el|bin|ibn|da|do|di|du)\b)[a-z]"
)


GAP_STOP = re.compile(r"[,;:.()]")


def _gap_ok(doc: Doc, toks: list[tuple[str, int, int]], a: int, b: int) -> bool:
    """Connectors may join a name only inside one sentence and without punctuation."""
    gap = doc.flat[toks[a][2] : toks[b][1]]
    return not GAP_STOP.search(gap) and len(gap) < 40


def sentences_with(doc: Doc, positions: list[int]) -> list[Span]:
    """The sentences that hold any of ``positions``, in text order, each once.

    Found by bisection, so a long text with many mentions costs n log n, not n × m.
    """
    found: set[int] = set()
    for pos in positions:
        i = bisect.bisect_right(doc.sentence_starts, pos) - 1
        if i >= 0 and pos < doc.sentences[i].end:
            found.add(i)
    return [doc.sentences[i] for i in sorted(found)]


#: What joins a name to the next one of the same list: " and ", ", and his wife, Ms. ", ", ".
LIST_LINK = re.compile(
    r"(?:,[^,.;]{0,60},|,)?\s+and\s+(?:(?:the|a|an|his|her|their|its)(?:\s+[a-z][\w’'-]*){0,2}"
    r",?\s+)?(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
    r"|,\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
)


def names_listed_after(flat: str, end: int, starts: dict[int, int]) -> list[tuple[int, int]]:
    """The mentions of the names that follow the one ending at ``end`` in one list ("A, his
    mother, and B, his wife, filed ..."): ``starts`` gives each person's mention by its start."""
    out: list[tuple[int, int]] = []
    while (m := LIST_LINK.match(flat, end)) and m.end() in starts and len(out) < 8:
        end = starts[m.end()]
        out.append((m.end(), end))
    return out
