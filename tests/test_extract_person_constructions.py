"""Named persons in the constructions of the genre, one made-up sentence each: particles,
initials, patronymics, names in several naming traditions, names split by a line wrap,
variants the text gives, and form labels, headings, places and bodies that are no person.
The sentences were written from the corpus README's conventions, not from any appeal's wording.

Each is scored as ``kg eval`` scores persons: folded names, a variant of either side matching.
"""

from __future__ import annotations

import pytest
from genrecases import genre_params

from kg.extract import extract_case
from kg.extract.evaluate import fold_name

HEAD = "12 May 2021\n\nZembla: Rights defenders at risk\n\n"

# Constructions whose fix was tried and not kept, or not yet tried, with the reason.
KNOWN_XFAIL: dict[str, str] = {
    "gendered-agents": "a group of state agents told apart by their sex is an unnamed person in "
    "the gold; reading it raised development half A only (persons 0.9632 -> 0.9690), half B "
    "and the invented appeals stayed where they were, so it is not kept",
}

CASES: list[tuple[str, str, list[str]]] = [
    # particles
    ("al-particle", "On 3 May 2021, police arrested Abdullah al-Khawaja at his home.",
     ["Abdullah al-Khawaja"]),
    ("bin-particle", "On 3 May 2021, police arrested the blogger Ahmed bin Ali.",
     ["Ahmed bin Ali"]),
    ("de-los-particle", "On 3 May 2021, police arrested María de los Ángeles Pérez in Vela.",
     ["María de los Ángeles Pérez"]),
    ("van-der-particle", "On 3 May 2021, police arrested the lawyer Jan van der Berg.",
     ["Jan van der Berg"]),
    ("ould-particle", "On 3 May 2021, police arrested the blogger Mohamed Ould Cheikh.",
     ["Mohamed Ould Cheikh"]),
    ("abu-particle", "On 3 May 2021, police arrested the activist Khaled Abu Zeid.",
     ["Khaled Abu Zeid"]),
    ("wa-particle", "On 3 May 2021, police questioned the writer Kamau wa Njoroge.",
     ["Kamau wa Njoroge"]),
    ("lower-ould", "On 3 May 2021, police arrested the blogger Mohamed ould Cheikh.",
     ["Mohamed ould Cheikh"]),
    ("separate-al", "On 3 May 2021, police arrested the activist Mohammed al Hashimi.",
     ["Mohammed al Hashimi"]),
    ("ag-particle", "On 3 May 2021, soldiers detained the herder Iyad ag Assaleh.",
     ["Iyad ag Assaleh"]),
    ("binti-particle", "On 3 May 2021, police arrested the activist Siti binti Rahman.",
     ["Siti binti Rahman"]),
    ("viuda-de-married-name", "On 3 May 2021, police questioned the activist Juana Ruiz viuda "
     "de Soto in Vela.", ["Juana Ruiz viuda de Soto"]),
    # a demonym of two words before a name is no one's name
    ("two-word-demonym", "Sri Lankan editor Ana Perera was arrested on 3 May 2021; South "
     "African lawyer Jon Dube was questioned.", ["Ana Perera", "Jon Dube"]),
    # initials and patronymics
    ("initial-surname", "On 3 May 2021, police detained A. Turgunov, a journalist.",
     ["A. Turgunov"]),
    ("middle-initial", "On 3 May 2021, police detained the defender Azimjan A. Askarov.",
     ["Azimjan A. Askarov"]),
    ("patronymic", "On 3 May 2021, police detained Igor Ivanovich Petrov, a lawyer.",
     ["Igor Ivanovich Petrov"]),
    ("two-initials", "On 3 May 2021, the court sentenced the journalist R. K. Sharma.",
     ["R. K. Sharma"]),
    ("digraph-initial", "On 3 May 2021, police detained Timur Kh. Vela, a lawyer, and Ana Zh. "
     "Lind.", ["Timur Kh. Vela", "Ana Zh. Lind"]),
    ("uulu-patronymic", "On 3 May 2021, police summoned Nurlan uulu Temir as a witness.",
     ["Nurlan uulu Temir"]),
    ("kyzy-patronymic", "On 3 May 2021, police arrested the blogger Aida kyzy Sand.",
     ["Aida kyzy Sand"]),
    ("initial-then-particle", "On 3 May 2021, Judge Rosa E. del Campo Lind of the Vela Court "
     "remanded Ivo Sand.", ["Rosa E. del Campo Lind", "Ivo Sand"]),
    ("particle-opens-sentence", "On 3 May 2021, police arrested Ana de los Santos Lind. De los "
     "Santos Lind was released.", ["Ana de los Santos Lind"]),
    ("article-opens-sentence", "On 3 May 2021, police arrested Omar al-Sand Lind. Al-Sand Lind "
     "was released.", ["Omar al-Sand Lind"]),
    ("elided-de", "On 3 May 2021, police arrested Tomás d'Avila Sand at his home.",
     ["Tomás d'Avila Sand"]),
    # naming traditions
    ("hyphenated-given", "On 3 May 2021, police arrested Jean-Pierre Mbemba, a trade unionist.",
     ["Jean-Pierre Mbemba"]),
    ("chinese", "On 3 May 2021, police detained the lawyer Wang Quanzhang.",
     ["Wang Quanzhang"]),
    ("vietnamese", "On 3 May 2021, police arrested the blogger Nguyen Van Dai.",
     ["Nguyen Van Dai"]),
    ("apostrophe", "On 3 May 2021, police arrested the poet Liam O'Brien.", ["Liam O'Brien"]),
    ("two-surnames-y", "On 3 May 2021, police arrested the defender Ana Lucía Soto y Vargas.",
     ["Ana Lucía Soto y Vargas"]),
    ("title-sheikh", "On 3 May 2021, police arrested Sheikh Ali Salman, a cleric.",
     ["Ali Salman"]),
    ("khmer-oknha", "On 3 May 2021, a company owned by Oknha Keo Sophal sued the activist Sok "
     "Dara.", ["Keo Sophal", "Sok Dara"]),
    ("khmer-samdech", "On 3 May 2021, Samdech Chea Vanna ordered the arrest of Sok Dara.",
     ["Chea Vanna", "Sok Dara"]),
    ("khmer-lok", "On 3 May 2021, police arrested Lok Meas Sovann, a monk.", ["Meas Sovann"]),
    ("thai-khun", "On 3 May 2021, police arrested Khun Somchai Rakdee, a land activist.",
     ["Somchai Rakdee"]),
    ("honorific-dr", "On 3 May 2021, police arrested Dr. Rina Holm, a physician.",
     ["Rina Holm"]),
    ("demonym-before", "On 3 May 2021, police arrested Zemblan defender Rina Holm.",
     ["Rina Holm"]),
    ("surname-in-capitals", "On 3 May 2021, police arrested Mr. Tom REED, a lawyer, and Ms. "
     "Rina HOLM.", ["Tom REED", "Rina HOLM"]),
    ("korean-hyphen", "On 3 May 2021, police arrested the activist Park Jung-geun.",
     ["Park Jung-geun"]),
    ("spanish-two-surnames", "On 3 May 2021, police arrested José Luis Rodríguez Soto, a "
     "farmer.", ["José Luis Rodríguez Soto"]),
    ("arabic-three-parts", "On 3 May 2021, police arrested Mohammed Abdullah Al-Otaibi.",
     ["Mohammed Abdullah Al-Otaibi"]),
    ("messrs", "On 3 May 2021, police arrested Messrs. Tom Reed and Ivo Lind.",
     ["Tom Reed", "Ivo Lind"]),
    ("counsellor-title", "On 3 May 2021, Counsellor Omar Sami, the Public Prosecutor, ordered "
     "the detention of Rina Holm.", ["Omar Sami", "Rina Holm"]),
    ("councillor-title", "On 3 May 2021, police arrested Councillor Ana Lee in Vela.",
     ["Ana Lee"]),
    ("judge-title", "On 3 May 2021, Judge Ana Lee remanded Rina Holm in custody.",
     ["Ana Lee", "Rina Holm"]),
    ("quoted-staff", "\"Rina Holm must be freed,\" said Ana Lee, Regional Director at the "
     "Vela Rights Centre.", ["Rina Holm", "Ana Lee"]),
    ("double-post", "On 3 May 2021, police arrested human rights defender and lawyer Rina "
     "Holm.", ["Rina Holm"]),
    ("the-late", "Rina Holm founded the group with the late Tom Reed.", ["Rina Holm",
                                                                         "Tom Reed"]),
    ("form-header", "Name: Rina Holm\nNationality: Zemblan\nOn 3 May 2021, police arrested "
     "her.", ["Rina Holm"]),
    ("addressee", "Please write to:\nH.E. Mr Ivo Lind\nMinister of Justice\nVela, Zembla",
     ["Ivo Lind"]),
    ("amnesty-address-block", "Minister of Justice\nIvo Lind\nMinistry of Justice\n12 Freedom "
     "Street\nVela, Zembla\nEmail: minister@justice.zm\nSalutation: Dear Minister",
     ["Ivo Lind"]),
    ("observatory-addressees", "Please write to the authorities of Zembla:\n\u00b7 Mr. Ivo Lind, "
     "President of the Republic, Email: president@gov.zm, Fax: +1 555 0100\n\u00b7 Ms. Ana "
     "Lee, Minister of Justice, Email: justice@gov.zm", ["Ivo Lind", "Ana Lee"]),
    ("age-apposition", "On 3 May 2021, police arrested Rina Holm, 34, at her home.",
     ["Rina Holm"]),
    ("signatory", "Yours sincerely,\nAna Lee\nExecutive Director, Vela Rights Centre",
     ["Ana Lee"]),
    # a name split by a line wrap, variants the text gives
    ("line-wrap", "On 3 May 2021, police arrested the journalist Rina\nHolm in Vela.",
     ["Rina Holm"]),
    ("also-spelt", "On 3 May 2021, police arrested Bader Al-Saleh (also spelt Badr Al-Saleh).",
     ["Bader Al-Saleh"]),
    ("capitals-in-title", "On 3 May 2021, police arrested the journalist Rina Holm. RINA HOLM "
     "MUST BE RELEASED.", ["Rina Holm"]),
    ("list-of-lawyers", "On 3 May 2021, police arrested her lawyers Ana Lee, Tom Reed and Maria "
     "Soto.", ["Ana Lee", "Tom Reed", "Maria Soto"]),
    ("shared-family-name", "On 3 May 2021, police arrested Ivo and Tom Sand.",
     ["Ivo Sand", "Tom Sand"]),
    # no person
    ("form-labels", "Initial Date: 3 May 2021\nEvent Description: police arrested Rina Holm.",
     ["Rina Holm"]),
    ("place-of-arrest", "On 3 May 2021, police arrested Rina Holm in Port Vela.", ["Rina Holm"]),
    ("cities-of-two", "On 3 May 2021, police arrested Rina Holm after clashes spread to the "
     "cities of Vela and Kastra Dol.", ["Rina Holm"]),
    ("camp-named-then-bare", "On 3 May 2021, Rina Holm was moved to the Kora Dal military "
     "camp. Her lawyer was not allowed to travel to Kora Dal.", ["Rina Holm"]),
    ("mount-named", "On 3 May 2021, police arrested Rina Holm, who had written about logging on "
     "Mount Zelva.", ["Rina Holm"]),
    ("street-address", "On 3 May 2021, police raided Rina Holm's office on Mandela Avenue.",
     ["Rina Holm"]),
    ("heading", "ADDITIONAL INFORMATION\nOn 3 May 2021, police arrested Rina Holm.",
     ["Rina Holm"]),
    ("quoted-movement", 'Since the "Vela Bread Freedom" uprising of 2019, police have '
     "arrested Rina Holm twice.", ["Rina Holm"]),
    ("named-prison", "On 3 May 2021, Rina Holm was moved to Vela Central Prison.",
     ["Rina Holm"]),
    # a people's name before "people" or "communities", joined by "and" too, is no person
    ("peoples-before-communities", "On 3 May 2021, company guards evicted eleven Kora and Vela "
     "Nua communities, and police arrested Rina Holm, a leader of the Vela Nua people.",
     ["Rina Holm"]),
    # a people's name used before its noun once names that people in every mention
    ("peoples-name-elsewhere", "On 3 May 2021, police arrested Rina Holm, a Kora Nua leader, "
     "who defends the land rights of the Kora Nua people.", ["Rina Holm"]),
    # a region of the world and a dateline's places are no person
    ("dateline-two-places", "Vela Nova/Strelsau, 3 May 2021 – The Vela Rights Forum is "
     "alarmed by the arrest of Rina Holm.", ["Rina Holm"]),
    ("dateline-and-region", "Santa Vela, 7 October 2021\n\nVELA 19 Brazil and South America is "
     "alarmed by the arrest of Rina Holm.", ["Rina Holm"]),
    # near miss: a name told before a people's noun of another name stays a person
    ("person-beside-a-people", "On 3 May 2021, police arrested Rina Holm in the lands of the "
     "Kora Nua people.", ["Rina Holm"]),
    # near miss: two given names share the family name after "and"
    ("given-names-sharing", "On 3 May 2021, police arrested his brothers, Ivo and Tom Sand, in "
     "Vela.", ["Ivo Sand", "Tom Sand"]),
    # a surname written as initials run together ends a name; a lone initial does not
    ("joined-initials-surname", "On 3 May 2021, police arrested the reporter Ivo Ram K.D. in "
     "Vela. His wife, Rina K.D., was questioned.", ["Ivo Ram K.D.", "Rina K.D."]),
    # one given name before "de la" in a sentence; a post in brackets and a body's name at a
    # line's head with "de la" are no person (near misses)
    ("one-given-name-de-la", "On 3 May 2021, unknown men beat her brother, Ivo de la Vega "
     "Sand, in Vela.", ["Ivo de la Vega Sand"]),
    ("post-in-brackets-de-la", "Please write to:\n\u00b7 Mr. Ivo Lind, Attorney General "
     "(Fiscal de la Zembla)\n\u00b7 Ms. Ana Lee, President,\nPalais de la Vela, Kastra",
     ["Ivo Lind", "Ana Lee"]),
    # an addressee's street, after a house number or cut short, is no person
    ("house-number-street", "Please write to:\n\u00b7 H.E. Mr. Ivo Lind, Minister of the "
     "Interior, No. 12, Kastra Blvd, Vela, Zembla", ["Ivo Lind"]),
    ("street-cut-short", "On 3 May 2021, police arrested Rina Holm outside her home on Dol "
     "Kastra Rd.", ["Rina Holm"]),
    # the noun of a street opening an address line is no given name
    ("street-noun-first", "Write to the Prosecutor General, Ulitsa Bolshaya Vela, 15, Vela. On "
     "3 May 2021, police arrested Rina Holm.", ["Rina Holm"]),
    # the name a person goes by, given in brackets after the name, is a variant
    ("pen-name-bracket", "On 3 May 2021, police arrested the poet Rina Holm (pen name Vela "
     "Sund) in Vela.", ["Rina Holm"]),
    # the name a person is known by, after a comma, is a variant, not another person
    ("known-as", "On 3 May 2021, police arrested Rina Holm, known as Mama Rina, in Vela. Mama "
     "Rina had protested.", ["Rina Holm"]),
    ("known-to-readers-as", "On 3 May 2021, police arrested Rina Holm, known to her readers as "
     "Vela Sund. Vela Sund's poems were banned.", ["Rina Holm"]),
    # near miss: a place "known as" a name is no variant of the person before it
    ("place-known-as", "On 3 May 2021, police arrested Rina Holm in a village known as Tarsa "
     "Mel. Tom Reed was also held.", ["Rina Holm", "Tom Reed"]),
    # an administrative unit's noun after a name makes it a place
    ("regency-after", "On 3 May 2021, police arrested Rina Holm, who had spoken of villagers "
     "driven from Tarsa Mel regency.", ["Rina Holm"]),
    # a place's possessive before a part of it, and the place named again alone
    ("place-possessive-district", "On 3 May 2021, police arrested Rina Holm at a café in Vela "
     "Nova's Kastra district. Vela Nova has seen other arrests.", ["Rina Holm"]),
    # near miss: a person's possessive before a place stays a person
    ("person-possessive-office", "On 3 May 2021, police arrested Rina Holm at Tom Reed's Vela "
     "office. Tom Reed protested.", ["Rina Holm", "Tom Reed"]),
    # near miss: another person named in the brackets is a person of their own
    ("person-in-bracket", "On 3 May 2021, police arrested Rina Holm (with her colleague Tom "
     "Reed) in Vela.", ["Rina Holm", "Tom Reed"]),
    # a word shortened to a letter and a stroke, as Ethiopian names write "Wolde" or "Gebre"
    ("letter-stroke-word", "On 3 May 2021, police arrested Rina Tesfaye G/Selassie. Her lawyer, "
     "Tom W/Mariam, was refused access.", ["Rina Tesfaye G/Selassie", "Tom W/Mariam"]),
    # near miss: a document's symbol of letters and strokes names no one
    ("document-symbol", "On 3 May 2021, police arrested Rina Holm, as report A/HRC/49/12 "
     "had warned.", ["Rina Holm"]),
    # after an honorific, "El" opens a person's name (a place's article elsewhere)
    ("honorific-el", "On 3 May 2021, police arrested Mr. El Amin Sadi in Vela.",
     ["El Amin Sadi"]),
    # a place told as the end of a road or a flight is no person
    ("road-to-place", "On 3 May 2021, police beat Rina Holm on the road to Tarsa Mel.",
     ["Rina Holm"]),
    # a law's name in its own language after its English one is no person
    ("law-name-abroad", "On 3 May 2021, police charged Rina Holm under the Roads Act (Ley de "
     "Caminos Federales).", ["Rina Holm"]),
    # a building's name before a house number and a street is no person
    ("building-before-street", "On 3 May 2021, police arrested Rina Holm. Write to us at Unit "
     "4, Vela Mill, 12-14 Kastra Street, Zenda.", ["Rina Holm"]),
]  # fmt: skip


