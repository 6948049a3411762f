"""Ages stated as they are now ("now in its 13th year") compared by whose they are; people
driven from their homes read as displaced; a passage figure that only allows the claim's
("dozens" for "more than 80") does not support it. Invented names throughout."""

import pytest

from models.analysis import analyse
from models.figures import extract_figures, states
from models.stance import NEUTRAL, REFUTES, SUPPORTS
from tests.test_general_english import _one_stance, _one_stance_after

_NORLAND_WAR = "Norland's war, now in its 13th year, has devastated the country."
_TENTH = "The war in Norland has now entered its tenth year."
_TENTH_NOW = "The war in Norland is now in its tenth year."


@pytest.mark.parametrize("claim, passage, label", [
    # an age now is a fact about its owner, whatever the clauses' verbs
    ("The war in Norland has now entered its tenth year.", _NORLAND_WAR, REFUTES),
    ("Norland's war is now in its thirteenth year.",
     "The conflict in Norland, now in its 13th year, has displaced millions.", SUPPORTS),
    # another owner: another country's war, a president's time in office
    ("The war in Norland has now entered its tenth year.", "Ostia's war, now in its 13th year, has devastated the country.",
     NEUTRAL),
    pytest.param("Norland's president is now in his first year in office.", _NORLAND_WAR, NEUTRAL, marks=pytest.mark.xfail(
        strict=True, reason="known limit: phrases that share no word fall back to the clauses, which share 'now'; "
                            "dropping 'now' there lost 'Norland currently has 12 provinces' against itself (fourth review)")),
    ("The war in Norland has now entered its tenth year.", "Norland's president, now in his third year in office, "
                                                           "visited Ostia.", NEUTRAL),
    # ages at two events: both may be true
    ("Norland's president, in his first year in office, met the envoy in Ostia.",
     "Norland's president, now in his third year in office, visited Ostia.", NEUTRAL),
    # a review's probes: an age of a phrase that adds to the claim's is another thing's ...
    (_TENTH, "Ostia's support for the war in Norland, now in its third year, has drained its budget.", NEUTRAL),
    (_TENTH, "The peace talks on the war in Norland, now in their third year, have stalled.", NEUTRAL),
    (_TENTH, "The UN inquiry into the war in Norland, now in its third year, has stalled.", NEUTRAL),
    (_TENTH, "Norland's war with Ostia, now in its third year, has devastated the border.", NEUTRAL),
    ("Norland's war has now entered its 13th year.", "Norland's war on drugs, now in its third year, has filled "
                                                     "the prisons.", NEUTRAL),
    ("The war in northern Norland has now entered its third year.",
     "The war in southern Norland, now in its tenth year, has killed thousands.", NEUTRAL),
    ("The battle for the airport has now entered its third week.",
     "The fighting in Pellan, now in its tenth week, has killed hundreds.", NEUTRAL),
    # ... a fronted age's owner is not in the sentence before
    ("The Norland war is now in its tenth year.",
     "Farmers in Norland blame the war. Now in its third year, the drought has ruined the harvest.", NEUTRAL),
    # ... and a fronted age, a pronoun's, or one at an event are still read
    ("The war in Norland is now in its tenth year.",
     "Now in its tenth year, the war in Norland has devastated the country.", SUPPORTS),
    ("The war in Norland is now in its tenth year.", "The war in Norland began in 2014. It is now in its tenth year.",
     SUPPORTS),
    ("The war in Norland is now in its 12th year.",
     "Now in its tenth year, the war in Norland has devastated the country.", REFUTES),
    ("Kessel resigned in his third year as president.", "In his third year as president, Kessel resigned.", SUPPORTS),
    ("Kessel resigned in his fifth year as president.", "In his third year as president, Kessel resigned.", REFUTES),
    # a phrase that differs falls back to the clauses' words: an adjective, a speaker (a
    # second review's probes)
    ("Norland's civil war is now in its 13th year.",
     "Norland's devastating civil war, now in its 13th year, has displaced millions.", SUPPORTS),
    ("Norland's civil war is now in its tenth year.",
     "Norland's devastating civil war is now in its 13th year.", REFUTES),
    ("The drought in Norland is now in its fifth year.",
     "Farmers blame the drought in Norland, now in its fifth year, for the poor harvest.", SUPPORTS),
    # ... and so does one in other words, or of names only (a third review's probes)
    ("The siege of Pellan, now in its third month, has cut off food supplies",
     "The blockade of Pellan, now in its fifth month, has cut off food supplies", REFUTES),
    ("The talks between Norland and Ostia, now in their fifth day, have stalled",
     "The negotiations between Norland and Ostia, now in their fifth day, have stalled", SUPPORTS),
    ("The ceasefire in Pellan, now in its third week, is holding",
     "The truce in Pellan, now in its fifth week, is holding", REFUTES),
    ("The Pellan Accord, now in its fifth year, has held", "The Pellan Accord, now in its fifth year, has held", SUPPORTS),
    ("Operation Northern Shield, now in its third week, continues",
     "Operation Northern Shield, now in its fifth week, continues", REFUTES),
    # "It"/"They" is the sentence before's subject, in the claim's possessive (a fourth review's probes)
    ("The war in Norland is now in its eighth year.", "The war in Norland began in 2014. It is now in its tenth year.",
     REFUTES),
    (_TENTH_NOW, "The war in Norland displaced the farmers of Pellan. They are now in their third year of exile.", NEUTRAL),
    (_TENTH_NOW, "A UN mission was sent after the war in Norland began. It is now in its third year.", NEUTRAL),
    (_TENTH_NOW, "The UN mission monitors the war in Norland. It is now in its third year.", NEUTRAL),
    ("Norland's president is now in his second year.",
     "Norland's president took office amid the war. It is now in its tenth year.", NEUTRAL),
])
def test_an_age_now_is_compared_by_whose_it_is(claim, passage, label):
    assert _one_stance(claim, passage).label == label


