"""Turn the text of an appeal into a case record, by general rules.

Appeals are written to a house style: a dated header, a title ``Country: what happened``, a
narrative of dated legal steps ("On 7 November 2017, the X Court ..."), a paragraph on the
instruments at stake and a numbered list of demands. The rules here read that style: capitalised
runs of words become people, bodies, places or instruments according to their head word; sentences
with an event verb become dated events; the numbered list becomes demands. Nothing is specific to
one appeal. Every item carries the span of text that states it, so a reviewer can check it.

The record follows the corpus gold format (see ``docs/extraction.md``) and adds evidence spans,
confidences and an ``extraction`` block.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import yaml

from kg import __version__

# ---------------------------------------------------------------- generic vocabulary
# Word lists of the genre, not of any one appeal: honorifics, months, head words of bodies and
# instruments, event verbs, well-known treaties and platforms.

HONORIFICS = {"Mr": "male", "Messrs": "male", "Ms": "female", "Mrs": "female", "Miss": "female",
              "Dr": None, "Prof": None}  # fmt: skip
MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split()
)}  # fmt: skip
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split()
)}  # fmt: skip
CAP_STOP = frozenset(
    """On In The A An His Her Their Its After Before During Under According As
While When Since This That These Those He She They We It Please Within About Only Background
Urgent Appeal New Actions Addresses Following Meanwhile Without Excellency Both Each All Among
However Also Although Despite Until Pending Release Guarantee Ensure Immediately Cease Stop End
Comply Allow Lift Implement Investigate Take Provide Explain Indicate Drop Quash Update UPDATE
Mandates Information Early Late Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve None
Intimidation Their Whose Which Who What Where Why How Yes No Not Our Your Dear Sir Madam
Geneva-Paris""".split()
)
#: Words that open a run but belong to a description, not a person's name.
TITLE_STOP = frozenset(
    """Prison Criminal Human Rights Defender Defenders Activist Lawyer
Journalist Judge Prosecutor General President Mayor Minister Chairman Chair Director Head
Vice-President Deputy Former Then Prime Commissioner Magistrate Justice Principal Senior
Assistant Special District City Chief Director Inspector Officer Superintendent Commander Sister
Brother Father Senator Governor Secretary Land Indigenous German Swedish Italian Czech Russian
Turkish
Kazakh Belarusian Chechen US-based""".split()
)
#: Capitalised words that are never part of a person's name in this genre.
NON_NAME = frozenset(
    """National Security State Federal Supreme Regional District City Republic
Human Rights International European United General Public Civil Political Social Economic Peace
Nobel Award Prize Guard Republican Covenant Constitution Court Office Law Code Centre Center
Western Eastern Northern Southern Central Special Working Group Criminal Administrative
Department Ministry Interior Justice Assembly Parliamentary Committee Council Union
Actions Background Addresses Excellency Urgent Appeal Defender Director Americas Initiative
University County Province Activities Hub Indigenous""".split()
)

ORG_HEADS = {
    "Court": "court", "Tribunal": "court", "Plenum": "court", "Division": "court",
    "Prosecution": "prosecution", "Prosecutor’s": "prosecution", "Procuracy": "prosecution",
    "Police": "police", "Gendarmerie": "police", "Militia": "police",
    "Ministry": "ministry", "Government": "government", "Administration": "government",
    "Ombudsman’s": "government", "Ombudsman's": "government", "Parliament": "parliament",
    "Duma": "parliament", "Party": "political_party", "Committee": "ngo", "Office": "government",
    "Agency": "government", "Department": "government", "Service": "government",
    "Centre": "ngo", "Center": "ngo", "Society": "ngo", "Association": "ngo", "Foundation": "ngo",
    "Union": "ngo", "Council": "ngo", "Assembly": "ngo", "Commission": "government",
    "Group": "other", "Federation": "ngo", "Organisation": "ngo", "Organization": "ngo",
    "Observatory": "ngo", "Network": "ngo", "Institute": "ngo", "Bureau": "government",
    "Mechanism": "other", "Coalition": "ngo", "Movement": "other", "Alliance": "ngo",
    "Ltd": "company", "LLC": "company", "Inc": "company", "Company": "company", "Bank": "company",
    "Corporation": "company", "Newspaper": "media", "Radio": "media", "Television": "media",
    "TV": "media", "Nations": "international_org", "Watch": "ngo", "International": "ngo",
    "Defenders": "ngo", "Campaign": "other", "Front": "ngo", "Army": "government",
    "Forces": "government", "Procuratorate": "prosecution", "University": "other",
    "Initiative": "ngo", "Hub": "ngo", "Organización": "ngo", "Alianza": "ngo",
    "Asociación": "ngo", "Centro": "ngo", "Comité": "ngo", "Consejo": "ngo", "Frente": "ngo",
    "Fundación": "ngo", "Movimiento": "other", "Red": "ngo", "Sindicato": "ngo",
    "Instituto": "ngo", "Coordinadora": "ngo", "Unión": "ngo", "Courts": "court",
    "Guard": "government", "Inspectorate": "government", "Congress": "parliament",
    "Directorate": "government", "Secretariat": "government", "Commissions": "government",
}  # fmt: skip
ORG_KIND_HINTS = [
    (re.compile(r"\b(?:Court|Tribunal|Plenum)\b"), "court"),
    (re.compile(r"Prosecut|Procura"), "prosecution"),
    (
        re.compile(
            r"\b(?:Police|Interior|Gendarm|Militia|Financial Investigations|Criminal Investig)"
        ),
        "police",
    ),
    (
        re.compile(r"\bSecurity (?:Committee|Service|Agency)|\bIntelligence\b|\bState Security"),
        "security_service",
    ),
    (re.compile(r"\bMinistry\b"), "ministry"),
    (re.compile(r"\bParliament|\bDuma\b|\bNational Assembly\b"), "parliament"),
    (
        re.compile(
            r"\b(?:United Nations|UN(?= [A-Z])|Council of Europe|European Union|OSCE|"
            r"Working Group on|Parliamentary Assembly|Special Rapporteur)"
        ),
        "international_org",
    ),
    (re.compile(r"\bParty\b"), "political_party"),
    (re.compile(r"\b(?:Ltd|LLC|Inc|JSC|Company|Corporation|Bank)\b"), "company"),
    (re.compile(r"\b(?:Government|Ombudsman|Administration|Presidential)"), "government"),
    (re.compile(r"\b(?:Campaign|Movement|Mechanism)\b"), "other"),
]
INSTRUMENT_HEADS = {
    "Code": "law", "Constitution": "constitution", "Convention": "convention",
    "Covenant": "treaty", "Declaration": "treaty", "Charter": "treaty", "Agreement": "treaty",
    "Treaty": "treaty", "Protocol": "treaty", "Law": "law", "Act": "law", "Decree": "decree",
    "Principles": "treaty", "Rules": "treaty",
}  # fmt: skip
SITE_HEADS = frozenset(
    """Airport Prison Colony Cosmodrome Headquarters Square Street Avenue
Station Camp Island Hospital Hotel Complex Facility County Province Region Oblast Road Lane
Boulevard Highway Bridge Market Park Village Valley Mountains Mountain River Lake""".split()
)
PERSON_TITLES = [
    (r"Prosecutor General", "official", "prosecutor"), (r"President", "official", None),
    (r"Prime Minister", "official", None), (r"Minister", "official", None),
    (r"Mayor", "official", None), (r"Governor", "official", None),
    (r"District Magistrate|District Collector|Prefect|Adviser|Advisor", "official", None),
    (r"Commissioner", "official", None), (r"Special Rapporteur", "official", None),
    (r"Chair-Rapporteur", "official", None), (r"Ombudsman", "official", None),
    (r"[Jj]udge", "judge", None), (r"Magistrate|Justice", "judge", None),
    (r"Director", "official", None), (r"[Pp]rosecutor", "prosecutor", None),
    (r"(?:human rights |defence |defense )?[Ll]awyer", "lawyer", None),
    (r"[Jj]ournalist", "journalist", None), (r"(?:human rights )?[Dd]efenders?", "defender", None),
    (r"(?:civic |civil society )?[Aa]ctivists?", "defender", None),
    (r"[Cc]olleagues?", "defender", None), (r"[Ww]itness", "witness", None),
    (r"(?:[Pp]aralegal|[Cc]ampaigner|[Oo]rgani[sz]er|[Tt]rade unionist|[Ee]nvironmentalist|"
     r"[Cc]ommunity leader|[Ll]and defender)", "defender", None),
]  # fmt: skip
GENDER_NOUNS = {
    "wife": "female", "mother": "female", "daughter": "female", "sister": "female",
    "husband": "male", "father": "male", "son": "male", "brother": "male",
    "nephew": "male", "niece": "female", "son-in-law": "male", "daughter-in-law": "female",
    "brother-in-law": "male", "sister-in-law": "female", "father-in-law": "male",
    "mother-in-law": "female", "grandson": "male", "granddaughter": "female",
    "grandfather": "male", "grandmother": "female", "uncle": "male", "aunt": "female",
    "cousin": "unknown", "stepson": "male", "stepdaughter": "female", "partner": "unknown",
    "spouse": "unknown", "fiancé": "male", "fiancée": "female",
}  # fmt: skip
GENDER_NOUN_RE = re.compile(
    rf"(?<![\w-])({'|'.join(sorted(GENDER_NOUNS, key=len, reverse=True))}),?\s*$"
)
PLATFORMS = frozenset(
    "Facebook Twitter Instagram YouTube Telegram WhatsApp VKontakte TikTok".split()
)
#: Well-known bodies named by a bare acronym or without a head word.
KNOWN_BODIES = {
    "FIDH": "ngo", "OMCT": "ngo", "Amnesty International": "ngo", "Human Rights Watch": "ngo",
    "Front Line Defenders": "ngo", "United Nations": "international_org", "UN": "international_org",
    "OSCE": "international_org", "Council of Europe": "international_org",
    "European Union": "international_org", "Memorial": "ngo", "People in Need": "ngo",
}  # fmt: skip
WELL_KNOWN_INSTRUMENTS = {
    "ICCPR": "International Covenant on Civil and Political Rights",
    "ECHR": "European Convention on Human Rights",
    "UDHR": "Universal Declaration of Human Rights",
    "CAT": "Convention against Torture",
    "ICESCR": "International Covenant on Economic, Social and Cultural Rights",
    "CEDAW": "Convention on the Elimination of All Forms of Discrimination against Women",
    "the Covenant": "International Covenant on Civil and Political Rights",
}  # fmt: skip


def _country_names() -> dict[str, str]:
    """Country names as written in appeals, each mapped to itself (the form the text uses)."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            n = getattr(c, attr, None)
            if n and "," not in n and "(" not in n:
                names[n] = n
    for n in (
        "Russia",
        "Turkey",
        "Iran",
        "Syria",
        "Venezuela",
        "Bolivia",
        "Vietnam",
        "Laos",
        "Moldova",
        "Tanzania",
        "Czech Republic",
        "Palestine",
        "South Korea",
        "North Korea",
        "Kosovo",
        "Republic of Kazakhstan",
        "Democratic Republic of the Congo",
    ):
        names[n] = n
    return names


COUNTRIES = _country_names()
DEMONYMS = {
    "Kazakh": "Kazakhstan", "Kazakhstani": "Kazakhstan", "Russian": "Russian Federation",
    "Turkish": "Turkey", "Belarusian": "Belarus", "Azerbaijani": "Azerbaijan",
    "Egyptian": "Egypt", "Chinese": "China", "Indian": "India", "Pakistani": "Pakistan",
    "Bangladeshi": "Bangladesh", "Mexican": "Mexico", "Colombian": "Colombia",
    "Guatemalan": "Guatemala", "Honduran": "Honduras", "Nicaraguan": "Nicaragua",
    "Kenyan": "Kenya", "Ugandan": "Uganda", "Filipino": "Philippines", "Philippine": "Philippines",
    "German": "Germany", "Swedish": "Sweden", "Italian": "Italy", "Czech": "Czech Republic",
    "French": "France", "British": "United Kingdom", "American": "United States",
    "Ukrainian": "Ukraine", "Uzbek": "Uzbekistan", "Tajik": "Tajikistan", "Kyrgyz": "Kyrgyzstan",
    "Iranian": "Iran", "Syrian": "Syria", "Saudi": "Saudi Arabia", "Bahraini": "Bahrain",
    "Vietnamese": "Vietnam", "Cambodian": "Cambodia", "Thai": "Thailand", "Burmese": "Myanmar",
    "Venezuelan": "Venezuela", "Brazilian": "Brazil", "Peruvian": "Peru", "Zimbabwean": "Zimbabwe",
    "Ethiopian": "Ethiopia", "Nigerian": "Nigeria", "Tanzanian": "Tanzania", "Georgian": "Georgia",
    "Armenian": "Armenia", "Israeli": "Israel", "Palestinian": "Palestine", "Moroccan": "Morocco",
    "Algerian": "Algeria", "Tunisian": "Tunisia", "Sudanese": "Sudan", "Cuban": "Cuba",
}  # fmt: skip

# ---------------------------------------------------------------- text model

