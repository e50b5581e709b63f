"""Bodies by pattern: missions, court branches, place-qualified police; names that are no
bodies."""

from __future__ import annotations

import pytest

from kg.extract import extract_case
from kg.extract.names import org_kind

LETTER = """3 March 2025

Zembla: Journalist sentenced

Excellency,

We write about Ana Pereira, who received the Zenda Parliament’s Lorimer Prize for Courage in
2020. On 1 March 2025, Branch 12 of the Strelsau Revolutionary Court in Tarlenheim sentenced
her. The Tarlenheim police had arrested her in January; the judge of Branch 12 of the Strelsau
Revolutionary Court refused bail. We ask Your Excellency’s Government to release her.

Special Rapporteur on the rights to freedom of peaceful assembly and of association

Rudolf Rassendyll
Special Rapporteur on minority issues

Copy to:
Permanent Mission of Zembla to the United Nations in Geneva
Embassy of Zembla to the European Union
Avenue Louise 12
"""


def _orgs(text: str) -> dict[str, dict]:
    return {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}


def test_missions_branches_and_place_police() -> None:
    orgs = _orgs(LETTER)
    assert "Permanent Mission of Zembla to the United Nations in Geneva" in orgs
    # an address line below is not part of the name
    assert "Embassy of Zembla to the European Union" in orgs
    assert "United Nations in Geneva" not in orgs
    branch = orgs["Branch 12 of the Strelsau Revolutionary Court in Tarlenheim"]
    assert branch["kind"] == "court"
    assert "Branch 12 of the Strelsau Revolutionary Court" in branch["variants"]
    assert orgs["Tarlenheim police"]["kind"] == "police"


def test_addressed_government_prizes_and_signatories_are_no_bodies() -> None:
    orgs = _orgs(LETTER)
    assert not [n for n in orgs if "Excellency" in n or "Prize" in n]
    assert "Zenda Parliament" in orgs
    assert "Rudolf Rassendyll" not in orgs


def test_kinds_by_pattern() -> None:
    from kg.extract.names import org_kind

    assert org_kind("Human Rights Council", "") == "international_org"
    assert org_kind("Inter-American Commission on Human Rights", "") == "international_org"
    assert org_kind("Parliamentary Assembly of the Council of Europe", "") == "international_org"
    assert org_kind("Ministry of the Interior", "") == "ministry"
    assert org_kind("Office of the Attorney General", "") == "prosecution"
    assert org_kind("Zenda Bar Association", "") == "other"
    assert org_kind("Zemblan People's Army", "") == "other"
    assert org_kind("Zemblan Army", "") == "security_service"
    assert org_kind("State Border Service", "") == "security_service"
    assert org_kind("Zenda Public Security Bureau", "") == "police"
    assert org_kind("National Investigation Agency", "") == "police"
    assert org_kind("European Court of Human Rights", "") == "court"
    assert org_kind("Department of Justice", "") == "ministry"
    assert org_kind("Zenda state attorney general's office", "") == "prosecution"
    assert org_kind("Mechanism for the Protection of Journalists", "") == "government"
    assert org_kind("General Directorate of Investigations", "") == "security_service"
    assert org_kind("Zenda Terrorist Organisation", "") == "other"
    assert org_kind("Penitentiary Service", "") == "other"


NARRATIVE = """3 March 2025

Zembla: Editor detained

Police arrested the editor Ana Pereira on 1 March 2025, the Committee to Protect Writers said.
Her newspaper belongs to Zenda Daily Printing Limited; the mining company Zenda Mining S.R.L.
had sued her. Officers said she belonged to the Zemblan Communist Party (Maoist). The Ministry
of Home Affairs and the Strelsau district office each opened an inquiry.
"""


def test_joined_names_companies_glosses_and_bare_police() -> None:
    orgs = _orgs(NARRATIVE)
    assert orgs["Committee to Protect Writers"]["kind"] == "ngo"
    assert orgs["Zenda Daily Printing Limited"]["kind"] == "company"
    assert orgs["Zenda Mining S.R.L."]["kind"] == "company"
    assert "Zemblan Communist Party (Maoist)" in orgs
    assert orgs["police"]["kind"] == "police"
    assert "Ministry of Home Affairs" in orgs


def test_a_name_joined_by_to_ends_where_and_names_another_body() -> None:
    text = (
        "3 March 2025\n\nZembla: Editor detained\n\nPolice arrested the editor Ana Pereira on 1 "
        "March 2025. The Committee to Protect Writers and Reporters Without Borders called for "
        "her release, and the Coalition to Defend Land and Water and the Vela Press Union joined "
        "them.\n"
    )
    orgs = _orgs(text)
    assert {"Committee to Protect Writers", "Reporters Without Borders", "Vela Press Union",
            "Coalition to Defend Land and Water"} <= set(orgs)  # fmt: skip
    # a sentence's "The" opens no body's name
    assert not any(name.startswith("The ") for name in orgs)


def test_defenders_are_people_not_the_head_of_a_bodys_name() -> None:
    # "Defenders" names people ("Kenyan human rights defenders"); a body named for them has a
    # head word of its own or is a known body
    text = (
        "3 March 2025\n\nZembla: Defender detained\n\nPolice arrested Ana Pereira on 1 March "
        "2025. Women Human Rights Defenders from the region protested, and Front Line Defenders, "
        "the Digital Defenders Partnership and the Observatory for the Protection of Human Rights "
        "Defenders condemned the arrest.\n"
    )
    orgs = _orgs(text)
    assert not any(name.startswith("Women") for name in orgs), orgs
    assert orgs["Front Line Defenders"]["kind"] == "ngo"
    assert orgs["Digital Defenders Partnership"]["kind"] == "ngo"
    assert orgs["Observatory for the Protection of Human Rights Defenders"]["kind"] == "ngo"


def test_a_short_name_in_brackets_is_no_gloss_of_the_name() -> None:
    # "(Maoist)" names a wing and is part of the name; "(Viasna)" repeats the quoted name, and
    # the name must stay the words its quote gives
    text = (
        "3 March 2025\n\nZembla: Defender detained\n\nPolice arrested Ana Pereira on 1 March "
        "2025. She works for the Human Rights Center “Viasna” (Viasna) in Strelsau.\n"
    )
    org = _orgs(text)["Human Rights Center “Viasna”"]
    assert org["evidence"][0]["quote"] == "Human Rights Center “Viasna”"
    assert "Viasna" in org["variants"]


