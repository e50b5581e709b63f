"""Names: particles, article prefixes, initials, hyphens; form labels are no people."""

from __future__ import annotations

import pytest

from kg.extract import extract_case
from kg.extract.names import org_kind

TEXT = """5 May 2024

Zembla: Writers detained

On 3 May 2024, police arrested the writer Salma al-Farouk and the poet Huber de Jesús Ortega.
The order was signed by Judge A. Kowalczyk and approved by Prince Omar bin Hadi Al Rami.
Journalist Lee Wai-kwong was also held.

Initial Date: 3 May 2024
Event Description: Arrest
"""


def test_particles_prefixes_initials_and_hyphens() -> None:
    names = {p["name"] for p in extract_case(TEXT, appeal_id="t")["persons"]}
    assert {"Salma al-Farouk", "Huber de Jesús Ortega", "A. Kowalczyk", "Lee Wai-kwong"} <= names
    assert any(n and n.endswith("Omar bin Hadi Al Rami") for n in names)


def test_form_labels_are_no_people() -> None:
    names = {p["name"] for p in extract_case(TEXT, appeal_id="t")["persons"]}
    assert not names & {"Initial Date", "Event Description"}


ABBREVIATED = """Zembla: Journalist sued

On 3 May 2021, journalist Ana Ruiz filed a complaint against Tierra Viva Unida (TVU), and
officers of the Zona Sur Brigade Unit (ZSBU) of the city police questioned her. Her lawyer
Carlos Mena (CM) was present. The outlet Diario de Vela reported the case.
"""


def test_a_name_abbreviated_by_its_initials_is_a_body() -> None:
    record = extract_case(ABBREVIATED, appeal_id="t")
    kinds = {o["name"]: o["kind"] for o in record["organisations"]}
    assert kinds["Tierra Viva Unida"] == "ngo"  # no word tells the kind: a civil group
    assert (
        "TVU"
        in next(o for o in record["organisations"] if o["name"] == "Tierra Viva Unida")["variants"]
    )
    assert kinds["Diario de Vela"] == "media"  # "news" in another language
    # a person's initials in brackets do not make a body
    assert "Carlos Mena" not in kinds
    assert "Carlos Mena" in {p["name"] for p in record["persons"]}


def test_public_defender_of_a_country_is_an_office() -> None:
    text = (
        "Zembla: lawyer held\n\nOn 3 May 2021, police in Tbilisi detained the lawyer Ana Lee. "
        "The Public Defender of Georgia asked for her release. A public defender was assigned.\n"
    )
    record = extract_case(text, appeal_id="t")
    kinds = {o["name"]: o["kind"] for o in record["organisations"]}
    assert kinds.get("Public Defender of Georgia") == "government"
    assert "Public Defender of Georgia" not in {p["name"] for p in record["persons"]}


def test_posts_and_general_inside_a_body_name_and_a_ministry_by_its_last_word() -> None:
    text = (
        "10 March 2021\n\nZembla: Office raided\n\nThe UN Office of the High Commissioner for "
        "Human Rights (OHCHR) expressed concern. The Office of the High Commissioner for Human "
        "Rights had met her. The Interior Ministry said the raid was lawful. The Directorate "
        "General of Intelligence (DGI) held her. Vela Rights Centre Director Rina Holm was "
        "questioned.\n"
    )
    rec = extract_case(text, appeal_id="t-names-post")
    orgs = {o["name"]: o for o in rec["organisations"]}
    un = orgs["UN Office of the High Commissioner for Human Rights"]
    assert un["kind"] == "international_org"
    assert "Office of the High Commissioner for Human Rights" in un["variants"]  # one body
    assert "Office of the High Commissioner for Human Rights" not in orgs
    assert orgs["Interior Ministry"]["kind"] == "ministry"
    assert orgs["Directorate General of Intelligence"]["kind"] == "security_service"
    assert "Vela Rights Centre" in orgs  # the post after the body is the person's
    assert "Rina Holm" in {p["name"] for p in rec["persons"]}


def test_an_outlet_named_before_its_noun_and_regional_bodies_of_states() -> None:
    text = (
        "12 May 2021\n\nZembla: Editor held\n\nOn 3 May 2021, police arrested Ivo Sand, editor "
        "of The Vela Herald magazine, on the orders of the Georgian daily Vela Post's owner. "
        "Sand also writes for the Zembla Star newspaper. The Southern Ocean Development "
        "Community and the Economic Community of Northern States called for his release.\n"
    )
    record = extract_case(text, appeal_id="t-outlets")
    kinds = {o["name"]: o["kind"] for o in record["organisations"]}
    assert kinds["Vela Herald"] == "media"
    assert kinds["Zembla Star"] == "media"
    assert "Georgian" not in kinds
    assert kinds["Southern Ocean Development Community"] == "international_org"
    assert kinds["Economic Community of Northern States"] == "international_org"
    assert [p["name"] for p in record["persons"]] == ["Ivo Sand"]