TOKEN_RE = re.compile(
    r"No\.(?=\s*\d)|[^\W\d_][\w’'\-.]*[\w](?:(?<=s)['’](?!\w))?|[^\W\d_]|\d+(?:st|nd|rd|th)?|“|”|\"|\S"
)
CONNECTORS = frozenset({"of", "the", "for", "on", "against", "and", "or", "from", "in", "No."})
SENT_END = re.compile(r"(?<=[.;!?])[”\"’)]?\s+(?=[“\"(]?[A-Z0-9İÖÜŞÇ])|\n[ \t]*\n\s*")
ABBREV_END = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Messrs|No|St|Art|Prof|para|Nos|Jr|Sr|v|vs)\.$")


@dataclass
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


def make_doc(text: str) -> Doc:
    flat = re.sub(r"[\n\r\t\f\v]", " ", text)
    paragraphs = []
    pos = 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        paragraphs.append(Span(pos, m.start()))
        pos = m.end()
    paragraphs.append(Span(pos, len(text)))
    sentences = []
    for para in paragraphs:
        start = para.start
        for m in SENT_END.finditer(text, para.start, para.end):
            if ABBREV_END.search(flat[max(start, m.start() - 8) : m.start()]):
                continue
            if re.search(r"\b[A-Z]\.$", flat[m.start() - 3 : m.start()]):
                continue
            _add_sentence(sentences, flat, start, m.start())
            start = m.end()
        _add_sentence(sentences, flat, start, para.end)
    paragraphs = [p for p in paragraphs if flat[p.start : p.end].strip()]
    return Doc(text=text, flat=flat, sentences=sentences, paragraphs=paragraphs,
               sentence_starts=[s.start for s in sentences])  # fmt: skip


def _add_sentence(out: list[Span], flat: str, start: int, end: int) -> None:
    while start < end and flat[start].isspace():
        start += 1
    while end > start and flat[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def evidence(doc: Doc, start: int, end: int) -> list[dict[str, Any]]:
    return [{"quote": doc.text[start:end], "start": start, "end": end}]


_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")


def clean(s: str) -> str:
    """Collapse whitespace, as names are written in the record."""
    return _WS.sub(" ", s).strip()


# ---------------------------------------------------------------- capitalised runs


@dataclass
class Run:
    """A maximal run of capitalised words, joined by connectors such as ``of the``."""

    start: int
    end: int
    tokens: list[tuple[str, int, int]]

    @property
    def words(self) -> list[str]:
        return [t for t, _, _ in self.tokens]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and tok[-2:] in ("st", "nd", "rd", "th"))


def find_runs(doc: Doc) -> list[Run]:
    """Capitalised runs in the text; quotes inside a name (``Centre “Memorial”``) are kept."""
    toks = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(doc.flat)]
    runs: list[Run] = []
    i = 0
    while i < len(toks):
        if not _is_cap(toks[i][0]):
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            tok = toks[j][0]
            if _short_line_break(doc.text, toks[j - 1][2], toks[j][1]):
                break
            if _is_cap(tok) or (tok in ("No.",) and j + 1 < len(toks)):
                j += 1
                continue
            if tok in ("“", '"') and j + 1 < len(toks) and _is_cap(toks[j + 1][0]):
                close = next(
                    (k for k in range(j + 1, min(j + 8, len(toks))) if toks[k][0] in ("”", '"')),
                    None,
                )
                if close and all(_is_cap(t[0]) for t in toks[j + 1 : close]):
                    j = close + 1
                    continue
            if (
                tok == "("
                and j + 3 < len(toks)
                and _is_cap(toks[j + 1][0])
                and toks[j + 2][0] == ")"
                and _is_cap(toks[j + 3][0])
                and not toks[j + 1][0].isupper()
            ):
                j += 3  # "Unlawful Activities (Prevention) Act": a bracketed word in a name
                continue
            if tok.isdigit() and toks[j - 1][0] == "No.":
                j += 1
                continue
            k = j
            while k < len(toks) and toks[k][0] in CONNECTORS:
                k += 1
            if k > j and k < len(toks) and _is_cap(toks[k][0]) and _gap_ok(doc, toks, j - 1, k):
                j = k
                continue
            break
        runs.append(Run(toks[i][1], toks[j - 1][2], toks[i:j]))
        i = j
    return runs


def _short_line_break(text: str, a: int, b: int) -> bool:
    """A line break after a short line ends a run: signature blocks put name and title apart.
    A blank line always does: a name never runs across paragraphs."""
    nl = text.find("\n", a, b)
    if nl < 0:
        return False
    if text.find("\n", nl + 1, b) >= 0:
        return True
    line_start = text.rfind("\n", 0, a) + 1
    return nl - line_start < 50


def _gap_ok(doc: Doc, toks: list[tuple[str, int, int]], a: int, b: int) -> bool:
    """Connectors may join a name only inside one sentence and without punctuation."""
    gap = doc.flat[toks[a][2] : toks[b][1]]
    return not re.search(r"[,;:.()]", gap) and len(gap) < 40


# ---------------------------------------------------------------- entities


@dataclass
class Entity:
    """A person, organisation, place or instrument found in the text."""

    kind: str
    name: str | None
    start: int
    end: int
    variants: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    id: str = ""


def head_of(words: list[str]) -> tuple[str, str] | None:
    """The word that tells what a run names: an instrument, a body or a site.

    English names put the head last before their complement: ``Open Constitution Initiative``
    is an initiative, ``Kahawa Law Courts`` a court, ``Code of Criminal Procedure`` a code. So
    the last head word before the first ``of``/``on``/``for`` wins; else the first head anywhere.
    """
    first = next(
        (i for i, w in enumerate(words) if w in ("of", "on", "for", "against")), len(words)
    )
    for k in range(first - 1, -1, -1):
        bare = words[k].strip('“”"')
        bare = bare[:-2] if bare.endswith(("’s", "'s")) else bare
        if bare in INSTRUMENT_HEADS:
            return "instrument", bare
        if bare in ORG_HEADS:
            return "organisation", bare
        if bare in SITE_HEADS:
            if k > 0 and ORG_HEADS.get(words[k - 1]) in STATE_KINDS:
                return "organisation", words[k - 1]  # "Pangani Police Station" is a body's post
            return "place", bare
    for w in words:
        if w.strip('“”"') in INSTRUMENT_HEADS:
            return "instrument", w.strip('“”"')
    for w in words:
        bare = w.strip('“”"').rstrip("’'s") if w.endswith(("’s", "'s")) else w.strip('“”"')
        if bare in ORG_HEADS:
            return "organisation", bare
        if bare in SITE_HEADS:
            return "place", bare
    return None


def strip_leading(words: list[str], toks: list[tuple[str, int, int]]) -> int:
    """Index of the first token that is not a capitalised function word or honorific."""
    i = 0
    while i < len(words) and (
        words[i] in CAP_STOP or words[i].rstrip(".") in HONORIFICS or words[i] in MONTHS
    ):
        i += 1
    return i


def strip_titles(words: list[str], i: int) -> int:
    """Skip descriptive words before a person's name: ``Russian President``, ``Judge``."""
    while i < len(words) and (words[i] in TITLE_STOP or words[i].rstrip(".") in HONORIFICS):
        i += 1
    return i


def split_and(run: Run) -> list[Run]:
    """Split ``A and B`` unless ``and`` joins two adjectives inside one name."""
    words = run.words
    out, last = [], 0
    for i, w in enumerate(words):
        if w not in ("and", "or") or i == 0:
            continue
        if i >= 2 and words[i - 2] in ("on", "of", "for", "against", "from"):
            continue
        if (
            any(c in words[last:i] for c in ("of", "for", "on"))
            and len(words) - i - 1 <= 2
            and not head_of(words[i + 1 :])
            and not any(w.rstrip(".") in HONORIFICS or w in TITLE_STOP for w in words[i + 1 :])
        ):
            continue  # "Protection of Human Rights Defenders and Journalists"
        out.append(Run(run.tokens[last][1], run.tokens[i - 1][2], run.tokens[last:i]))
        last = i + 1
    out.append(Run(run.tokens[last][1], run.tokens[-1][2], run.tokens[last:]))
    return [r for r in out if r.tokens]


# ---------------------------------------------------------------- dates

MONTH_RE = "|".join(MONTHS)
DATE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_RE})(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?:(?P<part>early|mid|late|the end of|the beginning of)[\s-]+)?(?P<m3>{MONTH_RE})"
    rf"(?:\s+(?P<y3>\d{{4}}))?"
    rf"|(?:[Ii]n|[Ss]ince|[Bb]y)\s+(?P<y4>(?:19|20)\d\d)\b)"
)
REL_RE = re.compile(
    r"\b(?P<rel>(?:the\s+)?(?:following|next)\s+day|(?:that|the\s+same)\s+day|[Ww]ithin\s+hours"
    r"|(?:(?:[Aa]bout|[Ss]ome|[Oo]ver)\s+)?(?P<n>\w+)\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    r"(?P<dir>later|earlier|afterwards))\b",
    re.I,
)
NOT_EVENT_DATE = re.compile(
    r"(?:until|till|to|dated|of|since|from|before|between|by|expiry|planned for|on or)\s*$", re.I
)
#: Dates that end a period or name a plan do not anchor "the same day" or "two days later".
NOT_ANCHOR = re.compile(r"(?:before|between|expiry|(?:planned|scheduled) for|on or)\s*$", re.I)
#: "On the morning of 9 January": the time of day opens an event date, not a reference.
TIME_OF_DAY = re.compile(
    r"\b(?:morning|evening|night|afternoon|early hours|hours) of\s*$|\b(?:[Ss]ince|for)\s+$"
)


@dataclass
class DateMention:
    """A date expression and its value: ``(year, month, day)`` with ``None`` for unknown parts."""

    start: int
    end: int
    value: tuple[int, int | None, int | None]
    event_date: bool
    approx: bool = False


def format_date(value: tuple[int, int | None, int | None] | None) -> str | None:
    if not value:
        return None
    y, m, d = value
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_dates(doc: Doc, appeal_date: date | None) -> list[DateMention]:
    """Absolute and relative dates in text order, each resolved against the narrative so far.

    A day without a year takes the year of the last dated sentence; "the following day" and
    "two weeks later" count from the last full date mentioned; both are how a reader does it.
    """
    flat = doc.flat
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for m in DATE_RE.finditer(flat):
        found.append((m.start(), m.end(), "abs", m))
    for m in REL_RE.finditer(flat):
        if not any(a <= m.start() < b for a, b, _, _ in found):
            found.append((m.start(), m.end(), "rel", m))
    found.sort(key=lambda x: x[0])
    year = appeal_date.year if appeal_date else None
    anchor: date | None = None
    out: list[DateMention] = []
    for start, end, kind, m in found:
        before = flat[max(0, start - 25) : start]
        is_event = not NOT_EVENT_DATE.search(before) or bool(TIME_OF_DAY.search(before))
        if kind == "abs" and m.group("y4") and m.group(0)[:1] in "Ss":
            is_event = False  # "since 2016" opens a period
        anchors = not NOT_ANCHOR.search(before)
        if kind == "rel" and re.search(r"\bfor\s+$", before):
            continue  # "for three years after release" is a duration
        if kind == "abs":
            value = _absolute(m, year)
            if value is None:
                continue
            if m.group("y1") or m.group("y2") or m.group("y3"):
                year = value[0]  # a bare "in 2019" is background; it does not set the year
            if value[2] is not None and anchors:
                anchor = date(*value)  # type: ignore[arg-type]
            out.append(DateMention(start, end, value, is_event))
        elif anchor is not None:
            value, approx = _relative(m, anchor)
            if value is None:
                continue
            out.append(DateMention(start, end, value, True, approx))
            if value[2] is not None:
                anchor = date(*value)  # type: ignore[arg-type]
    return out


def _absolute(m: re.Match[str], year: int | None) -> tuple[int, int | None, int | None] | None:
    g = m.groupdict()
    if g["y4"]:
        return (int(g["y4"]), None, None)
    if g["m3"]:
        y = g["y3"] or year
        if y is None or (not g["y3"] and not g["part"] and not _month_context(m)):
            return None
        return (int(y), MONTHS[g["m3"]], None)
    day = int(g["d1"] or g["d2"])
    month = MONTHS[g["m1"] or g["m2"]]
    y = g["y1"] or g["y2"] or year
    if y is None or not 1 <= day <= 31:
        return None
    try:
        date(int(y), month, day)
    except ValueError:
        return None
    return (int(y), month, day)


def _month_context(m: re.Match[str]) -> bool:
    """A bare month name ("in May") is a date only after a preposition of time."""
    before = m.string[max(0, m.start() - 12) : m.start()]
    return bool(re.search(r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Oo]f)\s+$", before))


def _relative(
    m: re.Match[str], anchor: date
) -> tuple[tuple[int, int | None, int | None] | None, bool]:
    rel = m.group("rel").lower()
    if "following" in rel or "next" in rel:
        d = anchor + timedelta(days=1)
        return (d.year, d.month, d.day), False
    if "same" in rel or "that" in rel or "within" in rel:
        return (anchor.year, anchor.month, anchor.day), False
    n_word = m.group("n").lower()
    n = int(n_word) if n_word.isdigit() else NUMBER_WORDS.get(n_word)
    if n is None:
        return None, False
    sign = 1 if m.group("dir").lower() in ("later", "afterwards") else -1
    unit = m.group("unit").lower().rstrip("s")
    approx = bool(re.match(r"(?:about|some|over)\s", rel))
    if unit == "day":
        d = anchor + timedelta(days=sign * n)
    elif unit == "week":
        d = anchor + timedelta(weeks=sign * n)
    elif unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + sign * n
        y, mo = divmod(months, 12)
        return ((y, None, None) if approx else (y, mo + 1, None)), approx
    else:
        return (anchor.year + sign * n, None, None), approx
    if approx:
        return (d.year, None, None), True
    return (d.year, d.month, d.day), False


