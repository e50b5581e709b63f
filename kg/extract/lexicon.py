"""General reference lists the rules read: honorifics, months, number words, head nouns of
organisations and instruments, titles of posts, countries and demonyms.

Nothing here names an entity of one appeal; these are lists any appeal of the genre draws on.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- generic vocabulary
# Word lists of the genre, not of any one appeal: honorifics, months, head words of bodies and
# instruments, event verbs, well-known treaties and platforms.

#: The causes a civil-society group is named for: "X for Civil Rights", "Y for Justice",
#: "Centre for Human Rights and Rule of Law".
CAUSE_NOUNS = frozenset(
    """Rights Justice Peace Freedom Freedoms Democracy Development Equality Change Truth Reform
Dignity Liberty Liberties Accountability Transparency Environment Tolerance Solidarity Dialogue
Memory Life Rule Governance""".split()
)

HONORIFICS = {"Mr": "male", "Messrs": "male", "Ms": "female", "Mrs": "female", "Miss": "female",
              "Dr": None, "Prof": None, "Sheikh": "male", "Shaikh": "male",
              "Sheikha": "female", "Shaikha": "female", "Hon": None, "Honourable": None,
              "Honorable": None, "Mme": "female", "Mlle": "female", "Me": None, "Sr": "male",
              "Sra": "female", "Srta": "female", "Maître": None, "Maitre": None,
              # the Spanish styles of a graduate: "Licenciada A B", "Lic. A B", "Dra. A B"
              "Licenciado": "male", "Licenciada": "female", "Lic": None, "Dra": "female",
              "Doctora": "female",
              # Khmer and Thai styles before a name: "Oknha Keo Sophal", "Khun Somchai Rakdee"
              "Oknha": None, "Okhna": None, "Samdech": None, "Lok": None, "Khun": None}  # fmt: skip
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
Remove Disclose Return Restore Reinstate Revoke Repeal Amend Annul Overturn Withdraw Protect Respect
Apply Enforce Adopt Ratify Refrain Abide
Mandates Information Early Late Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve None
Intimidation Their Whose Which Who What Where Why How Yes No Not Our Your Dear Sir Madam
Geneva-Paris""".split()
) | frozenset(
    # closed-class words that open a sentence before a name: prepositions, conjunctions and
    # sentence adverbs ("Except for A B, 81, whom ...", "Like A B, she ...", "Later A B said")
    """Like Unlike Except Besides Apart Along Alongside Amid Amidst Upon Unless Whereas Whilst
Because Though Once If But And Or Nor Yet Thus Hence Therefore Moreover Furthermore Nevertheless
Nonetheless Instead Indeed Later Earlier Then Now Today Yesterday Recently Previously Subsequently
Additionally Finally Eventually Currently Initially Notably Reportedly Allegedly Apparently Again
Including Regarding Concerning Towards Toward Through Throughout Between Behind Across Around
Outside Inside Beside Whether Whom Everyone Nobody Some Many Most Several Another Such Every
Neither Either Even Still Soon Shortly Afterwards Thereafter With By From To For Of At Into
Unfortunately Fortunately Sadly Similarly Likewise Otherwise Overall""".split()
)
#: Words that open a run but belong to a description, not a person's name.
TITLE_STOP = frozenset(
    """Prison Criminal Human Rights Defender Defenders Activist Lawyer
Journalist Judge Prosecutor General President Mayor Minister Chairman Chair Director Head
Vice-President Deputy Former Then Prime Commissioner Magistrate Justice Principal Senior
Assistant Special District City Chief Director Inspector Officer Superintendent Commander Sister
Brother Father Senator Governor Secretary Land Indigenous German Swedish Italian Czech Russian
Turkish
Kazakh Belarusian Chechen US-based Sub-Inspector Barrister Counsel Counsellor Counselor Councillor
Councilor Advocate Photographer
Reporter Cartoonist Editor Publisher Presenter Blogger Poet Writer Colonel Major Captain
Lieutenant Sergeant Constable Professor Pastor Reverend King Queen Prince Princess Emir Sultan
H.E H.E. Investigator Interrogator Warden Attorney Attorney-at-Law
Ombudsperson Ombudswoman Eyewitness Witness
MP Ambassador Procurator Rapporteur Chair-Rapporteur Vice-Chair Spokesperson Spokesman Ombudsman
Spokeswoman Representative
Imam Bishop Archbishop Cardinal Rabbi Mullah Ayatollah Hojatoleslam Hojjatoleslam Cleric Priest
Monk Venerable Ustaz Ustadh Maulana Mawlana Hajji Haji Comrade Cde
Chieftain Doctor Supreme Leader Crown Detective Attorney-General Prosecutor-General""".split()
) | frozenset(
    # occupations and callings that open a sentence before a name ("Student A B was ...")
    """Student Students Teacher Academic Scholar Lecturer Researcher Economist Engineer Physician
Doctor Surgeon Nurse Artist Musician Rapper Filmmaker Novelist Comedian Cleric Dissident
Whistleblower Feminist Unionist Environmentalist Lawmaker Legislator Parliamentarian Politician
Opposition Protester Demonstrator Photojournalist Videographer Correspondent Columnist Blogger
Prominent Veteran Renowned Jailed Detained Imprisoned Exiled Missing Slain Murdered""".split()
)
#: Title words that are also given names or surnames ("Omar Sultan al-Tawil", "Ana King"):
#: after a name's first word they are a word of the name, not a title.
NAME_TITLES = frozenset({"Sultan", "King", "Prince", "Major", "Bishop", "Pastor"})
#: Plural titles that open a list of names as the singular opens one name ("Activists A and B");
#: unlike TITLE_STOP they also open names of bodies ("Reporters Without Borders"), so only the
#: reading of persons strips them.
PLURAL_TITLES = frozenset(
    """Activists Lawyers Journalists Judges Prosecutors Reporters Bloggers Photographers
Cartoonists Editors Writers Poets Barristers Advocates Attorneys Investigators Witnesses
Eyewitnesses Officers Ministers Senators Commissioners Professors Presenters Publishers""".split()
)
#: Capitalised words that are never part of a person's name in this genre.
NON_NAME = frozenset(
    """National Security State Federal Supreme Regional District City Republic
Human Rights International European United General Public Civil Political Social Economic Peace
Nobel Award Prize Guard Republican Covenant Constitution Court Office Law Code Centre Center
Western Eastern Northern Southern Central Special Working Group Criminal Administrative
Department Ministry Interior Justice Assembly Parliamentary Committee Council Union
Actions Background Addresses Excellency Urgent Appeal Defender Director Americas Initiative
University County Province Activities Hub Indigenous East Asia Africa Pacific Caribbean
Europe Eurasia Article Articles Case Cases List Affairs Circuit Causeway Services Trafficking
Crimes Matters Narcotics Smuggling Laundering Terrorism""".split()
)

