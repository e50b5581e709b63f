"""Roles of persons: titles and appositions, lists under a plural title, posts in the state."""

from __future__ import annotations

import pytest

from kg.extract import extract_case

TEXT = """12 March 2025

Zembla: Human rights lawyers Vera Lind and Oskar Brandt disbarred

On 3 March 2025, the Bar Council of Zembla disbarred Vera Lind and Oskar Brandt. Police
arrested cartoonist Milan Horvat on 4 March 2025 over his drawings. The citizen journalists
Ilse Roth, Pavel Kern and Dora Fink were detained the same day. Milan Horvat's wife, the
journalist Jana Horvat, was questioned.

Their lawyers, among them Tomas Vidal, were not allowed to see them. Olga Sand, a lawyer who
represented Horvat in earlier cases, said the charges were baseless. The defence team, led by
Mr. Karl Weiss, appealed.

The head of the State Security Service, Anton Greb, said the arrests were lawful. Police
spokesperson Ivo Marek confirmed the detentions. On 5 March 2025, the Attorney General,
Mr. Ruben Falk, opened an investigation, and deputy prosecutor-general Petra Lasko
interrogated Horvat. Lena Ost, Director General of the National Intelligence Service, was
present. Nina Bauer, director of the Zembla Legal Aid Association, protested.
"""


@pytest.fixture(scope="module")
def roles() -> dict[str, list[str]]:
    rec = extract_case(TEXT, appeal_id="t-roles")
    return {p["name"]: p["roles"] for p in rec["persons"] if p["name"]}


def test_lawyers_persecuted_are_lawyers_and_defenders(roles: dict) -> None:
    assert roles["Vera Lind"] == ["defender", "lawyer"]
    assert roles["Oskar Brandt"] == ["defender", "lawyer"]  # the second of a plural title's list


def test_journalists_are_journalists_not_defenders(roles: dict) -> None:
    assert roles["Milan Horvat"] == ["journalist"]
    for name in ("Ilse Roth", "Pavel Kern", "Dora Fink"):
        assert roles[name] == ["journalist"], name
    assert roles["Jana Horvat"] == ["journalist", "relative"]


def test_lawyers_acting_for_others(roles: dict) -> None:
    assert roles["Tomas Vidal"] == ["lawyer"]
    assert roles["Olga Sand"] == ["lawyer"]
    assert roles["Karl Weiss"] == ["lawyer"]


def test_posts_in_the_state(roles: dict) -> None:
    assert roles["Anton Greb"] == ["official"]
    assert roles["Ivo Marek"] == ["official"]
    assert roles["Ruben Falk"] == ["official", "prosecutor"]
    assert roles["Petra Lasko"] == ["prosecutor"]
    assert roles["Lena Ost"] == ["official"]
    assert "official" not in roles["Nina Bauer"]  # the director of an association


MORE = """14 March 2025

Zembla: rights leaders on trial

The Zembla Rights Association (ZRA) said that ZRA President Omar Haddad was tried on 10 March
2025 by the Vela Military Tribunal, presided over by Colonel Ivan Drago. His defence team, which
includes Sara Levi and Tom Ruiz, asked for an adjournment. An article by Nora Quist had named
him. On 11 March 2025, UN High Commissioner for Human Rights Alma Reyes called for his release.
Police also detained associate publisher Chan Pui-man; Derek Chan, Senior Counsel for her, said
she would appeal.
"""


@pytest.fixture(scope="module")
def more() -> dict[str, list[str]]:
    rec = extract_case(MORE, appeal_id="t-roles-2")
    return {p["name"]: p["roles"] for p in rec["persons"] if p["name"]}


def test_head_of_a_civil_society_group_is_no_official(more: dict) -> None:
    assert more["Omar Haddad"] == ["defender"]


def test_presiding_judge_and_defence_team(more: dict) -> None:
    assert more["Ivan Drago"] == ["judge"]
    assert more["Sara Levi"] == ["lawyer"]
    assert more["Tom Ruiz"] == ["lawyer"]  # the second of the team's list


def test_author_and_post_with_its_body_before_the_name(more: dict) -> None:
    assert more["Nora Quist"] == ["journalist"]
    assert more["Alma Reyes"] == ["official"]


def test_a_surname_that_opens_another_name_is_not_a_mention(more: dict) -> None:
    assert more["Chan Pui-man"] == ["journalist"]
    assert more["Derek Chan"] == ["lawyer"]


OTHERS = """15 March 2025

Zembla: Teacher arrested with his driver

On 12 March 2025, police arrested Pavel Orr together with his driver, Mr. Jan Weiss, and took
them to an unknown place. Another relative, Mr. Karl Orr Batt, was also held. Hana Vetter, an
organizer with the citizens' platform Vola, was questioned. The prosecutor opened a case against
Otto Lind, the critic. Petr Sova, who governed the Vela region until 2021, denied any role.
The case against Pavel Orr rests on a private complaint of Ivan Gross and Lev Dorn, employees of
the port. On 13 March, a court acting on a petition filed by his father, Rajan, ordered a
medical examination. Mara Lind, the wife of Pavel Orr, was freed. The Minister of the Interior,
Mr. Jan Kral, had attacked the group in a speech; a second case rests on a complaint lodged by
Minister Kral.
"""


@pytest.fixture(scope="module")
def others() -> dict[str, list[str]]:
    rec = extract_case(OTHERS, appeal_id="t-roles-3")
    return {p["name"]: p["roles"] for p in rec["persons"] if p["name"]}


def test_people_described_otherwise_are_no_defenders(others: dict) -> None:
    assert others["Jan Weiss"] == ["other"]  # "his driver, Mr. X"
    assert others["Karl Orr Batt"] == ["relative"]  # "Another relative, Mr. X"


def test_organizers_accused_and_former_governors(others: dict) -> None:
    assert others["Hana Vetter"] == ["defender"]  # "X, an organizer with ..."
    assert others["Otto Lind"] == ["defender"]  # "a case against X"
    assert others["Petr Sova"] == ["official"]  # "X, who governed ..."


def test_complainants_are_not_defenders_of_the_case_they_bring(others: dict) -> None:
    assert others["Jan Kral"] == ["official", "complainant"]  # "... lodged by Minister X"
    assert others["Ivan Gross"] == ["complainant"]
    assert others["Lev Dorn"] == ["complainant"]


def test_relatives_named_by_one_word_or_in_apposition(others: dict) -> None:
    assert others["Rajan"] == ["relative"]
    assert others["Mara Lind"] == ["relative"]  # "X, the wife of Y"


ALIASES = """16 March 2025

Zembla: Union leader arrested

On 14 March 2025, police arrested the lawyer and trade unionist Irma Kos and Boris Lenz, chief
executive of its parent company, over files found on the computers of the late rebel commanders
known as "Tomas Brun" and "Karel Vit".
"""


def test_compound_titles_business_posts_and_quoted_aliases() -> None:
    rec = extract_case(ALIASES, appeal_id="t-roles-4")
    roles = {p["name"]: p["roles"] for p in rec["persons"] if p["name"]}
    assert roles["Irma Kos"] == ["defender", "lawyer"]  # "the lawyer and trade unionist X"
    assert roles["Boris Lenz"] == ["other"]  # "X, chief executive of its parent company"
    assert roles["Tomas Brun"] == ["other"]  # named only in quotes: an alias
    assert roles["Karel Vit"] == ["other"]


APPOSED = """17 March 2025

Zembla: Defender Tomas Varga detained

On 3 May 2025, police arrested Tomas Varga. Nils Holm, his lawyer, said the arrest was
unlawful. Ruth Dahl, who represents Tomas Varga, was denied access. Their lawyers, Petra Hollo,
Gabor Sas and Ilona Mero, were not allowed to see the detainees. The defence lawyers for Tomas
Varga, Alva Ek and Hugo Lind, filed an appeal on 10 May 2025. Tomas Varga is represented by
Ola Berg. At the hearing, defence counsel Ivo Rask asked the court to return the indictment.

On 4 May 2025, Mira Kovac, President of the Zembla Women's Association, was arrested. Igor Bem,
the head of the Vela police, ordered the arrest. Pavel Dusek, a police officer, beat her.
Acting on a complaint by Emil Sand, the investigators alleged that she had lied.

“The authorities must release her at once,” said Karin Lund, deputy director at the
Zembla Rights Network.

TAKE ACTION

Minister of Justice
Anton Deak
Ministry of Justice, 1 Main Street
Vela, Zembla

Dear Minister,
"""


@pytest.fixture(scope="module")
def apposed() -> dict[str, list[str]]:
    rec = extract_case(APPOSED, appeal_id="t-roles-5")
    return {p["name"]: p["roles"] for p in rec["persons"] if p["name"]}


def test_lawyers_of_someone_else_are_lawyers_only(apposed: dict) -> None:
    assert apposed["Nils Holm"] == ["lawyer"]  # "X, his lawyer"
    assert apposed["Ruth Dahl"] == ["lawyer"]  # "X, who represents Y"
    for name in ("Petra Hollo", "Gabor Sas", "Ilona Mero"):  # "their lawyers A, B and C"
        assert apposed[name] == ["lawyer"], name
    assert apposed["Alva Ek"] == ["lawyer"]  # "the defence lawyers for Y, A and B"
    assert apposed["Hugo Lind"] == ["lawyer"]
    assert apposed["Ola Berg"] == ["lawyer"]  # "Y is represented by X"
    assert apposed["Ivo Rask"] == ["lawyer"]  # "defence counsel X", in a sentence on a trial


def test_posts_in_civil_society_and_state_agents(apposed: dict) -> None:
    assert apposed["Mira Kovac"] == ["defender"]  # "President of the ... Association"
    assert apposed["Igor Bem"] == ["official"]  # "the head of the Vela police"
    assert apposed["Pavel Dusek"] == ["official"]  # "X, a police officer"
    assert "official" not in apposed["Emil Sand"]  # "X, the investigators alleged": a new clause


def test_a_quoted_speaker_is_not_the_one_the_quote_is_about(apposed: dict) -> None:
    assert apposed["Karin Lund"] == ["other"]  # "release her" is said by, not of, the speaker


def test_a_minister_of_justice_is_no_judge(apposed: dict) -> None:
    assert apposed["Anton Deak"] == ["official"]


RANKS = """18 March 2025

Zembla: Defender Tomas Varga detained

On 3 May 2025, Colonel Igor Bem ordered the arrest of Tomas Varga. Investigator Ivan Sidorov
questioned him on 4 May 2025. Attorney Lina Berg, who represents him, was not allowed in.

Please write to:

President of the Republic
Mr Viktor Hallo
Presidential Palace, Vela
"""


def test_ranks_investigators_and_an_address_block() -> None:
    persons = extract_case(RANKS, appeal_id="t-roles-6")["persons"]
    by_name = {p["name"]: p for p in persons}
    assert by_name["Igor Bem"]["roles"] == ["official"]  # "Colonel X"
    assert by_name["Ivan Sidorov"]["roles"] == ["official"]  # "Investigator X", title left out
    assert by_name["Lina Berg"]["roles"] == ["lawyer"]  # "Attorney X, who represents him"
    # the line after an addressee's name is the address, not more of the name
    assert by_name["Viktor Hallo"]["roles"] == ["official"]
    titles = [x["title"] for x in by_name["Viktor Hallo"]["positions"]]
    assert titles == ["President of the Republic"]
    assert not any("Palace" in (p["name"] or "") for p in persons)


OUTLET = """19 March 2025

Zembla: Newspaper executives arrested

On 5 May 2025, police arrested the editor of the Vela Courier and the paper’s founder, Lars
Tor, and Mia Sund, who runs the paper’s online news desk. Lars Tor was charged on 6 May 2025.
"""


def test_founders_and_heads_of_an_outlet_are_journalists() -> None:
    persons = extract_case(OUTLET, appeal_id="t-roles-7")["persons"]
    roles = {p["name"]: p["roles"] for p in persons if p["name"]}
    assert roles["Lars Tor"] == ["journalist"]  # "the paper's founder, X"
    assert roles["Mia Sund"] == ["journalist"]  # "X, who runs the paper's online news desk"


MEDIA_AND_COMPLAINANTS = """20 May 2025

Zembla: Reporter and crew held

Police arrested the reporter Rina Holm on 2 May 2025 with camera operator Teo Varga and
producer Lili Dorn. On 4 May 2025 investigator Bela Kuti charged Rina Holm. The complaint
against the reporter was lodged by a local businessman, Otto Rask. Rina Holm's mother, Vera
Holm, filed a complaint about the arrest. Rina Holm's lawyer, Ada Ferenc, appealed.

Please write to:
Minister of Interior, Sheikh Amir bin Tarek Al Zaid
"""


def test_crews_investigators_complainants_and_a_sheikh() -> None:
    persons = extract_case(MEDIA_AND_COMPLAINANTS, appeal_id="t-roles-8")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert roles["Teo Varga"] == ["journalist"]  # "camera operator X"
    assert roles["Lili Dorn"] == ["journalist"]  # "producer X"
    assert roles["Bela Kuti"] == ["official"]  # "investigator X", lower case
    assert roles["Otto Rask"] == ["complainant"]  # "lodged by a local businessman, X"
    assert roles["Vera Holm"] == ["complainant", "relative"]  # "X, filed a complaint"
    assert roles["Ada Ferenc"] == ["lawyer"]
    # "Holm's lawyer, Ada Ferenc": the lawyer is named, so no unnamed lawyer besides her
    assert not any(p["name"] is None and "lawyer" in p["roles"] for p in persons)
    # an honorific is no part of the name; the post before it makes an official
    assert roles["Amir bin Tarek Al Zaid"] == ["official"]


COURTS_AND_EXPERTS = """20 May 2025

Zembla: Activists sentenced

GENEVA (20 May 2025) – On 2 May 2025, the Vela Regional Court, headed by Ivo Stern, sentenced
the activists Rina Holm and Teo Varga to six years. Their lawyers were not allowed to attend;
the court appointed a state lawyer, Ada Ferenc, instead.

The experts: Lena Vik, Special Rapporteur on the situation of human rights defenders; Omar
Said (Chair-Rapporteur), Working Group on Arbitrary Detention.
"""


def test_a_court_headed_by_a_judge_a_state_lawyer_and_experts_in_brackets() -> None:
    persons = extract_case(COURTS_AND_EXPERTS, appeal_id="t-roles-9")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert roles["Ivo Stern"] == ["judge"]  # "the court, headed by X"
    assert roles["Ada Ferenc"] == ["lawyer"]  # a state-appointed lawyer acts for others
    assert roles["Lena Vik"] == ["official"]
    assert roles["Omar Said"] == ["official"]  # "X (Chair-Rapporteur), Working Group ..."
    assert roles["Rina Holm"] == ["defender"]


