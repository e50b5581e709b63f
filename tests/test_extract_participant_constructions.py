"""Participants of events in the constructions of the genre, one made-up sentence each.

The sentences were written from the corpus README's conventions and the issuers' styles, not
from any appeal's wording: unnamed and plural agents, agents joined to a body, the court and the
judge of judicial steps, targets in lists and appositions, relative clauses about another step,
steps told in a clause of their own, who files a complaint, and the places a step happened at.
Each expects the agents, targets and authority of the events it names (by type and date); an
unnamed actor is written as how the text refers to it, in brackets.
"""

from __future__ import annotations

from typing import Any

import pytest
from genrecases import genre_params

from kg.extract import extract_case

HEAD = "5 May 2024\n\nZembla: Defenders at risk\n\n"
D = "2024-05-03"

# Constructions the rules still miss. Those marked "tried" had a fix that raised the
# development half A but left half B and the invented appeals where they were, so it was not
# kept (the protocol of docs/extraction.md keeps a change only where one of them rises).
KNOWN_XFAIL: dict[str, str] = {
    "phoned-then-threatened": "tried: a name after a past verb that is no event's ('phoned X "
    "and threatened him') as that verb's object and the threat's target, not a joined "
    "subject; no figure moved",
    "must-report-and-may-not-leave": "tried: a trigger with its own modal ('may not leave', "
    "'cannot leave') is read for hypothetical words only after the last 'and' or 'but' before "
    "it; no figure moved",
    "must-surrender-and-cannot-leave": "as must-report-and-may-not-leave",
    "hearing-rescheduled": "tried: 'It' before a phrase trigger that opens with a passive "
    "auxiliary ('has been rescheduled for') stands for what the step is done to, not the body "
    "named last; no figure moved",
    "hearings-rescheduled": "as hearing-rescheduled",
    "counted-security-agents": "tried: an unnamed group for counted or described agents "
    "('five male security agents') gained one agent of half A and added one false one",
    "pronoun-after-same-subject": "tried: a person named after a 'he' of their own sentence "
    "is not what the next 'he' points to; half B and the invented appeals unchanged",
    "list-then-who-were": "tried: the names listed before ', who were arrested' all undergo it; "
    "no figure moved",
    "judge-of-court-by": "tried: the court of a judge named 'by Judge X of the Y Court' as the "
    "authority; no figure moved",
    "counted-list-after-colon": "tried: any counted noun before a colon is the people listed "
    "after it, as many as it says; half A only",
    "own-object-in-relative": "tried: a verb read as a phrase with an object of its own takes "
    "no targets of the other clauses; half A only",
    "whose-relative-passive": "tried: the person the noun after 'whose' names undergoes the "
    "step of the relative clause, and no step outside it; half A only",
    "whose-relative-apposed": "as whose-relative-passive",
    "complaint-filed-by": "tried: who is named after 'filed by' or 'lodged by' files the "
    "complaint; half A only",
    "petition-filed-by-kin": "as complaint-filed-by",
    "arrested-at-home-of-kin": "tried: the owner of the place of an arrest is no target of it; "
    "no figure moved",
    "arrested-at-home-of-defender": "as arrested-at-home-of-kin",
    "who-relative-active": "tried: a person named in a relative clause closed before the "
    "trigger is no target of it; half A only",
    "the-three-companies": "tried: 'the three companies' names no group of people; half A lost "
    "five right participants in one appeal, where later steps go on with the group",
    "witnessed-the-killing": "tried: a noun trigger with its own 'of X' takes no other "
    "person of the sentence; half A only",
    "kin-of-named-active-then-him": "tried: one the sentence names only after 'husband of' "
    "and the like takes no part in its steps when another person does; no figure moved",
    "after-she-denounced": "tried: a clause of time or cause with its own pronoun subject is "
    "a clause of its own; no figure moved",
}

Expected = tuple[str, str | None, list[str], list[str], str | None]