ORG_HEADS = {
    "Court": "court", "Tribunal": "court", "Plenum": "court", "Division": "court",
    "Judgeship": "court",
    "Prosecution": "prosecution", "Prosecutor’s": "prosecution", "Procuracy": "prosecution",
    "Police": "police", "Gendarmerie": "police", "Militia": "police",
    "Ministry": "ministry", "Government": "government", "Administration": "government",
    "Ombudsman’s": "government", "Ombudsman's": "government", "Parliament": "parliament",
    "Duma": "parliament", "Senate": "parliament", "Representatives": "parliament",
    "Intelligence": "security_service", "Party": "political_party", "Committee": "ngo",
    "Office": "government",
    "Agency": "government", "Department": "government", "Service": "government",
    "Centre": "ngo", "Center": "ngo", "Society": "ngo", "Association": "ngo", "Foundation": "ngo",
    "Union": "ngo", "Council": "ngo", "Assembly": "ngo", "Commission": "government",
    "Group": "other", "Federation": "ngo", "Organisation": "ngo", "Organization": "ngo",
    "Observatory": "ngo", "Network": "ngo", "Institute": "ngo", "Bureau": "government",
    "Mechanism": "other", "Coalition": "ngo", "Movement": "other", "Alliance": "ngo",
    "Community": "other",
    "Ltd": "company", "LLC": "company", "Inc": "company", "Company": "company", "Bank": "company",
    "Corporation": "company", "Newspaper": "media", "Radio": "media", "Television": "media",
    "TV": "media", "Nations": "international_org", "Watch": "ngo", "International": "ngo",
    "Campaign": "other", "Front": "ngo", "Army": "government",
    "Forces": "security_service", "Force": "security_service", "Procuratorate": "prosecution",
    "University": "other",
    "Initiative": "ngo", "Hub": "ngo", "Organización": "ngo", "Alianza": "ngo",
    "Asociación": "ngo", "Centro": "ngo", "Comité": "ngo", "Consejo": "ngo", "Frente": "ngo",
    "Fundación": "ngo", "Movimiento": "other", "Red": "ngo", "Sindicato": "ngo",
    "Corporación": "ngo", "Corporação": "ngo",
    "Instituto": "ngo", "Coordinadora": "ngo", "Unión": "ngo", "Courts": "court",
    # bodies of the state and of civil society named in Spanish or Portuguese
    "Colectivo": "ngo", "Colectiva": "ngo", "Observatorio": "ngo", "Plataforma": "ngo",
    "Articulación": "ngo", "Associação": "ngo", "Fundação": "ngo", "Rede": "ngo",
    "Movimento": "other", "Federación": "ngo", "Confederación": "ngo", "Agrupación": "ngo",
    "Comisión": "government", "Comissão": "government", "Secretaría": "ministry",
    "Defensoría": "government", "Procuraduría": "government", "Gobierno": "government",
    "Fiscalía": "prosecution", "Juzgado": "court", "Corte": "court",
    "Policía": "police", "Ministerio": "ministry", "Ministério": "ministry",
    "Fuerza": "security_service", "Fuerzas": "security_service", "Força": "security_service",
    "Forças": "security_service",
    "Polícia": "police", "Carabineros": "police", "Assembleia": "parliament",
    "Asamblea": "parliament", "Congreso": "parliament",
    "Guard": "security_service", "Guards": "security_service", "Inspectorate": "government",
    # "the State Security Apparatus": the state's machinery, its kind told by its other words
    "Apparatus": "government",
    "Congress": "parliament",
    "Directorate": "government", "Directorate-General": "government",
    "Secretariat": "government", "Commissions": "government",
    "Limited": "company", "Battalion": "police", "Brigade": "security_service",
    # a unit of a state body, whichever (a unit of a police force is told by a hint)
    "Unit": "government", "Units": "government", "Squad": "police",
    "Chamber": "court", "Judiciary": "court", "News": "media", "Daily": "media", "Times": "media",
    "Weekly": "media",
    "Gazette": "media", "Herald": "media", "Tribune": "media", "Forum": "other",
    "Exchange": "company",
    # a publishing house: "Vela Publishing", "Kastra Publishers", "Zenda Publishing House"
    "Publishing": "company", "Publishers": "company",
    # news in other languages: "Diario del Norte", "Noticias de la Sierra"
    "Noticias": "media", "Notícias": "media", "Diario": "media", "Prensa": "media",
    "Bufete": "ngo", "Colegio": "other", "Universidad": "other", "Universidade": "other",
    "Empresa": "company", "Compañía": "company", "Companhia": "company", "Cooperativa": "ngo",
    "Voz": "media", "Periódico": "media", "Semanario": "media", "Revista": "media",
    "Jornal": "media", "Folha": "media",
    # the words English company names end with
    "Consulting": "company", "Holdings": "company", "Technologies": "company",
    "Enterprises": "company", "Enterprise": "company", "Industries": "company",
    "Incorporated": "company",
    # legislatures named in their own language: "the Oliy Majlis", "the Verkhovna Rada"
    "Majlis": "parliament", "Mejlis": "parliament", "Kenes": "parliament", "Rada": "parliament",
    "Sejm": "parliament", "Knesset": "parliament", "Khural": "parliament", "Jirga": "parliament",
    # civil bodies named for what they run or how they are joined: "Zenda Legal Clinic",
    # "Education-Action Program on Human Rights", "Workers' League", "Press Freedom Platform"
    "Program": "ngo", "Programme": "ngo", "Project": "ngo", "Clinic": "ngo", "Trust": "ngo",
    "League": "ngo", "Collective": "ngo", "Platform": "ngo", "Confederation": "ngo",
    "Syndicate": "ngo", "Consortium": "ngo", "Cooperative": "ngo", "Partnership": "ngo",
    # bodies of the state that govern or regulate: "the Telecommunications Regulatory
    # Authority", "the Vela Municipality", "the Presidency"
    "Authority": "government", "Municipality": "government", "Presidency": "government",
    "Governorate": "government", "Prefecture": "government", "Cabinet": "government",
    "Embassy": "government", "Consulate": "government",
    # a mission of an international body: "the UN Mission in Zembla", "the EU Monitoring Mission"
    "Mission": "international_org",
    "Navy": "security_service",
    # newspapers by the words their names end with: "The Kastra Observer", "Vela Chronicle"
    "Journal": "media", "Chronicle": "media", "Observer": "media", "Courier": "media",
    "Express": "media", "Mirror": "media", "Telegraph": "media", "Inquirer": "media",
    "Bulletin": "media",
    # a club of journalists or lawyers: "Kastra Press Club"; a circle of writers or artists:
    # "the Vela Poetry Workshop", "the Kastra Writers' Circle"
    "Club": "ngo", "Workshop": "ngo", "Circle": "ngo",
    # bodies of the state and of civil society named in French: "Ligue Iteka", "Collectif des
    # Défenseurs du Kasaï", "Agence Nationale de Renseignements", "Cour d'appel"
    "Ligue": "ngo", "Collectif": "ngo", "Réseau": "ngo", "Fédération": "ngo",
    "Syndicat": "ngo", "Observatoire": "ngo", "Institut": "ngo", "Fondation": "ngo",
    "Mouvement": "other", "Groupe": "other", "Ministère": "ministry", "Cour": "court",
    "Parquet": "prosecution", "Agence": "government",
    "Sûreté": "police", "Renseignements": "security_service", "Renseignement": "security_service",
    "Assemblée": "parliament", "Sénat": "parliament", "Présidence": "government",
    "Préfecture": "government", "Mairie": "government",
}  # fmt: skip
ORG_KIND_HINTS = [
    # the intelligence services and the national police of French-speaking states, whatever
    # noun opens their names: "Agence Nationale de Renseignements", "Direction Générale de la
    # Sûreté Nationale"; names written in sentence case too ("Agence nationale de renseignement")
    (re.compile(r"\b[Rr]enseignements?\b"), "security_service"),
    (re.compile(r"\b[Ss]ûreté\b"), "police"),
    # a forum of a cause or of the people who campaign: "Zembla Human Rights Forum", "Vela
    # Students Forum", "Youth Forum for Democracy", "Vela Families Forum" (a forum of parties or
    # of stakeholders is not)
    (
        re.compile(
            r"^(?!.*\b(?:Economic|Stakeholders?|Multi-Stakeholder|Parties|Political)\b)"
            r"(?=.*\bForum\b).*\b(?:Human Rights|Rights|Students?|Youth|Women|Civil Society|"
            r"Democracy|Defenders|Journalists|Lawyers|Activists|Famil(?:y|ies)|Mothers|Relatives|"
            r"Victims|Workers|Farmers|Peasants)\b"
        ),
        "ngo",
    ),
    # regional and UN bodies before the head words their names share with national ones
    (
        re.compile(
            r"^(?:UN |United Nations )?Human Rights (?:Council|Committee)$|\bInteramericana?\b|"
            # the UN's General Assembly, which adopts the declarations appeals cite
            r"^(?:UN |United Nations )?General Assembly(?: of the United Nations)?$|"
            r"\b(?:Inter-American|African|European|Arab) (?:Commission|Committee|Union)\b|"
            r"\bCommission of Inquiry\b|\bFact-Finding Mission\b|^Parliamentary Assembly\b|"
            # the UN treaty bodies: "Committee against Torture", "Committee on the Rights of
            # the Child", "Subcommittee on Prevention of Torture"
            r"^(?:UN |United Nations )?(?:Sub)?[Cc]ommittee (?:against Torture|on (?:the )?"
            r"(?:Rights of|Elimination of|Economic, Social|Enforced Disappearances|Prevention "
            r"of Torture|Protection of the Rights of All Migrant))"
        ),
        "international_org",
    ),
    # bodies of states of a region: "Southern African Development Community", "Economic
    # Community of West African States", "Gulf Cooperation Council", "League of Arab States"
    (
        re.compile(
            r"\b(?:Development|Economic|African|Andean|Caribbean) Community\b|"
            r"\bCommunity of [\w ]{0,30}States\b|\bLeague of Arab States\b|\bArab League\b|"
            r"\bCooperation Council\b|\bOrgani[sz]ation (?:of|for) (?:American States|Islamic "
            r"Cooperation|African Unity|Security and Co-?operation)\b|"
            r"\bAssociation of Southeast Asian Nations\b"
        ),
        "international_org",
    ),
    # the UN's specialised agencies, funds and programmes and other bodies of states world-wide
    # ("International Labour Organization", "World Health Organization", "UNESCO")
    (
        re.compile(
            r"^(?:International (?:Labour|Labor|Maritime|Civil Aviation) Organi[sz]ation|"
            r"International Organi[sz]ation for Migration|World (?:Health|Trade|Intellectual "
            r"Property|Meteorological) Organi[sz]ation|Food and Agriculture Organi[sz]ation|"
            r"International Telecommunication Union|International Monetary Fund|World Bank|"
            r"UNESCO|UNICEF|UNHCR|UNDP|UNFPA|UNODC|UN Women|ILO|IOM|WHO)$"
        ),
        "international_org",
    ),
    # the public prosecution of Latin American and French-speaking states, also in English
    (
        re.compile(r"^Minist(?:erio|ério|ère) [Pp](?:úblico|ublic)\b|\bPublic Ministry\b"),
        "prosecution",
    ),
    # a prosecutor's office named for the state's attorney: "District Government Attorney
    # Office", "the Attorney General's Office", "Office of the Attorney General"
    (
        re.compile(
            r"\bAttorney(?:[’']s)? Office\b|\bAttorney General[’']s Office\b|"
            r"^Office of the (?:\w+ )?Attorney\b"
        ),
        "prosecution",
    ),
    # a town's or city's seat of government
    (re.compile(r"\b(?:City|Town) Hall\b"), "government"),
    # a ministry of intelligence or of state security is a security service, not a department
    # of the government ("Ministry of Intelligence", "Ministry of State Security")
    (
        re.compile(r"^Ministry of (?:State |National )?(?:Security|Intelligence)(?:$| of )"),
        "security_service",
    ),
    # "Ministry of ...", "Interior Ministry", "Ministerio del Interior"
    (re.compile(r"^(?:Ministry|Ministerio|Ministério|Ministère)\b|\bMinistry$"), "ministry"),
    # the executive of a province or town in Viet Nam and Laos; the consultative councils of
    # Gulf states are their legislatures
    (re.compile(r"\bPeople[’']s Committee\b"), "government"),
    (re.compile(r"\b(?:Shura Council|Majlis al-Shura)\b"), "parliament"),
    # a national human rights institution is a body of the state, set up by its law ("National
    # Council for Human Rights", "National Human Rights Commission")
    (
        re.compile(
            r"^National (?:Council|Commission|Institution|Committee|Centre|Center) (?:for|on|of) "
            r"Human Rights\b|^National Human Rights (?:Commission|Council|Institution|Committee)\b"
        ),
        "government",
    ),
    # a general, internal, state or national directorate or secretariat of security, defence or
    # intelligence is an intelligence service ("Internal Security Directorate", "State Defence
    # Secretariat"); a "National Security Department" may be a unit of the police
    (
        re.compile(
            r"\b(?:General|Internal|State|National) (?:Security|Defen[cs]e|Intelligence) "
            r"(?:Directorate|Secretariat)\b"
            # the same named with "of": "General Directorate of Internal Security"
            r"|\bDirectorate(?: General)? (?:of|for) (?:the )?(?:General |Internal |State |"
            r"National )?(?:Security|Intelligence)\b"
        ),
        "security_service",
    ),
    # police forces named for what they fight, and the police of French-speaking states and of
    # Turkey's provinces by their names: "Main Directorate for Combating Organised Crime",
    # "Direction Générale de la Sûreté Nationale", "Istanbul Security Directorate" (a general,
    # internal or state security directorate is an intelligence service)
    (
        re.compile(
            r"\b(?:for|on) Combating (?:Organi[sz]ed Crime|Extremism)\b|"
            r"\bSûreté (?:[Nn]ationale|[Pp]ublique)\b|"
            r"(?<!General )(?<!Internal )(?<!State )(?<!National )\bSecurity Directorate\b"
        ),
        "police",
    ),
    # an ombudsman is no part of the body it oversees: "Ombudsman of the Ministry of Interior"
    (re.compile(r"^(?:Office of the )?Ombudsman\b"), "government"),
    # bodies of the state whose head words name other kinds elsewhere: a state's military
    # ("the Zemblan Air Force", "the People's Defence Force"), China's central government
    # ("State Council"), the highest administrative court of French-inspired systems
    # ("Council of State"), a central bank
    (re.compile(r"\b(?:Air|Defen[cs]e) Forces?\b"), "security_service"),
    # a unit of an army named for its arm: "3rd Infantry Division", "94th Infantry Battalion",
    # "1st Armoured Brigade", "Marine Corps" (a court's "Criminal Division" is no army's)
    (
        re.compile(
            r"\b(?:Infantry|Armou?red|Mechani[sz]ed|Motori[sz]ed|Marine|Airborne|Artillery|"
            r"Cavalry|Commando|Paratroop(?:er)?s?)\s+(?:[A-Z][\w-]*\s+)?"
            r"(?:Division|Brigade|Battalion|Regiment|Corps|Company|Unit)\b"
        ),
        "security_service",
    ),
    (re.compile(r"^State Council$"), "government"),
    # a monarch's office ("the Royal Court", "the Royal Hashemite Court"), no court of law
    # ("Royal Courts of Justice")
    (re.compile(r"^Royal (?:Hashemite )?Court$|^Royal Court of (?!Justice)"), "government"),
    (re.compile(r"^Council of State\b"), "court"),
    (re.compile(r"\bCentral Bank\b"), "government"),
    # the state's regulator of broadcasting or the media, named by the head right after the
    # field: "Independent Broadcasting Authority", "Media Council of Zembla", "National
    # Communications Commission"
    (
        re.compile(
            r"\b(?:Broadcasting|Media|Communications?|Telecommunications?) (?:Regulatory )?"
            r"(?:Authority|Commission|Council|Board)\b"
        ),
        "government",
    ),
    (re.compile(r"\bBroadcast(?:ing|er)\b"), "media"),
    (re.compile(r"\bHigh Commissioner for (?:Human Rights|Refugees)\b"), "international_org"),
    # a state's mission to another state or body is its government's ("Permanent Mission of
    # Zembla"); a mission named for no state is an international body's ("UN Mission in X")
    (re.compile(r"^(?:Permanent )?Mission of\b"), "government"),
    # a people's own representative body is no state's parliament: "Mejlis of the Vela Tatar
    # People", "Kurultai of the X People"
    (re.compile(r"^(?:Mejlis|Majlis|Kurultai|Qurultay)\b.* People$"), "other"),
    (
        re.compile(
            r"^(?:Department|Secretariat) of (?:the )?(?:Justice|Interior|Home Affairs|"
            r"Foreign Affairs|Defen[cs]e)\b"
        ),
        "ministry",
    ),
    (re.compile(r"\b[Aa]ttorney[- ][Gg]eneral"), "prosecution"),
    # a state's scheme to protect defenders and journalists is part of its government
    (
        re.compile(r"\bProtection (?:Mechanism|System)\b|\bMechanism for the Protection\b"),
        "government",
    ),
    (
        re.compile(r"\bGeneral Directorate (?:of|for) (?:Investigations|External)"),
        "security_service",
    ),
    # a plenum of students, workers or citizens is their assembly, no court's plenum: "Vela
    # Students' Plenum" (not "Plenum of the Supreme Court")
    (
        re.compile(
            r"\b(?:Students?|Workers?|Citizens?|Residents?|Teachers?|Farmers?)[’']?s?[’']? Plenum\b"
        ),
        "other",
    ),
    # a unit named after its head for the crimes it fights is the police's, before "Terrorist"
    # names an armed group: "National Unit for Investigating Terrorist Crimes", "Central Unit
    # for Combating Terrorism"
    (
        re.compile(
            r"\b(?:Units?|Squads?) (?:for|against|on) (?:the )?(?:Investigati(?:ng|on of)|"
            r"Combating|Fight(?:ing)? [Aa]gainst|Suppression of|Repression of) "
            r"(?:[\w-]+ )?(?:Crimes?|Terrorism|Extremism|Trafficking|Cybercrime)\b"
        ),
        "police",
    ),
    (re.compile(r"\bTerrorist\b|\bPenitentiary\b|\bPrison Service\b"), "other"),
    # the bar by its other names: "Law Society", "Union of Advocates", "Chamber of Advocates"
    (
        re.compile(
            r"\bBar (?:Association|Society|Council)\b|^Bar of\b|\bLaw Society\b|"
            # the bar of a city or a state by its noun alone: "the Vela Bar"
            r"^(?:[A-Z][\w’'\-]+ ){1,3}Bar$|"
            r"\b(?:Union|Chamber|College|Collegium|Guild) of Advocates\b"
        ),
        "other",
    ),
    # armed groups name themselves armies; a state's army is a security force
    (
        re.compile(
            r"\b(?:Liberation|People[’']s) Army\b|\bRevolutionary Armed Forces\b|"
            r"\bFuerzas Armadas Revolucionarias\b"
        ),
        "other",
    ),
    # a state's armed forces, in English, Spanish, Portuguese or French (its guards below)
    (
        re.compile(
            r"\bArmy\b|\bBorder Service\b|\bArmed Forces\b|"
            r"\b(?:Fuerzas|Forças) Armadas\b|\bForces [Aa]rmées\b|"
            # "People's Defence Forces", "National Defense Force": a state's army by its name
            r"\bDefen[cs]e Forces?\b"
        ),
        "security_service",
    ),
    (
        re.compile(
            r"\bPublic Security (?:Bureau|Department)|\bCrime Investigation|"
            r"\bInvestigation Agency\b|\bCountering Extremism\b|\bDetective\b|"
            r"\bCounter[- ]?Terror|\bLaw Enforcement\b|"
            # the judicial police by its names: "Directorate of Judicial Assistance", "Central
            # Directorate of Judicial Investigations", "Dirección de Auxilio Judicial", "Vela
            # Investigation Bureau"
            r"\bJudicial (?:Assistance|Investigations?|Police)\b|\bAuxilio Judicial\b|"
            r"\bInvestigation Bureau\b"
        ),
        "police",
    ),
    # a unit or squad named for the force it uses or the crimes it fights: "Special Operations
    # Unit", "Rapid Response Squad", "Cyber Crime Unit", "Anti-Riot Unit"
    (
        re.compile(
            r"\b(?:Operations?|Response|Riot|Intervention|Crimes?|Tactical|Anti-[\w-]+|"
            r"Counter-[\w-]+) (?:Units?|Squads?)\b"
        ),
        "police",
    ),
    # a legislature by its chamber ("Chamber of Deputies", "Legislative Council") before the
    # head word "Chamber" of the courts, and a constitutional council, which rules as a court
    (
        re.compile(
            r"\bLegislative (?:Assembly|Council|Chamber|Yuan)\b|\bChamber of (?:Deputies|"
            r"Representatives)\b|\bHouse of (?:Representatives|Commons|Lords|Assembly)\b"
        ),
        "parliament",
    ),
    (re.compile(r"\bConstitutional (?:Council|Chamber)\b"), "court"),
    (re.compile(r"\b(?:Court|Tribunal|Plenum)\b"), "court"),
    (re.compile(r"Prosecut|Procura"), "prosecution"),
    (
        re.compile(
            r"\b(?:Police|Interior|Internal Affairs|Gendarm|Militia|Financial Investigations|"
            r"Criminal Investig|Investigative Committee)"
        ),
        "police",
    ),
    (
        re.compile(
            r"\bSecurity (?:Committee|Service|Agency|Bureau)|\bIntelligence\b|\bState Security"
        ),
        "security_service",
    ),
    # an agency that gathers and sells news: "Zenda Press Agency", "Vela News Agency"
    (re.compile(r"\b(?:News|Press) Agency\b"), "media"),
    (re.compile(r"\bMinistry\b"), "ministry"),
    (
        re.compile(r"\bParliament|\bDuma\b|\bNational Assembly\b|\bConstituent Assembly\b"),
        "parliament",
    ),
    (
        re.compile(
            r"\b(?:United Nations|UN(?= [A-Z])|Council of Europe|European Union|OSCE|"
            r"Working Group (?:of Experts )?on|Parliamentary Assembly|Special Rapporteur)"
        ),
        "international_org",
    ),
    # a state's guards and forces by any name ("Republican Guard", "Presidential Guards",
    # "Rapid Support Forces", "Special Forces"), once the armed groups, the police, the
    # intelligence services and the UN's bodies have been told by the patterns above
    (re.compile(r"\b(?:Guards?|Forces)\b"), "security_service"),
    (re.compile(r"\bParty\b"), "political_party"),
    # the councils of a town or region govern it: "Vela Municipal Council"
    (
        re.compile(
            r"\b(?:Municipal|City|Town|Village|District|Regional|Provincial|County) Council\b"
        ),
        "government",
    ),
    (re.compile(r"\b(?:Ltd|LLC|Inc|JSC|Company|Corporation|Bank)\b"), "company"),
    # a hospital or a school is "other", though the state runs it: "Government Medical College
    # and Hospital", "Kastra Civil Hospital"
    (re.compile(r"\b(?:Hospital|College|School)\b"), "other"),
    (re.compile(r"\b(?:Government|Ombudsman|Administration|Presidential)"), "government"),
    (re.compile(r"\b(?:Campaign|Movement|Mechanism)\b"), "other"),
]
INSTRUMENT_HEADS = {
    "Code": "law", "Constitution": "constitution", "Convention": "convention",
    "Covenant": "treaty", "Declaration": "treaty", "Charter": "treaty", "Agreement": "treaty",
    "Treaty": "treaty", "Protocol": "treaty", "Law": "law", "Act": "law", "Decree": "decree",
    "Principles": "treaty", "Rules": "treaty", "Ordinance": "law", "Decree-Law": "law",
    "Proclamation": "decree", "Código": "law", "Codice": "law", "Statute": "treaty",
    "Sanhita": "law",
}  # fmt: skip
SITE_HEADS = frozenset(
    """Airport Prison Jail Gaol Colony Cosmodrome Headquarters Square Street Avenue
Station Camp Island Hospital Hotel Complex Facility County Province Region Oblast Road Lane Mews
Boulevard Highway Bridge Market Park Village Valley Mountains Mountain Mount River Lake Palace
Building""".split()
)
#: Sites that are no post of the body named before them, as "Vela Police Station" is: "the
#: Government Palace", "Government Building 5", "Parliament Square".
MERE_SITE_HEADS = frozenset("Palace Building Square Street Avenue Road Lane Boulevard".split())
#: Work in the media that makes a person a journalist in the gold's sense: "cartoonist X",
#: "X, editor of the news site Y", "radio presenter X".
MEDIA_WORK = (
    r"(?:[Jj]ournalist|[Rr]eporter|[Pp]hoto-?journalist|[Pp]hotographer|[Cc]artoonist|"
    r"(?:[Ss]ub-|[Cc]opy |[Nn]ews )?[Ee]ditor(?:-in-chief)?|(?:associate |managing )?[Pp]ublisher|"
    r"(?:radio |television |TV )?[Pp]resenter|[Bb]roadcaster|[Cc]olumnist|"
    r"[Cc]amera(?:man|woman|person| operator)|[Vv]ideographer|(?:news |TV )?[Pp]roducer|"
    r"(?:lead |chief )?editorial writer|news anchor|[Cc]orrespondent|"
    # the one who runs a radio or television station: "the station manager, X"
    r"(?:radio |television |TV )?(?<![Pp]olice )station(?:[’']s)? (?:manager|director)|"
    # "a host at the private station Radio X FM", "the host of a talk show"
    # ("a regular commentator on the evening news of the station Vela FM")
    r"(?:radio |television |TV |talk[- ]show )?(?:host|(?:regular )?commentator)"
    r"(?= (?:at|of|on) (?:the |a |an )?"
    r"(?:[\w’'-]+ ){0,3}?(?:station|[Rr]adio|[Tt]elevision|TV|channel|programme|program|show"
    r"|FM)\b))"
)
PERSON_TITLES = [
    (r"Prosecutor General", "official", "prosecutor"), (r"President", "official", None),
    (r"Director of Public Prosecutions", "prosecutor", None),
    (r"Prime Minister", "official", None), (r"Minister", "official", None),
    (r"Mayor", "official", None), (r"Governor", "official", None),
    # a post in lower case before the name it is set off from: "a senator, X", "the local
    # council chairman, X"
    (r"(?:an?|the) (?:[\w’'-]+ )?(?:senator|(?:council|district|county|municipal) "
     r"(?:chairman|chairwoman|chairperson|chair)),", "official", None),
    (r"District Magistrate|District Collector|Prefect|Adviser|Advisor", "official", None),
    (r"Commissioner", "official", None), (r"Special Rapporteur", "official", None),
    (r"Ambassador", "official", None),
    (r"Chair-Rapporteur", "official", None), (r"[Oo]mbuds(?:man|woman|person)", "official", None),
    (r"MP|Member of Parliament|Senator|[Pp]arliamentarian|[Ll]awmaker|[Ll]egislator|"
     r"(?:country|nation|state|republic)[’']s (?:president|prime minister|leader),?",
     "official", None),
    (r"(?:[Pp]rison|[Jj]ail|[Pp]enal colony) (?:director|warden|governor|chief|head)", "official",
     None),
    (r"[Jj]udge", "judge", None), (r"[Mm]agistrate|Justice", "judge", None),
    (r"Director", "official", None),
    (r"(?:[Dd]eputy )?(?:[Pp]rosecutor[- ][Gg]eneral|[Cc]hief [Pp]rosecutor)", "prosecutor", None),
    # counsel for the state's side of a case: "Counsel for the State, X", "counsel for the
    # DSS, Mr X" (a state body by its acronym); counsel for anyone else is a lawyer
    (r"[Cc]ounsel (?:for|of) the (?:[Ss]tate|[Pp]rosecution|[Gg]overnment|[Rr]epublic|"
     r"[Pp]olice|[A-Z]{2,5}),", "prosecutor", None),
    (r"(?:[Dd]eputy )?[Aa]ttorney[- ][Gg]eneral", "official", "prosecutor"),
    # heads of state and envoys by their style: "Supreme Leader X", "Crown Prince X", "the EU
    # High Representative, X"
    (r"Supreme Leader|Crown Prince|High Representative", "official", None),
    (r"[Pp]rosecutor|[Pp]rocurator|(?:[Ss]tate|[Dd]istrict) [Aa]ttorney|[Ss]tate [Aa]dvocate|"
     r"[Cc]rown [Cc]ounsel", "prosecutor", None),
    # "rights advocate X" campaigns; "advocate X", "Advocate X" pleads in court
    (r"(?:[Hh]uman |[Ww]omen[’']s |[Ll]and |[Ll]abou?r )?[Rr]ights advocate|"
     r"[Ee]nvironmental advocate", "defender", None),
    # ("Attorney-at-Law X": the style of a member of the bar in South Asia)
    (r"(?:human rights |defence |defense )?[Ll]awyer|[Bb]arrister|(?:[Dd]efen[cs]e|Senior) "
     r"[Cc]ounsel|[Aa]ttorney(?:-at-[Ll]aw)?|[Aa]dvocate|Atty\.?|[Cc]ounsel", "lawyer", None),
    # the French style of address of a member of the bar: "Maître A", "Me A"
    (r"Ma[iî]tre|Me\.?", "lawyer", None),
    (MEDIA_WORK, "journalist", None), (r"(?:human rights )?[Dd]efenders?", "defender", None),
    (r"(?:civic |civil society )?[Aa]ctivists?", "defender", None),
    (r"[Cc]olleagues?(?: (?:at|from|in|of) (?:the )?(?:[A-Z][\w’'-]+ ?){1,6})?", "defender", None),
    (r"(?:[Ee]ye)?[Ww]itness|[Ww]itnesses,? (?:including|among them|such as)", "witness", None),
    (r"(?:[Pp]aralegal|[Cc]ampaigner|[Oo]rgani[sz]er|[Tt]rade unionist|[Ee]nvironmentalist|"
     r"(?:[Cc]ommunity|[Ii]ndigenous|[Pp]easant|[Ss]ocial|[Ss]tudent|[Yy]outh|[Uu]nion|[Ll]abou?r|"
     r"[Tt]ribal|[Vv]illage|[Ff]armers’?|[Ww]orkers’?) leader|[Ll]and defender)", "defender", None),
    # ranks of the police and the army, and investigators: agents of the state
    (r"(?:Police |Army )?(?:(?:Brigadier|Major|Lieutenant)[- ]General|General|Colonel|"
     # Russian ranks name their service: "Major of Justice", "Lieutenant Colonel of Police"
     r"(?:Lieutenant[- ]Colonel|Major|Captain|Lieutenant|Colonel) of (?:Justice|Police)|"
     r"Lieutenant[- ]Colonel|Major|Captain|Lieutenant|Sergeant|"
     r"Constable|Brigadier|[Ii]nvestigator|[Ii]nterrogator|[Ww]arden|Detective|"
     r"[Pp]olice (?:[Cc]hief|[Oo]fficer|[Ii]nspector)|"
     # "the investigating officer, X", "security agent X": an officer named by what they do
     r"(?:[Ii]nvestigating|[Aa]rresting) (?:[Oo]fficer|[Ii]nspector)|"
     r"[Ss]ecurity (?:[Oo]fficer|[Aa]gent)|"
     # the same ranks written short: "Lt. Gen. X", "Col. X", "Sgt. X"
     r"(?:(?:Lt|Brig|Maj)\.\s*)?(?:Gen|Col|Maj|Capt|Lt|Sgt|Cpl|Insp|Supt)\.)",
     "official", None),
    (r"(?:[Pp]olice|[Aa]rmy|[Mm]ilitary|[Rr]egional|[Dd]istrict) [Cc]ommander", "official", None),
    # a post in lower case with the place it governs: "the governor of Vela, X"
    (r"(?:[Dd]eputy )?(?:governor|mayor|prefect|(?:[Rr]esident )?[Dd]istrict [Cc]ommissioner) of "
     r"(?:the )?"
     r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,3}", "official", None),
]  # fmt: skip
GENDER_NOUNS = {
    "wife": "female", "mother": "female", "daughter": "female", "sister": "female",
    "husband": "male", "father": "male", "son": "male", "brother": "male",
    "nephew": "male", "niece": "female", "son-in-law": "male", "daughter-in-law": "female",
    "brother-in-law": "male", "sister-in-law": "female", "father-in-law": "male",
    "mother-in-law": "female", "grandson": "male", "granddaughter": "female",
    "grandfather": "male", "grandmother": "female", "uncle": "male", "aunt": "female",
    "cousin": "unknown", "stepson": "male", "stepdaughter": "female", "partner": "unknown",
    "spouse": "unknown", "fiancé": "male", "fiancée": "female", "relative": "unknown",
    "widow": "female", "widower": "male", "stepfather": "male", "stepmother": "female",
    # a partner, in the Spanish the appeals from Latin America keep: "her compañero, X"
    "compañero": "male", "compañera": "female",
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
    "European Union": "international_org",
    # issuers of appeals whose names no rule reads as a body's: one word, in capitals or with
    # a number, no head word (their acronyms are left to the brackets that define them)
    "CIVICUS": "ngo", "FORUM-ASIA": "ngo", "ARTICLE 19": "ngo", "DefendDefenders": "ngo",
    "Reporters Without Borders": "ngo", "EuroMed Rights": "ngo", "IM-Defensoras": "ngo",
    # an issuer's own ratings platform, which appeals cite as a source
    "CIVICUS Monitor": "other",
}  # fmt: skip
WELL_KNOWN_INSTRUMENTS = {
    "ICCPR": "International Covenant on Civil and Political Rights",
    "ECHR": "European Convention on Human Rights",
    "UDHR": "Universal Declaration of Human Rights",
    "CAT": "Convention against Torture",
    "ICESCR": "International Covenant on Economic, Social and Cultural Rights",
    "CEDAW": "Convention on the Elimination of All Forms of Discrimination against Women",
    "the Covenant": "International Covenant on Civil and Political Rights",
    "CRC": "Convention on the Rights of the Child",
    "ACHPR": "African Charter on Human and Peoples' Rights",
    "CRPD": "Convention on the Rights of Persons with Disabilities",
    "ICERD": "International Convention on the Elimination of All Forms of Racial Discrimination",
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
        # as the country writes its own name, in the addresses of appeals
        "Việt Nam",
        "México",
        "Perú",
        "Brasil",
        "Panamá",
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
    # the rest of the world's states whose demonym is one word and no one's name
    "Jordanian": "Jordan", "Lebanese": "Lebanon", "Omani": "Oman", "Qatari": "Qatar",
    "Emirati": "United Arab Emirates", "Yemeni": "Yemen", "Iraqi": "Iraq", "Libyan": "Libya",
    "Kuwaiti": "Kuwait", "Somali": "Somalia", "Eritrean": "Eritrea", "Rwandan": "Rwanda",
    "Burundian": "Burundi", "Congolese": "Congo", "Cameroonian": "Cameroon",
    "Ghanaian": "Ghana", "Ivorian": "Côte d'Ivoire", "Senegalese": "Senegal", "Malian": "Mali",
    "Nigerien": "Niger", "Chadian": "Chad", "Malawian": "Malawi", "Zambian": "Zambia",
    "Mozambican": "Mozambique", "Angolan": "Angola", "Namibian": "Namibia",
    "Djiboutian": "Djibouti", "Mauritanian": "Mauritania", "Togolese": "Togo",
    "Beninese": "Benin", "Gabonese": "Gabon", "Liberian": "Liberia", "Turkmen": "Turkmenistan",
    "Mongolian": "Mongolia", "Nepali": "Nepal", "Nepalese": "Nepal", "Indonesian": "Indonesia",
    "Malaysian": "Malaysia", "Singaporean": "Singapore", "Laotian": "Laos",
    "Japanese": "Japan", "Polish": "Poland", "Hungarian": "Hungary", "Serbian": "Serbia",
    "Croatian": "Croatia", "Albanian": "Albania", "Greek": "Greece", "Spanish": "Spain",
    "Portuguese": "Portugal", "Dutch": "Netherlands", "Belgian": "Belgium", "Swiss": "Switzerland",
    "Austrian": "Austria", "Norwegian": "Norway", "Danish": "Denmark", "Finnish": "Finland",
    "Moldovan": "Moldova", "Romanian": "Romania", "Bulgarian": "Bulgaria",
    "Lithuanian": "Lithuania", "Latvian": "Latvia", "Estonian": "Estonia",
    "Ecuadorian": "Ecuador", "Bolivian": "Bolivia", "Chilean": "Chile", "Argentine": "Argentina",
    "Argentinian": "Argentina", "Paraguayan": "Paraguay", "Uruguayan": "Uruguay",
    "Salvadoran": "El Salvador", "Salvadorian": "El Salvador", "Panamanian": "Panama",
    "Haitian": "Haiti", "Canadian": "Canada", "Australian": "Australia",
    "Afghan": "Afghanistan", "Slovak": "Slovakia", "Slovenian": "Slovenia",
    "Bosnian": "Bosnia and Herzegovina", "Montenegrin": "Montenegro", "Kosovar": "Kosovo",
    "Cypriot": "Cyprus", "Maltese": "Malta", "Icelandic": "Iceland", "Jamaican": "Jamaica",
    "Guyanese": "Guyana", "Gambian": "Gambia", "Malagasy": "Madagascar",
    "Mauritian": "Mauritius", "Maldivian": "Maldives", "Bhutanese": "Bhutan",
    "Taiwanese": "Taiwan", "Azeri": "Azerbaijan", "Fijian": "Fiji",
    # states whose demonym is two or three words: read where a pattern looks for a demonym in
    # running text ("Sri Lankan authorities"), and no person's name ("Sri Lankan editor X")
    "Sri Lankan": "Sri Lanka", "South African": "South Africa", "South Sudanese": "South Sudan",
    "North Korean": "North Korea", "South Korean": "South Korea", "Costa Rican": "Costa Rica",
    "Puerto Rican": "Puerto Rico", "Sierra Leonean": "Sierra Leone",
    "New Zealander": "New Zealand", "Papua New Guinean": "Papua New Guinea",
    "Central African": "Central African Republic", "Equatorial Guinean": "Equatorial Guinea",
    "East Timorese": "Timor-Leste", "Cape Verdean": "Cabo Verde",
}  # fmt: skip