# ---------------------------------------------------------------- header


# A header line that is only a numeric date, maybe labelled: "Date: 20/09/2023", "2023-09-20".
NUMERIC_HEADER_DATE = re.compile(
    r"(?:(?:Date|Dated|Issued|Published)\s*:\s*)?"
    r"(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>\d{4}))",
    re.I,
)


def _numeric_date(m: re.Match[str]) -> date | None:
    """ISO dates as they are; D/M/Y unless the first number cannot be a day-of-month reading
    of a month (second > 12 means M/D/Y). Both <= 12 reads day first, as most issuers outside
    the United States write."""
    try:
        if m.group("iy"):
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        return date(y, a, b) if b > 12 else date(y, b, a)
    except ValueError:
        return None


def read_header(doc: Doc) -> dict[str, Any]:
    """Appeal date and title from the first lines: a dated line, then ``Country: ...``."""
    lines = []
    pos = 0
    for line in doc.text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    appeal_date, title, title_span = None, None, None
    for start, line in lines[:25]:
        stripped = line.strip()
        if not stripped:
            continue
        numeric = NUMERIC_HEADER_DATE.fullmatch(stripped)
        if appeal_date is None and numeric:
            appeal_date = _numeric_date(numeric)
            if appeal_date is not None:
                continue
        m = DATE_RE.fullmatch(stripped)
        if appeal_date is None and m and (m.group("y1") or m.group("y2")):
            value = _absolute(m, None)
            if value:
                appeal_date = date(*value)  # type: ignore[arg-type]
            continue
        if title is None and re.match(
            r"^(?:UPDATE\s*[–-]\s*)?[A-Z][\w .’'-]{2,40}:\s+\S", stripped
        ):
            title = clean(stripped)
            off = start + line.index(stripped)
            title_span = (off, off + len(stripped))
    if appeal_date is None:
        for m in DATE_RE.finditer(doc.flat[:300]):
            value = _absolute(m, None)
            if value and value[2] and (m.group("y1") or m.group("y2")):
                appeal_date = date(*value)  # type: ignore[arg-type]
                break
    return {"date": appeal_date, "title": title, "title_span": title_span}


# ---------------------------------------------------------------- entities from runs

LOWER_BODIES = [
    (re.compile(r"\b(?P<n>police)(?: officers)?\b"), "police", "police"),
    (re.compile(r"\b(?P<n>gendarmes)\b"), "gendarmes", "police"),
    (re.compile(r"\b(?P<n>security (?:officers|forces|services))\b"), None, "security_service"),
    (re.compile(r"\b(?:an?|the) (?P<n>administrative court)\b"), None, "court"),
]
ACRONYM_DEF = re.compile(
    r"(?:,\s*\d{4})?\s*\((?P<acr>[A-ZÖÜŞİ][A-Za-zÖÜŞİ]{1,9}(?: [A-Z][a-z]+)?)\)"
)
QUOTED = re.compile(r"[“\"](?P<q>[A-Z][^”\"]{1,80})[”\"]")
ORG_NOUNS = re.compile(
    r"(?:non-governmental organi[sz]ation|organi[sz]ation|NGO|association|group|campaign|"
    r"movement|newspaper|union|foundation)\s*$"
)


class Entities:
    """All entities of one appeal, by kind, with lookup by name."""

    def __init__(self) -> None:
        self.items: list[Entity] = []

    def find(self, kind: str, name: str) -> Entity | None:
        key = _key(name)
        for e in self.items:
            if e.kind == kind and (
                _key(e.name or "") == key or key in {_key(v) for v in e.variants}
            ):
                return e
        return None

    def add(self, e: Entity) -> Entity:
        old = self.find(e.kind, e.name or "") if e.name else None
        if old:
            old.mentions.append((e.start, e.end))
            for v in e.variants:
                if v not in old.variants and v != old.name:
                    old.variants.append(v)
            return old
        e.mentions.append((e.start, e.end))
        self.items.append(e)
        return e

    def of(self, kind: str) -> list[Entity]:
        return [e for e in self.items if e.kind == kind]


def _key(name: str) -> str:
    return _NON_WORD.sub(" ", name.lower().replace("’", "'")).replace(" the ", " ").strip()


def run_text(doc: Doc, run: Run, first: int = 0) -> tuple[str, int, int]:
    start = run.tokens[first][1]
    return clean(doc.flat[start : run.end]), start, run.end


def classify_runs(doc: Doc, runs: list[Run], ents: Entities, main_country: str | None) -> None:
    """Sort capitalised runs into organisations, instruments, places and person candidates."""
    for big in runs:
        for run in split_and(big):
            i = strip_leading(run.words, run.tokens)
            if i >= len(run.words):
                continue
            words = run.words[i:]
            text, start, end = run_text(doc, run, i)
            text = text.rstrip(".")
            end = start + len(text)
            head = head_of(words)
            if text in COUNTRIES or text in ("Russia",):
                ents.add(Entity("place", text, start, end, attrs={"kind": "country"}))
                continue
            if head and head[0] == "instrument" and len(words) == 1:
                continue
            if head and head[0] == "instrument":
                add_instrument(doc, ents, text, start, end, head[1], main_country)
            elif head and head[0] == "organisation":
                cut = _org_bounds(doc, words, start)
                if cut is None:
                    continue
                text, start, end = cut
                left = _person_before_of(run, i)
                if left is not None:
                    add_person_candidate(doc, ents, run, strip_titles(run.words, i), left)
                    skip = 3 if run.words[left + 2] == "the" else 2
                    text, start, end = run_text(doc, run, left + skip)
                add_organisation(doc, ents, text, start, end, main_country)
            elif head and head[0] == "place":
                ents.add(Entity("place", text, start, end, attrs={"kind": "site"}))
            elif text in KNOWN_BODIES or text in PLATFORMS:
                add_organisation(doc, ents, text, start, end, main_country)
            elif (cue := _named_by_noun(doc, start, len(words))) is not None:
                e = add_organisation(doc, ents, text, start, end, main_country)
                e.attrs["kind"] = cue
            else:
                add_person_candidate(doc, ents, run, strip_titles(run.words, i))


#: A lower-case noun that says what the name after it is: "the newspaper Greater Kashmir",
#: "the human rights alliance Karapatan"; and a name glossed in brackets after a lower-case
#: body noun: "its communal land authority (Bienes Comunales)".
NAMED_BY_NOUN = re.compile(
    r"\b(?P<n>newspapers?|magazine|weekly|daily|news agency|news (?:website|portal|outlet)|"
    r"website|radio station|(?:television|TV) (?:channel|station)|broadcaster|"
    r"organi[sz]ation|NGO|association|alliance|network|coalition|movement|group|union|"
    r"federation|foundation|party|trade union|collective|cooperative)\s+$"
)
GLOSSED_BODY = re.compile(
    r"\b(?:authority|body|council|committee|assembly|organi[sz]ation|association|union|"
    r"agency|office|group|network|alliance|cooperative)\s*\($"
)


def _named_by_noun(doc: Doc, start: int, n_words: int) -> str | None:
    """The organisation kind a lower-case noun before a name gives it, or None."""
    if n_words > 5:
        return None
    before = doc.flat[max(0, start - 40) : start]
    if GLOSSED_BODY.search(before):
        return "other"
    m = NAMED_BY_NOUN.search(before)
    if not m:
        return None
    n = m.group("n")
    if re.match(r"news|magazine|weekly|daily|website|radio|television|TV|broad", n):
        return "media"
    if n == "party":
        return "political_party"
    if n in ("movement", "group", "collective"):
        return "other"
    return "ngo"


#: Words for a post held in a body: ``Vice-President of the X``, ``X Commissioner for ...``.
POST_WORDS = frozenset(
    """Chair Chairperson Chairman Chairwoman Chair-Rapporteur President Vice-President Director
Coordinator Head Secretary Member Members Commissioner Rapporteur Founder Co-founder Deputy
Spokesperson Representative""".split()
)
ORG_TAIL_PLACE = re.compile(r"\s+(?:region|province|district|oblast|county|state|municipality)\b")


def _org_bounds(doc: Doc, words: list[str], start: int) -> tuple[str, int, int] | None:
    """Trim a body's run to its name: no post before it, no post, place or "in X" after it."""
    flat = doc.flat
    toks = [
        (m.group(), start + m.start()) for m in re.finditer(r"\S+", _run_slice(doc, words, start))
    ]
    k = 0
    for i, (w, _) in enumerate(toks[:-1]):
        if (w in POST_WORDS or w == "General") and toks[i + 1][0] == "of":
            k = i + 2 + (toks[i + 2][0] == "the" if i + 2 < len(toks) else 0)
    toks = toks[k:]
    for i, (w, _) in enumerate(toks):
        if i > 0 and w.strip(",") in POST_WORDS:
            toks = toks[:i]
            break
    for i, (w, _) in enumerate(toks):
        if w in ("in", "on") and i > 0:
            # "Nasimi District Court in Baku": a state body's seat is not part of its name
            # (an NGO's "in Honduras" is); a date is never part of a name
            head = head_of([t for t, _ in toks[:i]])
            tail = [t for t, _ in toks[i + 1 :]]
            if (tail and tail[0] in MONTHS) or (
                w == "in"
                and head
                and ORG_HEADS.get(head[1]) in STATE_KINDS
                and (head_of(tail) or ("", ""))[0] != "organisation"
            ):
                toks = toks[:i]
                break
    while toks and toks[0][0] in ("of", "the", "on", "for", "and"):
        toks = toks[1:]
    if not toks:
        return None
    a, b = toks[0][1], toks[-1][1] + len(toks[-1][0])
    if ORG_TAIL_PLACE.match(flat, b):
        m = list(re.finditer(r"\s+of(?:\s+the)?\s+", flat[a:b]))
        if m:
            b = a + m[-1].start()
    text = clean(flat[a:b]).rstrip(".,")
    if len(text.split()) == 1 and text in ORG_HEADS:
        return None  # "the Court": a bare head word refers back to a body already named
    return text, a, a + len(text)


def _run_slice(doc: Doc, words: list[str], start: int) -> str:
    end = start
    for w in words:
        end = doc.flat.index(w, end) + len(w)
    return doc.flat[start:end]


def _person_before_of(run: Run, first: int) -> int | None:
    """In ``Judge A B of the X Court``, the index of the name's last word before ``of``."""
    words = run.words
    if "of" not in words[first:]:
        return None
    k = words.index("of", first)
    left = words[strip_titles(words, first) : k]
    if 2 <= len(left) <= 4 and not head_of(left) and not any(w in NON_NAME for w in left):
        return k - 1
    return None


def add_organisation(
    doc: Doc, ents: Entities, text: str, start: int, end: int, main_country: str | None
) -> Entity:
    """An organisation, with its parent when named ``X of the Y`` and Y is itself a body."""
    parent = None
    m = re.match(r"(?P<x>.+?) of the (?P<y>.+)$", text)
    if m and head_of(m.group("y").split()) and head_of(m.group("y").split())[0] == "organisation":
        ystart = start + m.start("y")
        parent = add_organisation(doc, ents, m.group("y"), ystart, end, main_country)
    e = ents.add(Entity("organisation", text, start, end))
    if parent is not None:
        e.attrs["part_of"] = parent
        if head_of(m.group("x").split()) and m.group("x") not in e.variants:  # type: ignore[union-attr]
            e.variants.append(m.group("x"))  # type: ignore[union-attr]
    after = doc.flat[end : end + 16]
    acr = ACRONYM_DEF.match(after)
    if acr and acr.group("acr") not in e.variants:
        e.variants.append(acr.group("acr"))
    un = UN_FORM.match(text)
    if un:  # "UN Human Rights Council" and "United Nations Human Rights Council" are one body
        other = ("United Nations" if un.group(1) == "UN" else "UN") + text[un.end(1) :]
        if other not in e.variants:
            e.variants.append(other)
    e.attrs.setdefault("kind", org_kind(text, doc.flat[max(0, start - 40) : start]))
    e.attrs.setdefault(
        "country",
        org_country(text, doc.flat[max(0, start - 30) : start], e.attrs["kind"], main_country),
    )
    return e


def org_kind(name: str, before: str) -> str:
    if name in PLATFORMS:
        return "media"
    if name in KNOWN_BODIES:
        return KNOWN_BODIES[name]
    for rx, kind in ORG_KIND_HINTS:
        if rx.search(name):
            return kind
    if re.search(r"\bDepartment\b", name) and re.search(r"Investigat", name):
        return "prosecution" if "Crimes" in name else "police"
    if re.search(r"\b(?:Agency|Committee)\b", name) and "Security" in name:
        return "security_service"
    if re.search(r"(?:non-governmental|NGO|organi[sz]ation)\s*$", before):
        return "ngo"
    for w in name.split():
        kind = ORG_HEADS.get(w.strip('“”"'))
        if kind:
            return kind
    return "other"


STATE_KINDS = {"court", "prosecution", "police", "security_service", "ministry", "government",
               "parliament", "state_enterprise"}  # fmt: skip


