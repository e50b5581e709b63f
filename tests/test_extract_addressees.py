"""Addressees: the officials an appeal asks its readers to write to are coded ``official``."""

from __future__ import annotations

from kg.extract import extract_case
from kg.extract.addressees import address_blocks
from kg.extract.text import make_doc

OBSERVATORY = """Zembla: Arbitrary detention of Ms. Rina Holm

Geneva-Paris, 3 August 2021

The Observatory has been informed about the arbitrary detention of Ms. Rina Holm, coordinator
of the Women's Rights Network of Zembla. On 30 July 2021, Ms. Holm was arrested by agents of
the National Intelligence Service. Teo Varga filed a complaint against her on 1 July 2021.

Addresses:
· General Ivo Sand, Chairman of the Sovereign Council of Zembla
· Mr. Teo Varga, Minister of Justice

Please also write to the diplomatic missions of Zembla in your respective country.

Geneva-Paris, 3 August 2021

Ada Brun, Director of the Vela Rights Network
"""

MODEL_LETTER = """URGENT ACTION

DEFENDER HELD

Zemblan defender Rina Holm was arrested on 3 January 2023 and is held in Vela.

TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS OR USE THIS MODEL LETTER

Head of the Judiciary Ivo Sand
Office of the Head of the Judiciary
Vela, Zembla

I am writing to express concern for Rina Holm, a defender held since 3 January 2023 in Vela
together with the activist Teo Varga.
"""


