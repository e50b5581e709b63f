"""Provisions in the citation styles of the genre, one made-up sentence each: national codes of
several legal traditions with their names and abbreviations, numbered laws and decrees, codes
named in other languages, treaties and their articles, lists and ranges, and what is not a
provision (dates, case numbers, decisions, places). The sentences were written from the corpus
README's conventions and the citation forms of the genre, not from any appeal's wording.

Each is scored as ``kg eval`` scores provisions: the instrument's key and the main article.
"""

from __future__ import annotations

from collections import Counter

import pytest
from genrecases import genre_params

from kg.extract import extract_case
from kg.extract.evaluate import instrument_key, main_article

HEAD = "12 May 2021\n\nZembla: Rights defenders at risk\n\n"

# Constructions whose fix was tried and not kept, or not yet tried, with the reason.
KNOWN_XFAIL: dict[str, str] = {
    "charge-takes-domestic-code": "an article a person is charged under, with a treaty named "
    "last before it, taking the nearest domestic instrument instead: tried, left development "
    "half A (0.9619), half B (1.000) and the invented appeals (0.963) where they were, so not "
    "kept",
    "article-again-without-part": "an article cited again without its part ('Section 9' after "
    "'Section 9(2)' of the same act) read as a second provision: merging it into the first "
    "raised the invented appeals (0.9708 -> 0.9765) but lowered development half B (1.000 -> "
    "0.9935), whose gold lists both, so not kept",
}