def test_the_members_a_colon_after_an_international_body_lists_are_officials() -> None:
    text = (
        "20 May 2025\n\nZembla: Experts alarmed\n\nGENEVA (20 May 2025) – On 2 May 2025, the "
        "Vela Regional Court sentenced the activist Rina Holm to six years.\n\nThe experts: "
        "Lena Vik, Special Rapporteur on the situation of human rights defenders; Working Group "
        "on Arbitrary Detention: Omar Said (Chair-Rapporteur), Tarun Mehra, Ana Lee and Tom "
        "Reed.\n"
    )
    roles = _roles(text, "t-wg")
    # every member the list names, not only the one it gives a post
    assert {roles[n][0] for n in ("Omar Said", "Tarun Mehra", "Ana Lee", "Tom Reed")} == {
        "official"
    }
    assert roles["Rina Holm"] == ["defender"]


def test_a_colon_after_a_body_of_another_kind_makes_no_officials() -> None:
    # near miss: the list after a rights group's name is its people, not officials
    text = (
        "20 May 2025\n\nZembla: Activists detained\n\nOn 2 May 2025, police detained four "
        "members of the Vela Rights Centre: Tarun Mehra, Ana Lee, Tom Reed and Rina Holm.\n"
    )
    roles = _roles(text, "t-wg2")
    assert "official" not in {r for n in ("Tarun Mehra", "Ana Lee", "Tom Reed") for r in roles[n]}


def test_a_quoted_speaker_the_press_contact_line_names_again_is_the_issuers_staff() -> None:
    text = (
        "Zembla: Defender jailed for speaking to the UN\n\n14 April 2025\n\nThe authorities "
        "of Zembla sentenced human rights defender Ana Lee to five years in prison on 3 April "
        "2025 for her work with the UN.\n\n‘Punishing a woman for what she told UN experts "
        "shames the whole Council,’ said Tom Reed, Asia Advocate at the Vela "
        "Rights Service. ‘This must end.’\n\nContact: Tom Reed, Asia Advocate, Vela Rights "
        "Service\n"
    )
    roles = _roles(text, "t-contact")
    assert roles == {"Ana Lee": ["defender"], "Tom Reed": ["other"]}


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("police summoned Tom Reed, director of Radio Vela.", "journalist"),
        (
            "police summoned Tom Reed, director of the listener-funded outlet Radio Vela.",
            "journalist",
        ),
        (
            "police summoned the director of the listener-funded outlet Radio Vela, Tom Reed.",
            "journalist",
        ),
        ("police summoned the editor of The Vela Times, Tom Reed.", "journalist"),
        # near misses: the same posts in a rights group, and a party's official
        ("police summoned Tom Reed, head of the local group Vela Watch.", "defender"),
        ("police summoned the coordinator of the local group Vela Watch, Tom Reed.", "defender"),
        ("police summoned a district official of the ruling Vela Party, Tom Reed.", "official"),
    ],
)
def test_a_post_in_a_body_the_text_names_takes_its_role_from_the_bodys_kind(
    sentence: str, role: str
) -> None:
    text = f"21 May 2024\n\nZembla: Summoned\n\nOn 20 May 2024, {sentence}\n"
    roles = _roles(text, "t-post")
    assert roles["Tom Reed"] == [role]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Vela Rights Centre documents torture. On 20 May 2024, the Centre’s programme "
        "officer, Tom Reed, received threats.",
        "The Vela Rights Network documents torture. On 20 May 2024, police took away the "
        "network’s field officer, Tom Reed.",
        # near miss: "its" after a state body may be the state body's; the post alone says
        # nothing, and the one it is done to is read as before
        "The Vela Rights Network documents torture. On 20 May 2024, the Zembla Security "
        "Service arrested its programme officer, Tom Reed.",
    ],
)
def test_a_staff_post_of_a_civil_body_named_by_its_common_noun_is_a_defenders(
    sentence: str,
) -> None:
    text = f"21 May 2024\n\nZembla: Threatened\n\n{sentence}\n"
    roles = _roles(text, "t-staff")
    assert roles["Tom Reed"] == ["defender"]


def test_people_questioned_as_witnesses_are_witnesses_too() -> None:
    text = (
        "16 March 2024\n\nZembla: Questioned\n\nOn 15 March 2024, the police questioned Tom "
        "Reed and Ivo Sand, both of the Vela Rights Centre, as witnesses.\n"
    )
    roles = _roles(text, "t-wit")
    assert roles["Tom Reed"] == ["defender", "witness"]
    assert roles["Ivo Sand"] == ["defender", "witness"]


def test_one_whose_reports_a_witness_is_asked_about_is_no_witness() -> None:
    # near miss: named in the sentence, but as the one the questions are about
    text = (
        "16 March 2024\n\nZembla: Questioned\n\nOn 15 March 2024, police questioned the "
        "journalist Tom Reed as a witness and asked him about the reports of Ms. Ana Lee.\n"
    )
    roles = _roles(text, "t-wit2")
    assert roles["Tom Reed"] == ["journalist", "witness"]
    assert "witness" not in roles["Ana Lee"]


WITNESSES = """20 May 2025

Zembla: Activist sentenced

On 2 May 2025, the Vela City Court sentenced the activist Rina Holm to six years. The judge
refused to hear the defence witnesses, including Mr. Teo Varga. Her colleague at the Vela Legal
Clinic, Ada Ferenc, was questioned as a witness on 3 May 2025. Her husband Mr. Omar Said Holm
was fined.

Addresses:

· Mr. Ivo Stern, Prosecutor General of Zembla
"""


def test_witnesses_colleagues_at_a_body_and_a_prosecutor_general_addressed() -> None:
    persons = extract_case(WITNESSES, appeal_id="t-roles-10")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert roles["Teo Varga"] == ["witness"]  # "the defence witnesses, including X"
    assert roles["Ada Ferenc"] == ["defender", "witness"]  # a colleague, heard as a witness
    assert roles["Ivo Stern"] == ["official"]  # an addressee with a post
    assert roles["Omar Said Holm"] == ["relative"]
    assert "Mr" not in roles  # "her husband Mr. X": the honorific is no one-word name


NGO_STAFF = """20 May 2025

Zembla: Network raided

On 2 May 2025, police questioned Rina Holm, a researcher with the Vela Rights Network, and
Teo Varga, a volunteer at the Vela Legal Centre. Lena Vik, a shopkeeper, saw the raid.
"""


def test_staff_of_a_civil_society_body_and_people_questioned() -> None:
    persons = extract_case(NGO_STAFF, appeal_id="t-roles-11")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert roles["Rina Holm"] == ["defender"]  # "X, a researcher with the Y Network"
    assert roles["Teo Varga"] == ["defender"]  # "X, a volunteer at the Y Centre"
    assert roles["Lena Vik"] == ["other"]  # a shopkeeper who saw it is no defender


RELATIVES_TARGETED = """20 May 2025

Zembla: Lawyer sentenced

On 2 May 2025, the court sentenced the lawyer Rina Holm to six years. Her husband, Teo Varga,
has campaigned for her release. Teo Varga was himself arrested on 4 May 2025. Her brother, Ivo
Holm, said the trial was unfair.
"""


def test_a_relative_who_is_persecuted_too_is_also_a_defender() -> None:
    persons = extract_case(RELATIVES_TARGETED, appeal_id="t-roles-12")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert roles["Teo Varga"] == ["defender", "relative"]  # "X was himself arrested"
    assert roles["Ivo Holm"] == ["relative"]


POSTS_AND_STYLES = """20 May 2025

Zembla: Protest leaders held

On 3 May 2025, a magistrate, Hon. Ada Ferenc, denied bail to the activist Rina Holm. Police
Inspector-General Omar Said Vale said the arrest was lawful. Her son Teo have not been allowed
to visit her.

H.E. Mr. Ivo Stern, Cabinet Secretary for Interior, has not replied.
"""


def test_styles_before_a_name_and_a_post_inside_a_body_s_name() -> None:
    persons = extract_case(POSTS_AND_STYLES, appeal_id="t-roles-13")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert roles["Ada Ferenc"] == ["judge"]  # "a magistrate, Hon. X"
    assert roles["Omar Said Vale"] == ["official"]  # "Police Inspector-General X"
    assert roles["Ivo Stern"] == ["official"]  # "H.E. Mr. X, Cabinet Secretary for Interior"
    assert roles["Teo"] == ["relative"]  # "her son X have ..."
    assert not any("Police" in (p["name"] or "") for p in persons)


WORKS_AND_RANKS = """20 May 2025

Zembla: Novelist held

On 2 May 2025, soldiers detained the novelist Rina Holm after she published her novel The Long
Winter Night. Army spokesperson Brigadier General Teo Varga said she was a threat. On 6 May
2025, the Director of Public Prosecutions, Ada Brun Kato, sanctioned charges against her.
"""


def test_a_work_s_title_ranks_of_generals_and_a_director_of_public_prosecutions() -> None:
    persons = extract_case(WORKS_AND_RANKS, appeal_id="t-roles-14")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert not any("Winter" in (n or "") for n in roles)  # "her novel The Long Winter Night"
    assert roles["Teo Varga"] == ["official"]  # "Brigadier General X"
    assert roles["Ada Brun Kato"] == ["prosecutor"]


RELATIVE_DEFENDERS = """20 May 2025

Zembla: Teacher sentenced

On 2 May 2025, the court sentenced Rina Holm and questioned her brother, Teo Holm, a human
rights defender living in exile. Her sister, Ada Holm, and the activist Omar Vale were
summoned.
"""


def test_a_relative_described_as_a_defender_stays_one() -> None:
    persons = extract_case(RELATIVE_DEFENDERS, appeal_id="t-roles-15")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert roles["Teo Holm"] == ["defender", "relative"]  # "her brother, X, a ... defender"
    assert roles["Ada Holm"] == ["relative"]  # the activist named next is someone else


APPOSED_AFTER = """20 May 2025

Zembla: Activist sentenced

On 2 May 2025, police arrested the activist Rina Holm. Teo Varga, the investigating judge,
ordered her detention. Ada Brun, the prosecutor in the case, asked for six years. Lena Vik, an
eyewitness, said police beat her. Mila Kos, a member of parliament, called for her release.
Pavel Dorn, the mayor of Vela, declined to comment. Eva Lind, the ombudsperson, visited her.
The trial, presided over by Judge Karl Weiss, witnesses for the defence were not heard.
"""


def test_the_part_a_person_plays_said_in_apposition_after_the_name() -> None:
    persons = extract_case(APPOSED_AFTER, appeal_id="t-roles-16")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert roles["Teo Varga"] == ["judge"]
    assert roles["Ada Brun"] == ["prosecutor"]
    assert roles["Lena Vik"] == ["witness"]
    assert roles["Mila Kos"] == ["official"]
    assert roles["Pavel Dorn"] == ["official"]
    assert roles["Eva Lind"] == ["official"]
    assert roles["Karl Weiss"] == ["judge"]  # a clause after the comma describes nobody
    assert roles["Rina Holm"] == ["defender"]


TITLES_BEFORE = """20 May 2025

Zembla: Activist sentenced

On 2 May 2025, police arrested the activist Rina Holm. Opposition MP Mila Kos called for her
release. Ombudsperson Eva Lind visited her. The country's president, Karl Weiss, said nothing.
Eyewitness Lena Vik said police beat her. Member of Parliament Olga Sand protested. Prison
director Pavel Kurz refused visits. Head of the Border Service Ivo Stern signed the ban.
"""


def test_posts_and_parts_named_before_the_name() -> None:
    rec = extract_case(TITLES_BEFORE, appeal_id="t-roles-17")
    roles = {p["name"]: p["roles"] for p in rec["persons"]}
    for name in ("Mila Kos", "Eva Lind", "Karl Weiss", "Olga Sand", "Pavel Kurz", "Ivo Stern"):
        assert roles[name] == ["official"], name
    assert roles["Lena Vik"] == ["witness"]
    assert "Border Service" in [o["name"] for o in rec["organisations"]]


KIN_FORMS = """20 May 2025

Zembla: Activists sentenced

On 2 May 2025, police arrested Rina Holm and Teo Varga. The parents of Teo Varga, Ana Varga
and Petr Varga, were threatened. Jan Mraz (her son) was beaten. The wife of Teo Varga, Lena
Varga, was fined.
"""


def test_kin_of_a_named_person_before_a_list_and_kin_in_brackets() -> None:
    persons = extract_case(KIN_FORMS, appeal_id="t-roles-18")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    for name in ("Ana Varga", "Petr Varga", "Jan Mraz", "Lena Varga"):
        assert roles[name] == ["relative"], name
    assert roles["Teo Varga"] == ["defender"]


WHO_LEADS = """20 May 2025

Zembla: Activists detained

On 2 May 2025, police detained Rina Holm, who heads the Vela Women's Network. Lena Vik, who
chairs the parliamentary committee on security, defended the arrests. Ivo Stern, who
coordinates the Zembla Press Freedom Coalition, said the law was unjust. Mia Sund, who heads
the media group Vela Voice, was summoned.
"""


def test_the_body_a_person_leads_says_what_they_are() -> None:
    persons = extract_case(WHO_LEADS, appeal_id="t-roles-19")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert roles["Rina Holm"] == ["defender"]
    assert roles["Lena Vik"] == ["official"]  # a committee of parliament
    assert roles["Ivo Stern"] == ["defender"]  # not named in any arrest, still a defender
    assert roles["Mia Sund"] == ["journalist"]  # the head of an outlet


OF_A_BODY = """3 May 2021

Zembla: Activist detained

Human rights defender Rina Holm was detained on 1 May 2021. She works with Teo Varga of the
Zembla Helsinki Association. Ivo Stern of the Ministry of Interior said she broke the law.
"""


def test_a_person_of_a_named_body_takes_its_side() -> None:
    persons = extract_case(OF_A_BODY, appeal_id="t-roles-20")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert roles["Teo Varga"] == ["defender"]  # "X of the Zembla Helsinki Association"
    assert roles["Ivo Stern"] == ["official"]  # "X of the Ministry of Interior"


