"""Organisations and their kinds in the constructions of the genre, one made-up sentence each:
kinds by head noun, bodies named in another language with a translation in brackets, bodies
named in French. The sentences were written from the corpus README's kinds, not from any
appeal's wording.
"""

from __future__ import annotations

import pytest
from genrecases import genre_params

from kg.extract import extract_case

HEAD = "12 May 2021\n\nZembla: Rights defenders at risk\n\n"

# Constructions whose fix was tried and not kept: it left the development half B and the
# invented appeals where they were (docs/extraction.md keeps a change only where one rises).
KNOWN_XFAIL: dict[str, str] = {}

CASES: list[tuple[str, str, dict[str, str]]] = [
    # near miss: a day's month before "a group of" names no body
    ("month-before-a-group", "On 2 May 2021, police arrested Rina Holm. On 3 May, a group of "
     "officers of the Vela Police searched her office.", {"Vela Police": "police"}),
    # two names of one outlet joined by a slash are one body; a police force named with its
    # branch and the place it serves is one body
    ("slashed-names", "On 3 May 2021, the regulator blocked Radio Vela, the local service of "
     "Radio Free Zembla/Radio Kastra.", {"Radio Vela": "media",
                                          "Radio Free Zembla/Radio Kastra": "media"}),
    ("judicial-police-of-town", "On 3 May 2021, Rina Holm was questioned by the judicial "
     "police of\nKastra.", {"judicial police of Kastra": "police"}),
    # kinds by head noun
    # a court named by a town of two words, in lower case
    ("two-word-town-court", "On 3 May 2021, Rina Holm was brought before the Vela Nova court, "
     "which charged her.", {"Vela Nova court": "court"}),
    # where an NGO named by words of its own sits is no part of its name; a name with a
    # head word or one word before "in" keeps it (near misses)
    ("ngo-in-a-town", "On 3 May 2021, police arrested Rina Holm, who heads the human rights "
     "centre Vela Nova in Kastra.", {"Vela Nova": "ngo"}),
    ("ngo-one-word-in", "On 3 May 2021, police arrested Rina Holm, a member of the human rights "
     "group Voices in Exile.", {"Voices in Exile": "ngo"}),
    # a prosecutor's office in lower case named by its place and level
    ("regional-prosecutors-office", "On 3 May 2021, Rina Holm filed a complaint with the "
     "Kastra regional prosecutor\u2019s office.", {"Kastra regional prosecutor\u2019s office":
     "prosecution"}),
    # a police force in lower case named by a region of two words and its level
    ("two-word-region-police", "On 3 May 2021, officers of the Vela Nova regional police "
     "arrested Rina Holm.", {"Vela Nova regional police": "police"}),
    # a name joined by "to" after a head word
    ("force-to-fight", "On 3 May 2021, agents of the Special Force to Fight Crime arrested Rina "
     "Holm.", {"Special Force to Fight Crime": "security_service"}),
    # where a body is, before its name, is no word of it
    ("based-prefix", "On 3 May 2021, police raided the Vela-based Radio Kastra Voice and detained "
     "Rina Holm.", {"Radio Kastra Voice": "media"}),
    # security services named with "of", or by the state's machinery
    ("directorate-of-security", "On 3 May 2021, officers of the General Directorate of Internal "
     "Security arrested Rina Holm.",
     {"General Directorate of Internal Security": "security_service"}),
    ("security-apparatus", "On 3 May 2021, the State Security Apparatus questioned Rina Holm.",
     {"State Security Apparatus": "security_service"}),
    ("attorney-office", "On 3 May 2021, the District Government Attorney Office charged Rina "
     "Holm.", {"District Government Attorney Office": "prosecution"}),
    ("writers-workshop", "On 3 May 2021, police banned the readings of the Vela Poetry Workshop, "
     "where Rina Holm read.", {"Vela Poetry Workshop": "ngo"}),
    ("spanish-force", "On 3 May 2021, agents of the Fuerza Especial de Seguridad "
     "arrested Rina Holm.", {"Fuerza Especial de Seguridad": "security_service"}),
    ("court-of-appeal", "On 3 May 2021, the Vela Court of Appeal upheld the sentence against "
     "Rina Holm.", {"Vela Court of Appeal": "court"}),
    ("prosecutor-general-office", "On 3 May 2021, the Office of the Prosecutor General of Zembla "
     "charged Rina Holm.", {"Office of the Prosecutor General of Zembla": "prosecution"}),
    ("intelligence-agency", "On 3 May 2021, the National Intelligence Agency detained Rina Holm.",
     {"National Intelligence Agency": "security_service"}),
    ("border-guard", "On 3 May 2021, the Zembla Border Guard Service detained Rina Holm.",
     {"Zembla Border Guard Service": "security_service"}),
    ("internal-security-directorate", "On 3 May 2021, officers of the Internal Security "
     "Directorate questioned Rina Holm.", {"Internal Security Directorate": "security_service"}),
    ("state-defence-secretariat", "On 3 May 2021, Rina Holm was moved to the State Defence "
     "Secretariat in Vela.", {"State Defence Secretariat": "security_service"}),
    ("station-locality", "On 3 May 2021, Rina Holm was held overnight at Model Town police "
     "station.", {"Model Town police station": "police"}),
    ("families-forum", "On 3 May 2021, police arrested Rina Holm, a member of the Vela Families "
     "Forum.", {"Vela Families Forum": "ngo"}),
    ("police-of-place", "On 3 May 2021, municipal police of Dala arrested Rina Holm.",
     {"municipal police of Dala": "police"}),
    ("police-of-district", "In May 2021, Rina Holm was questioned by the police of Vela "
     "district.", {"police of Vela district": "police"}),
    ("ministry", "On 3 May 2021, the Ministry of Public Security detained Rina Holm.",
     {"Ministry of Public Security": "ministry"}),
    # bodies of the state whose head words name other kinds elsewhere
    # a unit named after its head for the crimes it fights is the police's
    ("unit-for-crimes", "On 3 May 2021, the National Unit for Investigating Terrorist Crimes "
     "questioned Rina Holm.", {"National Unit for Investigating Terrorist Crimes": "police"}),
    ("unit-for-defenders", "On 3 May 2021, the Unit for the Protection of Human Rights "
     "Defenders visited Rina Holm.", {"Unit for the Protection of Human Rights Defenders":
     "government"}),
    # the state's regulator of broadcasting is the government's; a broadcaster is media
    ("broadcasting-authority", "On 3 May 2021, the Independent Broadcasting Authority suspended "
     "Rina Holm's programme.", {"Independent Broadcasting Authority": "government"}),
    ("directorate-general", "On 3 May 2021, agents of the Directorate-General for State "
     "Security detained Rina Holm.", {"Directorate-General for State Security":
     "security_service"}),
    # a plenum of students is their assembly; a court's plenum is the court's
    ("students-plenum", "On 3 May 2021, Rina Holm, a member of the Vela Students' Plenum, was "
     "arrested.", {"Vela Students' Plenum": "other"}),
    ("court-plenum", "On 3 May 2021, the Plenum of the Supreme Court rejected Rina Holm's "
     "appeal.", {"Plenum of the Supreme Court": "court", "Supreme Court": "court"}),
    # a monarch's office is the government's; a court of justice named royal is a court
    ("royal-court", "On 3 May 2021, the Royal Court ordered the arrest of Rina Holm.",
     {"Royal Court": "government"}),
    ("royal-court-of-justice", "On 3 May 2021, the Royal Court of Justice acquitted Rina Holm.",
     {"Royal Court of Justice": "court"}),
    ("infantry-division", "On 3 May 2021, soldiers of the 3rd Infantry Division detained Rina "
     "Holm.", {"3rd Infantry Division": "security_service"}),
    ("court-division", "On 3 May 2021, the Criminal Division of the Vela High Court convicted "
     "Rina Holm.",
     {"Criminal Division of the Vela High Court": "court", "Vela High Court": "court"}),
    ("task-force", "On 3 May 2021, the Joint Task Force detained Rina Holm.",
     {"Joint Task Force": "security_service"}),
    ("air-force", "On 3 May 2021, the Zembla Air Force bombed Vela, said Rina Holm.",
     {"Zembla Air Force": "security_service"}),
    ("police-force", "On 3 May 2021, the Zembla Police Force detained Rina Holm.",
     {"Zembla Police Force": "police"}),
    ("state-council", "On 3 May 2021, the State Council ordered the closure of Rina Holm's "
     "school.", {"State Council": "government"}),
    ("council-of-state", "On 3 May 2021, the Council of State upheld the dismissal of "
     "Rina Holm.", {"Council of State": "court"}),
    ("central-bank", "On 3 May 2021, the Central Bank of Zembla froze Rina Holm's accounts.",
     {"Central Bank of Zembla": "government"}),
    ("policia-militar", "On 3 May 2021, the Polícia Militar detained Rina Holm in Vela.",
     {"Polícia Militar": "police"}),
    ("carabineros", "On 3 May 2021, Carabineros de Zembla detained Rina Holm in Vela.",
     {"Carabineros de Zembla": "police"}),
    # a Corporación is a civil body in Spanish, its name joined by "y"; an English Corporation
    # is a business
    ("corporacion", "On 3 May 2021, Rina Holm, the legal representative of the Corporación "
     "Tierra y Agua, was threatened.", {"Corporación Tierra y Agua": "ngo"}),
    ("corporation", "On 3 May 2021, the Vela Water Corporation evicted Rina Holm.",
     {"Vela Water Corporation": "company"}),
    # a Secretaría of a Spanish-speaking state is a ministry; an English Secretariat is not
    ("secretaria", "On 3 May 2021, the Secretaría de Derechos Humanos received Rina Holm.",
     {"Secretaría de Derechos Humanos": "ministry"}),
    ("secretariat", "On 3 May 2021, the Vela Youth Secretariat received Rina Holm.",
     {"Vela Youth Secretariat": "government"}),
    ("municipal-council", "On 3 May 2021, the Vela Municipal Council evicted Rina Holm.",
     {"Vela Municipal Council": "government"}),
    ("electoral-commission", "On 3 May 2021, the Vela Electoral Commission disqualified Rina "
     "Holm.", {"Vela Electoral Commission": "government"}),
    ("party", "On 3 May 2021, the Zembla Democratic Party expelled Rina Holm.",
     {"Zembla Democratic Party": "political_party"}),
    ("corporation", "On 3 May 2021, the Vela Mining Corporation sued Rina Holm.",
     {"Vela Mining Corporation": "company"}),
    ("broadcasting-corporation", "On 3 May 2021, the Zembla Broadcasting Corporation fired Rina "
     "Holm.", {"Zembla Broadcasting Corporation": "media"}),
    ("university", "On 3 May 2021, Rina Holm, a lecturer at Vela State University, was "
     "arrested.", {"Vela State University": "other"}),
    ("teachers-union", "On 3 May 2021, the Vela Teachers' Union said Rina Holm had been "
     "arrested.", {"Vela Teachers' Union": "ngo"}),
    ("network", "On 3 May 2021, Rina Holm, founder of the Vela Land Rights Network, was "
     "arrested.", {"Vela Land Rights Network": "ngo"}),
    ("foundation", "On 3 May 2021, Rina Holm, director of the Vela Foundation for Justice, was "
     "arrested.", {"Vela Foundation for Justice": "ngo"}),
    # the bar of a city by its noun alone, or named a society; a post of it is no body
    ("city-bar", "On 3 May 2021, Rina Holm, a lawyer and member of the Vela Bar, was "
     "arrested.", {"Vela Bar": "other"}),
    ("bar-society", "On 3 May 2021, the Zembla Bar Society said Rina Holm had been arrested.",
     {"Zembla Bar Society": "other"}),
    ("batonnier-of-bar", "On 3 May 2021, the Bâtonnier of the Dala Bar, Tom Reed, said Rina "
     "Holm had been arrested.", {"Dala Bar": "other"}),
    ("surname-bar", "On 3 May 2021, Rina Holm and her lawyer, Ivo Bar, were arrested in Dala.",
     {}),
    # "Appeal" opens a chamber's name; a court "of" a province without "the" is named with it
    ("appeal-chamber", "On 3 May 2021, the Appeal Chamber of the Vela Criminal Court upheld the "
     "sentence against Rina Holm.", {"Appeal Chamber of the Vela Criminal Court": "court",
                                     "Vela Criminal Court": "court"}),
    ("court-of-province", "On 3 May 2021, the People’s Court of Vela province convicted Rina "
     "Holm.", {"People’s Court of Vela province": "court"}),
    # near miss: "of the X region" after a body is where it sits
    ("office-of-the-region", "On 3 May 2021, the Prosecutor's Office of the Dala region charged "
     "Rina Holm.", {"Prosecutor's Office": "prosecution"}),
    # a group named for its cause after a person "of" it; a community's network
    ("lawyers-for-cause", "On 3 May 2021, the group's lawyer, Tom Reed of Vela Lawyers for Human "
     "Rights, said Rina Holm had been arrested.", {"Vela Lawyers for Human Rights": "ngo"}),
    ("community-network", "On 3 May 2021, the ministry suspended the Dala Community Network, "
     "which Rina Holm founded.", {"Dala Community Network": "ngo"}),
    # near miss: a community by itself is of kind other
    ("community-alone", "On 3 May 2021, Rina Holm, a leader of the Dala Indigenous Community, was "
     "arrested.", {"Dala Indigenous Community": "other"}),
    # an outlet named by the noun before it, though its name holds a place's head word
    ("news-website-place-head", "On 3 May 2021, police arrested Rina Holm, a reporter for the "
     "news website The Dala Valley Ledger.", {"Dala Valley Ledger": "media"}),
    ("local-portal", "On 3 May 2021, Rina Holm, a reporter for the local portal Vela Today, was "
     "arrested.", {"Vela Today": "media"}),
    ("literary-monthly", "On 3 May 2021, Rina Holm, an editor of the literary monthly Baran-e "
     "Vela, was arrested.", {"Baran-e Vela": "media"}),
    # near miss: a valley after no noun for an outlet is a place
    ("valley-place", "On 3 May 2021, police arrested Rina Holm in the Dala Valley.", {}),
    # a local police department or municipal council named in lower case after its place
    ("city-police-department", "On 3 May 2021, Rina Holm lodged a complaint with the Dala city "
     "police department.", {"Dala city police department": "police"}),
    ("municipal-council", "On 3 May 2021, Rina Holm was dismissed from her job at the Al Dala "
     "municipal council.", {"Al Dala municipal council": "government"}),
    # a French name runs on over an article elided onto a capitalised word
    ("french-elided-article", "On 3 May 2021, the Ligue Velane pour la Défense des Droits de "
     "l'Homme said Rina Holm had been arrested.",
     {"Ligue Velane pour la Défense des Droits de l'Homme": "ngo"}),
    # near miss: an elided article before a lower-case word ends the name
    ("french-elided-lower", "On 3 May 2021, the Ligue Velane said Rina Holm had been arrested "
     "for l'outrage.", {"Ligue Velane": "ngo"}),
    # a police officer's post "of Police" is no body; the force by its name is
    ("post-of-police", "On 3 May 2021, the Superintendent of Police of Vela said Rina Holm was "
     "held.", {}),
    ("force-named", "On 3 May 2021, the Vela District Police said Rina Holm was held.",
     {"Vela District Police": "police"}),
    # a day kept or a pipeline built is no body; the company that builds it is
    ("day-and-pipeline", "On International Workers' Day, 1 May 2021, Rina Holm spoke against "
     "the East Vela Crude Oil Pipeline.", {}),
    ("pipeline-company", "On 3 May 2021, the Vela Pipeline Company sued Rina Holm.",
     {"Vela Pipeline Company": "company"}),
    # a club named only as the building a rally was held outside is a place; raided, a body
    ("venue", "On 3 May 2021, the Vela Union of Journalists held a rally outside the Dala Press "
     "Club to demand the release of Rina Holm.", {"Vela Union of Journalists": "ngo"}),
    ("club-acted-on", "On 3 May 2021, the police raided the Dala Press Club and arrested Rina "
     "Holm.", {"Dala Press Club": "ngo"}),
    # a state's embassy in lower case after its demonym, with its seat
    ("lower-embassy", "On 3 May 2021, an official of the Russian embassy in London called Rina "
     "Holm.", {"Russian embassy in London": "government"}),
    # near miss: no demonym, no body
    ("embassy-no-demonym", "On 3 May 2021, Rina Holm went to the Vela embassy.", {}),
    # a people's own representative body is no state's parliament
    ("peoples-mejlis", "On 3 May 2021, the Mejlis of the Vela Tatar People said Rina Holm had "
     "been arrested.", {"Mejlis of the Vela Tatar People": "other"}),
    ("state-majlis", "On 3 May 2021, the Oliy Majlis passed a law under which Rina Holm was "
     "charged.", {"Oliy Majlis": "parliament"}),
    # an outlet after the language it writes in: the language names no body
    ("language-news-site", "On 3 May 2021, police raided the Kurdish-language news site Vela "
     "Haber in Dala.", {"Vela Haber": "media"}),
    ("language-daily", "On 3 May 2021, Rina Holm, a correspondent for the Hindi daily Dainik "
     "Vela, was arrested.", {"Dainik Vela": "media"}),
    ("outlet-before-noun", "On 3 May 2021, police raided the Vela Voice news website.",
     {"Vela Voice": "media"}),
    # a name in another language with its translation in brackets: one body
    ("spanish-glossed", "On 3 May 2021, the Asociación Velana de Derechos Humanos (Velan Human "
     "Rights Association) said Rina Holm had been arrested.",
     {"Asociación Velana de Derechos Humanos": "ngo"}),
    # bodies named in French: the name runs over "des", "du", "pour"; the head opens it
    ("french-ligue-and-agency", "On 3 May 2021, agents of the Agence Nationale de "
     "Renseignements arrested Rina Holm, a member of the Ligue Velane des Droits Humains.",
     {"Agence Nationale de Renseignements": "security_service",
      "Ligue Velane des Droits Humains": "ngo"}),
    ("french-collectif", "On 3 May 2021, Rina Holm, coordinator of the Collectif des Femmes de "
     "Vela, was arrested.", {"Collectif des Femmes de Vela": "ngo"}),
    ("french-ministry-and-network", "On 3 May 2021, the Ministère de la Justice suspended Rina "
     "Holm, a member of the Réseau des Défenseurs de Vela.",
     {"Ministère de la Justice": "ministry", "Réseau des Défenseurs de Vela": "ngo"}),
    ("french-surete", "On 3 May 2021, officers of the Direction Générale de la Sûreté Nationale "
     "arrested Rina Holm.", {"Direction Générale de la Sûreté Nationale": "police"}),
    # the same names in sentence case: the lower-case word still tells the kind
    ("french-sentence-case", "On 3 May 2021, the Agence nationale de renseignement (ANR) "
     "arrested Rina Holm.", {"Agence nationale de renseignement": "security_service"}),
    # near miss: an agency named in French without the word is the state's, not its police
    ("french-agency-plain", "On 3 May 2021, the Agence nationale des forêts (ANF) fined Rina "
     "Holm.",
     {"Agence nationale des forêts": "government"}),
    # a mission the UN sends to establish facts is an international body
    ("fact-finding-mission", "On 3 May 2021, the Independent International Fact-Finding Mission "
     "for Zembla met Rina Holm.",
     {"Independent International Fact-Finding Mission for Zembla": "international_org"}),
    ("french-glossed", "On 3 May 2021, the Fédération Velane pour la Défense des Droits (Velan "
     "Federation for the Defence of Rights) said Rina Holm had been arrested.",
     {"Fédération Velane pour la Défense des Droits": "ngo"}),
    # a company's legal form after a comma, on the same line or the next
    ("legal-form-after-comma", "On 3 May 2021, Rina Holm was sued by the mining firm Minera del "
     "Valle, S.A., which runs the quarry.", {"Minera del Valle, S.A.": "company"}),
    # "and" after "for the" inside a body's name; two bodies where a head word follows it
    ("and-after-for-the", "On 3 May 2021, police arrested Rina Holm, director of the Vela League "
     "for the Promotion and Defense of Human Rights.",
     {"Vela League for the Promotion and Defense of Human Rights": "ngo"}),
    ("and-before-a-body", "On 3 May 2021, the Office of the President and Ministry of Justice "
     "ignored the arrest of Rina Holm.",
     {"Office of the President": "government", "Ministry of Justice": "ministry"}),
    ("two-places-one-police", "On 3 May 2021, officers of the Vela and Strelsau Police's "
     "cyber unit arrested Rina Holm.", {"Vela and Strelsau Police": "police"}),
    ("a-body-and-a-police", "On 3 May 2021, the Vela Bar Association and Strelsau Police met "
     "Rina Holm.", {"Vela Bar Association": "other", "Strelsau Police": "police"}),
    ("bare-head-in-a-city", "On 3 May 2021, after Rina Holm briefed the Vela Rights Committee, "
     "the Committee in Strelsau said she had been arrested.", {"Vela Rights Committee": "ngo"}),
    ("speaker-of-parliament", "On 3 May 2021, the Speaker of the Parliament of Zembla called "
     "the arrest of Rina Holm lawful.", {"Parliament of Zembla": "parliament"}),
    ("legal-form-variable-capital", "On 3 May 2021, Rina Holm was sued by the company "
     "Constructora Vela del Sur, S.A. de C.V., which builds the road.",
     {"Constructora Vela del Sur, S.A. de C.V.": "company"}),
    ("legal-form-limited-liability", "On 3 May 2021, Rina Holm was sued by Aguas del Norte S. "
     "de R.L. over her reports.", {"Aguas del Norte S. de R.L.": "company"}),
    ("legal-form-after-comma-wrapped", "On 3 May 2021, Rina Holm was sued for libel by Vela "
     "Shipping,\nLtd. over her reports.", {"Vela Shipping, Ltd.": "company"}),
    # legal forms of other countries: Malaysia's, the Netherlands', Australia's
    ("legal-form-sdn-bhd", "On 3 May 2021, Vela Timber Sdn Bhd lodged a police report against "
     "Rina Holm.", {"Vela Timber Sdn Bhd": "company"}),
    ("legal-form-bv", "On 3 May 2021, Rina Holm was sued by Vela Dredging B.V. over her reports.",
     {"Vela Dredging B.V.": "company"}),
    ("legal-form-pty-ltd", "On 3 May 2021, Rina Holm was sued by Vela Gold Pty Ltd over her "
     "reports.", {"Vela Gold Pty Ltd": "company"}),
    # a business the text calls the state's
    ("state-owned-before-name", "On 3 May 2021, Rina Holm was dismissed by the state-owned Vela "
     "Harbour Services Company after a strike.",
     {"Vela Harbour Services Company": "state_enterprise"}),
    ("state-noun-company", "On 3 May 2021, Rina Holm, who drives for the state mining company "
     "Minera del Valle, S.A., was arrested.", {"Minera del Valle, S.A.": "state_enterprise"}),
    ("state-owned-after-name-no-cue", "On 3 May 2021, Rina Holm was dismissed by the mining "
     "company Vela Quarries, which the state owns.", {"Vela Quarries": "company"}),
    # a unit of the police takes its parent's kind
    ("unit-of-the-police", "On 3 May 2021, Rina Holm was questioned by the Cyber Crime "
     "Suppression Division (CCSD) of the Vela Police.",
     {"Cyber Crime Suppression Division": "police", "Vela Police": "police"}),
    ("its-unit", "On 3 May 2021, officers of the Vela Police Service and of its Tactical Support "
     "Unit arrested Rina Holm.", {"Vela Police Service": "police", "Tactical Support Unit":
     "police"}),
    ("police-as-modifier", "On 3 May 2021, officers of the police Public Order Department "
     "arrested Rina Holm.", {"Public Order Department": "police"}),
    ("division-of-a-court", "On 3 May 2021, the Vela High Court, Appeals Division, acquitted "
     "Rina Holm.", {"Vela High Court": "court", "Appeals Division": "court"}),
    # the UN's agencies by name
    ("un-agency", "On 3 May 2021, Rina Holm, who had filed a complaint with the International "
     "Labour Organization, was arrested by the Vela Police.",
     {"International Labour Organization": "international_org", "Vela Police": "police"}),
    ("international-ngo-stays-ngo", "On 3 May 2021, Rina Holm, a member of the International "
     "Federation for Human Rights, was arrested.",
     {"International Federation for Human Rights": "ngo"}),
    # Turkey's criminal judgeships of peace are courts
    ("judgeship-of-peace", "On 3 May 2021, the Vela 2nd Criminal Judgeship of Peace ordered Rina "
     "Holm jailed pending trial.", {"Vela 2nd Criminal Judgeship of Peace": "court"}),
    # a court named with its jurisdiction
    ("court-with-jurisdiction", "On 3 May 2021, Rina Holm was brought before the Second Control "
     "Court with\njurisdiction over terrorism cases in Strelsau, which ordered her detention.",
     {"Second Control Court with jurisdiction over terrorism cases": "court"}),
    # the state's registrar of bodies
    ("registrar-of-bodies", "On 3 May 2021, the Registrar of Societies suspended the "
     "registration of the Vela Rights Network.",
     {"Registrar of Societies": "government", "Vela Rights Network": "ngo"}),
    ("registrar-a-post", "On 3 May 2021, Registrar Tom Reed of the Vela High Court refused to "
     "file the appeal of Rina Holm.", {"Vela High Court": "court"}),
    # a forum of a cause is an NGO, a forum of stakeholders is not
    ("rights-forum", "On 3 May 2021, Rina Holm of the Vela Students Forum was arrested.",
     {"Vela Students Forum": "ngo"}),
    ("stakeholder-forum", "On 3 May 2021, Rina Holm, who chairs the Vela Multi-Stakeholder Forum, "
     "was arrested.", {"Vela Multi-Stakeholder Forum": "other"}),
    # a place of custody is no body
    ("correctional-centre", "On 3 May 2021, Rina Holm was taken by the Vela Police to the Vela "
     "Correctional Centre.", {"Vela Police": "police"}),
    # a post in a body after its possessive is no body
    ("post-after-possessive", "On 3 May 2021, the Vela Rights Network's Africa Programme "
     "Manager, Tom Reed, said Rina Holm had been arrested.", {"Vela Rights Network": "ngo"}),
    # a court's seat or branch after its possessive is no part of its name
    ("branch-after-possessive", "On 3 May 2021, Rina Holm was brought before the Vela High "
     "Court’s Lido branch.", {"Vela High Court": "court"}),
    # two fields of one body joined by "and" before its head word are one name
    ("fields-before-head", "On 3 May 2021, officers of the Passports and Residence Directorate "
     "seized Rina Holm's passport.", {"Passports and Residence Directorate": "government"}),
    ("field-nouns-before-head", "On 3 May 2021, agents of the State Intelligence and Security "
     "Service arrested Rina Holm.", {"State Intelligence and Security Service":
                                     "security_service"}),
    # a complement of a body's head runs on after "and" with words no person's name holds
    ("complement-and-fields", "On 3 May 2021, the Central Office for Combating Terrorism and "
     "Transnational Organised Crime questioned Rina Holm.",
     {"Central Office for Combating Terrorism and Transnational Organised Crime": "government"}),
    ("complement-and-abstract-noun", "On 3 May 2021, agents of the General Directorate of "
     "Documentation and External Security arrested Rina Holm.",
     {"General Directorate of Documentation and External Security": "government"}),
    # near misses: a person, a known body or a body with a complement before "and" stays apart
    ("person-and-body", "On 3 May 2021, Tom Reed and Vela Police officers arrested Rina Holm.",
     {"Vela Police": "police"}),
    ("known-body-and-body", "On 3 May 2021, Amnesty International and Vela Rights Watch "
     "condemned the arrest of Rina Holm.",
     {"Amnesty International": "ngo", "Vela Rights Watch": "ngo"}),
    ("complement-and-person", "On 3 May 2021, the Centre for Civil Rights and Ana Lee Tosk "
     "condemned the arrest of Rina Holm.", {"Centre for Civil Rights": "ngo"}),
    # a cause after "and the" goes on with the name
    ("cause-after-and-the", "On 3 May 2021, police arrested Rina Holm, director of the Vela "
     "Centre for Justice and the Environment, a group that monitors logging.",
     {"Vela Centre for Justice and the Environment": "ngo"}),
    # a constituent assembly writes a constitution: a legislature
    ("constituent-assembly", "On 3 May 2021, Tom Reed of the Zemblan Constituent Assembly "
     "called Rina Holm a traitor.", {"Zemblan Constituent Assembly": "parliament"}),
    # a group named for the people it stands for, "of the" inside its name
    ("people-of-the-group", "On 3 May 2021, police arrested Rina Holm, leader of the Vela "
     "Mothers of the Disappeared Collective.",
     {"Vela Mothers of the Disappeared Collective": "ngo"}),
    # near miss: a body's part before "of the" has the body as its parent
    ("part-of-the-body", "On 3 May 2021, the Presidium of the Vela Bar Association disbarred "
     "Rina Holm.", {"Presidium of the Vela Bar Association": "other",
                    "Vela Bar Association": "other"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    genre_params(CASES, KNOWN_XFAIL),
)
def test_bodies_and_kinds_in_a_construction_of_the_genre(
    sentence: str, expected: dict[str, str]
) -> None:
    record = extract_case(HEAD + sentence + "\n", appeal_id="t-body-construction")
    got = {o["name"]: o["kind"] for o in record["organisations"] if o["name"] != "police"}
    assert got == expected


def test_a_name_with_its_translation_quoted_in_brackets_then_an_apposition_is_a_body() -> None:
    text = HEAD + (
        'Rina Holm coordinates Vela Dala ("Open Field"), an independent monitoring group that '
        "documents forced labour. Police arrested Rina Holm on 3 May 2021.\n"
    )
    record = extract_case(text, appeal_id="t-quoted-gloss")
    orgs = {o["name"]: (o["variants"], o["kind"]) for o in record["organisations"]}
    assert orgs["Vela Dala"] == (["Open Field"], "ngo")
    assert [p["name"] for p in record["persons"]] == ["Rina Holm"]  # no person "Open Field"


def test_a_bare_head_word_with_a_possessive_is_no_body_and_initials_name_the_body() -> None:
    text = HEAD + (
        "Rina Holm briefed the Vela Rights Council in March 2021 on her work with the United "
        "Nations. Police arrested her on 3 May 2021, after the Council's session. UN experts "
        "protested.\n"
    )
    orgs = {
        o["name"]: o["variants"]
        for o in extract_case(text, appeal_id="t-bare-head")["organisations"]
        if o["name"] != "police"
    }
    assert orgs == {"Vela Rights Council": [], "United Nations": ["UN"]}


def test_a_name_the_apposition_calls_the_security_forces_is_that_force() -> None:
    text = HEAD + (
        "Ivo Sand was arrested on 2 May 2021 by members of the Asayish, the security forces of "
        "the Vela Region, who raided his home. The Asayish denied holding him.\n"
    )
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t-force")["organisations"]}
    assert orgs == {"Asayish": "security_service"}  # no second body "security forces"


def test_an_issuers_header_names_one_body() -> None:
    text = (
        "CIVICUS – World Alliance for Citizen Participation\n\n12 May 2021\n\nZembla: Defender "
        "detained\n\nCIVICUS is alarmed by the arrest of Rina Holm on 3 May 2021.\n"
    )
    orgs = extract_case(text, appeal_id="t-dash")["organisations"]
    assert [(o["name"], o["variants"]) for o in orgs] == [
        ("CIVICUS", ["World Alliance for Citizen Participation"])
    ]


def test_an_issuers_signature_with_a_colon_names_one_body() -> None:
    text = (
        HEAD + "CIVICUS is alarmed by the arrest of Rina Holm on 3 May 2021.\n\n"
        "CIVICUS: World Alliance for Citizen Participation\n"
    )
    orgs = extract_case(text, appeal_id="t-colon")["organisations"]
    assert [(o["name"], o["variants"]) for o in orgs] == [
        ("CIVICUS", ["World Alliance for Citizen Participation"])
    ]


def test_a_header_line_with_an_acronym_in_brackets_names_the_body_of_the_text() -> None:
    text = (
        "DEFENDER ALERT – ZEMBLA\n\nArrest of defender Rina Holm\n\nVela Initiative of Women "
        "Defenders (VI-Mujeres)\n\nStrelsau, 12 May 2021\n\nThe Vela Initiative of Women "
        "Defenders condemns the arrest of Rina Holm on 3 May 2021.\n"
    )
    orgs = extract_case(text, appeal_id="t-acronym")["organisations"]
    assert [(o["name"], o["variants"]) for o in orgs] == [
        ("Vela Initiative of Women Defenders", ["VI-Mujeres"])
    ]


def test_a_bodys_acronym_before_its_head_word_is_that_body() -> None:
    text = (
        "Zembla: Reprisals against defender who briefed the CAT Committee\n\n12 May 2021\n\n"
        "On 3 May 2021 Rina Holm was arrested after she briefed the UN Committee against Torture "
        "(CAT) in Geneva.\n"
    )
    orgs = extract_case(text, appeal_id="t-acronym-head")["organisations"]
    assert [o["name"] for o in orgs] == ["UN Committee against Torture"]
    assert "CAT Committee" in orgs[0]["variants"]


def test_two_bodies_in_a_sentence_joined_by_a_colon_stay_two() -> None:
    text = (
        HEAD + "On 3 May 2021 the Vela Police arrested Rina Holm of the Vela Rights Network: Vela "
        "Police denied it.\n"
    )
    orgs = extract_case(text, appeal_id="t-colon-two")["organisations"]
    assert sorted(o["name"] for o in orgs) == ["Vela Police", "Vela Rights Network"]


def test_a_translation_in_brackets_is_a_variant_of_the_french_name() -> None:
    text = (
        HEAD + "On 3 May 2021, the Fédération Velane pour la Défense des Droits (Velan "
        "Federation for the Defence of Rights) said Rina Holm had been arrested.\n"
    )
    (org,) = extract_case(text, appeal_id="t-gloss")["organisations"]
    assert org["variants"] == ["Velan Federation for the Defence of Rights"]


def test_every_known_failure_names_a_case() -> None:
    assert set(KNOWN_XFAIL) <= {key for key, _, _ in CASES}


def test_a_legal_form_before_a_quoted_name_and_the_name_alone_are_one_body() -> None:
    text = HEAD + (
        'Rina Holm directs the Public Foundation "Vela Legal Clinic", which gives free legal '
        "aid. On 3 May 2021, officers searched the office of Vela Legal Clinic in Dala.\n"
    )
    orgs = [o for o in extract_case(text, appeal_id="t-quoted-form")["organisations"]]
    named = [o for o in orgs if "Vela Legal Clinic" in o["name"]]
    assert len(named) == 1, orgs
    assert 'Public Foundation "Vela Legal Clinic"' in (named[0]["name"], *named[0]["variants"])


def test_a_document_named_in_capitals_with_an_acronym_is_no_body() -> None:
    text = HEAD + (
        "On 3 May 2021, the Vela police registered a First Information Report (FIR) against Rina "
        "Holm, and her name was put on the Exit Control List.\n"
    )
    orgs = {o["name"] for o in extract_case(text, appeal_id="t-document")["organisations"]}
    assert orgs == {"Vela police"}


@pytest.mark.parametrize(
    ("sentence", "police"),
    [
        # the police acting, in lower case: a body
        ("On 3 May 2021, police officers arrested Rina Holm in Dala.", True),
        ("On 3 May 2021, the police searched the home of Rina Holm.", True),
        # a post, one officer, a place or an action of the police: no body acting
        ("On 3 May 2021, the national police chief, Tom Reed, accused Rina Holm of lying.", False),
        ("On 3 May 2021, Rina Holm was fined for insulting a police officer.", False),
        ("On 3 May 2021, Rina Holm was held at a police camp in Dala.", False),
        ("On 3 May 2021, Rina Holm wrote about a police operation in Dala.", False),
        # the force's name in brackets after its name in another language
        ("On 3 May 2021, the Policía Nacional (National Police) detained Rina Holm.", False),
    ],
)
def test_the_police_in_lower_case_is_a_body_where_it_acts(sentence: str, police: bool) -> None:
    record = extract_case(HEAD + sentence + "\n", appeal_id="t-lower-police")
    assert ("police" in {o["name"] for o in record["organisations"]}) is police


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an international body's office or mission in a state: its name runs over "in" the state
        (
            "On 3 May 2021, Rina Holm wrote to the Office of the United Nations High Commissioner "
            "for Human Rights in Guatemala.",
            {
                "Office of the United Nations High Commissioner for Human Rights in Guatemala": (
                    "international_org"
                )
            },
        ),
        (
            "On 3 May 2021, the UN Mission in South Sudan said Rina Holm had been arrested.",
            {"UN Mission in South Sudan": "international_org"},
        ),
        # near misses: a city is where a body sits; a state's mission is its government's
        (
            "On 3 May 2021, the United Nations in Geneva said Rina Holm had been arrested.",
            {"United Nations": "international_org"},
        ),
        (
            "On 3 May 2021, the Permanent Mission of Zembla to the United Nations in Geneva "
            "replied.",
            {"Permanent Mission of Zembla to the United Nations in Geneva": "government"},
        ),
    ],
)
def test_an_international_bodys_office_in_a_state_is_named_with_it(
    sentence: str, expected: dict[str, str]
) -> None:
    record = extract_case(HEAD + sentence + "\n", appeal_id="t-office-in-state")
    assert {o["name"]: o["kind"] for o in record["organisations"]} == expected