ICCPR = "International Covenant on Civil and Political Rights"
HRD = "UN Declaration on Human Rights Defenders"

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # a numbered law: letters between its strokes, a date in figures, a title told by what
    # the law does
    ("law-number-letters", "On 3 May 2021, Rina Holm was charged under Article 83 of Law No. "
     "012/PR/2020 on the press regime. The same day, police detained her.",
     [("Law No. 012/PR/2020 on the press regime", "83")]),
    ("law-date-figures-participle", "On 3 May 2021, Rina Holm was charged under Article 194 of "
     "Law No. 68/2018 of 30/08/2018 determining offences and penalties in general. The court "
     "ordered her held.",
     [("Law No. 68/2018 of 30/08/2018 determining offences and penalties in general", "194")]),
    # national codes
    ("article-of-code", "On 3 May 2021, Rina Holm was charged under Article 318 of the Criminal "
     "Code.", [("Criminal Code", "318")]),
    ("code-abbreviation", "Rina Holm was charged under the Criminal Code (CC). The prosecutor "
     "cited Art. 19 CC.", [("Criminal Code", "19")]),
    ("lower-section-parts", "On 3 May 2021, Rina Holm was charged under section 33(2)(a) of the "
     "Public Order Act.", [("Public Order Act", "33")]),
    ("sections-with-letters", "On 3 May 2021, Rina Holm was charged under sections 124A and 153A "
     "of the Indian Penal Code.", [("Indian Penal Code", "124A"), ("Indian Penal Code", "153A")]),
    ("articles-and", "On 3 May 2021, Rina Holm was charged under Articles 220 and 221 of the "
     "Penal Code.", [("Penal Code", "220"), ("Penal Code", "221")]),
    ("paragraph-of-article", "On 3 May 2021, Rina Holm was charged under paragraph 2 of article "
     "34 of the Penal Code.", [("Penal Code", "34")]),
    ("article-comma-paragraph", "On 3 May 2021, Rina Holm was fined under article 7, paragraph "
     "1, of the Law on Public Assemblies.", [("Law on Public Assemblies", "7")]),
    ("part-of-article", "On 3 May 2021, Rina Holm was charged under Part 2 of Article 280 of "
     "the Criminal Code of the Russian Federation.", [("Criminal Code", "280")]),
    ("article-dot-part", "On 3 May 2021, Rina Holm was charged under Article 207.3 of the "
     "Criminal Code.", [("Criminal Code", "207.3")]),
    ("article-section-sign", "The court relied on Article 5 § 1 of the Code of Criminal "
     "Procedure.", [("Code of Criminal Procedure", "5")]),
    ("demonym-code", "On 3 May 2021, Rina Holm was charged under Article 301 of the Turkish "
     "Penal Code.", [("Turkish Penal Code", "301")]),
    ("article-and-bare-number", "On 3 May 2021, Rina Holm was charged under Articles 160(1) and "
     "162 of the Criminal Code.", [("Criminal Code", "160"), ("Criminal Code", "162")]),
    ("list-of-three", "On 3 May 2021, the association was suspended under articles 12, 15 and 16 "
     "of the Law on Associations.", [("Law on Associations", "12"),
                                     ("Law on Associations", "15"),
                                     ("Law on Associations", "16")]),
    ("range", "On 3 May 2021, Rina Holm was charged under articles 5 to 7 of the Press Code.",
     [("Press Code", "5"), ("Press Code", "6"), ("Press Code", "7")]),
    ("constitution-of-state", "Article 33 of the Constitution of the Republic of Zembla "
     "guarantees freedom of expression.", [("Constitution of the Republic of Zembla", "33")]),
    ("mentioned-not-charged", "Article 19 of the Constitution guarantees freedom of expression, "
     "yet Rina Holm was arrested on 3 May 2021.", [("Constitution", "19")]),
    ("offence-label", "On 3 May 2021, Rina Holm was charged with libel (Article 130 of the "
     "Criminal Code).", [("Criminal Code", "130")]),
    ("code-article-after", "On 3 May 2021, Rina Holm was charged under the Penal Code, article "
     "505(b), for a post.", [("Penal Code", "505")]),
    ("number-cited-before-its-code", "Zembla ratified the ICCPR in 1992. On 3 May 2021, Rina "
     "Holm was charged under Article 318. Article 318 of the Criminal Code punishes hooliganism.",
     [("Criminal Code", "318")]),
    ("charge-takes-domestic-code", "Zembla ratified the ICCPR in 1992. On 3 May 2021, Rina "
     "Holm was charged under Article 318. The Criminal Code is used against critics.",
     [("Criminal Code", "318")]),
    ("treaty-article-stays-treaty", "Zembla is bound by the Criminal Code and by the ICCPR. Its "
     "authorities must respect Article 19.", [(ICCPR, "19")]),
    ("dotted-three-levels", "On 3 May 2021, Rina Holm was charged under Articles 206.3.2 and "
     "228.1 of the Criminal Code.", [("Criminal Code", "206.3.2"), ("Criminal Code", "228.1")]),
    ("dash-number-and-dotted", "On 3 May 2021, Rina Holm was fined under Article 24.3 of the "
     "Code of Administrative Offences and charged under Article 361-4 of the Criminal Code.",
     [("Code of Administrative Offences", "24.3"), ("Criminal Code", "361-4")]),
    ("sections-of-two-laws", "On 3 May 2021, Rina Holm was charged under sections 153A and 505 "
     "of the Indian Penal Code and section 66 of the Information Technology Act.",
     [("Indian Penal Code", "153A"), ("Indian Penal Code", "505"),
      ("Information Technology Act", "66")]),
    ("sections-of-two-laws-short", "Rina Holm was charged under the Indian Penal Code (IPC) and "
     "the Information Technology Act (IT Act). On 3 May 2021, police cited sections 153A of the "
     "IPC and 66 of the IT Act.", [("Indian Penal Code", "153A"),
                                   ("Information Technology Act", "66")]),
    # numbered laws and decrees
    ("numbered-law-of-year", "On 3 May 2021, Rina Holm was charged under Article 3 of the "
     "Anti-Terrorism Law No. 13 of 2016.", [("Anti-Terrorism Law No. 13 of 2016", "3")]),
    ("law-slash-number", "On 3 May 2021, Rina Holm was fined under Article 5 of Law 11/2021.",
     [("Law 11/2021", "5")]),
    ("decree-law", "On 3 May 2021, Rina Holm was charged under Article 2 of Decree-Law No. "
     "7/2020.", [("Decree-Law No. 7/2020", "2")]),
    ("decree-numbered", "On 3 May 2021, the group was dissolved under article 4 of Decree No. "
     "2021-17.", [("Decree No. 2021-17", "4")]),
    ("proclamation-numbered", "On 3 May 2021, Rina Holm was charged under Article 4 of the "
     "Anti-Terrorism Proclamation No. 652/2009.",
     [("Anti-Terrorism Proclamation No. 652/2009", "4")]),
    # a year after a statute's name ("the Cybercrime Act 2015", "Act, 2018") is left out of the
    # name: the development gold writes it in one appeal and leaves it out in another, and
    # reading it in lowered half B
    ("act-year", "On 3 May 2021, Rina Holm was charged under section 24 of the Cybercrime Act "
     "2015.", [("Cybercrime Act", "24")]),
    ("act-comma-year", "On 3 May 2021, Rina Holm was charged under sections 21 and 31 of the "
     "Digital Media Act, 2019, which punishes rumours.",
     [("Digital Media Act", "21"), ("Digital Media Act", "31")]),
    ("act-year-then-section", "On 3 May 2021, Rina Holm was charged under the Cybercrime Act "
     "2015, section 24.", [("Cybercrime Act", "24")]),
    ("act-of-year", "On 3 May 2021, Rina Holm was charged under Section 29 of the Anti-Terrorism "
     "Act of 2020.", [("Anti-Terrorism Act of 2020", "29")]),
    ("terrorism-act-s", "On 3 May 2021, Rina Holm was stopped under s. 7 of the Terrorism Act "
     "2000.", [("Terrorism Act", "7")]),
    ("organic-law", "On 3 May 2021, Rina Holm was fined under Article 36 of Organic Law 4/2015 "
     "on the Protection of Citizen Security.",
     [("Organic Law 4/2015 on the Protection of Citizen Security", "36")]),
    ("act-acronym", "Rina Holm was charged under the Prevention of Electronic Crimes Act, 2016 "
     "(PECA). On 3 May 2021, she was charged again under section 20 of PECA.",
     [("Prevention of Electronic Crimes Act", "20")]),
    ("ordinance", "On 3 May 2021, Rina Holm was charged under section 9 of the Public Order "
     "Ordinance.", [("Public Order Ordinance", "9")]),
    ("numbered-law-lower-subject", "On 3 May 2021, Rina Holm was charged under Article 2 of "
     "Law No. 2014/028 of 23 December 2014 on the suppression of acts of terrorism.",
     [("Law No. 2014/028 of 23 December 2014 on the suppression of acts of terrorism", "2")]),
    ("numbered-law-then-clause", "On 3 May 2021, Rina Holm was charged under Article 2 of Law "
     "No. 12 of 2016 on the grounds that she was a member of a banned group.",
     [("Law No. 12 of 2016", "2")]),
    # codes in other languages
    ("code-penal", "On 3 May 2021, Rina Holm was charged under article 9 of the Code pénal.",
     [("Code pénal", "9")]),
    ("codigo-penal", "On 3 May 2021, Rina Holm was charged under Article 315 of the Código "
     "Penal.", [("Código Penal", "315")]),
    # treaties
    ("iccpr-acronym", "Her detention violates Articles 9 and 19 of the ICCPR.",
     [(ICCPR, "9"), (ICCPR, "19")]),
    ("iccpr-defined", "Article 19 of the International Covenant on Civil and Political Rights "
     "(ICCPR) protects speech; Article 21 of the ICCPR protects assembly.",
     [(ICCPR, "19"), (ICCPR, "21")]),
    ("icescr", "Her dismissal breaches Article 8 of the ICESCR.",
     [("International Covenant on Economic, Social and Cultural Rights", "8")]),
    ("cat-full", "Her treatment breaches Articles 1 and 16 of the Convention against Torture.",
     [("Convention against Torture", "1"), ("Convention against Torture", "16")]),
    ("cedaw", "The ban breaches article 2 of CEDAW.",
     [("Convention on the Elimination of All Forms of Discrimination against Women", "2")]),
    ("crc", "The detention of children breaches Article 37 of the Convention on the Rights of "
     "the Child.", [("Convention on the Rights of the Child", "37")]),
    ("crc-acronym", "The detention of children breaches Article 37 of the CRC.",
     [("Convention on the Rights of the Child", "37")]),
    ("achpr", "Zembla is bound by Article 9 of the African Charter on Human and Peoples' Rights.",
     [("African Charter on Human and Peoples' Rights", "9")]),
    ("echr-then-convention", "The arrest breaches Article 5 of the European Convention on Human "
     "Rights, and the trial Article 6 § 1 of the Convention.",
     [("European Convention on Human Rights", "5"), ("European Convention on Human Rights", "6")]),
    ("echr-acronym", "The arrest breaches Article 10 of the ECHR.",
     [("European Convention on Human Rights", "10")]),
    ("hrd-declaration", "We recall articles 1 and 12 of the UN Declaration on Human Rights "
     "Defenders.", [(HRD, "1"), (HRD, "12")]),
    ("udhr", "Her arrest breaches Article 19 of the Universal Declaration of Human Rights.",
     [("Universal Declaration of Human Rights", "19")]),
    ("udhr-acronym", "Her arrest breaches Article 20 of the UDHR.",
     [("Universal Declaration of Human Rights", "20")]),
    ("lawyers-principles", "Her disbarment breaches Principle 16 of the Basic Principles on the "
     "Role of Lawyers.", [("Basic Principles on the Role of Lawyers", "16")]),
    ("mandela-rules", "Her isolation breaches Rule 43 of the Standard Minimum Rules for the "
     "Treatment of Prisoners.",
     [("Standard Minimum Rules for the Treatment of Prisoners", "43")]),
    ("two-treaties-one-sentence", "We recall Articles 9, 19 and 22 of the ICCPR and Article 5 of "
     "the UN Declaration on Human Rights Defenders.",
     [(ICCPR, "9"), (ICCPR, "19"), (ICCPR, "22"), (HRD, "5")]),
    ("treaty-in-demands", "We urge the authorities to release Rina Holm, in line with Article 9 "
     "of the International Covenant on Civil and Political Rights, to which Zembla is a party.",
     [(ICCPR, "9")]),
    ("art-no-dot-acronym-after", "Her detention breaches Art 9 ICCPR.", [(ICCPR, "9")]),
    ("article-acronym-after", "The ban breaches Article 11 ECHR.",
     [("European Convention on Human Rights", "11")]),
    ("parts-in-list", "Her trial breaches Articles 9(1) and 14(3)(b) of the ICCPR.",
     [(ICCPR, "9"), (ICCPR, "14")]),
    ("article-and-article", "On 3 May 2021, Rina Holm was charged under Article 6 and Article 7 "
     "of the Anti-Terrorism Law.", [("Anti-Terrorism Law", "6"), ("Anti-Terrorism Law", "7")]),
    ("covenant-short", "Zembla ratified the International Covenant on Civil and Political "
     "Rights in 1992. Her arrest breaches Article 19(3) of the Covenant.", [(ICCPR, "19")]),
    ("optional-protocol", "Zembla is bound by article 2 of the Optional Protocol to the "
     "Convention against Torture.",
     [("Optional Protocol to the Convention against Torture", "2")]),
    ("convention-to-prevent", "Her treatment breaches Article 5 of the Inter-American "
     "Convention to Prevent and Punish Torture.",
     [("Inter-American Convention to Prevent and Punish Torture", "5")]),
    ("rome-statute", "The attacks fall under Article 7 of the Rome Statute of the International "
     "Criminal Court.", [("Rome Statute of the International Criminal Court", "7")]),
    ("possessive-owner", "On 3 May 2021, Rina Holm was charged under Article 146 of Zembla's "
     "Penal Code.", [("Penal Code", "146")]),
    ("bis-suffix", "On 3 May 2021, Rina Holm was charged under article 88 bis of the Penal Code.",
     [("Penal Code", "88")]),
    ("para-abbreviation", "The law breaches Art. 13 para. 2 of the Constitution.",
     [("Constitution", "13")]),
    ("constitution-and-treaty", "Her arrest breaches Articles 19 and 21 of the Constitution and "
     "Article 19 of the ICCPR.",
     [("Constitution", "19"), ("Constitution", "21"), (ICCPR, "19")]),
    ("no-article-to-the", "On 3 May 2021, Rina Holm was fined under Article 4 of Law on Public "
     "Meetings.", [("Law on Public Meetings", "4")]),
    ("icescr-full", "Her dismissal breaches article 6 of the International Covenant on "
     "Economic, Social and Cultural Rights.",
     [("International Covenant on Economic, Social and Cultural Rights", "6")]),
    ("cat-full-title", "Her treatment breaches article 16 of the Convention against Torture and "
     "Other Cruel, Inhuman or Degrading Treatment or Punishment.",
     [("Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or "
       "Punishment", "16")]),
    ("body-of-principles", "Her isolation breaches Principle 19 of the Body of Principles for "
     "the Protection of All Persons under Any Form of Detention or Imprisonment.",
     [("Body of Principles for the Protection of All Persons under Any Form of Detention or "
       "Imprisonment", "19")]),
    ("principles-range", "Her disbarment breaches principles 16 to 18 of the Basic Principles "
     "on the Role of Lawyers.", [("Basic Principles on the Role of Lawyers", "16"),
                                 ("Basic Principles on the Role of Lawyers", "17"),
                                 ("Basic Principles on the Role of Lawyers", "18")]),
    ("section-back-to-act", "On 3 May 2021, Rina Holm was charged under the Official Secrets "
     "Act. The charge sheet cites sections 7(1)(c) and 8.",
     [("Official Secrets Act", "7"), ("Official Secrets Act", "8")]),
    ("crpd", "The law breaches Article 12 of the Convention on the Rights of Persons with "
     "Disabilities.", [("Convention on the Rights of Persons with Disabilities", "12")]),
    ("enforced-disappearance", "Her abduction breaches article 2 of the International "
     "Convention for the Protection of All Persons from Enforced Disappearance.",
     [("International Convention for the Protection of All Persons from Enforced "
       "Disappearance", "2")]),
    ("code-hyphen-letter", "On 3 May 2021, Rina Holm was charged under Section 295-C of the "
     "Pakistan Penal Code.", [("Pakistan Penal Code", "295-C")]),
    ("act-with-brackets-acronym", "On 3 May 2021, Rina Holm was charged under the Unlawful "
     "Activities (Prevention) Act (UAPA). The police cited sections 13 and 18 of the UAPA.",
     [("Unlawful Activities (Prevention) Act", "13"),
      ("Unlawful Activities (Prevention) Act", "18")]),
    ("code-acronym-after-number", "On 3 May 2021, Rina Holm was charged under Section 124A of "
     "the Indian Penal Code (IPC) and Section 505 IPC.",
     [("Indian Penal Code", "124A"), ("Indian Penal Code", "505")]),
    ("code-acronym-list", "Rina Holm was charged under the Indian Penal Code (IPC). On 3 May "
     "2021, she was charged under sections 147, 148 and 149 of the IPC.",
     [("Indian Penal Code", "147"), ("Indian Penal Code", "148"), ("Indian Penal Code", "149")]),
    ("law-of-state-on-subject", "On 3 May 2021, Rina Holm was fined under Article 9 of the Law "
     "of the Republic of Zembla on Peaceful Assemblies.",
     [("Law of the Republic of Zembla on Peaceful Assemblies", "9")]),
    ("criminal-law-of-prc-short", "On 3 May 2021, Rina Holm was charged under Article 293 of "
     "the Criminal Law of the People's Republic of China; Article 105 of the Criminal Law "
     "punishes subversion.", [("Criminal Law of the People's Republic of China", "293"),
                              ("Criminal Law of the People's Republic of China", "105")]),
    ("rome-statute-parts", "The attacks fall under Article 7(1)(k) of the Rome Statute.",
     [("Rome Statute", "7")]),
    ("spaced-parts-list", "Her trial breached Articles 9 (2), 14 (1) and 19 of the ICCPR.",
     [(ICCPR, "9"), (ICCPR, "14"), (ICCPR, "19")]),
    ("udhr-and-iccpr-defined", "Her arrest breaches article 9 of the Universal Declaration of "
     "Human Rights (UDHR) and articles 9 and 14 of the International Covenant on Civil and "
     "Political Rights (ICCPR), ratified by Zembla on 3 May 1999.",
     [("Universal Declaration of Human Rights", "9"), (ICCPR, "9"), (ICCPR, "14")]),
    ("presidential-decree", "On 3 May 2021, the group was dissolved under Article 2 of "
     "Presidential Decree No. 5.", [("Presidential Decree No. 5", "2")]),
    ("code-of-state-lower-label", "On 3 May 2021, Rina Holm was charged under Section 112 of "
     "the Criminal Code (lese-majeste).", [("Criminal Code", "112")]),
    ("one-article-two-treaties", "Her arrest breaches article 19 of the Universal Declaration "
     "of Human Rights and of the ICCPR.",
     [("Universal Declaration of Human Rights", "19"), (ICCPR, "19")]),
    ("range-through", "Her trial breaches articles 9 through 11 of the Constitution.",
     [("Constitution", "9"), ("Constitution", "10"), ("Constitution", "11")]),
    ("range-en-dash", "Her trial breaches articles 9–11 of the Constitution.",
     [("Constitution", "9"), ("Constitution", "10"), ("Constitution", "11")]),
    ("wrapped-citation", "On 3 May 2021, Rina Holm was charged under Article\n318 of the "
     "Criminal\nCode.", [("Criminal Code", "318")]),
    ("dotted-sub-article", "On 3 May 2021, Rina Holm was charged under Article 6.1 of the Law "
     "on Mass Media.", [("Law on Mass Media", "6.1")]),
    ("quoted-law-name", "On 3 May 2021, the group was dissolved under Article 3 of the Law "
     "\u201cOn Public Associations\u201d.", [("Law On Public Associations", "3")]),
    ("federal-law-number-letters", "On 3 May 2021, the group was listed under Article 6 of "
     "Federal Law No. 121-FZ.", [("Federal Law No. 121-FZ", "6")]),
    ("article-comma-part-comma", "On 3 May 2021, Rina Holm was charged under Article 207.3, "
     "Part 2, of the Criminal Code.", [("Criminal Code", "207.3")]),
    ("quoted-label-after", "On 3 May 2021, Rina Holm was charged under Article 280.3 of the "
     "Criminal Code (\u201cdiscrediting\u201d the army).", [("Criminal Code", "280.3")]),
    ("code-possessive-article", "On 3 May 2021, Rina Holm was charged under the Penal Code's "
     "Article 505(b).", [("Penal Code", "505")]),
    ("code-then-article", "On 3 May 2021, Rina Holm was charged under Criminal Code Article 5.",
     [("Criminal Code", "5")]),
    ("acronym-then-section", "Rina Holm was charged under the Unlawful Activities (Prevention) "
     "Act (UAPA). On 3 May 2021, police added UAPA Section 17.",
     [("Unlawful Activities (Prevention) Act", "17")]),
    ("hrd-declaration-formal-short", "We refer to the Declaration on Human Rights Defenders, in "
     "particular its articles 1 and 2.", [("Declaration on Human Rights Defenders", "1"),
                                          ("Declaration on Human Rights Defenders", "2")]),
    ("in-particular-articles", "We refer to the International Covenant on Civil and Political "
     "Rights. In particular, articles 9 and 14 guarantee a fair trial.",
     [(ICCPR, "9"), (ICCPR, "14")]),
    # not provisions
    ("date-not-article", "On 3 May 2021, Rina Holm was arrested; she was held until 19 May "
     "2021.", []),
    ("case-number", "On 3 May 2021, the court opened case No. 2-45/2021 against Rina Holm.", []),
    ("decision-number", "On 3 May 2021, Decision No. 12 of the Vela Court banned the group.", []),
    ("prison-section", "On 3 May 2021, Rina Holm was moved to Section 2 of Vela Prison.", []),
    ("prison-section-lower", "On 3 May 2021, Rina Holm was charged under the Penal Code. She "
     "is held in section 4 of the women's prison.", []),
    ("ward-section-lower", "Rina Holm was charged under Article 5 of the Penal Code. Since 3 "
     "May 2021, she has been held in section 2 of Vela prison.", [("Penal Code", "5")]),
    ("resolution-number", "The Special Rapporteur acts under Human Rights Council resolution "
     "52/9; Rina Holm was arrested on 3 May 2021.", []),
    ("article-19-body-beside-code", "Article 19 condemned the arrest of Rina Holm under the "
     "Penal Code on 3 May 2021.", []),
    ("article-19-body-and-others", "On 3 May 2021, Rina Holm was charged under the Penal Code. "
     "Article 19 and other groups called for her release.", []),
    ("its-article-19-is", "Zembla ratified the ICCPR in 1992. Its Article 19 is clear: Rina "
     "Holm may speak.", [(ICCPR, "19")]),
    ("article-19-bodies-listed", "On 3 May 2021, Rina Holm was charged under the Penal Code. "
     "PEN Zembla and Article 19 called for her release.", []),
    ("article-19-body", "On 3 May 2021, Article 19, a free-expression group, condemned the "
     "arrest of Rina Holm.", []),
    # a part after a slash, as Turkish law numbers articles
    ("slash-parts-two-instruments", "On 3 May 2021, Rina Holm was charged under Article 220/1 of "
     "the Zemblan Penal Code and under Article 5/3 of the Anti-Terror Law.",
     [("Zemblan Penal Code", "220"), ("Anti-Terror Law", "5")]),
    ("slash-letter-part", "On 3 May 2021, the court blocked the Vela News website under Article "
     "9/A of Law No. 4410.", [("Law No. 4410", "9")]),
    ("slash-part-not-a-year", "On 3 May 2021, Rina Holm was charged under Article 3 of Decree "
     "No. 7/2020.", [("Decree No. 7/2020", "3")]),
    # a code named again in lower case
    ("lower-penal-code-after-other-law", "Rina Holm was charged under Article 301 of the "
     "Zemblan Penal Code. On 3 May 2021 she was charged under Article 12 of the Press Law, and "
     "in 2019 she had been tried under Article 140/A of the penal code.",
     [("Zemblan Penal Code", "301"), ("Press Law", "12"), ("Zemblan Penal Code", "140")]),
    ("lower-penal-code-other-name", "Rina Holm was charged under Article 80 of the Criminal Code "
     "of Zembla and under the Press Law; on 3 May 2021 she was tried under Article 81 of the "
     "penal code.", [("Criminal Code", "80"), ("Criminal Code", "81")]),
    ("lower-penal-code-alone", "On 3 May 2021, Rina Holm was charged under Article 12 of the "
     "Press Law and Article 205 of the criminal code.",
     [("Press Law", "12"), ("Criminal Code", "205")]),
    # a numbered law's subject in lower case, with no year
    ("numbered-law-lower-subject-no-year", "On 3 May 2021, the court blocked the Vela News "
     "website under Article 4 of Law No. 4410 on internet publications, its editor said.",
     [("Law No. 4410 on internet publications", "4")]),
    ("numbered-law-then-clause", "On 3 May 2021, the court closed Vela News under Article 4 of "
     "Law No. 4410 on the grounds that it had no licence.", [("Law No. 4410", "4")]),
    ("article-again-without-part", "On 3 May 2021, Rina Holm was convicted under Section 9(2) of "
     "the Press Act. Her lawyers ask that Section 9 of the Press Act be repealed.",
     [("Press Act", "9")]),
    # "its Article N" after a constitution named by its head word as the clause's subject
    ("its-article-of-subject-constitution", "Zembla is a party to the ICCPR, Article 19 of which "
     "protects speech, and the 2015 Constitution protects the press in its Article 25.",
     [(ICCPR, "19"), ("Constitution", "25")]),
    ("its-article-not-of-a-constitution-told-apart", "Zembla is a party to the ICCPR, which the "
     "Constitution ranks above its laws, and which in its Article 19 protects speech.",
     [(ICCPR, "19")]),
    # a treaty's name that ends in "and" before another treaty's ("... to Prevent and Punish
    # Torture and the UN Declaration on ..."): the articles are the second one's
    ("treaty-name-ending-before-another", "Zembla must respect the Inter-American Convention to "
     "Prevent and Punish Torture and the UN Declaration on Human Rights Defenders, in particular "
     "its Articles 1 and 12.2.",
     [("UN Declaration on Human Rights Defenders", "1"),
      ("UN Declaration on Human Rights Defenders", "12.2")]),
    # a law's title in quotes after its head word is part of its name
    ("law-title-in-quotes", "On 3 May 2021, Rina Holm was charged under Article 12.4 of the "
     "Federal Law “On Public Broadcasting, Cable Networks and the Licensing of Stations”, which "
     "the prosecutor cited again.",
     [("Federal Law “On Public Broadcasting, Cable Networks and the Licensing of Stations”",
       "12.4")]),
    # groups of articles paired with the instruments named before them, in order
    ("groups-of-articles-respectively", "Zembla has ratified the International Covenant on "
     "Civil and Political Rights and the Vela Charter on Human Rights, which protect belief and "
     "speech in Articles 18 and 19 and Articles 6 and 7 respectively.",
     [(ICCPR, "18"), (ICCPR, "19"), ("Vela Charter on Human Rights", "6"),
      ("Vela Charter on Human Rights", "7")]),
]  # fmt: skip


def _scored(record: dict) -> Counter[tuple[str, str]]:
    return Counter(
        (instrument_key(i["name"]), main_article(p["article"]))
        for i in record["instruments"]
        for p in i["provisions"]
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    genre_params(CASES, KNOWN_XFAIL),
)
def test_provisions_in_a_construction_of_the_genre(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    record = extract_case(HEAD + sentence + "\n", appeal_id="t-provision-construction")
    want = Counter((instrument_key(name), main_article(art)) for name, art in expected)
    assert _scored(record) == want


def test_every_known_failure_names_a_case() -> None:
    assert set(KNOWN_XFAIL) <= {key for key, _, _ in CASES}
