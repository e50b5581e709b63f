"""Rights at stake and demands: numbered and prose demands with their addressees."""

from __future__ import annotations

import bisect
import re
from typing import Any

from kg.extract.addressees import ADDRESS_HEADING
from kg.extract.entities import Entities, Entity
from kg.extract.scan import finditer_near_at, finditer_words, occurrences
from kg.extract.text import Doc, clean, evidence, sentences_with

# ---------------------------------------------------------------- rights and demands

RIGHT_RE = re.compile(
    r"\b(?P<r>(?:the )?(?:right to (?:liberty and security|liberty|a fair trial|peaceful assembly|"
    r"privacy|life|respect for private life, home and correspondence|communicate freely with "
    r"international bodies|[a-z]+)|freedom of (?:expression|association|assembly|peaceful assembly|"
    r"movement|religion|the press)|freedoms of expression and association|prohibition of "
    r"(?:torture|inhuman or degrading treatment)))"
)
RIGHT_WORDS = ("right to", "freedom of", "freedoms of", "prohibition of")
DEMAND_INTRO = re.compile(
    r"(?:urg(?:es?|ing|ed)|call(?:s|ed)? (?:up)?on|calling (?:up)?on|calls? for|asks?|asking them|"
    r"requests?|requesting|demands?|recommends?|appeals? to|following matters|should|must|"
    # "Please send appeals:" above items that open with what they ask ("Calling on ...")
    r"(?:send|write) (?:your )?(?:appeals|letters)(?! to))"
    r"[^.:]{0,200}:\s*$",
    re.IGNORECASE,  # "WE DEMAND:", "WE URGE THE AUTHORITIES TO:"
)
ITEM_RE = re.compile(
    r"^\s*(?:(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]|\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)|[•▪◦●►*–·-])\s+",
    re.M,
)


def find_rights(doc: Doc, ents: Entities) -> list[dict[str, Any]]:
    rights, seen = [], set()
    in_sentence: dict[int, list[Entity]] = {}
    for e in ents.of("instrument"):
        for s in sentences_with(doc, [a for a, _ in e.mentions]):
            in_sentence.setdefault(s.start, []).append(e)
    # every right named holds one of RIGHT_WORDS: the pattern is run only in the sentences that
    # hold one, found from the words' places in the whole text (a few searches, not a slice and
    # a search per sentence)
    holding = _sentences_holding(doc, RIGHT_WORDS)
    for k, s in enumerate(doc.sentences):
        if k not in holding:
            continue
        text = doc.flat[s.start : s.end]
        insts = in_sentence.get(s.start, [])
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


def _sentences_holding(doc: Doc, words: tuple[str, ...]) -> set[int]:
    """The indexes of the sentences of ``doc`` whose text holds one of ``words`` whole."""
    flat, starts, sentences = doc.flat, doc.sentence_starts, doc.sentences
    found: set[int] = set()
    for w in words:
        for i in occurrences(flat, w):
            k = bisect.bisect_right(starts, i) - 1
            if k >= 0 and i + len(w) <= sentences[k].end:
                found.add(k)
    return found


PLEASE_OR_AND = re.compile(r"^(?:Please|and)\s+")
BLANK_LINE_TEXT = re.compile(r"\n\s*\n\s*[^\s\d]")


def find_demands(
    doc: Doc, country: str | None, ents: Entities | None = None
) -> tuple[list[dict[str, Any]], int]:
    """The numbered list after "urges ... to:", with its addressees, else the asks written as
    sentences; a pronoun an ask is about named (:func:`name_pronouns`). Returns (demands,
    where the first starts)."""
    demands, first = _find_demands(doc, country)
    if ents is not None:
        name_pronouns(demands, ents)
        name_told_objects(demands, doc, ents)
        demands = _drop_retold(demands)
    return demands, first


