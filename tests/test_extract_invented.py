"""Extraction quality on the invented appeals in tests/data/invented (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest
from goldscore import extract_and_score

from kg.extract.evaluate import Tally

INVENTED = Path(__file__).parent / "data" / "invented"

# F1 measured on the set, rounded down to two decimals. Rules were written against these appeals,
# so the floors guard against regressions only; raise them as the figures rise, never lower them.
# Events, participants, provisions and demands were added to the gold from the texts alone, before
# the extractor's output on them was looked at; their floors are the figures first measured.
# Each batch of new appeals set the floors anew at the figures measured when its gold was written:
# syn-015 to syn-024 (on the first 14 before: events 0.652, participants 0.529, provisions 1.0,
# demands 0.667; persons 0.946, roles 0.833, orgs 0.857, kinds 0.738) and syn-025 to syn-032
# (persons and organisations: on the first 24 before, persons 0.957, roles 0.815, orgs 0.885,
# kinds 0.788; events, participants, provisions and demands, written later: on the first 24
# before, events 0.831, participants 0.695, provisions 1.000, demands 0.541, after twelve steps of
# syn-001 to syn-024 were dated by the corpus convention, from events 0.746, participants 0.613).
# syn-033 to syn-038 (persons and organisations: on the first 32 before, persons 0.957, roles
# 0.851, orgs 0.906, kinds 0.824; events, participants, provisions and demands, written later:
# on the first 32 before, provisions 1.000, events 0.820, participants 0.713, demands 0.588).
# syn-039 to syn-044 were written whole (all eight categories) from the texts before the
# extractor was run on them; on the first 38 before: persons 0.959, roles 0.870, orgs 0.901,
# kinds 0.845, provisions 1.000, events 0.783, participants 0.693, demands 0.673; on the six
# alone: persons 0.946, roles 0.735, orgs 0.925, kinds 0.811, events 0.634, participants 0.519,
# demands 0.947. These eight floors are over the first 44 appeals, set at the figures measured then.
# syn-045 to syn-052 were written whole from the texts before the extractor was run on them, and
# scored once: on the eight alone persons 0.855, roles 0.797, orgs 0.863, kinds 0.806, provisions
# 0.933, events 0.729, participants 0.511, demands 0.915; on all 52 persons 0.970, roles 0.895,
# orgs 0.931, kinds 0.885, provisions 0.963, events 0.805, participants 0.709, demands 0.800.
# Seven of the eight figures over all 52 fell below the floors of the first 44 because of the new
# batch (the first 44 scored as before), so those floors stay, over the first 44, and
# WHOLE_SET_FLOORS holds the new batch's rule: floors over all 52 at the figures first measured.
# syn-053 to syn-060 were written whole from the texts before the extractor was run on them, and
# scored once (at 8388526): on the eight alone persons 0.826, roles 0.796, orgs 0.843, kinds
# 0.767, provisions 0.857, events 0.718, participants 0.498, demands 0.814; on all 60 persons
# 0.957, roles 0.887, orgs 0.917, kinds 0.866, provisions 0.924, events 0.787, participants
# 0.667, demands 0.803 (the first 52 unchanged). By the same rule the floors of the first 44 and
# of the first 52 stay over those appeals, and ALL_60_FLOORS holds floors over all 60 at the
# figures first measured.
# syn-061 to syn-068 were written whole from the texts before the extractor was run on them, and
# scored once (at eb2a978): on the eight alone persons 0.824, roles 0.796, orgs 0.860, kinds
# 0.793, provisions 0.829, events 0.806, participants 0.652, demands 0.897; on all 68 persons
# 0.952, roles 0.886, orgs 0.924, kinds 0.888, provisions 0.943, events 0.806, participants
# 0.686, demands 0.821 (the first 60 unchanged). The floors of the first 44, 52 and 60 stay over
# those appeals, and ALL_68_FLOORS holds floors over all 68 at the figures first measured.
# syn-069 to syn-072 were written whole from the texts before the extractor was run on them and
# scored once (at d6c687f; with the gold as corrected below): persons 0.947, roles 0.884, orgs
# 0.871, kinds 0.806, provisions 1.000, events 0.712, participants 0.617, demands 0.880; rules
# were then chosen on their misses (each kept only if the dev split did not drop). syn-073 to
# syn-076 were written after those rules and scored once (at 1fe367e): persons 0.947, roles
# 0.850, orgs 0.889, kinds 0.800, provisions 0.800, events 0.655, participants 0.511, demands
# 0.842 -- the same figures as the code before the rules (d6c687f) gives them. Three corrections
# to the new gold followed the set's conventions, not the extractor: a persecuted lawyer is a
# defender alone, an act named with its year ("Act of 1938") keeps the year in its name, and a
# prison is a place (a site in the development gold), not a body.
# ALL_76_FLOORS holds floors over all 76 at the figures measured when they were added; the
# floors of the first 68 stay over those appeals.
INVENTED_FLOORS = {
    # 0.986 once the gold listed unnamed groups that act ("three men") as the development gold
    # does (the gold changed, not the extractor); 0.981 after "y" between two Spanish surnames
    # and a quoted pen name (0.976 once runs in a
    # body's context became bodies; 0.959 before; 0.957 when syn-039 to syn-044 were added;
    # 0.953 at syn-033)
    "persons": 0.98,
    # 0.9127 once a nickname in quotes inside a name ('A "N" B') left the name whole;
    # 0.9104 once "Mr X" and a bare "X" were no form of a person a cue gives the other gender
    # ("his widow, A X"); 0.909 once "X testified that ..." and "X testified in court" named a
    # witness; 0.907 before. 0.904 once the gold listed unnamed groups (the gold changed; 0.898
    # before, after a persecuted lawyer became a defender alone there, 0.899 before that); 0.899
    # after a speaker's apposition and a member of a state body (0.888 once runs in a
    # body's context became bodies; 0.873 before); 0.871 (0.848 when
    # syn-039 to syn-044 were added; 0.870 on the first 38; 0.838 at syn-033)
    "person_roles": 0.91,
    # 0.943 once a run an apposition calls a body ("Tamkeen, a rights group") was one;
    # 0.942 once a name after a noun for a business ("the mining company X") was a company;
    # 0.940 once head words of state bodies that govern, regulate or represent ("Authority",
    # "Municipality", "Presidency", "Embassy") were read (0.9388 before); 0.938 once the gold
    # listed bodies named in lower case ("police") as the development
    # gold does (the gold changed, not the extractor; 0.924 before); 0.923 once runs in a body's
    # context became bodies (0.912 before); 0.910 (0.905 when
    # syn-039 to syn-044 were added; 0.901 on 38)
    # 0.9507 once posts, custody centres, registrars and acronyms were read (0.9478 before)
    "organisations": 0.95,
    # 0.901 once bodies named in French ran over "des", "du", "pour" and French head words
    # and hints gave their kinds (0.897 before); 0.897 once a run an apposition calls a body
    # was one; 0.895 once a name after a noun
    # for a business was a company (0.894 before); 0.892 once
    # the gold listed bodies in lower case (the gold changed; 0.877 before); 0.873
    # once runs in a body's context became bodies (0.861 before); 0.855 (0.840 when
    # syn-039 to syn-044 were added; 0.845 on the first 38; 0.824 at syn-033)
    # 0.9130 once a forum of a cause ("Human Rights Forum") was an NGO (0.9072 before)
    "organisation_kinds": 0.91,
    # 1.000 (24 of 24; syn-025 to syn-032 cite no article, syn-033 to syn-038 six, the new six 12)
    "legal_provisions": 1.0,
    # 0.8304 once a court granting the police days to investigate was custody;
    # 0.8258 once a shooting through a window, people beaten, break-ins, designations and lists,
    # closures ordered, a suit undergone and a named person's release ordered were read (0.8235
    # after the first of those);
    # 0.821 once "a week later" counted a week and "in late 2023" gave the year; 0.820
    # (0.8196) once received threats and more words of the genre were read; 0.817 once a
    # summons was read by what it asks and a suspended body as banned (0.813
    # after the next round's five event steps, docs/extraction.md); 0.792 after the round's
    # event steps before; 0.758 when syn-039 to syn-044 were added (0.783 on the first 38;
    # 0.820 on the first 32)
    "events": 0.86,
    # 0.7529 once passive verbs joined by "and" each kept their own "by" agent (two fewer
    # false); 0.7518 once custody and an unknown whereabouts, told on the day of an arrest
    # of the same people, took the arrest's agents; 0.7509 once a sentence told as served,
    # naming no court, took none from before;
    # 0.7498 once a court that remands "on charges of" was no agent of the charge; 0.7487
    # once the gold made unnamed groups agents, 0.749 once it made bodies in lower case
    # agents (the gold changed, not the extractor); 0.743 once
    # "them" and "the three" stood for the group of the last step done to several;
    # 0.740 once a complaint told with possessives only ("his family reported his
    # disappearance") took no target by pronoun; 0.739 once a body fined was the fine's
    # target; 0.736 once the people of a step told
    # again in a clause of its own were added (0.733
    # before it; 0.721 after those five steps; 0.697 before them; 0.663 when syn-039 to
    # syn-044 were added; 0.693 on the first 38); 0.7601 once the second verb of "were
    # summoned ... and questioned" took the subject's people, not the kin they are named by;
    # 0.7612 once "X's husband, Mr. Y" named Y, not X
    "event_participants": 0.81,
    # 0.750 then (51 of 78 found, 7 false; 0.7499... in floating point); 0.673 on the first 38
    "demands": 0.74,
}
FIRST_BATCHES = {f"syn-{n:03d}" for n in range(1, 45)}

FIRST_52 = {f"syn-{n:03d}" for n in range(1, 53)}

FIRST_60 = {f"syn-{n:03d}" for n in range(1, 61)}

FIRST_68 = {f"syn-{n:03d}" for n in range(1, 69)}

FIRST_76 = {f"syn-{n:03d}" for n in range(1, 77)}

FIRST_79 = {f"syn-{n:03d}" for n in range(1, 80)}

BATCH_080 = {f"syn-{n:03d}" for n in range(80, 86)}

FIRST_85 = {f"syn-{n:03d}" for n in range(1, 86)}

BATCH_086 = {f"syn-{n:03d}" for n in range(86, 92)}

FIRST_91 = {f"syn-{n:03d}" for n in range(1, 92)}

BATCH_092 = {f"syn-{n:03d}" for n in range(92, 98)}

FIRST_97 = {f"syn-{n:03d}" for n in range(1, 98)}

BATCH_098 = {f"syn-{n:03d}" for n in range(98, 106)}
FIRST_105 = {f"syn-{n:03d}" for n in range(1, 106)}
BATCH_106 = {f"syn-{n:03d}" for n in range(106, 130)}
FIRST_129 = {f"syn-{n:03d}" for n in range(1, 130)}
BATCH_130 = {f"syn-{n:03d}" for n in range(130, 142)}
FIRST_141 = {f"syn-{n:03d}" for n in range(1, 142)}
BATCH_142 = {f"syn-{n:03d}" for n in range(142, 154)}
FIRST_153 = {f"syn-{n:03d}" for n in range(1, 154)}
BATCH_154 = {f"syn-{n:03d}" for n in [*range(154, 166), *range(178, 185)]}
FIRST_172 = FIRST_153 | BATCH_154
BATCH_166 = {f"syn-{n:03d}" for n in range(166, 178)}

# F1 over the first 52 appeals, rounded down, as first measured when syn-045 to syn-052 were added.
WHOLE_SET_FLOORS = {
    "persons": 0.97,
    # 0.9008 once "A B of the X Law Society" was a person of a body, not a law (0.8986 before)
    "person_roles": 0.90,
    "organisations": 0.93,
    # 0.8951 once a forum of a cause was an NGO; 0.8902 once a company's state ownership, units
    # of the police, the UN's agencies, header lines and bracketed acronyms were read (0.88 first)
    "organisation_kinds": 0.89,
    "legal_provisions": 0.96,
    # 0.8104 once a court granting the police days to investigate was custody (0.805 first)
    "events": 0.85,
    # 0.7126 then (0.709 first); 0.7140 once the second verb of "were summoned ... and
    # questioned" took the subject's people
    "event_participants": 0.78,
    # 0.800 (78 of 109 found, 8 false)
    "demands": 0.79,
}

# F1 over the first 60 appeals, rounded down, as first measured when syn-053 to syn-060 were
# added.
ALL_60_FLOORS = {
    # 0.9589 once a short form keeping the given name and part of the rest in order ("Gabriel
    # Rondón" of "Gabriel Alejandro Rondón Pérez") was a variant of the one name holding it
    # (0.9570 first); 0.9599 once "Mr X" named no one a cue gives the other gender
    # 0.9620 once "A B of the X Law Society" was a person of a body, not a law; 0.9630 once a
    # name opening an address line after a country was a person
    "persons": 0.96,
    # 0.8912 once a nickname in quotes inside a name left the name whole; 0.8893 after the
    # gender cue; 0.8883 after the short forms (0.8866 first)
    # 0.8933 once "A B of the X Law Society" was a person of a body; 0.8943 once a name opening
    # an address line after a country was a person
    "person_roles": 0.89,
    # 0.9298 once a post after a body's possessive was that body; 0.9279 once a correctional or
    # detention centre was a place; 0.9260 once a registrar of bodies ("Registrar of Societies") was
    # a government body; 0.9249 once "the CEDAW Committee" was the committee the text gave that
    # acronym; 0.9240 once a court's name ran on over "with jurisdiction over ... cases"; 0.9220
    # once "Judgeship" was a court's head word; 0.9209 once a body read with its acronym in brackets
    # was the body of that name; 0.9179 once a header line "ACRONYM – Full Name" named one body;
    # 0.9170 once a legal form after a comma ("X, S.A.") ended a company's name (0.9130 once the
    # gold quoted names holding a comma, 0.9170 before that)
    # 0.9320 after "A B of the X Law Society" was read as a person of a body
    "organisations": 0.93,
    # 0.8973 once a post after a body's possessive was that body; 0.8954 once a correctional or
    # detention centre was a place; 0.8936 once a forum of a cause ("Human Rights Forum") was an
    # NGO; 0.8875 once a registrar of bodies was a government body; 0.8864 once an acronym before a
    # head word named the body of that acronym; 0.8855 once a court's name ran on over its
    # jurisdiction; 0.8835 once "Judgeship" was a court's head word; 0.8824 once a body read with
    # its acronym in brackets was the body of that name; 0.8794 once a header line "ACRONYM – Full
    # Name" named one body; 0.8785 once the UN's agencies by name were international bodies; 0.8765
    # once a unit of the police took its parent's kind; 0.8725 once a company the text calls state-
    # owned was a state enterprise; 0.8664 once a legal form after a comma ended a company's name
    # (0.8644 before)
    "organisation_kinds": 0.89,
    # 0.9708 once a numbered law's subject in lower case was its name's with no year before it;
    # 0.9591 once syn-060's gold quoted a law's name that holds a comma, which YAML had cut at
    # the comma (the gold changed, not the extractor); 0.9474 once "of the penal code" in lower
    # case was the penal code the text named; 0.9357 once an article's part after a slash
    # ("314/2", "8/A") stayed with its number (0.9240 first)
    "legal_provisions": 0.97,
    # 0.8024 once a court granting the police days to investigate was custody; 0.7956 once a
    # registration suspended was a ban; 0.7927 once calls or messages warning
    # or telling the person were threats (0.7868 first)
    "events": 0.87,
    # 0.6783 once the police granted days to investigate were custody; 0.6713 once a
    # registration suspended or a body suspended by its acronym was a ban (0.6688 after the
    # threats above; 0.6670 first); 0.6903 once the second verb of "were summoned ... and
    # questioned", joined to a passive participle, took the subject's people and not the kin
    # the subject names (0.6872 before); 0.6909 once "X's husband, Mr. Y" named Y, not X
    "event_participants": 0.77,
    # 0.803 (102 of 144 found, 8 false)
    "demands": 0.80,
}

# F1 over all 68 appeals, rounded down, as first measured when syn-061 to syn-068 were added.
ALL_68_FLOORS = {
    # 0.9708 once a group known by what they rode or carried was an unnamed group;
    # 0.9625 once an investigating judge known by the court alone was an unnamed judge;
    # 0.9587 once two-letter initials, Turkic patronymic particles, a particle after an
    # initial and "d'" held names whole (0.9521 first)
    "persons": 0.97,
    # 0.9180 once a group known by what they rode or carried was an unnamed group (0.9124
    # before, with others' role steps); 0.8981 once an investigating judge known by the court
    # alone was an unnamed judge; 0.8927 once two-letter initials ("Kh."), "uulu"/"kyzy", a
    # particle after an initial and "d'" held names whole (0.8864 first)
    "person_roles": 0.91,
    # 0.9321 after the round's body steps (0.9241 first)
    "organisations": 0.93,
    # 0.8995 after the round's body and kind steps (0.8879 first)
    "organisation_kinds": 0.89,
    # 0.9434 first
    "legal_provisions": 0.94,
    # 0.8062 first
    "events": 0.87,
    # 0.7030 once an investigating judge known by the court alone was an unnamed judge;
    # 0.6909 after the name particles and initials (0.6860 first, 0.6893 after the past
    # perfect inside what someone was told)
    "event_participants": 0.78,
    # 0.8205 first (128 of 176 found, 8 false)
    "demands": 0.82,
}

# F1 over all 76 appeals, rounded down, as measured when syn-069 to syn-076 were added.
ALL_76_FLOORS = {
    "persons": 0.98,  # 0.9812
    "person_roles": 0.93,  # 0.9306
    "organisations": 0.93,  # 0.9388
    "organisation_kinds": 0.90,  # 0.9041
    "legal_provisions": 0.94,  # 0.9407
    "events": 0.87,  # 0.8389
    "event_participants": 0.78,  # 0.7426
    "demands": 0.82,  # 0.8258
}

# Appeals whose gold has no provisions, events or demands written yet: they are scored for persons
# and organisations only. Take a name off the list in the commit that writes that gold.
PENDING_EVENT_GOLD: set[str] = set()
PERSON_CATEGORIES = {"persons", "person_roles", "organisations", "organisation_kinds"}


@pytest.fixture(scope="module")
def invented_report():
    report = extract_and_score(INVENTED, "all")
    assert len(report.cases) == 184
    assert PENDING_EVENT_GOLD <= {c.case for c in report.cases}
    return report


def category_total(report, category: str, batches: set[str] | None = None) -> Tally:
    """The category's tally over the appeals (of ``batches``, by id prefix) whose gold covers it."""
    total = Tally()
    for case in report.cases:
        if batches is not None and case.case[:7] not in batches:
            continue
        if category in PERSON_CATEGORIES or case.case not in PENDING_EVENT_GOLD:
            total.add(case.tallies[category])
    return total


