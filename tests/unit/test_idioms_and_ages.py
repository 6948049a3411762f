"""Idioms read as the word they mean (who controls a place, stepping in, standing for), phrase
verbs that keep their tense, and ages ("now in its 13th year") compared with durations.
Invented names throughout: nothing here is about the seed corpus."""

from __future__ import annotations

import pytest

from models.analysis import _with_phrases, analyse
from models.figures import age_as_duration, consistent, extract_figures
from models.stance import NEUTRAL, REFUTES, SUPPORTS

from tests.unit.test_stance import stance


@pytest.mark.parametrize("text, read_as", [
    ("Pellan had been held by the Norland government since 2016", "Pellan had been controlled by the Norland government since 2016"),
    ("the town held by the rebels", "the town controlled by the rebels"),
    ("Pellan had been in the Norland government's hands", "Pellan had been in the Norland government's control"),
    ("Pellan fell into the hands of the rebels", "Pellan fell into the control of the rebels"),
    ("Pellan had been in government hands since 2012", "Pellan had been in government control since 2012"),
    ("Norland stepped in to help", "Norland intervened to help"),
    ("Norland stepped into Ostia's war in 2015", "Norland intervened in Ostia's war in 2015"),
    ("Pellan came to stand for the army's upper hand", "Pellan symbolised the army's dominance"),
    ("Rebels made it to Pellan's city limits", "Rebels reached Pellan's city borders"),
    # the tense stays, and what stands between verb and particle
    ("civilians were driven out of Pellan", "civilians were expelled of Pellan"),
    ("the army drove them out of Pellan", "the army expelled them of Pellan"),
    ("the army will drive them back", "the army will expel them"),
    ("the rebels pulled out", "the rebels withdrew"),
    ("the rebels have taken over the town", "the rebels have captured the town"),
    # not these
    ("the suspect was held by police", "the suspect was held by police"),
    ("the leaders held talks by phone", "the leaders held talks by phone"),
    ("the two men shook hands", "the two men shook hands"),
    ("he stepped into the room", "he stepped into the room"),
    ("he will stand for election", "he will stand for election"),
    # a review's probes: people held are captives, a stake held is owned; hands that hold
    # things; stepping and standing in their plain senses; driving somewhere
    ("Twenty students from Kagara are still held by gunmen", "Twenty students from Kagara are still held by gunmen"),
    ("Forty soldiers held by Russia were returned", "Forty soldiers held by Russia were returned"),
    ("Two journalists from Bamenda are held by the army", "Two journalists from Bamenda are held by the army"),
    ("A 20 percent stake held by Qatar was sold", "A 20 percent stake held by Qatar was sold"),
    ("Vuhledar is no longer held by Ukrainian troops", "Vuhledar is not held by Ukrainian troops"),
    ("Protesters marched with flags in their hands", "Protesters marched with flags in their hands"),
    ("the villages were in safe hands", "the villages were in safe hands"),
    ("Supporters stood for hours outside the embassy", "Supporters stood for hours outside the embassy"),
    ("The crowd stood for the national anthem", "The crowd stood for the national anthem"),
    ("He stepped in front of the car", "He stepped in front of the car"),
    ("Iran stepped into the war of words with Israel", "Iran stepped into the war of words with Israel"),
    ("Soldiers drove the wounded back to Kherson", "Soldiers drove the wounded back to Kherson"),
    ("Volunteers drove elderly residents out of Kupiansk", "Volunteers drove elderly residents out of Kupiansk"),
])
def test_idioms_are_read_as_what_they_mean(text, read_as):
    assert _with_phrases(text) == read_as


def test_a_phrase_verb_in_the_past_still_says_what_happened_to_a_count():
    """"driven out" is read as "expelled", a verb of the figure's clause: "over 2,000 civilians
    were displaced" is the same event (displace / expel)."""
    (context,) = analyse("More than 2,000 civilians were driven out of Pellan.").figure_contexts
    assert "!expel" in context
    s = stance("More than 2,000 civilians were driven out of Pellan.",
               "Over 2,000 civilians have been expelled from Pellan.")
    assert s.label == SUPPORTS, s.reasons


@pytest.mark.parametrize("claim, passage, label", [
    ("Pellan had been held by the Norland government since 2016.",
     "Pellan had been under Norland government control since 2016.", SUPPORTS),
    ("Pellan had been in the Norland government's hands since 2016.",
     "Pellan had been under Norland government control since 2016.", SUPPORTS),
    # a year changed: the same quantity, another figure
    ("Pellan had been held by the Norland government since 2012.",
     "Pellan had been under Norland government control since 2016.", REFUTES),
    ("It was in 2015 that Norland stepped into Ostia's war.",
     "Norland intervened militarily in Ostia's war in 2015.", SUPPORTS),
    ("After the 2016 siege, Pellan came to stand for the army's upper hand over the rebels.",
     "Pellan once symbolised the army's dominance over the rebels following a siege in 2016.", SUPPORTS),
])
def test_idioms_meet_their_plain_wording(claim, passage, label):
    s = stance(claim, passage)
    assert s.label == label, s.reasons