@pytest.mark.parametrize("claim, passage, label", [
    # "now" or "currently" may be all two clauses share ("has"): they are still one event
    ("Norland currently has 12 provinces.", "Norland currently has 12 provinces.", SUPPORTS),
    ("Norland currently has 12 provinces.", "Norland currently has 10 provinces.", REFUTES),
    ("There are still 2,000 troops in Pellan.", "There are still 3,000 troops in Pellan.", REFUTES),
])
def test_a_when_word_may_be_all_two_counts_clauses_share(claim, passage, label):
    assert _one_stance(claim, passage).label == label


@pytest.mark.parametrize("text, keys", [
    ("The war has driven millions of people from their homes.", ("war", "displac", "peopl")),
    ("The fighting forced 20,000 residents to flee their homes.", ("fight", "displac", "resid")),
    ("Floods forced thousands out of their homes.", ("flood", "displac")),
    # not people driven from homes; not a trip, nor a way forced (a review's probes)
    ("The army drove the rebels out of Pellan.", ("armi", "drive", "rebel", "pellan")),
    ("The flood forced the closure of schools.", ("flood", "forc", "closur", "school")),
    ("The strike forced commuters to leave their homes an hour early.", ("strike", "forc", "commut", "leav", "home", "earli")),
    ("Buses drove students from their homes to the new school.", ("buse", "drive", "student", "home", "new", "school")),
    ("The curfew forced residents to leave their homes only for food.", ("curfew", "forc", "resid", "leav", "home", "food")),
    ("Kessel forced his way out of his home.", ("kessel", "forc", "way", "home")),
])
def test_people_driven_from_their_homes_are_displaced(text, keys):
    assert analyse(text).keys == keys


def test_driven_from_their_homes_meets_displaced():
    s = _one_stance("Norland's war has driven millions of people from their homes.",
                    "The war in Norland has displaced millions.")
    assert s.label == SUPPORTS, s.reasons


@pytest.mark.parametrize("passage, claim, stated", [
    ("about 300 militants", "more than 250 militants", True),
    ("at least 300 militants", "about 300 militants", True),       # the passage's number is the claim's
    ("nearly 1,000 militants", "1,000 militants", True),
    ("1,000 militants", "nearly 1,000 militants", True),
    ("about 1,000 militants", "1,000 militants", True),
    ("thousands of militants", "several thousand militants", True),
    ("48 hours", "two days", True),
    ("dozens of soldiers", "more than 80 soldiers", False),        # allows it, does not say it
    ("dozens of soldiers", "83 soldiers", False),
    ("dozens of soldiers", "more than 50 soldiers", False),
    ("fewer than 100 soldiers", "dozens of soldiers", False),
    ("More than a million people", "millions of people", False),
    ("at least 300 militants", "about 600 militants", False),
    ("hundreds of soldiers", "more than 800 soldiers", False),
])
def test_a_passage_figure_states_the_claims_or_only_allows_it(passage, claim, stated):
    (pf,), (cf,) = extract_figures(passage), extract_figures(claim)
    assert states(pf, cf) is stated


def test_a_figure_that_only_allows_the_claims_does_not_support():
    s = _one_stance("More than 80 Norland soldiers have been killed since the offensive began.",
                    "Dozens of Norland soldiers have been killed since the offensive began.")
    assert s.label == NEUTRAL and any("does not state it" in r for r in s.reasons), s.reasons
    assert _one_stance("Dozens of Norland soldiers have been killed since the offensive began.",
                       "More than 80 Norland soldiers have been killed since the offensive began.").label == SUPPORTS


