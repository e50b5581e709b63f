# ruff: noqa: E501  (trigger patterns are data, one per line, kept whole for reading)
"""The event trigger lexicon, kept as data: one entry per event type, one row per lemma.

A row names a ``lemma`` (a verb, or a noun with ``"pos": "noun"``) and the ``frames`` it
triggers the event in; ``kg.extract.events`` generates the lemma's forms (the past and the
participle by rule, ``forms`` for irregular ones) and tells a hit's frame from the words
around it:

- ``active``: "police arrested Ana Lee", "the court had sentenced him" — the subject acts;
- ``passive``: "Ana Lee was arrested (by police)", "were later released" — the subject
  undergoes, "by X" acts;
- ``perfect``: "had been detained", "has been summoned" — a passive perfect, which looks back
  and takes no date from the paragraph;
- ``state``: "detained since 3 May", "remained detained", "held without charge" — a situation
  that lasts, not the act that began it;
- ``nominal``: "his arrest on 3 May", "the release of Ana Lee on 4 June" — the noun after a
  determiner, before a date or "of" and a date;
- ``ordered``: "the court ordered the detention of Ana Lee", "approved his arrest" — the noun
  as the object of a verb of decision (ordered, approved, authorised, sanctioned), dated by
  the verb's clause. Every noun row triggers in it; a row may list it alone.

A row with an ``object`` (a regular expression) triggers only with that object, after the
verb in the active ("opened a criminal case", "lodged an appeal") and before it in the
passive ("a criminal case was opened", "an appeal was lodged"): the verb alone is no event.

One lemma may trigger different types in different frames: "police detained her" is an
arrest, "detained since May" a custody (``detention``). A hit in a frame its row does not
list is no trigger of that type.

``phrases`` are the multi-word triggers a lemma row cannot stand for: a verb with a
complement other than its object ("referred to the court", "banned from leaving"), idioms ("shot dead",
"placed under arrest"), and words whose sense the context decides ("banned from leaving the
country" is a travel ban, "banned from practising" a ban). Each says ``why`` it is kept.
Every row's and phrase's ``examples`` must trigger its type
(``tests/test_extract_triggers.py``); negation, modality and future filters apply to every
trigger.

Forms are generated here, not looked up at run time: a lemmatiser that reads every word of an
appeal (lemminflect 0.2.3: 0.55 s to import, with numpy, and about 0.4 s to load its tables)
would cost more than the whole extraction of an appeal, and the lexicon's forms are all it
would be asked for.
"""

from __future__ import annotations

from typing import Any

#: The frames a verb row triggers in when it does not say: any voice, as an act.
ACTS = ["active", "passive", "perfect"]
#: A name in the possessive, standing for a determiner: "Tom Reed's", "Ms. Ana Lee’s".
POSSESSOR = "(?:[A-Z][\\w’'.-]+ ){0,3}[A-Z][\\w-]*[’']s "
#: Objects that make a verb an event: "opened a criminal case", "an investigation was
#: launched", "lodged an appeal", "a complaint was filed".
CRIMINAL_CASE = "(?:a |the |(?:two|three|four|five|several|\\d+) )?(?:new |other )?criminal (?:cases?|proceedings)"
INQUIRY = "(?:an? |the )?(?:[\\w’'-]+ )?(?:investigation|inquiry|probe)"
AN_APPEAL = "(?:(?:an?|the|his|her|their) |" + POSSESSOR + ")?(?:[\\w’'-]+ )?appeal"
#: A court's ruling as the object of a verb that undoes it: "overturned the conviction", "the
#: verdict was annulled".
A_JUDGMENT = (
    "(?:the |an? |his |her |their |its |"
    + POSSESSOR
    + ")?(?:[\\w’'-]+ )?(?:conviction|verdict|sentence|decision|ruling|judgment|judgement|acquittal|order)s?"
)
#: A term of years or months, in figures or words: "six years", "18 months", "a twelve-year".
COUNT = "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
TERM = COUNT + "(?: years?| months?|-year|-month)"
#: Up to two words before the noun ("a habeas corpus petition"), written as two optional words
#: rather than a counted repeat: the scanner finds where a counted repeat of words may start only
#: by trying every place of the text (quadratic in a long run of letters), two optional words by
#: the nouns' literals.
A_COMPLAINT = "(?:an? |the )?(?:[\\w’'-]+ )?(?:[\\w’'-]+ )?(?:complaint|application|petition|lawsuit|writ|suit)"