# ages: an ordinal of a time unit after a possessive

def test_an_ordinal_year_after_a_possessive_is_an_age():
    (age,) = extract_figures("The war, now in its 13th year, has devastated Norland.")
    assert (age.kind, age.unit, age.value) == ("ordinal", "years", 13.0)
    as_duration = age_as_duration(age)
    assert (as_duration.kind, as_duration.low, as_duration.high) == ("duration", 12.0, 13.0)
    # a date within something is no age
    (day,) = extract_figures("On the second day of fighting the rebels entered Pellan.")
    assert day.unit is None and age_as_duration(day) is None


def test_decades_are_a_duration():
    (f,) = extract_figures("The war has lasted more than a decade.")
    assert (f.kind, f.unit, f.low, f.high) == ("duration", "decades", 1.0, float("inf"))
    (two,) = extract_figures("two decades of war")
    assert (two.kind, two.value) == ("duration", 2.0)
    age = age_as_duration(extract_figures("now in its 13th year")[0])
    assert consistent(f, age)
    assert not consistent(extract_figures("for less than a decade")[0], age)


@pytest.mark.parametrize("claim, passage, label, why", [
    ("Norland's war is now in its thirteenth year.",
     "The conflict in Norland, now in its 13th year, has devastated the country.", SUPPORTS, "figure agrees"),
    ("The war in Norland is now in its tenth year.",
     "The war in Norland, now in its 13th year, has devastated the country.", REFUTES, "figure mismatch"),
    # two ages of different events: both may be true (a review's probe)
    ("Norland's president, in his first year in office, met the envoy in Ostia.",
     "Norland's president, in his third year in office, visited Ostia.", NEUTRAL, "states no figure"),
    ("The war in Norland has lasted more than a decade.",
     "The war in Norland, now in its 13th year, has devastated the country.", SUPPORTS, "figure agrees"),
    # an age agrees with a duration only where it is the same thing's (a review's probe)
    ("Marlow has ruled Norland for a decade.",
     "Norland, ruled by Marlow, is fighting a war in Ostia now in its tenth year.", NEUTRAL, "states no figure"),
    ("The siege of Pellan has lasted more than two months.",
     "Norland's invasion, now in its third month, went on as the siege of Pellan continued.", NEUTRAL, "states no figure"),
    # an age never refutes a duration: it may be another thing's
    ("The war in Norland has lasted less than a decade.",
     "The war in Norland, now in its 13th year, has devastated the country.", NEUTRAL, "states no figure"),
])
def test_an_age_against_an_age_or_a_duration(claim, passage, label, why):
    s = stance(claim, passage)
    assert s.label == label and any(why in r for r in s.reasons), s.reasons


@pytest.mark.parametrize("claim, passage", [
    # "ago" says when, not how long
    ("A decade ago, rebels captured eastern Pellan.", "Rebels held eastern Pellan for four years."),
    # durations of different events (a review's probe)
    ("Marlow ruled Pellan for more than two decades.", "Marlow's forces besieged Pellan for three years."),
    # ... or of another place the claim names
    ("Rebels have held Ostia for more than a decade.", "Rebels held eastern Pellan for four years."),
])
def test_durations_of_other_things_do_not_conflict(claim, passage):
    assert stance(claim, passage).label != REFUTES


def test_a_word_met_through_the_lexicon_by_a_negated_one_does_not_support():
    """"hold" is read as "control" (WordNet): a passage denying the control does not support."""
    s = stance("Rebels hold Menaka.", "The ministry denied that Menaka is held by rebels.")
    assert s.label != SUPPORTS, s.reasons


def test_the_relative_clause_on_a_count_says_what_the_counted_did():
    (context,) = analyse("This followed an assault by thousands of rebels, many of them foreigners, "
                         "who launched an offensive from Pellan.").figure_contexts
    assert "!launch" in context
    # not where a verb comes first: the relative clause is on another noun
    (context,) = analyse("Thousands of rebels attacked the soldiers, who retreated to Pellan.").figure_contexts
    assert "!retreat" not in context
    # nor where the phrase goes on to another noun (a review's probes)
    (context,) = analyse("Soldiers killed 12 villagers near the farm of the village chief, who was arrested.").figure_contexts
    assert "!arrest" not in context



def _with_sentence_before(claim: str, passage: str, before: str, light: frozenset[str] = frozenset()):
    """One passage scored with the sentence before it lent for names (the passage does not refer
    back to it); `light`: keys weighted as words the corpus uses everywhere."""
    from models.stance import ExplicitStanceScorer, PassageView
    ca, pa, ba = analyse(claim), analyse(passage), analyse(before)
    idf = {k: 0.3 if k in light else 2.0 for k in set(ca.keys) | set(pa.keys) | set(ba.keys)}
    view = PassageView(passage, pa, 0.5, context_keys=ba.keys, context_weight=1.0, names_only=True,
                       context_text=before)
    return ExplicitStanceScorer(idf).score(claim, ca, [view])[0]