# syn-077 to syn-079 (an Observatory urgent appeal on Mongolia, an HRW release on Mozambique, a
# GCHR appeal on Oman) were written whole before the extractor was run on them and scored once
# (at 0f8163d): persons 0.917, roles 0.750, orgs 0.944, kinds 0.889, provisions 1.000, events
# 0.723, participants 0.712, demands 0.818. Two corrections to their gold then followed written
# conventions (a fine stated with a prison term is an event of its own, the corpus README; steps a
# witness reports stay undated, this set's README): events 0.833, participants 0.785. Floors over
# all 79 are set at the figures then measured; those of the first 76 stay over those appeals.
ALL_79_FLOORS = {
    "persons": 0.97,  # 0.9799
    "person_roles": 0.92,  # 0.9274
    "organisations": 0.93,  # 0.9390
    "organisation_kinds": 0.90,  # 0.9039
    "legal_provisions": 0.94,  # 0.9421
    "events": 0.87,  # 0.8392
    "event_participants": 0.78,  # 0.7441
    "demands": 0.88,  # 0.8816 (0.8254 before the asks in the present)
}


# syn-080 to syn-085 (an Amnesty urgent action on Russia, an Observatory urgent appeal on
# Nicaragua, a UN allegation letter on Bahrain, an Amnesty further information on Saudi Arabia, an
# HRW release on Rwanda, a UN experts' press release on India), rich in persons and their roles,
# were written whole before the extractor was run on them and scored once (at 753dd2b): persons
# 0.8824, roles 0.7044, orgs 0.8814, kinds 0.6780, provisions 0.9524, events 0.8125, participants
# 0.6039, demands 0.9091. Rules for persons and roles were then chosen on the misses of syn-080 to
# syn-082 only. BATCH_080_FLOORS holds floors over the six; ALL_85_FLOORS over all 85, both at the
# figures measured at the end of that round (with the rules of other areas landed beside it);
# those of the first 79 stay over those appeals.
BATCH_080_FLOORS = {
    "persons": 0.91,  # 0.9185 (0.8824 first)
    "person_roles": 0.88,  # 0.8834 (0.8344 at the end of that round; 0.7044 first)
    "organisations": 0.89,  # 0.8908 (0.8814 first)
    "organisation_kinds": 0.72,  # 0.7227 (0.6780 first)
    "legal_provisions": 0.95,  # 0.9524
    "events": 0.88,  # 0.8125
    "event_participants": 0.68,  # 0.6371 (0.6039 first)
    "demands": 0.90,  # 0.9091
}