@pytest.mark.parametrize(
    "sentence",
    [
        "On 1 May 2025, Rina Holm was taken into custody by security agents.",
        "On 1 May 2025, security agents picked up Rina Holm at her home.",
        "On 1 May 2025, Rina Holm was remanded for 15 days.",
    ],
)
def test_the_target_of_an_act_of_the_state_is_a_defender_by_default(sentence: str) -> None:
    # the sentence has none of the words the default reads; the event found in it decides
    text = f"20 May 2025\n\nZembla: Activist held\n\n{sentence} Ada Brun said she was worried.\n"
    roles = _roles(text, "t-roles-ev")
    assert roles == {"Rina Holm": ["defender"], "Ada Brun": ["other"]}


def test_an_official_named_in_the_title_is_no_defender() -> None:
    text = (
        "20 May 2025\n\nZembla: Minister Teo Varga must free Rina Holm\n\nOn 1 May 2025, police "
        "arrested Rina Holm. Minister of Interior Teo Varga said the arrest was lawful.\n"
    )
    roles = _roles(text, "t-roles-t")
    assert roles == {"Rina Holm": ["defender"], "Teo Varga": ["official"]}


def test_a_post_in_a_civil_society_group_named_before_the_name() -> None:
    text = (
        "20 May 2025\n\nZembla: Journalist jailed\n\nOn 1 May 2025, police arrested Rina Holm. "
        "Zembla Watch’s Regional Director, Ada Brun, said: “This is outrageous.” The Vela "
        "Press Centre’s Executive Director Teo Varga was also questioned on 2 May 2025.\n"
    )
    persons = extract_case(text, appeal_id="t-roles-civil")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    # quoted only: the issuer's staff; questioned: a defender who heads a group
    assert roles == {"Rina Holm": ["defender"], "Ada Brun": ["other"], "Teo Varga": ["defender"]}


def test_posts_and_leaders_of_the_genre_before_a_name() -> None:
    text = (
        "20 May 2025\n\nZembla: Leaders threatened\n\nOn 1 May 2025, indigenous leader Rina Holm "
        "and student leader Ivo Sand received death threats. Police commander Teo Varga said an "
        "investigation was opened. The governor of Vela Province, Ada Brun, said nothing.\n"
    )
    roles = _roles(text, "t-roles-g")
    assert roles == {
        "Rina Holm": ["defender"],
        "Ivo Sand": ["defender"],
        "Teo Varga": ["official"],
        "Ada Brun": ["official"],
    }


def test_a_name_inside_an_apposition_takes_no_part_the_verb_gives() -> None:
    text = (
        "20 May 2025\n\nZembla: Blogger held\n\nBlogger Ivo Sand was arrested on 1 May 2025. "
        "Ada Brun, the mother of Ivo Sand, was questioned as a witness on 2 May 2025.\n"
    )
    roles = _roles(text, "t-roles-a")
    assert roles == {"Ivo Sand": ["defender"], "Ada Brun": ["relative", "witness"]}


def test_a_lawyer_who_represents_someone_acts_for_others() -> None:
    text = (
        "20 May 2025\n\nZembla: Activist sentenced\n\nActivist Rina Holm was sentenced on 1 May "
        "2025 to five years. Lawyer Teo Varga represented her; Varga said the trial was unfair.\n"
    )
    roles = _roles(text, "t-roles-r")
    assert roles == {"Rina Holm": ["defender"], "Teo Varga": ["lawyer"]}


def test_relatives_listed_after_a_plural_kin_noun_and_one_who_sued() -> None:
    text = (
        "20 May 2025\n\nZembla: Journalist on trial\n\nOn 1 May 2025, journalist Rina Holm went "
        "on trial for libel. Her parents, Ada Holm and Ivo Holm, were questioned by police. Mayor "
        "Teo Varga sued the newspaper for libel.\n"
    )
    roles = _roles(text, "t-roles-k")
    assert roles == {
        "Rina Holm": ["journalist"],
        "Ada Holm": ["relative"],
        "Ivo Holm": ["relative"],
        "Teo Varga": ["official", "complainant"],
    }


def test_the_side_each_appears_for_at_a_trial() -> None:
    text = (
        "20 May 2025\n\nZembla: Trial\n\nOn 1 May 2025 the trial of activist Rina Holm opened, "
        "with Judge Ivo Sand presiding, Teo Varga and Ada Brun appearing for the prosecution "
        "and Lena Ost for the defence.\n"
    )
    roles = _roles(text, "t-roles-s")
    assert roles == {
        "Rina Holm": ["defender"],
        "Ivo Sand": ["judge"],
        "Teo Varga": ["prosecutor"],
        "Ada Brun": ["prosecutor"],
        "Lena Ost": ["lawyer"],
    }


def test_addressees_of_a_demand_and_agents_of_custody() -> None:
    text = (
        "20 May 2025\n\nZembla: Activist held\n\nActivist Rina Holm was arrested on 1 May 2025. "
        "Interrogator Ivo Sand beat her. Colonel Teo Varga, head of the prison, refused visits. "
        "We urge Ada Brun to release her.\n"
    )
    persons = extract_case(text, appeal_id="t-roles-ad")["persons"]
    assert {p["name"]: p["roles"] for p in persons} == {
        "Rina Holm": ["defender"],
        "Ivo Sand": ["official"],
        "Teo Varga": ["official"],
        "Ada Brun": ["official"],
    }


def test_who_writes_for_an_outlet_or_founded_one_is_a_journalist() -> None:
    text = (
        "20 May 2025\n\nZembla: Journalists held\n\nOn 1 May 2025, police detained Rina Holm, "
        "who writes for the weekly Vela Voice, and Ivo Sand, founder of the news site Zembla "
        "Now. Ada Brun, coordinator of the Vela Rights Network, was summoned.\n"
    )
    roles = _roles(text, "t-roles-w")
    assert roles == {
        "Rina Holm": ["journalist"],
        "Ivo Sand": ["journalist"],
        "Ada Brun": ["defender"],
    }


def test_who_tells_of_an_arrest_or_witnessed_it_is_no_defender_for_it() -> None:
    text = (
        "20 May 2025\n\nZembla: Activist held\n\nActivist Rina Holm was arrested on 1 May 2025. "
        "Ada Brun told reporters that the arrest was violent. According to Teo Varga, the arrest "
        "was ordered by the governor. Ivo Sand, who witnessed the arrest, said police beat her.\n"
    )
    roles = _roles(text, "t-roles-tell")
    assert roles == {
        "Rina Holm": ["defender"],
        "Ada Brun": ["other"],
        "Teo Varga": ["other"],
        "Ivo Sand": ["witness"],
    }


def test_heads_of_rights_groups_and_of_state_rights_bodies_and_ambassadors() -> None:
    text = (
        "20 May 2025\n\nZembla: Defender held\n\nOn 1 May 2025 police arrested Rina Holm, "
        "president of the Vela Human Rights Bureau. Teo Varga, Minister for Human Rights, said "
        "nothing. Ada Brun, Chairperson of the National Human Rights Commission, expressed "
        "concern. Ambassador Ivo Sand denied the arrest.\n"
    )
    roles = _roles(text, "t-roles-hr")
    assert roles == {
        "Rina Holm": ["defender"],
        "Teo Varga": ["official"],
        "Ada Brun": ["official"],
        "Ivo Sand": ["official"],
    }


def test_what_each_is_in_brackets_after_the_name() -> None:
    text = (
        "20 May 2025\n\nZembla: Defenders held\n\nPolice detained Rina Holm (journalist), Teo "
        "Varga (lawyer) and Ada Brun (woman human rights defender) on 1 May 2025.\n"
    )
    roles = _roles(text, "t-roles-br")
    assert roles == {
        "Rina Holm": ["journalist"],
        "Teo Varga": ["defender", "lawyer"],  # a lawyer who is the one held: both
        "Ada Brun": ["defender"],
    }


def test_procurators_state_attorneys_and_one_who_appeared_before_a_court() -> None:
    text = (
        "20 May 2025\n\nZembla: Trial opens\n\nOn 1 May 2025, Rina Holm appeared before the Vela "
        "District Court. Procurator Ada Brun signed the indictment. State attorney Teo Varga "
        "opposed the appeal.\n"
    )
    roles = _roles(text, "t-roles-pr")
    assert roles == {
        "Rina Holm": ["defender"],
        "Ada Brun": ["prosecutor"],
        "Teo Varga": ["prosecutor"],
    }


def test_kin_with_an_age_before_the_name_and_a_widower() -> None:
    text = (
        "20 May 2025\n\nZembla: Defender killed\n\nLand defender Rina Holm was shot dead on 1 May "
        "2025. Her son, 17-year-old Teo Holm, was injured. Holm's widower, Ivo Sand, was "
        "threatened.\n"
    )
    persons = extract_case(text, appeal_id="t-roles-kin2")["persons"]
    assert {p["name"]: p["roles"] for p in persons} == {
        "Rina Holm": ["defender"],
        "Teo Holm": ["relative"],
        "Ivo Sand": ["relative"],
    }
    assert {p["name"]: p["gender"] for p in persons if p["name"] != "Rina Holm"} == {
        "Teo Holm": "male",
        "Ivo Sand": "male",
    }


def test_lower_case_posts_complainant_posts_and_a_clause_naming_a_post() -> None:
    text = (
        "20 May 2025\n\nZembla: Editor charged\n\nOn 1 May 2025, police arrested Rina Holm over an "
        "article on state governor Ivo Sand. The charges follow a complaint lodged by the former "
        "Minister of Justice, Mr. Teo Varga. Holm's husband, Karl Holm, appealed to the "
        "Ombudsman, Ada Brun. Mila Ek, a paralegal working with the Vela Legal Centre, was "
        "questioned.\n"
    )
    roles = _roles(text, "t-roles-lc")
    assert roles["Ivo Sand"] == ["official"]  # "state governor X", in lower case
    assert set(roles["Teo Varga"]) == {"official", "complainant"}
    assert roles["Karl Holm"] == ["relative"]  # "appealed to the Ombudsman": another's post
    assert roles["Ada Brun"] == ["official"]
    assert roles["Mila Ek"] == ["defender"]  # "a paralegal working with" a civil body


def test_head_of_the_judiciary_in_an_address_block() -> None:
    text = (
        "URGENT ACTION\n\nACTIVIST HELD\n\nZemblan activist Rina Holm was arrested on 3 January "
        "2023.\n\nHead of the Judiciary Ivo Sand\nc/o Embassy of Zembla\nVela\n\nDear Mr Sand,\n\n"
        "I urge you to release Rina Holm immediately.\n"
    )
    roles = _roles(text, "t-roles-jud")
    assert roles == {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}


def test_state_advocates_and_a_vietnamese_surname_first() -> None:
    text = (
        "20 May 2025\n\nZembla: Blogger beaten\n\nBlogger Tran Van Sinh was arrested on 1 May "
        "2025. An officer, Captain Le Minh Tuan, beat him. The State Advocate, Ivo Sand, opposed "
        "bail.\n"
    )
    roles = _roles(text, "t-roles-adv")
    assert roles["Le Minh Tuan"] == ["official"]  # "Le" opens a name, not a place
    assert roles["Ivo Sand"] == ["prosecutor"]


def test_a_body_after_the_noun_ngo_is_no_person() -> None:
    text = (
        "20 May 2025\n\nZembla: Founder held\n\nPolice arrested Rina Holm, the founder of the NGO "
        "Open Voices, on 1 May 2025. The NGO Affairs Bureau froze its accounts.\n"
    )
    rec = extract_case(text, appeal_id="t-roles-ngo")
    assert {p["name"] for p in rec["persons"]} == {"Rina Holm"}
    assert {"Open Voices", "NGO Affairs Bureau"} <= {o["name"] for o in rec["organisations"]}


def test_both_journalists_who_is_a_reporter_officials_at_a_ministry_and_rapporteurs() -> None:
    text = (
        "12 May 2021\n\nZembla: Journalists detained\n\nRina Holm and Ada Brun, both journalists "
        "with the Vela Times, were detained on 10 May 2021. Teo Varga, who is a reporter for "
        "Radio Vela, was questioned. Karl Moen, an official at the Ministry of Information, "
        "confirmed the detentions. UN Special Rapporteur Mila Ek called for their release. "
        "Ivo Sand, an official of the Vela Rights Network, protested.\n"
    )
    roles = _roles(text, "t-roles-both")
    assert roles["Rina Holm"] == ["journalist"]
    assert roles["Ada Brun"] == ["journalist"]
    assert roles["Teo Varga"] == ["journalist"]
    assert roles["Karl Moen"] == ["official"]
    assert roles["Mila Ek"] == ["official"]  # not "Rapporteur Mila Ek"
    assert "official" not in roles["Ivo Sand"]  # an official of a civil body


def test_one_who_orders_or_carries_out_an_act_of_the_state_is_an_official() -> None:
    text = (
        "4 April 2022\n\nZembla: Activist detained\n\nOn 2 April 2022, Ivo Sand ordered the "
        "arrest of activist Rina Holm. Ada Brun signed the detention order the next day. Holm "
        "was interrogated by Teo Varga for six hours, on the orders of Karl Moen. Mila Ek "
        "signed a petition for her release and was herself arrested on 5 April 2022.\n"
    )
    roles = _roles(text, "t-roles-st")
    assert roles["Rina Holm"] == ["defender"]
    for name in ("Ivo Sand", "Ada Brun", "Teo Varga", "Karl Moen"):
        assert roles[name] == ["official"], name
    assert roles["Mila Ek"] == ["defender"]  # signed a petition, not an act of the state


def test_a_former_spouse_is_no_relative() -> None:
    text = (
        "20 May 2025\n\nZembla: Defender detained\n\nDefender Rina Holm was arrested on 1 May "
        "2025 after helping Ada Brun, who had gone to court against her former husband, Mr Ivo "
        "Sand. Holm's husband, Teo Holm, was questioned.\n"
    )
    roles = _roles(text, "t-roles-ex")
    assert "relative" not in roles["Ivo Sand"]
    assert roles["Teo Holm"] == ["relative"]


def test_permanent_representatives_and_a_deputy_prosecutor_general_after_the_name() -> None:
    text = (
        "12 May 2021\n\nZembla: Defender summoned\n\nDefender Rina Holm was summoned on 10 May "
        "2021. H.E. Mr. Ivo Sand, Permanent Representative of Zembla to the United Nations "
        "Office at Geneva, received the letter. Ms. Ada Brun, Deputy Prosecutor General, opened "
        "the case.\n"
    )
    roles = _roles(text, "t-roles-pr2")
    assert roles == {
        "Rina Holm": ["defender"],
        "Ivo Sand": ["official"],
        "Ada Brun": ["prosecutor"],
    }