FORCES = """3 March 2025

Zembla: Student arrested

On 1 March 2025, the Strelsau police arrested Ana Pereira, a student at the University of
Tarlenheim in Zembla, on an order of the Ministry of Foreign Affairs and International
Cooperation. The police held her for two days. Mr Hentzau, Co-Chair of the Zenda Rights
Association, protested.
"""


def test_one_named_force_ministry_portfolios_seats_and_posts() -> None:
    orgs = _orgs(FORCES)
    # "the police" after "the Strelsau police" is that force
    assert "police" not in orgs
    assert orgs["Strelsau police"]["kind"] == "police"
    assert "Ministry of Foreign Affairs and International Cooperation" in orgs
    assert "University of Tarlenheim" in orgs
    assert "Zenda Rights Association" in orgs


COURTS = """3 March 2025

Zembla: Opposition leader tried

On 1 March 2025, the Strelsau town court convicted Ana Pereira, a leader of the Zenda party,
after the Tarlenheim District Court had remanded her; the Tarlenheim court later refused bail.
The Cassation Chamber of the Supreme Court upheld the verdict. The Hentzau district
administration banned protests, and the Russian Federation said nothing.
"""


def test_lower_case_bodies_with_their_place_chambers_and_no_countries() -> None:
    orgs = _orgs(COURTS)
    assert orgs["Strelsau town court"]["kind"] == "court"
    assert orgs["Zenda party"]["kind"] == "political_party"
    assert orgs["Hentzau district administration"]["kind"] == "government"
    # "the Tarlenheim court" is the court named before, not a new one
    assert "Tarlenheim court" not in orgs and "Tarlenheim District Court" in orgs
    assert orgs["Cassation Chamber of the Supreme Court"]["kind"] == "court"
    assert "Russian Federation" not in orgs


STATES = """3 March 2025

Zembla: Lawyer disbarred

The central government and the Zemblan government backed the Minister of Justice and
Territorial Administration, who disbarred Ana Pereira of Zemblan Lawyers for Human Rights. The
Ministry of Justice of the Russian Federation for the Chechen Republic was not involved.
"""


def test_governments_by_level_and_people_lawyers_posts_and_states() -> None:
    orgs = _orgs(STATES)
    assert orgs["central government"]["kind"] == "government"
    assert orgs["Zemblan government"]["kind"] == "government"
    assert orgs["Zemblan Lawyers for Human Rights"]["kind"] == "ngo"
    assert not [n for n in orgs if n.startswith(("Minister ", "Russian Federation"))]


GLOSSED = """3 March 2025

Zembla: Union leader held

On 1 March 2025, police arrested Ana Pereira of the Zemblan Writers' Union (Unia Pisarzy
Zemblanskich Association, UPZ).
"""


def test_a_name_in_another_language_is_a_variant() -> None:
    orgs = _orgs(GLOSSED)
    union = orgs["Zemblan Writers' Union"]
    assert "Unia Pisarzy Zemblanskich Association" in union["variants"]
    assert "UPZ" in union["variants"]
    assert "Unia Pisarzy Zemblanskich Association" not in orgs


MEDIA = """3 March 2025

Zembla: Newspaper closed

On 1 March 2025, police raided Zenda Daily and the Strelsau News. Zenda Daily’s editors were
arrested; the Tarlenheim Forum protested.
"""


def test_media_and_forum_heads_and_no_possessive_in_a_name() -> None:
    orgs = _orgs(MEDIA)
    assert orgs["Zenda Daily"]["kind"] == "media"
    assert orgs["Strelsau News"]["kind"] == "media"
    assert orgs["Tarlenheim Forum"]["kind"] == "other"
    assert "Zenda Daily’s" not in orgs


BRANCHES = """3 March 2025

Zembla: Journalist convicted

On 1 March 2025, the Strelsau Trial Court Branch 12 convicted Ana Pereira. The Strelsau Trial
Court refused to hear her witnesses.
"""


def test_a_court_named_with_one_branch_is_that_branch() -> None:
    orgs = _orgs(BRANCHES)
    assert "Strelsau Trial Court" in orgs["Strelsau Trial Court Branch 12"]["variants"]
    assert "Strelsau Trial Court" not in orgs


HEADS = """4 May 2024

Zembla: Activists held

On 2 May 2024, the Strelsau Intermediate People's Court in Tarlen Province remanded Ana Pereira,
a founder of the New Dawn Movement. The Tarlen Detective Bureau and the Counter-Terrorism
Department questioned her about a report by Zorin Consulting, paid by Kolvar Holdings.
The Oliy Majlis of Zembla debated her case; it is a member
State of the Council of Europe.
"""


def test_heads_before_in_company_and_foreign_legislature_words_and_new() -> None:
    orgs = {o["name"]: o["kind"] for o in extract_case(HEADS, appeal_id="t")["organisations"]}
    # the head before "in" names the body: a court, not the province it sits in
    assert orgs["Strelsau Intermediate People's Court"] == "court"
    assert not any("Province" in n for n in orgs)
    # "New" opens a body's name; it is no header word there
    assert "New Dawn Movement" in orgs
    assert orgs["Zorin Consulting"] == "company" and orgs["Kolvar Holdings"] == "company"
    assert orgs["Tarlen Detective Bureau"] == "police"
    assert orgs["Counter-Terrorism Department"] == "police"
    assert orgs["Oliy Majlis of Zembla"] == "parliament"
    # "member State of the Council of Europe": the body is the Council, not the State
    assert "Council of Europe" in orgs and not any(n.startswith("State") for n in orgs)


NOUNS = """6 May 2024

Zembla: Editor held

Police arrested Ana Pereira, editor of the news site Zorvane, on 5 May 2024. She had founded
the civic initiative Blue Lantern and chairs the charity Help the Rivers.
"""


def test_a_noun_before_a_name_says_it_is_a_body() -> None:
    orgs = {o["name"]: o["kind"] for o in extract_case(NOUNS, appeal_id="t")["organisations"]}
    assert orgs.get("Zorvane") == "media"
    assert orgs.get("Blue Lantern") == "ngo"
    assert orgs.get("Help the Rivers") == "ngo"


def test_a_unit_named_by_its_parent_s_acronym_and_a_number() -> None:
    text = (
        "12 May 2021\n\nZembla: Writer held\n\nOn 3 May 2021, officers of the Special Response "
        "Brigade (SRB) arrested the writer Ivo Sand. He was held in the custody of SRB-4. The "
        "COVID-19 rules were cited.\n"
    )
    orgs = {o["id"]: o for o in extract_case(text, appeal_id="t-units")["organisations"]}
    unit = next(o for o in orgs.values() if o["name"] == "SRB-4")
    parent = orgs[unit["part_of"]]
    assert parent["variants"] == ["SRB"]
    assert unit["kind"] == parent["kind"]
    assert not any("COVID" in (o["name"] or "") for o in orgs.values())