def _found(record: dict) -> list[set[str]]:
    return [
        {fold_name(n) for n in [p["name"], *p.get("variants", [])] if n}
        for p in record["persons"]
        if p["name"]
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    genre_params(CASES, KNOWN_XFAIL),
)
def test_named_persons_in_a_construction_of_the_genre(sentence: str, expected: list[str]) -> None:
    found = _found(extract_case(HEAD + sentence + "\n", appeal_id="t-person-construction"))
    # each expected person is one person found, and nobody else is found
    assert len(found) == len(expected), found
    for name in expected:
        assert any(fold_name(name) in keys for keys in found), (name, found)


@pytest.mark.xfail(reason=KNOWN_XFAIL["gendered-agents"], strict=True)
def test_state_agents_told_apart_by_their_sex_are_an_unnamed_group() -> None:
    text = HEAD + "On 3 May 2021, five male security agents arrested Rina Holm.\n"
    unnamed = [p for p in extract_case(text, appeal_id="t-agents")["persons"] if not p["name"]]
    assert [(p["variants"], p["gender"]) for p in unnamed] == [
        (["five male security agents"], "male")
    ]


def test_every_known_failure_names_a_case() -> None:
    assert set(KNOWN_XFAIL) <= {key for key, _, _ in CASES} | {"gendered-agents"}


def test_a_demand_verb_opening_a_numbered_demand_is_no_part_of_the_name() -> None:
    text = HEAD + (
        "On 3 May 2021, police arrested Rina Holm and Ana Lee.\n\nWe urge the authorities "
        "to:\n\n1. Remove Rina Holm from the Exit Control List;\n\n2. Disclose the "
        "whereabouts of Ana Lee.\n"
    )
    names = {p["name"] for p in extract_case(text, appeal_id="t-demand-verb")["persons"]}
    assert names == {"Rina Holm", "Ana Lee"}