ALL_85_FLOORS = {
    "persons": 0.97,  # 0.9782 (0.9730 first)
    "person_roles": 0.94,  # 0.9416 (0.9330 at the end of that round; 0.9124 first)
    "organisations": 0.94,  # 0.9439 (0.9384 first)
    "organisation_kinds": 0.90,  # 0.9017 (0.8886 first)
    "legal_provisions": 0.98,  # 0.9859 (0.9718 first)
    "events": 0.87,  # 0.8520 (0.8502 first)
    "event_participants": 0.77,  # 0.7534 (0.7409 first)
    "demands": 0.89,  # 0.8944 (0.8341 first)
}


# syn-086 to syn-091 (an FIDH press release on Guinea, a CIVICUS statement on Serbia, a CPJ alert
# on Sri Lanka, a EuroMed Rights press release on Morocco, a FORUM-ASIA case on Indonesia, an
# IM-Defensoras alert on El Salvador), rich in dated events and their participants, were written
# whole before the extractor was run on them and scored once (at 753dd2b): persons 0.809, roles
# 0.791, orgs 0.796, kinds 0.741, provisions 0.950, events 0.698, participants 0.439, demands
# 0.958. Rules for events and participants were then chosen on the misses of syn-086 to syn-088
# only. BATCH_086_FLOORS holds floors over the six; ALL_91_FLOORS over the first 91, both at the
# figures measured after those rules and the other rules of the round (the figures when the
# batch was added in brackets); those of the first 85 stay over those appeals.
BATCH_086_FLOORS = {
    "persons": 0.89,  # 0.8936 (0.8602 when added)
    "person_roles": 0.87,  # 0.8750 (0.8421)
    "organisations": 0.92,  # 0.9273 (0.7963)
    "organisation_kinds": 0.89,  # 0.8909 (0.7407)
    "legal_provisions": 0.95,  # 0.9500
    "events": 0.88,  # 0.8343 (0.7176)
    "event_participants": 0.71,  # 0.6651 (0.5058)
    "demands": 1.0,  # 1.0000
}

