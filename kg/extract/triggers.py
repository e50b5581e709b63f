# ruff: noqa: E501  (trigger patterns are data, one per line, kept whole for reading)
"""The event trigger lexicon, kept as data: one entry per event type.

Each entry gives the ``lemmas`` of verbs whose past forms (``arrested``, ``was arrested``,
``had been arrested``) trigger the event in any voice, ``irregular`` past forms, ``nouns`` that
trigger it after a possessive and before a date ("his arrest on 3 May"), ``phrases``
(regular expressions for multi-word triggers), the ``frame`` (who acts on whom) and
``examples`` that must trigger it (``tests/test_extract_triggers.py``). ``kg.extract.events``
compiles the entries; negation, modality and future filters apply to every trigger.
"""

from __future__ import annotations

from typing import Any

TRIGGERS: list[dict[str, Any]] = [
    {
        "type": "charge_reclassified",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\breclassified\\b|abandoned (?:this|the) accusation|(?:accusation|charges?)\\b[^.;]{0,40}\\b(?:raised|changed|upgraded|requalified) from",
        ],
        "examples": [],
    },
    {
        "type": "case_opened",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "(?:opened|initiated|instituted|launched|registered) a (?:new )?criminal case|criminal case was (?:opened|initiated|registered)|\\bregistered (?:on [^.;]{0,25})?under (?:Sections?|Articles?|[A-Z]{2,6} Sections?)",
        ],
        "examples": [],
    },
    {
        "type": "deregistration",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\bstruck (?:[\\w’'-]+ ){0,4}?off (?:the |its )?(?:register|roll|list of [\\w ]{0,30}?organi[sz]ations)\\b",
            "liquidation|deregist\\w+|dissol(?:ved|ution) of the organi|revoked (?:the |its |their )?(?:[\\w’']+ )?registration|dissolved (?:the |its |their )?(?:[\\w’'-]+ ){0,3}(?:union|association|organi[sz]ation|party|NGO|group|foundation)\\b",
        ],
        "examples": [
            "On 3 May 2024, the minister struck the Zembla Rights Centre off the register.",
        ],
    },
    {
        "type": "travel_ban",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "travel ban was imposed|banned [^.]{0,40}from leaving the country|prevented (?:him|her|them) from (?:boarding|leaving|travell?ing)",
            "\\bimposed (?:a |the )?(?:[\\w-]+ )?(?:travel ban|ban on (?:travel|leaving))|\\bban on (?:travell?ing|travel|leaving the country)\\b|\\bkept the travel ban\\b",
        ],
        "examples": [],
    },
    {
        "type": "ban",
        "lemmas": ["disbar"],
        "irregular": [],
        "nouns": [],
        "frame": "an organisation suspended or designated, a lawyer disbarred, an outlet blocked",
        "phrases": [
            "\\b(?:revoked|suspended|withdrew|cancelled) (?:the |its |his |her |their )?(?:[\\w-]+ )?licen[cs]es?\\b|\\blicen[cs]es? (?:was |were )?(?:revoked|suspended|withdrawn|cancelled)\\b",
            "\\bblocked (?:access to )?(?:the |its |his |her |their )?(?:[\\w-]+ )?(?:websites?|accounts?|pages?|sites?|outlets?|channels?)\\b|\\b(?:websites?|accounts?|pages?|sites?|channels?) (?:was |were |had been |has been )?blocked\\b",
            "banned from (?!leaving the country|travell?ing)|ban on (?!holding|travel|leaving)|\\b(?:was|were) banned\\b|\\bbanned as\\b|\\bbanned from [^.;]{0,40}? and from\\b|\\bsuspended (?:the |its |their )?(?:activities|operations|work)\\b|(?<=-)year ban|notice from police stating|prohibit\\w+ the work",
            "\\bstripped [^.;]{0,160}? of (?:their|his|her) (?:status|licen[cs]es?)",
            "\\bbanned (?:the )?(?=[A-Z])(?![^.;]{0,80}\\bfrom (?:leaving|travell?ing))",
        ],
        "examples": [
            "On 3 May 2024, the ministry revoked the broadcasting licence of Radio Zenda.",
            "On 3 May 2024, the regulator blocked the website of the Zembla Times.",
            "On 3 May 2024, the bar association disbarred Ana Lee.",
            "On 3 May 2024, the minister banned the Zembla Rights Centre.",
            "On 3 May 2024, the bar association stripped the three lawyers of the capital, Ana Lee, Tom Reed and Eva Hart, of their status as advocates.",
        ],
    },
    {
        "type": "summons",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\bsummoned\\b",
        ],
        "examples": [],
    },
    {
        "type": "interrogation",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\b(?:questioned|interrogated)\\b",
        ],
        "examples": [],
    },
    {
        "type": "investigation",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\b(?:informed|told|notified)\\b[^.;]{0,80}?\\b(?:he|she|they|it) (?:was|were) (?:a )?suspect(?:ed)?\\b",
            "\\b(?:opened|launched|started|began|initiated) (?:a |an )?(?:[\\w-]+ )?(?:investigation|inquiry|probe)\\b|\\b(?:investigation|inquiry|probe) (?:was )?(?:opened|launched|initiated)\\b|\\bordered (?:[^.;]{0,100}? )?to investigate\\b|\\b(?:transferred|handed(?: over)?) the (?:[\\w-]+ )?investigation (?:to|over to)\\b",
            "for further investigation|under investigation|opened an investigation",
        ],
        "examples": [
            "On 3 May 2024, police told Ana Lee that she was suspected of sedition.",
            "On 3 May 2024, the court ordered the counter-terrorism unit of the police (CTU) to investigate the case again.",
            "On 3 May 2024, the government handed the investigation to the national agency.",
        ],
    },
    {
        "type": "raid",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\braided\\b|\\b(?:[Tt]he|[Aa]) raid on\\b",
        ],
        "examples": [],
    },
    {
        "type": "search",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\bsearched\\b",
        ],
        "examples": [],
    },
    {
        "type": "seizure",
        "lemmas": ["freeze"],
        "irregular": ["froze", "frozen"],
        "nouns": [],
        "frame": "agent seizes, confiscates or freezes property of target",
        "phrases": [
            "\\b(?:confiscated|seized|took away|removed)\\b(?! (?:in|at) [A-Z])",
            "\\btook (?:away )?(?:\\w+ ){0,3}(?:computers?|laptops?|phones?|documents|equipment|devices|hard drives|files|belongings|passports?|cameras?|notebooks?|money|cash)\\b|\\b(?:computers?|laptops?|phones?|documents|files|devices|equipment) (?:were |was )?taken\\b",
            "\\bfreez(?:e|ing) (?:of )?(?:the |its |his |her |their )?(?:[\\w$.,-]+ ){0,4}?(?:assets|accounts|funds)\\b|\\bseizure of\\b|\\bforfeit(?:ing|ure of)\\b",
        ],
        "examples": [
            "On 3 May 2024, the bank froze the accounts of the Zembla Poets Union.",
            "On 3 May 2024, officers searched her flat and took some of her belongings.",
        ],
    },
    {
        "type": "arrest",
        "lemmas": ["arrest", "rearrest", "apprehend"],
        "irregular": [],
        "nouns": ["arrest"],
        "frame": "agent arrests target; target is arrested (by agent); target's arrest on a date",
        "phrases": [
            "\\b(?:placed|put) (?:him |her |them )?under arrest\\b",
            "\\bdetained(?<!remained\\sdetained)(?<!remains\\sdetained)\\b(?! since| for| without| in (?:\\w+ )?(?:prison|jail|custody|detention))|\\btaken away\\b|\\bpicked up\\b|\\bsurrendered to\\b",
            "\\b(?:re)?arrested\\b|\\bstopped (?:by|the car)|took (?:him|her|them) back into custody|\\bdetained the\\b|(?:were|was) detained and|took (?:him|her|them) from (?:his|her|their) home|taken into custody|\\btook [^.;]{0,40} into (?:criminal )?detention|\\bformal arrest\\b|\\b(?:was|were) seized (?:in|at) [A-Z]",
        ],
        "examples": [
            "On 3 May 2024, police placed her under arrest.",
            "Police arrested the poet Ana Lee on 3 May 2024.",
            "On 3 May 2024, Ana Lee was apprehended by police.",
            "Ana Lee has been held since her arrest on 3 May 2024.",
        ],
    },
    {
        "type": "charge",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\bcharged\\b|\\breferred (?:the case |the file )?to (?:the )?(?:[\\w-]+ ){0,3}(?:[Cc]ourt|[Tt]ribunal|trial)\\b|\\bsent to trial\\b|\\bindictments? (?:was |were )?(?:forwarded|filed|submitted)\\b|\\bcharges (?:were )?framed\\b|\\bframed charges\\b|\\b(?:was|were|formally) accused of\\b",
            "\\bcharged (?:him |her |them )?(?:with|under)|criminal charges brought|added charges|charged them|\\bindicted\\b|\\bcharge sheet\\b|\\b(?:was|were) prosecuted\\b|\\bcharged (?:only |also )?(?:Mr |Ms |Sister |Brother |Father )?[A-Z]\\w+ [A-Z]\\w+|probable cause to charge|\\bon (?:a |the )?(?:criminal )?charges? of\\b",
            "\\b(?:filed|brought|pressed|laid|lodged|forwarded|submitted|issued) (?:an? |the )?(?:new |fresh |criminal |formal |additional )*(?:charges?|indictments?) against\\b",
            "\\b(?:faces?|facing) (?:\\w+ ){0,2}charges? (?:of|under)\\b|\\bpleaded not guilty to (?:the )?charges?\\b|\\b(?:is|are) (?:also )?on trial\\b|\\bincludes? charges? (?:of|under)\\b",
        ],
        "examples": [
            "On 3 May 2024, the prosecutor forwarded indictments against Ana Lee to the Zenda High Court.",
            "On 3 May 2024, the police filed new charges against Ana Lee.",
        ],
    },
    {
        "type": "detention",
        "lemmas": ["remand"],
        "irregular": [],
        "nouns": [],
        "frame": "court orders custody of target; target is remanded, kept or placed in detention, transferred between places of custody",
        "phrases": [
            "\\bpre-?trial detention (?:was )?ordered|\\bordered (?:\\w+ ){0,3}pre-?trial detention|\\bdetention order\\b|\\bremand (?:was )?extended|\\bextended (?:\\w+ )?remand",
            "\\b(?:taken|sent|transferred|moved|returned|brought|driven)(?: (?:him|her|them|both men|both women|the \\w+))? (?:back )?(?:on \\d[\\w ]{0,20}? )?(?:from [^.;]{0,60}? )?to (?:[\\w’'-]+ ){0,5}?(?:[Pp]rison|[Jj]ail|detention|penal colony|[Rr]emand|custody|ward|cells?|facility)\\b",
            "\\b(?:kept|held|placed) in solitary confinement\\b|\\bdetained since\\b|\\bremained in (?:[\\w-]+ ){0,4}(?:jail|prison|custody|detention)\\b",
            '\\bremanded\\b|ordered (?:his|her|their) detention|extended (?:it|his detention|her detention|their detention)|\\bextended\\b[^.]{0,30}detention|\\bextend (?:the period of )?(?:his|her|their) detention|kept (?:him|her|them) (?:behind bars|in detention|in custody)|should (?:stay|remain) in detention|renewed (?:his|her|their) detention|administrative detention|held there for hours|\\b(?:placed|put) (?:him |her |them )?under (?:house arrest|residential surveillance|[“\\"]residential|[A-Z]{3,5}\\b)|\\bsent (?:him|her|them) to (?:\\w+ )?(?:custody|pre-trial detention)|\\b(?:was|were) (?:then |later |being )?held (?:under|at|in) (?:the )?[A-Z]',
            "\\b(?:placed|kept|held) in (?:pre-?trial |incommunicado )?(?:detention|custody)",
            "\\b(?:decided|ordered|agreed) (?:on [^.;,]{0,25}? )?to keep (?:him|her|them) (?:behind bars|in (?:pre-?trial )?(?:detention|custody))\\b",
            "\\btransferred (?:him |her |them )?to (?:\\w+ )?(?:prison|detention|jail|penal colony)",
        ],
        "examples": [
            "On 4 May 2024, the court remanded Ana Lee in custody.",
            "On 4 May 2024, Ana Lee was placed in pre-trial detention.",
            "Ana Lee was transferred on 4 May 2024 from the central prison to Zenda Prison.",
            "On 4 May 2024, Ana Lee was moved to a pre-trial facility in Zenda.",
            "On 4 May 2024, the court decided to keep her in custody.",
        ],
    },
    {
        "type": "trial_hearing",
        "lemmas": [],
        "irregular": [],
        "nouns": ["hearing", "trial"],
        "frame": "a hearing held or scheduled on a date; the trial opens or is adjourned",
        "phrases": [
            "\\b(?:first|second|third|fourth|fifth|next|final|preliminary) (?:court |appeal )?(?:hearing|session)\\b|\\b(?:appeal|case|petition) (?:was |had been |has been )?heard\\b|\\bheard (?:the |his |her |their )?(?:[\\w-]+ )?(?:appeal|petition|application)\\b|\\btrial (?:was )?held\\b|\\bheld (?:a |the )?(?:trial|hearing)\\b|\\btrial\\b[^;]{0,80}?\\bopened\\b|\\bpostponed\\b|\\btestified\\b(?! that)|\\barraign(?:ed|ment)\\b",
            "trial opened|proceedings began|adjourned|held a \\w+ hearing|trial (?:began|started)|\\b(?:was|were) tried\\b",
        ],
        "examples": [
            "Ana Lee was ill during her trial on 3 May 2024.",
            "Ana Lee appeared at a hearing on 3 May 2024.",
        ],
    },
    {
        "type": "sentence",
        "lemmas": [],
        "irregular": [],
        "nouns": ["sentencing"],
        "frame": "",
        "phrases": [
            "\\b(?:sentences?|prison terms?|terms?|verdicts?) (?:was |were )?(?:-|–|—)?\\s?handed down\\b",
            "\\bsentenced\\b|found (?:\\w+ )*guilty|\\breceived (?:\\w+ ){0,4}years?\\b",
            "\\b(?:raised|increased) (?:the |his |her |their )?(?:prison )?sentences? (?:to|by)\\b",
        ],
        "examples": [
            "Ana Lee has appealed against her sentencing on 3 May 2024.",
            "On 3 May 2024, the appeal chamber raised the sentence to 34 years in prison.",
        ],
    },
    {
        "type": "fine",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\bfined\\b",
            "\\bimposed (?:an? )?(?:[\\w-]+ )?fine\\b|\\breplaced\\b[^.;]{0,100}?\\bwith an? (?:[\\w-]+ )?fine\\b|\\bordered (?:him|her|them) to pay (?:an? )?(?:[\\w-]+ )?fine\\b",
        ],
        "examples": [
            "On 3 May 2024, the court replaced the rest of Ana Lee's prison term with a fine of 500 dinars.",
            "On 3 May 2024, the court imposed a heavy fine on the Zembla Poets Union.",
        ],
    },
    {
        "type": "acquittal",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\bacquitted\\b",
        ],
        "examples": [],
    },
    {
        "type": "release",
        "lemmas": [],
        "irregular": [],
        "nouns": ["release"],
        "frame": "",
        "phrases": [
            "\\bpardoned\\b",
            "\\breleased\\b|\\bfreed\\b|ordered (?:his|her|their) release",
        ],
        "examples": [
            "Ana Lee has been under surveillance since her release on 3 May 2024.",
        ],
    },
    {
        "type": "amnesty",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\bamnesty\\b",
        ],
        "examples": [],
    },
    {
        "type": "appeal_filed",
        "lemmas": [],
        "irregular": [],
        "nouns": ["appeal"],
        "frame": "",
        "phrases": [
            "\\b(?:an|his|her|their|the) appeal (?:was )?(?:lodged|filed|submitted)\\b",
            "\\bappealed\\b|lodging a further appeal|lodged an appeal|filed an appeal|\\bobjected\\b",
        ],
        "examples": [
            "Ana Lee lost her job soon after her appeal in April 2024.",
        ],
    },
    {
        "type": "court_decision",
        "lemmas": ["rule"],
        "irregular": [],
        "nouns": [],
        "frame": "court rules, upholds, dismisses or rejects; a bail decision that does not free",
        "phrases": [
            "\\bconfirmed (?:the |his |her |their )?(?:[\\w-]+ ){0,2}?(?:sentences?|verdicts?|convictions?|judgments?)\\b|\\bdeclined to (?:quash|dismiss)\\b|\\bvoided\\b|\\b(?:objection|application|request|petition) (?:was )?(?:accepted|granted)\\b|\\bgranted (?:an? |the |his |her |their )?(?:application|request|petition)\\b",
            "\\b(?:refused|rejected|denied|revoked|dismissed)\\b[^.;]{0,40}?\\bbail\\b|\\bbail\\b[^.;]{0,40}?\\b(?:was |were )?(?:refused|rejected|denied|revoked)\\b|\\bgranted (?:\\w+ ){0,3}bail\\b|\\bbail (?:was |were )?granted\\b",
            "\\bupheld\\b|dismissed (?:the |his |her |their )?(?:[\\w’']+ ){0,2}?(?:appeals?|complaint|petition|application|motion)|delivered its judgment|accepted the objection|merged the case|rejected a defence request|\\bset aside\\b|\\bquashed\\b",
            "\\brejected (?:the |his |her |their )?(?:[\\w’']+ ){0,2}?(?:appeals?|requests?|application|petition|complaint|motion)",
        ],
        "examples": ["On 3 May 2024, the Supreme Court rejected her appeal."],
    },
    {
        "type": "complaint",
        "lemmas": ["complain"],
        "irregular": [],
        "nouns": [],
        "frame": "target or relatives complain, petition or file a complaint",
        "phrases": [
            "\\b(?:complaint|petition|lawsuit|writ|application)(?: (?:for|against|over|challenging|seeking) [^.;,]{0,40}?)? (?:was |were |had been |has been )?(?:filed|lodged|submitted)\\b|\\bfiled (?:a |an )?(?:[\\w-]+ )?(?:writ|lawsuit|suit)\\b|\\breported (?:his|her|their) (?:disappearance|abduction)\\b",
            "private complaint|(?:filed|lodged|submitted) an? (?:\\w+ )?(?:complaint|application|petition)|\\bpetitioned\\b",
            "\\bcomplaint (?:by|of|from) (?=[A-Z])",
        ],
        "examples": [
            "On 3 May 2024, her lawyer complained to the prosecutor.",
            "Acting on a complaint by Tom Reed, the police questioned Ana Lee.",
            "In May 2024, a petition challenging the arrest was filed on her behalf.",
        ],
    },
    {
        "type": "threat",
        "lemmas": [],
        "irregular": [],
        "nouns": [],
        "frame": "",
        "phrases": [
            "\\bthreatened\\b|\\bthreatening (?:him|her|them)\\b|warning that|death threats",
        ],
        "examples": [],
    },
    {
        "type": "attack",
        "lemmas": ["torture", "stab", "ill-treat"],
        "irregular": ["beaten"],
        "nouns": [],
        "frame": "agent attacks, beats or tortures target; target is beaten",
        "phrases": [
            "\\bshots? (?:were |was )?fired at\\b|\\bfired (?:\\w+ )?shots at\\b|\\bsmashed\\b|\\bdispersed (?:\\w+ ){0,3}with\\b|\\bdispersed (?:the |an? )?(?:[\\w-]+ ){0,2}(?:rally|rallies|protests?|demonstrations?|gatherings?|sit-ins?|march(?:es)?)\\b|\\bopened fire\\b",
            "set it on fire|\\btorched\\b|\\bbeat (?:him|her)\\b|\\battacked\\b|\\bassaulted\\b|electric shocks",
        ],
        "examples": [
            "On 3 May 2024, Ana Lee was beaten by guards.",
            "Guards tortured Ana Lee on 3 May 2024.",
        ],
    },
    {
        "type": "killing",
        "lemmas": [],
        "irregular": [],
        "nouns": ["killing", "murder"],
        "frame": "",
        "phrases": [
            "\\b(?:killed|murdered|shot dead|found dead)\\b|\\bthe killing of (?:his|her)\\b|\\bbody of [^.;]{0,60}? (?:was|were) found\\b",
        ],
        "examples": [
            "Her family demands justice for the killing in May 2024 of her son.",
        ],
    },
    {
        "type": "disappearance",
        "lemmas": ["abduct", "kidnap"],
        "irregular": [],
        "nouns": ["abduction", "disappearance"],
        "frame": "unknown agents abduct target; target disappears; whereabouts unknown",
        "phrases": [
            "\\bdisappeared\\b|whereabouts (?:remained|were|was) unknown",
            "\\btaken to an unknown (?:location|destination|place)\\b|\\bno information (?:on|about|of) (?:the |his |her |their )?(?:fate|whereabouts)\\b",
        ],
        "examples": [
            "Nothing has been heard of Ana Lee since her disappearance on 3 May 2024.",
            "On 3 May 2024, unidentified men abducted Ana Lee.",
            "Ana Lee was kidnapped on 3 May 2024.",
            "On 3 May 2024, Ana Lee was taken to an unknown location.",
            "On 3 May 2024, her family had no information on her whereabouts.",
        ],
    },
    {
        "type": "conviction",
        "lemmas": ["convict"],
        "irregular": [],
        "nouns": [],
        "frame": "court convicts target; target is convicted (no penalty in the same sentence, else sentence)",
        "phrases": [],
        "examples": ["On 3 May 2024, the court convicted Ana Lee of defamation."],
    },
    {
        "type": "other",
        "lemmas": ["deport", "expel"],
        "irregular": [],
        "nouns": ["deportation", "expulsion"],
        "frame": "target is deported, expelled, exiled, designated a foreign agent, dies in custody or goes on hunger strike; a UN body decides",
        "phrases": [
            "\\b(?:revoked|cancelled|refused|denied|withdrew) (?:[\\w’'-]+ ){0,3}(?:residence|residency) (?:permit|status|card)s?\\b",
            "\\b(?:began|started|went on|launched) (?:an? |her |his |their )?(?:[\\w-]+ )?hunger strike\\b|\\bgranted precautionary measures\\b",
            "\\b(?:began|started|went on|launched) an? (?:\\w+ )?hunger strike",
            "\\bdied in (?:custody|prison|detention)",
            '\\bdesignated (?:as )?(?:a |an )?[“\\"]?foreign agent',
            "\\b(?:flown|put on a (?:plane|flight)|escorted|driven) out of the country\\b|\\bforced (?:him|her|them) (?:to leave the country|into exile)\\b",
        ],
        "examples": [
            "After her deportation on 3 May 2024, Ana Lee settled in Borduria.",
            "In 2016, the authorities refused Ana Lee a residence permit.",
            "On 3 May 2024, Ana Lee was deported to Borduria.",
            "On 3 May 2024, Ana Lee began a hunger strike.",
            "On 3 May 2024, Ana Lee was driven to the airport and flown out of the country.",
        ],
    },
]
