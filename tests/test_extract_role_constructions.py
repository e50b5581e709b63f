"""Person roles in the constructions of the genre, one made-up sentence each.

The sentences were written from the corpus README's role conventions and the issuers' styles,
not from any appeal's wording: appositions before and after the name, posts of officials,
relatives, journalists and bloggers, lists under one noun, witnesses and co-defendants, and the
default for the one an appeal is about. Where the README is silent, the development gold's habit
is expected (a blogger who is persecuted is coded a defender, a co-defendant other; see
``tools/gold_conventions.py``).
"""

from __future__ import annotations

import pytest
from genrecases import genre_params

from kg.extract import extract_case

HEAD = "12 May 2021\n\nZembla: Rights defenders at risk\n\n"
ARREST = "On 3 May 2021, police arrested Rina Holm. "

# Constructions the rules miss. Where a fix was tried and not kept, it left the development
# half B and the invented appeals where they were (the protocol of docs/extraction.md keeps a
# change only where one of them rises).
KNOWN_XFAIL: dict[str, str] = {
    "outlet-staff-after-comma": "the first name after the comma is read with the words before "
    "it ('members of the weekly X, ') as a group's member, a defender, before the list the "
    "outlet's kind gives is read; the names after it are journalists",
    "threatened-by-governor": "the object of 'threatened' and 'attacked' is not taken as a "
    "defender by default: reading it took the test split's roles below their floor",
    "lawyer-apposed-speaks": "'X, a lawyer,' is coded a defender wherever: a lawyer by default "
    "where no act befalls them moved no figure",
    "kin-then-activist": "'her daughter, the activist X': adding the defender moved no figure",
    "representing-participle": "'X, who is representing Y' and 'X, representing Y' name no "
    "lawyer: reading the participle as 'who represents' moved no figure",
    "soldier-apposed": "'X, a soldier' and 'X, the village chief' name no official: adding them "
    "to the state agents after a name moved no figure",
    "village-chief-apposed": "as soldier-apposed",
    "rapporteur-on-defenders": "the word 'defenders' in a UN mandate's name before the name "
    "makes a defender: not tried",
}

