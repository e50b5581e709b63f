"""Provisions: every citation style, each attached to the instrument it belongs to."""

from __future__ import annotations

from kg.extract import extract_case


def _provisions(text: str) -> dict[str, list[str]]:
    record = extract_case(text, appeal_id="t")
    return {
        i["name"]: [p["article"] for p in i["provisions"]]
        for i in record["instruments"]
        if i["provisions"]
    }


LOWER = """3 March 2025

Zembla: Editor charged

On 1 March 2025, the editor Ana Pereira was charged under article 210(2) of the Penal Code and
section 12 of the Press Act. We recall articles 9, 14, 19 and 22 of the International Covenant
on Civil and Political Rights.
"""


def test_lower_case_articles_sections_and_lists() -> None:
    provs = _provisions(LOWER)
    assert provs["Penal Code"] == ["210(2)"]
    assert provs["Press Act"] == ["12"]
    assert provs["International Covenant on Civil and Political Rights"] == ["9", "14", "19", "22"]


BACK = """3 March 2025

Zembla: Lawyers tried

On 1 March 2025, the lawyer Ana Pereira was charged under Article 77 of the Criminal Code of
Zembla and under Article 12 of the Criminal Code. Zembla’s Constitution protects speech in its
Article 5, and article 9 keeps the Covenant in force. The court applied Section 40 of the Press
and Broadcasting Act; she was again charged under Section 40, which punishes libel. Her colleague
was charged under sections 21, 25-B and 31 (sedition, or insulting the state and its symbols in a
publication) of Law No. 8 of 2019 on Combating Cybercrimes, whose Article 3 punishes rumours. She
invoked principles 16 and 18 of the Basic Principles on the Role of Lawyers and Article 4 of the
Law against Hatred, for Peaceful Coexistence and Tolerance.
"""


def test_short_forms_possessors_and_pointers_back() -> None:
    provs = _provisions(BACK)
    # "the Criminal Code" after "the Criminal Code of Zembla" is the same code
    assert provs["Criminal Code of Zembla"] == ["77", "12"]
    # the owner is not part of the name; "its Article" and a later article of the sentence
    # belong to the instrument named before them
    assert provs["Constitution"] == ["5", "9"]
    # "and" inside a name; an article cited again without its instrument keeps it
    assert provs["Press and Broadcasting Act"] == ["40"]
    # a numbered law's year and subject are its name; "whose Article" points back
    assert provs["Law No. 8 of 2019 on Combating Cybercrimes"] == ["21", "25-B", "31", "3"]
    assert provs["Basic Principles on the Role of Lawyers"] == ["16", "18"]
    assert provs["Law against Hatred, for Peaceful Coexistence and Tolerance"] == ["4"]


ACRONYM = """3 March 2025

Zembla: Blogger convicted

On 1 March 2025, the blogger Ana Pereira was charged under section 44(1) of the Information and
Media Services Act, 2010 (IMS Act). The court convicted her under section 44 of the IMS Act and
article 19 of the Turkish Penal Code; the prosecutor then cited article 20 of the Penal Code.
"""


def test_and_inside_a_name_acronym_after_a_year_and_demonym_short_form() -> None:
    provs = _provisions(ACRONYM)
    assert provs["Information and Media Services Act"] == ["44(1)", "44"]
    assert provs["Turkish Penal Code"] == ["19", "20"]


FORMAL = """3 March 2025

Zembla: Defender held

We recall article 12 of the United Nations Declaration on the Right and Responsibility of
Individuals, Groups and Organs of Society to Promote and Protect Universally Recognized Human
Rights and Fundamental Freedoms.
"""


def test_formal_title_of_a_declaration() -> None:
    record = extract_case(FORMAL, appeal_id="t")
    (decl,) = [i for i in record["instruments"] if i["provisions"]]
    assert decl["name"].endswith("Universally Recognized Human Rights and Fundamental Freedoms")
    assert [p["article"] for p in decl["provisions"]] == ["12"]
    assert not [o for o in record["organisations"] if "Society" in o["name"]]


APPOSED = """3 March 2025

Zembla: Banker convicted

On 1 March 2025, a court convicted Ana Pereira under section 8(ii) of Republic Act No. 5012,
the Banking Secrecy Act of 2011.
"""


def test_numbered_law_in_apposition_and_act_year() -> None:
    record = extract_case(APPOSED, appeal_id="t")
    (act,) = [i for i in record["instruments"] if i["provisions"]]
    assert act["name"] == "Banking Secrecy Act of 2011"
    assert [p["article"] for p in act["provisions"]] == ["8(ii)"]