ALL_91_FLOORS = {
    "persons": 0.97,  # 0.9727 (0.9656 when added)
    "person_roles": 0.93,  # 0.9374 (0.9293 at the end of that round; 0.9080)
    "organisations": 0.94,  # 0.9479 (0.9280)
    "organisation_kinds": 0.90,  # 0.9060 (0.8777)
    "legal_provisions": 0.98,  # 0.9815 (0.9691)
    "events": 0.87,  # 0.8587 (0.8351)
    "event_participants": 0.76,  # 0.7470 (0.7155)
    "demands": 0.90,  # 0.9051 (0.8961)
}


# syn-092 to syn-097 (Front Line Defenders appeals on Colombia, 2013, and Georgia, 2025, a GCHR
# appeal on Bahrain, a PEN alert on Iran, an ARTICLE 19 statement on Bangladesh, a DefendDefenders
# statement on South Sudan), rich in organisations of every kind, were written whole before the
# extractor was run on them and scored once (at 753dd2b): persons 0.9231, roles 0.7470, orgs
# 0.9005, kinds 0.8341, provisions 0.6250, events 0.7563, participants 0.6418, demands 0.9811.
# Rules for organisations and their kinds were then chosen on the misses of syn-092 to syn-094
# only (syn-095 to syn-097, held out, stayed at orgs 0.8750, kinds 0.8333). BATCH_092_FLOORS holds
# floors over the six; ALL_97_FLOORS over all 97, both at the figures measured after those rules
# (and the rules others landed beside them); those of the first 91 stay over those appeals.
BATCH_092_FLOORS = {
    "persons": 0.93,  # 0.9351 (0.9231 first)
    "person_roles": 0.79,  # 0.7901 (0.7561 at the end of that round; 0.7470 first)
    "organisations": 0.91,  # 0.9194 (0.9005 first)
    "organisation_kinds": 0.88,  # 0.8815 (0.8341 first)
    "legal_provisions": 0.93,  # 0.9375 (0.6250 first)
    "events": 0.81,  # 0.7563
    "event_participants": 0.69,  # 0.6642 (0.6418 first)
    "demands": 0.98,  # 0.9811
}