COUNTRY_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + r")\b"
)
DEMONYM_RE = re.compile(r"\b(?:" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\b")
DEMONYM_BEFORE_RE = re.compile(
    r"\b(?P<d>" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\s+(?:\w+\s+)?$"
)


def country_in(text: str) -> str | None:
    m = COUNTRY_RE.search(text)
    return m.group() if m else None


#: A body whose name says it is international or of the UN belongs to no one country.
INTERNATIONAL_NAME = re.compile(r"^(?:International|World|Global|UN|United Nations)\b")
UN_FORM = re.compile(r"^(UN|United Nations)\s+(?=[A-Z])")


def org_country(name: str, before: str, kind: str, main_country: str | None) -> str | None:
    """Country named in the body's name, or by a demonym before it, else the appeal's country;
    none for a body whose name says it is international."""
    c = country_in(name)
    if c:
        return c
    m = DEMONYM_RE.search(name)
    if m:
        return DEMONYMS[m.group()]
    m = DEMONYM_BEFORE_RE.search(before)
    if m:
        return DEMONYMS[m.group("d")]
    if kind in ("international_org",) or name in KNOWN_BODIES or INTERNATIONAL_NAME.match(name):
        return None
    if kind in STATE_KINDS or kind in ("ngo", "other"):
        return main_country
    return None


def add_lower_bodies(doc: Doc, ents: Entities, main_country: str | None) -> None:
    for rx, name, kind in LOWER_BODIES:
        for m in rx.finditer(doc.flat):
            text = name or m.group("n")
            e = ents.add(Entity("organisation", text, m.start("n"), m.end("n")))
            e.attrs.setdefault("kind", kind)
            e.attrs.setdefault("country", main_country)
            if m.group(0) != text and clean(m.group(0)) not in e.variants and name:
                e.variants.append(clean(m.group(0)))


def add_quoted_orgs(doc: Doc, ents: Entities, main_country: str | None) -> None:
    """``the organisation “Arlan”``: a quoted name after a noun that says it is a body."""
    for m in QUOTED.finditer(doc.flat):
        before = doc.flat[max(0, m.start() - 40) : m.start()]
        if ORG_NOUNS.search(before) and not head_of(m.group("q").split()):
            e = add_organisation(doc, ents, m.group("q"), m.start("q"), m.end("q"), main_country)
            if re.search(r"campaign|movement\s*$", before):
                e.attrs["kind"] = "other"
            elif re.search(r"organi[sz]ation|NGO|association\s*$", before):
                e.attrs["kind"] = "ngo"


def add_acronyms(doc: Doc, ents: Entities) -> None:
    """Standalone well-known acronyms (FIDH, OMCT) that were never spelled out."""
    for m in re.finditer(r"\b[A-Z]{3,6}\b", doc.flat):
        acr = m.group()
        if acr in KNOWN_BODIES and not any(acr in e.variants for e in ents.of("organisation")):
            e = ents.add(Entity("organisation", acr, m.start(), m.end()))
            e.attrs.setdefault("kind", KNOWN_BODIES[acr])
            e.attrs.setdefault("country", None)


# ---------------------------------------------------------------- persons

NAME_WORD = re.compile(r"^[A-ZÀ-ÞĀ-Žİ][\w’'\-]*[a-zà-ÿı-ž]$|^[A-ZÀ-ÞĀ-Žİ][a-zà-ÿı-ž]$")
TITLE_RX = [(re.compile(rf"\b(?:{t})s?,?\s*$"), r1, r2) for t, r1, r2 in PERSON_TITLES]
POSSESSIVE_LAWYER = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|defence|defense|[A-Z][\w’'\-]+[’']s)\s+(?:\w+\s+)?lawyers?,?\s*$"
)


#: Words that never stand right before a person's name: a place follows "in", a name with
#: "the" before it is a body, a region or a thing ("the Sierra Madre", "the Greater Kashmir").
PLACE_BEFORE = re.compile(r"\b(?:the|in|at|near)\s*$")


def _is_acronym(w: str) -> bool:
    return len(w) >= 2 and w.isupper() and w.isalpha()


def add_person_candidate(
    doc: Doc, ents: Entities, run: Run, first: int, last: int | None = None
) -> None:
    """A run of two to four name-shaped words that is not a body, place or instrument."""
    toks = run.tokens[first : None if last is None else last + 1]
    # "Justice A B of the X High Court": the name stands before its complement
    cut = next((k for k, t in enumerate(toks) if t[0] in CONNECTORS), len(toks))
    if cut >= 2:
        toks = toks[:cut]
    # "Special NIA Judge A B", "DCI Director A B": the name follows the last title word
    titles = [k for k, t in enumerate(toks[:-2]) if t[0] in TITLE_STOP or _is_acronym(t[0])]
    if titles:
        toks = toks[titles[-1] + 1 :]
    if cut <= 1 and len(toks) >= 3 and toks[0][0] in TITLE_STOP | POST_WORDS | CONNECTORS:
        # "Minister of Interior A B", "Head of the Border Service A B": the name follows the
        # post and the body, after the last word that belongs to a body's name
        k = max(i for i, t in enumerate(toks) if t[0] in CONNECTORS or t[0] in NON_NAME
                or t[0] in ORG_HEADS or t[0] in TITLE_STOP or t[0] in POST_WORDS)  # fmt: skip
        if len(toks) - k - 1 in (2, 3):
            toks = toks[k + 1 :]
    while toks and (toks[-1][0] in CONNECTORS or toks[-1][0] in CAP_STOP):
        toks = toks[:-1]
    if (
        toks
        and not re.search(r"[’']s?$", toks[-1][0])
        and PLACE_BEFORE.search(doc.flat[max(0, toks[0][1] - 8) : toks[0][1]])
    ):
        return  # "in the Sierra Madre", "in Amira Kadal": people are not "in" or "the"
    words = [t for t, _, _ in toks]
    if not 2 <= len(words) <= 4:
        return
    if any(
        w in CONNECTORS
        or w in MONTHS
        or w in COUNTRIES
        or w in DEMONYMS
        or w in NON_NAME
        or w in TITLE_STOP
        for w in words
    ):
        return
    if not all(NAME_WORD.match(w.rstrip("’s").rstrip("'s") or w) for w in words):
        return
    name = clean(doc.flat[toks[0][1] : toks[-1][2]])
    name = re.sub(r"[’']s$", "", name)
    ents.add(Entity("person", name, toks[0][1], toks[0][1] + len(name)))


def merge_persons(doc: Doc, ents: Entities) -> None:
    """Short forms (``Metwally Hegazy``, ``Mr Titiev``) become variants of the full name."""
    persons = sorted(ents.of("person"), key=lambda e: -len((e.name or "").split()))
    for short in list(persons):
        sw = (short.name or "").split()
        for full in persons:
            fw = (full.name or "").split()
            if full is short or len(fw) <= len(sw) or full not in ents.items:
                continue
            if fw[-len(sw) :] == sw or (len(sw) >= 2 and fw[: len(sw)] == sw):
                full.variants.append(short.name or "")
                full.mentions.extend(short.mentions)
                ents.items.remove(short)
                break


def add_honorific_mentions(doc: Doc, ents: Entities) -> None:
    """``Mr Titiev``, ``Messrs. Bokayev and Ayan``: short forms and gender cues."""
    rx = re.compile(
        r"\b(?P<h>Mr|Ms|Mrs|Miss|Dr|Messrs)\.?\s+(?P<n>(?:[A-ZÀ-ÞĀ-Žİ][\w’'\-]+\s+){0,3}"
        r"[A-ZÀ-ÞĀ-Žİ][\w’'\-]+)(?P<more>(?:,?\s+(?:and\s+)?[A-ZÀ-ÞĀ-Žİ][\w’'\-]+)*)"
    )
    for m in rx.finditer(doc.flat):
        gender = HONORIFICS.get(m.group("h"))
        names = [m.group("n")]
        if m.group("h") == "Messrs":
            names += re.findall(r"[A-ZÀ-ÞĀ-Žİ][\w’'\-]+", m.group("more"))
        for n in names:
            n = re.sub(r"[’']s$", "", n)
            p = resolve_person(ents, n)
            if p is None:
                if len(n.split()) < 2:
                    continue
                start = doc.flat.index(n, m.start())
                p = ents.add(Entity("person", n, start, start + len(n)))
            short = f"{m.group('h')} {n}" if m.group("h") != "Messrs" else n
            if short != p.name and short not in p.variants:
                p.variants.append(short)
            if gender:
                p.attrs["gender"] = gender


def resolve_person(ents: Entities, name: str) -> Entity | None:
    """The person a short form refers to: same name, or the full name ends with it."""
    words = name.split()
    hits = [
        p
        for p in ents.of("person")
        if p.name == name or (p.name or "").split()[-len(words) :] == words
    ]
    return hits[0] if len(hits) == 1 else None


def add_spelling_variants(doc: Doc, ents: Entities) -> None:
    for m in re.finditer(r"\((?:also spelled|also known as|a\.k\.a\.)\s+(?P<v>[^)]+)\)", doc.flat):
        before = doc.flat[max(0, m.start() - 60) : m.start()]
        for p in ents.of("person"):
            if any(before.rstrip().endswith(f) for f in [p.name or "", *p.variants]):
                v = clean(m.group("v"))
                p.variants.append(v)
                for q in ents.of("person"):
                    if q is not p and q.name == v:
                        p.mentions.extend(q.mentions)
                        ents.items.remove(q)


def person_roles(doc: Doc, ents: Entities, title_span: tuple[int, int] | None) -> None:
    """Roles and positions from the words around each mention."""
    flat = doc.flat
    for p in ents.of("person"):
        p.attrs["_text"] = doc.text
        roles: list[str] = []
        positions: list[dict[str, Any]] = []
        for start, end in sorted(p.mentions):
            before = flat[max(0, start - 45) : start]
            gap = list(re.finditer(r"\n[ \t]*\n", doc.text[max(0, start - 45) : start]))
            if gap:
                before = before[gap[-1].end() :]  # a blank line ends what describes a name
            after = flat[end : end + 90]
            _roles_before(before, roles, positions, p)
            _roles_after(after, roles, positions, p, ents, end)
        if title_span and any(
            title_span[0] <= s < title_span[1] and not re.search(r"\bby\s+$", flat[s - 5 : s])
            for s, _ in p.mentions
        ):
            roles.append("defender")  # named in the title, and not as the one who acts ("by X")
        if "lawyer?" in roles:
            # a lawyer who is the one persecuted is a defender; one who acts for others a lawyer
            roles = [r for r in roles if r != "lawyer?"]
            targeted = "defender" in roles or _default_role(doc, p) == "defender"
            roles.append("defender" if targeted else "lawyer")
        complains = any(
            COMPLAINANT_BEFORE.search(flat[max(0, s - 80) : s]) or COMPLAINANT_AFTER.match(flat, e)
            for s, e in p.mentions
        )
        if not roles:
            roles.append(_default_role(doc, p))
        if complains and not {"defender", "judge", "prosecutor"} & set(roles):
            roles.append("complainant")
            if "other" in roles:
                roles.remove("other")
        order = ["defender", "official", "complainant", "lawyer", "judge", "prosecutor",
                 "journalist", "relative", "witness", "other"]  # fmt: skip
        roles = sorted(set(roles), key=order.index)
        if "relative" in roles and "defender" in roles and len(roles) > 1:
            roles.remove("defender")
        p.attrs["roles"] = roles
        p.attrs["positions"] = positions
        p.attrs.setdefault("gender", _gender(doc, p))
        del p.attrs["_text"]


def _roles_before(
    before: str, roles: list[str], positions: list[dict[str, Any]], p: Entity
) -> None:
    before = re.sub(r"\b(?:Mr|Ms|Mrs|Dr|Messrs)\.?\s*$", "", before)
    for rx, r1, r2 in TITLE_RX:
        m = rx.search(before)
        if not m:
            continue
        if r1 == "lawyer" and not POSSESSIVE_LAWYER.search(before):
            roles.append("lawyer?")  # a lawyer, or a defender who is one: decided later
            return
        roles.append(r1)
        if r2:
            roles.append(r2)
        if r1 in ("official", "judge") and m.group(0)[:1].isupper():
            positions.append({"title": clean(m.group(0)).rstrip(","), "organisation": None})
        return
    m = GENDER_NOUN_RE.search(before)
    if m:
        roles.append("relative")
        if GENDER_NOUNS[m.group(1)] != "unknown":
            p.attrs["gender"] = GENDER_NOUNS[m.group(1)]
        return
    if APPOSED_MEMBER.search(before):
        roles.append("defender")
        return
    m = POST_OF_BEFORE.search(before)
    if m and not any(w in ORG_HEADS and ORG_HEADS[w] not in STATE_KINDS
                     for w in m.group("t").split()):  # fmt: skip
        roles.append("prosecutor" if "Prosecutor" in m.group("t") else "official")
        if "Prosecutor" in m.group("t"):
            roles.append("official")
        positions.append({"title": clean(m.group("t")), "organisation": None})
        return
    if re.search(r"\b(?:his|her|their)\s+(?:deputy|colleague)\s*$", before):
        roles.append("defender")