#: Words of other languages that name bodies, never people: "Ministerio Público",
#: "Defensoría del Pueblo", "Ligue ...", "... Derneği", "... Sangathan".
FOREIGN_BODY_WORDS = frozenset(
    """Secretaría Ministerio Ministério Ministère Fiscalía Procuraduría Defensoría Defensor
Juzgado Corte Cour Parquet Programa Colectivo Collectif Derechos Direitos Humanos Mesa Palacio
Sistema Noticias Minera Empresa Compañía Policía Polícia Ejército Pueblo Público Nacional
Comissão Ligue Syndicat Observatoire Fédération Maison Derneği Vakfı Hakları Mahkemesi Partisi
Sendikası Sangathan Sangh Samiti Manch Sabha Morcha Andolan Lembaga Yayasan Aliansi
Komisi""".split()
)
#: Head words of places and bodies that a particle joins to the rest of their name ("Plaza de la
#: Libertad", "Comisión de la Verdad", "Rue du Lac"): a run they open is no person's name.
PARTICLE_NAME_HEADS = frozenset(
    """Plaza Calle Avenida Casa Comisión Comité Consejo Asociación Federación Frente Ronda Unidad
Instituto Universidad Colegio Coordinadora Movimiento Centro Fundación Asamblea Congreso Sala
Cámara Provincia Departamento Región Municipalidad Alcaldía Gobernación Dirección Oficina Praça
Rua Associação Universidade Conselho Rue Conseil Tribunal Chambre Mouvement Parti Partido
Hospital Cárcel Prisión Escuela Iglesia Barrio Colonia Valle Sierra Puerto Isla
Porto Cidade Ciudad Villa""".split()
)
#: Common nouns and headline verbs that turn up capitalised in titles and names of bodies,
#: events and places, and are no part of a person's name.
NOT_NAME_WORDS = (
    frozenset(
        """Mission Missions Chamber States Strike Day War Crime Crimes Branch Order Limited Digital
News Consulting Publishers Journalists Priest Others Year Years Year-Old Held Forced Killed
Arrested Detained Released Sentenced Charged Jailed Freed Convicted Acquitted Abducted Missing
Tortured Disbarred Summoned Banned Daily Times Gazette Tribune Herald Lead Researcher
Coordinator Manager Officer Without Borders Report Reports Review Bulletin Newsletter
Briefing Unlimited Other Forms Prevent Punish Investigate Combat Eradicate Suppress
Eliminate""".split()
    )
    | frozenset(
        # plural nouns of kin, which head a headline's clause ("Nephews Questioned"), never a name
        "Nephews Nieces Cousins Husbands Wives Sons Daughters Relatives".split()
    )
    | frozenset(
        # plural nouns of a people, capitalised in a treaty's title ("Indigenous and Tribal
        # Peoples"), never a name
        "Peoples Nations Tribes".split()
    )
)
#: The noun of a street in the languages that put it before the street's name, as an address
#: writes it ("Ulitsa Bolshaya Vela, 15", "Jalan Merdeka 10"): no word of a person's name.
STREET_NOUNS = frozenset(
    """Ulitsa Prospekt Shosse Pereulok Naberezhnaya Ploshchad Bulvar Bulevar Ulica Avenida Rua
Rue Jalan Caddesi Sokak Sokağı Calea Piazza Travessa Chaussée""".split()
)
NOT_NAME_WORDS = NOT_NAME_WORDS | STREET_NOUNS