def test_a_group_named_for_its_cause_is_a_body_and_a_post_for_a_cause_is_not() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nIvo Sand, chairman of Vela for Civil Rights, was "
        "arrested on 3 May 2021. Ada Brun, a member of Citizens for Justice, was summoned. "
        "The Minister for Justice Teo Varga defended the arrest.\n"
    )
    record = extract_case(text, appeal_id="t-cause")
    assert {o["name"]: o["kind"] for o in record["organisations"]} == {
        "Vela for Civil Rights": "ngo",
        "Citizens for Justice": "ngo",
    }
    assert {"Ivo Sand", "Ada Brun", "Teo Varga"} <= {p["name"] for p in record["persons"]}


def test_internal_affairs_and_local_councils_are_state_bodies() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrest\n\nOn 3 May 2021, officers of the Vela Regional "
        "Department of Internal Affairs arrested Ivo Sand. The Vela Municipal Council evicted "
        "his family. The Ministry of Internal Affairs defended the arrest.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t-state")["organisations"]}
    assert kinds == {
        "Vela Regional Department of Internal Affairs": "police",
        "Vela Municipal Council": "government",
        "Ministry of Internal Affairs": "ministry",
    }


def test_a_body_named_for_causes_joined_by_and_is_one_name_but_not_with_a_person() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrests\n\nIvo Sand, director of the Centre for Human Rights "
        "and Democracy in Vela, was arrested on 3 May 2021. Ada Brun, a member of the Bureau for "
        "Civil Rights and Rule of Law, was summoned. The chair of the Union for Peace and Tomas "
        "Ekberg were questioned.\n"
    )
    record = extract_case(text, appeal_id="t-causes")
    names = {o["name"] for o in record["organisations"]}
    assert "Centre for Human Rights and Democracy in Vela" in names
    assert "Bureau for Civil Rights and Rule of Law" in names
    assert "Union for Peace" in names
    assert not {"Centre for Human Rights", "Bureau for Civil Rights"} & names
    assert not any("Ekberg" in n for n in names)
    assert "Tomas Ekberg" in {p["name"] for p in record["persons"]}


def test_given_names_written_short_with_a_full_stop() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrests\n\nOn 3 May 2021, police arrested Md. Abdul Sand in "
        "Vela. He was released. Police also arrested the activists Li Ma and Ma. Teresa Brun. "
        "They were beaten. The journalist Wen Ma. She was fined.\n"
    )
    record = extract_case(text, appeal_id="t-short-given")
    names = {p["name"] for p in record["persons"]}
    assert {"Md. Abdul Sand", "Ma. Teresa Brun", "Li Ma", "Wen Ma"} <= names
    for p in record["persons"]:
        assert p["name"] is None or not p["name"].endswith(" Ma. She"), p["name"]


def test_a_body_named_after_a_rights_centre_noun() -> None:
    text = (
        "12 May 2021\n\nZembla: Arrests\n\nIvo Sand, chair of the human rights centre Vesta, "
        "was arrested on 3 May 2021.\n"
    )
    record = extract_case(text, appeal_id="t-centre-noun")
    assert {o["name"]: o["kind"] for o in record["organisations"]}.get("Vesta") == "ngo"


def test_filipino_particles_dela_and_delos() -> None:
    text = (
        "12 May 2021\n\nZembla: Charges\n\nOn 3 May 2021, the army accused Jose dela Vega and "
        "Ana delos Reyes of rebellion.\n"
    )
    record = extract_case(text, appeal_id="t-particles")
    names = {p["name"] for p in record["persons"]}
    assert {"Jose dela Vega", "Ana delos Reyes"} <= names


def test_de_la_inside_a_name_but_not_after_a_single_post_word() -> None:
    text = (
        "12 May 2021\n\nZembla: Charges\n\nOn 3 May 2021, police arrested Ana María de la Vega "
        "in Vela. The Fiscal de la Nación charged Rosa Lind.\n"
    )
    record = extract_case(text, appeal_id="t-de-la")
    names = {p["name"] for p in record["persons"]}
    assert "Ana María de la Vega" in names
    assert not any("Fiscal" in (n or "") or "Nación" in (n or "") for n in names)


def test_issuers_named_without_a_head_word_are_bodies() -> None:
    text = (
        "4 April 2024\n\nZembla: Writer held\n\nCIVICUS, FORUM-ASIA, ARTICLE 19 and "
        "DefendDefenders condemn the arrest of the writer Ivo Sand on 2 April 2024. Reporters "
        "Without Borders called for his release. He was charged under Article 19 of the Press "
        "Act. ARTICLE 19 said the charge breaches Article 19 of the Covenant.\n"
    )
    record = extract_case(text, appeal_id="t-issuers")
    kinds = {o["name"]: o["kind"] for o in record["organisations"]}
    for name in ("CIVICUS", "FORUM-ASIA", "ARTICLE 19", "DefendDefenders"):
        assert kinds.get(name) == "ngo", name
    assert kinds.get("Reporters Without Borders") == "ngo"
    article19 = next(o for o in record["organisations"] if o["name"] == "ARTICLE 19")
    assert len(article19["evidence"]) == 2  # both mentions in capitals, no article cited
    persons = {p["name"] for p in record["persons"]}
    assert persons == {"Ivo Sand"}
    provisions = {(i["name"], p["article"]) for i in record["instruments"] for p in i["provisions"]}
    assert ("Press Act", "19") in provisions