OFFICIAL_WORDS = re.compile(
    r"(?<![-\w])(?:Mayor|President|Minister|Governor|Commissioner|Rapporteur|Ombudsman|"
    r"Adviser|Advisor|Prefect|Senator|Ambassador|Attorney General)\b"
)
LEAD_TITLES = re.compile(
    r"(?:former |then |the )?(?:(?:national |general |programme |program )?coordinator|chair|"
    r"chairman|chairwoman|chairperson|head|director|founder|co-founder|deputy|secretary[- ]general|"
    r"president|spokesperson|leader)\b",
    re.I,
)
#: "Another leader of the community, X": a member or leader of a group named before the name.
APPOSED_MEMBER = re.compile(
    r"\b(?:leader|member|founder|co-founder|coordinator|activist|defender)s? of [^,.;()]{2,50},\s*$"
    r"|\b(?:its|their|the group's|the union's) (?:leader|founder|co-founder|coordinator|"
    r"chairperson|chairman|chairwoman)s?,\s*$"
)
#: "The Minister of Interior, A B," / "Governor of X Province A B": a state post before the name.
POST_OF_BEFORE = re.compile(
    r"\b(?P<t>(?:Deputy |Vice[- ])?(?:Prime Minister|Minister|Mayor|Governor|President|Prefect|"
    r"Attorney General|Prosecutor General|Ambassador|Commander|Chief)(?: of| for)(?: the)?"
    r"(?: [A-Z][\w’'\-]+| of| and){1,5}),?\s*$"
)
#: The one who brings a complaint or a case: "a complaint by X", "a case brought ... by X",
#: "X filed a perjury complaint".
COMPLAINANT_BEFORE = re.compile(
    r"\b(?:complaint|lawsuit|suit|case|charges?)\b[^.;]{0,60}?\bby\s+$"
    r"|\bcomplaint (?:of|by|from)\b[^.]{0,60}$"
)
COMPLAINANT_AFTER = re.compile(
    r"(?:,[^,.;]{0,60},)?\s+(?:had\s+|then\s+|also\s+)?(?:filed|lodged|submitted|brought)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:complaint|lawsuit|suit)\b"
)
SIGNATURE_TITLE = re.compile(
    r"\s*\n\s*(?P<t>(?:Chair-Rapporteur|Special Rapporteur|President|Minister|Chair|Director|"
    r"Secretary|Commissioner)[^\n]{0,120})"
)


def _roles_after(
    after: str,
    roles: list[str],
    positions: list[dict[str, Any]],
    p: Entity,
    ents: Entities,
    end: int,
) -> None:
    title = SIGNATURE_TITLE.match(_text_after(p, end))
    if title:
        roles.append("official")
        positions.append({"title": clean(title.group("t")), "organisation": None})
    after = re.sub(r"^\.(?=,)", "", after)  # "A B Jr., then Minister": the suffix's dot
    after = re.sub(r"^\s+and\s+(?:[A-ZÀ-ÞĀ-Žİ][\w’'\-]+\s*){1,4}(?=,|\s+acting)", "", after)
    if re.match(r"\s+(?:acting for the prosecution|for the prosecution)", after):
        roles.append("prosecutor")
    if re.match(r"\s+presiding", after):
        roles.append("judge")
    m = re.match(
        r"\s*(?:\([^)]*\)\s*)?(?:,\s*|\s+(?:is|was)\s+)(?:also\s+)?(?:(?:a|an|the|his|her|then|"
        r"now)\s+)?(?P<desc>[^,;.]{2,80})",
        after,
    )
    if not m:
        return
    desc = m.group("desc")
    if OFFICIAL_WORDS.search(desc) and not re.match(r"(?:Vice|Deputy)", desc):
        roles.append("official")
        positions.append({"title": clean(desc), "organisation": None})
        return
    if re.match(r"(?:human rights )?(?:defender|activist)|.*\b(?:civic )?activist", desc):
        roles.append("defender")
    if LEAD_TITLES.match(desc):
        roles.append("defender")
    if re.match(r"(?:a )?lawyer\b", desc) and "defender" not in roles:
        roles.append("defender")
    if re.match(r"employees? of", desc):
        positions.append({"title": "employee", "organisation": None})
    if re.match(r"journalist", desc):
        roles.append("journalist")


def _text_after(p: Entity, end: int) -> str:
    text = p.attrs.get("_text", "")
    return text[end : end + 140]


def _default_role(doc: Doc, p: Entity) -> str:
    """Someone named in a sentence about arrest, trial or sentence is taken as a defender."""
    for s in doc.sentences:
        if any(s.start <= a < s.end for a, _ in p.mentions):
            if re.search(
                r"\b(?:arrest|detain|sentenc|convict|acquitt|charged|banned|defendant|"
                r"release|prosecut|trial)",
                doc.flat[s.start : s.end],
            ):
                return "defender"
    return "other"


def _gender(doc: Doc, p: Entity) -> str:
    for s in doc.sentences:
        text = doc.flat[s.start : s.end]
        if any(s.start <= a < s.end for a, _ in p.mentions) and len(p.mentions) > 1:
            nxt = doc.flat[s.end : s.end + 200]
            if re.match(r"\s*(?:He|His)\b", nxt) or re.search(r"\b(?:he|his)\b", text):
                return "male"
            if re.match(r"\s*(?:She|Her)\b", nxt) or re.search(r"\b(?:she|her)\b", text):
                return "female"
    return "unknown"


_NUM = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a dozen|"
    r"dozens of|some|about \w+|at least \w+)"
)
_CAP = r"[A-ZÀ-ÞĀ-Žİ][\w’'\-]+"
#: Nouns for a group of co-accused and the role they take: "six other accused", "22 other
#: lawyers".
GROUP_ROLES = {"lawyers": "lawyer", "defenders": "defender", "activists": "defender",
               "journalists": "journalist"}  # fmt: skip
UNNAMED = [
    (re.compile(rf"\b(?P<n>(?:{_CAP} ){{0,2}}{_CAP}[’']s lawyer)\b(?! [A-Z])"), "lawyer"),
    # "a lawyer for Anna Kovacs said": a lawyer named only by the client
    (
        re.compile(
            rf"\b(?P<n>(?:[Aa]n?|[Tt]he) lawyer (?:for|of|representing) (?:{_CAP} ){{0,2}}{_CAP})"
            rf"(?![’']s)(?!\w)(?!,? (?:{_CAP}|who is|is)\b)"
        ),
        "lawyer",
    ),  # fmt: skip
    (re.compile(rf"\b(?P<n>(?:{_CAP} ){{0,2}}{_CAP}[’']s relatives)\b"), "relative"),
    (
        re.compile(
            rf"(?<!the )\b(?P<n>(?:{_NUM}\s+)?(?:unknown|unidentified|masked|armed|hooded|"
            r"plain-?clothes?d?)\s+(?:men|women|persons|people|assailants|individuals|attackers|"
            r"gunmen|officers))\b"
        ),
        "other",
    ),
    # "four young Farland men": a counted group the text does not name ("the two men" refers
    # back to people already named)
    (
        re.compile(
            rf"(?<![Tt]he )(?<!\w)(?P<n>{_NUM} (?:(?:young|elderly|local|{_CAP}) ){{1,2}}"
            r"(?:men|women|youths|boys|girls|farmers|students))\b"
        ),
        "other",
    ),  # fmt: skip
    # "members of an alleged criminal gang": an armed group's members
    (
        re.compile(
            r"\b(?P<n>members of (?:an?|the) (?:alleged |suspected )?(?:[\w-]+ ){0,3}"
            r"(?:group|gang|cartel|militia|paramilitar(?:y|ies)))\b"
        ),
        "other",
    ),  # fmt: skip
    (re.compile(r"\b(?P<n>the prosecutor)(?= [a-z]+ed\b)"), "prosecutor"),
    # "six other accused", "22 other lawyers" (not when named next: "among them X")
    (
        re.compile(
            rf"\b(?P<n>{_NUM} other (?:accused|defendants|detainees|suspects|lawyers|"
            r"defenders|activists|journalists))\b(?!,? (?:among|including)\b)"
        ),
        "group",
    ),  # fmt: skip
    # "The six others are members of X": the rest of a list just given
    (re.compile(rf"\b(?P<n>[Tt]he {_NUM} others)\b(?!,? (?:among|including)\b)"), "list"),
    (
        re.compile(
            r"\b(?P<n>(?:the |a |an )?(?:[A-Z][\w’'\-]+ ){0,4}(?:and [A-Z][\w’'\-]+ )?"
            r"(?:Judge|Magistrate)(?: of [A-Z][\w’'\-]+)?)(?! [A-Z])"
        ),
        "judge",
    ),
    (re.compile(r"(?<![\w ]of )\b(?P<n>investigators)\b"), "other"),
]


#: A literal every match of the pattern of the same index in UNNAMED contains: the patterns are
#: run only around it, which keeps the regex engine from trying every position of the text.
UNNAMED_ANCHORS = [
    re.compile(a)
    for a in (
        r"s lawyer",
        r"lawyer (?:for|of|repr)",
        r"s relatives",
        r"(?:men|women|persons|people|assailants|individuals|attackers|gunmen|officers)\b",
        r"(?:men|women|youths|boys|girls|farmers|students)\b",
        r"members of",
        r"the prosecutor",
        r" other ",
        r" others\b",
        r"Judge|Magistrate",
        r"investigators",
    )
]


def _unnamed_matches(flat: str, rx: re.Pattern[str], anchor: re.Pattern[str]):
    seen = set()
    for am in anchor.finditer(flat):
        for m in rx.finditer(flat, max(0, am.start() - 120), min(len(flat), am.end() + 60)):
            if m.start() <= am.start() and am.end() <= m.end() and m.span() not in seen:
                seen.add(m.span())
                yield m


def add_unnamed(doc: Doc, ents: Entities) -> None:
    """Actors the text describes but does not name: "his lawyer", "two masked men"."""
    taken: list[tuple[int, int]] = []
    for (rx, role), anchor in zip(UNNAMED, UNNAMED_ANCHORS, strict=True):
        for m in _unnamed_matches(doc.flat, rx, anchor):
            label = clean(m.group("n"))
            if any(a < m.end("n") and m.start("n") < b for a, b in taken):
                continue
            if role == "judge" and not re.match(r"the [A-Z][\w’'\-]+ ", label):
                continue  # only "the Principal Judge of X" stands for an unnamed judge
            owner = re.match(r"(.+?)[’']s ", label) or re.match(
                r"(?:[Aa]n?|[Tt]he) lawyer (?:for|of|representing) (.+)$", label
            )
            if owner and not any(
                owner.group(1) == p.name or owner.group(1) in p.variants for p in ents.of("person")
            ):
                continue
            if any(label in e.variants for e in ents.of("person") if e.name is None):
                continue
            roles = [_group_role(doc, ents, m, role)]
            e = Entity("person", None, m.start("n"), m.end("n"), variants=[label])
            e.mentions.append((e.start, e.end))
            e.attrs.update(roles=roles, positions=[], gender="unknown")
            if "men" in label.split():
                e.attrs["gender"] = "male"
            ents.items.append(e)
            taken.append((m.start("n"), m.end("n")))


def _group_role(doc: Doc, ents: Entities, m: re.Match[str], role: str) -> str:
    """The role of a group: from its noun ("other lawyers"), or for "the six others" the role
    most of the people named in the sentences just before share."""
    if role == "group":
        return GROUP_ROLES.get(m.group("n").split()[-1], "other")
    if role != "list":
        return role
    lo = m.start() - 400
    counts: dict[str, int] = {}
    for p in ents.of("person"):
        if p.name and any(lo <= a < m.start() for a, _ in p.mentions):
            for r in p.attrs.get("roles", []):
                counts[r] = counts.get(r, 0) + 1
    return max(counts, key=lambda r: counts[r]) if counts else "other"


# ---------------------------------------------------------------- instruments and provisions

ARTICLE_NUM = (
    r"\d+[A-Z]?(?:\.\d+)*[¹²³⁴⁵⁶⁷⁸⁹]?(?:\s*§\s*\d+)?(?:\s*\(\w{1,3}\))*"
    r"(?:,?\s*(?:[Pp]art|[Pp]aragraph|para\.)\s+\d+)?"
)
ARTICLES_RE = re.compile(
    rf"\b(?:Art(?:icles?|s?\.)|Sections?|[Ss]s?\.)\s+(?P<list>{ARTICLE_NUM}(?:\s*(?:\([a-z][^()]{{2,60}}\))?"
    rf"(?:\s*,\s*|\s+and\s+|\s*&\s*){ARTICLE_NUM})*)"
    rf"(?P<label>\s*\((?!Art)[a-z][^()]{{2,60}}\))?"
    rf"(?P<of>\s+of\s+(?:the\s+|its\s+)?(?P<inst>[A-Z][\w’'\-]*(?:\s+(?:of|on|the|against|and|for|"
    rf"from|[A-Z][\w’'\-]*))*))?"
)
INST_BEFORE = re.compile(r"(?:^|[\s,(])(?P<i>[A-Z]{2,6}|(?:[A-Z][\w’'\-]*\s+)*(?:Code|Act))\s+$")
NUM_IN_LIST = re.compile(rf"(?P<num>{ARTICLE_NUM})(?P<lab>\s*\([a-z][^()]{{2,60}}\))?")