# Words that head form fields, banners and section headings, never names of people or titles.
FORM_WORDS = frozenset(
    "date time event description initial update updated last name type status place location "
    "details contact address information summary background subject reference action urgent "
    "take appeal case new statement joint press release news alert follow-up number index "
    "perpetrators rights concerned hrd ref posted".split()
)

#: A company by its legal form: "Zenda Mining S.R.L.", "Zenda Daily Limited", "Aguas del Sur,
#: S.A. de C.V." (Mexico's, of variable capital).
LEGAL_FORM = re.compile(
    r"(?:Co\.,? Ltd\.?|Pte\.? Ltd\.?|"  # East and South-East Asia's: "Vela Co., Ltd."
    r"S\.R\.L\.|S\.A\. de C\.V\.|S\. de R\.L\.(?: de C\.V\.)?|S\.A\.R\.L\.|S\.A\.S\.|"
    r"S\.A\.C?\.|S\.A\.|S\.p\.A\.|Ltd\.?|Limited|Inc\.|LLC|GmbH|PLC|plc|JSC|LLP|SARL|"
    # Malaysia's and Brunei's private and public companies, the Netherlands' and Belgium's,
    # Australia's proprietary ones, Indonesia's listed ones: "Vela Timber Sdn Bhd"
    r"Sdn\.? Bhd\.?|Bhd\.?|B\.V\.|N\.V\.|Pty\.? Ltd\.?|Tbk\.?)(?![\w.])"
)