# fmt: off
TRIGGERS: list[dict[str, Any]] = [
    {
        "type": "charge_reclassified",
        "slots": "prosecutor or court changes the charge against target",
        "lemmas": [
            {"lemma": "reclassify", "frames": ACTS, "examples": ["On 3 May 2024, the prosecutor reclassified the charge against Ana Lee."]},
            {"lemma": "requalify", "frames": ACTS, "examples": ["On 3 May 2024, the charges against Ana Lee were requalified."]},
        ],
        "phrases": [
            {"rx": "(?:accusation|charges?)\\b[^.;]{0,40}\\b(?:raised|changed|upgraded|requalified) from", "why": "a charge changed from one offence to another: the verbs are events only with the charge as object", "examples": ["On 3 May 2024, the charge against Ana Lee was changed from libel to sedition."]},
        ],
    },
    {
        "type": "case_opened",
        "slots": "police or prosecutor open a criminal case against target",
        "lemmas": [
            # "open", "initiate", "register" are events only with a criminal case as object
            {"lemma": "open", "object": CRIMINAL_CASE, "frames": ACTS, "examples": ["On 3 May 2024, the police opened a criminal case against Ana Lee.", "On 3 May 2024, a criminal case was opened against Ana Lee."]},
            {"lemma": "initiate", "object": CRIMINAL_CASE, "frames": ACTS, "examples": ["On 3 May 2024, the investigator initiated a new criminal case against Ana Lee."]},
            {"lemma": "institute", "object": CRIMINAL_CASE, "frames": ACTS, "examples": ["On 3 May 2024, criminal proceedings were instituted against Ana Lee."]},
            {"lemma": "launch", "object": CRIMINAL_CASE, "frames": ACTS, "examples": ["On 3 May 2024, the prosecutor launched a criminal case against Ana Lee."]},
            {"lemma": "register", "object": CRIMINAL_CASE, "frames": ACTS, "examples": ["On 3 May 2024, the police registered a criminal case against Ana Lee.", "On 3 May 2024, three criminal cases were registered against Ana Lee."]},
            # a first information report is how South Asian police open a criminal case
            {"lemma": "register", "object": "(?:an? |the )?(?:new |second |fresh )?(?:[Ff]irst [Ii]nformation [Rr]eports?|FIRs?)", "frames": ACTS, "examples": ["On 3 May 2024, the police registered a First Information Report (FIR) against Ana Lee.", "On 3 May 2024, an FIR was registered against Tom Reed."]},
        ],
        "phrases": [
            {"rx": "\\b(?:[Ff]irst [Ii]nformation [Rr]eport|FIR)s?(?:, or FIR,| \\(FIR\\),?)? (?:was |were |had been |has been )?(?:registered|filed|lodged|recorded) by (?:the )?(?:[\\w’'-]+ ){0,3}?(?:police|[Pp]olice)\\b", "why": "a first information report registered by the police opens a criminal case, told with the short name set off after it", "examples": ["The arrest stems from a first information report, or FIR, registered by the Vela police on 29 April 2024."]},
            {"rx": "\\b(?:[Pp]olice|[Dd]etectives?|[Gg]endarm\\w*|[Cc]onstab\\w+)\\b[^.;]{0,40}?\\b(?:filed|lodged|registered) (?:a |the )?(?:criminal )?case against\\b", "why": "the police (detectives, gendarmes, constables) filing a case against someone open a criminal case (a first information report); a prosecutor filing one charges", "examples": ["On 3 May 2024, the Zenda Police filed a case against Ana Lee under the Press Act.", "On 3 May 2024, detectives of the Zenda branch filed a case against Tom Reed."]},
            {"rx": "\\b(?:criminal case|first information report|FIR)s? (?:\\([A-Z]{2,5}\\) )?(?:that|which) (?:[\\w’'-]+ ){1,4}?(?:filed|lodged|registered|recorded)\\b", "why": "a case or first information report named before the verb that registers it, in a relative clause", "examples": ["The case began with a first information report that the Zenda police registered on 3 May 2024."]},
            {"rx": "\\b(?:opened|initiated|instituted|launched) (?:an? |the )?(?:new |separate |second |fresh )?(?:case|proceedings) against\\b|\\b(?:case|proceedings) (?:was |were |had been |has been )?(?:opened|initiated|instituted|launched) against\\b", "why": "'open' and 'initiate' with a case against someone, where the text does not say 'criminal'", "examples": ["On 3 May 2024, the prosecutor opened a case against Ana Lee for defamation.", "On 3 May 2024, proceedings were instituted against Tom Reed."]},
            {"rx": "\\bregistered (?:on [^.;]{0,25})?under (?:Sections?|Articles?|[A-Z]{2,6} Sections?)", "why": "a case registered under a section of a code (a first information report)", "examples": ["A case was registered on 3 May 2024 under Section 124A against Ana Lee."]},
            {"rx": "\\b(?:filed|lodged|registered|recorded) (?:an? |the )?(?:criminal )?(?:case|first information report|FIR)s? (?:[^.;]{0,60}? )?(?:at|with) (?:the )?(?:[\\w’'-]+ ){0,3}?[Pp]olice [Ss]tation\\b|\\b(?:case|first information report|FIR)s? (?:was |were |had been )?(?:filed|lodged|registered|recorded) (?:[^.;]{0,60}? )?(?:at|with) (?:the )?(?:[\\w’'-]+ ){0,3}?[Pp]olice [Ss]tation\\b", "why": "a case filed at a police station (a first information report) opens a criminal case, whoever files it; one filed before a court is a complaint", "examples": ["On 3 May 2024, an officer filed a case against Ana Lee at the Zenda Police Station."]},
        ],
    },
    {
        "type": "deregistration",
        "slots": "authority or court dissolves, liquidates or strikes off an organisation",
        "lemmas": [
            {"lemma": "deregister", "frames": ACTS, "examples": ["On 3 May 2024, the ministry deregistered the Zembla Rights Centre."]},
            {"lemma": "liquidate", "frames": ACTS, "examples": ["On 3 May 2024, the Zembla Rights Centre was liquidated."]},
            {"lemma": "liquidation", "pos": "noun", "frames": ["nominal"], "examples": ["The union appealed against its liquidation on 3 May 2024."]},
            {"lemma": "deregistration", "pos": "noun", "frames": ["nominal"], "examples": ["The group closed after its deregistration in May 2024."]},
        ],
        "phrases": [
            {"rx": "\\bordered (?:the )?(?:liquidation|dissolution) of\\b", "why": "an order to dissolve a body is its deregistration", "examples": ["On 3 May 2024, the Supreme Court ordered the liquidation of the Zembla Rights Centre."]},
            {"rx": "\\brefus(?:ed|es|ing) to (?:renew|extend) (?:[\\w’'-]+ ){0,3}?(?:registration|licen[cs]e|accreditation)\\b", "why": "a registration not renewed ends an organisation's legal life as one struck off does (the corpus gold: a deregistration)", "examples": ["In 2024, the Ministry of Justice refused to renew the registration of the Zembla Rights Centre.", "The NGO Bureau has refused to renew the group's registration."]},
            {"rx": "\\b(?:cancell?ed|revoked|annulled|withdrew|stripped) (?:the |its |their )?legal (?:status|personality|personhood)\\b|\\blegal (?:status|personality|personhood) (?:of [^.;,]{1,80}? )?(?:was |were |had been |has been )?(?:cancell?ed|revoked|annulled|withdrawn)\\b", "why": "an organisation's legal status taken away ends its legal life as a deregistration does", "examples": ["In May 2024, the Ministry of the Interior cancelled the legal status of the Zenda Rights Centre.", "On 3 May 2024, the legal personality of the Zembla Rights Centre was revoked."]},
            {"rx": "\\bstruck (?:[\\w’'-]+ ){0,4}?off (?:the |its )?(?:register|roll|list of [\\w ]{0,30}?organi[sz]ations)\\b", "why": "an idiom: struck off the register", "examples": ["On 3 May 2024, the minister struck the Zembla Rights Centre off the register."]},
            {"rx": "dissol(?:ved|ution) of the organi|\\b(?:was|were|had been|has been) (?:formally |forcibly |officially )?dissolved\\b(?! (?:after|when|because))|revoked (?:the |its |their )?(?:[\\w’']+ )?registration|dissolved (?:the |its |their )?(?:[\\w’'-]+ ){0,3}(?:union|association|organi[sz]ation|party|NGO|group|foundation|[Cc]ent(?:re|er)|[Ss]ociety|[Mm]ovement|[Cc]ommittee|[Nn]etwork|[Cc]oalition|[Ii]nstitute|[Ll]eague|[Ff]ederation|[Aa]lliance)\\b", "why": "'dissolve' and 'revoke' are deregistration only with a body or its registration as object", "examples": ["On 3 May 2024, the court dissolved the teachers' union."]},
        ],
    },
    {
        "type": "travel_ban",
        "slots": "authority bans target from leaving the country",
        "lemmas": [
            {"lemma": "impose", "object": "(?:a |the )?(?:[\\w’'-]+ )?(?:travel ban|ban on (?:travel|leaving))", "frames": ACTS, "examples": ["On 3 May 2024, the prosecutor imposed a travel ban on Ana Lee.", "On 3 May 2024, a travel ban was imposed on Ana Lee."]},
        ],
        "phrases": [
            {"rx": "\\bturned (?:back|away) at (?:the )?(?:[\\w’'-]+ ){0,3}?(?:border|airport)\\b|\\btold (?:(?:him|her|them) )?(?:that )?(?:he|she|they) (?:could not|cannot|could no longer|was not allowed to|were not allowed to|was banned from|were banned from|was barred from|were barred from) (?:travel|leave the country|leaving the country|travell?ing)\\b", "why": "one sent back at the border or airport, or told there that they may not travel: the ban, told by how it was found out", "examples": ["On 3 May 2024, Tom Reed was turned back at Zenda airport.", "On 3 May 2024, border guards told her she could not leave the country."]},
            {"rx": "banned [^.]{0,40}from leaving the country|(?:prevented|stopped|barred|blocked) (?:(?:him|her|them) |(?:(?:Mr|Ms|Mrs|Dr)\\.? )?(?:[A-Z][\\w’'-]+ ){1,4})?from (?:boarding|leaving|travell?ing|flying)|\\b(?:barred|prohibited|stopped|banned) from (?:boarding|leaving the country|travell?ing|(?:foreign )?travel\\b)", "why": "'ban' and 'prevent' are a travel ban only with leaving or travelling as their complement", "examples": ["On 3 May 2024, Tom Reed was banned from travelling.", "On 3 May 2024, Ana Lee was banned from leaving the country."]},
            {"rx": "\\b(?:prevented|stopped|barred|blocked) by [^.;]{1,80}? from (?:boarding|leaving the country|travell?ing|flying)\\b|\\brefused to (?:let|allow) (?:him|her|them|(?:(?:Mr|Ms|Mrs|Dr)\\.? )?(?:[A-Z][\\w’'.-]+ ){1,4})(?:to )?(?:board|leave the country|travel|fly)\\b|\\bordered (?:(?:him|her|them) |(?:[^.;,]{0,25}? ))?not to leave (?:the country\\b|[A-Z])", "why": "a travel ban told by who stopped the person ('prevented by border police at the port from boarding'), by a refusal to let them board, or as an order not to leave the country", "examples": ["On 3 May 2024, Tom Reed was prevented by border police at Vela port from boarding a ferry.", "On 3 May 2024, immigration officers refused to let Ana Lee board a flight to Vela.", "On 3 May 2024, Tom Reed was released but was ordered the same day not to leave the country."]},
            {"rx": "\\b(?:may|must|can|shall) not leave (?:the (?:country|state|province|region|territory)\\b|[A-Z])|\\bcannot leave (?:the country\\b|[A-Z])|\\bon (?:the )?condition that (?:he|she|they) (?:does|do|did) not leave\\b", "why": "a condition of release told as what the person may not do: leaving the country, or a state or province named", "examples": ["On 3 May 2024, Ana Lee was released under judicial control and may not leave the country.", "On 3 May 2024, Tom Reed was released on condition that he does not leave Zenda province."]},
            {"rx": "\\bissued (?:an? |the )?(?:[\\w’'-]+ )?travel ban\\b|\\b(?:placed|put|added|included) (?:[\\w’'.-]+ ){0,4}?(?:on|to|in) (?:the |a |an )?(?:travel ban|no-fly|exit ban|stop|[Ee]xit [Cc]ontrol|[Nn]o-[Ff]ly) [Ll]ist\\b", "why": "a travel ban issued, or a person put on the list of those who may not leave", "examples": ["On 3 May 2024, the authorities issued a travel ban against Tom Reed.", "On 3 May 2024, Tom Reed was placed on the travel ban list.", "On 3 May 2024, Ana Lee's name was placed on the Exit Control List."]},
            {"rx": "\\bban on (?:travell?ing|travel|leaving (?:the (?:country|province|state|region|city|territory)\\b|[A-Z]))|\\b(?:released|freed) (?:[^.;]{0,40}? )?(?:under|with) (?:an? )?(?:travel ban|ban on (?:travell?ing|travel|leaving))\\b|\\bundertaking not to leave\\b|\\b(?:kept|extended|renewed|upheld) (?:the |a |his |her |their )?travel ban\\b", "why": "the noun phrase 'travel ban' with the verb that keeps or renews it; a ban on leaving a country, province or place named; a release under a travel ban; an undertaking not to leave", "examples": ["On 3 May 2024, the court kept the travel ban on Ana Lee.", "On 3 May 2024, the court imposed a ban on leaving the province on Ana Lee.", "On 3 May 2024, Tom Reed was released under a travel ban.", "On 3 May 2024, Tom Reed was released after signing an undertaking not to leave Zenda."]},
        ],
    },
    {
        "type": "ban",
        "slots": "an organisation suspended or designated, a lawyer disbarred, an outlet blocked",
        "lemmas": [
            {"lemma": "disbar", "frames": ACTS, "examples": ["On 3 May 2024, the bar association disbarred Ana Lee."]},
        ],
        "phrases": [
            {"rx": "\\b(?:barred|banned|prohibited|forbidden|forbade|(?<=order\\s)prohibiting|(?<=decision\\s)prohibiting|(?<=decree\\s)prohibiting) (?:(?:him|her|them|(?:the )?(?:[A-Z][\\w’'.-]+ ){1,4}?)\\s*)?(?:from [^.;]{1,60}? and )?from (?:taking part in|participating in|attending|organi[sz]ing|holding|joining) (?:any |all )?(?:[\\w’'-]+ )?(?:gatherings?|protests?|demonstrations?|rallies|rally|meetings?|assemblies|assembly|marches|march)\\b", "why": "a ban on a person's activity: kept from gatherings or protests (a ban on leaving the country is a travel ban)", "examples": ["On 3 May 2024, Ana Lee was granted bail and prohibited from taking part in any political gathering.", "On 3 May 2024, the court released Tom Reed but barred him from leaving Zenda and from taking part in public gatherings."]},
            {"rx": "\\b(?:designated|labell?ed|branded|recogni[sz]ed|listed) (?:it |them |him |her |(?:the |its )?(?:[A-Z][\\w’'.-]+ ){1,6}|[“\\\"](?:[A-Z][\\w’'.-]+ ){0,5}[A-Z][\\w’'.-]+[”\\\"] )?(?:as )?(?:an? )?[“\\\"]?(?:terrorist|extremist|undesirable)\\b|\\bdeclared (?:it |them )?(?:as )?(?:an? )?[“\\\"]?undesirable\\b|\\bdeclared (?:him |her |(?:the |its )?(?:[A-Z][\\w’'.-]+ ){1,6})(?:as )?(?:an? )?[“\\\"]?(?:terrorist|extremist|undesirable)\\b|\\b(?:placed|put|added|included) (?:[\\w’'.-]+ ){0,4}?(?:on|to|in) (?:the |a |an |its )?(?:[\\w’'-]+ )?(?:list|register|registry) of (?:[\\w’'-]+ )?(?:terrorists?|extremists?|terrorist|extremist|undesirable)|\\b(?:placed|put|added|included) (?:[\\w’'.-]+ ){0,4}?(?:on|to|in) (?:the |a |an |its )?(?:[\\w’'-]+ )?(?:terrorist|extremist|terrorism|sanctions) (?:list|register|registry)\\b", "why": "the convention: a body or person designated or listed as terrorist, extremist or undesirable is a ban", "examples": ["On 3 May 2024, the Zembla Rights Centre was designated an extremist organisation.", "On 3 May 2024, the Zembla Rights Centre was declared undesirable.", "On 3 May 2024, the Ministry of the Interior designated the Zembla Rights Centre a \"terrorist organisation\".", "On 3 May 2024, the prosecutor declared Zenda Watch an undesirable organisation.", "On 3 May 2024, the State Security Committee designated “Zenda Watch” an “extremist formation”.", "On 3 May 2024, Ana Lee was placed on a terrorist list.", "On 3 May 2024, Ana Lee was added to the list of terrorists."]},
            {"rx": "\\bstripped (?:of )?(?:his |her |their |its )(?:[\\w’'-]+ )?licen[cs]es?\\b", "why": "'strip' is a ban with a licence as what is taken", "examples": ["On 3 May 2024, Ana Lee was stripped of her licence to practise law."]},
            {"rx": "\\bsuspended (?:the |its |their )?(?:" + POSSESSOR + ")?(?:[\\w’'-]+ )?registration\\b|\\bregistration (?:of [^.;,]{1,60}? )?(?:was |were |had been |has been )suspended\\b", "why": "a registration suspended halts a body for a time, as a suspension does (revoked, it is a deregistration)", "examples": ["On 3 May 2024, the Justice Ministry suspended the Vela Civic Forum's registration for six months."]},
            {"rx": "\\b(?:revoked|suspended|withdrew|cancelled|(?<=,\\s)revoking|(?<=a\\sletter\\s)suspending|(?<=an\\sorder\\s)suspending|(?<=a\\sdecision\\s)suspending|(?<=a\\sdecree\\s)suspending|(?<=,\\s)suspending) (?:the |its |his |her |their |(?:(?:Mr|Ms|Mrs|Dr)\\.? )?" + POSSESSOR + ")?(?:[\\w’'-]+ )?(?:licen[cs]es?|accreditations?|press cards?|press credentials)\\b|\\b(?:licen[cs]es?|accreditations?|press cards?) (?:of [^.;]{1,60}? )?(?:was |were )?(?:revoked|suspended|withdrawn|cancelled)\\b", "why": "'revoke' and 'suspend' are a ban only with a licence (or a journalist's press card) as object; the participle after a comma or in 'a letter suspending' too", "examples": ["On 3 May 2024, the ministry revoked the broadcasting licence of Radio Zenda.", "On 3 May 2024, the Ministry of Justice revoked Mr. Tom Reed's licence to practise law.", "On 3 May 2024, the ministry issued a letter suspending Radio Zenda's licence.", "On 3 May 2024, the Media Commission withdrew Ms. Ana Lee's press card."]},
            {"rx": "\\bblocked (?:access to )?(?:the |its |his |her |their |(?:[A-Z][\\w’'-]+ ){0,3}[A-Z][\\w-]*[’']s )?(?:[\\w’'-]+ ){0,3}?(?:websites?|accounts?|pages?|sites?|outlets?|channels?)\\b|\\b(?:websites?|accounts?|pages?|sites?|channels?) blocked\\b|(?:(?<=website\\s)|(?<=websites\\s)|(?<=account\\s)|(?<=accounts\\s)|(?<=page\\s)|(?<=pages\\s)|(?<=site\\s)|(?<=sites\\s)|(?<=channel\\s)|(?<=channels\\s))(?:was |were |had been |has been )(?:blocked|suspended)\\b", "why": "'block' is a ban only with a website, account or outlet as object (the passive read from its auxiliary, so that the website's owner is what it is done to; 'suspended' too)", "examples": ["On 3 May 2024, the regulator blocked the website of the Zembla Times.", "On 3 May 2024, the authorities blocked the Zembla Times website.", "On 3 May 2024, the Zembla Times website was blocked.", "On 3 May 2024, Ana Lee's Facebook account was suspended at the request of the authorities."]},
            {"rx": "\\b(?:ordered|decided|ruled|demanded) (?:that )?(?:the |its |his |her |their |" + POSSESSOR + ")?(?:[\\w’'-]+ ){0,3}?(?:websites?|accounts?|pages?|sites?|outlets?|channels?) (?:be|should be|to be) (?:blocked|suspended|taken down|withheld)\\b|\\b(?:websites?|accounts?|pages?|sites?|channels?), (?:which|whose|with) [^.;]{1,80}?, (?:was |were |had been |has been )(?:blocked|suspended|withheld)\\b", "why": "a website, account or channel blocked, told as an order that it be blocked, or with a relative clause between it and the passive", "examples": ["On 3 May 2024, the regulator ordered that the channel be blocked on Zembla's networks.", "On 3 May 2024, the Zembla Times' Facebook page, which had some 40,000 followers, was blocked."]},
            {"rx": "\\bbanned (?:him|her|them) from (?!leaving|travell?ing|boarding|flying)\\w|\\b(?:barred|disqualified) (?:(?:him|her|them) )?from (?:practi[cs]ing|practi[cs]e|journalism|working as|teaching|the (?:bar|profession))\\b", "why": "a person banned or barred from a profession or activity (leaving the country is a travel ban)", "examples": ["On 3 May 2024, the court sentenced Tom Reed to one year in prison and banned him from journalism for five years.", "On 3 May 2024, Tom Reed was barred from practising law."]},
            {"rx": "banned from (?!leaving the country|travell?ing|(?:foreign )?travel\\b|re-?enter|re-?entry)|(?<!travel.)ban on (?!holding|travel|leaving)|\\b(?:was|were) banned\\b(?! from (?:leaving the country|travell?ing|(?:foreign )?travel\\b|re-?enter|re-?entry))|\\bbanned as\\b|\\bbanned from [^.;]{0,40}? and from\\b|(?<=-)year ban", "why": "'ban' is a travel ban with leaving or travelling as its complement, a ban otherwise; 'a five-year ban' names its length", "examples": ["On 3 May 2024, Ana Lee was banned from practising law."]},
            {"rx": "\\b(?:suspended|prohibited|banned|halted|stopped|(?:order|decision|decree|ruling|notice) (?:suspending|prohibiting|banning|halting)) (?:the |its |their |all )?(?:work|activities|activity|operations)\\b", "why": "'suspend', 'prohibit', 'halt' are a ban only with an organisation's work as object (the participle too, after the order that does it: 'signed an order suspending the activities of X')", "examples": ["On 3 May 2024, the ministry suspended the activities of the Zembla Rights Centre.", "On 3 May 2024, the minister signed an order suspending the activities of the Zembla Watch."]},
            {"rx": "\\baccess to (?:[^.;]{1,60}? )?(?:was |were |has been |had been )(?:blocked|restricted|cut off)\\b", "why": "access to an outlet or site blocked, told in the passive with 'access' as subject", "examples": ["On 3 May 2024, access to the Zembla Ledger was blocked on the orders of the regulator."]},
            {"rx": "\\bsuspended (?:him |her |them )?(?:(?:Mr|Ms|Mrs|Dr)\\.? )?(?:(?:[A-Z][\\w’'-]+|de|del|la|y) ){0,5}from (?:legal )?(?:practi[cs]e|practi[cs]ing|the (?:bar|profession|roll))\\b|\\b(?:was|were|been|is|are) suspended from (?:legal )?(?:practi[cs]e|practi[cs]ing|the (?:bar|profession|roll))\\b", "why": "'suspend' is a ban of a lawyer only with practice or the bar as what they are suspended from", "examples": ["On 3 May 2024, the bar council suspended Ms. Ana Lee from practice for six months.", "On 3 May 2024, Tom Reed was suspended from the bar.", "On 3 May 2024, the Zenda Bar Association suspended her from practice."]},
            {"rx": "\\bstripped [^.;]{0,160}? of (?:their|his|her) (?:status|licen[cs]es?)", "why": "'strip' is a ban only with a status or licence as what is taken", "examples": ["On 3 May 2024, the bar association stripped the three lawyers of the capital, Ana Lee, Tom Reed and Eva Hart, of their status as advocates."]},
            {"rx": "\\b(?:suspended|closed down|shut down) (?:the )?(?:(?:[A-Z][\\w’'-]+|of|for|and|the) ){0,6}(?:[Cc]ent(?:re|er)|[Aa]ssociation|[Uu]nion|[Ss]ociety|[Ff]oundation|[Cc]ommittee|[Nn]etwork|[Cc]oalition|[Ii]nstitute|[Ll]eague|[Ff]ederation|[Aa]lliance|[Mm]ovement|[Oo]rgani[sz]ation|NGO|[Nn]ewspaper|[Mm]agazine|[Rr]adio|[Tt]elevision|[Cc]hannel|[Ww]ebsite)\\b", "why": "'suspend' and 'close down' are a ban with a body or outlet as object (named by its head word)", "examples": ["On 3 May 2024, the Ministry of Justice suspended the Zembla Rights Centre.", "In May 2024, the authorities shut down the newspaper."]},
            {"rx": "\\bsuspended (?:the |its |their )?(?:[\\w’'-]+ )?(?:registration|legal status|operating licen[cs]e|licen[cs]e to operate)\\b|\\bsuspended (?:the )?[A-Z][A-Z&-]{1,9}\\b(?! from\\b)", "why": "'suspend' is a ban with a body's registration or legal status as object, or a body named by its acronym ('suspended the ZRC for three months'); a person suspended from their post is not", "examples": ["On 3 May 2024, the Registrar suspended the registration of the Zembla Rights Centre.", "On 3 May 2024, the Authority suspended the ZRC for three months."]},
            {"rx": "\\bordered (?:the )?(?:closure|closing|shutdown|suspension) of\\b|\\b(?:was|were|been) forced to (?:close|shut down|cease (?:its |their )?(?:activities|operations|work))\\b", "why": "an order to close a body or outlet, or one forced to close, is a ban", "examples": ["On 3 May 2024, the court ordered the closure of the Zembla Rights Centre.", "On 3 May 2024, the Zembla Rights Centre was forced to close."]},
            {"rx": "\\bbanned (?:the )?(?=[A-Z])(?![^.;]{0,80}\\bfrom (?:leaving|travell?ing))", "why": "'banned' with a named object and no travel complement", "examples": ["On 3 May 2024, the minister banned the Zembla Rights Centre."]},
            {"rx": "\\b(?:was|were|had been|has been) (?:forcibly )?(?:shut down|closed down|ordered to (?:close|shut down|cease (?:its |their )?(?:activities|operations|work)|suspend (?:its |their )?(?:activities|operations|work)))\\b", "why": "a body or outlet closed by order, told in the passive", "examples": ["On 3 May 2024, the Zembla Rights Centre was ordered to close.", "On 3 May 2024, the Zembla Times was shut down."]},
        ],
    },
    {
        "type": "summons",
        "slots": "police, prosecutor or court summons target",
        "lemmas": [
            {"lemma": "summon", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was summoned by the police."]},
        ],
        "phrases": [
            {"rx": "\\b(?:was|were|been) (?:also |again |later )?called in\\b(?= (?:on [^.;,]{1,25}? )?(?:for (?:questioning|an interview|interrogation)|and (?:questioned|interrogated)))|\\bcalled (?:him|her|them|(?:[A-Z][\\w’'.-]+ ){1,3})in for (?:questioning|an interview|interrogation)\\b", "why": "'call in' is a summons only for questioning ('called in as attesting witnesses' is none)", "examples": ["On 20 January 2024, Tom Reed was also called in and questioned as a witness.", "On 20 January 2024, police called Tom Reed in for questioning."]},
            {"rx": "\\b(?:ordered|told|instructed|required) (?:(?:him|her|them|[A-Z][\\w’'-]+(?: [A-Z][\\w’'-]+){0,3}) )?to (?:appear|report) (?:before|at|to)\\b|\\b(?:called|invited) (?:in )?to (?:the |a |an )?(?:[\\w’'-]+ ){0,3}?(?:police station|police|prosecutor(?:’s|'s)? office|prosecutor|investigator|investigative committee|security service)\\b", "why": "a person told to appear before the police, a prosecutor or an investigator is summoned, whatever the verb", "examples": ["On 3 May 2024, Ana Lee was ordered to appear before the investigator.", "On 3 May 2024, Ana Lee was called to the Zenda police station."]},
            {"rx": "\\bcalled (?:in )?for questioning\\b", "why": "'call' is a summons only for questioning", "examples": ["On 3 May 2024, Ana Lee was called in for questioning."]},
            {"rx": "\\b(?:answered|answering|responded to|responding to|complied with|obeyed) (?:an? |the |his |her |their )?(?:[\\w’'-]+ )?summons\\b", "why": "a summons told by the person who answered it ('was arrested when she answered a summons to the police'): the summons of that day", "examples": ["Ana Lee was arrested on 3 May 2024 when she answered a summons to the Zenda police."]},
            {"rx": "\\b(?:received|(?:was|were) (?:served|handed)(?: with)?|served (?:him|her|them) with|issued) (?:an? |the )?(?:new |second |third |another |[\\w’'-]+ )?summons\\b", "why": "the noun 'summons' with the verb that delivers it: the verbs alone are no event", "examples": ["On 3 May 2024, Ana Lee received a summons from the Zenda police.", "On 3 May 2024, Tom Reed was served with a summons to appear before an investigator."]},
        ],
    },
    {
        "type": "interrogation",
        "slots": "police or investigator question target",
        "lemmas": [
            {"lemma": "question", "frames": ACTS, "examples": ["On 3 May 2024, investigators questioned Ana Lee for six hours."]},
            {"lemma": "interrogate", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was interrogated by the security service."]},
        ],
        "phrases": [
            {"rx": "(?:(?<=was\\s)|(?<=were\\s)|(?<=been\\s))held for (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few|many) hours\\b(?=[^.;]{0,90}?\\band (?:asked|questioned|interrogated)\\b)", "why": "a stay of counted hours at the police with questions put ('were held for five hours at a police station and asked about their contacts') is a questioning, not a custody", "examples": ["On 3 May 2024, Ana Lee was held for six hours at a police station and asked about her work."]},
            {"rx": "\\b(?:interviewed|grilled) (?:for (?:[\\w’'-]+ ){1,3}?(?:hours?|days?) )?by (?:the )?(?:[\\w’'-]+ ){0,3}?(?:police|investigators?|officers?|agents?|prosecutors?|security|detectives?)\\b|\\bsubjected (?:[\\w’'-]+ ){0,4}?to (?:an? |long |lengthy |hours of )?(?:interrogations?|questioning)\\b", "why": "'interview' and 'subject to' are a questioning only by the police or with the noun as complement", "examples": ["On 3 May 2024, Ana Lee was interviewed by police officers for five hours.", "On 3 May 2024, agents subjected Ana Lee to lengthy questioning."]},
        ],
    },
    {
        "type": "investigation",
        "slots": "police, prosecutor or a court open or order an investigation of target",
        "lemmas": [
            # "open", "launch", "start" are events only with an investigation as object
            {"lemma": "open", "object": INQUIRY, "frames": ACTS, "examples": ["On 3 May 2024, the prosecutor opened an investigation into Ana Lee.", "On 3 May 2024, a criminal investigation was opened against Ana Lee."]},
            {"lemma": "launch", "object": INQUIRY, "frames": ACTS, "examples": ["On 3 May 2024, the police launched an inquiry into the Zembla Rights Centre."]},
            {"lemma": "start", "object": INQUIRY, "frames": ACTS, "examples": ["On 3 May 2024, the police started an investigation into Ana Lee."]},
            {"lemma": "begin", "forms": ["began", "begun"], "object": INQUIRY, "frames": ACTS, "examples": ["On 3 May 2024, the prosecutor began a probe into Ana Lee."]},
            {"lemma": "initiate", "object": INQUIRY, "frames": ACTS, "examples": ["On 3 May 2024, an investigation was initiated against Ana Lee."]},
        ],
        "phrases": [
            {"rx": "\\b(?:informed|told|notified)\\b[^.;]{0,80}?\\b(?:he|she|they|it) (?:was|were) (?:a )?suspect(?:ed)?\\b", "why": "a person told they are a suspect: the reported clause, not the verb, is the event", "examples": ["On 3 May 2024, police told Ana Lee that she was suspected of sedition."]},
            {"rx": "\\bordered (?:[^.;]{0,100}? )?to investigate\\b|\\b(?:transferred|handed(?: over)?) the (?:[\\w’'-]+ )?investigation (?:to|over to)\\b", "why": "'order' and 'hand over' are events only with an investigation as object", "examples": ["On 3 May 2024, the court ordered the counter-terrorism unit of the police (CTU) to investigate the case again.", "On 3 May 2024, the government handed the investigation to the national agency."]},
            {"rx": "for further investigation|(?:(?:placed|put|kept) )?under investigation", "why": "a case sent back for, or placed under, investigation (the verb read with it, so that its passive's subject is what is investigated)", "examples": ["On 3 May 2024, the case was returned for further investigation.", "On 3 May 2024, Ana Lee was placed under investigation for extremism."]},
        ],
    },
    {
        "type": "raid",
        "slots": "police raid premises of target",
        "lemmas": [
            {"lemma": "raid", "frames": ACTS, "examples": ["On 3 May 2024, police raided the office of the Zembla Rights Centre."]},
            {"lemma": "raid", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee lost her archive in a raid on 3 May 2024."]},
            # premises entered and turned over, by police or by men unknown, as a break-in is
            {"lemma": "ransack", "frames": ACTS, "examples": ["On 3 May 2024, unknown men ransacked the office of the Zembla Rights Centre.", "On 3 May 2024, the Zembla Rights Centre's office in Vela was ransacked and its files were stolen."]},
        ],
        "phrases": [
            {"rx": "\\bstormed (?:the |his |her |their |its )?(?:[\\w’'-]+ ){0,3}?(?:offices?|premises|home|house|headquarters|newsroom|flat|apartment|building)\\b", "why": "'storm' is a raid with premises as object", "examples": ["On 3 May 2024, police stormed the offices of the Zembla Rights Centre."]},
            {"rx": "\\b(?:broke|broken) into (?:the |his |her |their |its )?(?:[\\w’'-]+ ){0,3}?(?:offices?|premises|home|house|headquarters|newsroom|flat|apartment|building|studio)\\b|\\b(?:offices?|premises|home|house|headquarters|newsroom|flat|apartment|studio) (?:of [^.;,]{1,60}? )?(?:was |were |had been |has been )broken into\\b", "why": "'break into' is a raid with premises as object, or as the subject of its passive", "examples": ["On 3 May 2024, police broke into the home of Ana Lee.", "On 3 May 2024, unknown men broke into the office of the Zembla Rights Centre.", "On 3 May 2024, the offices of the Zembla Rights Centre were broken into and computers were stolen."]},
            {"rx": "\\b(?:[Tt]he|[Aa]) raid on\\b", "why": "the noun with the premises it hit, dated anywhere in its clause", "examples": ["The raid on the Zembla Rights Centre took place on 3 May 2024."]},
        ],
    },
    {
        "type": "search",
        "slots": "police search target or their premises",
        "lemmas": [
            {"lemma": "search", "pos": "noun", "frames": ["ordered"], "examples": ["On 3 May 2024, the prosecutor authorised a search of the home of Ana Lee."]},
            {"lemma": "search", "frames": ACTS, "examples": ["On 3 May 2024, police searched the home of Ana Lee."]},
            {"lemma": "search", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee lost her archive in the search of the home of Ana Lee on 3 May 2024."]},
        ],
        "phrases": [],
    },
    {
        "type": "seizure",
        "slots": "agent seizes, confiscates or freezes property of target",
        "lemmas": [
            {"lemma": "confiscate", "frames": ACTS, "examples": ["On 3 May 2024, police confiscated the laptops of Ana Lee."]},
            {"lemma": "freeze", "forms": ["froze", "frozen"], "frames": ACTS, "examples": ["On 3 May 2024, the bank froze the accounts of the Zembla Poets Union."]},
            {"lemma": "impound", "frames": ACTS, "examples": ["On 3 May 2024, police impounded the car of Ana Lee."]},
        ],
        "phrases": [
            {"rx": "\\b(?:seized|took away|removed)\\b(?! (?:in|at) [A-Z])|(?<=,\\s)taking away\\b", "why": "a person 'seized in' a place is arrested (see arrest); things seized or taken away are a seizure (also the participle after a comma: 'searched the office, taking away two laptops')", "examples": ["On 3 May 2024, officers seized her notebooks.", "On 3 May 2024, investigators searched the office of the Zenda Watch, taking away two laptops."]},
            {"rx": "\\btook (?:away )?(?:[\\w’']+ ){0,4}(?:computers?|laptops?|phones?|documents|equipment|devices|hard drives|files|belongings|passports?|cameras?|notebooks?|money|cash)\\b|\\b(?:computers?|laptops?|phones?|documents|files|devices|equipment) (?:were |was )?taken\\b", "why": "'take' is a seizure only with property as object", "examples": ["On 3 May 2024, officers searched her flat and took some of her belongings.", "On 3 May 2024, officers searched her office and took copies of her clients' files."]},
            {"rx": "\\bfreez(?:e|ing) (?:of )?(?:the |its |his |her |their )?(?:[\\w$.,-]+ ){0,4}?(?:assets|accounts|funds)\\b|\\bseizure of\\b|\\bforfeit(?:ing|ure of)\\b", "why": "the nouns of a freeze or forfeiture with what they hit", "examples": ["On 3 May 2024, a court ordered the freezing of her bank accounts."]},
        ],
    },
    {
        "type": "arrest",
        "slots": "agent arrests target; target is arrested (by agent); target's arrest on a date",
        "lemmas": [
            {"lemma": "arrest", "frames": [*ACTS, "state"], "examples": ["Police arrested the poet Ana Lee on 3 May 2024.", "On 3 May 2024, Ana Lee was arrested by police."]},
            {"lemma": "rearrest", "frames": [*ACTS, "state"], "examples": ["On 3 May 2024, Ana Lee was rearrested."]},
            {"lemma": "apprehend", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was apprehended by police."]},
            # "police detained her", "she was detained": the arrest; "detained since May",
            # "remained detained": the custody (see detention)
            {"lemma": "detain", "frames": ACTS, "examples": ["On 3 May 2024, police detained Ana Lee at her home."]},
            {"lemma": "arrest", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee has been held since her arrest on 3 May 2024."]},
            {"lemma": "re-arrest", "frames": [*ACTS, "state"], "examples": ["On 3 May 2024, Ana Lee was re-arrested."]},
            {"lemma": "rearrest", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee has been held since her rearrest on 3 May 2024."]},
            {"lemma": "re-arrest", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee has been held since her re-arrest on 3 May 2024."]},
        ],
        "phrases": [
            {"rx": "\\b(?:placed|put) (?:him |her |them )?under arrest\\b", "why": "an idiom: placed under arrest", "examples": ["On 3 May 2024, police placed her under arrest."]},
            {"rx": "\\bordered (?:the |his |her |their )arrest\\b|\\btook (?:[\\w’'.-]+ ){1,6}?away\\b(?! (?:his|her|their|the|an?) )", "why": "who orders an arrest acts in it ('order' alone is no arrest); 'took X away' is the active of 'taken away' (not 'took away his phone')", "examples": ["On 3 May 2024, the prosecutor ordered the arrest of Ana Lee.", "On 3 May 2024, police took Ana Lee away."]},
            {"rx": "\\b(?:taken|led) away\\b|\\bpicked (?:(?:him|her|them) )?up\\b|\\bsurrendered to\\b|(?:(?<=was\\s)|(?<=were\\s))taken from (?:his|her|their|the) (?:[\\w’'-]+ )?(?:home|house|office|workplace|car|bed)\\b", "why": "phrasal verbs for an arrest: taken away, picked up, surrendered to the police, taken from one's home (by men who do not say who they are: a disappearance)", "examples": ["On 3 May 2024, Ana Lee was picked up by police.", "On 3 May 2024, officers picked him up outside his home.", "On 3 May 2024, Ana Lee was taken from her home by police officers."]},
            {"rx": "(?:(?<=was\\s)|(?<=were\\s)|(?<=then\\s)|(?<=later\\s)|(?<=first\\s)|(?<=handcuffed\\sand\\s))(?:taken|brought) to (?:the )?(?:[\\w’'()-]+ ){0,5}?(?:police station|building|headquarters)\\b", "why": "people taken to a police station or the building of a security body are held there: an arrest", "examples": ["On 3 May 2024, Ana Lee and Tom Reed were taken to the State Security Service building in Zenda."]},
            {"rx": "(?:(?<=was\\s)|(?<=were\\s))held (?:for (?:[\\w-]+ ){1,2}hours )?(?:at|in) (?:the |an? )?(?:[\\w’'-]+ ){0,2}?(?:airport|checkpoint|border (?:crossing|post))\\b|(?:(?<=was\\s)|(?<=were\\s))held for (?:[\\w-]+ ){1,2}hours (?:at|in) (?:the |an? )?(?:[\\w’'-]+ ){0,2}?police station\\b", "why": "'hold' is an arrest only at an airport, checkpoint or border, or for hours at a police station (held there with no term is custody, read by the detention entry)", "examples": ["On 3 May 2024, Ana Lee was held at the airport for six hours.", "On 3 May 2024, Ana Lee was held for several hours at the border crossing.", "On 3 May 2024, Ana Lee was held for six hours at a police station."]},
            {"rx": "\\bbundled (?:[\\w’'-]+ ){0,4}?into (?:a|an|the|their|an unmarked) (?:[\\w’'-]+ )?(?:car|van|vehicle|minibus|SUV|jeep)\\b", "why": "people put into a vehicle by force are taken: an arrest (by strangers, a disappearance)", "examples": ["On 3 May 2024, police officers bundled Ana Lee into a van.", "On 3 May 2024, Ana Lee was bundled into a car by police officers."]},
            {"rx": "\\brounded up\\b", "why": "a phrasal verb for a mass arrest: police rounded up the protesters", "examples": ["On 3 May 2024, police rounded up Ana Lee and ten other protesters."]},
            {"rx": "\\btook (?:him|her|them) (?:away )?to (?:the |a )?(?:[\\w’'()-]+ ){0,4}?police (?:station|headquarters)\\b", "why": "the active of 'taken to the police station' (above)", "examples": ["On 3 May 2024, police officers came to the home of Ana Lee and took her to the police station."]},
            {"rx": "\\bstopped (?:by|the car)|\\b(?:took|taken) (?:[^.;]{0,40}? )?(?:back )?into (?:criminal |police )?(?:custody|detention)|\\btook (?:him|her|them|(?:(?:Mr|Ms|Mrs|Dr)\\.? )?(?:[A-Z][\\w’'.-]+ ){0,2}[A-Z][\\w’'-]+) (?:away )?from (?:outside |in front of )?(?:his|her|their) (?:home|house|flat|office)|\\bformal arrest\\b|\\b(?:was|were) seized (?:in|at) [A-Z]", "why": "'take', 'stop' and 'seize' are an arrest only with custody or a person taken from home as object", "examples": ["On 3 May 2024, Ana Lee was taken into custody.", "On 3 May 2024, officers took her from her home.", "On 3 May 2024, police officers took Tom Reed from outside his office."]},
        ],
    },
    {
        "type": "charge",
        "slots": "prosecutor or police charge target; target is charged, indicted or referred to trial",
        "lemmas": [
            {"lemma": "charge", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was charged with sedition."]},
            {"lemma": "indict", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was indicted."]},
            {"lemma": "prosecute", "frames": ["passive", "perfect"], "examples": ["In May 2024, Ana Lee was prosecuted for her poems."]},
            {"lemma": "indictment", "pos": "noun", "frames": ["nominal"], "examples": ["Her lawyers asked for the file after the indictment of Ana Lee on 3 May 2024."]},
        ],
        "phrases": [
            {"rx": "\\b(?:[Pp]rosecut\\w*|[Aa]ttorney|[Pp]rocura\\w*)\\b[^.;]{0,60}?\\b(?:filed|lodged|brought) (?:a |the )?(?:criminal )?case against\\b", "why": "a prosecutor who files a case against someone charges them (the police filing a case open one)", "examples": ["On 3 May 2024, the District Government Attorney Office filed a case against Ana Lee under Section 47 of the Press Act."]},
            {"rx": "\\breferred (?:the case |the file )?to (?:the )?(?:[\\w’'-]+ ){0,3}(?:[Cc]ourt|[Tt]ribunal|trial)\\b|\\bsent to trial\\b", "why": "'refer' and 'send' are a charge only with a court or trial as destination", "examples": ["On 3 May 2024, the case was referred to the Zenda City Court."]},
            {"rx": "\\b(?:referred|sent) (?:him|her|them|(?:his|her|their) (?:case|file)s?|(?:the )?(?:case|file)s? (?:of|against)(?: [\\w’'.-]+){1,6}?|" + POSSESSOR + "(?:case|file)s?|(?:[A-Z][\\w’'.-]+ ){1,5}?[A-Z][\\w’'-]+) (?:for trial )?(?:to|before) (?:the |a )?(?:[\\w’'-]+ ){0,4}?(?:[Cc]ourt|[Tt]ribunal|trial)\\b", "why": "the active of the referral above, the one referred named between the verb and the court ('the prosecution referred him to the X Court', 'sent Ana Lee to trial')", "examples": ["On 3 May 2024, the Public Prosecution referred Ana Lee to the Specialised Criminal Court.", "On 3 May 2024, the prosecutor referred the case of Tom Reed to the Zenda City Court.", "On 3 May 2024, the prosecution referred his case to the Zenda Criminal Court.", "On 3 May 2024, the investigating judge sent them to trial before the Zenda Criminal Court."]},
            {"rx": "\\baccused (?:(?:[A-Z][\\w’'.-]+ ){1,4}|\\w+ )?of [^.;]{1,100}? (?:under (?:Articles?|Sections?|[Aa]rts?\\.|(?:the )?[A-Z])|\\((?:Articles?|Sections?|[Aa]rts?\\.) \\d)|(?:(?<=arrested\\sand\\s)|(?<=detained\\sand\\s))accused of\\b|\\b(?:accepted|admitted) (?:the |an? )?indictment\\b|\\bindictments?,? (?:was |were |had been )?(?:accepted|admitted) by\\b", "why": "'accuse' is a charge where the offence's legal basis is named with it (after 'under' or in brackets, the accused named between) or where it follows the arrest ('arrested and accused of'); a court that accepts the indictment sends the case to trial", "examples": ["On 3 May 2024, Ana Lee was accused of spreading false information under Article 212 of the Criminal Code.", "On 3 May 2024, the prosecutor accused Ana Lee of usurpation (Article 256 of the Penal Code).", "On 3 May 2024, Tom Reed was arrested and accused of obstructing the course of justice.", "On 3 May 2024, the court accepted the indictment against Ana Lee.", "The indictment, accepted by the Zenda Criminal Court on 3 May 2024, seeks ten years."]},
            {"rx": "(?:(?<=was\\s)|(?<=were\\s))added to (?:an? |another |the )?(?:new |second |third |separate |fresh )?(?:criminal )?case\\b|\\badded (?:him|her|them|(?:[A-Z][\\w’'.-]+ ){1,3}[A-Z][\\w’'-]+) to (?:an? |another |the )?(?:new |second |third |separate |fresh )?(?:criminal )?[Cc]ase\\b", "why": "a person added to a (new) case is charged in it, as the prosecutions that 'recycle' detainees into new cases do", "examples": ["On 3 May 2024, Ana Lee was added to a new case on similar charges.", "On 3 May 2024, the prosecution added Tom Reed to Case No. 1234 of 2024."]},
            {"rx": "\\bindictments? (?:was |were )?(?:forwarded|filed|submitted)\\b|\\bcharges (?:were )?framed\\b|\\bframed charges\\b|\\bformally accused of\\b", "why": "the nouns of a charge with the verbs that bring it", "examples": ["On 3 May 2024, Ana Lee was formally accused of sedition."]},
            {"rx": "\\b(?:criminal |new |fresh )?charges? (?:[\\w’'-]+ ){0,3}?(?:was |were |had been |have been |has been )?brought against\\b|\\badd(?:ed|ing) (?:new |further |fresh |more )?charges\\b|\\bcharge sheet\\b|probable cause to charge|\\bon (?:a |the )?(?:criminal )?charges? of\\b", "why": "the nouns of a charge with the verbs that bring it", "examples": ["On 3 May 2024, the police filed a charge sheet against Ana Lee."]},
            {"rx": "\\b(?:filed|brought|pressed|laid|lodged|forwarded|submitted|issued) (?:an? |the )?(?:new |fresh |criminal |formal |additional )*(?:charges?|indictments?) (?:(?:of|for|under) [^.;]{1,160}? )?against\\b", "why": "'file' and 'bring' are a charge only with charges as object (the offence or the law may stand between the charges and whom they are against)", "examples": ["On 3 May 2024, the prosecutor forwarded indictments against Ana Lee to the Zenda High Court.", "On 3 May 2024, the police filed new charges against Ana Lee.", "On 3 May 2024, the prosecutor filed charges of sedition under Section 4 of the Public Order Act against Ana Lee."]},
            {"rx": "\\b(?:named|name|declared|declare) (?:[\\w’'.-]+ ){0,6}?(?:as )?(?:an? |the )?(?:main |prime |principal )?suspects?\\b", "why": "'name' and 'declare' are a charge only with 'a suspect' as complement: the formal step by which the police or prosecution accuse someone in many criminal procedures", "examples": ["On 3 May 2024, the police named Ana Lee as a suspect under the Cybercrime Act.", "On 3 May 2024, the prosecutor instructed the police to name Mr. Tom Reed as a suspect.", "On 3 May 2024, Ana Lee was declared a suspect."]},
            {"rx": "\\b(?:faces?|facing) (?:[\\w’']+ ){0,2}charges? (?:of|under)\\b|\\bpleaded not guilty to (?:the )?charges?\\b|\\b(?:is|are) (?:also )?on trial\\b|\\bincludes? charges? (?:of|under)\\b", "why": "standing charges, told without the act that brought them (undated)", "examples": []},
        ],
    },
    {
        "type": "detention",
        "slots": "court orders custody of target; target is remanded, kept or placed in detention, transferred between places of custody",
        "lemmas": [
            {"lemma": "detention", "pos": "noun", "frames": ["ordered"], "examples": ["On 4 May 2024, the court ordered the detention of Ana Lee for two months."]},
            {"lemma": "remand", "frames": [*ACTS, "state"], "examples": ["On 4 May 2024, the court remanded Ana Lee in custody."]},
            {"lemma": "detain", "frames": ["state"], "examples": ["Ana Lee has been detained since 4 May 2024."]},
        ],
        "phrases": [
            {"rx": "\\bplaced (?:him |her |them |(?:[A-Z][\\w’'.-]+ ){1,3})?under (?:an? |the )?(?:committal|detention|remand) (?:order|warrant)\\b|\\bissued (?:an? |the )?(?:committal|remand) (?:order|warrant) (?:against|for)\\b", "why": "a committal order or warrant (the mandat de dépôt of the courts of the French tradition) puts the person in custody, as 'placed in pre-trial detention' does", "examples": ["On 3 May 2024, an investigating judge placed them under committal order in Vela prison.", "On 3 May 2024, the magistrate issued a committal warrant against Ana Lee."]},
            {"rx": "\\b(?:pre-?trial|preventive|provisional) detention (?:was )?ordered|\\bordered (?:[\\w’']+ ){0,3}(?:pre-?trial|preventive|provisional) detention|(?<!against\\sthe\\s)(?<!against\\sa\\s)(?<!challenged\\sthe\\s)(?<!challenging\\sthe\\s)(?<!appealed\\sthe\\s)\\bdetention order\\b|\\bremand (?:was )?extended|\\bextended (?:[\\w’']+ )?remand", "why": "'order' and 'extend' are custody only with detention or remand as object", "examples": ["On 4 May 2024, the court ordered two months of pre-trial detention for Ana Lee.", "On 4 May 2024, Judge Tom Reed ordered nine months of preventive detention against Ana Lee."]},
            {"rx": "(?<!arrested\\sand\\s)(?<!detained\\sand\\s)(?<!arrested,\\sand\\s)(?<!detained,\\sand\\s)\\b(?:taken|sent|transferred|moved|returned|brought|driven)(?: (?:him|her|them|both men|both women|the \\w+))? (?:back )?(?:on \\d[\\w ]{0,20}? )?(?:from [^.;]{0,60}? )?to (?:[\\w’'-]+,? ){0,5}?(?:[Pp]rison|[Jj]ail|detention|penal colony|[Rr]emand|custody|ward|cells?|facility|[Cc]orrectional|[Pp]enitentiary|[Gg]aol|(?:[Mm]ilitary|[Pp]rison|[Dd]etention) camp)\\b", "why": "verbs of motion are custody (a transfer) only with a place of custody as destination", "examples": ["Ana Lee was transferred on 4 May 2024 from the central prison to Zenda Prison.", "On 4 May 2024, Ana Lee was moved to a pre-trial facility in Zenda.", "On 4 May 2024, Ana Lee was taken to the Zenda Women's Correctional Centre.", "On 4 May 2024, Ana Lee was transferred to Vela, a military camp in the north."]},
            {"rx": "\\b(?:kept|held|placed) in solitary confinement\\b|\\b(?:remained|stayed) in (?:[\\w’'-]+ ){0,4}(?:[Jj]ail|[Pp]rison|custody|detention)\\b", "why": "'keep', 'hold', 'remain' are custody only with a place or kind of custody", "examples": ["On 4 May 2024, Ana Lee was placed in solitary confinement."]},
            {"rx": "ordered (?:his|her|their) detention|extended (?:it|his detention|her detention|their detention)|\\bextended\\b[^.]{0,30}detention|\\bextend (?:the period of )?(?:his|her|their) detention|kept (?:him|her|them) (?:behind bars|in detention|in custody)|should (?:stay|remain) in detention|\\b(?:renewed|extended|prolonged) (?:" + POSSESSOR + ")(?:pre-?trial |pretrial |provisional |preventive )?detention\\b|renewed (?:his|her|their) (?:pre-?trial |pretrial )?detention|administrative detention|\\bheld (?:there )?for (?:[\\w’']+ )?(?:hours|days)\\b", "why": "'order', 'extend', 'keep', 'renew' are custody only with detention as object", "examples": ["On 4 May 2024, the court extended her detention by two months."]},
            {"rx": "\\b(?:placed|put) (?:[\\w’'.-]+ ){0,4}?under (?:house arrest|residential surveillance|[“\\\"]residential|[A-Z]{3,5}\\b)|\\bsent (?:him|her|them) to (?:[\\w’']+ )?(?:custody|pre-trial detention)|\\b(?:was|were) (?:then |later |being )?held (?:under|at|in) (?:the )?(?:(?:[a-z]+ )?(?:offices?|headquarters|premises|building) of (?:the )?)?[A-Z]", "why": "house arrest and its kin, and 'held' with a named place", "examples": ["On 4 May 2024, Ana Lee was held at the central office of the Zembla Security Service.", "On 4 May 2024, Ana Lee was placed under house arrest.", "On 4 May 2024, the judge placed Mr. Tom Reed under house arrest."]},
            {"rx": "\\b(?:placed|put) (?:[\\w’'.-]+ ){0,5}?in (?:pre-?trial |preventive |provisional )?(?:detention|custody)\\b", "why": "'place' and 'put' are custody only with detention or custody as where someone is put", "examples": ["On 4 May 2024, the investigating judge placed all three in pre-trial detention.", "On 4 May 2024, Ana Lee was placed in preventive detention."]},
            {"rx": "\\b(?:reappeared|resurfaced|turned up)\\b(?=[^.;]{0,30}?\\bin (?:the )?(?:[\\w’'-]+ )?custody\\b)", "why": "one who disappeared and is next seen held: the custody began", "examples": ["Ana Lee disappeared on 3 May 2024 and reappeared on 5 May 2024 in police custody."]},
            {"rx": "(?:(?<=was\\s)|(?<=were\\s))(?:jailed|imprisoned|incarcerated|locked up)\\b(?! for (?:[\\w’'-]+ ){1,3}?(?:years?|months?)\\b)", "why": "'was jailed', 'were imprisoned' with no term: put in custody ('jailed for five years' is the sentence)", "examples": ["On 4 May 2024, Ana Lee was jailed.", "Ana Lee was jailed on 4 May 2024 after a protest.", "On 4 May 2024, Ana Lee was imprisoned.", "On 4 May 2024, Ana Lee was incarcerated in Zenda Prison.", "On 4 May 2024, Ana Lee was locked up in a police cell."]},
            {"rx": "\\b(?:detention|custody) (?:was |were |had been |has been )?(?:extended|prolonged|renewed)\\b|\\b(?:detention|custody) (?:was |were |had been |has been )ordered\\b", "why": "a custody ordered or extended, told with custody as the subject of the passive", "examples": ["On 4 May 2024, their detention was ordered by the police for 20 days.", "On 4 May 2024, her detention was extended by two months."]},
            {"rx": "\\b(?:placed|kept|held) (?:him |her |them )?in (?:pre-?trial |incommunicado )?(?:detention|custody)", "why": "'place', 'keep', 'hold' are custody only with detention or custody, in either voice", "examples": ["On 4 May 2024, Ana Lee was placed in pre-trial detention.", "On 4 May 2024, the judge placed her in pre-trial detention."]},
            {"rx": "\\b(?:decided|ordered|agreed) (?:on [^.;,]{0,25}? )?to keep (?:him|her|them) (?:behind bars|in (?:pre-?trial )?(?:detention|custody))\\b", "why": "a decision to keep in custody", "examples": ["On 4 May 2024, the court decided to keep her in custody."]},
            {"rx": "\\b(?:ordered|decided|ruled) that (?:[\\w’'.-]+ ){1,5}?(?:remain|stay|be (?:kept|held|detained|placed|remanded)) (?:in )?(?:(?:pre-?trial|preventive|provisional|police|[A-Z][\\w’'-]*) )?(?:detention|custody)\\b", "why": "a court's order told as a that-clause: the person is to stay or be put in custody (of a body named by its acronym too)", "examples": ["On 4 May 2024, the court ordered that Ana Lee remain in pre-trial detention for two months.", "On 4 May 2024, the judge ordered that both be held in custody.", "On 4 May 2024, the magistrate ordered that Tom Reed remain in ZSS custody."]},
            {"rx": "\\btransferred (?:him |her |them )?to (?:[\\w’']+ )?(?:prison|detention|jail|penal colony)", "why": "a transfer to a place of custody", "examples": []},
            {"rx": "(?:(?<=was\\s)|(?<=were\\s)|(?<=being\\s))transferred (?:on [^.;,]{1,25}? )?(?:from [^.;]{1,80}? )?to (?:the |an? )?(?![^.;]{0,60}?\\b(?:[Cc]ourts?|[Tt]ribunals?|[Pp]rosecut\\w*|[Jj]udges?|[Mm]inistry|jurisdiction|trial|[Bb]ank|[Aa]ccounts?)\\b)[A-Z]", "why": "the convention: a person moved between places of custody is a detention; 'transferred' told of the person held (the passive), to a place named (a prison, a camp, a city, a security body's building), not of a case sent to a court", "examples": ["On 3 May 2024, Ana Lee was transferred to Kondengui.", "On 3 May 2024, Tom Reed was transferred from the police station to the State Security Service building in Vela."]},
            {"rx": "\\bordered (?:him|her|them|(?:(?:[A-Z][\\w’'.-]+ ){0,3}[A-Z][\\w’'-]+,? and )?(?:[A-Z][\\w’'.-]+ ){0,3}[A-Z][\\w’'-]+) (?:to be )?(?:held|detained|kept|remanded|jailed) (?:in|for|pending|until|at)\\b", "why": "a court's order with the person held as its object (one, or two joined by 'and'): 'order' is custody only with 'held', 'detained' or 'jailed' and how long or where", "examples": ["On 4 May 2024, a judge ordered Tom Reed held for two months.", "On 4 May 2024, the court ordered her detained pending trial.", "On 4 May 2024, a judge ordered Ana Lee and Tom Reed jailed pending trial."]},
            {"rx": "\\bordered (?:him|her|them|(?:(?:[A-Z][\\w’'.-]+ ){0,3}[A-Z][\\w’'-]+,? and )?(?:[A-Z][\\w’'.-]+ ){0,3}[A-Z][\\w’'-]+) to (?:remain|stay) (?:in (?:(?:pre-?trial|preventive|provisional|judicial|police|[A-Z][\\w’'-]*) )?(?:detention|custody|prison|jail)|behind bars)\\b", "why": "a court's order that the person stay held, told with an infinitive ('ordered her to remain in custody'), as with a that-clause", "examples": ["On 4 May 2024, the court released Tom Reed on bail but ordered Ana Lee to remain in judicial custody.", "On 4 May 2024, the judge ordered them to stay behind bars."]},
            {"rx": "\\b(?:replaced|substituted|commuted|converted|changed) (?:the |his |her |their |" + POSSESSOR + ")?(?:pre-?trial |preventive |provisional )?(?:detention|custody|imprisonment)(?: of [^.;,]{1,40}?)? (?:with|to|into|for|by) house arrest\\b|\\b(?:transferred|moved) (?:him |her |them |(?:[A-Z][\\w’'.-]+ ){1,4})?from (?:the |a )?(?:[\\w’'-]+ ){0,4}?(?:detention|custody|prison|jail|[Rr]emand)(?: centre| center| facility)? to house arrest\\b", "why": "a custody changed by a court into house arrest is a custody decided anew (the convention: house arrest is a detention)", "examples": ["On 4 May 2024, the Zenda Court replaced the detention of Ana Lee with house arrest.", "On 4 May 2024, the court transferred Ana Lee from the pre-trial detention centre to house arrest."]},
            {"rx": "\\b(?:gave|granted|allowed) (?:the )?(?:police|investigators|prosecution|prosecutors?|security services?) (?:(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|a few|several|another) )?(?:more |further |additional |extra )?(?:days?|weeks?|months?) (?:(?:to|for) (?:(?:continue|complete|conclude|pursue) (?:the |their |its |his |her )?)?(?:investigat|hold|detain|keep|question|interrogat|further investigation)|of (?:police |judicial |pre-?trial )?(?:custody|detention|remand)\\b)", "why": "a court granting the police or the prosecution time to investigate or to hold someone (days of custody) is a remand in custody; time to examine devices or evidence is a deadline (a court decision)", "examples": ["On 4 May 2024, the Zenda First Instance Court granted the police 14 more days to investigate Ana Lee.", "On 4 May 2024, the court gave investigators ten days to complete their investigation of Tom Reed."]},
            {"rx": "\\bspent (?:[\\w’'-]+ ){1,3}?(?:hours|days?|weeks?|months?|years?) (?:in|under) (?:[\\w’'-]+ ){0,2}?(?:custody|detention|remand|prison|jail|confinement)\\b|\\b(?:days?|weeks?|months?) (?:of|in) (?:police |pre-?trial |judicial )?(?:custody|remand|solitary confinement)\\b", "why": "custody told by how long it lasted (a spell): a lasting situation, undated unless the text dates it; the spell is matched from its unit ('days of police remand'), a literal the scanner can skip to", "examples": ["Ana Lee spent ten days in police custody.", "Tom Reed was placed on five days of police remand."]},
        ],
    },
    {
        "type": "trial_hearing",
        "slots": "a hearing held or scheduled on a date; the trial opens or is adjourned",
        "lemmas": [
            {"lemma": "adjourn", "frames": ACTS, "examples": ["On 3 May 2024, the court adjourned the trial of Ana Lee."]},
            {"lemma": "postpone", "frames": ACTS, "examples": ["On 3 May 2024, the hearing of Ana Lee was postponed."]},
            {"lemma": "arraign", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was arraigned before the Zenda court."]},
            {"lemma": "try", "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was tried by the Zenda court."]},
            {"lemma": "hearing", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee appeared at a hearing on 3 May 2024."]},
            {"lemma": "trial", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee was ill during her trial on 3 May 2024."]},
            {"lemma": "arraignment", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee spoke at her arraignment on 3 May 2024."]},
        ],
        "phrases": [
            {"rx": "\\b(?:first|second|third|fourth|fifth|next|final|preliminary) (?:court |appeal )?(?:hearing|session)\\b|\\bheld (?:a |an |the )?(?:[\\w’'-]+ )?(?:trial|hearing)\\b|\\btrial (?:was )?held\\b|\\b(?:hearing|session)s? (?:(?:in|of) (?:the |his |her |their )?(?:case|trial) )?(?:was |were )(?:reportedly |allegedly |then |later )?(?:held|convened)\\b|\\b(?:hearing|session)s? (?:(?:in|of) (?:the |his |her |their )?(?:case|trial) )?took place\\b", "why": "the noun 'hearing' or 'trial' counted or held, wherever its date stands in the clause", "examples": ["The first hearing in the case of Ana Lee took place on 3 May 2024."]},
            {"rx": "\\bduring (?:the|his|her|their) (?:[\\w’'-]+ )?(?:trial|hearing)\\b", "why": "what happened during a trial tells that a hearing was held that day", "examples": ["On 3 May 2024, during the trial of Ana Lee, the judge expelled the observers."]},
            {"rx": "(?<!ordered\\sto\\s)(?<!summoned\\sto\\s)(?<!called\\sto\\s)(?<!required\\sto\\s)(?<!told\\sto\\s)\\bappear(?:ed|s)?(?= (?:again )?(?:in|before) (?:the |a |an )?(?:[\\w’'-]+ ){0,4}?(?:[Cc]ourt|[Jj]udge|[Mm]agistrate|[Tt]ribunal)s?\\b)|\\bappear(?:ed|s)? (?:again )?at (?:an? |the |his |her |their )(?:[\\w’'-]+ )?(?:hearing|trial)\\b", "why": "a defendant's appearance in court is a hearing held that day; 'appear' before a police officer or an investigator is not (a summons tells that)", "examples": ["On 3 May 2024, Ana Lee appeared before the Zenda District Court.", "On 3 May 2024, Tom Reed appeared at a hearing before Branch 4 of the Zenda Court."]},
            {"rx": "\\b(?:put|placed|stood|went) on trial\\b|\\bstood trial\\b", "why": "'put', 'stand' and 'go' are a trial only with 'trial' as complement", "examples": ["On 3 May 2024, Ana Lee was put on trial.", "On 3 May 2024, Ana Lee stood trial before the Zenda court."]},
            {"rx": "\\b(?:is|are|was|were) (?:due|scheduled|set|expected) to (?:stand|go on) trial\\b|\\bwill (?:stand|go on) trial\\b", "why": "a trial set for a day: a hearing the convention keeps, marked scheduled", "examples": ["Ana Lee is due to stand trial before the Zenda court on 3 May 2024."]},
            {"rx": "\\b(?:appeal|case|petition) (?:was |had been |has been )?heard\\b|\\bheard (?:the |his |her |their |" + POSSESSOR + ")?(?:[\\w’'-]+ )?(?:appeal|petition|application|case)\\b", "why": "'hear' is a hearing only with a case, appeal or petition as object", "examples": ["On 3 May 2024, the Supreme Court heard the appeal of Ana Lee.", "On 3 May 2024, the Supreme Court heard Ana Lee's appeal."]},
            {"rx": "\\btrial\\b(?:[^.;]|(?<=\\bM[rs])\\.|(?<=\\bMrs)\\.|(?<=\\bDr)\\.|\\.(?!\\s+[A-Z])){0,80}?\\b(?:opened|began|started|commenced)\\b|\\b(?:trial|hearing|hearings|case) (?:[^.;]{0,60}? )?(?:will|is to|is due to|is set to|was set to|was due to) (?:resume|continue|reopen|open|begin|start)\\b|\\b(?:trial|proceedings|hearings?) (?:began|started|opened)\\b", "why": "'open' and 'begin' are a hearing only with the trial or proceedings as subject", "examples": ["The trial of Ana Lee opened on 3 May 2024."]},
            {"rx": "\\b(?:trial|hearing)s? (?:of [^.;]{1,60}? )?(?:was |were )?(?:resumed|reopened)\\b|\\b(?:[Cc]ourt|[Tt]ribunal|[Jj]udge)s? (?:[\\w’'-]+ ){0,3}?tried (?:him|her|them|(?:[A-Z][\\w’'.-]+ ){1,4})(?!to\\b)", "why": "a trial resumed is a hearing that day; 'try' in the active is a trial only with a court as subject ('tried to' is no trial)", "examples": ["Tom Reed's trial resumed on 3 May 2024.", "On 3 May 2024, a military court tried Tom Reed behind closed doors."]},
            {"rx": "\\btestified\\b(?! that)", "why": "a witness's testimony is given at a hearing; 'testified that' reports a statement", "examples": []},
            {"rx": "\\b(?:is|are|was|were) (?:due|expected|scheduled|set) (?:back )?(?:in|before) (?:the |a |an )?(?:[\\w’'-]+ ){0,4}?(?:[Cc]ourt|[Jj]udge|[Mm]agistrate|[Tt]ribunal)s?\\b|\\b(?:has|have|had) been re-?scheduled (?:for|to)\\b|\\b(?:was|were) (?:later |then )?re-?scheduled (?:for|to)\\b", "why": "a defendant due back in court on a day, or a hearing rescheduled (told of the hearing, or of 'it'): a hearing the convention keeps, marked scheduled", "examples": ["Tom Reed was released on bail and is due back in court on 3 July 2024.", "The hearing of Ana Lee was postponed. It has been rescheduled for 3 July 2024."]},
            {"rx": "\\b(?:trial|hearing|hearings)\\b(?: (?:of|in|against|before) [^.;]{1,60}?)? (?:is|are|was|were|has been|had been|have been) (?:now |again )?(?:scheduled|set|fixed|slated|listed|due) (?:to (?:open|begin|start|resume) )?(?:for|on)\\b", "why": "a trial or hearing set for a day (with the case or the court it is before): a hearing the convention keeps, marked scheduled", "examples": ["Her trial is scheduled for 3 July 2024.", "The trial of Ana Lee was set for 3 July 2024.", "A hearing before the Appeals Chamber of the Zenda Court is scheduled for 3 July 2024."]},
            {"rx": "\\b(?:is|are|was|were) (?:due |scheduled |set |expected )?to (?:hear|examine|consider) (?:the |his |her |their |its |" + POSSESSOR + ")?(?:[\\w’'-]+ )?(?:appeals?|case|cases|applications?|petitions?)\\b|\\b(?:appeals?|case|cases|applications?|petitions?) (?:is|are|was|were) (?:due |scheduled |set |expected )?to be (?:heard|examined|considered)\\b", "why": "a court that is to hear or examine a case, an appeal or an application on a day, or one due to be heard: a hearing set for that day, marked scheduled ('hear' alone is no hearing: 'is to hear from')", "examples": ["The Zenda High Court is to hear their bail appeal on 26 August 2024.", "The Zenda Court of Appeal is due to examine the case on 19 November 2024.", "Her appeal is due to be heard on 24 July 2024."]},
            {"rx": "\\b(?:trial|hearing)(?: of (?:(?:Mr|Ms|Mrs|Dr)\\.? )?(?:[A-Z][\\w’'-]+ ){0,3}[A-Z][\\w’'-]+)?, held (?=on )", "why": "a trial or hearing told with its day in a participle set off after the noun ('The trial, held on 4 March, lasted four hours')", "examples": ["The trial of Ana Lee, held on 4 March 2024, lasted four hours.", "The trial, held on 4 March 2024, lasted four hours."]},
            {"rx": "\\b(?:set|fixed|scheduled|listed) (?:the |a |her |his |their )?(?:next |new |first |further )?(?:hearing|trial)s? (?:(?:on|in|of|into) (?:the |an? |his |her |their )?(?:[\\w’'-]+ )?(?:appeals?|case|petition|application|matter|complaint) )?(?:date )?for\\b|\\b(?:is|are|was|were) (?:due|expected|scheduled|set) to be (?:produced|brought|presented) (?:again |back )?(?:in|before) (?:the |a |an )?(?:[\\w’'-]+ ){0,4}?(?:[Cc]ourt|[Jj]udge|[Mm]agistrate|[Tt]ribunal)s?\\b", "why": "a court that sets the next hearing for a day: that hearing, marked scheduled, beside what the court did that day", "examples": ["On 3 May 2024, the magistrate remanded Tom Reed and set the next hearing for 17 May 2024."]},
        ],
    },
    {
        "type": "sentence",
        "slots": "court sentences target to a penalty",
        "lemmas": [
            {"lemma": "sentence", "frames": ACTS, "examples": ["On 3 May 2024, the court sentenced Ana Lee to five years in prison."]},
            {"lemma": "sentencing", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee has appealed against her sentencing on 3 May 2024."]},
        ],
        "phrases": [
            {"rx": "\\b(?:sentences?|prison terms?|terms?|verdicts?) (?:of [^.;]{1,60}? )?(?:was |were )?(?:-|–|—)?\\s?handed down\\b|\\b(?:verdict|sentence), (?:issued|delivered|pronounced|handed down) (?=on )", "why": "a phrasal verb: a sentence handed down (with its term between: 'the sentence of five years in prison handed down on'); a verdict or sentence with its day in a participle set off after it", "examples": ["Ana Lee heard on 3 May 2024 that a prison sentence was handed down.", "The Zembla Rights Centre condemns the sentence of five years in prison handed down on 3 May 2024 to Ana Lee.", "The verdict, issued on 3 May 2024, was read out to Ana Lee."]},
            {"rx": "found (?:(?!not )[\\w’'.-]+ )*guilty|\\breceived (?:[\\w’']+ ){0,4}years?\\b|\\breceived (?:an? )?(?:[\\w’'-]+ ){0,2}?(?:suspended |prison |jail )?(?:sentence|prison term)\\b", "why": "'find' and 'receive' are a sentence only with guilt, a term or a sentence", "examples": ["On 3 May 2024, the Zenda court found Mr. Reed guilty of insulting officials.", "On 3 May 2024, Ana Lee received five years in prison.", "On 3 May 2024, Tom Reed received an 18-month suspended sentence."]},
            {"rx": "\\b(?:was|were|had been|and) (?:given|handed) " + TERM + " (?:in (?:prison|jail)|of (?:imprisonment|prison|jail))\\b|\\b(?:(?:was|were|had been) (?:given|handed)|(?:gave|handed) (?:him|her|them|(?:[A-Z][\\w’'-]+ ){0,3}[A-Z][\\w’'-]+)) (?:an? |the )?(?:[\\w’'-]+ ){0,3}?(?:sentences?|(?:prison )?terms?)\\b|\\b(?:jailed|imprisoned) for (?:[\\w’'-]+ ){1,3}?(?:years?|months?)\\b", "why": "'give', 'hand', 'jail for' and 'imprison for' are a sentence only with a sentence, a term or years", "examples": ["On 3 May 2024, Ana Lee was given a three-year prison term.", "On 3 May 2024, a Zenda court handed her a two-year prison sentence.", "On 3 May 2024, Ana Lee was jailed for five years.", "On 3 May 2024, Tom Reed was imprisoned for eighteen months."]},
            {"rx": "\\bcondemned (?:(?:him|her|them) |(?:[A-Z][\\w’'-]+ ){1,4})?to (?:(?:an?|the) )?(?:[\\w’'-]+ ){0,3}?(?:years?|months?|death|life|prison|imprisonment|jail)\\b", "why": "'condemn' is a sentence only with a penalty as its complement ('condemned the arrest' is a comment)", "examples": ["On 3 May 2024, the Zenda City Court condemned Ana Lee to seven years in prison.", "On 3 May 2024, Tom Reed was condemned to death."]},
            {"rx": "\\b(?:raised|increased) (?:the |his |her |their |" + POSSESSOR + ")?(?:prison )?sentences? (?:to|by)\\b", "why": "'raise' is a sentence only with a sentence as object", "examples": ["On 3 May 2024, the appeal chamber raised the sentence to 34 years in prison."]},
            {"rx": "\\bhanded down (?:an? |the )?(?:[\\w’'-]+ ){0,3}?(?:prison |jail )?(?:sentences?|terms?) (?:to|on|against|for)\\b|\\b(?:jailed|imprisoned) (?:him |her |them |(?:[A-Z][\\w’'-]+ ){1,4})for (?:[\\w’'-]+ ){1,3}?(?:years?|months?)\\b", "why": "'hand down' is a sentence with a sentence and whom it is for; 'jail' and 'imprison' with the person and a term between them", "examples": ["On 3 May 2024, the Zenda Criminal Court handed down a ten-year sentence to Ana Lee.", "On 3 May 2024, the court jailed Ana Lee for five years."]},
        ],
    },
    {
        "type": "fine",
        "slots": "court or authority fines target",
        "lemmas": [
            {"lemma": "fine", "frames": ACTS, "examples": ["On 3 May 2024, the court fined Ana Lee 500 dinars."]},
            {"lemma": "impose", "object": "(?:an? |the )?(?:[\\w’'-]+ )?fine", "frames": ACTS, "examples": ["On 3 May 2024, the court imposed a heavy fine on the Zembla Poets Union.", "On 3 May 2024, a fine was imposed on Ana Lee."]},
        ],
        "phrases": [
            {"rx": "\\breplaced\\b[^.;]{0,100}?\\bwith an? (?:[\\w’'-]+ )?fine\\b|(?:\\bordered (?:him|her|them) |(?:(?<=was\\s)|(?<=were\\s))ordered )to pay (?:an? )?(?:[\\w’'-]+ )?fine\\b", "why": "'replace', 'order to pay' are a fine only with a fine as their complement", "examples": ["On 3 May 2024, the court replaced the rest of Ana Lee's prison term with a fine of 500 dinars.", "On 3 May 2024, Ana Lee was ordered to pay a fine of 500 dollars."]},
        ],
    },
    {
        "type": "acquittal",
        "slots": "court acquits target",
        "lemmas": [
            {"lemma": "acquit", "frames": ACTS, "examples": ["On 3 May 2024, the court acquitted Ana Lee."]},
            {"lemma": "acquittal", "pos": "noun", "frames": ["nominal"], "examples": ["The prosecutor appealed against her acquittal on 3 May 2024."]},
        ],
        "phrases": [
            {"rx": "\\bfound (?:(?:him|her|them|(?:[A-Z][\\w’'-]+ ){1,4}|(?:all|both) (?:[\\w’'-]+ )?)(?:of them )?)?not guilty\\b|\\bcleared (?:(?:him|her|them|(?:[A-Z][\\w’'-]+ ){1,4}) )?of (?:all )?(?:the )?(?:[\\w’'-]+ )?charges?\\b", "why": "'find' and 'clear' are an acquittal only with 'not guilty' or the charges as complement", "examples": ["On 3 May 2024, the Zenda City Court found Ana Lee not guilty.", "On 3 May 2024, Tom Reed was cleared of all charges."]},
        ],
    },
    {
        "type": "release",
        "slots": "target leaves custody: released, freed, pardoned",
        "lemmas": [
            {"lemma": "release", "frames": [*ACTS, "state"], "examples": ["On 3 May 2024, Ana Lee was released on bail."]},
            {"lemma": "free", "frames": [*ACTS, "state"], "examples": ["On 3 May 2024, the authorities freed Ana Lee."]},
            {"lemma": "pardon", "frames": ACTS, "examples": ["On 3 May 2024, the president pardoned Ana Lee."]},
            {"lemma": "parole", "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was paroled after serving half of her term."]},
            {"lemma": "release", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee has been under surveillance since her release on 3 May 2024."]},
        ],
        "phrases": [
            {"rx": "ordered (?:his|her|their) release", "why": "a court's order that frees the person", "examples": ["On 3 May 2024, the court ordered her release."]},
            {"rx": "\\b(?:replaced|commuted|converted|substituted) (?:the )?(?:unserved|remaining|remainder|rest)\\b[^.;]{0,50}?\\b(?:term|sentence|imprisonment)\\b", "why": "the rest of a prison term replaced by a lighter penalty: the person leaves prison", "examples": ["On 3 May 2024, the Zenda City Court replaced the unserved part of Ana Lee's five-year prison term with a fine."]},
            {"rx": "\\bgranted (?:(?:him|her|them|(?:[A-Z][\\w’'.-]+ ){1,3}[A-Z][\\w’'-]+) )?(?:an? )?(?:early |conditional |provisional )?(?:release|parole)\\b", "why": "release or parole granted: leaving custody", "examples": ["On 3 May 2024, Ana Lee was granted early release.", "On 3 May 2024, the court granted Ana Lee provisional release."]},
            {"rx": "\\b(?:walked|set) free\\b|\\bwalked out of (?:the )?(?:[\\w’'-]+ ){0,3}?(?:[Pp]rison|[Jj]ail|detention|custody|[Pp]enitentiary|[Cc]orrectional)", "why": "idioms of leaving custody", "examples": ["On 3 May 2024, Ana Lee walked free after completing her term.", "On 3 May 2024, Ana Lee walked out of Vela prison after serving her sentence."]},
            {"rx": "\\b(?:granted|given|received) (?:an? |the )?(?:[\\w’'-]+ )?pardon\\b", "why": "a pardon granted: leaving custody, as 'pardoned' is", "examples": ["On 3 May 2024, Ana Lee was granted a presidential pardon."]},
            {"rx": "\\b(?:was|were) (?:(?:later|then|also|finally|eventually|both|all) )?granted (?:[\\w’']+ ){0,2}bail\\b(?![^.;]{0,80}\\b(?:but|remained|remains|still|not|yet)\\b)", "why": "the convention: bail that frees the person is a release; told of the person ('were granted bail') it frees them unless the sentence goes on to say they stayed", "examples": ["In September 2023, Tom Reed and Eva Hart were granted bail."]},
        ],
    },
    {
        "type": "amnesty",
        "slots": "an amnesty covers target",
        "lemmas": [],
        "phrases": [
            {"rx": "\\bamnesty\\b", "why": "the noun names the act; lower case, so never the organisation", "examples": ["On 3 May 2024, Ana Lee was freed under an amnesty."]},
        ],
    },
    {
        "type": "appeal_filed",
        "slots": "target (or their lawyer) appeals to a court",
        "lemmas": [
            {"lemma": "appeal", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee appealed to the Supreme Court."]},
            # "lodge", "file", "submit" are an appeal only with an appeal as object
            {"lemma": "lodge", "object": AN_APPEAL, "frames": ACTS, "examples": ["On 3 May 2024, her lawyer lodged an appeal.", "On 3 May 2024, her appeal was lodged with the Supreme Court."]},
            {"lemma": "file", "object": AN_APPEAL, "frames": ACTS, "examples": ["On 3 May 2024, her lawyers filed a second appeal."]},
            {"lemma": "challenge", "object": A_JUDGMENT, "frames": ["active"], "examples": ["On 3 May 2024, Ana Lee challenged the verdict before the Supreme Court."]},
            {"lemma": "submit", "object": AN_APPEAL, "frames": ACTS, "examples": ["On 3 May 2024, an appeal was submitted to the Supreme Court."]},
            {"lemma": "appeal", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee lost her job soon after her appeal in April 2024."]},
        ],
        "phrases": [
            {"rx": "\\bobjected\\b(?! to (?:the |a |an )?(?:[\\w’'-]+ ){0,2}?(?:requests?|motions?|questions?|applications?|delays?|adjournments?)\\b)", "why": "an objection is an appeal against a decision; one to a request or a delay at a hearing is not", "examples": ["On 3 May 2024, her lawyer objected to the ruling."]},
            {"rx": "\\blodging (?:an?|the|his|her|their) (?:[\\w’'-]+ )?appeal\\b", "why": "the gerund of the lodging rows: 'by lodging a further appeal'", "examples": ["Ana Lee answered on 3 May 2024 by lodging a further appeal."]},
        ],
    },
    {
        "type": "court_decision",
        "slots": "court rules, upholds, dismisses or rejects; a bail decision that does not free",
        "lemmas": [
            {"lemma": "rule", "frames": ACTS, "examples": ["On 3 May 2024, the Supreme Court ruled that the arrest of Ana Lee was lawful."]},
            {"lemma": "uphold", "forms": ["upheld"], "frames": ACTS, "examples": ["On 3 May 2024, the Supreme Court upheld the verdict against Ana Lee."]},
            {"lemma": "quash", "frames": ACTS, "examples": ["On 3 May 2024, the verdict against Ana Lee was quashed."]},
            # "annulled", "reversed" undo a ruling: a decision only with one as object
            {"lemma": "annul", "object": A_JUDGMENT, "frames": ACTS, "examples": ["On 3 May 2024, the appeal court annulled the verdict against Ana Lee."]},
            {"lemma": "reverse", "object": A_JUDGMENT, "frames": ACTS, "examples": ["On 3 May 2024, the High Court reversed the decision to deport Ana Lee."]},
            {"lemma": "overturn", "forms": ["overturned"], "object": A_JUDGMENT, "frames": ACTS, "examples": ["On 3 May 2024, the Supreme Court overturned the conviction of Ana Lee."]},
            {"lemma": "void", "frames": ACTS, "examples": ["On 3 May 2024, the court voided the contract of the Zembla Poets Union."]},
        ],
        "phrases": [
            {"rx": "\\bconfirmed (?:the |his |her |their |" + POSSESSOR + ")?(?:[\\w’'-]+ ){0,2}?(?:sentences?|verdicts?|convictions?|judgments?)\\b|\\bdeclined to (?:quash|dismiss)\\b|\\b(?:objection|application|request|petition) (?:was )?(?:accepted|granted)\\b|\\b(?:accepted|granted) (?:an? |the |his |her |their )?(?:[\\w’'-]+ )?(?:objection|application|request|petition|motion)\\b", "why": "'confirm', 'accept', 'grant' are a decision only with a verdict or a request as object", "examples": ["On 3 May 2024, the appeal court confirmed the sentence of Ana Lee.", "On 3 May 2024, the court accepted the prosecutor's objection to her release."]},
            {"rx": "\\b(?:refused|rejected|denied|revoked|dismissed)\\b[^.;]{0,40}?\\bbail\\b|\\bbail\\b[^.;]{0,40}?\\b(?:was |were )?(?:refused|rejected|denied|revoked)\\b|\\b(?<!was\\s)(?<!were\\s)(?<!granted\\s)granted (?:[\\w’']+ ){0,3}bail\\b|\\b(?:was|were) (?:(?:later|then|also|finally|eventually|both|all) )?granted (?:[\\w’']+ ){0,2}bail\\b(?=[^.;]{0,80}\\b(?:but|remained|remains|still|not|yet)\\b)|\\bbail (?:was |were )?granted\\b", "why": "a bail decision (the convention: court_decision unless it frees; 'she was granted bail but remained in custody' does not)", "examples": ["On 3 May 2024, the court refused Ana Lee bail.", "On 3 May 2024, the judge granted her six months’ bail.", "On 3 May 2024, Ana Lee was granted bail but remained in custody on another charge."]},
            {"rx": "dismissed (?:the |his |her |their |" + POSSESSOR + ")?(?:[\\w’']+ ){0,2}?(?:appeals?|complaint|petition|application|motion)|\\bdelivered (?:its|the|a) (?:[\\w’'-]+ )?(?:judgment|verdict|ruling|decision)|\\bmerged (?:the |their )?(?:cases?|proceedings)\\b|\\bset aside\\b", "why": "'dismiss', 'deliver', 'merge' are a decision only with an appeal, judgment or case as object", "examples": ["On 3 May 2024, the Supreme Court dismissed her appeal."]},
            {"rx": "\\b(?:appeals?|requests?|application|petition|complaint|motion|cassation) (?:was |were |had been |has been )(?:(?:later|then|also|finally|subsequently|again) )?(?:rejected|dismissed|turned down|refused|upheld|granted)\\b", "why": "the passive of 'reject' and its kin, with the request as subject", "examples": ["Her appeal was rejected on 3 May 2024 by the Supreme Court."]},
            {"rx": "\\b(?:gave|granted|allowed) (?:the )?(?:prosecution|prosecutors?|police|investigators|defen[cs]e|state) (?:(?:\\d+|one|two|three|four|five|six|seven|ten|fourteen|fifteen|twenty|thirty|a few|several|another|more|further) )?(?:days?|weeks?|months?|more time|further time)\\b(?! (?:to|for) (?:(?:continue|complete|conclude|pursue) (?:the |their |its |his |her )?)?(?:investigat|hold|detain|keep|question|interrogat|further investigation))(?! of (?:police |judicial |pre-?trial )?(?:custody|detention|remand)\\b)", "why": "a court's deadline for a party (time to investigate or hold someone is custody, a detention): 'give' and 'grant' are a decision only with a party and a time as objects", "examples": ["On 3 May 2024, the Zenda City Court gave the prosecution 14 days to examine the laptop of Ana Lee."]},
            {"rx": "\\bissued (?:an? |the |its )?(?:international )?arrest warrants? (?:against|for)\\b|\\bissued (?:an? |the |its )?(?:international )?warrants? for (?:the |their |his |her )?arrest\\b", "why": "'issue' is a court decision with an arrest warrant against someone as its object (the corpus gold codes a warrant so; 'arrested on a warrant issued by' is the arrest)", "examples": ["On 20 January 2024, the Criminal Court of Zenda issued arrest warrants against Ana Lee and Tom Reed.", "On 20 January 2024, the Criminal Court of Zenda issued warrants for the arrest of Ana Lee and Tom Reed."]},
            {"rx": "\\b(?:issued|passed|handed down) (?:a |an |the |its )?(?:[\\w’'-]+ )?(?:ruling|decision)\\b(?! (?:suspending|banning|prohibiting|closing|dissolving)\\b)", "why": "'issue' and 'pass' are a court decision only with a ruling or decision as object (a decision suspending or banning a body is the ban it orders)", "examples": ["On 3 May 2024, the judge issued a separate ruling against Ana Lee."]},
            {"rx": "\\b(?:[Dd]ecision|ruling|judgment|judgement|decided)\\b(?=(?:(?! (?:to|would|will|could|may|might|should|must) )[^.;:]){0,120}? to (?:reject|dismiss|uphold|confirm|quash|annul|overturn|set aside) (?:the |an? |his |her |their |its )?(?:[\\w’'-]+ ){0,2}?(?:appeals?|requests?|application|petition|complaint|motion|cassation|sentences?|verdicts?|convictions?|judgments?|rulings?|decisions?)\\b)", "why": "a court's act told as the infinitive of its decision ('the decision of the court, taken on D, to reject the appeal'): the decision was taken, the verb after 'to' says what it did", "examples": ["The Zembla Rights Centre condemns the decision of the Zenda Supreme Court, taken on 3 May 2024, to reject the appeal of Ana Lee.", "On 3 May 2024, the Zenda Appeal Court decided to uphold the sentence of Ana Lee."]},
            {"rx": "\\b(?:refused|denied) (?:the |his |her |their )?(?:[\\w’'-]+ )?(?:requests?|applications?|petitions?|motions?) for (?:his |her |their )?(?:release|bail)\\b|\\b(?:rejected|turned down) (?:the |an? |his |her |their |" + POSSESSOR + ")?(?:[\\w’']+ ){0,2}?(?:appeals?|requests?|application|petition|complaint|motion)|\\b(?:refused|declined) to (?:release|free) (?:him|her|them|[A-Z])", "why": "'reject' is a decision only with a request as object", "examples": ["On 3 May 2024, the Supreme Court rejected her appeal."]},
            {"rx": "\\b(?:reduced|cut|halved|lowered) (?:the |his |her |their |" + POSSESSOR + ")?(?:[\\w’'-]+ ){0,2}?(?:sentences?|prison terms?)\\b|\\b(?:sentences?|prison terms?) (?:was |were |had been |has been )(?:later )?(?:reduced|cut|halved|lowered)\\b", "why": "'reduce' is a court's ruling on appeal only with a sentence as object (a sentence raised is a new sentence)", "examples": ["On 3 May 2024, the Appeals Court reduced Tom Reed's sentence to three years.", "On 3 May 2024, her sentence was reduced to two years on appeal."]},
            {"rx": "\\b(?:imposed|granted|ordered|applied) (?:[\\w’'-]+ ){0,2}?(?:restrictive|alternative|substitute|non-custodial) measures\\b", "why": "measures short of custody a judge imposes: a court decision that does not free or hold", "examples": ["On 3 May 2024, the judge imposed restrictive measures on Ana Lee."]},
            {"rx": "\\bstruck down\\b", "why": "a law or ruling struck down by a court", "examples": ["On 3 May 2024, the Constitutional Court struck down the law."]},
            {"rx": "\\bstayed (?:the |an? |its |his |her |their )?(?:[\\w’'-]+ ){0,2}?(?:travel ban|ban|order|decision|ruling|judgment|verdict|sentence|proceedings|deportation|execution|eviction|demolition)\\b", "why": "'stay' is a court's decision only with an order, a ban or proceedings as object ('stayed in prison' is none)", "examples": ["On 3 May 2024, the High Court stayed the travel ban against Ana Lee.", "In May 2024, the court stayed the deportation of Tom Reed."]},
            {"rx": "\\b(?:dropped|withdrew|withdrawn|dismissed) (?:all )?(?:the |its )?(?:[\\w’'-]+ )?(?:charges?|case|proceedings|indictment) against\\b|\\b(?:charges?|case|proceedings|indictment) against (?:[^.;]{1,60}? )?(?:was|were|had been|has been|have been) (?:dropped|withdrawn|dismissed|discontinued|terminated)\\b|\\bcharges (?:were |had been |have been )(?:dropped|withdrawn)\\b", "why": "'drop', 'withdraw', 'dismiss' end a prosecution only with the charges or the case as object; a decision of the court or prosecution that ends it", "examples": ["On 3 May 2024, the prosecutor dropped the charges against Ana Lee.", "On 3 May 2024, the charges against Ana Lee were dropped.", "On 3 May 2024, the court dismissed the case against Ana Lee."]},
            {"rx": "\\b(?:placed|put|added|included) (?:[\\w’'.-]+ ){0,4}?(?:on|to|in) (?:the |a |an )?(?:[\\w’'-]+ )?wanted (?:persons )?list\\b|\\bdeclared (?:him |her |them |(?:[A-Z][\\w’'-]+ ){1,3})?(?:internationally |nationally )?wanted\\b", "why": "a person put on a wanted list is sought for arrest, as an arrest warrant issued against them (a court decision in the corpus gold)", "examples": ["On 3 May 2024, Ana Lee was placed on the wanted list.", "On 3 May 2024, Ana Lee was put on the federal wanted list.", "On 3 May 2024, the authorities declared Ana Lee wanted."]},
            {"rx": "\\b(?:arrest )?warrants? (?:for (?:the |his |her |their |" + POSSESSOR + ")?arrest (?:of [^.;]{1,60}? )?)?(?:was|were|had been|has been) issued\\b", "why": "the passive of issuing a warrant (see above)", "examples": ["On 3 May 2024, a warrant was issued for her arrest."]},
        ],
    },
    {
        "type": "complaint",
        "slots": "target or relatives complain, petition or file a complaint",
        "lemmas": [
            # "complained to the prosecutor" is a complaint; "complained about the rents" in a
            # video or a speech is none
            {"lemma": "complain", "object": "(?:(?:formally|officially|publicly|again|also) )?(?:to|with|before|against)", "frames": ACTS, "examples": ["On 3 May 2024, her lawyer complained to the prosecutor."]},
            {"lemma": "petition", "frames": ACTS, "examples": ["On 3 May 2024, her family petitioned the High Court."]},
            {"lemma": "sue", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee sued the Ministry of the Interior.", "On 3 May 2024, Ana Lee was sued for defamation by a minister."]},
            # "file", "lodge", "submit" are a complaint only with a complaint or suit as object
            {"lemma": "file", "object": A_COMPLAINT, "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee filed a lawsuit against the ministry.", "On 3 May 2024, a complaint was filed with the prosecutor."]},
            {"lemma": "lodge", "object": A_COMPLAINT, "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee lodged a complaint with the prosecutor."]},
            {"lemma": "submit", "object": A_COMPLAINT, "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee submitted a petition to the court."]},
        ],
        "phrases": [
            {"rx": "\\b(?:complaint|petition|lawsuit|writ|application)(?: (?:for|against|over|challenging|seeking) [^.;,]{0,40}?)? (?:was |were |had been |has been )?(?:filed|lodged|submitted)\\b|\\breported (?:his|her|their) (?:disappearance|abduction)\\b", "why": "a complaint with what it is for between the noun and the verb; 'report' is a complaint only with a disappearance as object", "examples": ["In May 2024, a petition challenging the arrest was filed on her behalf."]},
            {"rx": "\\breported (?:the |his |her |their )?(?:[\\w’'-]+ )?(?:attack|assault|threats?|abduction|incident|harassment|beating|raid|theft|intimidation)s? to (?:the )?(?:[\\w’'-]+ )?(?:police|prosecutor|authorities)\\b|\\b(?:filed|lodged|made|submitted) (?:an? |the )?(?:police )?report (?:with|to) (?:the )?police\\b|\\b(?:filed|lodged) (?:an? |the )?police report\\b|\\bsubmitted (?:an? |the )?(?:individual )?communication to\\b|\\bbrought (?:an? |the )?(?:law)?(?:suit|case) (?:before|against)\\b", "why": "a complaint told as a report to the police, a communication to a UN body or a case brought", "examples": ["On 3 May 2024, Ana Lee reported the attack to the police.", "On 3 May 2024, Ana Lee filed a police report."]},
            {"rx": "private complaint", "why": "a legal term: a complaint that opens a private prosecution", "examples": ["On 3 May 2024, Tom Reed brought a private complaint against Ana Lee."]},
            {"rx": "\\bcomplaint (?:by|of|from) (?=[A-Z])", "why": "a complaint named with who brought it", "examples": ["Acting on a complaint by Tom Reed, the police questioned Ana Lee."]},
            {"rx": "\\bcomplaint (?:(?:filed|lodged|brought) )?(?:in (?:[A-Z][a-z]+ )?\\d{4} |in [A-Z][a-z]+ )?by (?:the |a |an )?(?:(?:[a-z][\\w’'-]* ){0,3}?(?=[A-Z])|(?:[a-z][\\w’'-]* )?(?:company|firm|corporation)\\b)", "why": "a complaint named with who brought it, after the verb that filed it, its date or the words that say what its author is", "examples": ["The police arrested Ana Lee on a complaint by the mining company Zenda Gold.", "Ana Lee was summoned following a complaint filed in May 2024 by the company."]},
        ],
    },
    {
        "type": "threat",
        "slots": "agent threatens target",
        "lemmas": [
            {"lemma": "threaten", "frames": ACTS, "examples": ["On 3 May 2024, unknown men threatened Ana Lee."]},
        ],
        "phrases": [
            {"rx": "\\b(?:painted|sprayed|scrawled|wrote) (?:the )?words?\\b|\\bwords? [^.;]{1,60}?(?:was|were) (?:painted|sprayed|scrawled|written) on\\b", "why": "words painted on a person's wall or door, a threat told by what was written (a mural or a banner is no threat: the phrase needs 'words')", "examples": ["On 3 May 2024, the words “traitors live here” were painted on the door of Ana Lee's building.", "On 3 May 2024, unidentified men painted the words “you will die” on the wall of Tom Reed's home."]},
            {"rx": "\\bthreatening (?:him|her|them|(?:phone |text )?(?:messages?|calls?|letters?|texts?))\\b|\\bthreatening to (?:kill|harm|hurt|arrest|rape|attack|abduct|imprison|jail|detain)\\b|warning that|death threats?\\b|\\b(?:received|receiving|receives|got) (?:an? |several |multiple |numerous |repeated |further |more |new )?(?:(?!death )[\\w’'-]+ )?(?:threat|threats)\\b", "why": "a threat told by its object or its content, or received", "examples": ["On 3 May 2024, Ana Lee received death threats."]},
            {"rx": "(?:\\bwarned (?:him |her |them |(?:[A-Z][\\w’'.-]+ ){1,4})|(?:(?<=was\\s)|(?<=were\\s)|(?<=been\\s)|(?<=and\\s))warned )not to\\b", "why": "warned, as the one told (its object, or the subject of the passive, also after another participle: 'detained and warned'), not to do something: an order with a threat behind it ('were detained for a day and warned not to speak to foreign media')", "examples": ["On 3 May 2024, Ana Lee was warned not to speak to foreign media."]},
            {"rx": "(?:\\bwarned (?:him |her |them |(?:[A-Z][\\w’'.-]+ ){1,4})|(?:(?<=was\\s)|(?<=were\\s)|(?<=and\\s))warned )(?:that )?(?:[\\w’'-]+ ){1,3}?(?:would|will) be (?:arrested|killed|harmed|hurt|detained|jailed|imprisoned|abducted|punished|attacked|prosecuted)\\b|\\bor face (?:the )?(?:serious |grave )?consequences\\b", "why": "'warn' is a threat only said to the person (its object, or the subject of the passive) with a harm to them or theirs as what is warned of ('Amnesty warned that she could be tortured' is the issuer's fear); 'or face the consequences' is one told in the idiom", "examples": ["On 3 May 2024, Ana Lee was warned that her family would be harmed.", "On 3 May 2024, Ana Lee was questioned for five hours and warned that she would be arrested if she spoke to the media.", "On 3 May 2024, an official warned Ana Lee that she would be arrested if she continued her work.", "On 3 May 2024, Ana Lee was told to stop her work or face the consequences."]},
            {"rx": "\\b(?:(?:phone |text |anonymous |voice )?(?:calls?|messages?|letters?|texts?|e-?mails?|notes?|SMS)|callers?)\\b[^.;]{0,40}?\\b(?:warning (?:him|her|them)|(?:telling|ordering) (?:him|her|them) (?:not )?to)\\b", "why": "a threat told by what calls, messages or letters say to the person: a warning to them, or an order ('messages telling her to stop', 'calls warning him that'); the object pronoun keeps out an issuer's letter 'warning that', the order one 'telling him that'", "examples": ["On 3 May 2024, Ana Lee received phone calls from anonymous callers warning her that she would not be protected.", "On 3 May 2024, Ana Lee received messages telling her to stop her work."]},
            {"rx": "\\bfollowed (?:him|her|them|(?:[A-Z][\\w’'.-]+ ){1,3}[A-Z][\\w’'-]+) (?:from (?:his |her |their |the )?(?:[\\w’'-]+ ){1,3}?)?(?:home\\b|to (?:his|her|their) (?:home|house|office|workplace|car)\\b)|\\bwarned (?:him|her|them|(?:[A-Z][\\w’'.-]+ ){1,3}[A-Z][\\w’'-]+) to [“\"‘]?(?:stop|cease|end|abandon|quit|give up|drop)\\b|\\bwarned (?:him|her|them) that\\b", "why": "shadowing told in the active, with the person followed home as object; a warning to the person to stop what they do (an order with a threat behind it, as 'warned not to')", "examples": ["On 3 May 2024, two unidentified men on a motorbike followed Ana Lee home.", "On 3 May 2024, two men warned Ana Lee to stop her work.", "On 3 May 2024, officers questioned Ana Lee for three hours and warned her that her posts were being watched.", "On 3 May 2024, two men on a motorcycle followed her from her office to her home."]},
            {"rx": "\\b(?:told|warned)\\b(?=[^.;]{0,160}?\\b(?:would|will)\\b)(?=[^.;]{0,200}?\\bif (?:(?:she|he|they|it|the family|her family|his family) |(?:[A-Z][\\w’'-]+ ){1,2})(?:kept|keeps|continued|continues|spoke|speaks|talked|talks|went on|carried on|persisted|did not stop|does not stop|didn’t stop|didn't stop|refused to stop)\\b)", "why": "a threat told as what was said to the person or their kin: a harm that 'would' follow if they kept speaking or did not stop their work (the condition on speaking keeps out a lawyer's or the issuer's forecast)", "examples": ["On 3 May 2024, an officer told Ana Lee that her son would disappear if she kept talking to journalists.", "On 3 May 2024, Tom Reed was warned by an officer that he would face the same fate if he spoke to foreign media.", "On 3 May 2024, two men told her that if she continued her work, she would end up in prison."]},
            {"rx": "\\b(?:told|warned)\\s+(?:him|her|them|(?:his|her|their|the [\\w’'-]+[’']s) (?:[\\w’'-]+ )?(?:wife|husband|mother|father|daughter|son|sons|daughters|child|children|family|brother|sister|parents|relatives?|partner)(?:, (?:[A-Z][\\w’'.-]+ ){0,3}[A-Z][\\w’'-]+,)?|(?:(?:Mr|Ms|Mrs|Dr)\\.? )?(?:[A-Z][\\w’'.-]+ ){0,3}[A-Z][\\w’'-]+(?:[’']s (?:wife|husband|mother|father|daughter|son|sons|daughters|child|children|family|brother|sister|parents|relatives?|partner))?) (?:that )?(?=[^.;]{0,100}?\\b(?:will|would|’ll|'ll) (?:not (?:come back|see (?:the|another|next)\\b)|be (?:the )?next\\b|die\\b|be killed|disappear|regret|pay for|end up (?:dead|in prison|in jail)|do well to leave))", "why": "a threat told as words said to the person or their kin: a harm that will come to them or theirs ('told her daughter that her mother would not come back', 'warning her that she will be next'); a lawyer's or the issuer's forecast tells no one such a harm", "examples": ["On 3 May 2024, two men told Ana Lee’s daughter that “your mother will not come back”.", "On 3 May 2024, an officer visited her mother and told her that her daughter “would do well to leave the country”."]},
            {"rx": "\\b(?:declared|declaring|named|naming|listed|listing|branded|branding|called|calling)\\b[^.;]{0,160}?[“\"‘]?(?:legitimate )?military targets?\\b|\\bgave (?:him|her|them|(?:[A-Z][\\w’'.-]+ ){1,3}[A-Z][\\w’'-]+) (?:\\d+|[a-z]+(?:-[a-z]+)?) (?:hours|days) to leave\\b", "why": "an armed group's threat: people declared military targets, or given hours or days to leave", "examples": ["On 3 May 2024, a pamphlet signed by an armed group declared Ana Lee and Tom Reed “military targets”.", "On 3 May 2024, armed men gave them 48 hours to leave the village."]},
            {"rx": "(?:(?<=was\\s)|(?<=were\\s)|(?<=been\\s)|(?<=being\\s)|(?<=\\band\\s))followed (?:for (?:[\\w-]+ ){1,3})?by (?:[\\w’'-]+ ){0,3}?(?:men|police|policemen|officers|agents|individuals|people|persons|cars?|vehicles?|motorcycles?)\\b", "why": "shadowing: 'followed' is a threat only when people or vehicles follow a person (not 'the arrest was followed by a search')", "examples": ["On 3 May 2024, Ana Lee was followed by plain-clothes police for several days.", "On 3 May 2024, Ana Lee was questioned and followed by two men in a car.", "On 3 May 2024, her daughter was followed for two hours by a car with no number plates."]},
        ],
    },
    {
        "type": "attack",
        "slots": "agent attacks, beats or tortures target; target is beaten",
        "lemmas": [
            {"lemma": "attack", "frames": ACTS, "examples": ["On 3 May 2024, unknown men attacked Ana Lee."]},
            {"lemma": "assault", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was assaulted by guards."]},
            {"lemma": "torture", "frames": ACTS, "examples": ["Guards tortured Ana Lee on 3 May 2024."]},
            {"lemma": "stab", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was stabbed."]},
            # "was shot" (not dead): wounded; a death told next makes the shooting a killing
            # (kg.extract.events), and "shot dead" is a killing of its own
            {"lemma": "wound", "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was wounded in the arm."]},
            {"lemma": "shoot", "forms": ["shot"], "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was shot in the leg by police.", "On 3 May 2024, two men shot Ana Lee outside her home."]},
            {"lemma": "ill-treat", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was ill-treated by guards."]},
            {"lemma": "beat", "forms": ["beaten"], "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was beaten by guards.", "On 3 May 2024, guards beat Ana Lee.", "Ana Lee said that guards had beaten her on 3 May 2024."]},
            {"lemma": "rape", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was raped in custody."]},
            # "lashed out at": the corporal punishment only in the passive
            {"lemma": "flog", "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was flogged."]},
            {"lemma": "lash", "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was lashed."]},
            {"lemma": "torch", "frames": ACTS, "examples": ["On 3 May 2024, unknown men torched the office of the Zembla Times."]},
            {"lemma": "smash", "frames": ACTS, "examples": ["On 3 May 2024, unknown men smashed the windows of the Zembla Times."]},
            # "kicked off", "hit the headlines": blows only when a person undergoes them
            {"lemma": "kick", "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was kicked by police officers."]},
            {"lemma": "punch", "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was punched in the face."]},
            {"lemma": "slap", "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was slapped by an officer."]},
            {"lemma": "attack", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee was treated in hospital after the attack on 3 May 2024."]},
            {"lemma": "assault", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee was treated in hospital after the assault on 3 May 2024."]},
            {"lemma": "beating", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee was treated in hospital after a beating on 3 May 2024."]},
        ],
        "phrases": [
            {"rx": "\\b(?:assassination|murder) attempt\\b|\\battempt(?:s|ed)? (?:on (?:his|her|their) life|to (?:kill|murder|assassinate) (?:him|her|them|[A-Z]))", "why": "an attempt on a person's life is an attack on them", "examples": ["On 3 May 2024, Tom Reed survived an assassination attempt.", "On 3 May 2024, gunmen attempted to kill Tom Reed."]},
            {"rx": "\\bshots? (?:were |was )?fired (?:at|into|through)\\b|\\bfired (?:[\\w’']+ ){0,3}?(?:shots|bullets|rounds) (?:at|into|through)\\b|\\bopened fire\\b|\\bset (?:it|them|(?:the |his |her |their )?(?:[\\w’']+ )?(?:house|home|car|office|vehicle)s?) on fire\\b|\\bset fire to\\b", "why": "idioms of shooting and arson", "examples": ["On 3 May 2024, shots were fired at the house of Ana Lee.", "On 3 May 2024, unknown men fired at least six shots at the house of Tom Reed."]},
            {"rx": "\\bdispersed (?:[\\w’']+ ){0,3}with\\b|\\bdispersed (?:the |an? )?(?:[\\w’'-]+ ){0,2}(?:rally|rallies|protests?|demonstrations?|gatherings?|sit-ins?|march(?:es)?)\\b", "why": "'disperse' is an attack only with force or a gathering as object", "examples": ["On 3 May 2024, police dispersed the rally with tear gas."]},
            {"rx": "\\bbeat (?:him|her|them|up|[A-Z][\\w’'-]+)\\b|electric shocks|\\bbeat (?:the |several |many |dozens of )?(?:[\\w’'-]+ )?(?:workers|protesters|demonstrators|students|activists|journalists|villagers|detainees|prisoners|farmers|people)\\b|\\b(?:beat|beaten|hit|struck) (?:[\\w’'-]+ ){0,4}?with (?:sticks|batons|clubs|truncheons|rifle butts|iron bars|whips|cables|belts)\\b|\\bdragged (?:him|her|them|(?:[A-Z][\\w’'-]+ ){1,3})(?:[^.;]{0,20}? )?by (?:his|her|their|the) hair\\b", "why": "'beat' is also a present and a noun: an attack only with a person or people as object or with what they were beaten with; dragged by the hair", "examples": ["On 3 May 2024, guards beat her."]},
            {"rx": "\\bsubjected (?:him |her |them )?to (?:[\\w’'-]+ ){0,3}?(?:torture|ill-treatment|beatings?|abuse|violence|assaults?|rape)\\b|\\b(?:was|were|been) (?:seriously |severely |badly )?injured (?:by|when|during)\\b|\\b(?:was|were|been) (?:repeatedly )?(?:hit|struck) (?:with|by)\\b|\\b(?:was|were|been) (?:pepper-sprayed|tear-gassed|dragged)\\b", "why": "ill-treatment told as what a person was subjected to, or as the blow or injury undergone", "examples": ["On 3 May 2024, Ana Lee was subjected to torture.", "On 3 May 2024, Ana Lee was hit with batons by police.", "On 3 May 2024, Ana Lee was injured by police officers."]},
            {"rx": "\\b(?:threw|thrown|hurled|flung) (?:[\\w’'-]+ ){0,2}?(?:stones|rocks|bricks|Molotov cocktails|petrol bombs|fire ?bombs|acid|explosives|grenades?) (?:at|into|through|on)\\b|\\b(?:stones|rocks|bricks|Molotov cocktails|petrol bombs|fire ?bombs|grenades?) (?:were |was |had been |have been )?(?:thrown|hurled|flung) (?:at|into|through|on)\\b", "why": "'throw' is an attack only with a missile (stones, bricks, petrol bombs, acid) thrown at a person or a home", "examples": ["On 3 May 2024, unidentified men threw stones at the home of Ana Lee.", "On 3 May 2024, petrol bombs were thrown at the office of the Zembla Times."]},
            {"rx": "\\b(?:pelted|doused|splashed|sprayed) (?:him |her |them |(?:[A-Z][\\w’'.-]+ ){1,4})?with (?:stones|rocks|bricks|acid|petrol|gasoline|kerosene|a corrosive)\\b|\\bset (?:(?:his|her|their|its) (?:[\\w’'-]+ ){0,2}?|" + POSSESSOR + "(?:[\\w’'-]+ ){0,2}?)(?:on fire|alight|ablaze)\\b|(?:(?<=was\\s)|(?<=were\\s))set (?:on fire|alight|ablaze)\\b|\\b(?:burned|burnt) down (?:the |his |her |their |its )?(?:[\\w’'-]+ ){0,2}?(?:home|house|office|offices|car|shop|premises)\\b|\\b(?:home|house|office|offices|car|shop|premises)(?: of [^.;,]{1,60}?)? (?:was |were |had been )(?:burned|burnt) down\\b", "why": "a missile or a burning liquid put on a person, or a person's home, car or office set on fire: an attack", "examples": ["On 3 May 2024, Ana Lee was pelted with stones by a mob.", "On 3 May 2024, unknown men doused Ana Lee with acid.", "On 3 May 2024, unknown men set her car on fire.", "On 3 May 2024, the office of the Zembla Rights Centre was burned down."]},
            {"rx": "\\b(?:kicked|punched|slapped) (?:him|her|them)\\b|\\b(?:fired|used|threw|lobbed) (?:[\\w’'-]+ )?(?:tear ?gas|rubber bullets|live (?:ammunition|rounds)|water cannons?|stun grenades)\\b", "why": "blows with a person as object; force used on a gathering", "examples": ["On 3 May 2024, an officer kicked her.", "On 3 May 2024, police fired tear gas at the protesters."]},
        ],
    },
    {
        "type": "killing",
        "slots": "agent kills target",
        "lemmas": [
            {"lemma": "kill", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was killed."]},
            {"lemma": "murder", "frames": ACTS, "examples": ["On 3 May 2024, unknown men murdered Ana Lee."]},
            {"lemma": "assassinate", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was assassinated."]},
            # "executed a warrant", "hanged a banner": an event only when a person undergoes it
            {"lemma": "execute", "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was executed."]},
            {"lemma": "hang", "forms": ["hanged"], "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was hanged."]},
            {"lemma": "lynch", "frames": ["passive", "perfect"], "examples": ["On 3 May 2024, Ana Lee was lynched by a mob."]},
            {"lemma": "killing", "pos": "noun", "frames": ["nominal"], "examples": ["Her family demands justice for the killing in May 2024 of her son."]},
            {"lemma": "murder", "pos": "noun", "frames": ["nominal"], "examples": ["Her family seeks justice for her murder in May 2024."]},
            {"lemma": "assassination", "pos": "noun", "frames": ["nominal"], "examples": ["Her family seeks justice for the assassination of Ana Lee on 3 May 2024."]},
        ],
        "phrases": [
            {"rx": "\\bgunned (?:(?:him|her|them) )?down\\b|\\b(?:was|were|been) slain\\b", "why": "idioms of a killing: gunned down, slain", "examples": ["On 3 May 2024, Ana Lee was gunned down outside her home."]},
            {"rx": "\\b(?:stabbed|beaten|beat|tortured|burned|burnt|hacked|clubbed|kicked|stoned) (?:(?:him|her|them) )?to death\\b", "why": "an attack that killed: the killing, not the attack, is the event", "examples": ["On 3 May 2024, Ana Lee was stabbed to death.", "On 3 May 2024, guards beat him to death."]},
            {"rx": "\\b(?:shot dead|found dead)\\b|\\bthe killing of (?:his|her)\\b|\\bbody of [^.;]{0,60}? (?:was|were) found\\b", "why": "idioms of death: shot dead, found dead, a body found", "examples": ["On 3 May 2024, Ana Lee was shot dead."]},
            {"rx": "\\bdied (?:later )?(?:of|from) (?:his|her|their|the) (?:injuries|wounds)\\b", "why": "a death from the injuries of an attack is the killing told by its outcome ('died in custody' says nothing of a cause, and is not read here)", "examples": ["Ana Lee was beaten by unknown men and died of her injuries on 3 May 2024 in a hospital in Zenda."]},
        ],
    },
    {
        "type": "disappearance",
        "slots": "unknown agents abduct target; target disappears; whereabouts unknown",
        "lemmas": [
            {"lemma": "abduct", "frames": ACTS, "examples": ["On 3 May 2024, unidentified men abducted Ana Lee."]},
            {"lemma": "kidnap", "frames": ACTS, "examples": ["Ana Lee was kidnapped on 3 May 2024."]},
            {"lemma": "disappear", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee disappeared."]},
            {"lemma": "abduction", "pos": "noun", "frames": ["nominal"], "examples": ["Nothing is known of Ana Lee since her abduction on 3 May 2024."]},
            {"lemma": "disappearance", "pos": "noun", "frames": ["nominal"], "examples": ["Nothing has been heard of Ana Lee since her disappearance on 3 May 2024."]},
            {"lemma": "kidnapping", "pos": "noun", "frames": ["nominal"], "examples": ["Nothing has been heard of Ana Lee since her kidnapping on 3 May 2024."]},
        ],
        "phrases": [
            {"rx": "\\b(?:(?:did|do|does) not know|(?:was|were|is|are) unable to (?:find out|learn|establish|discover)|could not (?:find out|learn|establish|discover)) where (?:he |she |they |(?:[A-Z][\\w’'.-]+ ){1,3}?)(?:was|were|is|are)(?: (?:being )?(?:held|detained|kept|taken)\\b|(?=\\s+(?:for|during|until|since)\\b|\\s*[,.;]))|whereabouts (?:(?:have|has|had) )?(?:remained|remain|remains|been|were|was|are|is) unknown|\\b(?:refused|refuse|refuses|failed|fail|fails|declined) to (?:disclose|reveal|confirm|acknowledge) (?:[\\w’'.-]+ ){0,4}?(?:whereabouts|fate)\\b|\\bno information (?:on|about|of) (?:the |his |her |their )?(?:fate|whereabouts)\\b", "why": "whereabouts unknown: the convention's mark of a disappearance", "examples": ["On 3 May 2024, police arrested Tom Reed and for nine days his family did not know where he was held.", "On 3 May 2024, her family had no information on her whereabouts."]},
            {"rx": "(?<!file\\s)(?<!files\\s)(?<!documents\\s)(?<!records\\s)(?<!evidence\\s)\\b(?:went|had gone|has gone) missing\\b", "why": "an idiom of a disappearance, said of a person (a case file that went missing is none; the pattern opens with its verb, so that the scanner finds it by its letters)", "examples": ["On 3 May 2024, Ana Lee went missing after leaving her office."]},
            {"rx": "\\b(?:taken|took (?:him|her|them|(?:[A-Z][\\w’'-]+ ){1,4})) to an (?:unknown|undisclosed) (?:location|destination|place)\\b", "why": "a person taken to an unknown place", "examples": ["On 3 May 2024, Ana Lee was taken to an unknown location.", "On 3 May 2024, masked men broke into the home of Ana Lee and took her to an unknown location."]},
        ],
    },
    {
        "type": "conviction",
        "slots": "court convicts target; target is convicted (no penalty in the same sentence, else sentence)",
        "lemmas": [
            {"lemma": "convict", "frames": ACTS, "examples": ["On 3 May 2024, the court convicted Ana Lee of defamation."]},
            {"lemma": "conviction", "pos": "noun", "frames": ["nominal"], "examples": ["Ana Lee appealed against her conviction on 3 May 2024."]},
        ],
        "phrases": [],
    },
    {
        "type": "other",
        "slots": "target is deported, expelled, exiled, designated a foreign agent, dies in custody or goes on hunger strike; a UN body decides",
        "lemmas": [
            {"lemma": "deport", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was deported to Borduria."]},
            {"lemma": "expel", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was expelled from Zembla."]},
            {"lemma": "extradite", "frames": ACTS, "examples": ["On 3 May 2024, Ana Lee was extradited to Borduria."]},
            {"lemma": "deportation", "pos": "noun", "frames": ["nominal"], "examples": ["After her deportation on 3 May 2024, Ana Lee settled in Borduria."]},
            {"lemma": "expulsion", "pos": "noun", "frames": ["nominal"], "examples": ["Since his expulsion in May 2024, Tom Reed has lived in Borduria."]},
        ],
        "phrases": [
            {"rx": "\\b(?:revoked|cancelled|refused|denied|withdrew|refused to (?:renew|extend)) (?:[\\w’'-]+ ){0,3}(?:residence (?:permit|status|card)s?|residency(?: (?:permit|status|card)s?)?)\\b|\\b(?:residence (?:permit|status|card)|residency)s? (?:was |were |had been |has been )(?:revoked|cancelled|withdrawn)\\b", "why": "'revoke' and 'refuse' are an event only with residence as object", "examples": ["In 2016, the authorities refused Ana Lee a residence permit."]},
            {"rx": "\\b(?:requested|sought|demanded|asked for) (?:an? |the )?(?:[\\w’'-]+ ){0,3}?(?:prison |jail )?(?:sentences?|terms?) (?:of|for|against)\\b|\\b(?:requested|sought|demanded|asked for) (?:[\\w’'-]+ ){1,2}?years? (?:in (?:prison|jail)|of imprisonment)\\b|\\basked the (?:[\\w’'-]+ )?court to (?:sentence|jail|imprison)\\b|\\b(?:requested|asked|demanded|proposed) that the (?:[\\w’'-]+ )?court (?:sentence|jail|imprison)\\b", "why": "a prosecutor's sentencing request (the convention makes it an event of type other); 'request' alone is none", "examples": ["On 3 May 2024, the prosecutor requested a ten-year prison sentence for Ana Lee.", "On 3 May 2024, the prosecutor requested that the court sentence Ana Lee to ten years in prison.", "On 3 May 2024, the prosecution demanded seven years in prison for Ana Lee.", "On 3 May 2024, the prosecutor asked the court to sentence Ana Lee to seven years."]},
            {"rx": "\\b(?:requested|requests|sought|seeks|demanded|demands|asked for|asks for) (?:up to |at least |an? )?" + TERM + "\\b", "why": "a sentencing request told by the term asked for alone ('had asked for six years', 'seeks up to three years in prison', 'asked for a twelve-year sentence'): what a prosecutor asks for as a count of years or months is a penalty", "examples": ["The prosecutor, Tom Reed, had asked for six years.", "Prosecutor Tom Reed seeks up to three years in prison for Ana Lee.", "Prosecutor Tom Reed had asked for a twelve-year sentence.", "The prosecution asked for 18 months for Ana Lee."]},
            {"rx": "\\b(?:began|started|went on|launched|declared|announced|staged|embarked on) (?:an? |her |his |their )?(?:[\\w’'-]+ )?hunger strike\\b|\\b(?:began|started) refusing (?:food|to eat)\\b", "why": "a hunger strike begun", "examples": ["On 3 May 2024, Ana Lee began a hunger strike."]},
            {"rx": "\\b(?:revoked|withdrew|cancelled|stripped (?:(?:him|her|them) )?of) (?:the |his |her |their )?(?:[\\w’'-]+ )?(?:citizenship|nationality)\\b|\\b(?:citizenship|nationality) (?:was |were |had been |has been )?(?:revoked|withdrawn|cancelled)\\b", "why": "a person made stateless or foreign: the verbs are this event only with citizenship or nationality as object", "examples": ["On 3 May 2024, the Interior Ministry revoked the citizenship of Ana Lee.", "On 3 May 2024, Tom Reed was stripped of his nationality."]},
            {"rx": "\\bgranted precautionary measures\\b", "why": "a regional body's decision for the person", "examples": []},
            {"rx": "\\b(?:went|fled|forced) into exile\\b|\\bdeprived (?:him |her |them )?of (?:his |her |their )?(?:citizenship|nationality)\\b", "why": "exile and loss of citizenship, told without the words above", "examples": ["On 3 May 2024, Ana Lee went into exile.", "On 3 May 2024, Ana Lee was deprived of her citizenship."]},
            {"rx": "\\b(?:Human Rights Committee|Committee against Torture|Court of Human Rights|Commission on Human Rights|Court on Human and Peoples’ Rights|Commission on Human and Peoples’ Rights)\\b[^.;]{0,60}? (?:found|ruled|concluded|decided|held) that\\b", "why": "the convention: a UN or regional human rights body's decision on the case is an event of type other", "examples": ["On 3 May 2024, the UN Human Rights Committee found that Zembla had violated the rights of Ana Lee."]},
            {"rx": "\\b(?:found|finding|declared|declaring|held|considered) (?:that )?(?:the |his |her |their )?(?:[\\w’'-]+ ){0,3}?(?:detention|deprivation of liberty|imprisonment)(?: of [^.;]{0,60}?)? (?:to be |was |were |is )?arbitrary\\b", "why": "the convention: a UN body's decision (a detention found arbitrary) is an event of type other", "examples": ["On 3 May 2024, the UN Working Group on Arbitrary Detention found the detention of Ana Lee arbitrary.", "On 3 May 2024, the Working Group on Arbitrary Detention adopted an opinion finding the detention of Ana Lee arbitrary."]},
            {"rx": "\\b(?:was|were|been) (?:\\w+ly )?(?:dismissed|fired|sacked|suspended) from (?:his|her|their|the) (?:job|post|position|work|teaching post|paper|newspaper|magazine|channel|radio|station|school|university|hospital|company|factory|civil service)\\b|\\b(?:dismissed|sacked) (?:him|her|them) (?:from|on|in|after|for|without|because|over)\\b", "why": "a reprisal on someone's work: 'dismiss' is an event only with a job as what one is dismissed from ('dismissed the appeal' is a court's), or with a person as its object in the active ('his employer dismissed him on 3 May')", "examples": ["In January 2024, her brother, Tom Reed, was dismissed from his job at a state school.", "His employer, the Zenda Water Company, dismissed him on 3 May 2024.", "Her husband, the journalist Tom Reed, was dismissed from the paper on 3 May 2024."]},
            {"rx": "\\b(?:forcibly )?evicted (?:him |her |them |(?:(?:some|about|around|over|more than|at least|dozens of|hundreds of|the|\\d[\\d,]*) )*(?:[\\w’'-]+ ){0,2}?(?:families|residents|villagers|people|communities|households|farmers|tenants|vendors|occupants|squatters|traders|inhabitants)\\b)|(?:(?<=was\\s)|(?<=were\\s)|(?<=been\\s))(?:forcibly )?evicted\\b", "why": "a forced eviction (the corpus gold: an event of type other), told in the active with the people put out as object, or in the passive; 'families evicted from their land' after a noun describes them and tells no step", "examples": ["On 3 May 2024, police officers and company guards evicted some 40 families from the settlement.", "On 3 May 2024, the residents of Vela were forcibly evicted."]},
            {"rx": "\\brefus(?:ed|es|ing) to register (?!(?:an? |the |his |her |their )?(?:[\\w’'-]+ )?(?:complaints?|cases?|reports?|FIRs?|first information|statements?|petitions?|births?|marriages?|votes?|voters?)\\b)", "why": "a body refused its registration (the corpus gold: an event of type other; refusing to renew one is a deregistration): 'register' is this event only with a body as object, not a complaint the police will not record", "examples": ["On 3 May 2024, the Ministry of Justice refused to register the Vela Rights Network.", "On 3 May 2024, the ministry refused to register the magazine."]},
            {"rx": "\\bdied in (?:(?:the|a|his|her|their) )?(?:police |military |pre-?trial )?(?:custody|prison|detention|jail|cell)\\b", "why": "a death in custody", "examples": ["On 3 May 2024, Tom Reed died in custody."]},
            {"rx": "\\b(?:designated|listed|labell?ed|branded|declared|registered) (?:him |her |them |it |(?:the |its )?(?:[A-Z][\\w’'-]+ ){1,6}|(?:the|its|their|his|her) (?:[a-z][\\w’'-]+ ){0,2}?(?:organi[sz]ation|association|clinic|cent(?:re|er)|group|foundation|fund|outlet|newspaper|website|channel|network|union|NGO) )?(?:as )?(?:a |an )?[“\\\"]?foreign (?:agent|representative)|\\badded (?:him |her |them |it |(?:the |its )?(?:[A-Z][\\w’'-]+ ){1,6})?to (?:the |a |its |their )?(?:[\\w’'-]+ )?(?:register|list|registry) of [“\\\"]?foreign (?:agents|representatives)", "why": "'designate' is an event only with 'foreign agent' (or 'foreign representative', the same label under another law), of a person or a body named or told by its kind", "examples": ["On 3 May 2024, Ana Lee was designated a foreign agent.", "On 3 May 2024, the ministry designated her a foreign agent.", "On 3 May 2024, the Ministry of Justice designated the Zembla Rights Centre a foreign agent.", "On 3 May 2024, the Ministry of Justice listed the clinic as a “foreign representative”.", "On 3 May 2024, the Ministry of Justice added Ana Lee to its register of “foreign agents”."]},
            {"rx": "\\bwithdr(?:ew|awn) (?:the |his |her |their |its |" + POSSESSOR + ")?(?:[\\w’'-]+ ){0,2}?(?:bodyguards?|escorts?|armou?red (?:vehicles?|cars?)|protection(?: measures| scheme| detail)?|security (?:detail|measures|escort))\\b", "why": "protection withdrawn: 'withdraw' is this event only with a bodyguard, escort, armoured car or protection as object", "examples": ["In January 2024, the Protection Mechanism withdrew Ana Lee's bodyguard.", "In May 2024, the protection unit had withdrawn the armoured vehicle of Tom Reed."]},
            {"rx": "\\b(?:given |gave (?:him|her|them) |ordered (?:him |her |them )?to leave the country within )(?:(?:only |just )?(?:\\d+|one|two|three|four|five|six|seven|ten|fifteen|thirty|forty-eight|seventy-two|twenty-four|a few) )?(?:hours|days|weeks)(?: to leave the country\\b)?(?<=country)|\\bbanned from re-?enter(?:ing)?\\b|\\bre-?entry ban\\b", "why": "an expulsion told as the time given to leave the country, or the ban on coming back that goes with it (the corpus gold: an event of type other, not a ban)", "examples": ["On 3 May 2024, Ana Lee was given 24 hours to leave the country.", "On 3 May 2024, Tom Reed was expelled and banned from re-entering Zembla for five years."]},
            {"rx": "\\b(?:flown|put on a (?:plane|flight)|escorted|driven) out of the country\\b|\\bforced (?:(?:him|her|them) )?(?:to leave the country|into exile)\\b", "why": "an expulsion told by its means", "examples": ["On 3 May 2024, Ana Lee was driven to the airport and flown out of the country."]},
        ],
    },
]
# fmt: on