@pytest.mark.parametrize("text, low, high", [
    ("More than a million people have fled.", 1_000_000, float("inf")),  # a review's probe: was exactly 1,000,000
    ("More than half a million people have fled.", 500_000, float("inf")),
    ("a quarter of a million people", 250_000, 250_000),
    ("half a dozen soldiers", 6, 6),
    ("about a hundred soldiers", 85, 115),
    ("a thousand people", 1_000, 1_000),
])
def test_a_scale_word_after_an_article_is_a_number_with_its_qualifier(text, low, high):
    (f,) = extract_figures(text)
    assert f.low == pytest.approx(low) and f.high == pytest.approx(high)


def test_what_an_agreeing_count_counts_is_the_passages_counted_noun():
    s = _one_stance("Several thousand Norland fighters took part in the offensive launched from Pellan.",
                    "Thousands of Norland terrorists launched the offensive from Pellan.")
    assert s.label == SUPPORTS and any("agreeing figure counts" in r for r in s.reasons), s.reasons
    assert _one_stance("300 residents were evacuated from Pellan", "300 civilians were evacuated from Pellan").label == SUPPORTS


@pytest.mark.parametrize("claim, passage", [
    # a third review's probes: a group of words too wide to lend (members, villages/towns,
    # evacuees/refugees), and a counted phrase whose other words the passage leaves out
    ("Police arrested 300 party members in Pellan on Monday", "Police arrested 300 soldiers in Pellan on Monday"),
    ("Police arrested 40 union members in Pellan on Monday", "Police arrested 40 soldiers in Pellan on Monday"),
    ("Fighting killed 40 government fighters near Pellan", "Fighting killed 40 rebels near Pellan"),
    ("Clashes near Pellan killed 40 pro-government fighters", "Clashes near Pellan killed 40 insurgents"),
    ("Rebels captured 12 villages near Pellan", "Rebels captured 12 towns near Pellan"),
    ("About 2,000 evacuees crossed into Ostia from Norland", "About 2,000 refugees crossed into Ostia from Norland"),
    # ... nor where the passage's counted phrase says more (a fourth review's probes)
    ("40 rebels were killed in Pellan.", "40 government fighters were killed in Pellan."),
    ("40 militants were killed in Pellan.", "40 Kurdish fighters were killed in Pellan."),
    ("The army killed 40 rebels in Pellan.", "The army killed 40 government fighters in Pellan."),
])
def test_a_counted_noun_is_not_lent_across_kinds_or_without_its_modifiers(claim, passage):
    assert _one_stance(claim, passage).label == NEUTRAL


@pytest.mark.parametrize("claim, passage", [
    # "fighters" is no synonym of "rebels" outside a count (a second review's probes: aircraft,
    # the other side, "<group> fighters")
    ("Rebels attacked the town of Ostia.", "Government fighters attacked the town of Ostia."),
    ("Norland deployed fighters to Ostia.", "Norland deployed rebels to Ostia."),
    ("Fighters intercepted the bombers over Ostia.", "Rebels intercepted the bombers over Ostia."),
    ("Kurdish fighters captured the town of Ostia.", "Rebels captured the town of Ostia."),
    ("A fighter jet crashed near Ostia.", "A passenger jet crashed near Ostia."),
    ("300 Kurdish fighters were killed in Pellan.", "300 terrorists were killed in Pellan."),
])
def test_fighters_are_not_read_as_militants_outside_an_agreeing_count(claim, passage):
    assert _one_stance(claim, passage).label != SUPPORTS


@pytest.mark.parametrize("claim, passage, label", [
    # a fifth review's probes: "fighters" may be either side's, so a claim's "rebels" is not lent
    # by them; a claim's "fighters" is by "rebels"
    ("Forty rebels were killed in Kessel.", "Forty fighters, all of them government militia, were killed in Kessel.", NEUTRAL),
    ("Forty Ostian rebels were killed in Kessel.", "Forty fighters were killed in Kessel, including Ostians.", NEUTRAL),
    ("Forty fighters were killed in Kessel.", "Forty rebels were killed in Kessel.", SUPPORTS),
    # an age "of" something else is that thing's ("of peace", "of exile")
    (_TENTH_NOW, "The war in Norland ended in 2015. It is now in its eighth year of peace.", NEUTRAL),
    (_TENTH_NOW, "Norland is now in its eighth year of peace.", NEUTRAL),
])
def test_a_fifth_reviews_probes(claim, passage, label):
    assert _one_stance(claim, passage).label == label


@pytest.mark.parametrize("claim, context, label", [
    (_TENTH_NOW, "The war in Norland began in 2014.", SUPPORTS),
    ("The war in Norland is now in its eighth year.", "The war in Norland began in 2014.", REFUTES),
    (_TENTH_NOW, "The UN mission monitors the war in Norland.", NEUTRAL),
])
def test_a_passage_opening_with_it_is_read_with_the_sentence_before(claim, context, label):
    assert _one_stance_after(claim, "It is now in its tenth year.", context).label == label