PARTS = """3 March 2025

Zembla: Activist charged

On 1 March 2025, Ana Pereira was charged under Part 2 of Article 174 of the Criminal Code. The
prosecutor cited paragraph 4 of Article 9 of the Constitution and ICCPR art. 19.
"""


def test_parts_first_and_an_instrument_first_named_after_its_article() -> None:
    provs = _provisions(PARTS)
    assert provs["Criminal Code"] == ["174"]
    assert provs["Constitution"] == ["9"]
    assert provs["International Covenant on Civil and Political Rights"] == ["19"]


SHORT = """3 March 2025

Zembla: Activist charged

Zembla ratified the Convention against Torture and the European Convention on Human Rights.
On 1 March 2025, the court violated paragraph 1 of Article 5 of the Convention. It also
breached Article 3 of the Constitution and the Code of Criminal Procedure, whose Article 7 bars
it.
"""


def test_one_word_short_form_is_the_one_named_last_and_the_after_and() -> None:
    provs = _provisions(SHORT)
    assert provs["European Convention on Human Rights"] == ["5"]
    assert provs["Constitution"] == ["3"]
    assert provs["Code of Criminal Procedure"] == ["7"]


BRACKETED = """3 March 2025

Zembla: Blogger held

On 1 March 2025, the blogger Ana Pereira was charged under Section 9 of the Broadcasting
(Licensing, Content, etc.) Act and Section 4 of the Public Safety (Emergency and Special
Powers) Act.
"""


def test_bracketed_words_inside_a_name() -> None:
    # several bracketed words, with commas, "and" or "etc.", are the name's, as one word is
    # ("Public Order (Amendment) Act")
    provs = _provisions(BRACKETED)
    assert provs["Broadcasting (Licensing, Content, etc.) Act"] == ["9"]
    assert provs["Public Safety (Emergency and Special Powers) Act"] == ["4"]


SANHITA = """3 March 2025

Zembla: Reporter charged

On 1 March 2025, the reporter Ana Pereira was charged under Section 152 of the Bharatiya Nyaya
Sanhita and Section 35 of the Bharatiya Nagarik Suraksha Sanhita.
"""


def test_a_sanhita_is_a_code() -> None:
    # "Sanhita" is the word for a code in the names of India's codes since 2024
    provs = _provisions(SANHITA)
    assert provs["Bharatiya Nyaya Sanhita"] == ["152"]
    assert provs["Bharatiya Nagarik Suraksha Sanhita"] == ["35"]


BRACKETED_AND = """3 March 2025

Zembla: Activists charged

On 1 March 2025, the magistrate charged Ana Pereira under section 20 of the
Press Law (Licensing and Conduct) Act. They are held in Zembla Central Prison.
"""


def test_and_inside_a_bracket_does_not_split_the_name() -> None:
    provs = _provisions(BRACKETED_AND)
    assert provs["Press Law (Licensing and Conduct) Act"] == ["20"]


BRACKETED_SHORT = """3 March 2025

Zembla: Reporter held under the Broadcasting Act

The Broadcasting Act has been used against reporters. On 1 March 2025, Ana Pereira was charged
under Section 9 of the Broadcasting (Licensing, Content, etc.) Act.
"""


def test_a_citation_names_the_bracketed_name_not_the_short_form() -> None:
    provs = _provisions(BRACKETED_SHORT)
    assert provs["Broadcasting (Licensing, Content, etc.) Act"] == ["9"]


SUBJECT_IN = """3 March 2025

Zembla: Teacher charged

On 1 March 2025, Ana Pereira was charged under Article 4 of Law No. 2019/11 on the repression of
hate speech in Zembla, and placed in pre-trial detention.
"""


def test_a_numbered_law_s_subject_ends_with_the_state_it_applies_in() -> None:
    provs = _provisions(SUBJECT_IN)
    assert provs["Law No. 2019/11 on the repression of hate speech in Zembla"] == ["4"]


REPEALED_WHOLE = """3 March 2025

Zembla: Blogger convicted

On 1 March 2025, Ana Pereira was convicted under Section 14(3) of the Computer Crimes Act and
Article 207.3, Part 2 of the Criminal Code. We call for the repeal of Section 14 of the Computer
Crimes Act and of Articles 207.3 and 280.3 of the Criminal Code.
"""