def test_staff_of_a_body_are_no_part_of_its_name() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nIvo Sand was arrested by the National Security "
        "Agency on 2 May 2021. Agents of the Agency beat him. Officers of the National Security "
        "Agency searched his home.\n"
    )
    record = extract_case(text, appeal_id="t-staff")
    assert [o["name"] for o in record["organisations"]] == ["National Security Agency"]


def test_civil_heads_groups_named_for_a_country_and_a_states_possessive() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nIvo Sand, a lawyer at the Vela Legal Clinic, was "
        "arrested on 2 May 2021. He is a member of Justice for Colombia. He founded the Zemblan "
        "Education Program on Human Rights. Kenya’s Directorate of Criminal Investigations "
        "questioned him. The Minister for Justice spoke.\n"
    )
    record = extract_case(text, appeal_id="t-civil-heads")
    orgs = {o["name"]: o for o in record["organisations"]}
    assert orgs["Vela Legal Clinic"]["kind"] == "ngo"
    assert orgs["Justice for Colombia"]["kind"] == "ngo"
    assert "Zemblan Education Program on Human Rights" in orgs
    assert orgs["Directorate of Criminal Investigations"]["country"] == "Kenya"
    assert not any(n.startswith(("Kenya", "Minister")) for n in orgs)
    body = orgs["Directorate of Criminal Investigations"]
    assert all(text[e["start"] : e["end"]] == e["quote"] for e in body["evidence"])


def test_a_local_unit_of_a_state_body_named_by_its_place() -> None:
    """A unit named "the Ostra district department of the Ministry of Interior" is one body
    (the police of that place); a unit of another body takes that body's kind."""
    text = (
        "12 May 2021\n\nVela: Defender Ana Lee detained\n\nOn 3 May 2021, police stopped Ana Lee "
        "near Ostra. She was taken to the Ostra district department of the Ministry of Interior "
        "and held there. Officers of the Ostra city office of the State Security Service "
        "questioned her. The Vela regional branch of the Ministry of Justice refused.\n"
    )
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs["Ostra district department of the Ministry of Interior"] == "police"
    assert orgs["Ostra city office of the State Security Service"] == "security_service"
    assert orgs["Vela regional branch of the Ministry of Justice"] == "ministry"