def add_instrument(
    doc: Doc, ents: Entities, text: str, start: int, end: int, head: str, country: str | None
) -> Entity:
    text = re.sub(r"^(?:UN|United Nations)\s+(?=Declaration)", lambda m: m.group(0), text)
    acr = ACRONYM_DEF.match(doc.flat[end : end + 12])
    kind = INSTRUMENT_HEADS.get(head, "law")
    if head == "Code" and re.search(r"\b(?:Criminal|Penal)\b", text):
        kind = "criminal_code"
    before = doc.flat[max(0, start - 6) : start]
    if head == "Agreement" and before.endswith(("“", '"')):
        text = text.strip('“”"')
    e = ents.add(Entity("instrument", text, start, end))
    e.attrs.setdefault("kind", kind)
    if acr and acr.group("acr") not in e.variants:
        e.variants.append(acr.group("acr"))
    juris = None
    if kind in ("criminal_code", "law", "constitution", "decree"):
        juris = country_in(text) or country
    e.attrs.setdefault("jurisdiction", juris)
    e.attrs.setdefault("provisions", [])
    return e


KNOWN_INSTRUMENT_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(a) for a in WELL_KNOWN_INSTRUMENTS) + r")\b"
)


def add_known_instruments(doc: Doc, ents: Entities) -> None:
    found: dict[str, list[re.Match[str]]] = {}
    for m in KNOWN_INSTRUMENT_RE.finditer(doc.flat):
        found.setdefault(m.group(), []).append(m)
    for acr, name in WELL_KNOWN_INSTRUMENTS.items():
        for m in found.get(acr, []):
            e = ents.find("instrument", name)
            if e is None:
                e = add_instrument(doc, ents, name, m.start(), m.end(), name.split()[1], None)
            e.mentions.append((m.start(), m.end()))


def resolve_instrument(ents: Entities, ref: str | None, pos: int) -> Entity | None:
    """The instrument an article belongs to: named after it, else the one last mentioned."""
    insts = ents.of("instrument")
    if ref:
        ref = clean(ref)
        for name in (ref, WELL_KNOWN_INSTRUMENTS.get(ref, ""), WELL_KNOWN_INSTRUMENTS.get(
                "the " + ref, "")):  # fmt: skip
            if name:
                for e in insts:
                    if name == e.name or name in e.variants or (e.name or "").startswith(name):
                        return e
        word = ref.split()[0]
        cands = [e for e in insts if word in (e.name or "").split()]
        cands = [e for e in cands if any(a <= pos for a, _ in e.mentions)] or cands
        if cands:
            return max(cands, key=lambda e: max(a for a, _ in e.mentions if a <= pos)
                       if any(a <= pos for a, _ in e.mentions) else -1)  # fmt: skip
    best, best_pos = None, -1
    for e in insts:
        for a, _ in e.mentions:
            if best_pos < a <= pos:
                best, best_pos = e, a
    if best is None:
        later = [(a, e) for e in insts for a, _ in e.mentions if a > pos]
        if later:
            return min(later, key=lambda x: x[0])[1]
    return best


def add_provisions(doc: Doc, ents: Entities) -> list[tuple[int, int, dict[str, Any]]]:
    """Articles with their parts, attached to their instrument; returns (start, end, provision)."""
    found = []
    for m in ARTICLES_RE.finditer(doc.flat):
        inst_ref = m.group("inst")
        inst = None
        lead = INST_BEFORE.search(doc.flat, max(0, m.start() - 60), m.start())
        if lead and not inst_ref:
            # "IPC Sections 120B and 121", "Criminal Code Article 5": named just before
            inst = resolve_instrument(ents, lead.group("i"), m.start())
        if inst_ref:
            inst_ref = re.sub(r"\s+(?:and|of|on|the|for|from|against)$", "", inst_ref)
            inst = resolve_instrument(ents, inst_ref, m.start())
        if inst is None:
            sent = _sentence_at(doc, m.start())
            nxt = [
                e for e in ents.of("instrument")
                if sent and any(m.end() <= a < sent.end for a, _ in e.mentions)
            ]  # fmt: skip
            inst = (
                nxt[0]
                if nxt and not re.search(r"\bits\s+Art", doc.flat[m.start() - 6 : m.end()])
                else None
            )
            inst = inst or resolve_instrument(ents, None, m.start())
        if inst is None:
            continue
        for n in NUM_IN_LIST.finditer(m.group("list")):
            article = clean(n.group("num"))
            label = n.group("lab") or (
                m.group("label") if n.end() == len(m.group("list")) else None
            )
            label = label or _label_before(doc, m.start())
            if not label and n.end() == len(m.group("list")):
                after = LABEL_AFTER.match(doc.flat, m.end())
                label = after.group("lab") if after else None
            prov = _provision(inst, article, label)
            found.append((m.start(), m.end(), prov))
    return found


def _sentence_at(doc: Doc, pos: int) -> Span | None:
    i = bisect.bisect_right(doc.sentence_starts, pos) - 1
    if i >= 0 and pos < doc.sentences[i].end:
        return doc.sentences[i]
    return None


#: Where an offence named before its article starts: after "charged with", "guilty of", a
#: comma or "and" of a list of offences.
LABEL_START = re.compile(
    r"(?:\b(?:charged|accused|suspected|convicted|guilty|charges?|counts?)\s+(?:\w+\s+)?"
    r"(?:with|of)|\bwith|\band|[,;:])\s+"
)
#: The offence named before its article: "tax evasion under Article 5", "theft (Article 5".
LABEL_TAIL = re.compile(
    r"(?:(?:the|a|an)\s+)?(?P<lab>[a-z][a-z’'\- ]{2,80}?)\s*(?:\s+under|\()\s*$"
)
#: The offence named after its article: "charged under Article 5 of the Code with theft".
LABEL_AFTER = re.compile(r"\s+with\s+(?P<lab>[a-z][a-z’'\- ]{2,60}?)\s*(?=[,.;(]|$)")
NOT_LABEL = re.compile(r"\b(?:contrary|pursuant|according|in line|violation|breach)\b")


def _label_before(doc: Doc, pos: int) -> str | None:
    before = doc.flat[max(0, pos - 90) : pos]
    m = re.search(r"[“\"]([^”\"]{3,80})[”\"]\s*(?:\(|under\s+|\s*)$", before)
    if m:
        return m.group(1)
    # the offence after the last list boundary: "X under Article 1, Y under Article 2 and Z (..."
    for b in reversed(list(LABEL_START.finditer(before))):
        t = LABEL_TAIL.fullmatch(before, b.end())
        if t:
            lab = clean(t.group("lab"))
            return None if NOT_LABEL.search(lab) else lab
    return None


def _provision(inst: Entity, article: str, label: str | None) -> dict[str, Any]:
    provs = inst.attrs["provisions"]
    for p in provs:
        if p["article"] == article:
            if not p.get("label") and label:
                p["label"] = _cap(label.strip(' ()“”"'))
            return p
    pid = "a" + re.sub(r"\W+", "_", article).strip("_")
    prov = {"id": pid, "article": article,
            "label": _cap(label.strip(" ()“”\"")) if label else None}  # fmt: skip
    provs.append(prov)
    return prov


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# ---------------------------------------------------------------- events

_EV = [
    (
        "charge_reclassified",
        r"\breclassified\b|abandoned (?:this|the) accusation|"
        r"(?:accusation|charges?)\b[^.;]{0,40}\b(?:raised|changed|upgraded|requalified) from",
    ),
    (
        "case_opened",
        r"(?:opened|initiated|instituted|launched|registered) a (?:new )?criminal case|"
        r"criminal case was (?:opened|initiated|registered)|"
        r"\bregistered (?:on [^.;]{0,25})?under (?:Sections?|Articles?|[A-Z]{2,6} Sections?)",
    ),
    (
        "deregistration",
        r"liquidation|deregist\w+|dissol(?:ved|ution) of the organi|"
        r"revoked (?:the |its |their )?(?:[\w’']+ )?registration|"
        r"dissolved (?:the |its |their )?(?:[\w’'-]+ ){0,3}(?:union|association|organi[sz]ation|"
        r"party|NGO|group|foundation)\b",
    ),
    (
        "travel_ban",
        r"travel ban was imposed|banned [^.]{0,40}from leaving the country|"
        r"prevented (?:him|her|them) from (?:boarding|leaving|travell?ing)",
    ),
    (
        "ban",
        r"banned from (?!leaving the country)|ban on (?!holding)|(?<=-)year ban|"
        r"notice from police stating|prohibit\w+ the work",
    ),
    ("summons", r"\bsummoned\b"),
    ("interrogation", r"\b(?:questioned|interrogated)\b"),
    ("investigation", r"for further investigation|under investigation|opened an investigation"),
    ("raid", r"\braided\b|\b(?:[Tt]he|[Aa]) raid on\b"),
    ("search", r"\bsearched\b"),
    ("seizure", r"\b(?:confiscated|seized|took away|removed)\b(?! (?:in|at) [A-Z])"),
    (
        "arrest",
        r"\b(?:re)?arrested\b|\bstopped (?:by|the car)|took (?:him|her|them) back into custody|"
        r"\bdetained the\b|(?:were|was) detained and|took (?:him|her|them) from (?:his|her|their) "
        r"home|taken into custody|\btook [^.;]{0,40} into (?:criminal )?detention|"
        r"\bformal arrest\b|\b(?:was|were) seized (?:in|at) [A-Z]",
    ),
    (
        "charge",
        r"\bcharged (?:him |her |them )?(?:with|under)|criminal charges brought|added charges|"
        r"charged them|\bindicted\b|\bcharge sheet\b|\b(?:was|were) prosecuted\b|"
        r"\bcharged (?:only |also )?(?:Mr |Ms |Sister |Brother |Father )?[A-Z]\w+ [A-Z]\w+|"
        r"probable cause to charge|\bon (?:a |the )?(?:criminal )?charges? of\b",
    ),
    (
        "detention",
        r"\bremanded\b|ordered (?:his|her|their) detention|extended (?:it|his detention|"
        r"her detention|their detention)|\bextended\b[^.]{0,30}detention|"
        r"\bextend (?:the period of )?(?:his|her|their) detention|kept (?:him|her|"
        r"them) (?:behind bars|in detention|in custody)|should (?:stay|remain) in detention|"
        r"renewed (?:his|her|their) detention|administrative detention|"
        r"held there for hours|\b(?:placed|put) (?:him |her |them )?under (?:house arrest|"
        r"residential surveillance|[“\"]residential|[A-Z]{3,5}\b)|"
        r"\bsent (?:him|her|them) to (?:\w+ )?(?:custody|pre-trial detention)|"
        r"\b(?:was|were) (?:then |later |being )?held (?:under|at|in) (?:the )?[A-Z]",
    ),
    (
        "trial_hearing",
        r"trial opened|proceedings began|adjourned|held a \w+ hearing|trial (?:began|started)|"
        r"\b(?:was|were) tried\b",
    ),
    ("sentence", r"\bsentenced\b|found (?:\w+ )*guilty|\breceived (?:\w+ ){0,4}years?\b"),
    ("fine", r"\bfined\b"),
    ("acquittal", r"\bacquitted\b"),
    ("release", r"\breleased\b|\bfreed\b|ordered (?:his|her|their) release"),
    ("amnesty", r"\bamnesty\b"),
    (
        "appeal_filed",
        r"\bappealed\b|lodging a further appeal|lodged an appeal|filed an appeal|"
        r"\bobjected\b",
    ),
    (
        "court_decision",
        r"\bupheld\b|dismissed (?:the |his |her |their )?(?:[\w’']+ ){0,2}?(?:appeals?|complaint|"
        r"petition|application|motion)|"
        r"delivered its judgment|accepted the objection|merged the case|rejected a defence request|"
        r"\bset aside\b|\bquashed\b",
    ),
    (
        "complaint",
        r"private complaint|(?:filed|lodged|submitted) an? (?:\w+ )?(?:complaint|application|"
        r"petition)|\bpetitioned\b",
    ),
    (
        "threat",
        r"\bthreatened\b|\bthreatening (?:him|her|them)\b|warning that|death threats",
    ),
    (
        "attack",
        r"set it on fire|\btorched\b|\bbeat (?:him|her)\b|\battacked\b|\bassaulted\b|"
        r"electric shocks",
    ),
    ("killing", r"\b(?:killed|murdered|shot dead|found dead)\b|\bthe killing of (?:his|her)\b"),
    ("disappearance", r"\bdisappeared\b|whereabouts remained unknown"),
]


def _event_rx(rx: str) -> re.Pattern[str]:
    """Compile an event pattern for speed: a space matches any run of white space (wrapped lines
    keep a trailing space), and a leading ``\\b`` is dropped so the engine can skip ahead on the
    first letters; :func:`find_events` checks the word start instead."""
    rx = rx.replace(" ", r"\s+")
    rx = re.sub(r"(^|\||\(\?:)\\b", r"\1", rx)
    return re.compile(rx)