ALL_97_FLOORS = {
    "persons": 0.97,  # 0.9707 (0.9667 when the batch was added)
    "person_roles": 0.93,  # 0.9300 (0.9205 at the end of that round; 0.9136)
    "organisations": 0.94,  # 0.9444 (0.9264)
    "organisation_kinds": 0.90,  # 0.9030 (0.8789)
    "legal_provisions": 0.97,  # 0.9775 (0.9382)
    "events": 0.87,  # 0.8443 (0.8293)
    "event_participants": 0.76,  # 0.7381 (0.7129)
    "demands": 0.91,  # 0.9124 (0.9044)
}


# syn-098 to syn-105 (Front Line Defenders on Kyrgyzstan, an Amnesty urgent action on Viet Nam, a
# UN allegation letter on Belarus, an Observatory urgent appeal on Honduras, HRW on Tunisia, CPJ
# on Zimbabwe, GCHR on Saudi Arabia, a UN experts' release on Nicaragua) were written whole, by
# the corpus README's conventions, without reading the extractor's code, and scored once at the
# end of the round that wrote syn-080 to syn-097 (at 3d82759), before any rule was chosen on them:
# the floors are those first figures. The code before that round (753dd2b) scores them persons
# 0.8125, roles 0.7101, orgs 0.8408, kinds 0.8026, provisions 0.9062, events 0.7647, participants
# 0.5732, demands 0.8451. ALL_105_FLOORS is over all 105 at the figures then; those of the first
# 97 stay over those appeals.
BATCH_098_FLOORS = {
    "persons": 0.81,  # 0.8125
    "person_roles": 0.73,  # 0.7391 (0.7101 first)
    "organisations": 0.88,  # 0.8805
    "organisation_kinds": 0.86,  # 0.8679
    "legal_provisions": 0.90,  # 0.9062
    "events": 0.80,  # 0.7885
    "event_participants": 0.63,  # 0.6032
    "demands": 0.86,  # 0.8611
}