def test_complainants_in_a_relative_clause_or_at_whose_request_a_case_opens() -> None:
    text = (
        "20 May 2025\n\nZembla: Journalist charged\n\nJournalist Rina Holm was charged with "
        "defamation on 1 May 2025. Ivo Sand, who filed the complaint, is a local businessman. "
        "The case was opened at the request of Teo Varga. Judge Ada Brun extended her detention "
        "at the request of prosecutor Karl Moen.\n"
    )
    roles = _roles(text, "t-roles-cp")
    assert roles["Ivo Sand"] == ["complainant"]
    assert roles["Teo Varga"] == ["complainant"]
    assert roles["Karl Moen"] == ["prosecutor"]  # a prosecutor's request makes no complainant


def test_commentators_who_tell_or_call_for_a_release_are_no_defenders() -> None:
    text = (
        "12 May 2021\n\nZembla: Defender detained\n\nDefender Rina Holm was arrested on 10 May "
        "2021. Ivo Sand, a political analyst, told reporters that the arrest was meant to "
        "intimidate. Nobel laureate Ada Brun called for her release.\n"
    )
    roles = _roles(text, "t-roles-cm")
    assert roles == {"Rina Holm": ["defender"], "Ivo Sand": ["other"], "Ada Brun": ["other"]}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a plural title before a colon
        (
            "police arrested three human rights lawyers: Ivo Sand, Ada Brun and Teo Varga.",
            ["defender", "lawyer"],
        ),
        # a plural noun after the list, shared by every name
        (
            "police arrested Ivo Sand, Ada Brun and Teo Varga, all three journalists with the "
            "daily Vela Times.",
            ["journalist"],
        ),
        # ages and bracketed outlets between the names do not break the list
        (
            "the journalists Ivo Sand, 45, Ada Brun (Radio Vela) and Teo Varga were detained.",
            ["journalist"],
        ),
        # a plural noun after the list without "all" or "both"
        (
            "Ivo Sand, Ada Brun and Teo Varga, journalists with Vela Times, were detained.",
            ["journalist"],
        ),
    ],
)
def test_a_role_shared_by_a_list_reaches_every_name(sentence: str, expected: list[str]) -> None:
    text = f"12 May 2021\n\nZembla: Arrests\n\nOn 3 May 2021, {sentence}\n"
    persons = extract_case(text, appeal_id="t-roles-list")["persons"]
    assert {p["name"]: p["roles"] for p in persons} == dict.fromkeys(
        ["Ivo Sand", "Ada Brun", "Teo Varga"], expected
    )
    assert all(p["variants"] == [] for p in persons)  # "(Radio Vela)" is no other name


def test_the_person_an_appeal_is_about_is_a_defender_when_no_rule_decides() -> None:
    text = (
        "12 May 2021\n\nZembla: Death threats\n\nOn 3 May 2021, Ivo Sand received death threats "
        "by phone. Sand reported the threats to the police, who took no action. Ada Brun, a "
        "neighbour, heard the calls. On 5 May, Sand's car was set on fire.\n"
    )
    roles = _roles(text, "t-subject")
    assert roles == {"Ivo Sand": ["defender"], "Ada Brun": ["other"]}


def test_a_description_in_apposition_to_a_name_is_no_unnamed_actor() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nOn 3 May 2021, police arrested Ivo Sand. Ada Brun, "
        "Sand's lawyer, said the charges were false. Teo Varga, the country's president, "
        "defended the arrest.\n"
    )
    persons = extract_case(text, appeal_id="t-apposed")["persons"]
    assert {p["name"]: p["roles"] for p in persons} == {
        "Ivo Sand": ["defender"],
        "Ada Brun": ["lawyer"],
        "Teo Varga": ["official"],
    }


def test_a_post_before_a_clause_gives_no_role_to_the_one_the_clause_acts_on() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nThe Minister of Justice Ivo Sand ordered the arrest "
        "of Ada Brun on 3 May 2021.\n"
    )
    persons = extract_case(text, appeal_id="t-post-clause")["persons"]
    assert {p["name"]: p["roles"] for p in persons} == {
        "Ivo Sand": ["official"],
        "Ada Brun": ["defender"],
    }


def test_a_list_s_shared_noun_does_not_reach_back_across_a_sentence() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nOn 3 May 2021, police arrested Lena Ost. Ivo Sand "
        "and Ada Brun, her lawyers, were not told.\n"
    )
    persons = extract_case(text, appeal_id="t-roles-list-stop")["persons"]
    assert {p["name"]: p["roles"] for p in persons} == {
        "Lena Ost": ["defender"],
        "Ivo Sand": ["lawyer"],
        "Ada Brun": ["lawyer"],
    }


@pytest.mark.parametrize(
    ("said", "role"),
    [
        ("Ivo Sand is a prominent human rights defender", "defender"),
        ("Ivo Sand, a well-known woman human rights defender,", "defender"),
        ("Ivo Sand is a leading land rights activist", "defender"),
    ],
)
def test_a_defender_described_with_modifiers_is_a_defender(said: str, role: str) -> None:
    text = f"12 May 2021\n\nZembla: Threats\n\n{said} from Vela. He fears for his safety.\n"
    record = extract_case(text, appeal_id="t-modifiers")
    assert {p["name"]: p["roles"] for p in record["persons"]}["Ivo Sand"] == [role]


def test_a_public_defender_is_not_a_human_rights_defender() -> None:
    text = "12 May 2021\n\nZembla: Threats\n\nIvo Sand is a public defender from Vela.\n"
    record = extract_case(text, appeal_id="t-public")
    assert "defender" not in {p["name"]: p["roles"] for p in record["persons"]}.get("Ivo Sand", [])


@pytest.mark.parametrize(
    ("said", "who", "role"),
    [
        # a title before the name, or a part joined to it by "was"/"is"
        ("His counsel, advocate Teo Varga, will appeal.", "Teo Varga", "lawyer"),
        ("Advocate Teo Varga will appeal.", "Teo Varga", "lawyer"),
        ("Human rights advocate Teo Varga condemned the arrest.", "Teo Varga", "defender"),
        ("Teo Varga, Ivo Sand's lawyer, said the arrest was illegal.", "Teo Varga", "lawyer"),
        ("The presiding judge was Teo Varga.", "Teo Varga", "judge"),
        ("The judge in the case was Teo Varga.", "Teo Varga", "judge"),
        ("His lawyer is Teo Varga.", "Teo Varga", "lawyer"),
        ("The investigator was Teo Varga.", "Teo Varga", "official"),
        # a plural part said of a list with "are"/"were"
        ("Sand and Teo Varga are journalists with the daily Vela Post.", "Teo Varga", "journalist"),
        ("Sand and Teo Varga are journalists with the daily Vela Post.", "Ivo Sand", "journalist"),
        ("Mr. Sand and Ms. Varga are journalists at the Vela Post.", "Ivo Sand", "journalist"),
    ],
)
def test_parts_said_around_a_name(said: str, who: str, role: str) -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nOn 3 May 2021, police arrested Ivo Sand and Ana "
        f"Varga in Vela. {said}\n"
    )
    record = extract_case(text, appeal_id="t-parts")
    roles = {p["name"]: p["roles"] for p in record["persons"] if p["name"]}
    assert role in roles[who], roles
    assert not [p for p in record["persons"] if p["name"] is None and role in p["roles"]]


def test_a_part_joined_by_was_to_a_clause_gives_no_title() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nIvo Sand was arrested on 3 May 2021. Among those "
        "detained was Ana Varga. The first to be questioned was Teo Berg.\n"
    )
    record = extract_case(text, appeal_id="t-clause")
    roles = {p["name"]: p["roles"] for p in record["persons"] if p["name"]}
    assert not {"judge", "lawyer", "official"} & {*roles["Ana Varga"], *roles["Teo Berg"]}


def test_short_ranks_atty_and_a_commander_in_apposition() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nOn 3 May 2021, soldiers arrested Ivo Sand in Vela. "
        "Lt. Gen. Teo Varga, commander of the Northern Vela Command, defended the arrest. "
        "Col. Ada Brun signed the order. Rafael Ortiz, the regional commander, agreed. "
        "Their lawyer, Atty. Rosa Lind, filed a motion.\n"
    )
    record = extract_case(text, appeal_id="t-ranks")
    roles = {p["name"]: p["roles"] for p in record["persons"] if p["name"]}
    assert roles["Teo Varga"] == ["official"]
    assert roles["Ada Brun"] == ["official"]
    assert roles["Rafael Ortiz"] == ["official"]
    assert roles["Rosa Lind"] == ["lawyer"]


@pytest.mark.parametrize(
    ("said", "role"),
    [
        # the subject of an act of the state done to someone acts for the state
        ("On 3 May 2021, Teo Varga arrested the activist Ivo Sand.", "official"),
        ("On 3 May 2021, Teo Varga and two other officers detained Ivo Sand.", "official"),
        ("On 3 May 2021, Teo Varga sentenced human rights defender Ivo Sand.", "judge"),
        # a tie that is no part in the case
        ("Ivo Sand was arrested on 3 May 2021. Teo Varga, a neighbour, saw it.", "other"),
        ("Ivo Sand was arrested on 3 May 2021 with Teo Varga, a local businessman.", "other"),
        # the one the act is done to stays its target
        ("On 3 May 2021, police arrested Teo Varga and Ivo Sand.", "defender"),
    ],
)
def test_who_acts_and_who_only_stands_by(said: str, role: str) -> None:
    text = f"12 May 2021\n\nZembla: Arrest\n\n{said}\n"
    record = extract_case(text, appeal_id="t-acts")
    assert {p["name"]: p["roles"] for p in record["persons"]}["Teo Varga"] == [role]


@pytest.mark.parametrize(
    "said",
    [
        "Teo Varga, who is married to Sand, was not informed.",
        "Teo Varga, the mother of another detainee, was also arrested.",
        "Teo Varga, the wife of a jailed journalist, was questioned.",
    ],
)
def test_kin_of_someone_unnamed_or_by_marriage(said: str) -> None:
    text = f"12 May 2021\n\nZembla: Arrest\n\nIvo Sand was arrested on 3 May 2021. {said}\n"
    record = extract_case(text, appeal_id="t-kin")
    assert {p["name"]: p["roles"] for p in record["persons"]}["Teo Varga"] == ["relative"]


def test_a_ministers_portfolio_is_no_person_and_a_legal_team_member_a_lawyer() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nIvo Sand was arrested on 3 May 2021. The Minister of "
        "Internal Affairs said the arrest was lawful. Ada Brun, the Minister for Public "
        "Security, agreed. “It is unlawful,” said Teo Varga, a member of Sand's legal team.\n"
    )
    record = extract_case(text, appeal_id="t-portfolio")
    roles = {p["name"]: p["roles"] for p in record["persons"]}
    assert "Internal Affairs" not in roles and "Public Security" not in roles
    assert roles["Ada Brun"] == ["official"]
    assert roles["Teo Varga"] == ["lawyer"]


def test_a_plural_clause_after_a_list_and_a_ruling_party_post() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrests\n\nPolice detained Ivo Sand, director of the NGO Vela "
        "Watch, and two members of his team, his brother Teo Sand and Ada de la Brun, who were "
        "arrested on 2 May 2021. Rosa Lind, first vice-president of the ruling Unity Party, had "
        "threatened the group.\n"
    )
    record = extract_case(text, appeal_id="t-plural-clause")
    roles = {p["name"]: p["roles"] for p in record["persons"]}
    assert roles["Teo Sand"] == ["defender", "relative"]
    assert roles["Rosa Lind"] == ["official"]


def test_a_post_with_its_body_before_the_name_and_leaders_by_verb() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrests\n\nIvo Sand was arrested on 2 May 2021. On 4 May 2021 "
        "he was brought before the investigating judge of the Vela Criminal Court, Mr. Teo "
        "Varga, who ordered his detention. The prosecutor of the Strelsau District, Ms Ada "
        "Brun, charged him. Rosa Lind chairs the Association of Families of the Disappeared. "
        "Nina Holt led the protests against the dam. Emil Kos heads the parliamentary committee "
        "on security. Dora Fink, director of the Zembla Rights Centre, protested.\n"
    )
    record = extract_case(text, appeal_id="t-post-of-body")
    roles = {p["name"]: p["roles"] for p in record["persons"]}
    assert roles["Teo Varga"] == ["judge"]  # and no unnamed judge beside him
    assert [p for p in record["persons"] if p["name"] is None] == []
    assert roles["Ada Brun"] == ["prosecutor"]
    assert roles["Rosa Lind"] == ["defender"]
    assert roles["Nina Holt"] == ["defender"]
    assert roles["Emil Kos"] == ["official"]
    assert roles["Dora Fink"] == ["defender"]  # a post in a civil body is no state post


@pytest.mark.parametrize(
    ("said", "role"),
    [
        ("The complaint was filed by businessman Teo Varga.", "complainant"),
        ("It followed a complaint lodged by a local trader Teo Varga.", "complainant"),
        ("It followed a complaint by Teo Varga, the head of a mining company.", "complainant"),
        ("Teo Varga testified against him at the trial.", "witness"),
        ("Teo Varga later gave evidence for the prosecution.", "witness"),
    ],
)
def test_complainants_described_and_witnesses_who_testify(said: str, role: str) -> None:
    text = f"12 May 2021\n\nZembla: Arrest\n\nIvo Sand was arrested on 3 May 2021. {said}\n"
    record = extract_case(text, appeal_id="t-complainant")
    assert {p["name"]: p["roles"] for p in record["persons"]}["Teo Varga"] == [role]


def test_styles_of_state_posts() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nIvo Sand was arrested on 3 May 2021. Crown Prince "
        "Omar bin Adel praised the police. Supreme Leader Ali Karimi warned protesters. "
        "Attorney-General Tom Hale defended the arrest. Detective Paul Ober searched his flat. "
        "Ivan Dorn, the country's interior minister, said he resisted. The EU High "
        "Representative, Josep Moll, condemned the arrest.\n"
    )
    record = extract_case(text, appeal_id="t-state-posts")
    roles = {p["name"]: p["roles"] for p in record["persons"]}
    assert roles["Omar bin Adel"] == ["official"]
    assert roles["Ali Karimi"] == ["official"]
    assert roles["Tom Hale"] == ["official", "prosecutor"]
    assert roles["Paul Ober"] == ["official"]
    assert roles["Ivan Dorn"] == ["official"]
    assert roles["Josep Moll"] == ["official"]