EVENT_RULES_RX = [(t, _event_rx(rx)) for t, rx in _EV]
HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may|if convicted|in case of conviction|urges?|calls? on|asks?|"
    r"cannot|not|never|considers? that|believes? that|fears? that|is concerned that)\b"
)
PRONOUN_TARGET = re.compile(
    r"\b(?:him|he|his|them|they|their|the two men|the human rights defender|the defendants)\b", re.I
)
_GROUP_NUM = r"two|three|four|five|six|seven|eight|nine|ten|\d+"
#: A plural reference to the defenders: "them", "both men", "all four", "the three activists".
GROUP_TARGET = re.compile(
    rf"\b(?:them|they|their|the defendants|the accused|both(?: (?:men|women))?|"
    rf"(?:all|the) (?P<n>{_GROUP_NUM})(?: (?:men|women|defenders|activists|accused))?)\b",
    re.I,
)
#: Clause boundaries inside a sentence: a date governs the clause it stands in.
CLAUSE_END = re.compile(r";|:|,\s+(?:and|but|while|whereas)\s+|\s+and\s+(?=on\s+\d)")
#: An undated sentence that says it looks back does not take the paragraph's date.
LOOKS_BACK = re.compile(
    r"\b(?:had|has|have|previously|already|earlier|formerly|since|before|ago|in the past|"
    r"is|are|will|would|could)\b"
)
#: "the disappeared activist", "those acquitted": a participle used as an adjective.
ADJECTIVAL = re.compile(r"\b(?:[Tt]he|[Tt]hose|an?|[Aa]mong)\s+$")
#: A date right after the event phrase belongs to it: "revoked its registration on 20 August".
TIGHT_DATE = re.compile(r"(?:\s+(?:him|her|them|it|its \w+|the \w+))?\s+(?:(?:on|in)\s+)?")
VERB_BEFORE_DATE = re.compile(r"\b[a-z]+ed\s+(?:(?:on|in)\s+)?$")


def _after_verb(flat: str, d: DateMention) -> bool:
    """The date follows a past participle directly: "abducted in 2021", "held on 3 May"."""
    m = VERB_BEFORE_DATE.search(flat, max(0, d.start - 30), d.start)
    if not m:
        return False
    return bool(re.search(r"(?:on|in)\s+$", m.group())) or flat.startswith(("in ", "In "), d.start)


#: "and later remanded": the event comes after the date of its sentence.
LATER = re.compile(r"\b(?:later|subsequently|eventually|afterwards)\s+$")
PAST_PERFECT = re.compile(r"\bhad (?:already |previously )?(?:been )?$")
GAPPED_DATE = re.compile(r"(?:,|\w)\s+(?:on|in)\s+$")


def find_events(
    doc: Doc,
    ents: Entities,
    dates: list[DateMention],
    provs: list[tuple[int, int, dict[str, Any]]],
    stop: int,
    skip: tuple[int, int] | None = None,
) -> list[dict[str, Any]]:
    """One event per event phrase and sentence, dated by the date that governs its clause.

    An undated sentence takes the date of the last dated sentence of its paragraph (the
    narrative goes on), unless it looks back (``had``, ``previously``, ``since``); a verb with
    several dates after it (``A was killed on D1, B on D2``) is one event per date.
    """
    events: list[dict[str, Any]] = []
    mentions = _mention_index(ents)
    para_date = None
    para_i = 0
    paras = doc.paragraphs
    prev_targets: list[str] = _main_targets(ents)
    flat = doc.flat
    all_hits = []
    for etype, rx in EVENT_RULES_RX:
        for m in rx.finditer(flat, 0, stop):
            a = m.start()
            if a == 0 or not flat[a - 1].isalnum():
                all_hits.append((a, m.end(), etype))
    all_hits.sort()
    event_dates = [d for d in dates if d.event_date]
    hi = di = 0
    for s in doc.sentences:
        if s.start >= stop:
            break
        while para_i < len(paras) and paras[para_i].end <= s.start:
            para_i += 1
            para_date = None
        while di < len(event_dates) and event_dates[di].start < s.start:
            di += 1
        sdates = []
        while di < len(event_dates) and event_dates[di].start < s.end:
            sdates.append(event_dates[di])
            di += 1
        while hi < len(all_hits) and all_hits[hi][0] < s.start:
            hi += 1
        hits = []
        while hi < len(all_hits) and all_hits[hi][0] < s.end:
            hits.append(all_hits[hi])
            hi += 1
        if skip and skip[0] <= s.start < skip[1]:
            continue
        text = flat[s.start : s.end]
        clauses = [s.start, *(s.start + c.end() for c in CLAUSE_END.finditer(text)), s.end]
        seen: set[tuple[str, str | None]] = set()
        sent_values: list[Any] = []
        bound = {a: _tight_date(flat, sdates, b) for a, b, _ in hits}
        for k, (a, b, etype) in enumerate(hits):
            pre = flat[max(s.start, a - 40) : a]
            if HYPOTHETICAL.search(pre) and etype not in ("appeal_filed",):
                continue
            if ADJECTIVAL.search(pre) and re.match(r"\w+ed\b", flat[a:b]):
                continue  # "the disappeared activist", "those acquitted": a participle, no event
            others = [h[0] for h in hits if h[0] != a]
            # a date bound to another verb before a comma ("men, abducted in 2020, be returned,
            # she was prosecuted") is not this event's date
            taken = [
                d for d in sdates
                if d.end <= a and "," in flat[d.end : a]
                and (d in bound.values() or _after_verb(flat, d))
            ]  # fmt: skip
            value = _event_date([d for d in sdates if d not in taken], a, clauses, others)
            if bound[a] is not None:
                value = bound[a].value  # "revoked its registration on 20 August 2003"
            elif LATER.search(pre):
                value = None  # "were detained and later remanded": after the date, not on it
            if etype == "trial_hearing" and flat.startswith("adjourned", a):
                # "adjourned until 18 January": the hearing resumes on that date
                nxt = [d for d in dates if b <= d.start <= b + 20]
                value = nxt[0].value if nxt else None
            # an appeal comes after the decision it attacks, never on its date
            inherit = etype not in ("appeal_filed", "complaint") and not LATER.search(pre)
            inherited = False
            if value is None and inherit and para_date and not LOOKS_BACK.search(flat[s.start : a]):
                if not PAST_PERFECT.search(pre):
                    value, inherited = para_date, True
            if value is None and PAST_PERFECT.search(pre):
                continue
            sent_values.append(value)
            values = [value]
            if k == len(hits) - 1 and value is not None:
                values += [v for v in _gapped_dates(sdates, b, flat) if v != value]
            for v in values:
                key = (etype, format_date(v))
                if key in seen:
                    continue
                seen.add(key)
                ev = _make_event(doc, ents, mentions, provs, s, a, b, etype, v, prev_targets)
                if inherited:
                    ev["_inherited"] = True
                events.append(ev)
        if sdates:
            # the narrative goes on from the date of the sentence's last event, else its last date
            dated = [v for v in sent_values if v is not None]
            para_date = dated[-1] if dated else sdates[-1].value
    _judgment_provisions(events)
    return _corefer(events, doc)


CHARGE_TYPES = ("case_opened", "charge", "charge_reclassified")


def _judgment_provisions(events: list[dict[str, Any]]) -> None:
    """A judgment of guilt that cites no article ("found all four guilty") convicts on the
    charges last brought before it."""
    last: list[str] = []
    for ev in events:
        if ev["type"] in CHARGE_TYPES and ev["provisions"]:
            last = ev["provisions"]
        elif ev["type"] in ("sentence", "conviction") and not ev["provisions"] and last:
            ev["provisions"] = list(last)