@pytest.mark.parametrize("claim, passage, before", [
    ("Ostia struck weapons depots near Tyre.", "The army said the strikes hit weapons depots near Tyre.",
     "Ostia said it had begun a new wave of raids in the south."),
    ("Norland captured the town of Pellan.", "Troops captured the town of Pellan, the government said.",
     "Norland launched a ground offensive in the north on Wednesday."),
    ("Norland bombed a market in Pellan.", "Jets bombed a market in Pellan on Monday.",
     "Norland has stepped up its air campaign in the north."),
    # those it happened to, and someone acting (a review's probes)
    ("Norland bombed a market in Pellan.", "Thirty people were killed when jets bombed a market in Pellan.",
     "Norland has stepped up its air campaign in the north."),
    ("Norland killed 30 people in Pellan.", "Strikes killed 30 people in Pellan, the government said.",
     "Norland launched air raids on the north on Monday."),
    ("Norland captured Pellan.", "Pellan was captured by troops on Friday after a week of fighting.",
     "Norland launched a ground offensive in the north on Wednesday."),
])
def test_who_acted_may_be_named_by_the_sentence_before_where_the_passage_says_who_acted_unnamed(claim, passage, before):
    s = _with_sentence_before(claim, passage, before)
    assert s.label == SUPPORTS, s.reasons


@pytest.mark.parametrize("claim, passage, before", [
    ("The Norland army evacuated civilians from Pellan.", "Over 2,000 civilians have been displaced from Pellan to nearby towns.",
     "Fighting in Norland has spread to the north."),
    ("Norland shelled Pellan.", "Residents fled Pellan as shelling intensified.",
     "Norland has vowed to retake the north."),
    ("Norland shelled Pellan.", "Hundreds of residents fled Pellan as shelling of the city intensified.",
     "Norland has vowed to retake the north."),
])
def test_who_acted_is_not_named_by_the_sentence_before_where_the_passage_has_another_subject(claim, passage, before):
    """A review's probes: the sentence before names the claim's actor, the passage says what
    happened to others ("civilians have been displaced", "residents fled")."""
    s = _with_sentence_before(claim, passage, before, light=frozenset({"armi"}))
    assert s.label != SUPPORTS and any("who the claim says acted" in r for r in s.reasons), s.reasons


def _scored(claim: str, passage: str):
    """One passage scored through `score`, which reads the claim's text (its asserter too)."""
    from models.attribution import attribution_of
    from models.stance import ExplicitStanceScorer, PassageView
    ca, pa = analyse(claim), analyse(passage)
    from models.text import match_key
    idf = {k: 2.0 for k in set(ca.keys) | set(pa.keys)}
    common = frozenset(idf) - {match_key(n) for n in ca.names + pa.names}  # what is not a name
    view = PassageView(passage, pa, 0.5, asserted_by=attribution_of(passage)["asserted_by"])
    return ExplicitStanceScorer(idf, common).score(claim, ca, [view])[0]


def test_an_asserter_described_by_role_is_found_in_the_passage_asserters_role():
    """"A Norland Reconciliation Center official" said what "Oleg Marlow, deputy head of the
    Norland Reconciliation Center" said: no asserter mismatch."""
    s = _scored("A Norland Reconciliation Center official said Norland forces killed about 600 militants in two days.",
                "According to Oleg Marlow, deputy head of the Norland Reconciliation Center, Norland forces "
                "have killed about 600 militants over the past two days.")
    assert s.label == SUPPORTS, s.reasons
    # another body's deputy head is another asserter
    s = _scored("A Norland Reconciliation Center official said Norland forces killed about 600 militants in two days.",
                "According to Oleg Marlow, deputy head of the Ostian Defence Ministry, Norland forces "
                "have killed about 600 militants over the past two days.")
    assert s.label != SUPPORTS, s.reasons


@pytest.mark.parametrize("claim, passage", [
    # a review's probes: the role names a body the speaker does not speak for
    ("The Talan Defence Ministry said 40 soldiers were killed in Pellan.",
     "According to Marlow, deputy head of the commission investigating the Talan Defence Ministry, "
     "40 soldiers were killed in Pellan."),
    ("The Zebrin army said 40 soldiers were killed in Pellan.",
     "According to Rusk, a spokesman for the rebels fighting the Zebrin army, 40 soldiers were killed in Pellan."),
    ("President Ostrov said 40 soldiers were killed in Pellan.",
     "According to Marlow, a former adviser to President Ostrov, 40 soldiers were killed in Pellan."),
])
def test_a_role_in_another_body_is_not_the_claims_asserter(claim, passage):
    assert _scored(claim, passage).label != SUPPORTS