def test_a_party_named_by_two_words_before_lower_case_party_keeps_both() -> None:
    text = HEAD + (
        "On 3 May 2021, members of parliament from the ruling Zemblan Dawn party attacked Rina "
        "Holm in Vela.\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    party = orgs["Zemblan Dawn party"]
    assert party["kind"] == "political_party" and party["variants"] == ["Zemblan Dawn"]
    # an article before the one word of its name is no part of it
    near = HEAD + "On 3 May 2021, The Dawn party expelled Rina Holm in Vela.\n"
    orgs = {o["name"]: o for o in extract_case(near, appeal_id="t")["organisations"]}
    assert orgs["Dawn party"]["variants"] == []


def test_a_list_one_body_a_line_makes_each_name_in_it_a_body() -> None:
    signed = (
        "Signatories:\n"
        "1. Vela Rights Network (VRN)\n"
        "2. Zembla Lawyers for Human Rights\n"
        "3. Centre for Democracy and Development in Zembla\n"
        "4. Equitable Kenya\n"
    )
    text = HEAD + "On 3 May 2021, police arrested Rina Holm in Vela.\n\n" + signed
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs.get("Equitable Kenya") == "ngo"
    # with fewer than three bodies the text names, the list says nothing of its other names
    two = signed.replace("3. Centre for Democracy and Development in Zembla", "3. Rina Holm")
    orgs = {o["name"] for o in extract_case(HEAD + two, appeal_id="t")["organisations"]}
    assert "Equitable Kenya" not in orgs


def test_a_body_named_for_a_place_it_works_on_and_a_part_of_an_international_body() -> None:
    text = HEAD + (
        "On 3 May 2021, Rina Holm was moved to Vela Prison, said Ana Lind, Chair of the Writers "
        "in Prison Committee of PEN International.\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    committee = orgs["Writers in Prison Committee of PEN International"]
    assert committee["kind"] == "ngo" and "Writers in Prison Committee" in committee["variants"]
    assert committee["part_of"] == orgs["PEN International"]["id"]
    # the prison alone is a place, and a court of a state has no body for a parent
    assert "Vela Prison" not in orgs
    court = HEAD + "On 3 May 2021, the Supreme Court of Zembla upheld the sentence.\n"
    orgs = {o["name"]: o for o in extract_case(court, appeal_id="t")["organisations"]}
    assert set(orgs) == {"Supreme Court of Zembla"}
    assert orgs["Supreme Court of Zembla"]["part_of"] is None


def test_a_business_named_in_an_apposition_after_parent_company() -> None:
    text = HEAD + (
        "On 3 May 2021, police arrested Rina Holm, chief executive of its parent company, Vela "
        "Digital, and froze the shares of Ana Lind.\n"
    )
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs.get("Vela Digital") == "company"
    # a person named after a company noun in another apposition stays a person
    near = text.replace("its parent company, Vela Digital", "the company, Ana Ruiz")
    orgs = {o["name"] for o in extract_case(near, appeal_id="t")["organisations"]}
    assert "Ana Ruiz" not in orgs


def test_a_name_in_another_language_named_again_with_its_translation() -> None:
    text = HEAD + (
        "On 3 May 2021, police arrested Rina Holm, a member of Vela Adhikar Sangathan (VAS), in "
        "Vela.\n\nADDITIONAL INFORMATION\n\nVela Adhikar Sangathan (Workers' Rights "
        "Organisation) campaigns for the payment of wages.\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    assert "Workers' Rights Organisation" in orgs["Vela Adhikar Sangathan"]["variants"]
    assert "Workers' Rights Organisation" not in orgs
    # a body named in brackets after another name is no translation of the body
    near = text.replace(
        "Vela Adhikar Sangathan (Workers' Rights Organisation) campaigns",
        "Ana Lind (Workers' Rights Organisation) campaigns",
    )
    orgs = {o["name"]: o for o in extract_case(near, appeal_id="t")["organisations"]}
    assert "Workers' Rights Organisation" not in orgs["Vela Adhikar Sangathan"]["variants"]


def test_a_name_in_another_language_opening_brackets_after_a_body_is_its_variant() -> None:
    text = HEAD + (
        "On 3 May 2021, agents of the Special Force against Smuggling (Fuerza Especial Contra el "
        "Contrabando, FECC) arrested Rina Holm in Vela.\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    assert set(orgs) == {"Special Force against Smuggling"}
    assert "Fuerza Especial Contra" in orgs["Special Force against Smuggling"]["variants"]
    # a body the text names again elsewhere is a body of its own
    near = text + "The Fuerza Especial Contra later denied it.\n"
    orgs = {o["name"] for o in extract_case(near, appeal_id="t")["organisations"]}
    assert orgs == {"Special Force against Smuggling", "Fuerza Especial Contra"}


def test_a_bracket_that_holds_a_name_in_another_language_after_a_body_holds_no_person() -> None:
    text = HEAD + (
        "On 3 May 2021, agents of the State Security Service (Servicio de Seguridad e "
        "Inteligencia del Estado – SSIE) arrested Rina Holm. She leads the Vela Water Network "
        "(Mesa Comunitaria por el Agua de Vela Nova – MECAV).\n"
    )
    record = extract_case(text, appeal_id="t")
    assert [p["name"] for p in record["persons"] if p["name"]] == ["Rina Holm"]
    assert {o["name"] for o in record["organisations"]} == {
        "State Security Service",
        "Vela Water Network",
    }
    # near miss: a person named in brackets with a post is no name of the body
    near = HEAD + "On 3 May 2021, the Vela Rights Centre (Tom Reed, director) protested.\n"
    assert "Tom Reed" in {p["name"] for p in extract_case(near, appeal_id="t")["persons"]}


def test_a_quoted_name_after_a_noun_for_an_outlet_is_media() -> None:
    text = HEAD + (
        'Rina Holm wrote on her blog "Sada al-Vela" about prisons. On 3 May 2021, police '
        "arrested Rina Holm.\n"
    )
    record = extract_case(text, appeal_id="t")
    assert {o["name"]: o["kind"] for o in record["organisations"]}["Sada al-Vela"] == "media"
    assert [p["name"] for p in record["persons"]] == ["Rina Holm"]
    # near miss: a quoted title after a noun for a work names no body
    near = text.replace("her blog", "her poem")
    orgs = {o["name"] for o in extract_case(near, appeal_id="t")["organisations"]}
    assert "Sada al-Vela" not in orgs


def test_a_name_in_guillemets_after_a_noun_for_a_body_is_that_body_not_a_person() -> None:
    text = HEAD + (
        "Rina Holm heads the human rights organisation «Pravo Vela» (Law of Vela). On 3 May "
        "2021, police arrested Rina Holm.\n"
    )
    record = extract_case(text, appeal_id="t")
    assert {o["name"]: o["kind"] for o in record["organisations"]}["Pravo Vela"] == "ngo"
    assert [p["name"] for p in record["persons"]] == ["Rina Holm"]


def test_a_quoted_name_with_its_translation_in_brackets_then_an_apposition_is_a_body() -> None:
    text = HEAD + (
        'Rina Holm runs "Sada Vela" (Voice of Vela), a YouTube channel with many subscribers. On '
        "3 May 2021, police arrested Rina Holm.\n"
    )
    record = extract_case(text, appeal_id="t")
    orgs = {o["name"]: o for o in record["organisations"]}
    assert orgs["Sada Vela"]["kind"] == "media"
    assert "Voice of Vela" in orgs["Sada Vela"]["variants"]
    assert [p["name"] for p in record["persons"]] == ["Rina Holm"]
    # near miss: an apposition that calls the name a person's keeps the person
    near = text.replace("a YouTube channel", "a journalist")
    names = [p["name"] for p in extract_case(near, appeal_id="t")["persons"]]
    assert "Sada Vela" in names


def test_signatories_one_a_line_without_markers_list_bodies() -> None:
    text = HEAD + (
        "On 3 May 2021, police arrested Rina Holm, a member of the Vela Rights Network, the "
        "Zembla Law Society and the Dala Press Union.\n\nSignatories:\n\nVela Rights Network\n"
        "Zembla Law Society\nDala Press Union\nWomen in Governance Zembla\n"
    )
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs.get("Women in Governance Zembla") == "ngo"
    # near miss: a block of lines with fewer than three bodies the text names lists no bodies
    near = text.replace(
        "Vela Rights Network\nZembla Law Society\nDala Press Union\n",
        "Vela Rights Network\nIvo Sand\nTeo Varga\n",
    )
    orgs = {o["name"] for o in extract_case(near, appeal_id="t")["organisations"]}
    assert "Women in Governance Zembla" not in orgs


def test_a_ministrys_office_is_one_body_and_a_ministrys_department_is_a_part() -> None:
    text = HEAD + (
        "On 3 May 2021, the Office of the Ministry of Justice for the Vela Region disbarred Rina "
        "Holm.\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    assert set(orgs) == {"Office of the Ministry of Justice for the Vela Region"}
    near = HEAD + (
        "On 3 May 2021, the Investigation Department of the Ministry of Justice questioned Rina "
        "Holm.\n"
    )
    orgs = {o["name"]: o for o in extract_case(near, appeal_id="t")["organisations"]}
    dept = orgs["Investigation Department of the Ministry of Justice"]
    assert dept["part_of"] == orgs["Ministry of Justice"]["id"]


def test_a_translation_in_brackets_cut_at_its_and_is_whole() -> None:
    text = HEAD + (
        "On 3 May 2021, Rina Holm, the legal representative of the Corporación Tierra y Agua "
        "(Land and Water Corporation), was threatened.\n"
    )
    orgs = {o["name"]: o for o in extract_case(text, appeal_id="t")["organisations"]}
    assert set(orgs) == {"Corporación Tierra y Agua"}
    assert "Land and Water Corporation" in orgs["Corporación Tierra y Agua"]["variants"]
    # after no body the bracket names no variant, and its words are not made one name
    near = text.replace("of the Corporación Tierra y Agua", "of her village")
    orgs = {o["name"] for o in extract_case(near, appeal_id="t")["organisations"]}
    assert "Land and Water Corporation" not in orgs


def test_a_party_named_in_an_apposition_after_ruling_or_opposition_party() -> None:
    text = HEAD + (
        "On 3 May 2021, members of the youth league of the ruling party, the ZDP-FDD, beat Rina "
        "Holm in Vela.\n"
    )
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs == {"ZDP-FDD": "political_party"}
    # a speaker named after the noun is no party
    near = HEAD + "On 3 May 2021, the ruling party, Ana Lind said, wanted Rina Holm arrested.\n"
    assert extract_case(near, appeal_id="t")["organisations"] == []


def test_a_radio_station_named_by_its_band() -> None:
    text = HEAD + "On 3 May 2021, Rina Holm, a journalist with Vela FM, was arrested.\n"
    orgs = {o["name"]: o["kind"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert orgs == {"Vela FM": "media"}
    # the band before a name is no station's name
    near = HEAD + "On 3 May 2021, Rina Holm met FM Ana Lind in Vela.\n"
    assert extract_case(near, appeal_id="t")["organisations"] == []


def test_a_company_by_its_legal_form_is_no_person() -> None:
    text = HEAD + (
        "On 3 May 2021, Vela Timber Sdn Bhd lodged a police report against Rina Holm, who "
        "had filmed its loggers.\n"
    )
    record = extract_case(text, appeal_id="t-body-construction")
    assert {p["name"] for p in record["persons"]} == {"Rina Holm"}


def test_a_court_named_for_two_places_joined_by_and_is_the_high_court_said_after_it() -> None:
    text = HEAD + (
        "On 3 May 2021, Judge Ana Lee of the Vela and Tosk High Court granted Rina Holm bail. "
        "On 9 May 2021, the High Court quashed the charges.\n"
    )
    bodies = extract_case(text, appeal_id="t")["organisations"]
    assert [(o["name"], o["variants"]) for o in bodies] == [
        ("Vela and Tosk High Court", ["High Court"])
    ]


def test_a_court_of_one_name_seated_in_two_towns_is_two_courts() -> None:
    text = HEAD + (
        "In 2020, the Court of First Instance in Vela convicted Rina Holm. On 3 May 2021, she was "
        "brought before the Court of First Instance in Łoda Nova, which the Court of First "
        "Instance later overruled.\n"
    )
    bodies = {o["name"]: o["variants"] for o in extract_case(text, appeal_id="t")["organisations"]}
    assert bodies == {
        "Court of First Instance": ["Court of First Instance in Vela"],
        "Court of First Instance in Łoda Nova": [],
    }
    # near miss: one seat named twice is one court
    once = HEAD + (
        "In 2020, the Court of First Instance in Vela convicted Rina Holm. In 2021, the Court of "
        "First Instance in Vela acquitted her.\n"
    )
    assert len(extract_case(once, appeal_id="t")["organisations"]) == 1