def _drop_retold(demands: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An ask in prose told again once its pronoun is named ("release him at once" in a quote
    after "immediately release X, editor of Y" in the lead): the first telling is kept."""
    kept: list[dict[str, Any]] = []
    cores: set[str] = set()
    for d in demands:
        core = _ask_core(d["summary"])
        if d.get("confidence", 0) < 0.8 and _asked_before(core, cores):
            continue
        cores.add(core)
        kept.append(d)
    return kept


#: A lead-in's colon with a dashed item after it on the same line: "to: - Release".
INLINE_LEAD = re.compile(r":(?=[ \t]+[-–•▪·][ \t]+[A-Z])")
#: An item of a list written in one paragraph: a dash after the colon or a semicolon.
INLINE_ITEM = re.compile(r"(?<=[:;])\s+[-–•▪·]\s+(?=[A-Z])")


#: An item that opens with the ask and whom it is put to: "Calling on the Vela authorities to
#: release X", "Urging them to return ..." (the pronoun's addressees are the list's).
GERUND_ASK = re.compile(
    r"(?:[Cc]alling (?:up)?on|[Uu]rging|[Aa]sking) (?P<who>[^,;]{1,60}?) to (?=[a-z])"
)


def _find_demands(doc: Doc, country: str | None) -> tuple[list[dict[str, Any]], int]:
    text = doc.text
    found: list[dict[str, Any]] = []
    first = None
    for para in doc.paragraphs:
        if found and para.start < found[-1]["evidence"][-1]["end"]:
            continue  # inside the list already read
        # the lead-in ends with a colon: at the paragraph's end, or on a line of its own with
        # the items right under it ("The authorities should:\n• Drop ...")
        intro_end, pos = None, para.start
        for line in text[para.start : para.end].split("\n"):
            pos += len(line) + 1
            if (
                line.rstrip().endswith(":")
                and DEMAND_INTRO.search(clean(text[para.start : min(pos, para.end)]))
                # "Appeals to:" over a list of addresses heads whom to write to, no asks
                and not ADDRESS_HEADING.fullmatch(clean(text[para.start : min(pos, para.end)]))
            ):
                intro_end = min(pos, para.end)
                break
            if HEADING_INTRO.match(line):  # "WE DEMAND" on a line of its own, as a heading
                intro_end = min(pos, para.end)
                break
        inline: list[re.Match[str]] = []
        if intro_end is None:
            # "calls on the Government to: - Release X; - Lift the ban ...": the items run on
            # in the paragraph, each after a dash, as a web page's list reads once copied
            lead = INLINE_LEAD.search(text, para.start, para.end)
            if lead is None or not DEMAND_INTRO.search(clean(text[para.start : lead.end()])):
                continue
            inline = list(INLINE_ITEM.finditer(text, lead.start(), para.end))
            if len(inline) < 2:
                continue
            intro_end = inline[0].start()
        intro = text[para.start : intro_end]
        addressees = _addressees(clean(intro), country)
        items: list[Any] = list(inline)
        pos = intro_end
        for m in () if inline else ITEM_RE.finditer(text, pos):
            gap = text[pos : m.start()]
            if items and BLANK_LINE_TEXT.search(gap) and not gap.strip() == "":
                break
            if not items and text[pos : m.start()].strip():
                break
            items.append(m)
            pos = m.end()
        if items and not inline:
            # "• Quash X; • Investigate Y": items of a list run on after the first one's line
            more = [
                x
                for x in INLINE_ITEM.finditer(
                    text, items[0].end(), _item_end(text, items[-1].end())
                )
                if not any(x.start() < it.end() and it.start() < x.end() for it in items)
            ]
            items = sorted([*items, *more], key=lambda m: m.start())
        if not items:
            items = _unmarked_items(text, intro_end)
        if not items:
            continue
        demands = []
        asked = addressees  # whom "Urging them to ..." puts its ask to: the item before's
        for i, m in enumerate(items):
            end = items[i + 1].start() if i + 1 < len(items) else _item_end(text, m.end())
            if isinstance(m, UnmarkedItem):
                end = m.stop
            raw = text[m.end() : end].rstrip()
            summary = clean(raw).rstrip(";.,")
            summary = PLEASE_OR_AND.sub("", summary)
            whom = addressees
            gerund = GERUND_ASK.match(summary)
            if gerund:  # "Calling on the authorities to release X": its own addressee
                if gerund.group("who") != "them":
                    asked = [gerund.group("who")]
                whom, summary = asked, summary[gerund.end() :]
            that = THAT_WHO.match(summary)
            if that:  # "That the prosecutor close the investigation": its own addressee
                whom, summary = [that.group("who")], summary[that.end("who") :].lstrip()
            demands.append({
                "addressees": whom, "summary": summary[:1].lower() + summary[1:],
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
        found.extend(demands)
        first = para.start if first is None else first
    if first is None:
        prose = find_prose_demands(doc, country)
        return prose, (prose[0]["evidence"][0]["start"] if prose else len(text))
    # a letter's lists may be followed by asks in prose ("We also urge ... to ensure ...")
    spans = [(ev["start"], ev["end"]) for d in found for ev in d["evidence"]]
    for d in find_prose_demands(doc, country):
        a, b = d["evidence"][0]["start"], d["evidence"][-1]["end"]
        if a > first and not any(x < b and a < y for x, y in spans):
            found.append(d)
    found.sort(key=lambda d: d["evidence"][0]["start"])
    return found, first


# ---------------------------------------------------------------- demands in prose

#: Verbs a demand opens with; a comma or "and" before one of them starts the next demand in a
#: list of asks ("should release X, drop the charges, and allow an investigation").
DEMAND_VERBS = (
    "release|free|drop|quash|ensure|stop|end|allow|repeal|amend|investigate|guarantee|lift|"
    "return|unfreeze|order|follow|close|bring|protect|provide|grant|withdraw|review|assert|reverse|halt|cease|"
    "refrain|conduct|carry out|open|restore|reinstate|make|publicly|take|respect|uphold|"
    "establish|find|hold|raise|undertake|renew|complete|immediately|annul|overturn|vacate|"
    "abolish|revoke|suspend|put an end|give|permit|enable|support|condemn|publish|disclose"
)
#: An item that names whom it asks, as a clause: "That the prosecutor's office close ...",
#: "That the Federal Mechanism review ...".
THAT_WHO = re.compile(
    r"^[Tt]hat\s+(?:the\s+)?(?!(?:they|she|he|it|we|you)\b)(?P<who>[A-Za-z][^,;:]{0,60}?)\s+"
    r"(?=(?:" + DEMAND_VERBS + r")\b)"
)
#: A lead-in written as a heading, in capitals and without a colon: "WE DEMAND", "OUR DEMANDS".
HEADING_INTRO = re.compile(r"^\s*(?:WE\s+(?:DEMAND|URGE|CALL\s+ON)[A-Z ]*|OUR\s+DEMANDS)\s*$")
#: Where an item of a list without marks ends: a semicolon or full stop at a line's end, the
#: next line opening with a demand verb.
UNMARKED_NEXT = re.compile(r"[;.]\s*\n[ \t]*(?=(?:and\s+)?(?:" + "|".join(
    v[:1].upper() + v[1:] + "|" + v for v in DEMAND_VERBS.split("|")) + r")\b)")  # fmt: skip


class UnmarkedItem:
    """An item of a list without marks, with the interface of an ``ITEM_RE`` match used above:
    ``start()``, ``end()`` (where its text starts) and ``stop`` (where it ends)."""

    def __init__(self, start: int, stop: int) -> None:
        self._start, self.stop = start, stop

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start


def _unmarked_items(text: str, pos: int) -> list[Any]:
    """The asks of a list set out one a line without marks or numbers, each ending with a
    semicolon ("We call on the authorities to:\n\ndrop all charges ...;\nwithdraw ...;"): the
    block of lines right after the lead-in, when it opens with a demand verb and holds two asks
    or more."""
    start = len(text[pos:]) - len(text[pos:].lstrip()) + pos
    first = re.match(r"(?:" + DEMAND_VERBS + r")\b", text[start : start + 40], re.IGNORECASE)
    if first is None:
        return []
    stop = _item_end(text, start)
    cuts = [start] + [m.end() for m in UNMARKED_NEXT.finditer(text, start, stop)]
    if len(cuts) < 2:
        return []
    return [UnmarkedItem(a, (cuts[i + 1] if i + 1 < len(cuts) else stop))
            for i, a in enumerate(cuts)]  # fmt: skip


#: "I urge you to", "We also call on the authorities to", "Please ensure": asks in a letter.
LETTER_ASK = re.compile(
    r"\b(?:I|We)\s+(?:(?:also|further|therefore|again|strongly|respectfully)\s+){0,2}"
    r"(?:urge|call\s+(?:up)?on|ask|request)\s+"
    r"(?P<who>you|(?:the|your)\s+[^.;]{1,60}?|[A-Z][^.;]{1,60}?"
    # a longer addressee ("the international community and on the Office of ... in X") only
    # before a demand verb
    r"|(?:the\s+|your\s+|(?=[A-Z]))[^.;]{61,160}?(?=\s+to\s+(?:" + DEMAND_VERBS + r")\b))\s+to\s+"
    r"|(?P<pending>\bPending\s+[^,.;]{1,40},\s+)?\b[Pp]lease\s+(?:also\s+)?"
    r"(?=(?:" + DEMAND_VERBS + r")\b)"
    # a letter's ask in the imperative after its condition, without "please": "Pending their
    # release, ensure that they ..."
    r"|(?P<pending2>\bPending\s+(?:his|her|their|the)\s+[^,.;]{1,40},\s+)"
    r"(?=(?:" + DEMAND_VERBS + r")\b)"
)
#: "Bangladeshi authorities should release", "Governments ... should", "CPJ called on X to".
#: The state bodies a press release tells what they "should" do.
ASKED_BODIES = (
    r"(?:authorities|[Gg]overnments?|[Pp]rosecutors|[Pp]olice|[Bb]ureau|[Mm]inistry|[Pp]arliament)"
)
REPORTED_ASK = re.compile(
    r"(?P<who>\b(?:[A-Z][\w-]+\s+){0,3}" + ASKED_BODIES + r"(?:\s+[a-z][^.;,]{0,40}?)?)"
    r"\s+(?:should|must)\s+(?!be\b|not\b|never\b|have\b)"
    # (not "a letter calling on deputies to": what others asked, told in the story)
    r"|(?<!\bto )(?<!petition )(?<!petitions )(?<!letter )(?<!resolution )(?<!placards )"
    r"(?<!banners )\b(?:call(?:s|ed|ing)?\s+(?:up)?on|urg(?:es|ed|ing)|ask(?:s|ing))\s+"
    r"(?P<who2>[^.;]{1,60}?)\s+to\s+(?=(?:" + DEMAND_VERBS + r")\b)"
)
#: The words every match of REPORTED_ASK's first branch holds where its subject's capitalised
#: words end ("Zenda authorities", "the Government"), and the verbs its second branch opens with.
REPORTED_SUBJECTS = (
    "authorities", "government", "Government", "Prosecutors", "prosecutors", "Police", "police",
    "Bureau", "bureau", "Ministry", "ministry", "Parliament", "parliament",
)  # fmt: skip
REPORTED_VERBS = ("call", "urg", "ask")


def find_reported_asks(flat: str) -> list[re.Match[str]]:
    """``finditer_near(REPORTED_ASK, flat, REPORTED_ANCHORS)``, the pattern tried only where a
    match may start rather than at every character around its anchors: at "call", "urg" and
    "ask" (its second branch), and at the subject word of its first branch or a capital letter
    of the three words before it, the most its ``(?:[A-Z][\\w-]+\\s+){0,3}`` can take."""
    starts = {i for word in REPORTED_VERBS for i in occurrences(flat, word)}
    for word in REPORTED_SUBJECTS:
        for i in occurrences(flat, word):
            starts.add(i)
            j = i
            for _ in range(3):  # the three words before, over the white space between
                k = j
                while k > 0 and flat[k - 1].isspace():
                    k -= 1
                if k == j:
                    break
                j = k
                while j > 0 and not flat[j - 1].isspace():
                    j -= 1
                starts.update(x for x in range(j, k) if "A" <= flat[x] <= "Z")
    return finditer_near_at(REPORTED_ASK, flat, REPORTED_ANCHORS, sorted(starts))


def _places(flat: str, words: tuple[str, ...]) -> list[int]:
    """Where each of ``words`` stands in ``flat``, in text order."""
    return sorted(i for word in words for i in occurrences(flat, word))


#: The verb of a step told in the passive, for the ask in the active.
ACTIVE = {"dropped": "drop", "withdrawn": "withdraw", "quashed": "quash", "released": "release",
          "lifted": "lift", "overturned": "overturn", "repealed": "repeal", "returned": "return",
          "revoked": "revoke", "annulled": "annul"}  # fmt: skip
#: An ask told with the noun of the step asked for, or with the step in the passive: "calls for
#: her immediate release", "renews its call for the release of X", "calls for the charges against
#: X to be dropped". Read as the ask in the active ("release her immediately", "drop the
#: charges against X"). In the present only, and not after "to": "a deputy called for their
#: release" reports someone else's call, "she used her account to call for the release of ..."
#: what the defender did.
NOUN_ASK = re.compile(
    r"(?<!\bto )\b(?:call(?:s|ing)?|demand(?:s|ing)?)\s+for\s+"
    r"(?:(?P<whose>his|her|their)\s+|the\s+)"
    r"(?P<how>(?:immediate|unconditional)(?:\s+and\s+(?:immediate|unconditional))?\s+)?"
    r"(?P<noun>release)(?:\s+of\s+(?P<whom>[^.;,()]{2,120}?))?"
    r"(?=\s*[.;,(]|\s+(?:and|from|on|in)\b)"
    r"|(?<!\bto )\b(?:call(?:s|ing)?|demand(?:s|ing)?)\s+for\s+"
    r"(?P<what>(?:the|all)\s+[^.;]{2,160}?)"
    r"\s+to\s+be\s+(?:immediately\s+)?(?P<done>" + "|".join(sorted(ACTIVE)) + r")\b"
)
#: "his" -> "him" for the object of the ask.
OBJECT_OF = {"his": "him", "her": "her", "their": "them"}
NEXT_ASK = re.compile(
    r",\s+and\s+to\s+|;\s*|,\s+(?:and\s+)?(?:should\s+)?(?=(?:" + DEMAND_VERBS + r")\b)"
    # "..., and the Registration Bureau should lift": another body's ask
    r"|,\s+and\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){0,3}" + ASKED_BODIES + r"\s+(?:should|must)\s+"
    # "... are dropped, and, pending their release, that they have access to": the ask under
    # the condition is one of its own
    r"|,\s+and,?\s+(?=[Pp]ending\s+(?:his|her|their|the)\b)"
)
ASK_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bNo)\.(?:\s|$)"
    r"|,\s+(?:as|because|since|the [A-Z][\w ]{2,60} said)\b"
    r"|,?\s+and\s+(?:also\s+)?(?:calls|urges|demands)\b"
    r"|,\s+(?:[A-Z][\w’' ]{1,60}|the [A-Z][\w ]{1,60})\s+said\b"
)


#: Words that say how soon an ask is to be met, not what it asks: "release him at once".
HOW_SOON = re.compile(
    r"\b(?:immediately and unconditionally|immediately|unconditionally|at once|without delay|"
    r"promptly|forthwith)\b\s*"
)


def _ask_core(summary: str) -> str:
    """An ask without its words of haste, "free" read as "release", and a description before
    the name it frees ("release journalist X"), in lower case."""
    core = HOW_SOON.sub("", re.sub(r"^free\b", "release", summary)).strip(" ,")
    core = re.sub(r"^release (?:[a-z][\w-]* ){1,3}(?=[A-ZÀ-ÞĀ-Žİ])", "release ", core)
    return core.lower()


def _asked_before(core: str, cores: set[str]) -> bool:
    """The same ask (its :func:`_ask_core`) told before with other words of haste, or longer
    or shorter: "release X at once" after "immediately release X, editor of Y"."""
    for was in cores:
        short, long = sorted((was, core), key=len)
        if was == core or (
            long.startswith((short + ",", short + " and "))
            and not ASK_AFTER_COMMA.search(long, len(short))
        ):
            return True
        # "drop the charges against the three" after a lead's "drop unfounded charges against
        # three Indigenous leaders": one verb, and every word the shorter ask holds
        words, more = short.split(), set(long.split())
        if (
            len(words) >= 3
            and words[0] == long.split()[0]
            and all(w in more for w in words[1:] if w not in ASK_FILLERS)
        ):
            return True
    return False


#: Words an ask may hold or leave out and stay the same ask.
ASK_FILLERS = frozenset("the a an all of his her their its".split())


#: Another ask after the comma: "release X, to lift the travel ban on Y".
ASK_AFTER_COMMA = re.compile(r"\bto\s+(?:" + DEMAND_VERBS + r")\b")


def find_prose_demands(doc: Doc, country: str | None) -> list[dict[str, Any]]:
    """Asks written as sentences: a model letter's "I urge you to ...", "Please ensure ...",
    a press release's "the authorities should ... , X said"; each ask split at "and to",
    semicolons and commas before a demand verb."""
    flat = doc.flat
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    asked: set[str] = set()  # the asks' cores (_ask_core), for _asked_before
    # a letter's ask opens with one of LETTER_WORDS, tried where the word index has them; a
    # reported ask is looked for around its verbs
    letter = finditer_words(LETTER_ASK, flat, doc.word_index, LETTER_WORDS)
    for found in (letter, find_reported_asks(flat)):
        for m in found:
            gd = m.groupdict()
            pending = "pending" if gd.get("pending") else "pending2" if gd.get("pending2") else None
            start = m.start(pending) if pending else m.end()
            para_end = next((p.end for p in doc.paragraphs if p.start <= m.start() < p.end), 0)
            end_m = ASK_END.search(flat, m.end(), para_end)
            if end_m is None or end_m.start() - m.end() < 8:
                continue  # an ask is a sentence of a paragraph, not a heading
            end = end_m.start()
            who = clean(m.group("who") or m.groupdict().get("who2") or "")
            addressees = _prose_addressees(who, country)
            pieces, pos = [], start
            seps = list(NEXT_ASK.finditer(flat, m.end(), end))
            for sep in seps:
                if sep.start() < pos:
                    continue  # within a separator already taken
                pieces.append((pos, sep.start()))
                pos = sep.end()
            pieces.append((pos, end))
            for a, b in pieces:
                raw = flat[a:b].strip(" ,;")
                if len(raw) < 8:
                    continue
                a = flat.index(raw, a)
                summary = clean(raw).rstrip(";.,")
                summary = re.sub(r"^(?:to|that)\s+", "", summary)
                key, core = summary.lower(), _ask_core(summary)
                if key in seen or _asked_before(core, asked):
                    continue
                seen.add(key)
                asked.add(core)
                out.append({
                    "addressees": addressees, "summary": summary[:1].lower() + summary[1:],
                    "confidence": 0.6, "evidence": evidence(doc, a, a + len(raw)),
                })  # fmt: skip
    # every match opens with one of its anchors, "call" or "demand": it is tried there only
    for m in finditer_near_at(NOUN_ASK, flat, NOUN_ANCHORS, _places(flat, NOUN_ANCHORS)):
        if m.group("done"):
            summary = f"{ACTIVE[m.group('done')]} {clean(m.group('what'))}"
            a = m.start("what")
        else:
            whom = clean(m.group("whom") or OBJECT_OF.get(m.group("whose") or "", ""))
            if not whom:
                continue  # "calls for the release" of no one named
            how = (m.group("how") or "").split()
            adverbs = " ".join(w + "ly" if w in ("immediate", "unconditional") else w for w in how)
            summary = f"release {whom}" + (f" {adverbs}" if adverbs else "")
            a = m.start("whose") if m.group("whose") else m.start("noun") - len("the ")
        key = summary.lower()
        told = any(d["evidence"][0]["start"] <= a < d["evidence"][-1]["end"] for d in out)
        if key in seen or told:
            continue
        seen.add(key)
        out.append({
            "addressees": _prose_addressees("", country), "summary": summary,
            "confidence": 0.5, "evidence": evidence(doc, a, m.end()),
        })  # fmt: skip
    out.sort(key=lambda d: d["evidence"][0]["start"])
    return out


#: Words every match of the patterns holds: the patterns run only around them, for speed
#: ("please", not "lease", which every "release" holds).
LETTER_ANCHORS = ("urge", "call", "ask", "request", "Please", "please")
#: The words a match of LETTER_ASK opens with: "I" or "We" before the verb, "Pending" or
#: "Please" before the ask.
LETTER_WORDS = ("I", "We", "Pending", "Please", "please")
REPORTED_ANCHORS = ("should", "must", "call", "urg", "ask")
NOUN_ANCHORS = ("call", "demand")


def _prose_addressees(who: str, country: str | None) -> list[str]:
    if not who or who.lower() == "you":
        return [f"authorities of {country}"] if country else []
    if who.startswith("your ") and country:
        # "your Excellency’s Government", "your government": the addressee's
        return [f"Government of {country}"]
    return [re.sub(r"^the\s+", "", who)]


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


#: An ask about a person told by a pronoun: "release him", "release her immediately" (not
#: "release her husband": a pronoun before a noun is a possessive).
PRONOUN_ASK = re.compile(
    r"^(?P<verb>[a-z]+)\s+(?P<pro>him|her)(?=$|[,;]|\s+(?:immediately|unconditionally|without|"
    r"and|from|at|now|promptly|forthwith)\b)"
)
PRONOUN_GENDER = {"him": "male", "her": "female"}
DEMAND_VERB_WORDS = frozenset(DEMAND_VERBS.split("|"))


def name_pronouns(demands: list[dict[str, Any]], ents: Entities) -> None:
    """Name the person an ask's pronoun stands for: the named person of that gender last
    mentioned before the ask ("... lawyer Ana Ruiz, and calls for her immediate release" ->
    "release Ana Ruiz immediately"). Left as written when no one of that gender precedes."""
    persons = [p for p in ents.of("person") if p.name and p.attrs.get("gender")]
    for d in demands:
        m = PRONOUN_ASK.match(d["summary"])
        if m is None or m.group("verb") not in DEMAND_VERB_WORDS:
            continue
        at = d["evidence"][0]["start"]
        gender = PRONOUN_GENDER[m.group("pro")]
        last, who = -1, None
        for p in persons:
            if p.attrs["gender"] != gender:
                continue
            before = [e for _, e in [(p.start, p.end), *p.mentions] if e <= at]
            if before and max(before) > last:
                last, who = max(before), p
        if who is not None:
            d["summary"] = d["summary"][: m.start("pro")] + who.name + d["summary"][m.end("pro") :]


#: An ask whose object is "them" or "it" ("calls on the authorities to release them", "to quash
#: it"), the verb being one that undoes a custody or a verdict.
OBJECT_PRONOUN_ASK = re.compile(
    r"^(?P<verb>release|free|quash|overturn|annul|revoke|lift|drop)\s+(?P<pro>them|it)"
    r"(?=$|[,;]|\s+(?:both\s+|all\s+)?(?:immediately|unconditionally|without|and|now|promptly|forthwith)\b)"
)
#: What the pronoun can stand for, told earlier in the ask's own sentence as a noun with its
#: "of" ("condemned the detention of three members of X and urged ... to release them"; "the
#: conviction of A, a lawyer, and called on ... to quash it"): for "them" a custody, for "it" a
#: verdict.
TOLD_OBJECT = {
    "them": re.compile(
        r"\b(?:the|their)\s+(?:continued\s+|ongoing\s+|arbitrary\s+)?"
        r"(?P<noun>arrests?|detention|imprisonment|abduction)\s+of\s+"
    ),
    "it": re.compile(r"\bthe\s+(?P<noun>conviction|sentence|verdict)\s+of\s+"),
}
#: Where the noun phrase after "of" ends: the clause of the ask, or another clause.
TOLD_OBJECT_END = re.compile(
    r",?\s+(?:and\s+)?(?:has\s+|have\s+|also\s+)?(?:call(?:s|ed)?|urg(?:es|ed)|ask(?:s|ed)|"
    r"request(?:s|ed)|demand(?:s|ed))\b|,?\s+as\s+well\s+as\b|,\s+which\b|,\s+who\b"
)


def name_told_objects(demands: list[dict[str, Any]], doc: Doc, ents: Entities) -> None:
    """Name what an ask's "them" or "it" stands for when its own sentence told it before the
    ask as a custody or a verdict "of" someone: the persons named in that phrase ("release A
    and B"), else the phrase itself without its brackets ("release three members of X"); for
    "it", the verdict with its "of" ("quash the conviction of A"). Left as written otherwise."""
    persons = [p for p in ents.of("person") if p.name]
    for d in demands:
        m = OBJECT_PRONOUN_ASK.match(d["summary"])
        if m is None:
            continue
        at = d["evidence"][0]["start"]
        k = bisect.bisect_right(doc.sentence_starts, at) - 1
        if k < 0:
            continue
        s_start = doc.sentences[k].start
        told = list(TOLD_OBJECT[m.group("pro")].finditer(doc.flat, s_start, at))
        if not told:
            continue
        t = told[0]
        end_m = TOLD_OBJECT_END.search(doc.flat, t.end(), at)
        end = end_m.start() if end_m else at
        if end - t.end() < 3:
            continue
        names = []
        for p in persons:
            spans = [(p.start, p.end), *p.mentions]
            first = min((a for a, _ in spans if t.end() <= a < end), default=None)
            if first is not None:
                names.append((first, p.name))
        names = [n for _, n in sorted(names)]
        if names:
            what = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        else:
            what = clean(re.sub(r"\s*\([^()]*\)", "", doc.flat[t.end() : end])).strip(" ,")
        if m.group("pro") == "it":
            what = f"the {t.group('noun')} of {what}"
        d["summary"] = d["summary"][: m.start("pro")] + what + d["summary"][m.end("pro") :]