@pytest.mark.parametrize(
    ("said", "roles"),
    [
        ("Teo Varga, his wife and a fellow activist, was questioned.", ["defender", "relative"]),
        ("Teo Varga, his wife and a teacher, was questioned.", ["relative"]),
        (
            "Teo Varga, a lawyer at the Vela Legal Clinic who is defending him, was threatened.",
            ["lawyer"],
        ),
    ],
)
def test_kin_and_a_second_description_and_a_lawyer_named_with_the_practice(
    said: str, roles: list[str]
) -> None:
    text = f"12 May 2021\n\nZembla: Arrest\n\nIvo Sand was arrested on 3 May 2021. {said}\n"
    record = extract_case(text, appeal_id="t-kin-and")
    assert {p["name"]: p["roles"] for p in record["persons"]}["Teo Varga"] == roles


def test_a_co_defendant_said_to_be_no_more_is_other() -> None:
    text = (
        "12 May 2021\n\nZembla: Sentence\n\nIvo Sand was sentenced on 3 May 2021. His "
        "co-defendant, Mr Paul Ober, was given the same term. Co-accused writer Tom Hale was "
        "acquitted. His co-defendant, the lawyer Rosa Mendes, was fined.\n"
    )
    record = extract_case(text, appeal_id="t-co-defendant")
    roles = {p["name"]: p["roles"] for p in record["persons"]}
    assert roles["Paul Ober"] == ["other"]
    assert roles["Tom Hale"] == ["other"]
    assert roles["Rosa Mendes"] == ["defender", "lawyer"]  # said to be a lawyer, persecuted


def test_the_one_who_leads_a_body_named_before_and_an_ombudsman() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nIvo Sand was arrested on 3 May 2021. The National "
        "Human Rights Commission, chaired by Tom Hale, said it would investigate. The Zembla "
        "Rights Network, led by Eva Ruiz, protested. The Ministry of Interior, headed by Omar "
        "Fas, denied it. Ombudsman Lena Frost visited him in prison.\n"
    )
    record = extract_case(text, appeal_id="t-led-by")
    roles = {p["name"]: p["roles"] for p in record["persons"]}
    assert roles["Tom Hale"] == ["official"]
    assert roles["Eva Ruiz"] == ["defender"]
    assert roles["Omar Fas"] == ["official"]
    assert roles["Lena Frost"] == ["official"]  # "Ombudsman" is no part of her name


def test_the_next_item_of_a_list_is_no_apposition() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrests\n\nThose arrested on 3 May 2021 include human rights "
        "defenders Ivo Sand, Mark Ruiz, and Omar Fas, and journalist Eva Tran.\n"
    )
    record = extract_case(text, appeal_id="t-next-item")
    roles = {p["name"]: p["roles"] for p in record["persons"]}
    assert roles["Omar Fas"] == ["defender"]
    assert roles["Eva Tran"] == ["journalist"]


def test_one_who_works_for_a_body_is_on_its_side() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nIvo Sand was arrested on 3 May 2021. Ana Lee works "
        "for the Vela Legal Aid Centre. Omar Fas works for the Ministry of Interior. "
        "Eva Tran worked with the Zembla Rights Network until 2020.\n"
    )
    record = extract_case(text, appeal_id="t-works-for")
    roles = {p["name"]: p["roles"] for p in record["persons"]}
    assert roles["Ana Lee"] == ["defender"]
    assert roles["Omar Fas"] == ["official"]
    assert roles["Eva Tran"] == ["defender"]


def test_one_who_appears_for_the_state_is_a_prosecutor() -> None:
    text = (
        "4 April 2024\n\nZembla: Editor denied bail\n\nOn 2 April 2024, the High Court refused "
        "bail to the editor Ivo Sand. Deputy Attorney General Mira Tolk, who appeared for the "
        "state, said he could flee. Ada Brun, who appeared for the defence, disagreed. The "
        "Attorney General, Kurt Vale, later commented on the case.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Mira Tolk"] == ["prosecutor"]  # in court for the state, not an official too
    assert roles["Ada Brun"] == ["lawyer"]
    assert roles["Kurt Vale"] == ["official", "prosecutor"]  # the post alone: both


def test_relatives_are_kin_of_the_one_the_appeal_is_about() -> None:
    text = (
        "10 March 2024\n\nZembla: Defender Sara Holm detained\n\nOn 2 March 2024, police "
        "arrested the defender Sara Holm in Vard. Sara Holm's brother Jon Holm was questioned. "
        "Lina Berg, Sara Holm's sister-in-law, was summoned. Sara Holm had documented the "
        "case of the teacher Ivo Tamm, whose father, Judge Karl Tamm, was dismissed in 2020. "
        "Ola Ruud, Ivo Tamm's sister, filed a complaint. Sara Holm is in custody.\n"
    )
    rec = extract_case(text, appeal_id="t")
    roles = {p["name"]: p["roles"] for p in rec["persons"] if p["name"]}
    assert "relative" in roles["Jon Holm"]
    assert roles["Lina Berg"] == ["relative"]
    assert roles["Karl Tamm"] == ["judge"]  # the father of a third party: no relative
    assert "relative" not in roles["Ola Ruud"]


def test_post_key_gate_finds_what_the_pattern_finds() -> None:
    """The words of a state post are looked for in a lower-case copy before the pattern runs:
    the result is what ``POST_KEY.search`` gives, for each word in any case, inside longer
    words, next to underscores and with letters outside ASCII (which the gate leaves to the
    pattern)."""
    import random

    from kg.extract.roles import POST_KEY, _post_key

    words = ["head", "chief", "director", "spokesperson", "spokesman", "spokeswoman", "secretary",
             "commissioner", "inspector", "public defender", "Public  Defender", "ombudsman",
             "minister", "governor", "mayor", "rapporteur", "representative", "superintendent",
             "king", "queen", "emir", "sultan"]  # fmt: skip
    pieces = ["the ", " of ", ", ", "x", "_", "s", "-", "\n", "İ", "ſ", "K", "é", "Ana Lee "]
    rng = random.Random(5)
    texts = ["", "the Governor of Vela, ", "HEAD", "Kingdom", "the kings", "miniſter"]
    for w in words:
        texts += [w, w.upper(), w.title(), f"the {w} ", f"x{w}", f"{w}_", f"vice-{w}"]
    for _ in range(3000):
        texts.append("".join(rng.choice(pieces + words) for _ in range(rng.randrange(8))))
    found = 0
    for text in texts:
        want = POST_KEY.search(text)
        got = _post_key(text)
        assert (got and got.span()) == (want and want.span()), repr(text)
        found += want is not None
    assert found > 100


COLLEAGUES = {
    "lawyers": """4 May 2024

Vela: Human rights lawyer Ines Varga arrested

On 2 May 2024, police arrested human rights lawyer Ines Varga in Ostra. Ines Varga was
charged with fraud. The court remanded Ines Varga for two months. Their colleague Teo Brun
was detained on 3 May 2024. Ines Varga has defended many activists.
""",
    "journalist": """9 June 2023

Vela: Journalist Rafe Omar arrested

On 6 June 2023, police arrested journalist Rafe Omar at his office in Ostra, according to
his colleague Nadia Kerr. Omar was charged with spreading false news. Omar is held in
Ostra prison. Omar's lawyer appealed.
""",
    "defender": """9 June 2023

Vela: Defender Rafe Omar arrested

On 6 June 2023, police arrested human rights defender Rafe Omar at his office in Ostra, and
his colleague Nadia Kerr. Omar was charged with spreading false news. Omar is held in
Ostra prison. Omar's lawyer appealed.
""",
}


@pytest.mark.parametrize(
    ("case", "want"),
    [
        ("lawyers", ["defender", "lawyer"]),
        ("journalist", ["journalist"]),
        ("defender", ["defender"]),
    ],
)
def test_colleague_works_as_the_one_the_appeal_is_about(case: str, want: list[str]) -> None:
    """A colleague named with no word for their own work shares the line of work of the one
    the appeal is about: a lawyer's colleague is a lawyer, a journalist's a journalist."""
    rec = extract_case(COLLEAGUES[case], appeal_id=f"t-colleague-{case}")
    roles = {p["name"]: p["roles"] for p in rec["persons"] if p["name"]}
    colleague = "Teo Brun" if case == "lawyers" else "Nadia Kerr"
    assert roles[colleague] == want, roles


def test_attorney_in_lower_case_pleads_and_a_district_attorney_prosecutes() -> None:
    text = (
        "14 May 2024\n\nZembla: Defender Ilka Varo detained\n\n"
        "On 2 May 2024, police arrested human rights defender Ilka Varo in Port Dune. Her "
        "attorney, Bruno Tallis, said she had not been told the charges. District attorney "
        "Otto Reem asked the court to keep her in custody. The deputy attorney general, Lisa "
        "Crane, defended the arrest.\n"
    )
    rec = extract_case(text, appeal_id="t-attorney")
    roles = {p["name"]: p["roles"] for p in rec["persons"] if p["name"]}
    assert roles["Bruno Tallis"] == ["lawyer"]
    assert roles["Otto Reem"] == ["prosecutor"]
    assert "lawyer" not in roles["Lisa Crane"] and "defender" not in roles["Lisa Crane"]


def test_a_title_between_two_names_is_the_second_ones() -> None:
    text = (
        "14 May 2024\n\nZembla: Writer Ilka Varo sentenced\n\n"
        "On 2 May 2024, the Port Dune City Court sentenced writer Ilka Varo to three years. "
        "According to her husband, Bruno Varo, the judge, Otto Reem, refused to hear witnesses. "
        "Lisa Crane, the prosecutor, had asked for five years.\n"
    )
    rec = extract_case(text, appeal_id="t-next-name")
    roles = {p["name"]: p["roles"] for p in rec["persons"] if p["name"]}
    assert roles["Bruno Varo"] == ["relative"]
    assert roles["Otto Reem"] == ["judge"]
    assert roles["Lisa Crane"] == ["prosecutor"]  # a title after the last name stays its own