CASES: list[tuple[str, str, list[Expected]]] = [
    # a name after a verb that is no event's, then "and" and the trigger: its object
    ("phoned-then-threatened", "On 3 May 2024, unknown men phoned Mr. Tarek Vela and "
     "threatened to kill him.",
     [("threat", D, ["(unknown men)"], ["Tarek Vela"], None)]),
    # one last seen somewhere is the one gone, not one who acts
    ("last-seen-subject", "Ms. Rina Holm chairs the Vela Mothers' Union. Her son, Ivo Holm, "
     "was last seen on 3 May 2024 after he was stopped at an army checkpoint.",
     [("disappearance", D, [], ["Ivo Holm"], None)]),
    # a group that acts, told with where it was, before a verb and its plural object
    ("men-on-motorbikes-attacked", "On 3 May 2024, armed men on motorbikes attacked journalists "
     "filming a sit-in outside the Vela court.",
     [("attack", D, ["(armed men)"], [], None)]),
    # people known by who they said they were, in a longer clause, before the verb of a call
    ("men-who-said-called", "On 2 May 2024, police arrested Mr. Tarek Vela. On 3 May 2024, "
     "three men who said they were friends of the mayor called Vela and threatened to burn "
     "his shop.",
     [("threat", D, ["(three men who said they were friends of the mayor)"], ["Tarek Vela"],
       None)]),
    # "he" after a sentence whose subject underwent a passive is that subject, not the defender
    ("he-after-passive-subject", "On 2 May 2024, police arrested the defender Mr. Tarek Vela. "
     "On 3 May 2024, his brother Mr. Karim Vela was stopped at the airport. He was told that "
     "he was banned from travel.",
     [("travel_ban", D, [], ["Karim Vela"], None)]),
    # whom a step received came from did it: "received phone calls from anonymous callers"
    ("received-from-callers", "On 2 May 2024, police arrested the defender Ms. Mira Vela. On 3 "
     "May 2024, after her release, Ms. Vela received phone calls from anonymous callers warning "
     "her to stop her work.",
     [("arrest", "2024-05-02", ["police"], ["Mira Vela"], None),
      ("threat", D, ["(anonymous callers)"], ["Mira Vela"], None)]),
    # a list of names before an active verb is its subject, each name with its apposition
    ("listed-subject-complains", "On 2 May 2024, police arrested the defender Ms. Mira Vela. On "
     "3 May 2024, Ms. Ana Vela and her mother, Ms. Rosa Holm, filed a complaint with the "
     "Ombudsman about the arrest.",
     [("complaint", D, ["Ana Vela", "Rosa Holm"], [], None)]),
    # the people of a subject that names someone else as their kin undergo both its verbs
    ("kin-of-named-summoned-and-questioned", "On 2 May 2024, police arrested the defender Ms. "
     "Mira Vela. On 3 May 2024, the husband of Ms. Vela, Mr. Ivo Sand, and their daughter, Ms. "
     "Ana Sand, a student, were summoned to the Zembla Police Department and questioned for "
     "several hours about the funding of the centre.",
     [("summons", D, ["Zembla Police Department"], ["Ana Sand", "Ivo Sand"], None),
      ("interrogation", D, ["Zembla Police Department"], ["Ana Sand", "Ivo Sand"], None)]),
    ("kin-of-named-active-then-him", "On 2 May 2024, police arrested the defender Ms. Mira "
     "Vela. On 3 May 2024, police summoned the husband of Ms. Vela, Mr. Ivo Sand, and questioned "
     "him for several hours.",
     [("summons", D, ["police"], ["Ivo Sand"], None),
      ("interrogation", D, ["police"], ["Ivo Sand"], None)]),
    ("possessive-kin-titled-arrested-and-questioned", "On 2 May 2024, police arrested the "
     "defender Ms. Mira Vela. On 3 May 2024, Ms. Vela's husband, Mr. Ivo Sand, and their son, "
     "Mr. Max Sand, were arrested and questioned by the Zembla Police Department.",
     [("interrogation", D, ["Zembla Police Department"], ["Ivo Sand", "Max Sand"], None)]),
    ("possessive-kin-titled-summoned", "On 2 May 2024, police arrested the defender Ms. Mira "
     "Vela. On 3 May 2024, Ms. Vela's brother, Dr. Ivo Sand, was summoned to the Zembla "
     "Prosecutor's Office.",
     [("summons", D, ["Zembla Prosecutor's Office"], ["Ivo Sand"], "Zembla Prosecutor's Office")]),
    ("mother-of-named-summoned-and-interrogated", "On 2 May 2024, police arrested human rights "
     "defender Ana Lee. On 3 May 2024, the mother of Ms. Lee, Ms. Eva Gold, was summoned to the "
     "Zembla Prosecutor's Office and interrogated about her daughter's work.",
     [("summons", D, ["Zembla Prosecutor's Office"], ["Eva Gold"], "Zembla Prosecutor's Office"),
      ("interrogation", D, ["Zembla Prosecutor's Office"], ["Eva Gold"],
       "Zembla Prosecutor's Office")]),
    ("son-of-named-arrested-and-searched", "On 2 May 2024, police arrested human rights "
     "defender Ana Lee. On 3 May 2024, the son of Ms. Lee, Mr. Ivo Lind, was arrested at a "
     "checkpoint by the Zembla Border Guard and searched.",
     [("arrest", D, ["Zembla Border Guard"], ["Ivo Lind"], None),
      ("search", D, ["Zembla Border Guard"], ["Ivo Lind"], None)]),
    ("brother-of-named-detained-and-questioned", "On 2 May 2024, police arrested journalist Tom "
     "Reed. On 3 May 2024, Mr. Max Brun, the brother of Mr. Reed, was detained at the Zembla "
     "Police Department and questioned overnight.",
     [("arrest", D, ["Zembla Police Department"], ["Max Brun"], None),
      ("interrogation", D, ["Zembla Police Department"], ["Max Brun"], None)]),
    # the pronoun the trigger takes, not the first of the sentence ("her" of "her husband")
    ("kin-subject-then-questioned-him", "On 2 May 2024, police arrested human rights defender "
     "Ms. Ana Lee. On 3 May 2024, her husband, Mr. Ivo Sand, was summoned to the Zembla "
     "Security Service, where officers questioned him for six hours about his wife's work.",
     [("interrogation", D, ["Zembla Security Service"], ["Ivo Sand"], None)]),
    ("kin-said-police-questioned-him", "On 2 May 2024, police arrested human rights defender "
     "Ms. Ana Lee. Her husband, Mr. Ivo Sand, told reporters that police questioned him on 3 "
     "May 2024.",
     [("interrogation", D, ["police"], ["Ivo Sand"], None)]),
    # a pronoun whose sentence names no one before it: the subject of the last sentence that
    # names someone, not the person that sentence named last
    ("subject-then-she-released", "Ms. Ana Lee, a reporter for Radio Vela, was arrested at her "
     "home on 3 May 2024, a day after she interviewed the wife of a detained activist, Mrs. Eva "
     "Gold. The police seized her phone. She was released the following day.",
     [("seizure", D, ["police"], ["Ana Lee"], None),
      ("release", "2024-05-04", [], ["Ana Lee"], None)]),
    ("openings-then-subject-questioned-her", "On 2 May 2024, two days after the hearing, Ms. Ana "
     "Lee was arrested at the airport as she returned with her sister, Ms. Eva Gold. The police "
     "questioned her on 3 May 2024.",
     [("interrogation", D, ["police"], ["Ana Lee"], None)]),
    # (a source opening a sentence, "According to his brother, X, he ...", only reports: the
    # pronoun goes on with the subject before; the step it reports takes no date from its
    # paragraph)
    ("according-to-kin-he-was-beaten", "Mr. Tom Reed, a journalist, was arrested on 2 May 2024 "
     "by officers of the Zembla Security Service. According to his brother, Mr. Max Brun, he was "
     "beaten during his interrogation.",
     [("attack", None, [], ["Tom Reed"], None)]),
    ("according-to-kin-then-his-home", "Mr. Tom Reed, a journalist, was arrested on 2 May 2024 "
     "by officers of the Zembla Security Service. According to his brother, Mr. Max Brun, he was "
     "held in solitary confinement for weeks. The police searched his home on 3 May 2024.",
     [("search", D, ["police"], ["Tom Reed"], None)]),
    # whose kin the target is, named after "the daughter of a retired judge," or "the niece of
    # the jailed activist,": not a target
    ("daughter-of-a-described-named", "On 2 May 2024, police arrested the human rights lawyer "
     "Ana Lee. A second person, Ms. Eva Gold, the daughter of a retired judge, Mr. Max Gold, was "
     "arrested on 3 May 2024 for a post supporting her.",
     [("arrest", D, [], ["Eva Gold"], None)]),
    ("niece-of-the-described-named", "On 3 May 2024, police arrested Ms. Eva Gold, the niece of "
     "the jailed activist, Mr. Max Gold, at her home.",
     [("arrest", D, ["police"], ["Eva Gold"], None)]),
    # a pronoun of an earlier clause is that clause's: the step joined after it goes on with
    # the step before
    ("pronoun-of-earlier-clause", "Human rights defender Ms. Ana Lee was attacked outside her "
     "home on 1 May 2024. On 3 May 2024, police officers raided the office of the Zembla Rights "
     "Centre, the organisation she founded in 2016, and seized computers and documents.",
     [("seizure", D, ["police"], ["Zembla Rights Centre"], None)]),
    # a thing of a group's ("the journalists' phones"): the people of the last step done to
    # several, not the one told of since
    ("group-owned-things-seized", "On 3 May 2024, police arrested the journalists Ana Lee, Tom "
     "Reed and Eva Gold at the office of the Vela Times. Their editor, Max Brun, was summoned by "
     "the police the same day. Police seized the journalists' phones and computers.",
     [("seizure", D, ["police"], ["Ana Lee", "Eva Gold", "Tom Reed"], None)]),
    # a body named again by a common noun or "its" as the object of a step done to bodies
    ("body-as-the-league", "Human rights defender Ana Lee founded the Zembla Rights League in "
     "2019. On 3 May 2024, the Ministry of the Interior suspended the league for three months.",
     [("ban", D, ["Ministry of the Interior"], ["Zembla Rights League"],
       "Ministry of the Interior")]),
    ("body-as-the-outlet", "On 2 May 2024, police arrested journalist Tom Reed, editor of the "
     "newspaper Vela Daily. On 3 May 2024, the Ministry of Information blocked the outlet's "
     "website.",
     [("ban", D, ["Ministry of Information"], ["Vela Daily"], "Ministry of Information")]),
    ("body-as-the-group", "Ana Lee heads the Zembla Rights Centre. On 3 May 2024, the Ministry "
     "of Justice refused to renew the group's registration.",
     [("deregistration", D, ["Ministry of Justice"], ["Zembla Rights Centre"],
       "Ministry of Justice")]),
    ("body-as-its", "The Zembla Rights Centre documented torture in Vela prison. On 3 May 2024, "
     "the Zembla Prosecutor's Office froze its bank accounts.",
     [("seizure", D, ["Zembla Prosecutor's Office"], ["Zembla Rights Centre"], None)]),
    # (the noun in apposition to a body named: that body, not one named before)
    ("body-named-then-the-group", "Ana Lee works for the Zembla Rights Centre. On 3 May 2024, "
     "the Ministry of the Interior suspended the Vela Women's Association, the oldest group in "
     "the province.",
     [("ban", D, ["Ministry of the Interior"], ["Vela Women's Association"],
       "Ministry of the Interior")]),
    # (a clause that names the people it was done to: the body's thing is theirs too)
    ("people-then-the-centre", "Ana Lee works for the Zembla Rights Centre. On 3 May 2024, "
     "police searched the home of human rights defender Ana Lee and seized her laptop and the "
     "centre's archive.",
     [("seizure", D, ["police"], ["Ana Lee"], None)]),
    # unnamed and plural agents; agents joined to a body
    ("counted-security-agents", "On 3 May 2024, five male security agents arrested human rights "
     "defender Ana Lee at her home.",
     [("arrest", D, ["(five male security agents)"], ["Ana Lee"], None)]),
    ("plain-clothes-agents-of-body", "On 3 May 2024, plain-clothes agents of the National "
     "Security Service arrested human rights defender Ana Lee.",
     [("arrest", D, ["National Security Service"], ["Ana Lee"], None)]),
    ("masked-men", "On 3 May 2024, masked men abducted human rights defender Ana Lee in Zembla "
     "City.", [("disappearance", D, ["(masked men)"], ["Ana Lee"], None)]),
    ("officers-of-body", "On 3 May 2024, officers of the Zembla Police Department arrested human "
     "rights defender Ana Lee.", [("arrest", D, ["Zembla Police Department"], ["Ana Lee"], None)]),
    ("by-agents-of-body", "According to the information received, on 3 May 2024, Mr. Tom Reed, a "
     "human rights lawyer, was arrested by agents of the Department of State Security without a "
     "warrant.", [("arrest", D, ["Department of State Security"], ["Tom Reed"], None)]),
    # the court and the judge of judicial steps
    ("court-subject", "On 3 May 2024, the Zembla Regional Court sentenced human rights defender "
     "Ana Lee to five years in prison.",
     [("sentence", D, ["Zembla Regional Court"], ["Ana Lee"], "Zembla Regional Court")]),
    ("court-presided-over-by", "On 3 May 2024, the Zembla City Court, presided over by Judge Tom "
     "Reed, sentenced human rights defender Ana Lee to five years in prison.",
     [("sentence", D, ["Zembla City Court", "Tom Reed"], ["Ana Lee"], "Zembla City Court")]),
    ("judge-of-court-subject", "On 3 May 2024, Judge Tom Reed of the Zembla City Court sentenced "
     "human rights defender Ana Lee to five years in prison.",
     [("sentence", D, ["Zembla City Court", "Tom Reed"], ["Ana Lee"], "Zembla City Court")]),
    ("judge-of-court-by", "On 3 May 2024, human rights defender Ana Lee was sentenced to five "
     "years in prison by Judge Tom Reed of the Zembla City Court.",
     [("sentence", D, ["Tom Reed"], ["Ana Lee"], "Zembla City Court")]),
    ("on-the-orders-of", "On 3 May 2024, police arrested human rights defender Ana Lee on the "
     "orders of the Zembla Prosecutor's Office.",
     [("arrest", D, ["Zembla Prosecutor's Office", "police"], ["Ana Lee"],
       "Zembla Prosecutor's Office")]),
    ("court-remands-next-day", "On 3 May 2024, police arrested human rights defender Ana Lee. "
     "The next day, the Zembla City Court remanded her in custody for two months.",
     [("arrest", D, ["police"], ["Ana Lee"], None),
      ("detention", "2024-05-04", ["Zembla City Court"], ["Ana Lee"], "Zembla City Court")]),
    ("sentenced-and-fined", "On 3 May 2024, the Zembla High Court sentenced journalists Ana Lee "
     "and Tom Reed to two years in prison, and fined the Zembla Times and its publisher, Zembla "
     "Media, 500 euros.",
     [("fine", D, ["Zembla High Court"], ["Zembla Times", "Zembla Media"],
       "Zembla High Court")]),
    # targets in lists and appositions
    ("lawyers-listed", "On 3 May 2024, police arrested lawyers Ana Lee, Tom Reed and Eva Gold in "
     "Zembla City.", [("arrest", D, ["police"], ["Ana Lee", "Tom Reed", "Eva Gold"], None)]),
    ("apposition-and-colleague", "On 3 May 2024, police arrested Ana Lee, a journalist, and her "
     "colleague Tom Reed.", [("arrest", D, ["police"], ["Ana Lee", "Tom Reed"], None)]),
    ("co-defendant", "On 3 May 2024, the Zembla City Court sentenced human rights defender Ana "
     "Lee and her co-defendant Tom Reed to five years in prison.",
     [("sentence", D, ["Zembla City Court"], ["Ana Lee", "Tom Reed"], "Zembla City Court")]),
    ("together-with", "On 3 May 2024, human rights defender Ana Lee was arrested together with "
     "journalist Tom Reed.", [("arrest", D, [], ["Ana Lee", "Tom Reed"], None)]),
    ("raid-then-director-and-staff", "On 3 May 2024, at around 5 a.m., some 20 police officers "
     "raided the offices of the Zembla Rights Centre and arrested its director, Ana Lee, and two "
     "staff members, Tom Reed and Ivo Lind.",
     [("raid", D, ["police"], ["Zembla Rights Centre"], None),
      ("arrest", D, ["police"], ["Ana Lee", "Tom Reed", "Ivo Lind"], None)]),
    ("counted-list-after-colon", "Authorities should drop the charges against Tom Reed, chief "
     "executive of its parent company, Zembla Digital.\n\nOn 3 May 2024, officers of the "
     "Zembla Security Department arrested four executives at their homes: Tom Reed; Ivo Lind, "
     "the chief operating officer; Max Brun; and Eva Gold.",
     [("arrest", D, ["Zembla Security Department"],
       ["Tom Reed", "Ivo Lind", "Max Brun", "Eva Gold"], None)]),
    ("the-other-three", "On 2 May 2024, police arrested activists Ana Lee, Tom Reed, Ivo Lind, "
     "Max Brun and Eva Gold. On 3 May 2024, Ana Lee and Tom Reed were charged with treason. The "
     "other three activists were released on bail.",
     [("charge", D, [], ["Ana Lee", "Tom Reed"], None),
      ("release", D, [], ["Ivo Lind", "Max Brun", "Eva Gold"], None)]),
    ("the-others-then-both", "On 2 May 2024, police arrested activists Ana Lee, Tom Reed, Ivo "
     "Lind and Max Brun. On 3 May 2024, the Zembla Prosecutor's Office charged Ana Lee and Tom "
     "Reed with treason. The other two activists were released on bail. On 4 May 2024, the "
     "Zembla City Court refused bail to both.",
     [("release", D, [], ["Ivo Lind", "Max Brun"], None),
      ("court_decision", "2024-05-04", ["Zembla City Court"], ["Ana Lee", "Tom Reed"],
       "Zembla City Court")]),
    ("the-other-eight-not-this-step", "On 2 May 2024, police arrested activists Ana Lee, Tom "
     "Reed, Ivo Lind and Max Brun. On 3 May 2024, police filed a charge sheet against only Ana "
     "Lee and Tom Reed, asking for the other two to be discharged.",
     [("charge", D, ["police"], ["Ana Lee", "Tom Reed"], None)]),
    ("the-journalists-were-charged", "On 2 May 2024, police arrested journalists Ana Lee, Tom "
     "Reed and Ivo Lind. On 3 May 2024, the detained journalists were charged with treason.",
     [("charge", D, [], ["Ana Lee", "Tom Reed", "Ivo Lind"], None)]),
    ("among-those-arrested", "On 3 May 2024, police arrested 12 activists in Zembla City. Among "
     "those arrested were Ana Lee, Tom Reed and Ivo Lind.",
     [("arrest", D, ["police"], ["Ana Lee", "Tom Reed", "Ivo Lind"], None)]),
    ("the-three-companies", "On 2 May 2024, police arrested journalists Ana Lee, Tom Reed and "
     "Ivo Lind. On 3 May 2024, police charged Ana Lee and Tom Reed, together with the three "
     "companies, with treason.", [("charge", D, ["police"], ["Ana Lee", "Tom Reed"], None)]),
    # relative clauses about another step; steps told in a clause of their own
    ("list-then-who-were", "Tom Reed defended activists Ivo Lind and Max Brun, who were arrested "
     "on 3 May 2024.", [("arrest", D, [], ["Ivo Lind", "Max Brun"], None)]),
    ("whose-relative-passive", "On 3 May 2024, human rights defender Ana Lee, whose husband Tom "
     "Reed was arrested in 2020, was summoned by the Zembla Security Service.",
     [("arrest", "2020", [], ["Tom Reed"], None),
      ("summons", D, ["Zembla Security Service"], ["Ana Lee"], None)]),
    ("whose-relative-apposed", "Human rights defender Ana Lee, whose husband, Tom Reed, has also "
     "been detained since January 2024, was arrested on 3 May 2024.",
     [("detention", "2024-01", [], ["Tom Reed"], None), ("arrest", D, [], ["Ana Lee"], None)]),
    ("who-relative-active", "On 3 May 2024, human rights defender Ana Lee, who represents the "
     "family of murdered journalist Tom Reed, was arrested.",
     [("arrest", D, [], ["Ana Lee"], None)]),
    ("own-object-in-relative", "Human rights defenders Ana Lee and Tom Reed were arrested in "
     "Zembla City on 3 May 2024, the day on which the Minister of the Interior, Mr Ivo Lind, "
     "banned the Zembla Rights Centre.",
     [("arrest", D, [], ["Ana Lee", "Tom Reed"], None),
      ("ban", D, ["Ivo Lind"], ["Zembla Rights Centre"], "Ivo Lind")]),
    ("pronoun-after-same-subject", "On 3 May 2024, human rights lawyer Tom Reed was arrested by "
     "police. He had represented many activists, including the two members of Parliament Ivo "
     "Lind and Max Brun, who were arrested in July 2021. According to his colleagues, he had "
     "received death threats for more than a year.", [("threat", None, [], ["Tom Reed"], None)]),
    ("witnessed-the-killing", "On 3 May 2024, human rights defender Ana Lee witnessed the "
     "killing of her son, Tom Reed.", [("killing", D, [], ["Tom Reed"], None)]),
    ("after-she-denounced", "On 3 May 2024, human rights defender Ana Lee was arrested after she "
     "denounced the killing of journalist Tom Reed.", [("arrest", D, [], ["Ana Lee"], None)]),
    # threats received: who receives them undergoes them
    ("received-death-threats", "On 3 May 2024, human rights defender Ana Lee received death "
     "threats after speaking at a press conference.", [("threat", D, [], ["Ana Lee"], None)]),
    ("calls-warning-her", "On 3 May 2024, human rights defender Ana Lee received anonymous phone "
     "calls warning her to stop her work.", [("threat", D, [], ["Ana Lee"], None)]),
    ("messages-telling-kin", "On 3 May 2024, Eva Lee, the daughter of human rights defender Ana "
     "Lee, received text messages telling her to leave the country.",
     [("threat", D, [], ["Eva Lee"], None)]),
    # a body suspended by its registration or its acronym
    ("registration-suspended", "On 3 May 2024, the Ministry of Justice suspended the "
     "registration of the Zembla Rights Centre for three months.",
     [("ban", D, ["Ministry of Justice"], ["Zembla Rights Centre"], "Ministry of Justice")]),
    ("acronym-suspended", "The Zembla Rights Centre (ZRC) documents arrests. On 3 May 2024, the "
     "Ministry of Justice suspended the ZRC for three months.",
     [("ban", D, ["Ministry of Justice"], ["Zembla Rights Centre"], "Ministry of Justice")]),
    # custody granted to the police as time to investigate; a deadline for evidence is not
    ("police-granted-days", "On 3 May 2024, the Zembla First Instance Court granted the police "
     "14 more days to investigate human rights defender Ana Lee.",
     [("detention", D, ["Zembla First Instance Court"], ["Ana Lee"],
       "Zembla First Instance Court")]),
    ("prosecution-given-deadline", "On 3 May 2024, the Zembla City Court gave the prosecution 14 "
     "days to complete the forensic examination of the laptop of human rights defender Ana Lee.",
     [("court_decision", D, ["Zembla City Court"], ["Ana Lee"], "Zembla City Court")]),
    # a travel ban told by the noun "travel" or as a condition of release
    ("banned-from-travel", "On 3 May 2024, human rights defender Ana Lee was banned from travel "
     "for a year.", [("travel_ban", D, [], ["Ana Lee"], None)]),
    ("may-not-leave", "On 3 May 2024, human rights defender Ana Lee was released under "
     "judicial control and may not leave the country.",
     [("travel_ban", D, [], ["Ana Lee"], None)]),
    ("must-report-and-may-not-leave", "On 3 May 2024, human rights defender Ana Lee was "
     "released. She must report weekly and may not leave the country.",
     [("travel_ban", D, [], ["Ana Lee"], None)]),
    ("must-surrender-and-cannot-leave", "On 3 May 2024, journalist Tom Reed was released on "
     "bail. He must surrender his passport and cannot leave Zembla.",
     [("travel_ban", D, [], ["Tom Reed"], None)]),
    # a hearing to come, told of the defendant or of "it"
    ("due-back-in-court", "On 2 April 2024, police arrested human rights defender Tom Reed. He "
     "was released on bail on 9 April and is due back in court on 3 May 2024.",
     [("trial_hearing", D, [], ["Tom Reed"], None)]),
    ("hearing-rescheduled", "On 2 April 2024, police arrested human rights defender Tom Reed. "
     "His hearing was postponed. It has been rescheduled for 3 May 2024.",
     [("trial_hearing", D, [], ["Tom Reed"], None)]),
    ("hearings-rescheduled", "On 2 April 2024, the Zembla Security Service arrested activists "
     "Ana Lee and Tom Reed. Their hearing was postponed. It has been rescheduled for 3 May 2024.",
     [("trial_hearing", D, [], ["Ana Lee", "Tom Reed"], None)]),
    # who files a complaint
    ("complaint-lodged-active", "On 3 May 2024, human rights defender Ana Lee lodged a complaint "
     "against the police with the Zembla Prosecutor's Office.",
     [("complaint", D, ["Ana Lee"], [], "Zembla Prosecutor's Office")]),
    ("complaint-filed-by", "On 3 May 2024, a complaint was lodged by human rights defender Ana "
     "Lee with the Zembla Prosecutor's Office.",
     [("complaint", D, ["Ana Lee"], [], "Zembla Prosecutor's Office")]),
    ("petition-filed-by-kin", "On 3 May 2024, acting on a petition filed by his father, Tom Reed, "
     "the Zembla High Court ordered a medical examination of human rights defender Ivo Lind.",
     [("complaint", None, ["Tom Reed"], ["Ivo Lind"], None)]),
    # where a step happened
    ("noun-participle-by", "On 3 May 2024, human rights defender Ana Lee was arrested at a "
     "protest organised by the Zembla Rights Centre.", [("arrest", D, [], ["Ana Lee"], None)]),
    ("arrested-at-home-of-kin", "On 3 May 2024, police arrested human rights defender Ana Lee at "
     "the home of her brother, Tom Reed.", [("arrest", D, ["police"], ["Ana Lee"], None)]),
    ("arrested-at-home-of-defender", "On 3 May 2024, police arrested Tom Reed at the home of "
     "human rights defender Ana Lee.", [("arrest", D, ["police"], ["Tom Reed"], None)]),
    ("home-searched", "On 3 May 2024, police searched the home of human rights defender Ana Lee.",
     [("search", D, ["police"], ["Ana Lee"], None)]),
    ("by-shared-forward", "On 3 May 2024, Ana Lee was summoned by the Zembla Security Service and "
     "questioned about her client.",
     [("interrogation", D, ["Zembla Security Service"], ["Ana Lee"], None)]),
    ("by-shared-backward", "Ana Lee was detained at Vela Airport on 3 May 2024 and questioned for "
     "eleven hours by officers of the Zembla Security Service.",
     [("arrest", D, ["Zembla Security Service"], ["Ana Lee"], None),
      ("interrogation", D, ["Zembla Security Service"], ["Ana Lee"], None)]),
    ("counted-group-object", "On 3 May 2024, police arrested human rights defender Ana Lee. On 4 "
     "May 2024, police dispersed a community meeting in Vela and arrested five community members.",
     [("arrest", "2024-05-04", ["police"], [], None)]),
    ("counted-group-named-next", "On 3 May 2024, police detained dozens of people at a protest in "
     "Vela. Among them were Ana Lee, a lawyer, and Tom Reed, a student.",
     [("arrest", D, ["police"], ["Ana Lee", "Tom Reed"], None)]),
    ("owner-of-the-subject", "On 3 May 2024, Tom Reed's lawyer appealed the verdict before the "
     "Vela Court of Appeal.",
     [("appeal_filed", D, ["(Tom Reed's lawyer)"], [], "Vela Court of Appeal")]),
    # the magistrate, unnamed, acts with the court the text named, as a judge does
    ("the-magistrate-acts-with-the-court", "On 3 May 2024, Ana Lee was arraigned before the Vela "
     "Chief Magistrate's Court and charged with incitement. The magistrate remanded her to Vela "
     "Prison.",
     [("detention", D, ["(The magistrate)", "Vela Chief Magistrate's Court"], ["Ana Lee"],
       "Vela Chief Magistrate's Court")]),
    ("but-another-remains", "On 3 May 2024, Ana Lee and Tom Reed were released, but Ivo Sand "
     "remains in detention.",
     [("release", D, [], ["Ana Lee", "Tom Reed"], None)]),
    # an apposition closed before an auxiliary is the subject too ("her lawyer, X, has filed")
    ("apposed-subject-has-filed", "On 2 May 2024, police arrested the defender Ms. Mira Vela. "
     "On 3 May 2024, her lawyer, Mr. Ivo Sand, has filed a complaint with the Zembla "
     "Prosecutor's Office.",
     [("complaint", D, ["Ivo Sand"], [], "Zembla Prosecutor's Office")]),
    # near miss: before a passive perfect the apposed name undergoes the step
    ("apposed-subject-has-been-arrested", "On 2 May 2024, police arrested the defender Ms. Mira "
     "Vela. On 3 May 2024, a lawyer, Mr. Ivo Sand, has also been arrested.",
     [("arrest", D, [], ["Ivo Sand"], None)]),
    # officers of two bodies, the second after "and of": both acted
    ("officers-of-two-bodies", "On 3 May 2024, officers of the Zembla State Security Service "
     "(SSS) and of the Zembla Police Department searched the home of Ms. Ana Lee and seized her "
     "laptop.",
     [("seizure", D, ["Zembla Police Department", "Zembla State Security Service"], ["Ana Lee"],
       None)]),
    # near miss: "and of" after the verb joins the bodies it was done to
    ("offices-of-two-bodies-searched", "On 3 May 2024, officers of the Zembla Police Department "
     "searched the offices of the Vela Rights Centre and of the Zembla Bar Association.",
     [("search", D, ["Zembla Police Department"], ["Vela Rights Centre",
       "Zembla Bar Association"], None)]),
    # a day told only with the first participle dates one visit: its "by" did both
    ("by-shared-past-own-day", "On 2 May 2024, police arrested Mr. Tom Reed. Ms. Ana Lee was "
     "summoned by the Zembla Ministry of Intelligence on 3 May 2024 and questioned for six "
     "hours about her contacts.",
     [("summons", D, ["Zembla Ministry of Intelligence"], ["Ana Lee"], None),
      ("interrogation", D, ["Zembla Ministry of Intelligence"], ["Ana Lee"], None)]),
    # near miss: the second participle has a day of its own, another occasion
    ("by-not-shared-to-own-day", "Ms. Ana Lee was summoned by the Zembla Ministry of "
     "Intelligence on 3 May 2024 and questioned on 5 May about her contacts.",
     [("interrogation", "2024-05-05", [], ["Ana Lee"], None)]),
    # ", where he was questioned" after the place he was taken to: its body questioned him
    ("where-questioned-at-place", "On 3 May 2024, police officers arrested Mr. Tom Reed outside "
     "the Court of First Instance of Vela, minutes after he had pleaded in the trial of three "
     "activists. He was taken to the headquarters of the National Unit for Investigating "
     "Terrorist Crimes in Vela, where he was questioned without a lawyer present.",
     [("interrogation", D, ["National Unit for Investigating Terrorist Crimes"], ["Tom Reed"],
       None)]),
    # near miss: the offices of a rights group hold no one
    ("where-arrested-at-ngo", "On 3 May 2024, Mr. Tom Reed was taken to the offices of the Vela "
     "Rights Centre, where he was arrested.",
     [("arrest", D, [], ["Tom Reed"], None)]),
    # a ban on an outlet's website or access to it: the outlet is its target
    ("website-of-outlet-blocked", "On 3 May 2024, police arrested Mr. Tom Reed. The same day, "
     "the Zembla Telecommunication Regulatory Commission (ZTRC) blocked the website of the "
     "newspaper Vela Daily, without giving any reason.",
     [("ban", D, ["Zembla Telecommunication Regulatory Commission"], ["Vela Daily"],
       "Zembla Telecommunication Regulatory Commission")]),
    ("outlet-website-ordered-blocked", "On 2 May 2024, police arrested the journalist Mr. Tom "
     "Reed of the news site Vela Haber. On 3 May 2024, the Vela Criminal Court ordered access to "
     "the Vela Haber website blocked across Zembla.",
     [("ban", D, ["Vela Criminal Court"], ["Vela Haber"], "Vela Criminal Court")]),
    # near miss: a person's licence suspended, the outlet named only before
    ("licence-of-lawyer-suspended", "On 2 May 2024, police arrested Mr. Tom Reed, editor of "
     "the newspaper Vela Daily. On 3 May 2024, the Zembla Ministry of Justice suspended the "
     "licence of his lawyer, Ms. Ana Lee, for six months.",
     [("ban", D, ["Zembla Ministry of Justice"], ["Ana Lee"], "Zembla Ministry of Justice")]),
    # a charge told as the ground of a custody a judge ordered: the judge did not charge
    ("judge-orders-custody-on-charges", "On 2 May 2024, police arrested Ms. Ana Lee. On 3 May "
     "2024, Judge Ivo Sand of the Vela District Court ordered her pre-trial detention for two "
     'months on charges of "calls for mass riots".',
     [("charge", D, [], ["Ana Lee"], None)]),
    # near miss: an investigating judge brings the charges
    ("investigating-judge-orders-custody-on-charges", "On 2 May 2024, police arrested Ms. Ana "
     "Lee. On 3 May 2024, an investigating judge of the Vela Judicial Pole ordered her "
     'detention on charges of "conspiracy".',
     [("charge", D, ["(an investigating judge of the Vela Judicial Pole)"], ["Ana Lee"], None)]),
    # a lawyer set off by commas right before the passive undergoes it with the kin before
    ("kin-and-lawyer-apposed-held", "On 3 May 2024, police arrested the lawyer Ms. Ana Lee. Her "
     "husband, the engineer Mr. Tom Reed, and her colleague at the Centre, lawyer Ivo Sand, were "
     "held for six hours at a police station in Vela on 4 May 2024.",
     [("arrest", "2024-05-04", [], ["Ivo Sand", "Tom Reed"], None)]),
    # near miss: the lawyer set off by commas says what happened to another
    ("lawyer-apposed-says", "On 3 May 2024, police arrested the lawyer Ms. Ana Lee. On 4 May "
     "2024, her colleague at the Centre, lawyer Ivo Sand, said that Mr. Tom Reed was arrested.",
     [("arrest", "2024-05-04", [], ["Tom Reed"], None)]),
    # every name of a list that ends right before a passive undergoes it, counsel too
    ("listed-with-lawyers-taken", "On 2 May 2024, officers of the Zembla State Security "
     "Service searched the office of Ms. Ana Lee, who works with two lawyers of the clinic, Ms. "
     "Eva Holm and Mr. Ivo Sand. On 3 May 2024, Ms. Lee, Ms. Holm and Mr. Sand were taken to "
     "the Zembla State Security Service building.",
     [("arrest", D, [], ["Ana Lee", "Eva Holm", "Ivo Sand"], None)]),
    # near miss: a lawyer named in another clause before the list is no target of it
    ("lawyer-before-list-not-taken", "On 2 May 2024, police searched the office of Ms. Ana Lee. "
     "On 3 May 2024, although the lawyer Ms. Eva Holm protested, Ms. Lee and Mr. Tom Reed were "
     "taken to the Zembla State Security Service building.",
     [("arrest", D, [], ["Ana Lee", "Tom Reed"], None)]),
    # a judge who decides a custody or a release in person decides it for the court the
    # paragraph named: that court is its authority
    ("magistrate-releases-for-court", "On 2 May 2024, police arrested Ms. Ana Lee and took her "
     "to the Vela Magistrates' Court. On 3 May 2024, Magistrate Tom Reed released her on bail.",
     [("release", D, ["Tom Reed"], ["Ana Lee"], "Vela Magistrates' Court")]),
    ("judge-remands-for-court", "On 2 May 2024, police arrested Ms. Ana Lee and brought her "
     "before the Vela City Court. On 3 May 2024, Judge Tom Reed ordered her pre-trial detention "
     "for two months.",
     [("detention", D, ["Tom Reed"], ["Ana Lee"], "Vela City Court")]),
    # near misses: a judge told with a body of their own is not of the court named before, nor
    # is a judge of the court another paragraph named
    ("judge-of-other-body-remands", "On 2 May 2024, police arrested Ms. Ana Lee outside the "
     "Vela City Court. On 3 May 2024, an investigating judge of the Counter-Terrorism Judicial "
     "Pole ordered her detention.",
     [("detention", D, ["(an investigating judge of the Counter-Terrorism Judicial Pole)"],
       ["Ana Lee"], None)]),
    ("judge-remands-court-in-other-paragraph", "On 2 May 2024, police arrested Ms. Ana Lee "
     "outside the Vela City Court.\n\nOn 3 May 2024, Judge Tom Reed ordered her pre-trial "
     "detention for two months.",
     [("detention", D, ["Tom Reed"], ["Ana Lee"], None)]),
    # a verb joined by "and" to an active step of its sentence, with no subject of its own,
    # has that step's subject; one joined to a passive with no "by" has none
    ("active-and-released", "In March 2024, gendarmes arrested Mr. Tom Reed after he "
     "denounced the burning of houses, and released him without charge.",
     [("release", "2024-03", ["gendarmes"], ["Tom Reed"], None)]),
    ("they-detained-and-questioned", "On 2 May 2024, officers of the Zembla State Security "
     "Service searched the office of Ms. Ana Lee. On 3 May 2024, they detained her and "
     "questioned her for nine hours about the clinic's donors.",
     [("interrogation", D, ["Zembla State Security Service"], ["Ana Lee"], None)]),
    ("summoned-by-and-charged", "On 3 May 2024, Mr. Tom Reed was summoned by the Vela "
     "Investigation Bureau and charged with forgery.",
     [("charge", D, ["Vela Investigation Bureau"], ["Tom Reed"], None)]),
    ("passive-arrested-and-released", "On 3 May 2024, officers of the Zembla State Security "
     "Service searched the home of Mr. Tom Reed. His wife, Ms. Ana Lee, was arrested and "
     "released the same evening.",
     [("release", D, [], ["Ana Lee"], None)]),
    # a reflexive turns the step on the one who acted for others: the lawyer is arrested
    ("lawyer-himself-arrested", "On 2 May 2024, police arrested Mr. Tom Reed and Mr. Ivo Sand "
     "at a protest. When their lawyer, Mr. Max Brun of the Vela Bar, went to the police station "
     "on 3 May 2024 to see his clients, he was himself arrested.",
     [("arrest", D, [], ["Max Brun"], None)]),
    # near miss: without the reflexive, "he" is the one the story is about
    ("lawyer-visits-he-beaten", "On 2 May 2024, police arrested Mr. Tom Reed at a protest. When "
     "his lawyer, Mr. Max Brun, went to the police station on 3 May 2024 to see him, he was "
     "beaten by officers.",
     [("attack", D, [], ["Tom Reed"], None)]),
    # who receives a threat set off by commas undergoes it, whatever their role (a comma
    # inside brackets parts nothing); the story then goes on with the one it was about
    ("lawyer-apposed-receives-threat", "On 2 May 2024, police arrested Ms. Ana Lee. Her lawyer, "
     "Eva Gold of the Vela Legal Centre (Centre for Law, VLC), received a threatening message on "
     "3 May 2024. On 4 May 2024, the Vela City Court charged the defender with sedition.",
     [("threat", D, [], ["Eva Gold"], None),
      ("charge", "2024-05-04", ["Vela City Court"], ["Ana Lee"], "Vela City Court")]),
    # near miss: the lawyer named in a clause before the subject receives nothing
    ("lawyer-before-receiver", "On 2 May 2024, police arrested Ms. Ana Lee. After her lawyer, "
     "Eva Gold, visited the police station, Ms. Ana Lee received a threatening message on 3 May "
     "2024.",
     [("threat", D, [], ["Ana Lee"], None)]),
    # a threat told in the passive is made to those a step just before was done to, not to
    # the one its words name
    ("summoned-then-they-were-told", "On 2 May 2024, police arrested Ms. Ana Lee. On 3 May "
     "2024, her husband, Mr. Tom Reed, and her brother, Mr. Ivo Sand, were summoned to the Vela "
     "Intelligence Office. They were told that Ana Lee would face the death penalty if the "
     "family kept talking.",
     [("threat", D, [], ["Ivo Sand", "Tom Reed"], None)]),
    ("summoned-and-told", "On 2 May 2024, police arrested Ms. Ana Lee. On 3 May 2024, her "
     "husband, the teacher Tom Reed, was summoned by the intelligence agents and told that his "
     "wife would never see daylight if she spoke to foreign media.",
     [("threat", D, [], ["Tom Reed"], None)]),
    # near miss: in the active, the one told is the verb's object
    ("caller-told-daughter", "On 2 May 2024, police arrested Ms. Ana Lee. On 3 May 2024, an "
     "anonymous caller told her daughter, Eva Reed, that her mother would not see the New Year "
     "if she did not stop her work.",
     [("threat", D, ["(an anonymous caller)"], ["Eva Reed"], None)]),
    ("by-not-shared-across-days", "Ana Lee was arrested on 3 May 2024 and charged on 4 May by the "
     "Vela Prosecutor's Office.",
     [("arrest", D, [], ["Ana Lee"], None)]),
    # a pronoun subject of a passive step points back to the one named before it, where no
    # words have given that person a role yet
    ("pronoun-to-one-without-role", "Ana Lee worked at the Vela office until 2021. She was "
     "arrested on 3 May 2024.",
     [("arrest", D, [], ["Ana Lee"], None)]),
    # the subject before, of the pronoun's gender, whatever her post, rather than one named
    # earlier whose gender the text does not tell
    ("pronoun-to-subject-with-a-post", "The rapporteurs wrote about judge Ana Lee Reyes and "
     "reporter Sam Okafor.\n\nMs. Lee Reyes chaired the Vela bench until 2021. She was arrested "
     "on 3 May 2024 by officers of the Vela Police.",
     [("arrest", D, ["Vela Police"], ["Ana Lee Reyes"], None)]),
    # a passive in the past perfect with an adverb inside it: the subject is what it is done to
    ("perfect-passive-adverb", "On 3 May 2024, the Vela Rights Centre had already been "
     "suspended for six weeks.",
     [("ban", D, [], ["Vela Rights Centre"], None)]),
    # "Ms" before a particle and a surname names the woman, where a brother of the same
    # surnames is named "her brother"
    ("honorific-tells-the-surname", "Ana María de la Vega Ruiz was arrested on 1 May 2024.\n\n"
     "Her brother, Ivo Tomás de la Vega Ruiz, was threatened on 2 May 2024. On 3 May 2024, the "
     "court ordered that Ms de la Vega be held in pre-trial detention.",
     [("detention", D, [], ["Ana María de la Vega Ruiz"], None)]),
    # a source named by "according to" is no antecedent of the pronoun after it
    ("according-to-source", "Reporter Ana Lee Reyes was jailed.\n\nLee, a reporter for the "
     "Vela Post, was arrested at a police checkpoint on 3 May 2024, according to her editor, "
     "Sam Reed, and news reports. She was driven to police headquarters in Vela, where she was "
     "questioned for nine hours.",
     [("interrogation", D, [], ["Ana Lee Reyes"], None)]),
    # a clause of "while" with an honorific in it is a clause of its own: "Mr." ends no list
    ("while-mr-clause", "On 3 May 2024, Ms. Ana Lee and Mr. Tom Reed were arrested, while Mr. "
     "Ivo Sand was questioned as a witness and allowed to go home.",
     [("arrest", D, [], ["Ana Lee", "Tom Reed"], None),
      ("interrogation", D, [], ["Ivo Sand"], None)]),
    # near miss: a list's last item after ", and" with an honorific stays in the list
    ("and-mr-list-tail", "On 3 May 2024, police arrested Ms. Ana Lee, Mr. Tom Reed, and Mr. Ivo "
     "Sand.",
     [("arrest", D, ["police"], ["Ana Lee", "Ivo Sand", "Tom Reed"], None)]),
    # the teller named after a step ("..., his brother, B, told the Group.") neither underwent
    # it nor is what "him" in the next sentence points back to
    ("teller-after-the-step", "Officers of the Vela Police arrested Tom Reed at a checkpoint on "
     "3 May 2024, his brother, Ivo al-Reed, told the Kastra Rights Group. The same day, a "
     "prosecutor questioned him.",
     [("arrest", D, ["Vela Police"], ["Tom Reed"], None),
      ("interrogation", D, ["(a prosecutor)"], ["Tom Reed"], None)]),
    # "prosecutors" acting are the staff of the prosecution the paragraph named
    ("prosecutors-of-the-body", "On 3 May 2024, Tom Reed was brought before the Vela State "
     "Prosecution. According to his counsel, prosecutors interrogated the reporter about "
     "his sources.",
     [("interrogation", D, ["Vela State Prosecution"], ["Tom Reed"], "Vela State Prosecution")]),
    # "the defender" as the subject of a passive goes on to the participle joined by "and"
    ("described-subject-and-charged", "On 2 May 2024, police arrested Ana Lee, Tom Reed and Ivo "
     "Sand. On 3 May 2024, the woman defender was taken to a hearing at the Vela Court and "
     "charged.",
     # (the court the hearing is at decides the charge; it brings none)
     [("charge", D, [], ["Ana Lee"], "Vela Court")]),
    # kin named by a noun of one sex is no antecedent of a pronoun of the other
    ("kin-in-front-not-his", "On 3 May 2024, officers raided the home of Tom Reed in front of "
     "his young daughter, and seized his phones.",
     [("seizure", D, [], ["Tom Reed"], None)]),
    # those who came along with the body's officers act with them in each step of the subject
    ("accompanied-by-strangers", "On 3 May 2024, officers of the Vela Police, backed by masked "
     "men, broke into the home of Ana Lee and searched it.",
     [("raid", D, ["(masked men)", "Vela Police"], ["Ana Lee"], None),
      ("search", D, ["(masked men)", "Vela Police"], ["Ana Lee"], None)]),
]  # fmt: skip


def _events(body: str) -> list[dict[str, Any]]:
    record = extract_case(HEAD + body + "\n", appeal_id="t-participants")
    names = {
        x["id"]: x.get("name") or "(" + (x.get("variants") or ["unnamed"])[0] + ")"
        for x in record["persons"] + record["organisations"]
    }
    return [
        {
            "type": e["type"],
            "date": e["date"],
            "agents": sorted(names[x] for x in e["agents"]),
            "targets": sorted(names[x] for x in e["targets"]),
            "authority": names.get(e["authority"]),
        }
        for e in record["events"]
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    genre_params(CASES, KNOWN_XFAIL),
)
def test_participants_in_a_construction_of_the_genre(body: str, expected: list[Expected]) -> None:
    events = _events(body)
    for etype, date, agents, targets, authority in expected:
        found = [e for e in events if e["type"] == etype and e["date"] == date]
        assert len(found) == 1, events
        assert found[0] == {
            "type": etype,
            "date": date,
            "agents": sorted(agents),
            "targets": sorted(targets),
            "authority": authority,
        }


def test_every_known_failure_names_a_sentence() -> None:
    assert set(KNOWN_XFAIL) <= {key for key, _, _ in CASES}