def _roles(text: str) -> dict[str, list[str]]:
    return {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t-addr")["persons"]}


def test_an_addressee_with_a_post_is_an_official_whatever_the_post_reads_like() -> None:
    roles = _roles(OBSERVATORY)
    assert roles["Ivo Sand"] == ["official"]  # "Council" would read as a civil body
    assert set(roles["Teo Varga"]) == {"official", "complainant"}  # what they did stays
    assert roles["Rina Holm"] == ["defender"]
    assert "official" not in roles.get("Ada Brun", [])  # a signatory below the dateline


def test_a_model_letter_without_salutation_marks_its_first_paragraph_only() -> None:
    roles = _roles(MODEL_LETTER)
    assert roles["Ivo Sand"] == ["official"]
    assert roles["Rina Holm"] == ["defender"]
    assert "official" not in roles["Teo Varga"]  # named in the letter, not addressed


def test_blocks_end_at_the_salutation_or_the_next_request() -> None:
    text = "Intro.\n\nAddresses:\n· Mr A B, Minister\n\nPlease also write to embassies.\nMore.\n"
    ((a, b),) = address_blocks(make_doc(text))
    assert "Minister" in text[a:b] and "Please" not in text[a:b]
    text = "TAKE ACTION: USE THIS MODEL LETTER\n\nPresident A B\n\nDear President,\n\nBody.\n"
    ((a, b),) = address_blocks(make_doc(text))
    assert text[a:b].strip().endswith("Dear President,") and "Body" not in text[a:b]
    assert address_blocks(make_doc("No list of addresses here.\n")) == []


def test_a_prosecutor_named_only_as_an_addressee_is_an_official_only() -> None:
    text = """URGENT ACTION

DEFENDER HELD

Zemblan defender Rina Holm was arrested on 3 January 2023. On 5 January, Deputy Prosecutor
General Teo Varga charged her with treason.

TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS OR USE THIS MODEL LETTER

Prosecutor General Ivo Sand
Prosecutor General's Office
Vela, Zembla

Dear Prosecutor General,

I urge you to release Rina Holm. Deputy Prosecutor General Teo Varga must drop the charge.
"""
    roles = _roles(text)
    assert roles["Ivo Sand"] == ["official"]  # addressed only: the README's official
    assert "prosecutor" in roles["Teo Varga"]  # named in the story too: keeps what the post gives


def test_a_name_in_an_address_ends_with_its_line_and_a_street_names_no_one() -> None:
    text = """URGENT ACTION

DEFENDER HELD

Zemblan defender Rina Holm was arrested on 3 January 2023 and is held in Vela, a town in the
north of the country, where her family has not been allowed to visit her since her arrest.

TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS OR USE THIS MODEL LETTER

Prosecutor General of Zembla, Ivo Sand
Ul. Teo Varga 15a
1050 Vela, Zembla

Dear Prosecutor General,

I urge you to release Rina Holm immediately and unconditionally, and to drop the charge.
"""
    roles = _roles(text)
    assert roles == {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}


SEND_APPEALS = """Zembla: Writer Rina Holm sentenced to seven years

On 3 January 2023, the People's Court of Vela sentenced the writer Rina Holm to seven years.

Send appeals to:

Minister of Public Security Ivo Sand
Ministry of Public Security, Vela Nova

Mayor of Strelsau, Teo Varga
"""


def test_a_town_after_a_body_on_an_address_line_names_no_one() -> None:
    # "Send appeals to:" opens a block as "Addresses:" does; the town ending a body's line
    # after a comma is where the body sits; a name ending a line after a comma with no body
    # before it (the near miss) stays a person
    roles = _roles(SEND_APPEALS)
    assert "Vela Nova" not in roles
    assert roles["Ivo Sand"] == ["official"]
    assert "official" in roles["Teo Varga"]


POSTS_ONLY = """Zembla: Defender Rina Holm detained

On 3 January 2023, police in Vela arrested the defender Rina Holm at her home.

Addresses:

• President of the Republic of Zembla, 19 Vela Avenue, Strelsau
• Mr. Ivo Sand, Minister of Justice
• Prosecutor General of Zembla, 7 Vela St., Strelsau
• Permanent Mission of Zembla to the United Nations in Geneva

Please also write to the diplomatic missions of Zembla in your country.
"""

POST_ABOVE_NAME = """Zembla: Defender Rina Holm detained

On 3 January 2023, police in Vela arrested the defender Rina Holm at her home.

Appeals to:

Minister of Justice
Mr. Teo Varga
Ministry of Justice, Strelsau

His Majesty the King of Zembla, Custodian of the Crown
Royal Court, Strelsau
"""


def _unnamed(text: str) -> list[tuple[list[str], list[str], list[str]]]:
    rec = extract_case(text, appeal_id="t-addr")
    return [
        (p["variants"], p["roles"], [q["title"] for q in p["positions"]])
        for p in rec["persons"]
        if p["name"] is None
    ]


def test_an_addressee_known_only_by_a_post_is_an_unnamed_official() -> None:
    # each bullet is an addressee of its own: a post with a name on its line is the named
    # person's; the mission is a body, not a post
    assert _unnamed(POSTS_ONLY) == [
        (["President of the Republic of Zembla"], ["official"],
         ["President of the Republic of Zembla"]),
        (["Prosecutor General of Zembla"], ["official"], ["Prosecutor General of Zembla"]),
    ]  # fmt: skip
    assert _roles(POSTS_ONLY)["Ivo Sand"] == ["official"]


def test_a_post_above_a_name_in_its_paragraph_is_the_named_persons() -> None:
    assert _unnamed(POST_ABOVE_NAME) == [
        (["His Majesty the King of Zembla"], ["official"], ["King of Zembla"]),
    ]
    assert _roles(POST_ABOVE_NAME)["Teo Varga"] == ["official"]


def test_entries_of_one_line_each_keep_their_own_posts_and_bodies() -> None:
    text = (
        "12 May 2019\n\nZembla: Defender detained\n\nOn 3 May 2019, police arrested Ana Lee.\n\n"
        "Addresses\n\n"
        "Ms Lina Vos Brek, Attorney General and Head of the Public Prosecutor’s Office\n"
        "Mr Tomas Oda Ruiz, Minister of the Interior\n"
    )
    record = extract_case(text, appeal_id="t-entry-lines")
    people = {
        p["name"]: (p["roles"], [x["title"] for x in p["positions"]]) for p in record["persons"]
    }
    assert people["Tomas Oda Ruiz"] == (["official"], ["Minister of the Interior"])
    assert people["Lina Vos Brek"][1] == [
        "Attorney General and Head of the Public Prosecutor’s Office"
    ]
    assert "Public Prosecutor’s Office" in [o["name"] for o in record["organisations"]]


# A list under "Please send your letters to:" in a text wrapped near 90 characters: a post
# alone on its line, a "Chief Commissioner", a square and a palace on the address lines, and a
# name on a line of 60 characters above its office's name.
LETTERS_TO = (
    "Zembla: Water defender questioned\n\n"
    "12 May 2021\n\n"
    "On 3 May 2021 police questioned the water defender Ana Lee about a complaint she had\n"
    "filed in 2019 against a mining company in the south of the country, and ordered her not\n"
    "to leave the province while the investigation goes on. She remains at home with her two\n"
    "young children, and her lawyer has asked the prosecutor to close the investigation.\n\n"
    "Please send your letters to:\n\n"
    "Prime Minister of Zembla\n"
    "Government Palace, Strelsau 14201, Kenya\n\n"
    "His Excellency the President of the United Democratic Republic of Zembla\n"
    "Presidential Secretariat\n"
    "Vela Square, Strelsau 1, Kenya\n\n"
    "Chief Commissioner\n"
    "National Human Rights Commission of Zembla, Strelsau, Kenya\n\n"
    "Attorney General Mr Pavan K. Sarath-Wickramasinghe Jayantha\n"
    "Attorney General’s Department\n"
    "Hulft Road, Strelsau 12, Kenya\n"
)


def test_letters_sent_to_a_list_of_posts_and_offices() -> None:
    record = extract_case(LETTERS_TO, appeal_id="t-letters-to")
    unnamed = [p["variants"][0] for p in record["persons"] if p["name"] is None]
    assert unnamed == [
        "Prime Minister of Zembla",
        "His Excellency the President of the United Democratic Republic of Zembla",
        "Chief Commissioner",
    ]
    named = {p["name"]: p["roles"] for p in record["persons"] if p["name"]}
    # the square opening its line before a town and a country names no one; the name ends
    # with its line, whose next word would have fitted on it
    assert named == {
        "Ana Lee": ["defender"],
        "Pavan K. Sarath-Wickramasinghe Jayantha": ["official"],
    }
    bodies = {o["name"] for o in record["organisations"]}
    assert {"Presidential Secretariat", "Attorney General’s Department"} <= bodies
    assert not {"Government Palace", "Vela Square"} & bodies  # sites, no bodies
    assert not [b for b in bodies if "Zembla Presidential" in b]