def test_a_body_across_a_line_break_of_narrowly_wrapped_prose() -> None:
    """Prose wrapped at 55 characters is not an address block: a name that runs on after a
    line's end ("Permanent Mission of Vela to / the United Nations in Geneva") is read whole."""
    text = (
        "12 May 2021\n\nVela: Defender Ana Lee detained\n\n"
        "On 3 May 2021, police arrested Ana Lee in Ostra. She\n"
        "had written a report that was sent to the Permanent\n"
        "Mission of Vela to the United Nations in Geneva, and\n"
        "she was taken to the Ostra district department of the\n"
        "Ministry of Interior, where she was held for two days\n"
        "without access to a lawyer or to her family members.\n"
    )
    names = {o["name"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert "Permanent Mission of Vela to the United Nations in Geneva" in names
    assert "Ostra district department of the Ministry of Interior" in names


def test_kind_and_country_of_a_body_read_from_its_name_and_the_words_before() -> None:
    """The name decides first; "organisation" before a name no hint names makes it an NGO, for
    each mention read afresh although the name's own reading is kept."""
    from kg.extract.names import org_country, org_kind

    assert org_kind("Varn Lantern", "the non-governmental organisation ") == "ngo"
    assert org_kind("Varn Lantern", "the ") == "other"
    assert org_kind("Varn Lantern Society", "the organisation ") == "ngo"
    assert org_kind("Varn Lantern Society", "") == org_kind("Varn Lantern Society", "the ")
    assert org_kind("Ministry of Culture", "the organisation ") == "ministry"
    assert org_country("Kazakh Lantern", "", "ngo", "Zemblia") == "Kazakhstan"
    assert org_country("Varn Lantern", "the Kazakh ", "ngo", "Zemblia") == "Kazakhstan"
    assert org_country("Varn Lantern", "the ", "ngo", "Zemblia") == "Zemblia"
    assert org_country("Varn Lantern", "the ", "court", None) is None


def test_people_of_a_body_opening_a_sentence_are_not_its_name() -> None:
    text = (
        "9 July 2024\n\nZembla: Defender Ilka Varo threatened\n\n"
        "On 2 July 2024, police questioned human rights defender Ilka Varo in Port Dune. "
        "Officials from the Ministry of Water Affairs said the dam was lawful. Agents of the "
        "State Security Service searched her office.\n"
    )
    rec = extract_case(text, appeal_id="t-people-of")
    kinds = {o["name"]: o["kind"] for o in rec["organisations"]}
    assert kinds.get("Ministry of Water Affairs") == "ministry"
    assert kinds.get("State Security Service") == "security_service"
    assert not [n for n in kinds if n.startswith(("Officials", "Agents"))]


def test_a_ministry_named_by_a_list_of_portfolios_is_one_body() -> None:
    text = (
        "9 July 2024\n\nZembla: Defender Ilka Varo threatened\n\n"
        "On 2 July 2024, the Ministry of Water, Forests and Rural Affairs banned the Dune Farmers "
        "Union. The Ministry of Labour, Trade, Industry, and Family Welfare fined it. Ilka Varo "
        "wrote to the Ministry of Justice, Mr. Karl Brun and others.\n"
    )
    rec = extract_case(text, appeal_id="t-portfolios")
    kinds = {o["name"]: o["kind"] for o in rec["organisations"]}
    assert kinds.get("Ministry of Water, Forests and Rural Affairs") == "ministry"
    assert kinds.get("Ministry of Labour, Trade, Industry, and Family Welfare") == "ministry"
    assert kinds.get("Ministry of Justice") == "ministry"  # a comma before a name ends it
    names = [p["name"] for p in rec["persons"]]
    assert "Karl Brun" in names and "Rural Affairs" not in names and "Family Welfare" not in names


def test_outlets_and_companies_named_with_spanish_and_portuguese_particles() -> None:
    text = (
        "6 May 2026\n\nZembla: Reporters threatened\n\nThe journalist Ana Ruiz, director of the "
        "outlet Voz de la Sierra, was threatened after reporting on contracts awarded to the "
        "firm Aguas del Valle S.A. Her colleague at the newspaper Diario de la Costa, Luis Pardo, "
        "and a reporter of Voz do Povo were threatened too. The mining company Minera Andes S.A. "
        "denied any part in it.\n"
    )
    orgs = _orgs(text)
    for name in ("Voz de la Sierra", "Diario de la Costa", "Voz do Povo"):
        assert orgs[name]["kind"] == "media", name
    assert orgs["Aguas del Valle S.A."]["kind"] == "company"
    assert orgs["Minera Andes S.A."]["kind"] == "company"  # no particle: as before
    assert not {"Voz", "Valle S.A.", "Diario"} & set(orgs)


def test_kinds_of_treaty_bodies_public_ministries_ombudsmen_and_broadcasters() -> None:
    text = (
        "27 November 2025\n\nZembla: Lawyer held after UN review\n\nThe lawyer Ana Lind briefed "
        "the Committee against Torture and the Committee on the Rights of the Child in Geneva. "
        "On 19 November 2025 the Ministerio Público charged her, and the Ministerio del Interior "
        "closed her office. The Ombudsman of the Ministry of Interior did not reply. The Zembla "
        "Broadcasting Corporation called her a traitor; the Ministry of Justice and the Vela "
        "Mining Corporation said nothing.\n"
    )
    kinds = {name: o["kind"] for name, o in _orgs(text).items()}
    assert kinds["Committee against Torture"] == "international_org"
    assert kinds["Committee on the Rights of the Child"] == "international_org"
    assert kinds["Ministerio Público"] == "prosecution"
    assert kinds["Ministerio del Interior"] == "ministry"
    assert kinds["Ombudsman of the Ministry of Interior"] == "government"
    assert kinds["Zembla Broadcasting Corporation"] == "media"
    assert kinds["Ministry of Justice"] == "ministry"  # as before
    assert kinds["Vela Mining Corporation"] == "company"  # as before


def test_a_name_in_brackets_after_a_body_is_the_body_in_its_own_language() -> None:
    text = (
        "3 March 2026\n\nZembla: Poet sentenced\n\nThe poet Lina Varo was arrested on 2 March "
        "2026 by officers of the State Security Service (Davlat Xizmati Bolim, DXB) and held by "
        "the Internal Security Directorate (Emniyet Genel Merkezi). Officers of the National "
        "Security Agency (Qita al-Amn al-Dakhili) questioned her husband, Omar Varo. Two "
        "lawyers of the Vela Legal Centre (Ana Lee, Ivo Sand) visited her.\n"
    )
    rec = extract_case(text, appeal_id="t")
    persons = {p["name"] for p in rec["persons"]}
    orgs = {o["name"]: o for o in rec["organisations"]}
    assert persons == {"Lina Varo", "Omar Varo", "Ana Lee", "Ivo Sand"}
    assert "Davlat Xizmati Bolim" in orgs["State Security Service"]["variants"]
    assert "Emniyet Genel Merkezi" in orgs["Internal Security Directorate"]["variants"]
    assert "Qita al-Amn al-Dakhili" in orgs["National Security Agency"]["variants"]


def test_firms_bars_universities_and_cooperatives_named_in_spanish_and_portuguese() -> None:
    text = (
        "3 May 2026\n\nZembla: Lawyer suspended\n\nThe lawyer Lucía Morán, a member of the "
        "Bufete para Pueblos Originarios (Law Firm for Original Peoples), was suspended on a "
        "complaint by the Empresa Minera del Valle. The Colegio de Abogados de Vela protested, "
        "and the Universidad de San Carlos and the Cooperativa Agrícola de la Sierra offered "
        "support.\n"
    )
    rec = extract_case(text, appeal_id="t")
    kinds = {o["name"]: o["kind"] for o in rec["organisations"]}
    assert kinds["Bufete para Pueblos Originarios"] == "ngo"
    assert kinds["Empresa Minera del Valle"] == "company"
    assert kinds["Colegio de Abogados de Vela"] == "other"
    assert kinds["Universidad de San Carlos"] == "other"
    assert kinds["Cooperativa Agrícola de la Sierra"] == "ngo"
    assert {p["name"] for p in rec["persons"]} == {"Lucía Morán"}  # no "Pueblos Originarios"


def test_pen_centres_named_by_their_country_region_or_demonym() -> None:
    text = (
        "3 March 2026\n\nZembla: Poet sentenced\n\nPEN International, English PEN and PEN "
        "Central Asia are appalled by the sentence of the poet Lina Varo. PEN Norway and "
        "Swedish PEN joined the call, with the Belarusian PEN Centre. PEN members wrote to "
        "the court.\n"
    )
    orgs = _orgs(text)
    for name in ("English PEN", "PEN Central Asia", "PEN Norway", "Swedish PEN"):
        assert orgs[name]["kind"] == "ngo", name
    assert "Belarusian PEN Centre" in orgs  # as before
    assert not {"PEN members", "Belarusian PEN"} & set(orgs)


def test_kinds_of_security_ministries_peoples_committees_shura_councils_and_police() -> None:
    from kg.extract.names import org_kind

    assert org_kind("Ministry of Intelligence", "") == "security_service"
    assert org_kind("Ministry of State Security", "") == "security_service"
    assert org_kind("Ministry of Security and Justice", "") == "ministry"  # a ministry still
    assert org_kind("Ministry of Public Security", "") == "ministry"  # as before
    assert org_kind("Vela Provincial People's Committee", "") == "government"
    assert org_kind("Shura Council", "") == "parliament"
    assert org_kind("Main Directorate for Combating Organised Crime", "") == "police"
    assert org_kind("Direction Générale de la Sûreté Nationale", "") == "police"
    assert org_kind("Vela Security Directorate", "") == "police"
    assert org_kind("General Security Directorate", "") != "police"  # an intelligence service
    assert org_kind("Internal Security Directorate", "") != "police"


def test_kinds_of_defence_forces_bars_by_other_names_and_groups_that_campaign() -> None:
    text = (
        "9 May 2026\n\nZembla: Meeting dispersed\n\nOn 2 May 2026, soldiers of the Vela "
        "People's Defence Forces (VPDF) dispersed a meeting in Tarn. The Vela Law Society and "
        "the Union of Advocates of the Republic of Zembla condemned the arrests, as did the "
        "rights group Solace and the Tarn-based group Hearth. The Zembla Armed Forces and the "
        "armed group Red Dawn denied any part in it.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Vela People's Defence Forces"] == "security_service"
    assert kinds["Vela Law Society"] == "other"  # a bar, whatever its name
    assert kinds["Union of Advocates of the Republic of Zembla"] == "other"
    assert kinds["Solace"] == "ngo"
    assert kinds["Hearth"] == "ngo"
    assert kinds["Zembla Armed Forces"] == "security_service"


def test_a_region_joined_by_and_is_one_name_and_a_security_bureau_is_a_security_service() -> None:
    text = (
        "Vela Watch (the East and Horn of Africa Defenders Network)\n\nZembla: Editor held\n\n"
        "Tarn, 9 May 2026 – Vela Watch condemns the arrest of Ana Lind. Officers of the "
        "Internal Security Bureau questioned her. The West and Central Africa Press Forum "
        "and the Zembla Police did not comment.\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    assert "Horn of Africa Defenders Network" not in orgs  # not cut at the region's "and"
    assert "East and Horn of Africa Defenders Network" in orgs["Vela Watch"]["variants"]
    assert "West and Central Africa Press Forum" in orgs
    assert "Zembla Police" in orgs  # "and" between two bodies still parts them
    assert orgs["Internal Security Bureau"]["kind"] == "security_service"


def test_items_of_a_semicolon_list_of_bodies_are_bodies() -> None:
    text = (
        "9 May 2026\n\nZembla: Release Tom Reed\n\nOn 3 May 2026, police arrested Tom Reed, a "
        "member of the Tarn Rights Network. The Vela Legal Aid Centre and Zembla Watch "
        "condemned the arrest, as did the Kosta Press Union.\n\nSignatories:\nTarn Rights "
        "Network; ACAT-Zembla; Zembla Watch; Ligue Vesna; Vela Legal Aid Centre (VLAC); "
        "SOS-Torture/Zembla; Kosta Press Union; and 12 other organisations.\n"
    )
    names = {o["name"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert {"ACAT-Zembla", "Ligue Vesna", "SOS-Torture/Zembla"} <= names
    assert not any("other organisations" in n for n in names)


def test_a_semicolon_list_of_too_few_known_bodies_adds_nothing() -> None:
    text = (
        "9 May 2026\n\nZembla: Release Tom Reed\n\nOn 3 May 2026, police arrested Tom Reed of "
        "Zembla Watch. Present: Zembla Watch; Ana Lind; Ivo Sand; Mira Kell.\n"
    )
    names = {o["name"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert not {"Ana Lind", "Ivo Sand", "Mira Kell"} & names


OUTLETS = """3 March 2025

Zembla: Reporters detained

On 1 March 2025, police arrested Ana Pereira, a reporter for the news website The Zenda
Ledger, and Tom Reed, who runs the Telegram channel Vela Today.
"""


def test_an_outlet_named_after_its_noun_with_an_article_or_a_channel() -> None:
    # "the news website The X": the article opens the name, the noun before it says what it
    # is; "the channel X" names an outlet as "the website X" does
    orgs = _orgs(OUTLETS)
    assert orgs["Zenda Ledger"]["kind"] == "media"
    assert orgs["Vela Today"]["kind"] == "media"


EXPERTS = """3 March 2025

Zembla: UN experts alarmed by arrest of defender

GENEVA (3 March 2025) – UN experts today expressed alarm at the arrest of Ana Pereira, who had
met UN staff in Strelsau. She had briefed the Zembla Rights Council.
"""


def test_an_acronym_before_experts_or_staff_names_no_body() -> None:
    # "UN experts", "UN staff": the acronym says whose the experts are; the body itself is not
    # mentioned
    assert "UN" not in _orgs(EXPERTS)


WEEKLY = """3 March 2025

Zembla: Reporter detained

On 1 March 2025, police arrested Ana Pereira, a reporter of the Vela Weekly, in Strelsau.
"""


def test_a_name_ending_in_weekly_is_an_outlet() -> None:
    assert _orgs(WEEKLY)["Vela Weekly"]["kind"] == "media"


def test_a_group_led_by_the_people_it_speaks_for_campaigns() -> None:
    text = (
        "9 May 2026\n\nZembla: Activists held\n\nOn 2 May 2026, police arrested Ana Lind, a "
        "member of the youth-led group Green Tarn, and Eva Sand of the women-led group Vela "
        "Mothers Now.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Green Tarn"] == "ngo"
    assert kinds["Vela Mothers Now"] == "ngo"


def test_the_prosecution_is_the_one_prosecution_body_the_story_names() -> None:
    one = (
        "9 May 2026\n\nZembla: Editor charged\n\nOn 2 May 2026, the Vela Public Prosecution "
        "charged Ana Lind with spreading false news. The prosecution relied on a report of the "
        "Cyber Crime Unit of the Vela Public Prosecution.\n"
    )
    orgs = _orgs(one)
    assert "prosecution" not in orgs
    assert "Vela Public Prosecution" in orgs
    none = (
        "9 May 2026\n\nZembla: Editor charged\n\nOn 2 May 2026, the Tarn court heard Ana Lind. "
        "The prosecution asked for a prison term.\n"
    )
    assert "prosecution" in _orgs(none)  # no body named: the prosecuting side is one of its own


def test_a_body_named_for_human_rights_keeps_the_kind_its_name_tells() -> None:
    text = (
        "9 May 2026\n\nZembla: Editor held\n\nOn 2 May 2026, police arrested Ana Lind. "
        "Citizens for Justice condemned the arrest. The National Institution for Human Rights "
        "said it had received no complaint.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["National Institution for Human Rights"] == "government"
    assert kinds["Citizens for Justice"] == "ngo"


def test_the_platform_x_named_after_on_is_media_and_no_target() -> None:
    text = (
        "9 May 2026\n\nZembla: Blogger fined\n\nOn 2 May 2026, the Tarn Criminal Court fined "
        "Ana Lind 500 euros and ordered the closure of her account on X. Her posts on X had "
        "criticised the governor. Appendix X lists the cases.\n"
    )
    record = extract_case(text, appeal_id="t")
    orgs = {o["name"]: o for o in record["organisations"]}
    assert orgs["X"]["kind"] == "media"
    x = orgs["X"]["id"]
    fines = [e for e in record["events"] if e["type"] == "fine"]
    assert fines and all(x not in e["targets"] for e in fines)


def test_a_police_force_named_in_lower_case_by_its_service() -> None:
    text = (
        "9 May 2026\n\nZembla: Activist stopped\n\nOn 2 May 2026, border police at Tarn airport "
        "confiscated the passport of Ana Lind. On 4 May, riot police dispersed a protest in "
        "Vela.\n"
    )
    orgs = _orgs(text)
    assert orgs["border police"]["kind"] == "police"
    assert orgs["riot police"]["kind"] == "police"


def test_the_judicial_police_by_its_names_is_police() -> None:
    text = (
        "9 May 2026\n\nZembla: Lawyer questioned\n\nOn 2 May 2026, agents of the Directorate of "
        "Judicial Assistance questioned Ana Lind. On 4 May, the Vela Investigation Bureau and "
        "the Central Directorate of Judicial Investigations searched her office.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Directorate of Judicial Assistance"] == "police"
    assert kinds["Vela Investigation Bureau"] == "police"
    assert kinds["Central Directorate of Judicial Investigations"] == "police"


def test_a_court_named_with_its_seat_is_known_by_that_name_too() -> None:
    text = (
        "9 May 2026\n\nZembla: Blogger sentenced\n\nOn 2 May 2026, the Court of First Instance "
        "in Vela Nova sentenced Ana Lind to a year in prison. The Court of Appeal in Tarn "
        "upheld the sentence in June. The Public Prosecutor's Office in Vela Nova had charged "
        "her in March.\n"
    )
    orgs = _orgs(text)
    assert "Court of First Instance in Vela Nova" in orgs["Court of First Instance"]["variants"]
    assert "Court of Appeal in Tarn" in orgs["Court of Appeal"]["variants"]
    office = orgs["Public Prosecutor's Office"]
    assert "Public Prosecutor's Office in Vela Nova" in office["variants"]
    assert not [v for v in orgs["Court of Appeal"]["variants"] if "June" in v]


def test_a_court_of_a_kind_in_lower_case_with_its_seat() -> None:
    text = (
        "9 May 2026\n\nZembla: Reporter remanded\n\nOn 2 May 2026, a special court in Tarn "
        "remanded Ana Lind in custody. On 9 May, the investigating court of Vela extended the "
        "detention of Eva Sand, and a magistrate's court charged Tom Reed.\n"
    )
    orgs = _orgs(text)
    assert orgs["special court"]["kind"] == "court"
    assert "special court in Tarn" in orgs["special court"]["variants"]
    assert "investigating court of Vela" in orgs["investigating court"]["variants"]
    assert "magistrate's court" in orgs


def test_issuers_named_without_a_head_word_and_the_civicus_monitor() -> None:
    text = (
        "EuroMed Rights\n\n9 May 2026\n\nZembla: Lawyer held\n\nEuroMed Rights condemns the "
        "arrest of Ana Lind. The CIVICUS Monitor rates civic space in Zembla as repressed, and "
        "IM-Defensoras has called for her release.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["EuroMed Rights"] == "ngo"
    assert kinds["IM-Defensoras"] == "ngo"
    assert kinds["CIVICUS Monitor"] == "other"


def test_a_citation_in_brackets_after_a_body_noun_is_no_body() -> None:
    text = (
        "9 May 2026\n\nZembla: Activist held\n\nOn 2 May 2026, police arrested Ana Lind. Zembla "
        "must respect the rights to freedom of expression and of association (Articles 19 and "
        "22 of the Covenant).\n"
    )
    names = {o["name"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert not names & {"Article", "Articles"}


def test_an_office_of_a_body_of_states_is_a_body_of_states() -> None:
    text = (
        "9 May 2026\n\nZembla: Law adopted\n\nOn 2 May 2026, the Office for Electoral Rights "
        "(OER) of the Organization for Security and Co-operation in Europe (OSCE) criticised "
        "the law. The Vela Office for Civil Registration of the Ministry of Justice did not "
        "comment.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Office for Electoral Rights"] == "international_org"
    assert kinds.get("Vela Office for Civil Registration", "government") == "government"


def test_a_name_a_bracket_defines_an_acronym_for_is_a_body() -> None:
    text = (
        "9 May 2026\n\nZembla: Eviction\n\nOn 2 May 2026, agents of the Mobile Riot Squadron "
        "(Escuadrón Móvil Antimotines – EMAM) of the National Police evicted forty families. "
        "The EMAM beat several of them.\n"
    )
    record = extract_case(text, appeal_id="t")
    assert "Escuadrón Móvil Antimotines" not in {p["name"] for p in record["persons"]}
    orgs = {o["name"]: o for o in record["organisations"]}
    body = orgs["Escuadrón Móvil Antimotines"]
    assert "EMAM" in body["variants"]
    assert body["kind"] == "police"  # a unit of the police named after its bracket


def test_a_part_named_after_a_named_body_s_possessive_is_that_body() -> None:
    text = (
        "PEN International\n\n9 May 2026\n\nZembla: Writer sentenced\n\nPEN International "
        "condemns the sentence of Ana Lind, said Tom Reed of PEN International's Writers in "
        "Prison Committee.\n"
    )
    names = {o["name"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert "PEN International" in names
    assert not [n for n in names if "Writers in Prison" in n]


def test_the_police_for_or_from_a_place_is_no_name() -> None:
    text = (
        "9 May 2026\n\nZembla: Workers beaten\n\nOn 2 May 2026, workers protested outside a "
        "factory in Tarn. Police from Tarn police station arrived and beat them. The arrests "
        "were ordered by Mr. Tom Reed, Commissioner of Police for Vela.\n"
    )
    names = {o["name"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert not [n for n in names if n.startswith(("Police from", "Police for"))]


def test_a_unit_of_a_named_body_is_known_by_its_own_name_too() -> None:
    text = (
        "9 May 2026\n\nZembla: Journalist held\n\nThe Vela National Security Service (VNSS) "
        "denied holding Ana Lind. She is held by the Internal Affairs Bureau of the VNSS. On 3 "
        "May, the Detective Branch of the Tarn Metropolitan Police searched her home.\n"
    )
    orgs = _orgs(text)
    assert "Internal Affairs Bureau" in orgs["Internal Affairs Bureau of the VNSS"]["variants"]
    branch = orgs["Detective Branch of the Tarn Metropolitan Police"]
    assert "Detective Branch" in branch["variants"]


def test_the_first_body_a_list_of_rights_groups_names_is_one() -> None:
    text = (
        "9 May 2026\n\nZembla: Editor charged\n\nOn 2 May 2026, Ana Lind was charged. Rights "
        "groups, including the Vela Human Rights Commission (VHRC), have described the charges "
        "as baseless. The Tarn Human Rights Commission, a body of the state, said nothing.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Vela Human Rights Commission"] == "ngo"
    # near miss: the same head word with no list of groups before it keeps the head's kind
    assert kinds["Tarn Human Rights Commission"] == "government"


def test_a_general_post_before_a_body_is_no_part_of_its_name() -> None:
    text = (
        "12 June 2024\n\nZembla: Defender arrested\n\nOn 3 May 2024, police arrested Ana Lee.\n\n"
        "· Tomas Brek, Commissioner-General of the Zembla National Police, Vela Road\n"
        "· Ivo Kessler, Director-General of the Zembla Prison Service\n\n"
        "The Office of the Prosecutor-General of Zembla was informed.\n"
    )
    names = {o["name"] for o in extract_case(text, appeal_id="t-general")["organisations"]}
    assert {"Zembla National Police", "Zembla Prison Service"} <= names
    assert not any(n.startswith(("Commissioner-General", "Director-General")) for n in names)
    assert "Office of the Prosecutor-General of Zembla" in names  # the post names the body


def test_an_ordinal_after_a_body_s_name_is_no_part_of_it() -> None:
    record = extract_case(
        "3 March 2025\n\nZembla: Lawyer held\n\nAna Pereira appealed to the Court of Appeal of "
        "Tarlenheim on the 12th of February. The Human Rights Council’s 58th session opened on "
        "24 February 2025. The 2nd Criminal Court of Strelsau heard her case.\n",
        appeal_id="t",
    )
    names = {o["name"] for o in record["organisations"]}
    assert "Court of Appeal of Tarlenheim" in names
    assert "2nd Criminal Court of Strelsau" in names
    assert not any(n.endswith(("12th", "58th")) for n in names)


@pytest.mark.parametrize(
    ("body", "whole", "cut"),
    [
        # the Swahili particle "ya" inside a body's name
        (
            "On 1 March 2025, Ana Pereira, a reporter at Radio Habari ya Pwani, was beaten by "
            "unknown men in Strelsau.",
            "Radio Habari ya Pwani",
            "Radio Habari",
        ),
        # a police post named by its place
        (
            "On 1 March 2025, guards beat Ana Pereira. She reported the assault to Tarlenheim "
            "police post the same day.",
            "Tarlenheim police post",
            "Tarlenheim police",
        ),
    ],
)
def test_a_body_s_name_is_read_whole(body: str, whole: str, cut: str) -> None:
    record = extract_case(f"3 March 2025\n\nZembla: Defender beaten\n\n{body}\n", appeal_id="t")
    names = {o["name"] for o in record["organisations"]}
    assert whole in names and cut not in names


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Counter-Terrorism Investigation Division", "police"),
        ("Serious Crimes Investigation Unit", "prosecution"),
        ("Department of State Services", "security_service"),
        ("State Security Bureau", "security_service"),
        # near misses: a court of state security is a court; a division with no inquiry is none
        ("State Security Court", "court"),
        ("Appellate Division", "court"),
    ],
)
def test_the_kind_a_body_s_name_tells(name: str, kind: str) -> None:
    assert org_kind(name, "") == kind


@pytest.mark.parametrize(
    "said",
    [
        "said Lina Berg, Europe Programme Coordinator at the Vela Writers Union.",
        "said Lina Berg, the union’s Senior Programme Officer for Central Asia.",
        "said Lina Berg, Central Asia Program Director of the Vela Writers Union.",
    ],
)
def test_a_programme_in_a_staff_title_is_no_body(said: str) -> None:
    text = (
        "12 June 2024\n\nZembla: Poet held\n\nPolice arrested Ana Lee on 3 May 2024. "
        f"“She must be freed,” {said}\n"
    )
    assert not [n for n in _orgs(text) if "Program" in n]


def test_a_mayan_peoples_name_with_its_glottal_stops_is_one_word() -> None:
    text = (
        "12 June 2024\n\nZembla: Leader held\n\nPolice arrested Ana Lee, president of the "
        "Council of K’iche’ Communities of the Samalá River, on 3 May 2024. The K’iche’ Maya "
        "of the valley protested.\n"
    )
    assert "Council of K’iche’ Communities of the Samalá River" in _orgs(text)
    people = {p["name"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert people == {"Ana Lee"}


def test_a_french_courts_name_goes_on_in_lower_case() -> None:
    orgs = _orgs(
        "12 June 2024\n\nZembla: Activists held\n\nOn 8 October 2018, the activists were brought "
        "before the prosecutor of the Vela Tribunal de grande instance (TGI), who indicted them. "
        "On 2 May 2019, the Cour de cassation upheld the verdict.\n"
    )
    assert orgs["Vela Tribunal de grande instance"]["kind"] == "court"
    assert "TGI" in orgs["Vela Tribunal de grande instance"]["variants"]
    assert orgs["Cour de cassation"]["kind"] == "court"


def test_a_police_force_of_a_province_of_two_words_keeps_both() -> None:
    orgs = _orgs(
        "12 June 2024\n\nZembla: Teacher held\n\nOn 23 September 2019, the counter-terrorism "
        "unit of the Vela Nova police presented her in court. Later the Kastra police "
        "questioned her.\n"
    )
    assert orgs["Vela Nova police"]["kind"] == "police"
    assert "Nova police" not in orgs
    assert "Kastra police" in orgs


def test_a_body_serving_a_place_keeps_the_level_of_the_place() -> None:
    orgs = _orgs(
        "12 June 2024\n\nZembla: Monitor searched\n\nOn 3 June 2021, officers of the "
        "Investigative Committee for the Vela region searched his flat. On 4 June 2021, the "
        "People’s Court of Kastra province sentenced him.\n"
    )
    assert "Investigative Committee for the Vela region" in orgs, list(orgs)
    assert "People’s Court of Kastra province" in orgs, list(orgs)


def _body_names(body: str) -> set[str]:
    return set(_orgs(f"12 June 2024\n\nZembla: Reporter held\n\n{body}\n"))


def test_a_court_after_its_judge_ends_where_it_would_alone() -> None:
    got = _body_names(
        "On 9 April 2024, Judge Ana Lee of the Vela District Court in the Kastra Hills town of "
        "Zenda "
        "ordered Tom Reed held."
    )
    assert "Vela District Court" in got, got
    assert not any("Kastra" in n for n in got), got


def test_a_radio_station_is_named_with_its_frequency() -> None:
    got = _body_names(
        "He has presented an evening show for nine years on the community station Vela 101.3 "
        "FM. On 3 May 2024, the regulator shut Vela 101.3 FM down."
    )
    assert "Vela 101.3 FM" in got, got
    assert "Vela" not in got, got


def test_two_adjectives_joined_in_a_bodys_name_are_one_name() -> None:
    got = _body_names(
        "The Kastra League reports every year to the United Nations Economic and Social Council."
    )
    assert "United Nations Economic and Social Council" in got, got
    assert "Social Council" not in got, got


def test_a_unit_named_in_the_possessive_of_its_body_is_a_body_of_its_own() -> None:
    orgs = _orgs(
        "12 June 2024\n\nZembla: Reporter held\n\nOn 3 May 2024, Ana Lee filed a complaint "
        "with the Vela Police Service’s Internal Affairs Unit.\n"
    )
    assert "Vela Police Service" in orgs, orgs
    unit = orgs["Internal Affairs Unit"]
    assert unit["part_of"] is not None


def test_the_general_assembly_that_adopted_a_declaration_is_the_uns() -> None:
    orgs = _orgs(
        "12 June 2024\n\nZembla: Reporter held\n\nIn 1998 the General Assembly adopted the "
        "Declaration on Human Rights Defenders.\n"
    )
    assert orgs["General Assembly"]["kind"] == "international_org"


def test_a_post_of_a_body_named_after_of_the_is_no_body_the_body_is() -> None:
    orgs = _orgs(
        "12 May 2024\n\nZembla: Lawyer held\n\nWe call on the Special Rapporteur on Freedom of "
        "Expression of the Kastra Commission on Human Rights to take up the case of Ana Lee.\n"
    )
    assert set(orgs) == {"Kastra Commission on Human Rights"}, orgs


def test_a_body_told_after_the_place_it_serves_and_its_level_is_named_with_them() -> None:
    names = _body_names(
        "On 3 May 2024, officers from the Vela Nova provincial Public Security Department "
        "arrested Tom Reed. The Kastra regional National Preventive Mechanism visited him."
    )
    assert "Vela Nova provincial Public Security Department" in names
    assert "Kastra regional National Preventive Mechanism" in names
    assert "Public Security Department" not in names
    # a word that opens the sentence is no place
    names = _body_names("The regional Public Security Department arrested Tom Reed on 3 May 2024.")
    assert "Public Security Department" in names


def test_an_acronym_after_a_chamber_of_a_court_is_the_court_s() -> None:
    orgs = _orgs(
        "12 June 2024\n\nZembla: Reporter held\n\n"
        "We condemn the decision of the Appeals Chamber of the Specialised Criminal Court (SCC) "
        "in Vela, which on 22 May 2024 upheld the sentence of Tom Reed. On 14 March 2024, the "
        "SCC sentenced him to ten years in prison.\n"
    )
    assert "SCC" in orgs["Specialised Criminal Court"]["variants"], orgs
    assert "SCC" not in orgs["Appeals Chamber of the Specialised Criminal Court"]["variants"]


def test_a_state_body_a_sentence_tells_of_as_another_countrys_is_that_countrys() -> None:
    # an appeal about Kyrgyzstan: the sentence opened by Kazakhstan's prosecutor (or the state)
    # tells of its border service; the bodies the other sentences name are Kyrgyzstan's
    text = (
        "12 June 2017\n\nKyrgyzstan: Journalist abducted and taken across the border\n\n"
        "On 29 May 2017, the journalist Ana Lee was abducted in Osh, Kyrgyzstan. The police of "
        "Osh opened an investigation. The Prosecutor's Office of Kazakhstan, for its part, claims "
        "that officers of the State Border Service detained her after she crossed the border. "
        "Kazakhstan says that the Ministry of Internal Affairs was not involved. On 31 May 2017, "
        "the State Security Service of Kyrgyzstan questioned her husband.\n"
    )
    record = extract_case(text, appeal_id="t-two-states")
    countries = {o["name"]: o["country"] for o in record["organisations"]}
    assert countries["State Border Service"] == "Kazakhstan", countries
    assert countries["Ministry of Internal Affairs"] == "Kazakhstan", countries
    assert countries["State Security Service of Kyrgyzstan"] == "Kyrgyzstan", countries


@pytest.mark.parametrize(
    "told",
    [
        "the non-governmental organisation Action pour la Dignité Humaine au Vela (ADHV)",
        "Action pour la Dignité Humaine au Vela (ADHV), a rights group",
    ],
)
def test_a_body_named_in_another_language_runs_on_to_the_acronym_it_spells(told: str) -> None:
    # the name's head word is no body word the lexicon knows: the acronym in brackets that
    # spells its capitalised words says where the name begins and ends
    text = (
        f"12 June 2012\n\nZembla: Monitor detained\n\nTom Reed, field monitor of {told} in "
        "Kastra, was arrested on 4 June 2012. Officers searched the ADHV office.\n"
    )
    record = extract_case(text, appeal_id="t-acronym-span")
    bodies = {o["name"]: o for o in record["organisations"]}
    assert "Action pour la Dignité Humaine au Vela" in bodies, sorted(bodies)
    body = bodies["Action pour la Dignité Humaine au Vela"]
    assert "ADHV" in body["variants"], body
    assert sorted(bodies) == ["Action pour la Dignité Humaine au Vela"], sorted(bodies)
    for ev in body["evidence"]:
        assert text[ev["start"] : ev["end"]] == ev["quote"]


def test_a_court_named_for_the_matters_it_tries_runs_on_over_their_list() -> None:
    text = (
        "12 November 2022\n\nGuatemala: Land defender sentenced\n\nOn 4 November 2022, the "
        "Sentencing Court for Criminal Matters, Drug Trafficking and Crimes against the "
        "Environment of Vela, sitting in Kastra, found Ana Lee guilty and sentenced her to two "
        "years in prison.\n"
    )
    record = extract_case(text, appeal_id="t-matters")
    names = [o["name"] for o in record["organisations"]]
    court = (
        "Sentencing Court for Criminal Matters, Drug Trafficking and Crimes against the "
        "Environment of Vela"
    )
    assert names == [court], names
    ids = {o["id"]: o["name"] for o in record["organisations"]}
    sentence = next(e for e in record["events"] if e["type"] == "sentence")
    assert ids[sentence["authority"]] == court


def test_the_quoted_name_a_bodys_name_ends_with_names_it_alone() -> None:
    # "the office of “Vela”" after "the Human Rights Centre “Vela”": the same body, the one
    # searched and liquidated
    text = (
        "12 December 2021\n\nZembla: Centre liquidated\n\nAna Lee is the chairperson of the "
        "Human Rights Centre “Vela”. On 14 July 2021, officers searched the office of “Vela” in "
        "Kastra. On 30 August 2021, the Supreme Court ordered the liquidation of “Vela”.\n"
    )
    record = extract_case(text, appeal_id="t-quoted-short")
    bodies = {o["id"]: o for o in record["organisations"]}
    centre = next(o for o in bodies.values() if o["name"] == "Human Rights Centre “Vela”")
    assert "Vela" in centre["variants"], centre
    done_to = {e["type"]: e["targets"] for e in record["events"]}
    assert done_to["search"] == [centre["id"]], record["events"]
    assert done_to["deregistration"] == [centre["id"]], record["events"]