def _corefer(events: list[dict[str, Any]], doc: Doc) -> list[dict[str, Any]]:
    """A dated event told again in another paragraph (a lead, then the narrative) is one event."""
    para_of: dict[tuple[str, str | None], int] = {}
    first: dict[tuple[str, str | None], dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for ev in events:
        pos = ev["evidence"][0]["start"]
        para = next((i for i, p in enumerate(doc.paragraphs) if p.start <= pos < p.end), -1)
        key = (ev["type"], ev["date"])
        inherited = ev.pop("_inherited", False)
        if ev["date"] and key in para_of:
            if para_of[key] != para:
                continue  # told again in another paragraph
            if inherited and set(ev["targets"]) <= set(first[key]["targets"]):
                continue  # told again, without a date of its own, of the same people
        para_of.setdefault(key, para)
        first.setdefault(key, ev)
        out.append(ev)
    return out


def _tight_date(flat: str, sdates: list[DateMention], end: int) -> DateMention | None:
    """A date right after an event phrase, introduced by "on" or "in", belongs to it."""
    for d in sdates:
        if end <= d.start <= end + 30:
            gap = flat[end : d.start]
            if TIGHT_DATE.fullmatch(gap) and (
                re.search(r"\b(?:on|in)\s+$", gap)
                or re.match(r"[Ii]n\s", flat[d.start : d.end])
                or REL_RE.fullmatch(flat, d.start, d.end)  # "released two days later"
            ):
                return d
    return None


def _event_date(sdates: list[DateMention], pos: int, clauses: list[int], others: list[int]) -> Any:
    """The date of the clause the event phrase stands in, else the nearest before it."""
    k = next((i for i in range(len(clauses) - 1) if clauses[i] <= pos < clauses[i + 1]), 0)
    c0, c1 = clauses[k], clauses[k + 1]
    in_clause = [d for d in sdates if c0 <= d.start < c1]
    before = [d for d in in_clause if d.start < pos]
    if before:
        return before[-1].value
    after = [d for d in in_clause if d.start >= pos]
    if after and not any(pos < h < after[0].start for h in others):
        return after[0].value
    before = [d for d in sdates if d.start < pos]
    if before:
        return before[-1].value
    return None


def _gapped_dates(sdates: list[DateMention], end: int, flat: str) -> list[Any]:
    """``X was killed on D1, Y on D2, and Z on D3``: the dates that share one verb."""
    after = [d for d in sdates if d.start >= end]
    out = []
    for d in after:
        lead = flat[max(end, d.start - 8) : d.start]
        if GAPPED_DATE.search(lead) and d.value[2] is not None:
            out.append(d.value)
    return out


def _mention_index(ents: Entities) -> list[tuple[int, int, Entity]]:
    idx = []
    for e in ents.items:
        if e.kind in ("person", "organisation"):
            for a, b in e.mentions:
                idx.append((a, b, e))
    return sorted(idx, key=lambda x: x[0])


def _main_targets(ents: Entities) -> list[str]:
    return [p.id for p in ents.of("person") if "defender" in p.attrs.get("roles", [])][:2]


def _group_before(
    mentions: list[tuple[int, int, Entity]], pos: int, group: re.Match[str]
) -> list[str]:
    """The defenders a plural reference points back to: those named together last before it,
    as many as its number says ("all four", "both")."""
    word = (group.group("n") or ("two" if group.group().lower().startswith("both") else "")).lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    found: list[str] = []
    last = None
    for a, _b, e in reversed(mentions):
        if a >= pos or e.kind != "person" or "defender" not in e.attrs.get("roles", []):
            continue
        if last is not None and not n and last - a > 300:
            break  # without a number: only the defenders named together last
        if e.id not in found:
            found.append(e.id)
        last = a
        if n and len(found) >= n:
            break
    if not n and len(found) < 2:
        return []
    return sorted(found, key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)


def _make_event(
    doc: Doc,
    ents: Entities,
    mentions: list[tuple[int, int, Entity]],
    provs: list[tuple[int, int, dict[str, Any]]],
    s: Span,
    a: int,
    b: int,
    etype: str,
    value: Any,
    prev_targets: list[str],
) -> dict[str, Any]:
    agents, targets = [], []
    for ma, _mb, e in mentions:
        if not s.start <= ma < s.end:
            continue
        is_state = e.kind == "organisation" and e.attrs.get("kind") in STATE_KINDS
        if ma < a and (is_state or "judge" in e.attrs.get("roles", [])
                       or "prosecutor" in e.attrs.get("roles", [])):  # fmt: skip
            agents.append(e.id)
        elif ma >= a and e.kind == "person" and "defender" in e.attrs.get("roles", []):
            targets.append(e.id)
        elif ma < a and e.kind == "person" and "defender" in e.attrs.get("roles", []):
            targets.append(e.id)
    group = GROUP_TARGET.search(doc.flat[s.start : s.end])
    if not targets and group:
        targets = _group_before(mentions, s.start, group) or list(prev_targets)
    elif not targets and PRONOUN_TARGET.search(doc.flat[s.start : s.end]):
        targets = list(prev_targets[:1])
    agents = list(dict.fromkeys(agents))[-1:] if agents else []
    authority = None
    for ag in agents:
        e = next((x for x in ents.items if x.id == ag), None)
        if e and e.attrs.get("kind") in ("court", "prosecution", "police", "security_service"):
            authority = ag
    provisions = [p["id"] for pa, _pb, p in provs if s.start <= pa < s.end]
    penalty = None
    if etype in ("sentence", "fine", "ban", "detention"):
        m = re.search(r"(?:sentenced (?:him |her |them )?to|fined( \w+)*?)\s+(?P<p>[^,;.]{3,60})",
                      doc.flat[a : s.end])  # fmt: skip
        if m and etype in ("sentence", "fine"):
            penalty = clean(m.group("p"))
    return {
        "id": "",
        "type": etype,
        "date": format_date(value),
        "agents": agents,
        "targets": list(dict.fromkeys(targets)),
        "authority": authority,
        "provisions": list(dict.fromkeys(provisions)),
        "penalty": penalty,
        "place": None,
        "note": clean(doc.flat[a:b]),
        "confidence": 0.6 if value else 0.4,
        "evidence": evidence(doc, s.start, s.end),
    }


# ---------------------------------------------------------------- rights and demands

RIGHT_RE = re.compile(
    r"\b(?P<r>(?:the )?(?:right to (?:liberty and security|liberty|a fair trial|peaceful assembly|"
    r"privacy|life|respect for private life, home and correspondence|communicate freely with "
    r"international bodies|[a-z]+)|freedom of (?:expression|association|assembly|peaceful assembly|"
    r"movement|religion|the press)|freedoms of expression and association|prohibition of "
    r"(?:torture|inhuman or degrading treatment)))"
)
DEMAND_INTRO = re.compile(
    r"(?:urges?|calls? (?:up)?on|asks?|asking them|requests?|following matters)[^.:]{0,200}:\s*$"
)
ITEM_RE = re.compile(r"^\s*(?:(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]|[•▪◦*–-])\s+", re.M)


def find_rights(doc: Doc, ents: Entities) -> list[dict[str, Any]]:
    rights, seen = [], set()
    for s in doc.sentences:
        text = doc.flat[s.start : s.end]
        insts = [
            e for e in ents.of("instrument") if any(s.start <= a < s.end for a, _ in e.mentions)
        ]
        for m in RIGHT_RE.finditer(text):
            names = [m.group("r").removeprefix("the ")]
            if names[0] == "freedoms of expression and association":
                names = ["freedom of expression", "freedom of association"]
            for name in names:
                for inst in insts or [None]:
                    key = (name, inst.id if inst else None)
                    if key in seen:
                        continue
                    seen.add(key)
                    rights.append({"name": name, "guaranteed_by": key[1],
                                   "evidence": evidence(doc, s.start, s.end)})  # fmt: skip
    return rights


def find_demands(doc: Doc, country: str | None) -> tuple[list[dict[str, Any]], int]:
    """The numbered list after "urges ... to:", with its addressees; returns (demands, start)."""
    text = doc.text
    for para in doc.paragraphs:
        intro = text[para.start : para.end]
        if not DEMAND_INTRO.search(clean(intro)):
            continue
        addressees = _addressees(clean(intro), country)
        items = []
        pos = para.end
        for m in ITEM_RE.finditer(text, pos):
            gap = text[pos : m.start()]
            if items and re.search(r"\n\s*\n\s*[^\s\d]", gap) and not gap.strip() == "":
                break
            if not items and text[pos : m.start()].strip():
                break
            items.append(m)
            pos = m.end()
        if not items:
            continue
        demands = []
        for i, m in enumerate(items):
            end = items[i + 1].start() if i + 1 < len(items) else _item_end(text, m.end())
            raw = text[m.end() : end].rstrip()
            summary = clean(raw).rstrip(";.,")
            summary = re.sub(r"^(?:Please|and)\s+", "", summary)
            demands.append({
                "addressees": addressees, "summary": summary[:1].lower() + summary[1:],
                "confidence": 0.8, "evidence": evidence(doc, m.end(), m.end() + len(raw)),
            })  # fmt: skip
        after = text[_item_end(text, items[-1].end()) : _item_end(text, items[-1].end()) + 600]
        um = re.search(r"(?:Meanwhile, )?we (?:urge|call on)[^.]{5,300}\.", after)
        if um:
            off = _item_end(text, items[-1].end()) + um.start()
            span = evidence(doc, off, off + len(um.group(0)))
            demands.append(
                {"addressees": addressees, "summary": clean(um.group(0)), "confidence": 0.6,
                 "evidence": span}
            )  # fmt: skip
        return demands, para.start
    return [], len(text)


def _item_end(text: str, pos: int) -> int:
    m = re.compile(r"\n\s*\n").search(text, pos)
    return m.start() if m else len(text)


def _addressees(intro: str, country: str | None) -> list[str]:
    m = re.search(r"the authorities (?P<p>in|of) (?P<a>(?:the )?[A-Z][\w ]+?)"
                  r"(?: and (?:the )?(?P<b>[A-Z][\w ]+?))?\s+(?:to|,|asking)", intro)  # fmt: skip
    if m:
        out = [f"authorities {m.group('p')} {m.group('a')}"]
        if m.group("b"):
            out.append(f"authorities of the {m.group('b')}" if not m.group("b").startswith("the")
                       else f"authorities of {m.group('b')}")  # fmt: skip
        return out
    if re.search(r"Government|Excellency|following matters", intro) and country:
        return [f"Government of {country}"]
    return [f"authorities of {country}"] if country else []


# ---------------------------------------------------------------- assembly

ISSUER_RE = re.compile(
    r"(?P<o>[A-Z][\w’' ]{2,80}?) (?:urges|calls on|call on|welcomes|believes|considers|is deeply"
    r" concerned|asks for your urgent action)"
)


def extract_case(text: str, *, appeal_id: str, source: str | None = None) -> dict[str, Any]:
    """Read one appeal into a case record in the corpus gold format, with evidence spans.

    A text that is not an appeal yields a record with empty lists rather than an error: finding
    nothing is an honest answer, and the caller can decide what to do with it.
    """
    doc = make_doc(text)
    header = read_header(doc)
    main_country = _main_country(doc, header["title"])
    ents = Entities()
    runs = find_runs(doc)
    classify_runs(doc, runs, ents, main_country)
    add_lower_bodies(doc, ents, main_country)
    add_quoted_orgs(doc, ents, main_country)
    add_acronyms(doc, ents)
    add_known_instruments(doc, ents)
    _drop_person_overlaps(ents)
    merge_persons(doc, ents)
    add_honorific_mentions(doc, ents)
    add_spelling_variants(doc, ents)
    _add_short_mentions(doc, ents)
    person_roles(doc, ents, header["title_span"])
    add_unnamed(doc, ents)
    _merge_short_orgs(ents)
    _assign_ids(ents)
    provs = add_provisions(doc, ents)
    _drop_unused_instruments(ents)
    demands, demands_start = find_demands(doc, main_country)
    dates = find_dates(doc, header["date"])
    events = find_events(doc, ents, dates, provs, demands_start, header["title_span"])
    for i, ev in enumerate(events, 1):
        ev["id"] = f"e{i}"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    countries = [main_country] if main_country else []
    return {
        "appeal": {
            "id": appeal_id,
            "issuer": _issuer(doc, ents),
            "date": header["date"].isoformat() if header["date"] else None,
            "title": header["title"],
            "countries": countries,
            "sha256": sha,
            "source": source,
            "access": "public",
        },
        "persons": [_person_out(doc, p) for p in ents.of("person")],
        "organisations": [_org_out(doc, o) for o in ents.of("organisation")],
        "places": [_place_out(doc, pl) for pl in ents.of("place")],
        "instruments": [_inst_out(doc, i) for i in ents.of("instrument")],
        "events": events,
        "rights": find_rights(doc, ents),
        "demands": demands,
        "extraction": {
            "tool": "appeals-kg",
            "version": __version__,
            "time": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "input_sha256": sha,
        },
    }


def _main_country(doc: Doc, title: str | None) -> str | None:
    if title:
        m = re.match(r"(?:UPDATE\s*[–-]\s*)?(?P<c>[^:]+):", title)
        if m and m.group("c").strip() in COUNTRIES:
            return m.group("c").strip()
    counts: dict[str, int] = {}
    for m in COUNTRY_RE.finditer(doc.flat):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _issuer(doc: Doc, ents: Entities) -> str | None:
    for m in ISSUER_RE.finditer(doc.flat):
        name = re.sub(r"^(?:The|the)\s+", "", m.group("o").strip())
        org = ents.find("organisation", name)
        if org:
            return org.name
    m = re.search(r"Mandates? of (?:the )?(?P<m>[^\n]+(?:\n[^\n]+)?)", doc.text[:400])
    return clean(m.group("m")) if m else None


def _drop_person_overlaps(ents: Entities) -> None:
    """A "person" inside an organisation or instrument name is part of that name."""
    spans = [(a, b) for e in ents.items if e.kind != "person" for a, b in e.mentions]
    for p in ents.of("person"):
        p.mentions = [(a, b) for a, b in p.mentions if not any(x <= a and b <= y for x, y in spans)]
        if not p.mentions:
            ents.items.remove(p)


#: A capitalised word (not an initial, not "Mr.") right before a surname: part of a full name.
AFTER_NAME_WORD = re.compile(r"(?<![\w’'-])[A-ZÀ-ÞĀ-Žİ][\w’'-]*[a-zà-ÿı-ž][\w’'-]*\s+$")


def _add_short_mentions(doc: Doc, ents: Entities) -> None:
    """Bare surnames (``Bialiatski``) are mentions, and variants, of the one person so named."""
    persons = ents.of("person")
    counts: dict[str, int] = {}
    for q in persons:
        for w in _surname_words(q.name)[-1:]:
            counts[w] = counts.get(w, 0) + 1
    owners = {}
    for p in persons:
        words = _surname_words(p.name)
        if len(words) >= 2 and counts[words[-1]] == 1:
            owners[words[-1]] = p
    if not owners:
        return
    rx = re.compile(r"\b(?:" + "|".join(map(re.escape, owners)) + r")\b")
    hits: dict[str, list[re.Match[str]]] = {}
    for m in rx.finditer(doc.flat):
        hits.setdefault(m.group(), []).append(m)
    for last, p in owners.items():
        for m in hits.get(last, []):
            if any(a <= m.start() < b for a, b in p.mentions):
                continue
            if AFTER_NAME_WORD.search(doc.flat, max(0, m.start() - 40), m.start()):
                continue  # "Njeri Mwangi": another person's given name comes first
            p.mentions.append((m.start(), m.end()))
            if last not in p.variants:
                p.variants.append(last)


def _surname_words(name: str | None) -> list[str]:
    """The words of a name without a generational suffix: the surname of "A B Jr." is B."""
    words = (name or "").split()
    while len(words) > 2 and words[-1].rstrip(".") in ("Jr", "Sr", "II", "III", "IV"):
        words = words[:-1]
    return words


def _assign_ids(ents: Entities) -> None:
    prefix = {"person": "p", "organisation": "o", "place": "l", "instrument": "i"}
    for kind, pre in prefix.items():
        for i, e in enumerate(ents.of(kind), 1):
            e.id = f"{pre}{i}"


def _merge_short_orgs(ents: Entities) -> None:
    """``European Court`` and ``Memorial`` are short forms of ``European Court of Human Rights``
    and ``Human Rights Centre “Memorial”`` when such a longer name is in the text."""
    orgs = sorted(ents.of("organisation"), key=lambda e: -len(e.name or ""))
    for short in orgs:
        sw = (short.name or "").split()
        for full in orgs:
            fw = (full.name or "").split()
            if full is short or len(fw) <= len(sw) or full not in ents.items:
                continue
            prefix = len(sw) >= 2 and fw[: len(sw)] == sw and fw[len(sw)] in ("of", "on", "for")
            quoted = len(sw) == 1 and any(w.strip('“”"') == sw[0] and w != sw[0] for w in fw)
            if prefix or quoted:
                if short.name not in full.variants:
                    full.variants.append(short.name or "")
                full.mentions.extend(short.mentions)
                ents.items.remove(short)
                break


def _drop_unused_instruments(ents: Entities) -> None:
    for e in ents.of("instrument"):
        if e.name and len(e.name.split()) == 1 and not e.attrs.get("provisions"):
            ents.items.remove(e)


def _ev(doc: Doc, e: Entity) -> list[dict[str, Any]]:
    out = []
    for a, b in sorted(set(e.mentions))[:3]:
        out.extend(evidence(doc, a, b))
    return out


def _person_out(doc: Doc, p: Entity) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "variants": list(dict.fromkeys(v for v in p.variants if v and v != p.name)),
        "gender": p.attrs.get("gender", "unknown"),
        "roles": p.attrs.get("roles", ["other"]),
        "positions": p.attrs.get("positions", []),
        "confidence": 0.8 if p.name else 0.6,
        "evidence": _ev(doc, p),
    }


def _org_out(doc: Doc, o: Entity) -> dict[str, Any]:
    parent = o.attrs.get("part_of")
    return {
        "id": o.id,
        "name": o.name,
        "variants": list(dict.fromkeys(v for v in o.variants if v and v != o.name)),
        "kind": o.attrs.get("kind", "other"),
        "country": o.attrs.get("country"),
        "founded": _founded(doc, o),
        "part_of": parent.id if isinstance(parent, Entity) else None,
        "confidence": 0.7,
        "evidence": _ev(doc, o),
    }


def _founded(doc: Doc, o: Entity) -> str | None:
    a, b = min(o.mentions)
    m = re.match(r"[^.]{0,40}?\bfounded in (\d{4})", doc.flat[b : b + 80])
    return m.group(1) if m else None


def _place_out(doc: Doc, pl: Entity) -> dict[str, Any]:
    return {"id": pl.id, "name": pl.name, "kind": pl.attrs.get("kind", "site"),
            "evidence": _ev(doc, pl)}  # fmt: skip


def _inst_out(doc: Doc, i: Entity) -> dict[str, Any]:
    kind = i.attrs.get("kind", "law")
    return {
        "id": i.id,
        "name": i.name,
        "kind": kind,
        "jurisdiction": i.attrs.get("jurisdiction"),
        "parties": [],
        "date": None,
        "provisions": [{**p, "evidence": _ev(doc, i)[:1]} for p in i.attrs.get("provisions", [])],
        "evidence": _ev(doc, i),
    }


class _Dumper(yaml.SafeDumper):
    """Block style for records, flow style for short lists of plain values."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(x, str | int | float) for x in data) and len(data) < 12
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def dump_record(record: dict[str, Any]) -> str:
    """YAML with keys in the order of the gold format, so records diff cleanly."""
    return yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