ALL_105_FLOORS = {
    "persons": 0.95,  # 0.9583
    "person_roles": 0.91,  # 0.9150 (0.9039 first)
    "organisations": 0.95,  # 0.9577 (0.9389 first)
    "organisation_kinds": 0.92,  # 0.9218 (0.8999 first)
    "legal_provisions": 0.96,  # 0.9667
    "events": 0.88,  # 0.8820 (0.8613 after the round of event steps, 0.8459 before)
    "event_participants": 0.74,  # 0.7404 after the round of event steps (0.7309; 0.7268 first)
    "demands": 0.90,  # 0.9065
}


# syn-106 to syn-129 (twenty-four appeals in fifteen issuers' styles, tests/data/invented/README.md)
# were written whole, by the corpus README's conventions, without reading the extractor's code,
# before the round that followed them began, and no rule was chosen on them: the rules of that
# round were chosen on the development halves and syn-001 to syn-101. They were scored once with
# the code before the round (3ef8937) and once after it (867fbc2d): persons 0.8635 -> 0.8635,
# roles 0.7541 -> 0.7624, orgs 0.8981 -> 0.9112, kinds 0.8491 -> 0.8582, provisions 0.9388 ->
# 0.9388, events 0.6635 -> 0.6761, participants 0.5146 -> 0.5312, demands 0.9130 -> 0.9130. The
# floors are the figures after the round; ALL_129_FLOORS is over all 129 then, and the floors of
# the first 105 stay over those appeals.
BATCH_106_FLOORS = {
    "persons": 0.86,  # 0.8635
    "person_roles": 0.76,  # 0.7624 (0.7541 before the round)
    "organisations": 0.91,  # 0.9112 (0.8981)
    "organisation_kinds": 0.85,  # 0.8582 (0.8491)
    "legal_provisions": 0.93,  # 0.9388
    "events": 0.67,  # 0.6761 (0.6635)
    "event_participants": 0.53,  # 0.5312 (0.5146)
    "demands": 0.91,  # 0.9130
}

ALL_129_FLOORS = {
    "persons": 0.94,  # 0.9405
    "person_roles": 0.90,  # 0.9020 (0.8867 when added)
    "organisations": 0.95,  # 0.9503 (0.9473 when added)
    "organisation_kinds": 0.91,  # 0.9149 (0.9076 when added)
    "legal_provisions": 0.95,  # 0.9578
    "events": 0.83,  # 0.8301 (0.8198; 0.8164 when added)
    "event_participants": 0.69,  # 0.6887
    "demands": 0.90,  # 0.9082
}