BY_PARTS = """3 March 2025

Zembla: Blogger held

On 1 March 2025, Ana Pereira was held in breach of Article 5 § 4 of the Criminal Code. Article 5
of the Criminal Code was cited by the court.
"""


def test_an_article_asked_repealed_whole_after_its_part_is_that_provision() -> None:
    provs = _provisions(REPEALED_WHOLE)
    assert provs["Computer Crimes Act"] == ["14(3)"]
    assert provs["Criminal Code"] == ["207.3, Part 2", "280.3"]
    # near miss: the whole article told again, not asked to be repealed, is one of its own
    assert _provisions(BY_PARTS)["Criminal Code"] == ["5 § 4", "5"]


SUBJECT_IN_ARTICLE = """3 March 2025

Zembla: Editor held

On 1 March 2025, Ana Pereira was arrested. Zembla's constitution guarantees freedom of the
press in article 38, and Zembla is party to the International Covenant on Civil and Political
Rights.
"""

TREATY_IN_ARTICLE = """3 March 2025

Zembla: Editor held

On 1 March 2025, Ana Pereira was arrested. The constitution was amended in 2015. Zembla is party
to the International Covenant on Civil and Political Rights, which protects expression in
article 19.
"""


def test_in_article_n_of_the_constitution_its_clause_has_for_subject() -> None:
    provs = _provisions(SUBJECT_IN_ARTICLE)
    assert provs.get("Constitution") == ["38"]
    assert "International Covenant on Civil and Political Rights" not in provs
    # near miss: a constitution of another sentence does not take the treaty's article
    provs = _provisions(TREATY_IN_ARTICLE)
    assert provs["International Covenant on Civil and Political Rights"] == ["19"]
    assert "Constitution" not in provs


def test_a_dotted_article_is_not_the_article_of_its_first_number() -> None:
    # "19.34" cited before is an article of its own: "articles 19 and 22" after a treaty are
    # the treaty's, not the code's
    provs = _provisions(
        "3 March 2025\n\nZembla: Editor fined\n\nOn 1 March 2025, a judge fined the editor Ana "
        "Pereira under article 20.3 of the Code of Minor Offences. The International Covenant "
        "on Civil and Political Rights, ratified by Zembla, bars incitement to hatred and "
        "protects assembly (articles 20 and 21).\n"
    )
    assert provs["Code of Minor Offences"] == ["20.3"]
    assert provs["International Covenant on Civil and Political Rights"] == ["20", "21"]


def test_an_article_cited_again_by_its_number_keeps_its_instrument() -> None:
    # near miss: the same number cited alone later is the code's article
    provs = _provisions(
        "3 March 2025\n\nZembla: Editor fined\n\nOn 1 March 2025, a judge fined the editor Ana "
        "Pereira under article 20.3 of the Code of Minor Offences. Zembla has ratified the "
        "International Covenant on Civil and Political Rights. On 2 March 2025, she was fined "
        "again under article 20.3.\n"
    )
    assert provs["Code of Minor Offences"] == ["20.3"]
    assert "International Covenant on Civil and Political Rights" not in provs


def test_a_law_named_again_without_its_number_is_the_same_law() -> None:
    provs = _provisions(
        "3 March 2025\n\nZembla: Editor charged\n\nOn 1 March 2025, the editor Ana Pereira was "
        "charged under section 31 of the Broadcasting and Online Media Act No. 4 of 2022. We "
        "call on the authorities to:\n1. Repeal section 31 of the Broadcasting and Online Media "
        "Act.\n"
    )
    assert provs == {"Broadcasting and Online Media Act No. 4 of 2022": ["31"]}


def test_a_law_s_number_in_brackets_is_no_instrument_of_its_own() -> None:
    record = extract_case(
        "3 March 2025\n\nZembla: Editor charged\n\nOn 1 March 2025, the editor Ana Pereira was "
        "charged under article 48 of the Penal Code (Royal Decree 3/2019) and article 6 of the "
        "Press Law (Cap. 21).\n",
        appeal_id="t",
    )
    # (a law's number in brackets right after its name is part of that name: "Cap. 21")
    assert {i["name"] for i in record["instruments"]} == {"Penal Code", "Press Law (Cap. 21)"}