def test_a_plural_title_of_a_body_set_off_by_a_comma_opens_a_list() -> None:
    text = (
        "9 June 2024\n\nZembla: Clinic staff held\n\nOn 3 June 2024, police arrested Ms. Ana "
        "Lorvik, director of the Vela Legal Clinic, and two lawyers of the clinic, Ms. Mira Tosk "
        "and Mr. Ivo Sand. Officers also held the reporters with the weekly Vela Times, Oren Falk "
        "and Lida Marsh.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert "lawyer" in roles["Mira Tosk"] and "lawyer" in roles["Ivo Sand"]
    assert "journalist" in roles["Oren Falk"] and "journalist" in roles["Lida Marsh"]
    assert "lawyer" not in roles["Ana Lorvik"]


def test_kin_of_someone_described_are_relatives_not_what_the_description_says() -> None:
    text = (
        "9 March 2025\n\nZembla: Defender's family harassed\n\nOn 3 March 2025, police arrested "
        "the defender Anna Velkova. The sons of the detained lawyer, Omar and Yusuf Tarkan, were "
        "summoned twice. The brother of the youth leader, Piotr Velkov, was dismissed. Her "
        "husband, the engineer Marek Holm, was questioned. A fourth person, Lina Osk, the "
        "daughter of a retired judge, Emil Osk, was arrested. The judge, Ivo Brandt, refused "
        "bail. Her former husband, the teacher Karl Holm, was not questioned.\n"
    )
    persons = {p["name"]: p for p in extract_case(text, appeal_id="t-kin")["persons"]}
    for name in ("Omar Tarkan", "Yusuf Tarkan", "Piotr Velkov", "Marek Holm", "Emil Osk"):
        assert persons[name]["roles"] == ["relative"], name
    assert persons["Omar Tarkan"]["gender"] == "male"
    assert persons["Marek Holm"]["gender"] == "male"
    # the description set off after "Lina Osk, the daughter of" is Emil Osk's, not his gender
    assert persons["Emil Osk"]["gender"] == "unknown"
    assert persons["Ivo Brandt"]["roles"] == ["judge"]  # a post with no kin before it
    assert "relative" not in persons["Karl Holm"]["roles"]  # a former spouse is no kin


def test_a_post_with_what_it_is_in_charge_of_before_the_name() -> None:
    text = (
        "3 May 2025\n\nZembla: Defender held\n\nOn 3 May 2025, police arrested the defender "
        "Anna Velkova. The prosecutor in charge of the case, Mr. Edgar Lind, requested her "
        "detention. An investigating judge at the counterterrorism judicial unit, Karim Osk, "
        "ordered her held. The judge of the Vela District Court, Ana Sill, refused bail.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Edgar Lind"] == ["prosecutor"]
    assert roles["Karim Osk"] == ["judge"]
    assert roles["Ana Sill"] == ["judge"]  # a body named after the post: as before


def test_a_post_of_a_civil_body_named_by_its_common_noun_is_no_official() -> None:
    text = (
        "20 June 2026\n\nZembla: Release coalition members\n\nPolice arrested seven members of "
        "the Vela Rights Coalition on 13 June 2026. Those arrested are the coalition's "
        "spokesperson, Tendai Moyo; its treasurer, Rudo Banda; and five volunteers. The "
        "ministry's spokesperson, Ivo Sand, defended the arrests. The Minister of Home Affairs, "
        "Kuda Mhlanga, accused the coalition.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Tendai Moyo"] == ["defender"]
    assert roles["Ivo Sand"] == ["official"]  # a ministry is no civil body
    assert roles["Kuda Mhlanga"] == ["official"]


def test_a_co_defendant_described_and_a_complainant_by_post_of_a_named_company() -> None:
    text = (
        "3 March 2026\n\nZembla: Poet sentenced\n\nJudge Ivo Rakh found the poet Lina Varo "
        "guilty. Her co-defendant, the translator Jasur Erg, received a suspended sentence. "
        "Lina Varo was also suspended from her union on a complaint filed by the general "
        "manager of Aguas del Valle S.A., Mr. Rodrigo Herr, who accused her of lying.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Jasur Erg"] == ["other"]
    assert roles["Rodrigo Herr"] == ["complainant"]
    assert roles["Ivo Rakh"] == ["judge"]


def test_maitre_is_a_lawyers_style_and_a_clerical_rank_no_part_of_a_name() -> None:
    text = (
        "4 May 2026\n\nZembla: Defender and her lawyer held\n\nOn 2 May 2026, police arrested "
        "the defender Ana Velk. Her lawyer, Maître Jules Karo, was arrested the next day. "
        "Me Lise Ombe represented the family. The prosecutor of Vela, Hojatoleslam Reza Taln, "
        "charged them with rebellion.\n"
    )
    persons = {p["name"]: p for p in extract_case(text, appeal_id="t")["persons"]}
    assert persons["Jules Karo"]["roles"] == ["defender", "lawyer"]  # a lawyer arrested
    assert persons["Lise Ombe"]["roles"] == ["lawyer"]
    assert persons["Reza Taln"]["roles"] == ["prosecutor"]
    assert not any(n.startswith(("Maître", "Hojatoleslam")) for n in persons)


def test_a_post_of_a_body_the_text_names_takes_its_side_from_the_bodys_kind() -> None:
    text = (
        "9 May 2026\n\nZembla: Release the staff of the Vela Courier\n\nOn 2 May 2026, officers "
        "of the Zembla Security Bureau (ZSB) arrested the founder of the Vela Courier "
        "newspaper, Tom Reed, and the legal representative of the Vela Rights Association, "
        "Ms. Ana Lind. The Deputy Chairman of the ZSB, Ivo Marek, told a press conference that "
        "both had been paid from abroad. The head of the Vela Rights Association, Omar Sill, "
        "was questioned.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Ivo Marek"] == ["official"]  # a post of a security service, by its acronym
    assert roles["Ana Lind"] == ["defender"]  # a post of an association
    assert roles["Omar Sill"] == ["defender"]
    assert roles["Tom Reed"] == ["journalist"]  # a post of a newspaper


def test_a_list_after_among_them_a_lawyer_engaged_by_the_family_and_a_minister_of_portfolios() -> (
    None
):
    text = (
        "5 May 2026\n\nZembla: Release the protesters\n\nOn 3 May 2026, police detained twelve "
        "people at a protest in Vela. Among them are Ana Lind, the director of the Vela Youth "
        "Network; and two students, Omar Sill and Petra Lasko. The lawyer engaged by the "
        "families, Mr. Ivo Brandt, was refused access. The Minister of the Interior, Public "
        "Order and Religious Affairs, Mr. Karl Weiss, called the protesters paid agents. Tom "
        "Reed, a teacher, was at the protest as well; Lena Ost said so.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Omar Sill"] == ["defender"]  # listed after the sentence on the detentions
    assert roles["Petra Lasko"] == ["defender"]
    assert roles["Ivo Brandt"] == ["lawyer"]  # acts for the families
    assert roles["Karl Weiss"] == ["official"]
    assert "defender" not in roles["Lena Ost"]  # in a sentence that tells of no detention


def test_the_head_of_an_outlet_spoken_of_as_its_head_is_a_journalist() -> None:
    text = (
        "9 May 2026\n\nZembla: Founder of an outlet detained\n\nOn 2 May 2026, officers of "
        "the State Security Service searched the office of the online outlet Vela Media and "
        "detained its founder, "
        "Tom Reed. On 4 May, police raided the Vela Rights Association and arrested its "
        "director, Ana Lind.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Tom Reed"] == ["journalist"]
    assert roles["Ana Lind"] == ["defender"]  # the head of an association: as before


def test_both_of_two_named_before_were_questioned_as_witnesses_are_witnesses() -> None:
    text = (
        "9 May 2026\n\nZembla: Editor detained\n\nOn 2 May 2026, police detained the editor Tom "
        "Reed. The presenter Ana Lind and the accountant Omar Sill were questioned as witnesses "
        "the same night. Petra Lasko and Ivo Brandt were questioned too.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert "witness" in roles["Ana Lind"]  # the first of the two
    assert "witness" in roles["Omar Sill"]
    assert "witness" not in roles["Petra Lasko"]  # questioned, not as a witness


def test_kin_named_after_nephews_or_nieces_of_a_described_person_are_relatives() -> None:
    text = (
        "9 May 2026\n\nZembla: Lawyer detained\n\nOn 2 May 2026, police arrested Ana Lind, a "
        "lawyer with the Vela Legal Centre. On 5 May, police held the nephews of the lawyer, "
        "Tomas and Elio Brandt, for five hours. The nieces of the judge, Mira Kell and Dora "
        "Kell, were summoned.\n"
    )
    persons = {p["name"]: p for p in extract_case(text, appeal_id="t")["persons"] if p["name"]}
    # the kinship noun governs "the lawyer" / "the judge": the names are the kin, not the post
    assert persons["Tomas Brandt"]["roles"] == ["relative"]
    assert persons["Elio Brandt"]["roles"] == ["relative"]
    assert persons["Tomas Brandt"]["gender"] == "male"
    assert persons["Mira Kell"]["roles"] == ["relative"]
    assert persons["Dora Kell"]["roles"] == ["relative"]


def test_counsel_before_a_name_a_district_commissioner_and_a_rank_of_justice() -> None:
    text = (
        "9 May 2026\n\nZembla: Four defenders charged\n\nOn 2 May 2026, police arrested four "
        "members of the Vela Land Alliance. Their lawyers, Counsel Hope Marr and Counsel Peter "
        "Olin, were allowed to see them for ten minutes. The Resident District Commissioner of "
        "Tarn, Mr. Olwen Brisk, called them agents of foreigners. The investigator, Major of "
        "Justice K.L. Varno, told them that they were suspects.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Hope Marr"] == ["lawyer"]
    assert roles["Peter Olin"] == ["lawyer"]
    assert roles["Olwen Brisk"] == ["official"]
    assert roles["K.L. Varno"] == ["official"]


def test_the_people_of_a_body_listed_after_a_colon_take_the_role_its_kind_gives() -> None:
    text = (
        "9 May 2026\n\nZembla: Relief workers charged\n\nOn 2 May 2026, prosecutors charged four "
        "workers of the Vela Relief Centre (VRC), which had sheltered the family: its director, "
        "Ana Lind; two social workers, Dora Fink and J.R. Mendel; and its driver, Noel Brandt. "
        "On 4 May, police detained three staff of the outlet Tarn Media: its editor, Ivo Sand; "
        "and two drivers, Omar Sill and Petra Lasko. Police also questioned Mira Kell.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    for name in ("J.R. Mendel", "Noel Brandt", "Dora Fink"):
        assert roles[name] == ["defender"], name
    assert roles["Omar Sill"] == ["journalist"]  # an outlet's people report
    assert roles["Petra Lasko"] == ["journalist"]
    assert roles["Mira Kell"] != ["journalist"]  # the list ends with its sentence


def test_a_lawyer_in_apposition_who_was_sentenced_is_a_defender_too() -> None:
    text = (
        "9 May 2026\n\nZembla: Blogger jailed\n\nOn 2 May 2026, the Tarn District Court "
        "sentenced Tom Reed to eight years. His lawyer, Saodat Rahim, was sentenced to three "
        "years the same day. His other lawyer, Ivo Marek, said he would appeal.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Saodat Rahim"] == ["defender", "lawyer"]
    assert roles["Ivo Marek"] == ["lawyer"]  # acts for his client, nothing done to him


def test_two_kin_set_off_by_commas_and_questioned_as_witnesses_are_both_witnesses() -> None:
    text = (
        "9 May 2026\n\nZembla: Editor held\n\nOn 3 May 2026, police arrested Tom Reed. His "
        "daughter, Ms. Nadia Reed, and his son-in-law, Mr. Pavel Kursk, who live in Tarn, were "
        "questioned as witnesses on 4 May. Ivo Sand, and Mira Kell were summoned.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Nadia Reed"] == ["relative", "witness"]  # the first of the two
    assert roles["Pavel Kursk"] == ["relative", "witness"]
    assert "witness" not in roles["Ivo Sand"]  # summoned, not as a witness


def test_the_spanish_style_of_a_graduate_before_a_lawyers_name_is_no_bar_to_the_title() -> None:
    text = (
        "9 May 2026\n\nZembla: Poet arrested\n\nOn 3 May 2026, agents arrested the poet Tom "
        "Reed. His lawyer, licenciado Ramón Iglesias Ortega of the Bufete Colectivo de Tarn, "
        "said that he will appeal. Her lawyer, Lic. Ana Paz, agreed.\n"
    )
    persons = {p["name"]: p for p in extract_case(text, appeal_id="t")["persons"]}
    assert persons["Ramón Iglesias Ortega"]["roles"] == ["lawyer"]
    assert persons["Ana Paz"]["roles"] == ["lawyer"]
    assert "licenciado Ramón Iglesias Ortega" not in persons


def test_one_named_in_an_apposition_before_a_verb_of_telling_is_its_speaker() -> None:
    # "Her counsel, advocate X, told ...", "The head of the Bar, Y, called the arrest ...": the
    # sentence's trial and arrest are not done to the one who speaks of them
    text = (
        "9 May 2026\n\nZembla: Defender on trial\n\nOn 3 May 2026, police arrested Tom Reed. "
        "Her counsel, advocate Lina Dorr, told reporters that the trial had no end in sight. "
        "The President of the Tarn Bar, Maître Ivo Sand, called the arrest of Mr. Reed an "
        "attack on the defence.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Tom Reed"] == ["defender"]
    assert roles["Lina Dorr"] == ["lawyer"]
    assert "defender" not in roles["Ivo Sand"]


def test_a_member_of_a_named_state_body_is_an_official_of_a_civil_one_a_defender() -> None:
    text = (
        "9 May 2026\n\nZembla: Lawyer held\n\nOn 3 May 2026, police arrested Tom Reed. A member "
        "of the Tarn Rights Network, Ivo Sand, was arrested with him. A member of the National "
        "Council for Human Rights, Dr. Lena Ott, said on television that the report contained "
        "lies.\n"
    )
    rec = extract_case(text, appeal_id="t")
    roles = {p["name"]: p["roles"] for p in rec["persons"]}
    kinds = {o["name"]: o["kind"] for o in rec["organisations"]}
    assert kinds["National Council for Human Rights"] == "government"  # a state's institution
    assert roles["Lena Ott"] == ["official"]
    assert roles["Ivo Sand"] == ["defender"]


def test_a_post_after_the_name_held_in_a_civil_body_named_before_it_is_a_defenders() -> None:
    text = (
        "15 May 2023\n\nZendaria: Defenders detained\n\nThe Observatory has been informed about "
        "the detention of Mr. Ali Reza, a member of the Zendarian Organisation for Human Rights "
        "(ZOHR), and about the judicial harassment against Mr. Fathi Zaki, ZOHR's President. "
        "Ms. Hoda Samir, the Association's Vice-President, was summoned. Mr. Omar Haddad, the "
        "Republic's President, and Ms. Rana Bakr, Zendaria's Minister of Justice, were informed.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Fathi Zaki"] == ["defender"]
    # a post of the state, named after its state, stays an official's
    assert roles["Omar Haddad"] == ["official"]
    assert roles["Rana Bakr"] == ["official"]


def test_one_who_testified_in_a_relative_clause_is_a_witness() -> None:
    text = (
        "Zendaria: Defender detained\n\n15 May 2023\n\nAli Reza, a human rights defender, was "
        "arrested on 2 May. Karim Said, who testified against him, later said he had been "
        "coerced. Omar Adly, who later gave evidence for the prosecution, was paid. Sami Nour, "
        "who was tried with him, was acquitted.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Karim Said"] == ["witness"]
    assert roles["Omar Adly"] == ["witness"]
    assert "witness" not in roles["Sami Nour"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Omar Adly, Kastra's police chief, ordered the arrest.",
        "Omar Adly, head of the investigation team, questioned him.",
        "Omar Adly, an officer of the State Security Service, questioned him.",
    ],
)
def test_a_state_agent_described_in_an_apposition_who_acts_is_an_official(sentence: str) -> None:
    text = (
        "Zendaria: Defender detained\n\n15 May 2023\n\nAli Reza, a human rights defender, was "
        f"arrested on 2 May. {sentence}\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Omar Adly"] == ["official"]


def test_one_apposed_to_a_civil_body_who_acts_is_no_official() -> None:
    text = (
        "Zendaria: Defender detained\n\n15 May 2023\n\nAli Reza, a human rights defender, was "
        "arrested on 2 May. Omar Adly, a member of the Kastra Legal Centre, questioned him about "
        "his work. Sara Nour, a fellow activist, arrested him in a citizen's arrest.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert "official" not in roles["Omar Adly"]
    assert "official" not in roles["Sara Nour"]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("The editor of the Kastra Times, Omar Adly, was also detained.", "journalist"),
        ("The editor-in-chief of Radio Kastra, Omar Adly, was also detained.", "journalist"),
        ("The chairperson of the Kastra Legal Centre, Omar Adly, was also detained.", "defender"),
        ("The investigating officer, Omar Adly, questioned him.", "official"),
        ("Security agent Omar Adly beat him.", "official"),
        ("The arresting officer, Omar Adly, testified.", "official"),
    ],
)
def test_a_newsroom_post_or_an_officer_named_before_the_name(sentence: str, role: str) -> None:
    text = (
        "Zendaria: Defender detained\n\n15 May 2023\n\nAli Reza, a human rights defender, was "
        f"arrested on 2 May. {sentence}\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Omar Adly"] == [role]


def test_a_clause_after_a_name_that_speaks_of_lawyers_makes_no_lawyer_of_it() -> None:
    text = (
        "9 May 2026\n\nZembla: Lawyers held\n\nOn 2 May 2026, police arrested the lawyers Tom "
        "Reed and Ivo Sand in Tarn. The public prosecutor, Nadia Brek, said the lawyers had "
        "insulted a judge. Pavel Sorn, a lawyer with the Tarn Bar, was also arrested.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Nadia Brek"] == ["prosecutor"]  # "X, said the lawyers ...": a clause
    assert "defender" in roles["Pavel Sorn"]  # "X, a lawyer with ...": an apposition


def test_a_given_name_that_is_a_title_word_gives_no_role() -> None:
    text = (
        "9 May 2026\n\nZembla: Paralegals held\n\nOn 2 May 2026, police arrested a community "
        "paralegal, Mr. Justice Obura, in Tarn. The prosecutor charged Justice Obura with "
        "incitement on 4 May. Judge Ivo Sand refused bail.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Justice Obura"] == ["defender"]  # "Justice" is his name, no judge's title
    assert roles["Ivo Sand"] == ["judge"]


def test_a_police_commissioner_named_with_the_post_before_is_an_official() -> None:
    text = (
        "9 May 2026\n\nZembla: Activist held\n\nOn 2 May 2026, police arrested Tom Reed in "
        "Tarn. Police commissioner Ivo Marek told state media that Reed was under "
        "investigation. The country's police commissioner-general, Pavel Sorn, should order "
        "an inquiry. Reed's friend Nadia Brek was at the station.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Ivo Marek"] == ["official"]  # capitalised: "Police commissioner X"
    assert roles["Pavel Sorn"] == ["official"]  # "commissioner-general, X"
    assert "official" not in roles["Nadia Brek"]


def test_a_speaker_with_a_post_in_a_civil_body_is_other() -> None:
    text = (
        "9 May 2026\n\nZembla: Writer jailed\n\nVela Watch condemns the sentence. On 2 May "
        "2026, the Tarn City Court sentenced the writer Tom Reed to five years. "
        '"Reed is jailed for his words," said Ana Lind, Chair of Vela Watch\'s Writers '
        "Committee. Ivo Sand, the President of the Tarn Bar Association, called the verdict "
        '"a disgrace". Pavel Sorn, head of the Interior Ministry\'s press service, said that '
        "the trial was fair.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Ana Lind"] == ["other"]  # a committee of an NGO, not of the state
    assert roles["Ivo Sand"] == ["other"]  # "called the verdict “...”": a speaker
    assert roles["Pavel Sorn"] == ["official"]


def test_counsel_in_lower_case_before_a_name_is_a_lawyers_title() -> None:
    text = (
        "9 May 2026\n\nZembla: Activist held\n\nOn 2 May 2026, police arrested Tom Reed in "
        "Tarn. On 4 May, his counsel, Ivo Sand, told reporters that Reed had been beaten. "
        "Legal counsel Nadia Brek asked to see him.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Ivo Sand"] == ["lawyer"]  # "his counsel, X": acts for Reed
    assert "lawyer" in roles["Nadia Brek"]


def test_the_head_of_a_body_named_in_a_relative_clause_after_it_takes_its_side() -> None:
    text = (
        "9 May 2026\n\nZembla: Groups dissolved\n\nOn 2 May 2026, the Ministry of the Interior "
        "cancelled the legal status of the Tarn Women's Association (TWA), whose president, "
        "Ana Lind, left the country. The Zembla Daily (ZD) newspaper, whose editor, Ivo Sand, "
        "was questioned, was closed.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Ana Lind"] == ["defender"]  # the head of a civil group
    assert roles["Ivo Sand"] == ["journalist"]  # the editor of an outlet


def test_its_head_after_an_outlet_told_by_its_noun_is_a_journalist() -> None:
    text = (
        "9 May 2026\n\nZembla: Editors sentenced\n\nOn 2 May 2026, the Tarn court sentenced "
        "the poet Tom Reed for poems published by the magazine. The magazine's editor, Ana "
        "Lind, and its co-founder, Ivo Sand, received three years each. The league's "
        "treasurer, Nadia Brek, and its founder, Pavel Sorn, were fined.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Ivo Sand"] == ["journalist"]  # "its" stands for the magazine
    assert "journalist" not in roles["Pavel Sorn"]  # "its" stands for the league


def test_a_minister_of_religion_after_a_name_is_no_official() -> None:
    text = (
        "9 May 2026\n\nZembla: Priest abducted\n\nOn 2 May 2026, Tom Reed, a lay minister of a "
        "parish in Tarn, was taken from his home by men in plain clothes. Ivo Sand, the "
        "interior minister, denied it.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert "official" not in roles["Tom Reed"]  # a minister of religion
    assert roles["Ivo Sand"] == ["official"]


def test_a_post_in_lower_case_set_off_before_the_name_is_an_official() -> None:
    # "a senator, X", "the local council chairman, X": the post, a comma, then who holds it
    text = (
        "5 June 2025\n\nZembla: Reporter detained\n\nAna Lee reported that a senator, Tom "
        "Reed, had diverted funds. On 3 May 2025, men led by the local council chairman, Ivo "
        "Sand, attacked her office.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Tom Reed"] == ["official"]
    assert roles["Ivo Sand"] == ["official"]


def test_a_newsroom_post_with_a_possessive_before_it_makes_a_journalist() -> None:
    text = (
        "5 June 2025\n\nZembla: Reporter detained\n\nOn 3 May 2025, police arrested the reporter "
        "Ana Lee. Her editor at the Zenda Times, Tom Reed, said the outlet had been warned.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Tom Reed"] == ["journalist"]


def test_one_who_files_a_petition_is_a_complainant() -> None:
    text = (
        "5 June 2025\n\nZembla: Student missing\n\nOn 3 May 2025, men in plain clothes took "
        "Ana Lee from her hostel. Her father, Tom Reed, filed a petition with the Zenda High "
        "Court on 5 May 2025.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert "complainant" in roles["Tom Reed"]


def test_a_partner_named_in_spanish_is_a_relative() -> None:
    text = (
        "5 June 2025\n\nZembla: Defender threatened\n\nOn 3 May 2025, police arrested the "
        "activist Ana Lee. Her compañero, Tom Reed, was threatened by two armed men.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Tom Reed"] == ["relative"]


def test_who_tells_what_agents_of_the_state_did_is_a_witness() -> None:
    text = (
        "20 May 2025\n\nZembla: Activist held\n\nActivist Rina Holm was arrested on 1 May 2025. "
        "A former cellmate, Ada Brun, told the Vela Rights Network that interrogators had beaten "
        "her. Teo Varga, who was held with her, said that the guards took her notebooks. Ivo "
        "Sand said that the arrest was unlawful.\n"
    )
    roles = _roles(text, "t-tells")
    assert roles["Ada Brun"] == ["witness"]
    assert roles["Teo Varga"] == ["witness"]
    assert "witness" not in roles["Ivo Sand"]  # tells no act of the state's agents
    assert roles["Rina Holm"] == ["defender"]


def test_a_lawyer_named_by_a_possessive_acts_for_others_unless_himself_arrested() -> None:
    text = (
        "20 May 2025\n\nZembla: Journalists held\n\nPolice arrested the journalists Ivo Sand and "
        "Teo Varga on 2 May, according to the journalists' lawyer, Rosa Lind. At their trial the "
        "court granted his lawyer, Me Ada Brun, a postponement. When the group's lawyer, Omar "
        "Holm, went to the station to see his clients, he was himself arrested.\n"
    )
    roles = _roles(text, "t-poss")
    assert roles["Rosa Lind"] == ["lawyer"]  # a plural noun's possessive
    assert roles["Ada Brun"] == ["lawyer"]  # the possessive before the style of address
    assert roles["Omar Holm"] == ["defender", "lawyer"]  # "he was himself arrested"


def test_a_complaint_filed_by_an_officer_described_with_an_acronym_and_a_rank() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nIvo Sand was arrested on 3 May 2021. The complaint "
        "was filed by a VPS officer, Major Teo Varga. The report was written by a VPS officer, "
        "Captain Ada Brun.\n"
    )
    roles = _roles(text, "t-rank")
    assert "complainant" in roles["Teo Varga"]
    assert "complainant" not in roles["Ada Brun"]


def test_the_post_of_the_body_named_last_in_a_list_of_those_held() -> None:
    text = (
        "12 May 2021\n\nZembla: Raid\n\nPolice arrested the director, Ada Brun, on 2 May 2021. "
        "On 3 May 2021 police searched the office of the Vela Courier newspaper and detained its "
        "founder, Ivo Sand; the director, Teo Varga; and a driver.\n"
    )
    roles = _roles(text, "t-the-post")
    assert roles["Teo Varga"] == ["journalist"]
    assert "journalist" not in roles["Ada Brun"]  # no body named before


def test_a_speaker_named_between_a_quote_and_its_verb_is_the_issuers_staff() -> None:
    text = (
        "12 May 2021\n\nZembla: Activist charged\n\nPolice arrested the activist Ivo Sand on 3 May "
        "2021. “The charges must be dropped,” said Ada Brun, researcher at Vela Watch. “He is held "
        "for his work,” Brun said. Teo Varga was arrested with him and Varga said nothing.\n"
    )
    roles = _roles(text, "t-quote")
    assert roles["Ada Brun"] == ["other"]
    assert roles["Teo Varga"] == ["defender"]  # no quote closed before the name


def test_summoned_by_a_named_body_for_questioning_as_a_witness() -> None:
    text = (
        "12 May 2021\n\nZembla: Defender held\n\nPolice arrested the activist Ivo Sand on 3 May "
        "2021. Since her arrest, Ada Brun, a lawyer at her organisation, has been summoned by the "
        "State Security Committee for questioning as a witness. Teo Varga has been summoned by the "
        "State Security Committee for questioning.\n"
    )
    roles = _roles(text, "t-summoned")
    assert "witness" in roles["Ada Brun"]
    assert "witness" not in roles["Teo Varga"]


def test_a_quoted_speaker_with_a_post_in_a_civil_body_named_last_is_other() -> None:
    text = (
        "12 May 2021\n\nZembla: Poet held\n\nPolice arrested the poet Ivo Sand on 3 May 2021. "
        "“No one should go to prison for that,” said Elena Varga, Chair of the Writers in Prison "
        "Committee of Human Rights Watch. “He must be freed,” said Omar Holm, Chair of the Zembla "
        "Human Rights Commission.\n"
    )
    roles = _roles(text, "t-civil-q")
    assert roles["Elena Varga"] == ["other"]
    assert roles["Omar Holm"] == ["official"]  # a state body's post


def test_a_member_of_a_bar_is_a_lawyer() -> None:
    text = (
        "12 May 2021\n\nZembla: Lawyer held\n\nPolice arrested Ivo Sand, a member of the Vela Bar "
        "Association, at his office on 9 May 2021. Ada Brun, a member of the Vela Rights League, "
        "was arrested with him.\n"
    )
    roles = _roles(text, "t-bar")
    assert roles["Ivo Sand"] == ["defender", "lawyer"]
    assert "lawyer" not in roles["Ada Brun"]


def test_a_station_manager_is_a_journalist_not_a_police_station_director() -> None:
    text = (
        "12 May 2021\n\nZembla: Radio raided\n\nOn 3 May 2021 the National Security Service "
        "summoned the station manager, Rose Lind, and questioned her. The police station director, "
        "Teo Varga, denied the raid.\n"
    )
    roles = _roles(text, "t-station")
    assert roles["Rose Lind"] == ["journalist"]
    assert "journalist" not in roles["Teo Varga"]


def test_the_lawyer_an_appeal_is_about_is_a_defender_alone() -> None:
    # the one lawyer the appeal is about, named most often: the defender it is about
    text = (
        "12 May 2021\n\nZembla: Lawyer held\n\nOn 3 May 2021, police arrested human rights "
        "lawyer Ivo Sand in Vela. Ivo Sand was taken to Vela prison. Police searched Sand's "
        "office. Ada Brun said the arrest was unlawful. Sand remains in custody.\n"
    )
    roles = _roles(text, "t-main-law")
    assert roles["Ivo Sand"] == ["defender"]
    # near miss: a lawyer arrested with the one the appeal is about, named no more often than
    # her, is a lawyer and a defender
    text = (
        "12 May 2021\n\nZembla: Activist held\n\nOn 3 May 2021, police arrested Rina Holm and "
        "human rights lawyer Ivo Sand in Vela. Rina Holm had led a protest. Ivo Sand was beaten. "
        "Holm and Sand remain in custody.\n"
    )
    roles = _roles(text, "t-main-act")
    assert roles["Ivo Sand"] == ["defender", "lawyer"]


def test_a_lawyer_for_someone_else_who_is_charged_is_a_defender_too() -> None:
    text = (
        "12 May 2021\n\nZembla: Activist and lawyer prosecuted\n\nThe authorities should drop the "
        "charges against the activist Rina Holm and her lawyer, Ivo Sand, who represented her "
        "before the court. On 3 May 2021, police arrested Rina Holm. Sand was summoned by the "
        "police on 5 May 2021 and charged with forgery.\n"
    )
    roles = _roles(text, "t-law-held")
    assert roles["Ivo Sand"] == ["defender", "lawyer"]
    # near miss: a lawyer for someone else who is only barred from practice (a step against
    # their work, not against them) stays a lawyer
    text = (
        "12 May 2021\n\nZembla: Activist held\n\nOn 3 May 2021, police arrested the activist "
        "Rina Holm. Her lawyer, Ivo Sand, who represented her before the court, was later "
        "disbarred by the Bar Council.\n"
    )
    roles = _roles(text, "t-law-barred")
    assert roles["Ivo Sand"] == ["lawyer"]


def test_an_addressees_post_line_of_a_state_office_makes_an_official() -> None:
    text = (
        "12 June 2024\n\nZembla: Defender arrested\n\nOn 3 May 2024, police arrested Ana Lee.\n\n"
        "Appeals to:\n\nMs Marta Sosa Vela\nAttorney General and Head of the Public Ministry\n\n"
        "Mr Tomas Brek\nHuman Rights Ombudsman\n\nMs Eva Hart\nChair of the Vela Reading Club\n"
    )
    roles = _roles(text, "t-post-line")
    assert roles["Marta Sosa Vela"] == ["official"]
    assert roles["Tomas Brek"] == ["official"]
    assert "official" not in roles.get("Ana Lee", [])


def _roles(text: str, case: str) -> dict[str, list[str]]:
    return {p["name"]: p["roles"] for p in extract_case(text, appeal_id=case)["persons"]}


def test_a_post_opened_by_a_possessive_after_the_name_is_read() -> None:
    text = (
        "12 May 2021\n\nZembla: Editor charged\n\nPolice raided the office on 3 May 2021. The "
        "next day, Karim Vela, the Crown’s prosecutor at the Kastra Court of First Instance, "
        "charged the editor Omar Tazi with publishing false news.\n"
    )
    assert _roles(text, "t-crown-prosecutor")["Karim Vela"] == ["prosecutor"]


def test_the_head_of_a_local_council_is_an_official_not_a_council_for_a_cause() -> None:
    text = (
        "12 May 2021\n\nZembla: Editor fined\n\nIn March 2021 a court fined Omar Tazi for "
        "defaming Said Alami, the head of the Kastra city council, in an article. Lina "
        "Berg, the head of the Council for Civil Liberties, condemned the fine.\n"
    )
    roles = _roles(text, "t-council-head")
    assert roles["Said Alami"] == ["official"]
    assert "official" not in roles["Lina Berg"]


def test_a_state_agent_in_charge_of_a_case_before_the_name_is_an_official() -> None:
    text = (
        "12 May 2024\n\nZembla: Lawyer summoned\n\nOn 5 March 2024, the security service "
        "investigator in charge of the case, Mr. Talan Oskarov, questioned the lawyer Aida "
        "Berik for six hours.\n"
    )
    assert _roles(text, "t-investigator-in-charge")["Talan Oskarov"] == ["official"]


def test_a_given_name_first_signatory_whose_surname_is_a_head_word() -> None:
    text = (
        "12 May 2024\n\nZembla: Allegation letter\n\nOn 3 May 2024, police arrested Ana Lee.\n\n"
        "Please accept, Excellency, the assurances of our highest consideration.\n\n"
        "Ines Varga Soto\nSpecial Rapporteur on the situation of human rights defenders\n\n"
        "Min-seo Park\nChair-Rapporteur of the Working Group on Arbitrary Detention\n"
    )
    roles = _roles(text, "t-given-first")
    assert roles["Min-seo Park"] == ["official"]
    assert roles["Ines Varga Soto"] == ["official"]


def test_a_signatorys_post_names_the_body_it_is_held_in_and_runs_on_a_wrapped_line() -> None:
    # "Vice-Chair on Communications of the Working Group ...": the title, and the body the
    # text names, so that one expert signing two letters is known for the same body in both
    text = (
        "12 May 2024\n\nZembla: Allegation letter\n\nOn 3 May 2024, police arrested Ana Lee.\n\n"
        "Please accept, Excellency, the assurances of our highest consideration.\n\n"
        "Min-seo Park\nVice-Chair on Communications of the Working Group on Arbitrary "
        "Detention\n\nInes Varga Soto\nSpecial Rapporteur on the promotion and protection of "
        "the right to freedom of opinion and\nexpression\n"
    )
    record = extract_case(text, appeal_id="t-post-body")
    bodies = {o["id"]: o["name"] for o in record["organisations"]}
    posts = {
        p["name"]: [(x["title"], bodies.get(x["organisation"])) for x in p["positions"]]
        for p in record["persons"]
        if p["positions"]
    }
    assert posts["Min-seo Park"] == [
        ("Vice-Chair on Communications", "Working Group on Arbitrary Detention")
    ], posts
    assert posts["Ines Varga Soto"] == [
        (
            "Special Rapporteur on the promotion and protection of the right to freedom of "
            "opinion and expression",
            None,
        )
    ], posts


def test_a_post_whose_body_is_glossed_in_brackets_and_a_witness_described_with_of() -> None:
    text = (
        "12 May 2009\n\nZembla: Land defender charged\n\nOn 5 March 2009, Mr. Tomas Quej was "
        "brought before the Court of First Instance for Criminal Matters, Narcotics Trafficking "
        "and Smuggling of Vela. The deputy prosecutor of the Public Ministry (Ministerio Público), "
        "Ms. Ana Soto, charged him with trespass. On 8 March 2009, Mr. Diego Ramos, a member "
        "of the village who witnessed the arrest of Mr. Quej, was threatened by two armed "
        "men.\n"
    )
    record = extract_case(text, appeal_id="t-glossed-post")
    roles = {p["name"]: p["roles"] for p in record["persons"]}
    assert roles["Ana Soto"] == ["prosecutor"]
    assert roles["Diego Ramos"] == ["witness"]
    assert "Narcotics Trafficking" not in roles
    ids = {p["name"]: p["id"] for p in record["persons"]}
    charge = next(e for e in record["events"] if e["type"] == "charge")
    assert charge["targets"] == [ids["Tomas Quej"]]


def test_a_prosecutor_named_with_a_military_rank_is_the_prosecutor() -> None:
    text = (
        "3 March 2025\n\nZembla: Lawyer charged\n\nOn 1 March 2025, Ana Pereira was brought "
        "before the military prosecutor, Colonel Rui Sousa Tavares, who charged her with "
        "defamation. Captain Tomas Brandt of the army police arrested her brother.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Rui Sousa Tavares"] == ["prosecutor"]
    assert roles["Tomas Brandt"] == ["official"]


def test_one_who_has_offered_to_testify_is_a_witness() -> None:
    text = (
        "3 March 2025\n\nZembla: Leader held\n\nOn 1 March 2025, Rui Tavares, a neighbour who "
        "has agreed to testify at her trial, was threatened by two men. Ana Pereira, a "
        "neighbour who has agreed to help, was not.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Rui Tavares"] == ["witness"]
    assert roles["Ana Pereira"] != ["witness"]


def test_counsel_for_the_state_s_side_is_the_prosecutor() -> None:
    text = (
        "3 March 2025\n\nZembla: Editor charged\n\nOn 1 March 2025, Ana Pereira was charged "
        "before the Vela High Court. Counsel for the NIS, Mr. Rui Tavares, opposed bail. "
        "Counsel for the defence, Ms. Eva Lind, asked the court to release her.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert roles["Rui Tavares"] == ["prosecutor"]
    assert "prosecutor" not in roles["Eva Lind"]


def test_kin_who_was_there_and_witnessed_an_arrest_is_a_witness() -> None:
    text = (
        "3 March 2025\n\nZembla: Defenders held\n\nOn 1 March 2025, Ana Pereira was arrested at "
        "a roadblock. According to Mr Rui Tavares, the brother of Ana Pereira, who was driving "
        "and witnessed the arrest, no warrant was shown. Mr Tomas Brandt, the uncle of Ana "
        "Pereira, who was at home, said nothing.\n"
    )
    roles = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert "witness" in roles["Rui Tavares"]
    assert "witness" not in roles["Tomas Brandt"]


def test_a_post_apposed_before_a_rank_in_initials_is_the_named_persons() -> None:
    text = (
        "5 May 2024\n\nZembla: Defender arrested\n\n"
        "The Vela Regional Police Commander, SACP Ivo K. Sand, has called the group a danger to "
        "public order. Police arrested Ana Lee on 3 May 2024.\n"
    )
    record = extract_case(text, appeal_id="t-rank")
    people = {p["name"]: p["roles"] for p in record["persons"]}
    assert people["Ivo K. Sand"] == ["official"]
    # the post is his, no body's name
    assert "Vela Regional Police Commander" not in {o["name"] for o in record["organisations"]}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            # the speaker of a quote named again by a short form opening with its particle
            "“Trying students before a military judge breaks the Constitution,” said Lotte van "
            "Dijkhuizen, deputy director at Human Rights Watch. Police arrested Ana Lee on 3 May "
            "2024.\n\n“This sends a chilling message,” van Dijkhuizen said.",
            {"Lotte van Dijkhuizen": ["other"], "Ana Lee": ["defender"]},
            id="quoted-speaker-by-particle",
        ),
        pytest.param(
            # a main witness apposed before a description and the name
            "The trial of Ana Lee opened on 3 May 2024. The prosecution’s main witness, police "
            "handwriting analyst Ivo Sand, admitted that he had not read the posts.",
            {"Ivo Sand": ["witness"], "Ana Lee": ["defender"]},
            id="main-witness-described",
        ),
        pytest.param(
            # one named right after a step of her husband that opens the sentence
            "Police arrested Ivo Sand on 3 May 2024. Since her husband’s arrest, Mira Sand has "
            "received several anonymous phone calls warning her that she would be next.",
            {"Ivo Sand": ["defender"], "Mira Sand": ["relative"]},
            id="kin-after-a-step-of-theirs",
        ),
    ],
)
def test_roles_told_by_a_quote_an_apposition_or_a_step_of_kin(
    body: str, expected: dict[str, list[str]]
) -> None:
    text = f"5 May 2024\n\nZembla: Defender detained\n\n{body}\n"
    persons = extract_case(text, appeal_id="t-told")["persons"]
    assert {p["name"]: p["roles"] for p in persons if p["name"]} == expected