# syn-130 to syn-141 (twelve appeals in twelve issuers' styles, tests/data/invented/README.md) were
# written whole, by the corpus README's conventions, without reading the extractor's code, while
# the round of rules that followed syn-106 to syn-129 was under way, and no rule was chosen on
# them (that round chose on the development halves and syn-001 to syn-101). Scored with the code
# before the round (0d6101d) and after it (d8e9de8): persons 0.8657 -> 0.8700, roles 0.8173 ->
# 0.8213, orgs 0.8947 -> 0.9035, kinds 0.8684 -> 0.8772, provisions 0.9216 -> 0.9216, events
# 0.7524 -> 0.7524, participants 0.5882 -> 0.5863, demands 0.9434 -> 0.9434. The floors are the
# figures after the round; ALL_141_FLOORS is over all 141 then, and the floors of the first 129
# stay over those appeals.
BATCH_130_FLOORS = {
    "persons": 0.87,  # 0.8700 (0.8657 before the round)
    "person_roles": 0.82,  # 0.8213 (0.8173)
    "organisations": 0.90,  # 0.9035 (0.8947)
    "organisation_kinds": 0.87,  # 0.8772 (0.8684)
    "legal_provisions": 0.92,  # 0.9216
    "events": 0.75,  # 0.7524
    "event_participants": 0.58,  # 0.5863 (0.5882)
    "demands": 0.94,  # 0.9434
}

ALL_141_FLOORS = {
    "persons": 0.94,  # 0.9457 (0.9424 when added)
    "person_roles": 0.90,  # 0.9026 (0.8955 when added)
    "organisations": 0.94,  # 0.9462
    "organisation_kinds": 0.91,  # 0.9116
    "legal_provisions": 0.95,  # 0.9554 (0.9526 when added)
    "events": 0.82,  # 0.8217 (0.8121 when added)
    "event_participants": 0.69,  # 0.6973 (0.6853 when added)
    "demands": 0.92,  # 0.9229 (0.9133 when added)
}


# syn-142 to syn-153 (twelve appeals in twelve issuers' styles, tests/data/invented/README.md) were
# written whole, by the corpus README's conventions, without reading the extractor's code, while
# the round of rules by mechanisms (64b7b56..54bfc4b) was under way; no rule was chosen on them
# (that round chose on the development halves and syn-001 to syn-101, and checked on syn-102 to
# syn-141). Scored with the code before the round (64b7b56) and after it (54bfc4b): persons
# 0.8684 -> 0.8684, roles 0.7875 -> 0.7925, orgs 0.8584 -> 0.8584, kinds 0.8155 -> 0.8155,
# provisions 0.8793 -> 0.8793, events 0.7218 -> 0.7218, participants 0.5353 -> 0.5344, demands
# 0.9126 -> 0.9231. The floors are the figures after the round; ALL_153_FLOORS is over all 153
# then, and the floors of the first 141 stay over those appeals.
BATCH_142_FLOORS = {
    "persons": 0.86,  # 0.8684
    "person_roles": 0.79,  # 0.7925 (0.7875 before the round)
    "organisations": 0.85,  # 0.8584
    "organisation_kinds": 0.81,  # 0.8155
    "legal_provisions": 0.87,  # 0.8793
    "events": 0.72,  # 0.7218
    "event_participants": 0.53,  # 0.5344 (0.5353)
    "demands": 0.92,  # 0.9231 (0.9126)
}

ALL_153_FLOORS = {
    "persons": 0.94,  # 0.9408
    "person_roles": 0.89,  # 0.8957
    "organisations": 0.93,  # 0.9390
    "organisation_kinds": 0.90,  # 0.9037
    "legal_provisions": 0.94,  # 0.9448
    "events": 0.81,  # 0.8132 after the steps of event recall (0.8044 before)
    "event_participants": 0.68,  # 0.6843 (0.6761)
    "demands": 0.92,  # 0.9229
}

# syn-154 to syn-165 and syn-178 to syn-184 (two batches written whole without reading the
# extractor's code, tests/data/invented/README.md) were scored once with the code before the round
# that read them (at 74166569: persons 0.833, roles 0.766, organisations 0.831, kinds 0.775,
# provisions 0.931, events 0.713, participants 0.566, demands 0.877), then read: the rules of the
# round after were chosen on their misses. The floors are the figures after that round (92d39dc);
# ALL_172_FLOORS is over all 172 then, and ALL_153_FLOORS stays over the first 153.
BATCH_154_FLOORS = {
    "persons": 0.92,  # 0.9236 (0.8993 at 92d39dc)
    "person_roles": 0.88,  # 0.8826 (0.8481)
    "organisations": 0.87,  # 0.8800 (0.8677 at 92d39dc)
    "organisation_kinds": 0.82,  # 0.8246 (0.8123)
    "legal_provisions": 1.0,  # 1.0000 (0.9811)
    "events": 0.80,  # 0.8077 (0.7146 when added)
    "event_participants": 0.67,  # 0.6772 (0.5973)
    "demands": 0.91,  # 0.9139 (0.8844)
}