CASES: list[tuple[str, str, dict[str, list[str]]]] = [
    # appositions before and after the name
    ("title-before", "On 3 May 2021, police arrested human rights lawyer Ivo Sand in Vela.",
     {"Ivo Sand": ["defender", "lawyer"]}),
    ("lawyer-apposed-speaks", ARREST + "Ivo Sand, a lawyer with the Vela Legal Centre, said the "
     "arrest was unlawful.", {"Rina Holm": ["defender"], "Ivo Sand": ["lawyer"]}),
    ("who-represents-name", ARREST + "Ivo Sand, who represents Holm, was refused access to her.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["lawyer"]}),
    ("who-represents-her", ARREST + "Ivo Sand, who represents her, was refused access.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["lawyer"]}),
    # the clients told by a description, not by name
    ("lawyer-for-the-clients", "On 3 May 2021, police arrested the activists Rina Holm and Ada "
     "Lind. The lawyer for the two activists, Ivo Sand, said he was refused access to them.",
     {"Rina Holm": ["defender"], "Ada Lind": ["defender"], "Ivo Sand": ["lawyer"]}),
    # an outlet's head at a sentence's start; its owner is named for no work of the outlet
    ("outlet-founder-opens", "The news site was blocked on 3 May 2021. The outlet's founder, Ivo "
     "Sand, who lives abroad, said the block was unlawful.", {"Ivo Sand": ["journalist"]}),
    ("outlet-owner", "The news site was fined on 3 May 2021. The outlet's owner, Ivo Sand, said "
     "the fine would force it to close.", {"Ivo Sand": ["other"]}),
    ("member-of-union", "On 3 May 2021, police arrested Rina Holm, a member of the Vela Rights "
     "Union.", {"Rina Holm": ["defender"]}),
    ("coordinator", "On 3 May 2021, Rina Holm, coordinator of the Vela Women's Network, was "
     "arrested.", {"Rina Holm": ["defender"]}),
    ("trade-unionist", "On 3 May 2021, Rina Holm, a trade unionist, was arrested.",
     {"Rina Holm": ["defender"]}),
    ("environmental-activist", "On 3 May 2021, Rina Holm, an environmental activist, was "
     "arrested.", {"Rina Holm": ["defender"]}),
    # a body whose head word reads as the state's ("Bureau") said by an apposition to be a
    # civil one: its heads are defenders
    ("deputy-head-of-apposed-ngo", "Rina Holm is the head of the Bureau for Legal Aid “Pravo”, a "
     "Vela-based organisation which gives free legal aid. On 3 May 2021, Ivo Sand, deputy head "
     "of the Bureau, was prevented from boarding a flight.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["defender"]}),
    ("mayor-of-a-town-a-body-is-named-for", "On 3 May 2021, police arrested Rina Holm of the "
     "Vela Rights Union over her complaint against Ivo Sand, Mayor of Vela.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}),
    # a post of a body with its seat, then an honorific and the name
    ("prosecutor-of-the-republic-in-a-town", "On 20 May 2021, Rina Holm was brought before the "
     "Prosecutor of the Republic in Vela, Mr Ivo Sand, who charged her with rebellion.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["prosecutor"]}),
    # the head of a prosecution named as the one who leads it now
    ("prosecution-now-headed-by", "On 3 May 2021, police arrested Rina Holm on a warrant issued "
     "at the request of the Special Prosecutor’s Office against Fraud (FEVF), now headed by "
     "Ivo Sand.", {"Rina Holm": ["defender"], "Ivo Sand": ["prosecutor"]}),
    # one who files a complaint after a long apposition with a post
    ("complainant-after-long-post", "On 3 May 2021, police arrested Rina Holm, two days after "
     "Ivo Sand, Vela Province's Minister for Roads and Public Works Development, filed a "
     "complaint accusing her of defamation.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["official", "complainant"]}),
    # one the defence calls, or who is due to testify, is a witness, whatever is done to him
    ("defence-calls", ARREST + "On 7 May 2021, the judge would not allow the defence to "
     "call Ivo Sand, a teacher who had seen the arrest and was ready to testify. The night "
     "before, men beat Ivo Sand in his hotel room.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["witness"]}),
    ("due-to-testify", ARREST + "Tom Reed, a neighbour who was due to testify, was questioned "
     "by police on 7 May 2021.",
     {"Rina Holm": ["defender"], "Tom Reed": ["witness"]}),
    # an eyewitness told by a short description before "who witnessed"
    ("described-who-witnessed", ARREST + "On 7 May 2021, the prosecution summoned Mr. Ivo Sand, "
     "a community member who witnessed the arrest, to clarify his statement.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["witness"]}),
    # a newsroom post with a prefix
    ("sub-editor-apposed", "On 3 May 2021, Ms. Rina Holm, a sub-editor at Vela Weekly, left the "
     "office and never reached her home.", {"Rina Holm": ["journalist"]}),
    # a single name after a kinship noun with an adjective between
    ("younger-brother-single-name", ARREST + "On 5 May 2021, police questioned her younger "
     "brother, Mirek, for five hours.", {"Rina Holm": ["defender"], "Mirek": ["relative"]}),
    ("spokesperson-of-ngo", ARREST + "Ivo Sand, a spokesperson for the Vela Rights Union, said "
     "she was innocent.", {"Rina Holm": ["defender"], "Ivo Sand": ["defender"]}),
    ("professor-comments", ARREST + "Ivo Sand, a professor at Vela University, said the charges "
     "were political.", {"Rina Holm": ["defender"], "Ivo Sand": ["other"]}),
    ("issuer-staff-quoted", ARREST + "“This is an outrage,” said Ivo Sand, Amnesty "
     "International's regional director.", {"Rina Holm": ["defender"], "Ivo Sand": ["other"]}),
    # posts of officials
    ("minister-apposed", "On 3 May 2021, the Minister of Interior, Teo Varga, ordered the arrest "
     "of Rina Holm.", {"Teo Varga": ["official"], "Rina Holm": ["defender"]}),
    ("judge-title", "On 3 May 2021, Judge Teo Varga remanded Rina Holm in custody for two "
     "months.", {"Teo Varga": ["judge"], "Rina Holm": ["defender"]}),
    ("prosecutor-title", "On 3 May 2021, Prosecutor Teo Varga charged Rina Holm with "
     "hooliganism.", {"Teo Varga": ["prosecutor"], "Rina Holm": ["defender"]}),
    ("beaten-on-orders", "On 3 May 2021, Rina Holm was beaten on the orders of Teo Varga, head "
     "of the police in Vela.", {"Teo Varga": ["official"], "Rina Holm": ["defender"]}),
    ("head-of-district-police", "On 3 May 2021, Rina Holm was summoned by Teo Varga, the head "
     "of the Vela district police.", {"Teo Varga": ["official"], "Rina Holm": ["defender"]}),
    ("investigator-of-body", "On 3 May 2021, Rina Holm was questioned by investigator Teo Varga "
     "of the State Security Committee.", {"Teo Varga": ["official"], "Rina Holm": ["defender"]}),
    ("judge-of-court", "On 3 May 2021, Rina Holm appeared before Teo Varga, a judge of the Vela "
     "District Court.", {"Teo Varga": ["judge"], "Rina Holm": ["defender"]}),
    ("threatened-by-governor", "On 3 May 2021, the governor of Vela province, Teo Varga, "
     "threatened Rina Holm.", {"Teo Varga": ["official"], "Rina Holm": ["defender"]}),
    ("deputy-minister", "On 3 May 2021, Rina Holm was arrested. Deputy Interior Minister Teo "
     "Varga accused her of treason.", {"Teo Varga": ["official"], "Rina Holm": ["defender"]}),
    ("commander-apposed", "On 3 May 2021, Ivo Sand, commander of the Vela police, ordered the "
     "arrest of Rina Holm.", {"Ivo Sand": ["official"], "Rina Holm": ["defender"]}),
    ("prison-director", "On 3 May 2021, Rina Holm was arrested. Colonel Ivo Sand, the prison "
     "director, refused to let her see a doctor.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}),
    ("un-rapporteur", ARREST + "UN Special Rapporteur Ivo Sand called for her release.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}),
    # relatives
    ("husband-title", ARREST + "Her husband Ivo Sand was also questioned.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["relative"]}),
    ("possessive-brother", ARREST + "Holm's brother, Ivo Holm, was beaten.",
     {"Rina Holm": ["defender"], "Ivo Holm": ["relative"]}),
    ("son-apposed", ARREST + "Ivo Sand, her son, said she was ill.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["relative"]}),
    ("kin-then-activist", "On 3 May 2021, police arrested Rina Holm and her daughter, the "
     "activist Ana Holm.", {"Rina Holm": ["defender"], "Ana Holm": ["defender", "relative"]}),
    ("kin-defender-himself", ARREST + "Her father, Ivo Holm, a human rights defender himself, "
     "was summoned on 5 May 2021.",
     {"Rina Holm": ["defender"], "Ivo Holm": ["defender", "relative"]}),
    ("mother-tells", ARREST + "Her mother, Ada Holm, told the press she had not been allowed to "
     "visit.", {"Rina Holm": ["defender"], "Ada Holm": ["relative"]}),
    # journalists and bloggers
    ("blogger", "On 3 May 2021, police arrested blogger Ivo Sand over a post.",
     {"Ivo Sand": ["defender"]}),
    ("journalist-with-outlet", "On 3 May 2021, police arrested Ivo Sand, an investigative "
     "journalist with the Vela Post.", {"Ivo Sand": ["journalist"]}),
    ("editor-in-chief", "On 3 May 2021, police arrested Ivo Sand, editor-in-chief of the weekly "
     "Vela Voice.", {"Ivo Sand": ["journalist"]}),
    ("the-reporter", "On 3 May 2021, police arrested the reporter Ivo Sand.",
     {"Ivo Sand": ["journalist"]}),
    # lists
    ("their-lawyers", ARREST + "Their lawyers Ivo Sand, Ada Brun and Teo Varga were denied "
     "access.", {"Rina Holm": ["defender"], "Ivo Sand": ["lawyer"], "Ada Brun": ["lawyer"],
                 "Teo Varga": ["lawyer"]}),
    ("defenders-both-members", "On 3 May 2021, police arrested the defenders Ivo Sand and Ada "
     "Brun, both members of the Vela Rights Union.",
     {"Ivo Sand": ["defender"], "Ada Brun": ["defender"]}),
    ("activists-listed", "On 3 May 2021, police arrested the activists Ivo Sand, Ada Brun and "
     "Teo Varga.", {"Ivo Sand": ["defender"], "Ada Brun": ["defender"], "Teo Varga": ["defender"]}),
    ("lawyers-french-style", ARREST + "Her lawyers, Maître Ivo Sand and Maître Ada Brun, will "
     "ask for her release.", {"Rina Holm": ["defender"], "Ivo Sand": ["lawyer"],
                              "Ada Brun": ["lawyer"]}),
    ("represented-by-lawyers", ARREST + "She is represented by lawyers Ivo Sand and Ada Brun.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["lawyer"], "Ada Brun": ["lawyer"]}),
    ("names-then-her-lawyers", ARREST + "Ivo Sand and Ada Brun, her lawyers, filed an appeal.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["lawyer"], "Ada Brun": ["lawyer"]}),
    ("detainees-after-colon", "On 3 May 2021, police detained the following activists: Ivo "
     "Sand, Ada Brun, Teo Varga.",
     {"Ivo Sand": ["defender"], "Ada Brun": ["defender"], "Teo Varga": ["defender"]}),
    ("age-then-apposition", "On 3 May 2021, Ivo Sand, 34, a correspondent for the radio "
     "station Radio Vela, was arrested by soldiers.", {"Ivo Sand": ["journalist"]}),
    # "its <post>, X": a post of the body named last by a proper name, on the side its kind says
    ("its-posts-of-named-body", "The Vela Mothers' Association was founded in 2019 by relatives "
     "of prisoners. On 3 May 2021, police officers followed its secretary, Ms. Rina Holm, and "
     "its treasurer, Ms. Ada Brun.", {"Rina Holm": ["defender"], "Ada Brun": ["defender"]}),
    ("its-post-after-unread-acronym", "On 3 May 2021, agents of the Vela Intelligence Service "
     "(VIS) arrested the president of the VRL, Mr. Ivo Sand, and its treasurer, Ms. Rina Holm.",
     {"Ivo Sand": ["defender"], "Rina Holm": ["defender"]}),
    # witnesses and co-defendants
    ("witness-for-prosecution", "On 3 May 2021, Rina Holm was sentenced to two years in prison. "
     "Ivo Sand, a witness for the prosecution, later retracted his statement.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["witness"]}),
    ("prosecution-witness-title", "On 3 May 2021, Rina Holm went on trial. The prosecution "
     "witness Ivo Sand said he had been pressured by police.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["witness"]}),
    # a post in the state told after the name with its owner's possessive
    ("owner-possessive-post-after", "On 3 May 2021, police arrested Rina Holm. Calls to Ivo "
     "Sand, the government's chief spokesperson, went unanswered.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}),
    # near miss: a civil body's possessive makes no post in the state
    ("civil-owner-possessive-post-after", "On 3 May 2021, police arrested Rina Holm. Ivo Sand, "
     "the coalition's spokesperson, said the arrest was unlawful.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["other"]}),
    ("called-in-on-a-day-and-questioned", "On 3 May 2021, Rina Holm was arrested. Ivo Sand, "
     "a colleague, was also called in on 20 May and questioned as a witness.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["witness"]}),
    # near miss: questioned on a day, as no witness
    ("called-in-on-a-day-and-questioned-no-witness", "On 3 May 2021, Rina Holm was arrested. "
     "Ivo Sand, a colleague, was also called in on 20 May and questioned about her work.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["defender"]}),
    ("testified-that", "On 3 May 2021, Rina Holm went on trial. Ivo Sand testified that he had "
     "never met her.", {"Rina Holm": ["defender"], "Ivo Sand": ["witness"]}),
    ("testified-in-court", "On 3 May 2021, Rina Holm went on trial. Ivo Sand, a neighbour, "
     "testified in court on her behalf.", {"Rina Holm": ["defender"], "Ivo Sand": ["witness"]}),
    ("witnesses-listed-then-clause", "On 3 May 2021, Rina Holm was sentenced to two years in "
     "prison. Two neighbours, Mr. Ivo Sand and Mr. Teo Varga, who had testified for the "
     "prosecution, later retracted.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["witness"], "Teo Varga": ["witness"]}),
    ("called-in-as-attesting-witnesses", ARREST + "Two passers-by, Ivo Sand and Ada Brun, were "
     "called in as attesting witnesses.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["witness"], "Ada Brun": ["witness"]}),
    ("questioned-object-as-witness", ARREST + "On 5 May, investigators questioned Ivo Sand, the "
     "coordinator of the Vela Rights Union, as a witness in her case.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["defender", "witness"]}),
    ("co-defendant", "On 3 May 2021, Rina Holm was sentenced to two years in prison. Her "
     "co-defendant Ivo Sand received one year.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["other"]}),
    ("representing-participle", ARREST + "Ivo Sand, who is representing her pro bono, was "
     "refused access.", {"Rina Holm": ["defender"], "Ivo Sand": ["lawyer"]}),
    ("soldier-apposed", ARREST + "Ivo Sand, a soldier, hit her with a baton.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}),
    ("village-chief-apposed", ARREST + "Ivo Sand, the village chief, had complained about her "
     "campaign.", {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}),
    ("rapporteur-on-defenders", ARREST + "The Special Rapporteur on human rights defenders, Ivo "
     "Sand, expressed concern.", {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}),
    # complainants
    ("complaint-of", "On 3 May 2021, police arrested Rina Holm on the complaint of Ivo Sand, a "
     "local businessman.", {"Rina Holm": ["defender"], "Ivo Sand": ["complainant"]}),
    ("filed-a-complaint", "On 3 May 2021, police arrested Rina Holm after Ivo Sand filed a "
     "complaint against her.", {"Rina Holm": ["defender"], "Ivo Sand": ["complainant"]}),
    ("post-in-a-town-apposed", "On 3 May 2021, Rina Holm was arrested after a police "
     "commissioner in Vela, Mr. Ivo Sand, had filed a complaint against her.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["official", "complainant"]}),
    ("complaint-by-listed-kin", "On 3 May 2021, Rina Holm was sentenced to two years in "
     "prison. Her mother, Ms. Ada Brun, and her husband, Mr. Ivo Sand, filed a complaint about "
     "her treatment.", {"Rina Holm": ["defender"], "Ada Brun": ["complainant", "relative"],
                        "Ivo Sand": ["complainant", "relative"]}),
    ("charges-from-a-report-by", "On 3 May 2021, Rina Holm was charged with defamation. The "
     "charges stem from a report by Holm on the diversion of public funds.",
     {"Rina Holm": ["defender"]}),
    ("author-of-a-work-only", "On 3 May 2021, Rina Holm was charged over her translation of a "
     "novel by the exiled author Ivo Sand.", {"Rina Holm": ["defender"], "Ivo Sand": ["other"]}),
    # the default: the one an act of the state befalls is the defender the appeal is about
    ("default-arrested", "On 3 May 2021, Rina Holm was arrested in Vela.",
     {"Rina Holm": ["defender"]}),
    ("threats-only", "Rina Holm has received death threats since she published a report on land "
     "grabs.", {"Rina Holm": ["defender"]}),
    # a lawyer who files a complaint files it for a client; another who files one complains
    ("lawyer-files-complaint", "Rina Holm was arrested. Her lawyer, Ivo Sand, filed a complaint "
     "about her beating.", {"Rina Holm": ["defender"], "Ivo Sand": ["lawyer"]}),
    ("relative-files-complaint", "Rina Holm was arrested. Her husband, Ivo Sand, filed a "
     "complaint about her beating.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["complainant", "relative"]}),
    # one who serves a body, named after the post and the body: the body's kind gives the side
    ("official-of-ministry-apposed", "Rina Holm was arrested. Before her arrest, an official of "
     "the Ministry of the Interior, Ivo Sand, had warned her.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}),
    ("official-of-ruling-party", "Rina Holm was arrested. Before her arrest, a local official of "
     "the ruling Zembla Liberation Movement (ZLM), Mr Ivo Sand, had warned her.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}),
    ("official-of-no-body", "Rina Holm was arrested. On 5 May, a local official, Ivo Sand, "
     "visited the town.", {"Rina Holm": ["defender"], "Ivo Sand": ["other"]}),
    # the objects of a verb of calling, to testify
    ("called-to-testify", "Rina Holm was arrested. The court refused to call the experts, the "
     "linguist Ivo Sand and the scholar Ada Brun, to testify.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["witness"], "Ada Brun": ["witness"]}),
    # one due to give evidence in the case is a witness, heard or not
    ("ready-to-testify", "Rina Holm was arrested. The court refused to hear Ivo Sand, who was "
     "ready to testify.", {"Rina Holm": ["defender"], "Ivo Sand": ["witness"]}),
    # every name of "his colleagues, A and B" works as the one the appeal is about
    ("colleagues-list", "Human rights lawyer Rina Holm was arrested. Rina Holm is a lawyer. On 5 "
     "May, police detained two of her colleagues, Ivo Sand and Ada Brun.",
     {"Rina Holm": ["defender", "lawyer"], "Ivo Sand": ["defender", "lawyer"],
      "Ada Brun": ["defender", "lawyer"]}),
    ("activists-list", "Human rights lawyer Rina Holm was arrested. Rina Holm is a lawyer. On 5 "
     "May, police detained the activists Ivo Sand and Ada Brun.",
     {"Rina Holm": ["defender", "lawyer"], "Ivo Sand": ["defender"], "Ada Brun": ["defender"]}),
    # the one threatened or attacked, named as the object, also further in a list
    ("threats-against-list", "Rina Holm was arrested. We urge an inquiry into the threats against "
     "her, Ivo Sand and Ada Brun.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["defender"], "Ada Brun": ["defender"]}),
    ("threats-against-a-body", "Rina Holm was arrested. Ivo Sand, a neighbour, said the threats "
     "against the office went on.", {"Rina Holm": ["defender"], "Ivo Sand": ["other"]}),
    # a post, then an infinitive with its object, before a name: a demand, not the name's post
    ("post-then-infinitive", "Police arrested the activist Rina Holm on 3 May. We urge the "
     "Minister for Justice to discontinue the prosecution of Rina Holm.",
     {"Rina Holm": ["defender"]}),
    # near miss: "the right to" in a mandate's name is part of the post
    ("post-with-right-to", "Police arrested Rina Holm on 3 May. The Special Rapporteur on the "
     "right to adequate housing, Ivo Sand, wrote to the government.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["official"]}),
    # a host at a station is a journalist, as a presenter is
    ("host-at-station", "Police arrested Ivo Sand, a host at the private station Radio Vela FM, "
     "on 3 May 2021.", {"Ivo Sand": ["journalist"]}),
    # staff of an outlet listed after a comma report; the list ends where its names stop
    ("outlet-staff-second-after-comma", "Rina Holm was arrested. On 4 May, police questioned "
     "staff members of the weekly Vela Times, the reporter Ivo Sand and Ms. Ada Brun, and "
     "summoned their lawyer, Ms. Eva Gold.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["journalist"], "Ada Brun": ["journalist"],
      "Eva Gold": ["lawyer"]}),
    ("outlet-staff-after-comma", "Rina Holm was arrested. On 4 May, police questioned staff "
     "members of the weekly Vela Times, Mr. Ivo Sand and Ms. Ada Brun, and summoned their "
     "lawyer, Ms. Eva Gold.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["journalist"], "Ada Brun": ["journalist"],
      "Eva Gold": ["lawyer"]}),
    # an eyewitness told by a longer description, his seeing joined to another verb
    ("description-and-witnessed", ARREST + "Mr. Ivo Sand, a driver for the Vela bus company who "
     "was waiting nearby and witnessed the arrest, described it to us.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["witness"]}),
    # one of the witnesses named after "among them"
    ("witnesses-among-them", ARREST + "The prosecution said she had struck an officer; "
     "witnesses, among them her cousin Mr. Ivo Sand, said she was pushed.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["relative", "witness"]}),
    # questioned as a witness, told by a tie first and with a spell between
    ("questioned-tie-first-as-witness", ARREST + "On 9 May 2021, investigators questioned "
     "Holm's colleague, the teacher Ivo Sand, for six hours as a witness.",
     {"Rina Holm": ["defender"], "Ivo Sand": ["witness"]}),
    # the speaker of a quote in single marks, closed by its comma, is the issuer's staff
    ("single-quoted-speaker", ARREST + "‘Holding her for a post is an outrage,’ said Ivo Sand, "
     "a researcher at Vela Watch.", {"Rina Holm": ["defender"], "Ivo Sand": ["other"]}),
    # near miss: a clause after the name that speaks of activists describes no one
    ("clause-naming-activists", ARREST + "According to her lawyer, Ivo Sand, the charge sheet "
     "cites the activists’ posts.", {"Rina Holm": ["defender"], "Ivo Sand": ["lawyer"]}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    genre_params(CASES, KNOWN_XFAIL),
)
def test_roles_in_a_construction_of_the_genre(
    sentence: str, expected: dict[str, list[str]]
) -> None:
    record = extract_case(HEAD + sentence + "\n", appeal_id="t-construction")
    assert {p["name"]: p["roles"] for p in record["persons"] if p["name"]} == expected


ADDRESSES = (
    "12 May 2021\n\nZembla: Defender detained\n\nOn 3 May 2021, police arrested Rina Holm.\n\n"
    "Please write to:\n\nPresident of Zembla\nTeo Varga\nPresidential Palace\nVela, Zembla\n\n"
    "Minister of Justice\nAda Brun\nMinistry of Justice\nVela, Zembla\n\n"
    "Signed,\nIvo Sand\nDirector, Vela Rights Union\n"
)


def test_addressees_and_a_signatory_with_posts_are_officials() -> None:
    # the README: signatories and addressees with posts are persons with role official
    record = extract_case(ADDRESSES, appeal_id="t-addresses")
    assert {p["name"]: p["roles"] for p in record["persons"]} == {
        "Rina Holm": ["defender"],
        "Teo Varga": ["official"],
        "Ada Brun": ["official"],
        "Ivo Sand": ["official"],
    }


def test_every_known_failure_names_a_sentence() -> None:
    assert set(KNOWN_XFAIL) <= {key for key, _, _ in CASES}
