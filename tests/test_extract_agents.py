"""Unnamed actors read from the agent's slot of an event (kg/extract/agents.py): a description
with a head noun for a post or a group, as the subject of an active event verb or the "by" of a
passive one, is an unnamed person with the role its head gives, and the event's agent. Each
case is a made-up sentence; the near misses are descriptions that name no actor of their own.
"""

from __future__ import annotations

import pytest

from kg.extract import extract_case

HEAD = "12 May 2021\n\nZembla: Rights defenders at risk\n\n"


def _read(body: str) -> dict:
    return extract_case(HEAD + body, appeal_id="t")


def _unnamed(record: dict) -> list[tuple[str, list[str]]]:
    return [(p["variants"][0], p["roles"]) for p in record["persons"] if p["name"] is None]


def _holder(record: dict, label: str, role: str) -> set[str]:
    """The ids of the unnamed persons of ``role`` told by ``label`` or by its opening words
    (another rule may read "a judge" of "a judge of the X Court" first: the same person)."""
    return {
        p["id"]
        for p in record["persons"]
        if p["name"] is None
        and role in p["roles"]
        and any(label.startswith(v) for v in p["variants"])
    }


@pytest.mark.parametrize(
    ("body", "label", "role", "etype"),
    [
        (
            "On 2 September 2020, the prosecutor in charge formally opened an investigation "
            "against the defender Ana Lind for sedition.",
            "the prosecutor in charge", "prosecutor", "investigation",
        ),
        (
            "On 21 January 2021, Ana Lind and Tom Reed were brought before the public prosecutor "
            "at the Vela court, who charged them with spreading false news.",
            "the public prosecutor at the Vela court", "prosecutor", "charge",
        ),
        (
            "Ana Lind was held for two days, and on 8 April 2021 a judge of the Vela District "
            "Court placed her in pre-trial detention.",
            "a judge of the Vela District Court", "judge", "detention",
        ),
        (
            "On 4 March 2021, the magistrate granted bail to the defender Ana Lind.",
            "the magistrate", "judge", None,
        ),
        (
            "During a call with his family on 9 March 2021, Tom Reed said that guards had beaten "
            "him on arrival.",
            "guards", "other", "attack",
        ),
        (
            "On 28 April 2021, the defender Ana Lind was beaten by a group of villagers near her "
            "home.",
            "a group of villagers", "other", "attack",
        ),
        (
            "Ten days later, on 4 May 2021, unidentified gunmen and members of the Vela Police "
            "Force raided the office of the defender Ana Lind.",
            "unidentified gunmen", "other", "raid",
        ),
        (
            "On 5 March 2021, the Minister of Communication publicly called the report by the "
            "defender Ana Lind a lie.",
            "the Minister of Communication", "official", None,
        ),
        (
            "The case was opened by the Departmental Prosecutor's Office of Vela. On 2 March "
            "2021, the prosecutor in charge formally opened an investigation against Ana Lind.",
            "the prosecutor in charge", "prosecutor", "investigation",
        ),
        (
            "His mother told reporters that two men who said they were police officers had come "
            "to the house of the defender Ana Lind on 3 May 2021.",
            "two men who said they were police officers", "other", None,
        ),
        (
            "On 3 May 2021, the defender Ana Lind was detained. A senior police official told "
            "reporters she had been questioned.",
            "A senior police official", "official", None,
        ),
        (
            "On 11 February 2021, the defender Ana Lind was remanded. The prosecutor has since "
            "said publicly that he may ask for a long sentence.",
            "The prosecutor", "prosecutor", None,
        ),
        (
            "On 1 May 2021, the Deputy Minister of Defence signed a detention order against the "
            "defender Ana Lind.",
            "the Deputy Minister of Defence", "official", "detention",
        ),
        (
            "On 5 May 2021, the ward chairperson filed a complaint against the defender Ana Lind.",
            "the ward chairperson", "official", "complaint",
        ),
        (
            "On 6 May 2021, the Provincial Minister of Mines of Haut-Vela banned the Vela Mining "
            "Watch, which Ana Lind leads.",
            "the Provincial Minister of Mines of Haut-Vela", "official", "ban",
        ),
        (
            "On 7 May 2021, the Government Commissioner to the Military Court charged the "
            "defender Ana Lind with treason.",
            "the Government Commissioner to the Military Court", "prosecutor", "charge",
        ),
        (
            "On 8 May 2021, the defender Ana Lind was threatened by local officials in Vela.",
            "local officials in Vela", "other", "threat",
        ),
    ],
    ids=["subject-post", "relative-who", "phrase-trigger", "magistrate", "reported-group",
         "passive-by-group", "joined-subjects", "speaker-post", "office-of-the-post",
         "self-described", "post-of-a-body", "adverb-since", "light-verb-noun", "chairperson",
         "two-of-phrases", "commissioner-to-a-court", "officials"],
)  # fmt: skip
def test_a_description_in_the_agent_slot_is_an_unnamed_actor(body, label, role, etype):
    record = _read(body)
    ids = _holder(record, label, role)
    assert ids, _unnamed(record)
    if etype is not None:
        assert etype in [e["type"] for e in record["events"] if ids & set(e.get("agents") or [])]