def test_a_ministry_of_two_portfolios_at_the_start_of_a_sentence() -> None:
    text = (
        "4 April 2024\n\nZembla: Union banned\n\nThe Ministry of Labour and Social Protection "
        "declared the strike illegal. The Ministry of Justice and the Zembla Police did not "
        "reply.\n"
    )
    names = {o["name"] for o in extract_case(text, appeal_id="t-min")["organisations"]}
    assert "Ministry of Labour and Social Protection" in names
    assert "Ministry of Labour" not in names
    assert "Ministry of Justice" in names


def test_a_news_site_named_by_its_domain_is_an_outlet() -> None:
    text = (
        "4 April 2024\n\nZembla: Reporter held\n\nOn 2 April 2024, police detained the "
        "reporter Ivo Sand, who writes for vela-news.com. The pro-government site "
        "zembla24.zb called him a traitor.[1] Write to info@rights-watch.net or see "
        "www.rights-watch.org and rights-watch.net/appeals for more.\n\n"
        "[1] “Traitors among us”, zembla24.zb, 3 April 2024.\n"
    )
    record = extract_case(text, appeal_id="t-sites")
    sites = {o["name"]: o for o in record["organisations"] if "." in o["name"]}
    assert set(sites) == {"vela-news.com", "zembla24.zb"}  # no address, page or mail box
    assert sites["zembla24.zb"]["kind"] == "media"
    assert len(sites["zembla24.zb"]["evidence"]) == 2
    for o in sites.values():
        for ev in o["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["quote"]


def test_and_inside_a_name_its_abbreviation_spells_whole() -> None:
    text = (
        "4 April 2024\n\nZembla: Defender held\n\nOn 2 April 2024, agents of the National "
        "Intelligence and\nSecurity Service (NISS) arrested Ivo Sand. The Director of the "
        "National Intelligence and Security Service later confirmed it. The unit for Counter "
        "Terrorism and Transnational Crime (CTTC) questioned him. The State Police and Border "
        "Service officers stood by.\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t-and")["organisations"]}
    assert "National Intelligence and Security Service" in orgs
    assert "NISS" in orgs["National Intelligence and Security Service"]["variants"]
    assert len(orgs["National Intelligence and Security Service"]["evidence"]) >= 2
    assert "Counter Terrorism and Transnational Crime" in orgs
    assert not {"National Intelligence", "Security Service", "Transnational Crime"} & set(orgs)
    # no abbreviation spells "State Police and Border Service": two bodies, as before
    assert "State Police" in orgs


def test_an_abbreviation_of_the_second_of_two_bodies_joined_by_and_the_does_not_join_them() -> None:
    # "(ICHR)" spells "Independent Commission for Human Rights" from its first capital on; the
    # "and the" before it is no part of that name
    text = (
        "4 April 2024\n\nZembla: Defender held\n\nOn 2 April 2024, police arrested Ivo Sand. "
        "The Zembla Lawyers Association and the Independent Commission for Human Rights (ICHR) "
        "visited him.\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t-and")["organisations"]}
    assert "Zembla Lawyers Association" in orgs
    assert "ICHR" in orgs["Independent Commission for Human Rights"]["variants"]
    assert not any(" and the " in name for name in orgs)