ALL_172_FLOORS = {
    "persons": 0.94,  # 0.9449 (0.9417)
    "person_roles": 0.90,  # 0.9001 (0.8961)
    "organisations": 0.93,  # 0.9349 (0.9323)
    "organisation_kinds": 0.89,  # 0.8977 (0.8956)
    "legal_provisions": 0.95,  # 0.9556 (0.9507)
    "events": 0.81,  # 0.8160 (0.8018 when added)
    "event_participants": 0.68,  # 0.6871 (0.6754)
    "demands": 0.92,  # 0.9253 (0.9182)
}

# syn-166 to syn-177 (a batch written whole without reading the extractor's code,
# tests/data/invented/README.md) were kept outside the repository for two rounds and scored with
# the code before the first (8ad7370: persons 0.802, roles 0.670, organisations 0.825, kinds
# 0.739, provisions 0.824, events 0.678, participants 0.516, demands 0.937), after it (92d39dc:
# 0.827, 0.696, 0.825, 0.747, 0.824, 0.678, 0.518, 0.937) and after the second (4473f60c, below);
# no rule was chosen on them. They join the set to be read; the floors are the figures they
# joined at. ALL_184_FLOORS is over all 184 then; ALL_172_FLOORS stays over the first 172.
BATCH_166_FLOORS = {
    "persons": 0.82,  # 0.8268
    "person_roles": 0.69,  # 0.6961
    "organisations": 0.82,  # 0.8217
    "organisation_kinds": 0.74,  # 0.7442
    "legal_provisions": 0.82,  # 0.8235
    "events": 0.68,  # 0.6804
    "event_participants": 0.51,  # 0.5183
    "demands": 0.93,  # 0.9369
}

ALL_184_FLOORS = {
    "persons": 0.93,  # 0.9383
    "person_roles": 0.88,  # 0.8886
    "organisations": 0.92,  # 0.9264
    "organisation_kinds": 0.88,  # 0.8861
    "legal_provisions": 0.94,  # 0.9414
    "events": 0.80,  # 0.8057
    "event_participants": 0.67,  # 0.6744
    "demands": 0.92,  # 0.9263
}


# Each set of appeals with its floors, in the order the batches were added: a batch's floors
# stay over the appeals it was set on when later batches change the figures of the whole.
FLOOR_SETS: list[tuple[str, set[str] | None, dict[str, float]]] = [
    ("syn-001 to syn-044", FIRST_BATCHES, INVENTED_FLOORS),
    ("syn-001 to syn-052", FIRST_52, WHOLE_SET_FLOORS),
    ("syn-001 to syn-060", FIRST_60, ALL_60_FLOORS),
    ("syn-001 to syn-068", FIRST_68, ALL_68_FLOORS),
    ("syn-001 to syn-076", FIRST_76, ALL_76_FLOORS),
    ("syn-001 to syn-079", FIRST_79, ALL_79_FLOORS),
    ("syn-080 to syn-085", BATCH_080, BATCH_080_FLOORS),
    ("syn-001 to syn-085", FIRST_85, ALL_85_FLOORS),
    ("syn-086 to syn-091", BATCH_086, BATCH_086_FLOORS),
    ("syn-092 to syn-097", BATCH_092, BATCH_092_FLOORS),
    ("syn-001 to syn-091", FIRST_91, ALL_91_FLOORS),
    ("syn-001 to syn-097", FIRST_97, ALL_97_FLOORS),
    ("syn-098 to syn-105", BATCH_098, BATCH_098_FLOORS),
    ("syn-001 to syn-105", FIRST_105, ALL_105_FLOORS),
    ("syn-106 to syn-129", BATCH_106, BATCH_106_FLOORS),
    ("syn-001 to syn-129", FIRST_129, ALL_129_FLOORS),
    ("syn-130 to syn-141", BATCH_130, BATCH_130_FLOORS),
    ("syn-001 to syn-141", FIRST_141, ALL_141_FLOORS),
    ("syn-142 to syn-153", BATCH_142, BATCH_142_FLOORS),
    ("syn-001 to syn-153", FIRST_153, ALL_153_FLOORS),
    ("syn-154 to syn-165 and syn-178 to syn-184", BATCH_154, BATCH_154_FLOORS),
    ("syn-001 to syn-165 and syn-178 to syn-184", FIRST_172, ALL_172_FLOORS),
    ("syn-166 to syn-177", BATCH_166, BATCH_166_FLOORS),
    ("all the invented appeals", None, ALL_184_FLOORS),
]


@pytest.mark.parametrize(
    ("label", "appeals", "category", "floor"),
    [
        pytest.param(label, appeals, category, floor, id=f"{label}: {category}")
        for label, appeals, floors in FLOOR_SETS
        for category, floor in floors.items()
    ],
)
def test_invented_quality(
    invented_report, label: str, appeals: set[str] | None, category: str, floor: float
) -> None:
    f1 = category_total(invented_report, category, appeals).f1
    assert f1 >= floor, f"{category}: F1 {f1:.3f} on {label}"


def test_first_batches_are_the_first_44(invented_report) -> None:
    first = {c.case for c in invented_report.cases if c.case[:7] in FIRST_BATCHES}
    assert len(first) == 44