def test_a_kin_source_before_a_name_told_before_is_no_apposition() -> None:
    text = (
        "12 May 2024\n\nZembla: Poet held\n\nOn 3 May 2024, police arrested Tomas Berne. "
        "According to his sister, Tomas Berne, who has asthma, is held without his medicine. "
        "According to his wife, Lena Berne, he has lost weight.\n"
    )
    roles = _roles(text, "t-kin-source")
    assert "relative" not in roles["Tomas Berne"]
    assert roles["Lena Berne"] == ["relative"]


def test_a_speaker_named_after_an_ngo_programme_post_is_its_staff() -> None:
    text = (
        "12 May 2024\n\nZembla: Reporter jailed\n\nPolice arrested Omar Tazi on 3 May 2024, his "
        "editor told the Press Freedom Desk (PFD). “Nobody should be jailed for a tweet,” said "
        "PFD Programme Director Lucía Ferrer de la Cruz.\n"
    )
    roles = _roles(text, "t-programme-speaker")
    assert roles["Lucía Ferrer de la Cruz"] == ["other"]


def test_a_man_listed_before_his_mother_and_his_lawyer_is_no_relative() -> None:
    text = (
        "12 June 2024\n\nZembla: Builder held\n\nMr. Dan Orlek was arrested on 3 May 2024.\n\n"
        "Please urge the authorities to:\n\nv. Guarantee that Mr. Orlek, his mother and his "
        "lawyer face no reprisals.\n"
    )
    persons = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert "relative" not in persons["Dan Orlek"]