def test_two_laws_of_one_name_and_two_numbers_stay_apart() -> None:
    # near miss: the short name could be either numbered law, so it is merged with neither
    provs = _provisions(
        "3 March 2025\n\nZembla: Editors charged\n\nOn 1 March 2025, Ana Pereira was charged "
        "under section 2 of the Press Act No. 4 of 2012 and Rui Sousa under section 9 of the "
        "Press Act No. 7 of 2020. Section 5 of the Press Act was repealed.\n"
    )
    assert provs["Press Act No. 4 of 2012"] == ["2"]
    assert provs["Press Act No. 7 of 2020"] == ["9"]


def test_a_section_of_an_act_is_no_article_of_the_same_number() -> None:
    provs = _provisions(
        "3 March 2025\n\nZembla: Editor held\n\nOn 1 March 2025, the editor Ana Pereira was "
        "detained under section 7(2) of the Public Safety Act. The International Covenant on "
        "Civil and Political Rights, which Zembla has ratified, protects speech and privacy "
        "(Articles 7 and 19).\n"
    )
    assert provs["Public Safety Act"] == ["7(2)"]
    assert provs["International Covenant on Civil and Political Rights"] == ["7", "19"]


def test_an_article_cited_again_alone_keeps_its_code_after_another_instrument() -> None:
    # near miss: the same citation word and number, the code named before, is the code's
    provs = _provisions(
        "3 March 2025\n\nZembla: Editor charged\n\nOn 1 March 2025, the editor Ana Pereira was "
        "charged under Article 301 of the Penal Code. The Constitution protects speech, yet "
        "Article 301 is used against journalists.\n"
    )
    assert provs == {"Penal Code": ["301"]}


def test_an_instrument_named_by_the_words_before_on_is_the_fuller_names() -> None:
    text = (
        "5 May 2024\n\nZembla: Journalist charged\n\n"
        "On 3 May 2024, Ana Lee was charged with insulting officials under article 12 of "
        "Law No. 2019-114 of 3 June 2019 on the press. Zembla ratified the African "
        "Charter on Human and Peoples’ Rights in 1990; her lawyers cite article 10 "
        "of the African Charter.\n\n"
        "We call on the authorities to:\n"
        "- Amend Law No. 2019-114 so that no one is jailed for what they write;\n"
    )
    instruments = {
        i["name"]: [p["article"] for p in i["provisions"]]
        for i in extract_case(text, appeal_id="t-fuller")["instruments"]
    }
    assert instruments["Law No. 2019-114 of 3 June 2019 on the press"] == ["12"]
    assert instruments["African Charter on Human and Peoples’ Rights"] == ["10"]
    assert not [n for n in instruments if n.startswith("Amend")]


def test_a_numbered_law_cited_by_number_and_told_later_with_its_title_is_one_law() -> None:
    got = _provisions(
        "3 March 2025\n\nZembla: Editor charged\n\nOn 1 March 2025, Ana Lee was charged under "
        "Article 31 of Decree-Law No. 2021-17.\n\nThe president issued Decree-Law No. 2021-17 "
        "on offences committed through online platforms on 2 May 2021. Its Article 31 punishes "
        "false news.\n\nWe urge the authorities to:\n- Apply Decree-Law 2011-9 to any dispute "
        "about what the press publishes;\n- Repeal Decree-Law No. 2021-17.\n"
    )
    name = "Decree-Law No. 2021-17 on offences committed through online platforms"
    assert got == {name: ["31"]}


def test_an_imperative_opening_a_demand_is_no_part_of_a_laws_name() -> None:
    record = extract_case(
        "3 March 2025\n\nZembla: Editor charged\n\nWe urge the authorities to:\n- Apply "
        "Decree-Law 2011-9 to any dispute about what the press publishes;\n- Enforce Law No. 12 "
        "of 2019 fairly.\n",
        appeal_id="t",
    )
    names = {i["name"] for i in record["instruments"]}
    assert "Law No. 12 of 2019" in names
    assert not any(n.split()[0] in ("Apply", "Enforce") for n in names), names


def test_a_laws_number_in_brackets_or_its_buddhist_era_year_is_part_of_its_name() -> None:
    got = _provisions(
        "12 May 2024\n\nZembla: Editor jailed\n\nOn 3 May 2024, Ana Lee was charged under "
        "Article 52 of the Criminal Code (Law No. 318), Article 6 of the Public Order Act "
        "[Chapter 4:17] and Section 9 of the Press Act B.E. 2551 (2008).\n"
    )
    assert got == {
        "Criminal Code (Law No. 318)": ["52"],
        "Public Order Act [Chapter 4:17]": ["6"],
        "Press Act B.E. 2551 (2008)": ["9"],
    }, got