#: Words of the descriptions the near misses below hold.
ACTOR_WORDS = (
    "officers", "soldiers", "men", "villagers", "prosecutor", "minister", "commissioner",
    "officials",
)  # fmt: skip


@pytest.mark.parametrize(
    "body",
    [
        # the body the officers serve is the actor; soldiers are the armed forces
        "On 3 May 2021, officers of the Vela National Police arrested the defender Ana Lind.",
        "On 3 May 2021, soldiers arrested the defender Ana Lind at a checkpoint.",
        # a group the text has told of: "the two men"
        "On 3 May 2021, two men approached Ana Lind. The two men beat her with sticks.",
        # the holder is named right after the post
        "On 3 May 2021, the prosecutor, Tom Reed, charged the defender Ana Lind with fraud.",
        # an ask, not an act: the prosecutor is asked to act
        "We urge the prosecutor to drop the charges against the defender Ana Lind.",
        # a group that speaks is no actor by speaking
        "On 3 May 2021, villagers said that the defender Ana Lind had left.",
        # "the same" points back
        "On 3 May 2021, the minister Tom Reed threatened Ana Lind. On 5 May 2021, the same "
        "minister threatened her again.",
        # a verb denied does not make its subject an actor
        "On 3 May 2021, Ana Lind was released. The prosecutor has never said why she was held.",
        # the holder is named right after the post's words, without a comma
        "On 3 May 2021, the High Commissioner for Human Rights Tom Reed said that the arrest "
        "of Ana Lind was arbitrary.",
        # a body's acronym before the group's noun: the body acts
        "On 3 May 2021, SEBIN officials arrested the defender Ana Lind.",
    ],
    ids=[
        "officers-of-a-body",
        "soldiers",
        "speaking-group",
        "definite-group",
        "named-after",
        "ask",
        "same-post",
        "never-said",
        "named-inside",
        "acronym-officials",
    ],
)
def test_a_description_that_names_no_new_actor_is_not_one(body):
    record = _read(body)
    assert all(
        not any(w in label.lower() for w in ACTOR_WORDS) for label, _roles in _unnamed(record)
    ), _unnamed(record)


def test_a_post_told_twice_is_one_person():
    record = _read(
        "On 2 May 2021, the public prosecutor at the Vela court summoned Ana Lind. On 9 May "
        "2021, the prosecutor charged her with sedition."
    )
    prosecutors = [p for p in record["persons"] if p["name"] is None and "prosecutor" in p["roles"]]
    assert len(prosecutors) == 1, _unnamed(record)


def test_a_named_judge_is_the_judge_meant():
    record = _read(
        "On 2 May 2021, Judge Tom Reed of the Vela Court heard the case of Ana Lind. On 9 May "
        "2021, the judge ordered her detention."
    )
    assert not [label for label, roles in _unnamed(record) if "judge" in roles]