def test_a_post_of_an_outlet_named_in_the_possessive_is_a_journalists() -> None:
    text = (
        "12 June 2024\n\nZembla: Outlet raided\n\nOn 20 November 2023, police searched the "
        "office of the independent online outlet Vela Media. That evening, police detained "
        "Vela Media’s director, Tom Reed. On 3 May 2024, the Vela Rights Centre’s director, "
        "Ana Lee, was arrested. Ivo Sand, a regular commentator on the weekend programme of "
        "the private station Kastra FM, was summoned on 4 May 2024.\n"
    )
    persons = {p["name"]: p["roles"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert persons["Tom Reed"] == ["journalist"]
    assert persons["Ana Lee"] == ["defender"]
    assert persons["Ivo Sand"] == ["journalist"]


def _story(body: str) -> str:
    return f"12 May 2024\n\nZembla: Poet held\n\n{body}\n"


def test_lawyers_the_family_retained_or_the_defence_act_for_someone() -> None:
    got = _roles(
        _story(
            "On 3 May 2024, police arrested the poet Ivo Sand. Tom Reed and Ana Lee, lawyers "
            "of the NGO Vela Watch whom his relatives had hired, were barred from the "
            "courtroom. At the trial, the defence – lawyers Dan Orlek and Rina Holm – argued "
            "that he had written nothing."
        ),
        "t-retained",
    )
    for name in ("Tom Reed", "Ana Lee", "Dan Orlek", "Rina Holm"):
        assert got[name] == ["lawyer"], (name, got)


def test_a_sentences_line_that_opens_with_an_honorific_is_no_entry_of_a_list() -> None:
    got = _roles(
        _story(
            "On 4 November 2023, officers detained\nMs Lind along with cameraman Tom Reed, "
            "known as “Kiko”, and producer\nIvo Sand. Both men were freed a day "
            "later."
        ),
        "t-wrapped-title",
    )
    assert got["Ivo Sand"] == ["journalist"], got


def test_a_media_post_in_an_outlets_possessive_is_a_journalists() -> None:
    got = _roles(
        _story(
            "On 3 May 2024, police detained the editor Ana Lee and Tom Reed, the outlet’s "
            "camera operator. The station’s director, Ivo Sand, said the licence was valid."
        ),
        "t-outlet-post",
    )
    assert got["Tom Reed"] == ["journalist"], got
    assert got["Ivo Sand"] == ["journalist"], got


def test_a_kin_noun_of_the_other_gender_after_an_honorific_is_the_next_item_of_a_list() -> None:
    got = _roles(
        _story(
            "On 3 May 2024, police arrested the teacher Ms. Ana Lee in Vela. We call for an end "
            "to the harassment of Ms. Ana Lee, her husband and all teachers in Zembla. Mr. Tom "
            "Reed, her brother, was questioned."
        ),
        "t-kin-list",
    )
    assert "relative" not in got["Ana Lee"], got
    assert got["Tom Reed"] == ["relative"], got


def test_who_files_a_complaint_against_someone_is_its_complainant_whatever_their_post() -> None:
    got = _roles(
        _story(
            "Ana Lee spoke at a rally in Vela on 3 April 2024. Six days later, Tom Reed, head of "
            "a loyalist club that styles itself the Circle of Friends of the Zembla Crown, "
            "lodged a complaint against her with the Vela police. On 20 April 2024, police "
            "arrested Ana Lee."
        ),
        "t-complainant-post",
    )
    assert got["Tom Reed"] == ["complainant"], got
    assert got["Ana Lee"] == ["defender"], got


def test_a_defence_team_whose_names_are_set_off_by_dashes_are_lawyers() -> None:
    got = _roles(
        _story(
            "On 3 May 2024, police arrested the poet Ana Lee. She was tried on 9 May 2024. Her "
            "defence team – Rina Holm, Tom Reed and Ivo Sand – argued that the file held only "
            "poems."
        ),
        "t-defence-dashes",
    )
    assert {got[n][0] for n in ("Rina Holm", "Tom Reed", "Ivo Sand")} == {"lawyer"}, got


def test_a_post_of_a_civil_body_named_by_its_common_noun_is_a_defenders() -> None:
    got = _roles(
        _story(
            "Ana Lee founded the Vela Water Network (VWN) in 2019. On 9 April 2024, soldiers "
            "stopped the network’s coordinator, Rina Holm, on the road to Zenda and told her "
            "that she would be next."
        ),
        "t-network-post",
    )
    assert got["Rina Holm"] == ["defender"], got


def test_who_petitioned_the_police_against_a_reporter_is_the_complainant() -> None:
    got = _roles(
        _story(
            "On 11 April 2024, the Vela Post ran an article by Tom Reed about a firm "
            "owned by the businessman Ivo Sand. A week later, Sand petitioned the Chief of the "
            "Vela Police, who was asked to act against the reporter. Police arrested Tom "
            "Reed on 2 May 2024."
        ),
        "t-petitioned",
    )
    assert got["Ivo Sand"] == ["complainant"], got


def test_a_plural_title_with_a_place_after_it_gives_its_role_to_the_list_after_a_comma() -> None:
    """ "three human rights lawyers from occupied Zembla, A, B and C": the list set off by a
    comma after the title and the place it names is of lawyers."""
    text = (
        "12 May 2021\n\nZEMBLA: THREE DISBARRED\n\nOn 3 May 2021, the Bar Association stripped "
        "three human rights lawyers from occupied Zembla, Ivo Sand, Ada Brun and Tom Reed, of "
        "their status as advocates.\n"
    )
    persons = extract_case(text, appeal_id="t-plural-place-list")["persons"]
    roles = {p["name"]: p["roles"] for p in persons}
    assert all("lawyer" in roles.get(n, []) for n in ("Ivo Sand", "Ada Brun", "Tom Reed")), roles