def test_demonym_of_the_appeals_state_opens_a_variant_without_it() -> None:
    """An appeal about Latvia calls "the Latvian State Border Service" also "State Border
    Service"; a body of another state keeps its demonym and stays apart from the one of the
    appeal's state."""
    text = (
        "12 May 2020\n\nLatvia: Activist detained\n\nOn 3 May 2020, officers of the Latvian State "
        "Border Service detained him. The Prosecutor's Office charged him. The Russian "
        "Prosecutor's Office said nothing.\n"
    )
    orgs = {o["name"]: o["variants"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs["Latvian State Border Service"] == ["State Border Service"]
    assert orgs["Russian Prosecutor's Office"] == []
    assert orgs["Prosecutor's Office"] == []


def test_lower_case_court_of_the_story_and_a_kind_of_court() -> None:
    """A "military court in Vela" and "an administrative court fined him" are courts of the
    story; "the trial of civilians before a military court" names a kind of court only."""
    one = (
        "On 3 May 2012, Ana Lee was tried before a military court in Vela. The same day, an "
        "administrative court fined Ivo Sand.\n"
    )
    orgs = {o["name"]: o["kind"] for o in extract_case(one, appeal_id="t")["organisations"]}
    assert orgs == {"military court": "court", "administrative court": "court"}
    kind = "We oppose the trial of civilians before a military court, as in Vela.\n"
    assert extract_case(kind, appeal_id="t")["organisations"] == []


def test_body_glossed_in_brackets_takes_its_kind_from_the_words_before() -> None:
    """A "Sonora state attorney general's office (FGS)" is a prosecution; "its land
    authority (Tierras Unidas)" says nothing more than a body, and stays other."""
    text = (
        "12 May 2022\n\nMexico: Journalist killed\n\nOn 3 May 2022, according to a statement from "
        "the Sonora state attorney general's office (FGS), the journalist Ana Lee was shot. The "
        "Attorney General, and its land authority (Tierras Unidas) protested.\n"
    )
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs["FGS"] == "prosecution"
    assert orgs["Tierras Unidas"] == "other"


def test_ruling_or_opposition_body_is_a_party() -> None:
    """A body "the ruling" or "the opposition" names is a political party, whatever its head
    word; a body with no such word before it keeps the kind its name gives."""
    text = (
        "12 May 2022\n\nVela: Journalist killed\n\nOn 3 May 2022, Ana Lee, who had criticised the "
        "ruling Popular Renewal Movement, was shot. The opposition Citizens Front protested, as "
        "did the Vela Press Association and the Popular Rights Movement.\n"
    )
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs["Popular Renewal Movement"] == "political_party"
    assert orgs["Citizens Front"] == "political_party"
    assert orgs["Vela Press Association"] == "ngo"
    assert orgs["Popular Rights Movement"] != "political_party"


def test_a_body_named_by_the_tail_of_one_longer_name() -> None:
    """A "Supreme Court" after "Federal Supreme Court" is that court; "District Court" after two
    district courts of named places, and "Prosecutor's Office" before "Russian Prosecutor's
    Office", stay bodies of their own."""
    text = (
        "12 May 2020\n\nZembla: Supreme Court upholds sentence of defender\n\nOn 3 May 2020, the "
        "State Security Chamber of the Federal Supreme Court in Vela upheld the sentence of Ana "
        "Lee. In 2011 the Federal Supreme Court had fined her. The Vela District Court and the "
        "Ostra District Court heard her cases; the District Court refused bail. The "
        "Prosecutor's Office and the Russian Prosecutor's Office did nothing.\n"
    )
    orgs = {o["name"]: o["variants"] for o in extract_case(text, appeal_id="t")["organisations"]}
    # its seat named after it gives the longer name as a variant too (tests/test_extract_bodies)
    assert orgs["Federal Supreme Court"] == ["Supreme Court", "Federal Supreme Court in Vela"]
    assert "Supreme Court" not in orgs
    chamber = orgs["State Security Chamber of the Federal Supreme Court"]
    assert chamber == [
        "State Security Chamber",
        "State Security Chamber of the Federal Supreme Court in Vela",
    ]
    assert {"District Court", "Prosecutor's Office", "Russian Prosecutor's Office"} <= orgs.keys()


def test_a_short_name_after_one_placed_name_refers_back() -> None:
    """A "Military Tribunal" named after "the Vela Military Tribunal" is that tribunal; "the
    Prosecutor's Office" said before "the Russian Prosecutor's Office" is another office."""
    text = (
        "12 May 2020\n\nZembla: Defender tried\n\nOn 3 May 2020, the Prosecutor's Office "
        "charged Ana Lee. On 5 May 2020, the Vela Military Tribunal heard her case. On 9 May "
        "2020 the Military Tribunal refused bail. She had written to the Russian "
        "Prosecutor's Office.\n"
    )
    orgs = {o["name"]: o["variants"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs["Vela Military Tribunal"] == ["Military Tribunal"]
    assert "Military Tribunal" not in orgs
    assert orgs["Russian Prosecutor's Office"] == []
    assert "Prosecutor's Office" in orgs


def test_a_parliament_named_by_its_head_word_alone() -> None:
    """A state has one Senate: "the President of the Senate" names a body (a parliament), where
    "the Court" alone refers back to a court; after "the European Parliament", "the Parliament"
    is that body."""
    text = (
        "12 May 2021\n\nVela: Defender Ana Lee detained\n\nOn 3 May 2021, Ana Lee met the "
        "President of the Senate. She was arrested on 4 May 2021 and tried by the Court.\n"
    )
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs == {"Senate": "parliament"}
    text = (
        "12 May 2021\n\nVela: Defender Ana Lee detained\n\nOn 3 May 2021, the European "
        "Parliament called for her release. The Parliament repeated its call.\n"
    )
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs == {"European Parliament": "parliament"}


def test_a_call_whose_list_of_names_breaks_after_and() -> None:
    """A line that ends with the "and" of a list of names ("Release Ana Lee, Omar Farsi and /
    Ivo Sand") once made the extractor raise; each name is read."""
    text = "Release Ana Lee, Omar Farsi and\nIvo Sand immediately.\n"
    names = [p["name"] for p in extract_case(text, appeal_id="t")["persons"]]
    assert names == ["Ana Lee", "Omar Farsi", "Ivo Sand"]


def test_names_across_line_breaks_of_narrowly_wrapped_prose() -> None:
    """Prose wrapped at 45 characters is no block of short lines (a signature, an address):
    names that run on across its line breaks are read whole."""
    text = (
        "12 May 2021\n\nVela: Defender Ana Lee detained\n\n"
        "On 3 May 2021, police in Ostra arrested human\n"
        "rights defender Ana Lee, who had taken the\n"
        "case of her brother to the European Court of\n"
        "Human Rights. She was charged under Article 5\n"
        "of the Criminal Code of Vela and taken to the\n"
        "Ostra pre-trial detention centre, where Ivo\n"
        "Sand, her lawyer, was not allowed to see her.\n"
    )
    rec = extract_case(text, appeal_id="t")
    assert "European Court of Human Rights" in {o["name"] for o in rec["organisations"]}
    assert {"Ana Lee", "Ivo Sand"} <= {p["name"] for p in rec["persons"]}


def test_the_prosecution_acting_is_a_body_the_proceedings_are_not() -> None:
    text = (
        "12 May 2021\n\nZembla: Editor tried\n\nOn 3 May 2021, police arrested Ivo Sand in Vela. "
        "The prosecution of Ivo Sand began in June. After the prosecution objected, the court "
        "refused bail.\n"
    )
    bodies = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert bodies.get("prosecution") == "prosecution"
    quiet = text.replace("After the prosecution objected, the", "The")
    bodies = {o["name"] for o in extract_case(quiet, appeal_id="t")["organisations"]}
    assert "prosecution" not in bodies  # "the prosecution of X began": the proceedings


SPANISH_BODIES = """14 March 2024

Zembla: Land defender charged

On 2 March 2024, the Fiscalía Especial de Delitos contra el Ambiente charged Lucía Ferrán with
"usurpation" on a complaint by the company Aguas del Valle Verde S.A. The Juzgado de Paz de
Santa Irene summoned her. Her lawyer, Tomás Velde of the Centro de Apoyo para la Defensa Rural
(Rural Defence Support Centre - CADR), said the Secretaría de Asuntos Agrarios had been told.
"""


def test_spanish_bodies_keep_their_small_words() -> None:
    record = extract_case(SPANISH_BODIES, appeal_id="t")
    bodies = {o["name"]: o for o in record["organisations"]}
    assert bodies["Fiscalía Especial de Delitos contra el Ambiente"]["kind"] == "prosecution"
    assert bodies["Juzgado de Paz de Santa Irene"]["kind"] == "court"
    assert "Secretaría de Asuntos Agrarios" in bodies
    centre = bodies["Centro de Apoyo para la Defensa Rural"]
    assert {"Rural Defence Support Centre", "CADR"} <= set(centre["variants"])  # "- CADR)"
    names = {p["name"] for p in record["persons"]}
    assert {"Lucía Ferrán", "Tomás Velde"} <= names
    assert not any("Rural" in (n or "") or "Ambiente" in (n or "") for n in names)


def test_small_spanish_words_join_no_persons() -> None:
    text = "3 May 2024\n\nZembla: Arrests\n\nPolice arrested Ana Ruiz y Tomás Velde en Vela.\n"
    names = {p["name"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert not any(" y " in (n or "") or " en " in (n or "") for n in names)


def test_a_stop_before_a_sentence_opener_ends_the_name() -> None:
    bodies = {o["name"] for o in extract_case(SPANISH_BODIES, appeal_id="t")["organisations"]}
    assert not any("S.A. The" in b for b in bodies)


def test_a_body_named_by_a_post_of_it_is_one_body() -> None:
    text = (
        "9 June 2024\n\nZembla: Lawyer arrested\n\nOn 3 June 2024, Ms. Ana Lorvik was arrested in "
        "Zenda on a warrant of the Office of the Prosecutor General of the Republic (Fiscalía "
        "General de la República). On 4 June 2024, the Prosecutor General's Office charged her.\n"
    )
    bodies = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    office = bodies["Office of the Prosecutor General of the Republic"]
    assert office["kind"] == "prosecution"
    assert "Republic" not in bodies and "Prosecutor General's Office" not in bodies


def test_a_translation_in_brackets_gives_the_body_its_kind() -> None:
    text = (
        "9 June 2024\n\nZembla: Farmers' leader held\n\nOn 3 June 2024, police arrested "
        "Ana Lorvik, the chair of the Movimiento Tierra Viva (Living Land Association - TVA), "
        "in Zenda.\n"
    )
    bodies = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    body = bodies["Movimiento Tierra Viva"]  # a movement's head word alone gives "other"
    assert body["kind"] == "ngo" and {"Living Land Association", "TVA"} <= set(body["variants"])
    assert "Living Land Association" not in bodies


def test_a_states_armed_forces_are_a_security_force_an_armed_group_is_not() -> None:
    text = (
        "9 June 2024\n\nZembla: Villagers held\n\nOn 3 June 2024, soldiers of the Forças Armadas "
        "de Zembla (FAZ) and of the Zemblan Armed Forces, with members of the Vela Revolutionary "
        "Guard Corps, detained Ana Lorvik. The Fuerzas Armadas Revolucionarias del Sur, a "
        "rebel group, denied any part in it.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Forças Armadas de Zembla"] == "security_service"
    assert kinds["Zemblan Armed Forces"] == "security_service"
    assert kinds["Vela Revolutionary Guard Corps"] == "security_service"
    # an armed group's name says it is no state's: "other", whatever its language
    assert org_kind("Fuerzas Armadas Revolucionarias del Sur", "") == "other"
    assert org_kind("Revolutionary Armed Forces of the South", "") == "other"


def test_a_unit_or_squad_is_a_body_of_the_state_and_of_the_police_by_what_it_does() -> None:
    text = (
        "9 June 2024\n\nZembla: Defender held\n\nOn 3 June 2024, officers of the Special "
        "Operations Unit and of the Rapid Response Squad arrested Ana Lorvik. The Cyber Crime Unit "
        "of the Zembla Police questioned her. The Land Titles Unit had refused her claim.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Special Operations Unit"] == "police"
    assert kinds["Rapid Response Squad"] == "police"
    assert org_kind("Cyber Crime Unit", "") == "police"
    # a unit named for no force or crime is the state's, not a civil body's or "other"
    assert kinds["Land Titles Unit"] == "government"
    assert not any("Lorvik" in n for n in kinds)


def test_a_body_that_governs_regulates_or_represents_the_state_is_the_governments() -> None:
    text = (
        "12 June 2024\n\nZenda: Blogger Ana Lee harassed\n\nOn 3 May 2024, the "
        "Telecommunications Regulatory Authority blocked the blog of Ana Lee. On 10 May 2024, "
        "officers of the Vela Municipality evicted her family, and staff of the Embassy of Zenda "
        "in Ruritania refused to renew her passport.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Telecommunications Regulatory Authority"] == "government"
    assert kinds["Vela Municipality"] == "government"
    assert kinds["Embassy of Zenda"] == "government"
    for name in ("the Presidency", "Consulate of Zenda", "Zenda Governorate", "Zenda Cabinet"):
        assert org_kind(name, "") == "government", name
    assert org_kind("Zemblan Navy", "") == "security_service"


def test_a_guard_or_forces_of_any_name_are_a_security_service() -> None:
    text = (
        "9 June 2024\n\nZenda: Activist held\n\nOn 2 May 2024, members of the Republican Guard "
        "detained the activist Mara Deel in Lorvik. Soldiers of the Presidential Guards beat her, "
        "and the Rapid Support Forces raided the office of the Lorvik Legal Centre.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Republican Guard"] == "security_service"
    assert kinds["Presidential Guards"] == "security_service"
    assert kinds["Rapid Support Forces"] == "security_service"
    assert kinds["Lorvik Legal Centre"] == "ngo"
    for name in ("National Guard", "Border Guard", "Islamic Revolutionary Guard Corps",
                 "Special Forces", "Security Forces"):  # fmt: skip
        assert org_kind(name, "") == "security_service", name
    # the police, an armed group and a UN force keep the kinds their names give first
    assert org_kind("Uganda Police Force", "") == "police"
    assert org_kind("Zemblan Police Forces", "") == "police"
    assert org_kind("Revolutionary Armed Forces of the South", "") == "other"
    assert org_kind("United Nations Peacekeeping Forces", "") == "international_org"


def test_a_chamber_of_the_legislature_a_constitutional_council_and_a_news_agency() -> None:
    text = (
        "9 June 2024\n\nZenda: Journalist charged\n\nThe Legislative Assembly passed the law in "
        "2022 and the Constitutional Council upheld it. On 2 May 2024, the Chamber of Deputies "
        "called for the arrest of Ana Lee, a reporter for the Zenda Press Agency.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Legislative Assembly"] == "parliament"
    assert kinds["Constitutional Council"] == "court"
    assert kinds["Chamber of Deputies"] == "parliament"
    assert kinds["Zenda Press Agency"] == "media"
    for name, kind in (("Legislative Council", "parliament"), ("House of Representatives",
                       "parliament"), ("Vela News Agency", "media"),
                       ("Criminal Chamber of the Supreme Court", "court"),
                       ("National Security Agency", "security_service"),
                       ("Constitutional Court", "court")):  # fmt: skip
        assert org_kind(name, "") == kind, name


def test_the_full_stop_of_an_abbreviated_title_is_no_part_of_the_name() -> None:
    # "H.E." is read as "H.E" and a full stop of its own; the name is what follows both
    text = (
        "12 June 2024\n\nZenda: Defender held\n\nOn 3 May 2024, police detained Tomas Reyes.\n\n"
        "Write to:\nH.E. Karl Berg\nPrime Minister of Zenda\n"
    )
    rec = extract_case(text, appeal_id="t")
    berg = [p for p in rec["persons"] if "Berg" in (p["name"] or "")]
    assert [p["name"] for p in berg] == ["Karl Berg"]
    assert berg[0]["evidence"][0]["quote"] == "Karl Berg"
    assert berg[0]["roles"] == ["official"]


def test_a_name_does_not_run_into_the_next_lines_sentence() -> None:
    text = (
        "9 June 2024\n\nZembla: Poet held\n\nPolice arrested the poet Ana Lorvik in Vela on 3 June "
        "2024.\n\nPREFERRED LANGUAGE TO ADDRESS TARGET: Zemblan, Velan, Portuguese, English\nYou "
        "can also write in your own language.\n"
    )
    names = {p["name"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert names == {"Ana Lorvik"}


def test_a_place_based_adjective_is_no_body() -> None:
    text = (
        "9 June 2024\n\nZembla: Editor held\n\nPolice arrested Ana Lorvik, the editor of the "
        "Vela-based weekly Zembla Times, on 3 June 2024.\n"
    )
    bodies = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert bodies.get("Zembla Times") == "media"
    assert "Vela-based" not in bodies


def test_a_spanish_body_keeps_its_article_across_a_line_break() -> None:
    text = (
        "9 June 2024\n\nZembla: Defender threatened\n\nAna Lorvik, coordinator of the Asociación "
        "por una Vida\nDigna, an organisation that supports farmers, was threatened on 3 June "
        "2024.\n"
    )
    record = extract_case(text, appeal_id="t")
    assert "Asociación por una Vida Digna" in {o["name"] for o in record["organisations"]}
    assert {p["name"] for p in record["persons"]} == {"Ana Lorvik"}


def test_a_staff_post_after_a_bodys_head_word_names_no_body() -> None:
    text = (
        "Vela Watch\n\nZembla: Editor held\n\n9 May 2026\n\nOn 3 May 2026, police arrested "
        "Project Officer Tom Reed. “Free him,” said Marta Kowal, Programme Officer for Central "
        "Asia at Vela Watch. “Now,” said Ana Lind, Programme Manager at the Tarn Forum. The "
        "Vela Programme for Justice protested.\n"
    )
    rec = extract_case(text, appeal_id="t")
    orgs = {o["name"] for o in rec["organisations"]}
    assert "Programme Officer for Central Asia" not in orgs
    assert "Programme Manager" not in orgs
    assert {"Vela Watch", "Tarn Forum", "Vela Programme for Justice"} <= orgs
    assert "Tom Reed" in {p["name"] for p in rec["persons"]}  # a post before a name: as before


def test_a_regions_programme_in_a_contact_line_and_an_address_unit_name_no_body() -> None:
    """A programme named for a region, followed by the body it belongs to ("East Asia
    Programme, Vela Forum"), is a unit of that body in a contact line; "Unit A" opens an
    address. A programme named for anything else is a body."""
    text = (
        "Vela Forum\n\nZembla: Editor held\n\n9 May 2026\n\nOn 3 May 2026, police arrested "
        "the editor Tom Reed. The Zembla Development Programme, which funds his paper, "
        "protested.\n\n"
        "For more information: Ana Lind, Europe and Central Asia Programme, Vela Forum,\n"
        "Unit A, 12 Kastra Road, London. Rina Holm, MENA Programme, Vela Forum.\n"
    )
    rec = extract_case(text, appeal_id="t")
    orgs = {o["name"] for o in rec["organisations"]}
    assert not orgs & {"Europe and Central Asia Programme", "MENA Programme", "Unit A"}
    assert {"Vela Forum", "Zembla Development Programme"} <= orgs


def test_a_body_spelled_before_its_abbreviation_is_found_in_any_case_or_language() -> None:
    text = (
        "15 May 2023\n\nZendaria: Defenders detained\n\nOn 2 May 2023, police arrested Ali Reza, "
        "vice-president of the Association zendarienne des droits humains (AZDH), and Lina "
        "Haddad, a member of the Ligue zendarienne pour la défense des droits de l'homme "
        "(LZDDH). The AZDH said the arrests were arbitrary. Reza works with the Centre for Human "
        "Rights, Democracy and Development (CHRDD) and was treated at the Kastra Civil Hospital "
        "(KCH). The Tribunal de première instance de Kastra (TPI) ordered their detention. "
        "The Kastra police unit (KXR) guarded them.\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    azdh = orgs["Association zendarienne des droits humains"]
    assert azdh["variants"] == ["AZDH"] and azdh["kind"] == "ngo"
    assert orgs["Ligue zendarienne pour la défense des droits de l'homme"]["kind"] == "ngo"
    # the longer name spelled by the abbreviation replaces the body read inside it
    assert "Centre for Human Rights, Democracy and Development" in orgs
    assert "Centre for Human Rights" not in orgs
    assert orgs["Kastra Civil Hospital"]["kind"] == "other"
    # a French court's name goes on in lower case, and spells its abbreviation
    assert orgs["Tribunal de première instance de Kastra"]["variants"] == ["TPI"]
    # an abbreviation that the words before it do not spell names nothing new
    assert not any("unit" in n or "KXR" in o["variants"] for n, o in orgs.items())
    for name in ("Government Medical College and Hospital", "Vela Secondary School"):
        assert org_kind(name, "") == "other", name


def test_a_translation_before_the_abbreviation_in_brackets_names_the_same_body() -> None:
    text = (
        "15 May 2023\n\nZendaria: Defenders detained\n\nOn 2 May 2023, police arrested Ali Reza, "
        "a member of the Service zendarien de renseignement et de sécurité (Zendarian "
        "Intelligence and Security Service, SZRS), and Lina Haddad of the Ligue zendarienne "
        "pour la défense des droits de l'homme (Zendarian League for Human Rights, LZDDH).\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    league = orgs["Ligue zendarienne pour la défense des droits de l'homme"]
    assert "Zendarian League for Human Rights" in league["variants"]
    assert "LZDDH" in league["variants"] and league["kind"] == "ngo"
    assert "Zendarian League for Human Rights" not in orgs
    # the kind is read from the translation's head words
    service = orgs["Service zendarien de renseignement et de sécurité"]
    assert service["kind"] == "security_service"
    # a bracket whose words before the comma are no name ("in May, LZDDH") adds nothing
    near = text.replace("(Zendarian League for Human Rights, LZDDH)", "(founded in May, LZDDH)")
    orgs = {o["name"]: o for o in extract_case(near, appeal_id="t")["organisations"]}
    assert not any(n.startswith("Ligue zendarienne") for n in orgs)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The mining company Zen Gold Resources had filed a complaint against him.",
         "Zen Gold Resources"),
        ("He had criticised the palm oil company Green Harvest Plantations.",
         "Green Harvest Plantations"),
        ("The security firm Black Shield Services guarded the mine.", "Black Shield Services"),
        ("The construction firm Omar Brothers evicted the villagers.", "Omar Brothers"),
        ("He worked for the telecoms company Kastra Mobile.", "Kastra Mobile"),
    ],
)  # fmt: skip
def test_a_name_after_a_noun_for_a_business_is_a_company(sentence: str, name: str) -> None:
    text = (
        "Zendaria: Defender detained\n\n15 May 2023\n\nAli Reza, a human rights defender, was "
        f"arrested on 2 May. {sentence}\n"
    )
    record = extract_case(text, appeal_id="t")
    assert {o["name"]: o["kind"] for o in record["organisations"]}[name] == "company"
    assert name not in {p["name"] for p in record["persons"]}


def test_newspapers_clubs_the_public_ministry_and_a_city_hall_by_their_names() -> None:
    # (a city hall's kind only: "Hall" is no head word, a surname as often)
    text = (
        "9 June 2024\n\nZenda: Journalist charged\n\nOn 2 May 2024, the Public Ministry charged "
        "Ana Lee, a reporter for The Kastra Observer, after the Kastra City Hall complained. The "
        "Kastra Press Club and the Vela Chronicle condemned the charges.\n"
    )
    kinds = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert kinds["Public Ministry"] == "prosecution"
    assert kinds["Kastra Observer"] == "media"
    assert org_kind("Kastra City Hall", "") == "government"
    assert kinds["Kastra Press Club"] == "ngo"
    assert kinds["Vela Chronicle"] == "media"
    for name in ("Kastra Journal", "Kastra Courier", "Kastra Express", "Kastra Mirror"):
        assert org_kind(name, "") == "media", name


def test_a_religious_or_party_style_before_a_name_is_no_part_of_it() -> None:
    text = (
        "15 May 2023\n\nZendaria: Activists detained\n\nOn 2 May 2023, police arrested Ustaz "
        "Idris Bello and Hajji Rahim Khan. Comrade Tafadzwa Moyo and Cde Chipo Dube were "
        "beaten.\n"
    )
    names = {p["name"] for p in extract_case(text, appeal_id="t")["persons"]}
    assert {"Idris Bello", "Rahim Khan", "Tafadzwa Moyo", "Chipo Dube"} <= names


def test_a_person_of_a_law_society_is_no_law() -> None:
    # "Law" is an instrument's head word, but "A B of the X Law Society" names a person of a body
    text = (
        "5 May 2026\n\nZembla: Lawyer held\n\nOn 2 May 2026, police detained the activist Eva "
        "Marsh. Her lawyer, Tuva Brekke of the Vela Law Society, said she was beaten; her "
        "colleague Ivo Sand of the Law Society of Zembla said so too. The Protection of the Law "
        "Act was cited.\n"
    )
    rec = extract_case(text, appeal_id="t-names-law-society")
    persons = {p["name"]: p for p in rec["persons"]}
    orgs = {o["name"] for o in rec["organisations"]}
    assert persons["Tuva Brekke"]["roles"] == ["lawyer"]
    assert "Ivo Sand" in persons
    assert {"Vela Law Society", "Law Society of Zembla"} <= orgs
    assert not any("Brekke" in (i["name"] or "") for i in rec.get("instruments", []))


@pytest.mark.parametrize(
    "name",
    ["Trần Thị Hương", "Lê Văn Đức", "Phạm Minh Hoàng", "Nguyễn Thị Lan Anh", "Đỗ Quốc Vỹ"],
)
def test_a_vietnamese_name_whose_words_end_in_a_vietnamese_letter_is_read(name: str) -> None:
    # Latin Extended Additional (ạ … ỹ), ơ, ư and đ end a word of a name as any letter does
    text = (
        "9 June 2025\n\nKastria: Blogger detained\n\nOn 4 June 2025, police in Hanoi arrested "
        f"the blogger {name} at her home. She is held incommunicado.\n"
    )
    names = {p["name"] for p in extract_case(text, appeal_id="t-vi")["persons"]}
    assert name in names
