"""Unit tests for models/analysis.py (negation), models/stance.py (ExplicitStanceScorer) and
models/verdict.py (decide)."""

from __future__ import annotations

import pytest

from models.analysis import TextAnalysis, analyse
from models.stance import (NEUTRAL, REFUTES, SUPPORTS, ExplicitStanceScorer, PassageView, Stance, _counted_keys,
                           same_event)
from models.verdict import CONFLICTING, NOT_ENOUGH_INFO, REFUTED, SUPPORTED, decide
from tests.test_general_english import _one_stance, _one_stance_after

NEARLY_1000 = ("According to Syrian media outlets, nearly 1,000 terrorists have been killed during fighting "
               "in the past three days.")
HAMA_DENIAL = "The Syrian Ministry of Defense denied reports of a military withdrawal from Hama"


def stance(claim: str, passage: str, similarity: float = 0.5) -> Stance:
    """Score one passage against one claim with every key involved weighted 2.0."""
    ca, pa = analyse(claim), analyse(passage)
    idf = {k: 2.0 for k in set(ca.keys) | set(pa.keys)}
    return ExplicitStanceScorer(idf).score_one(ca, PassageView(passage, pa, similarity))


# analyse: keys and negation

def test_analyse_keys_names_figures():
    a = analyse("Syrian media said nearly 10,000 terrorists were killed")
    assert a.keys == ("syrian", "media", "terrorist", "kill")
    assert a.names == ("syrian",)
    assert a.negated == ()
    assert [(f.text, f.low, f.high) for f in a.figures] == [("nearly 10,000", 9000.0, 10000.0)]


@pytest.mark.parametrize("text, negated", [
    ("The army didn't withdraw from Hama.", ("withdraw",)),
    ("The army never withdrew from Hama", ("withdraw",)),
    ("HTS fighters had failed to establish fixed positions amid airstrikes", ("establish",)),
    ("The Syrian military is not allowing terrorists to establish positions", ("allow", "establish")),  # passed on
    ("The HTS terrorists have not even reached the city's borders.", ("reach",)),
    ("Damascus acknowledged losses without giving exact figures.", ("give",)),
    ("The army withdrew from Hama.", ()),
    # the negation passes on through "to": what was refused is the defending too
    ("Assad refused to commit to defending the nation.", ("commit", "defend")),
    ("The army did not want to withdraw from Hama.", ("want", "withdraw")),
    # a verb whose key the spelling fold changes ("promise" -> "promiz") still passes it on
    ("He refused to promise to withdraw from Hama.", ("promiz", "withdraw")),
    # not hesitating to strike is striking
    ("The army did not hesitate to strike the militants.", ("hesit",)),
    # "to" as a preposition: what follows is not negated
    ("Assad refused to speak to journalists.", ("speak",)),
    ("The army did not withdraw to positions near Hama.", ("withdraw",)),
    ("They refused to commit to talks.", ("commit",)),
    # A clause boundary ends the cue's reach.
    ("The ministry denied reports of a withdrawal; troops remain in Hama.", ("withdraw",)),
    # kept (stayed) out of a place: did not enter it
    ("The militants had been kept out of Aleppo city altogether.", ("enter",)),
    ("The army kept the militants out of Aleppo.", ("enter",)),
    ("Turkey stayed out of the war.", ("enter",)),
    ("The militants broke out of Aleppo.", ()),
    # not asserted, continuing, an idiom, a share (a review's probes)
    ("The Syrian army failed to keep the militants out of Aleppo city.", ("keep",)),
    ("The militants did not stay out of Aleppo city.", ("stay",)),
    ("The minister was kept out of the loop.", ()),
    ("Civilians kept pouring out of Aleppo.", ()),
    ("The party kept 30 out of 40 seats.", ()),
    # letting with no "to": what was not let happen did not happen; what a prevention names
    # after "any" did not happen (not an attempt: it was made)
    ("The army repelled the rebels without letting them break through.", ("let", "breach")),
    ("The police did not let them enter Kessel.", ("let", "enter")),
    ("They let it happen.", ()),
    ("The army prevented any breaches.", ("breach",)),
    ("The army halted any attempts to enter Kessel.", ()),
    ("The army could not prevent any breaches.", ("prevent",)),
    ("Troops blocked all roads into Kessel.", ()),
])
def test_negation(text, negated):
    assert analyse(text).negated == negated


def test_kept_out_conflicts_with_entered():
    s = stance("The militants had been kept out of Aleppo city.", "The militants were able to enter Aleppo city.")
    assert s.label == REFUTES and "negation: the claim negates 'enter'" in s.reasons


def test_denial_negates_the_withdrawal():
    a = analyse(HAMA_DENIAL)
    assert "withdraw" in a.negated
    assert "deni" in a.keys


def test_denial_negates_only_the_denied_predicate():
    assert analyse(HAMA_DENIAL).negated == ("withdraw",)


def test_not_only_is_not_a_negation():
    a = analyse("The conflict has not only devastated the country but also displaced millions.")
    assert a.negated == ()


def test_analysis_round_trips_through_dict():
    a = analyse(NEARLY_1000)
    assert TextAnalysis.from_dict(a.to_dict()) == a


# ExplicitStanceScorer.score_one

def test_figure_mismatch_refutes():
    s = stance("Syrian media said nearly 10,000 terrorists were killed", NEARLY_1000)
    assert s.label == REFUTES
    assert s.coverage == 1.0
    assert len(s.reasons) == 1
    assert s.reasons[0].startswith("figure mismatch")
    assert "nearly 10,000 terrorists" in s.reasons[0] and "nearly 1,000 terrorists" in s.reasons[0]
    assert 0.0 <= s.score <= 1.0


def test_figure_agreement_supports():
    s = stance("Syrian media said nearly 1,000 terrorists were killed", NEARLY_1000)
    assert s.label == SUPPORTS
    assert s.coverage == 1.0
    assert any(r.startswith("figure agrees") for r in s.reasons)
    assert not any(r.startswith("figure mismatch") for r in s.reasons)
    assert 0.0 <= s.score <= 1.0


def test_consistent_interval_supports():
    # "about 300" (255..345) overlaps "at least 300" (300..inf): no conflict.
    s = stance("Russia said about 300 militants were killed in Aleppo",
               "Russia said at least 300 militants were killed in Aleppo")
    assert s.label == SUPPORTS
    assert any(r.startswith("figure agrees") for r in s.reasons)


def test_opposite_wording_refutes():
    s = stance("Iraq has opened its border with Syria",
               "Iraq has closed its border with Syria and deployed reinforcements")
    assert s.label == REFUTES
    assert s.reasons == ["opposite wording: the claim says 'open', the passage 'close'"]


def test_a_border_sealed_is_closed_and_the_opposite_of_opened():
    assert stance("Norland has sealed off its frontier with Ostia",
                  "Norland has closed its border with Ostia and deployed troops").label == SUPPORTS
    assert stance("Norland has opened its border with Ostia",
                  "Norland has sealed its border with Ostia and deployed troops").label == REFUTES
    assert stance("Norland sealed the deal with Ostia",
                  "Norland has closed its border with Ostia").label != SUPPORTS


# the thirteenth review's probes: sealed as won, settled or kept shut is no opposite of opened
@pytest.mark.parametrize("claim, passage", [
    ("Norland opened talks with Ostia on a ceasefire.", "Norland and Ostia sealed a ceasefire deal after weeks of talks."),
    ("A judge opened the sealed indictment against the Ostian minister.",
     "A judge sealed the indictment against the Ostian minister."),
    ("Norland opened an investigation into Ostia.", "Norland sealed an investigation into Ostia."),
    ("Norland opened a new front against Ostia.", "Norland sealed a new front against Ostia."),
    ("Ostia opened the scoring in the final against Norland.", "A late goal sealed the final for Ostia against Norland."),
    ("Police opened fire on protesters in Pellan.", "Police sealed off Pellan after protesters gathered."),
    ("The court opened the sealed documents.", "The court sealed the documents."),
    ("The treaty sealed the alliance between Norland and Ostia.",
     "The treaty opened the alliance between Norland and Ostia."),
])
def test_sealed_in_other_senses_is_not_opposite_to_opened(claim, passage):
    assert stance(claim, passage).label != REFUTES


@pytest.mark.parametrize("claim, passage", [
    ("The Norland ministry said it would halt operations against the rebels in Kessel.",
     "The Norland ministry reiterated its commitment to continue operations against the rebels in Kessel."),
    ("Ostia suspended its airstrikes on rebel positions near Kessel.",
     "Ostia continued its airstrikes on rebel positions near Kessel."),
])
def test_halting_is_the_opposite_of_continuing(claim, passage):
    assert _one_stance(claim, passage).label == REFUTES


# the nineteenth review's probes: another verb's object, another time, an adjective, only meant
@pytest.mark.parametrize("claim, passage", [
    ("Ostia continued airstrikes on Kessel.", "Ostia carried out airstrikes on Kessel after talks with Norland were suspended."),
    ("Norland continued to shell Kessel on Friday.", "Norland shelled Kessel after the ceasefire talks were halted."),
    ("Pellan continued to deny the charges.", "Pellan's trial was suspended on Monday; he denies the charges."),
    ("Talks between Norland and Ostia were halted on Friday.", "Talks between Norland and Ostia will continue on Monday."),
    ("Ostia halted flights to Kessel on Tuesday.", "Flights to Kessel continued as normal on Monday."),
    ("Ostia suspended aid deliveries to Kessel.", "Ostia resumed aid deliveries to Kessel amid continued fighting."),
    ("Ostia threatened to halt aid to Norland.", "Ostia continued aid to Norland."),
    ("Ostia halted operations against the rebels.", "Ostia said it would continue operations against the rebels."),
    ("The investigation into Pellan continues.", "Ostia suspended Pellan from the investigation."),
])
def test_continuing_is_no_opposite_of_another_halt(claim, passage):
    assert _one_stance(claim, passage).label != REFUTES


# the twentieth review's probes: other hands, another object of the same verb
@pytest.mark.parametrize("claim, passage", [
    ("The rebels continued shelling Kessel.", "The army stopped shelling Kessel."),
    ("Ostia stopped paying salaries to Norland's soldiers.", "Ostia continued paying pensions to Norland's soldiers."),
    ("Ostia continued exports of grain to Norland.", "Ostia stopped exports of oil to Norland."),
])
def test_continuing_another_thing_or_by_others_is_no_opposite(claim, passage):
    assert _one_stance(claim, passage).label != REFUTES


def test_the_same_hands_continuing_what_the_claim_says_they_stopped_refutes():
    assert _one_stance("The army stopped shelling Kessel.", "The army continued shelling Kessel.").label == REFUTES


# "stopped them from establishing positions" is a prevention, not the end of what continued
def test_stopping_someone_is_not_the_opposite_of_continued_strikes():
    assert stance("The army said heavy strikes had stopped the rebels from establishing positions in Kessel.",
                  "The army said the rebels failed to establish positions in Kessel due to continued strikes."
                  ).label != REFUTES


def test_same_wording_supports():
    s = stance("Iraq has closed its border with Syria",
               "Iraq has closed its border with Syria and deployed reinforcements")
    assert s.label == SUPPORTS
    assert s.coverage == 1.0


def test_denial_refutes():
    s = stance("The Syrian army withdrew from Hama", HAMA_DENIAL)
    assert s.label == REFUTES
    assert len(s.reasons) == 1
    assert s.reasons[0].startswith("negation")


def test_denial_reason_names_the_predicate():
    s = stance("The Syrian army withdrew from Hama", HAMA_DENIAL)
    assert s.reasons == ["negation: the passage negates 'withdraw'"]


@pytest.mark.parametrize("claim, passage, side", [
    ("The Syrian army withdrew from Hama", "The Syrian army did not withdraw from Hama", "the passage"),
    ("The Syrian army did not withdraw from Hama", "The Syrian army withdrew from Hama", "the claim"),
])
def test_one_sided_negation_refutes(claim, passage, side):
    s = stance(claim, passage)
    assert s.label == REFUTES
    assert s.reasons == [f"negation: {side} negates 'withdraw'"]


def test_negation_on_both_sides_supports():
    s = stance("The Syrian army did not withdraw from Hama", "The Syrian army never withdrew from Hama")
    assert s.label == SUPPORTS


def test_denial_does_not_refute_what_the_passage_affirms():
    s = stance("Syrian units remain stationed in Hama",
               HAMA_DENIAL + ", underlining that units remain stationed in northern and eastern Hama countryside, "
               "fully prepared to repel any terrorist attack.")
    assert s.label == SUPPORTS


def test_not_only_does_not_refute():
    s = stance("The war has devastated the country",
               "The conflict, now in its 13th year, has not only devastated the country but also displaced millions.")
    assert s.label != REFUTES


def test_unrelated_passage_is_neutral():
    s = stance("The Syrian army withdrew from Hama",
               "Iran's top diplomat will leave Tehran for Damascus to deliver a message of support.")
    assert s.label == NEUTRAL
    assert s.coverage <= 0.25  # only "Damascus" for "Syrian", through the capitals table
    assert not any(r.startswith(("figure", "negation", "opposite", "entity")) for r in s.reasons)


@pytest.mark.parametrize("passage", [
    "Over two million civilians have reportedly been displaced from Aleppo to nearby towns.",
    "Syrian media said nearly 1,000 civilians were displaced.",
    "Syrian media said nearly 1,000 civilians were killed.",
])
def test_count_of_something_else_is_not_a_refutation(passage):
    s = stance("Syrian media said nearly 10,000 terrorists were killed", passage)
    assert s.label != REFUTES
    assert not any(r.startswith("figure mismatch") for r in s.reasons)


def test_figure_mismatch_needs_coverage():
    # Same quantity (armed-group count), different numbers, but the passage is about another event.
    s = stance("Syrian media said nearly 10,000 terrorists were killed in Aleppo on Friday",
               "Police arrested 40 militants in Baghdad.")
    assert s.label != REFUTES


def test_claim_figure_missing_from_passage_blocks_support():
    s = stance("Syrian media said nearly 10,000 terrorists were killed", "Syrian media said terrorists were killed")
    assert s.label == NEUTRAL
    assert "the passage states no figure for nearly 10,000 terrorists" in s.reasons


# What a count counts: the event around it, read from verbs, or from a noun where the only
# verb says how large the count grew.
@pytest.mark.parametrize("claim, passage, same", [
    # "casualties" are the killed and wounded; "reached" and "reported" say nothing of what happened
    ("About 1,000 militants were killed or wounded in the fighting.",
     "Syrian media reported that the casualties of militants in the fighting have reached 1000.", True),
    ("About 1,000 militants were killed in the fighting.",
     "The death toll of militants in the fighting rose to 1,000, officials said.", True),
    # "death" as often says what kind of thing is counted (a review's probes)
    ("At least 40 prisoners were killed at the prison.",
     "The number of prisoners on death row at the prison reached 40.", False),
    ("About 25 journalists were killed in the city.",
     "The number of journalists facing death threats in the city rose to 60.", False),
    # a telling verb does not hide the verb of what happened
    ("About 300 soldiers were killed in the fighting.",
     "Officials reported that about 300 soldiers were wounded in the fighting.", False),
    # a count that grew with no noun of the claim's event is another count
    ("About 300 soldiers were killed in the fighting.",
     "The number of soldiers in the fighting reached about 300, officials said.", False),
    ("About 2,000 residents fled the town.", "Refugee arrivals in the town reached 9,000 residents.", False),
    # casualties are the killed and the wounded, not the killed alone
    ("About 300 civilians were killed in the air strikes on the city.",
     "Civilian casualties in the air strikes on the city climbed to 500.", False),
    # one side only tells of a count: its nouns must name the other's event (a review's probes)
    ("The army reported 50 soldiers missing in the ambush.",
     "About 300 soldiers were killed in the ambush, the army said.", False),
    ("About 500 civilians were killed in Aleppo, officials said.",
     "About 2,000 civilians are reported to have been driven out of Aleppo, officials said.", False),
    ("Syrian media reported 1,000 casualties in the fighting.",
     "Syrian media reported 1,000 casualties in the fighting.", True),
    # a verb of growing on both sides says nothing of what happened (a review's probes)
    ("The death toll in the fighting reached 700.", "Casualties in the fighting reached 500.", False),
    ("The number of militants captured in the fighting reached 700.", "The death toll in the fighting reached 500.",
     False),
    ("The death toll in the fighting reached 700.", "The death toll in the fighting rose to 500.", True),
    ("Casualties in the fighting had reached 10,000 since the offensive began.",
     "Since the offensive, casualties in the fighting have reached 1000.", True),
    ("The number of soldiers in the city reached 600.", "The number of soldiers in the city rose to 300.", True),
])
def test_same_event_reads_a_noun_behind_a_verb_of_growing(claim, passage, same):
    ca, pa = analyse(claim), analyse(passage)
    counted = _counted_keys(ca.figures[0], pa.figures[0])
    assert same_event(ca.figure_contexts[0], pa.figure_contexts[0], counted) is same


def scored(claim: str, passage: str, asserter_weight: float = 4.0) -> Stance:
    """As `stance`, through `score`, which reads the claim's text too (who it says said it);
    "Defence Ministry" is written in lower case elsewhere in the corpus (an organ, not a name)
    and weighs `asserter_weight` a word."""
    ca, pa = analyse(claim), analyse(passage)
    idf = {k: asserter_weight if k in ("defens", "ministri") else 2.0 for k in set(ca.keys) | set(pa.keys)}
    scorer = ExplicitStanceScorer(idf, common_keys=frozenset(idf) - {"norland"})
    return scorer.score(claim, ca, [PassageView(passage, pa, 0.5)])[0]


COUNT_300 = "Missile strikes near the Norland border killed about 300 militants."


def test_the_claims_count_and_all_but_who_said_it_support():
    # 64% of the claim (below support_coverage 0.7, above paraphrase_coverage 0.55): all of it
    # but who said it, and the count for the same event
    s = scored("Norland's Defence Ministry said that missile strikes near the Norland border killed about 300 militants.",
               COUNT_300)
    assert s.label == SUPPORTS and s.coverage < 0.7
    assert "the passage gives the claim's count for the same event, and all but who said it" in s.reasons


@pytest.mark.parametrize("claim, passage, asserter_weight", [
    # words of the event the passage does not say: "by friendly fire" (a review's probes)
    # (the asserter weighs less: 58% of the claim, but 64% of it beyond who said it)
    ("Norland's Defence Ministry said that missile strikes near the Norland border killed about 300 militants "
     "with heavy artillery fire at dawn.", COUNT_300, 1.0),
    ("Missile strikes near the Norland border killed about 300 militants during heavy fighting on the southern front.",
     COUNT_300, 4.0),
    # one passage word credits one claim word: "strikes" meets "strikes" or "bombings", not both
    ("Norland's Defence Ministry said that its strikes near the Norland border killed about 300 militants "
     "in suicide bombings at dawn.", "Strikes near the Norland border killed about 300 militants.", 3.0),
    # a year ties nothing: any passage of that year shares it
    ("Norland's Defence Ministry said that missile strikes near the Norland border killed many militants in 2016.",
     "In 2016, missile strikes near the Norland border killed many militants.", 4.0),
    # the count of another event: what happened differs
    ("Norland's Defence Ministry said that missile strikes near the Norland border wounded about 300 militants.",
     COUNT_300, 2.0),
])
def test_no_support_at_paraphrase_coverage_without_the_claims_count_and_event(claim, passage, asserter_weight):
    s = scored(claim, passage, asserter_weight)
    assert s.coverage >= 0.55
    assert s.label == NEUTRAL and s.coverage < 0.7, s.reasons


@pytest.mark.parametrize("field, value", [("support_coverage", 1.5), ("conflict_coverage", -0.1),
                                          ("relevance_floor", 2.0)])
def test_thresholds_must_be_fractions(field, value):
    with pytest.raises(ValueError):
        ExplicitStanceScorer({"a": 1.0}, **{field: value})


# decide

def st(label: str, score: float, relevance: float = 0.5) -> Stance:
    return Stance(label, score, relevance, 0.5)


def test_no_support_or_refute_is_not_enough_info():
    v = decide([st(NEUTRAL, 0.7, relevance=0.4), st(NEUTRAL, 0.6, relevance=0.2)], ["a", "b"])
    assert v.label == NOT_ENOUGH_INFO
    assert v.confidence == pytest.approx(0.6)


def test_no_stances_is_not_enough_info():
    v = decide([], [])
    assert (v.label, v.confidence) == (NOT_ENOUGH_INFO, 1.0)


def test_close_support_and_refute_conflict():
    v = decide([st(SUPPORTS, 0.8), st(REFUTES, 0.79)], ["a", "b"])
    assert v.label == CONFLICTING
    assert v.confidence == pytest.approx(0.79)


def test_two_supporting_sources_outweigh_one_refuting():
    v = decide([st(SUPPORTS, 0.8), st(SUPPORTS, 0.75), st(REFUTES, 0.7)], ["a", "b", "c"])
    assert v.label == SUPPORTED
    assert v.confidence == pytest.approx(0.8 * 1.55 / 2.25, abs=1e-4)


def test_one_source_repeating_itself_counts_once():
    stances = [st(SUPPORTS, 0.8), st(SUPPORTS, 0.75)] + [st(REFUTES, 0.7)] * 3
    repeated = decide(stances, ["a", "b", "c", "c", "c"])
    once = decide([st(SUPPORTS, 0.8), st(SUPPORTS, 0.75), st(REFUTES, 0.7)], ["a", "b", "c"])
    assert repeated == once
    assert repeated.label == SUPPORTED
    # Three different sources saying the same would weigh three times.
    assert decide(stances, ["a", "b", "c", "d", "e"]).label == CONFLICTING


def test_repeated_source_keeps_its_best_score():
    v = decide([st(REFUTES, 0.4), st(REFUTES, 0.9), st(REFUTES, 0.6)], ["c", "c", "c"])
    assert (v.label, v.confidence) == (REFUTED, 0.9)


def test_one_outlet_against_two_is_a_disagreement():
    v = decide([st(SUPPORTS, 0.82), st(REFUTES, 0.79), st(REFUTES, 0.59)], ["a", "b", "c"])
    assert v.label == CONFLICTING
    assert v.confidence == pytest.approx(0.79)


def test_refuting_sources_outweigh_one_supporting():
    v = decide([st(SUPPORTS, 0.8)] + [st(REFUTES, 0.7)] * 3, ["a", "c", "d", "e"])
    assert v.label == REFUTED


def test_one_source_per_stance_required():
    with pytest.raises(ValueError):
        decide([st(SUPPORTS, 0.8)], [])


@pytest.mark.parametrize("stances, sources", [
    ([], []),
    ([st(NEUTRAL, 0.9, relevance=1.0)], ["a"]),
    ([st(NEUTRAL, 0.9, relevance=1.5)], ["a"]),
    ([st(SUPPORTS, 1.0), st(SUPPORTS, 1.0)], ["a", "b"]),
    ([st(SUPPORTS, 0.8), st(REFUTES, 0.79)], ["a", "b"]),
    ([st(REFUTES, 1.0)] * 4, ["a", "b", "c", "d"]),
    ([st(SUPPORTS, 0.3), st(REFUTES, 0.05)], ["a", "b"]),
])
def test_confidence_is_a_fraction(stances, sources):
    assert 0.0 <= decide(stances, sources).confidence <= 1.0


@pytest.mark.parametrize("refute, label", [(0.49, SUPPORTED), (0.5, CONFLICTING)])
def test_conflict_ratio_boundary(refute, label):
    assert decide([st(SUPPORTS, 1.0), st(REFUTES, refute)], ["a", "b"]).label == label


# Who said it

def _scored_with_asserter(claim: str, passage: str) -> Stance:
    from models.attribution import attribution_of

    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    idf = {k: 2.0 for k in set(ca.keys) | set(pa.keys)}
    scorer = ExplicitStanceScorer(idf, common_keys=frozenset({"spokesman", "minist", "foreign"}))
    view = PassageView(passage, pa, 0.6, asserted_by=attribution_of(passage)["asserted_by"])
    return scorer.score(claim, ca, [view])[0]


def test_another_asserter_of_the_same_statement_is_a_conflict():
    s = _scored_with_asserter("Spokesman Sean Savett said airstrikes hit ammunition depots near Hama.",
                              "Oleg Ignatiuk said airstrikes hit ammunition depots near Hama.")
    assert s.label == REFUTES and any(r.startswith("asserter mismatch") for r in s.reasons)


@pytest.mark.parametrize("claim, passage", [
    # the claim's asserter is in the passage
    ("Sean Savett said airstrikes hit ammunition depots near Hama.",
     "Airstrikes hit ammunition depots near Hama, Sean Savett said."),
    # the asserters share a name: one is part of the other
    ("Oleg Ignatiuk of the Reconciliation Center said airstrikes hit ammunition depots near Hama.",
     "The Reconciliation Center said airstrikes hit ammunition depots near Hama."),
    # another figure: the passage does not say what the claim says, so who said it is not the question
    ("Sean Savett said airstrikes killed about 300 fighters near Hama.",
     "Oleg Ignatiuk said airstrikes killed nearly 1,000 fighters near Hama over three days."),
    # a figure the passage allows but does not state: "at least 300" is not "about 600"
    ("Sean Savett said airstrikes killed about 600 fighters near Hama.",
     "Oleg Ignatiuk said airstrikes killed at least 300 fighters near Hama."),
    # the claim names no asserter
    ("Airstrikes hit ammunition depots near Hama.", "Oleg Ignatiuk said airstrikes hit ammunition depots near Hama."),
])
def test_no_asserter_conflict(claim, passage):
    s = _scored_with_asserter(claim, passage)
    assert not any(r.startswith("asserter mismatch") for r in s.reasons)


@pytest.mark.parametrize("claim, passage", [
    ("Iran's top diplomat said Iran would send aid to Syria.",
     "Iranian Foreign Minister Abbas Araghchi said Iran would send aid to Syria."),
    ("Iran's foreign minister said Iran would send aid to Syria.",
     "Iran's chief diplomat Abbas Araghchi said Iran would send aid to Syria."),
])
def test_a_top_diplomat_is_a_foreign_minister(claim, passage):
    assert {"foreign", "minist"} <= set(analyse(claim).keys) & set(analyse(passage).keys)
    assert "diplomat" not in analyse(claim).keys + analyse(passage).keys


# A capital for its country

@pytest.mark.parametrize("text, capitals", [
    ("Moscow's top diplomat phoned his counterparts", {"moscow"}),
    ("Troops loyal to Damascus recaptured Halfaya", {"damascus"}),
    ("For years, Damascus has charged Western governments", {"damascus"}),
    ("Araghchi said he was leaving Tehran for Baghdad", set()),
    ("Strikes killed civilians in Damascus suburbs", set()),
    ("He flew from Moscow's airport", set()),
    ("until Damascus regains authority over Aleppo", {"damascus"}),
    # a place after a verb, or a name of its own
    ("Syrians fled Damascus suburbs after strikes", set()),
    ("Strikes hit Damascus airports", set()),
    ("Washington Times reported the strikes", set()),
    # the seat of a government
    ("Moscow's top diplomat phoned his counterparts in Ankara and Tehran", {"moscow", "ankara", "tehran"}),
    ("Officials in Damascus denied the reports", {"damascus"}),
    ("Residents in Damascus denied the reports", set()),
])
def test_a_capital_stands_for_its_country_only_as_an_actor(text, capitals):
    from models.stance import capitals_standing_for_countries

    assert capitals_standing_for_countries(text) == capitals


def test_a_capital_as_actor_meets_the_country_in_a_passage():
    claim, passage = "Troops loyal to Damascus recaptured Halfaya and Suran", "Syrian troops recaptured Halfaya and Suran"
    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    scorer = ExplicitStanceScorer({k: 2.0 for k in set(ca.keys) | set(pa.keys)})
    assert scorer.score(claim, ca, [PassageView(passage, pa, 0.7)])[0].label == SUPPORTS
    place = "Fighters advanced toward Damascus and Suran"
    cp = analyse(place, denial_negates=False)
    other = analyse("Fighters advanced toward Syria and Suran")
    scorer = ExplicitStanceScorer({k: 2.0 for k in set(cp.keys) | set(other.keys)})
    assert scorer.score(place, cp, [PassageView("", other, 0.7)])[0].label != SUPPORTS


def test_names_from_further_back_lend_who_and_where_but_do_not_hide_a_swap():
    claim = "The army secured areas near Hama"
    ca = analyse(claim, denial_negates=False)
    own = "The army secured areas near the city"
    idf = {k: 2.0 for k in set(ca.keys) | set(analyse(own).keys) | {"idlib"}}
    scorer = ExplicitStanceScorer(idf, name_kinds={"hama": "place", "idlib": "place"})
    lent = PassageView(own, analyse(own), 0.7, ("armi",), 1.0, names_beyond=("hama",))
    assert scorer.score(claim, ca, [lent])[0].label == SUPPORTS
    other = "The army secured areas near Idlib"
    swapped = PassageView(other, analyse(other), 0.7, ("armi",), 1.0, names_beyond=("hama",))
    assert scorer.score(claim, ca, [swapped])[0].label == REFUTES


def test_an_asserter_swapped_is_one_conflict_not_one_per_name():
    s = _scored_with_asserter("Spokesman Sean Savett said airstrikes hit ammunition depots near Hama.",
                              "Oleg Ignatiuk said airstrikes hit ammunition depots near Hama.")
    assert [r for r in s.reasons if "mismatch" in r] == [r for r in s.reasons if r.startswith("asserter mismatch")]


def test_a_swap_needs_a_name_in_the_slot_not_a_common_word():
    claim = "Fighters of Jabhat Nusra attacked army positions near Hama"
    passage = "Militants attacked army positions near Hama"
    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    keys = set(ca.keys) | set(pa.keys)
    scorer = ExplicitStanceScorer({k: 2.0 for k in keys}, common_keys=frozenset({"milit", "fighter", "armi", "posit"}))
    s = scorer.score(claim, ca, [PassageView(passage, pa, 0.7)])[0]
    assert s.label != REFUTES and not any("entity mismatch" in r for r in s.reasons)


@pytest.mark.parametrize("claim, passage, swapped", [
    # a weekday where the claim names an organisation is when, not who
    ("The army launched its counteroffensive against Tahrir", "The army launched its counteroffensive on Thursday", False),
    ("The army launched its counteroffensive on Friday", "The army launched its counteroffensive on Thursday", True),
])
def test_a_day_or_month_stands_only_for_another(claim, passage, swapped):
    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    keys = set(ca.keys) | set(pa.keys)
    scorer = ExplicitStanceScorer({k: 2.0 for k in keys}, common_keys=frozenset({"armi", "launch", "counteroffens"}))
    s = scorer.score(claim, ca, [PassageView(passage, pa, 0.7)])[0]
    assert any("entity mismatch" in r for r in s.reasons) is swapped, s.reasons


def test_titles_in_a_run_with_a_name_stay_words():
    scorer = ExplicitStanceScorer({"russian": 2.0, "foreign": 2.0, "minist": 2.0, "sergei": 2.0, "lavrov": 2.0},
                                  common_keys=frozenset({"foreign", "minist", "islam", "state"}))
    names = scorer.claim_names(analyse("On Sunday, Russian Foreign Minister Sergei Lavrov spoke with Araghchi",
                                       denial_negates=False))
    assert {"sergei", "lavrov"} <= names and not names & {"foreign", "minist"}
    # a run of common words alone is one name
    assert {"islam", "state"} <= scorer.claim_names(analyse("HTS was once part of the Islamic State", denial_negates=False))


# A lexicon of related words (models/lexicon.py): a claim word met by a word that can say it

class _Lexicon:
    """Stands in for WordNetLexicon: fixed relations, by word."""

    ready = True

    def __init__(self, relations: dict[str, set[str]]):
        self.relations = relations

    def warm_up(self):
        pass

    def fingerprint(self):
        return "test-lexicon"

    def country_of(self, word):
        return None  # no countries: what a passage's article is about lends nothing here

    def related_in(self, words, wanted=None):
        return [frozenset(self.relations.get(w.lower(), ())) if wanted is None or wanted[i] else frozenset()
                for i, w in enumerate(words)]

    def senses_in(self, text):
        """Each plain word's "sense" is the word itself, crudely lemmatised; capitalised words
        but the first are left out."""
        out = {}
        for i, w in enumerate(text.replace(".", " ").split()):
            if i == 0 or not w[0].isupper():
                for form in (w.lower(), w.lower().rstrip("s"), w.lower().removesuffix("ing")):
                    out.setdefault(form, w.lower())
        return out


def _with_lexicon(claim: str, passage: str, relations: dict[str, set[str]]) -> tuple[Stance, Stance]:
    """The stance without and with the lexicon."""
    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    idf = {k: 2.0 for k in set(ca.keys) | set(pa.keys)}
    view = PassageView(passage, pa, 0.5)
    return (ExplicitStanceScorer(idf).score(claim, ca, [view])[0],
            ExplicitStanceScorer(idf, lexicon=_Lexicon(relations)).score(claim, ca, [view])[0])


def test_a_related_word_says_what_the_claim_word_says():
    without, with_ = _with_lexicon("Jets pounded insurgent sites near Morek.",
                                   "Jets struck insurgent positions near Morek.",
                                   {"pounded": {"struck"}, "sites": {"position"}})
    assert without.label == NEUTRAL and with_.label == SUPPORTS and with_.coverage == 1.0


def test_a_related_word_never_meets_a_passage_name():
    # "joined" and "united" are related; "United States" is a name
    without, with_ = _with_lexicon("Fighters joined the assault on Aleppo.",
                                   "The United States said fighters led the assault on Aleppo.", {"joined": {"unite"}})
    assert with_.coverage == without.coverage


def test_a_related_word_under_negation_blocks_support_without_refuting():
    # "admit" and "allow" are related in one sense only: too loose to refute on
    without, with_ = _with_lexicon("The command admitted the fighters into Hama.",
                                   "The command is not allowing the fighters into Hama.", {"admitted": {"allow"}})
    assert with_.label == NEUTRAL
    assert any("the passage negates 'allow'" in r for r in with_.reasons)


def test_the_lexicon_is_part_of_the_scorer_fingerprint():
    plain = ExplicitStanceScorer({"a": 1.0})
    assert plain.fingerprint == "explicit"
    assert ExplicitStanceScorer({"a": 1.0}, lexicon=_Lexicon({})).fingerprint == "explicit+test-lexicon"


def test_related_words_meet_lemmas_not_match_keys():
    # "tied" may say "secure"; "security" shares the match key of "secure", not its meaning
    without, with_ = _with_lexicon("Engineers tied the cables", "Engineers improved cable security", {"tied": {"secure"}})
    assert with_.coverage == without.coverage and not any("WordNet" in r for r in with_.reasons)


def test_a_negated_claim_word_met_only_through_a_related_word_is_not_refuted():
    # "wounded" may say "injure": too loose a link to refute "did not injure" on
    without, with_ = _with_lexicon("Police did not injure protesters in Tbilisi.",
                                   "Police wounded protesters in Tbilisi.", {"injure": {"wounded"}})
    assert with_.label == NEUTRAL and any("met only through a related word" in r for r in with_.reasons)


def test_a_related_word_never_meets_a_name_opening_the_passage():
    claim, passage = "Israel bombed the Gaza hospital.", "Turkey condemned Israel over the Gaza hospital."
    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    idf = {k: 2.0 for k in set(ca.keys) | set(pa.keys)}
    common = frozenset(idf) - {"turkey", "israel", "gaza"}  # the corpus writes these only capitalised
    scorer = ExplicitStanceScorer(idf, common_keys=common, lexicon=_Lexicon({"bombed": {"turkey"}}))
    assert scorer.score(claim, ca, [PassageView(passage, pa, 0.5)])[0].label == NEUTRAL


def test_a_discourse_marker_before_a_reference_still_refers_back():
    from models.analysis import antecedent_of
    previous = [("Regional media reported that Hama had fallen.", ("region", "media", "report", "hama", "fallen"))]
    assert antecedent_of("However, these reports have proven false.", previous) == 0
    assert antecedent_of("Meanwhile, it said the army had regrouped.", previous) == 0
    assert antecedent_of("However, the reports were denied.", previous) == 0     # "the <noun>" the sentence before has
    assert antecedent_of("However, Hama stayed calm.", previous) is None


def test_a_noun_sharing_an_involvement_verbs_key_is_not_a_way_of_taking_part():
    def scored(claim: str, passage: str) -> Stance:
        ca, pa = analyse(claim, denial_negates=False), analyse(passage)
        idf = {k: 2.0 for k in set(ca.keys) | set(pa.keys)}
        return ExplicitStanceScorer(idf).score(claim, ca, [PassageView(passage, pa, 0.5)])[0]

    # "organisation" has the match key of "organise"; the passage's denial is about the attack
    s = scored("The spokesman described Norland as a designated terrorist organisation.",
               "The spokesman said Norland, a designated terrorist organisation, had nothing to do with the attack.")
    assert s.label != REFUTES, s.reasons
    backed = scored("The spokesman said Norland backed the attack.",
                    "The spokesman said Norland had nothing to do with the attack.")
    assert backed.label == REFUTES and "had nothing to do with it" in backed.reasons[0]


@pytest.mark.parametrize("claim, passage, idf", [
    # the negated words missing from a passage were listed in set order
    ("Assad refused to commit to defending the country's integrity.",
     "Assad spoke about the integrity of the country.", None),
    # a coverage of exactly 0.7 (the support line) was summed in set order: one ulp either side
    ("The town attacked killed officials offensive bridge", "The town killed officials bridge",
     {"offens": .3, "attack": .15, "offici": .6, "bridg": .05, "kill": .05, "town": .35}),
])
def test_answers_do_not_depend_on_the_hash_seed(claim, passage, idf):
    """Workers start with different hash seeds: one answer must read the same from each."""
    import subprocess
    import sys
    from pathlib import Path
    code = (
        "import sys\n"
        "from models.analysis import analyse\n"
        "from models.stance import ExplicitStanceScorer, PassageView\n"
        "claim, passage, idf = sys.argv[1], sys.argv[2], eval(sys.argv[3])\n"
        "ca, pa = analyse(claim, denial_negates=False), analyse(passage)\n"
        "scorer = ExplicitStanceScorer(idf or {k: 2.0 for k in set(ca.keys) | set(pa.keys)})\n"
        "print(scorer.score(claim, ca, [PassageView(passage, pa, 0.5)])[0])\n")
    root = Path(__file__).resolve().parents[2]
    outputs = {subprocess.run([sys.executable, "-c", code, claim, passage, repr(idf)],
                              env={"PYTHONHASHSEED": str(seed)}, cwd=root,
                              capture_output=True, text=True, check=True).stdout for seed in range(8)}
    assert len(outputs) == 1, outputs


@pytest.mark.parametrize("claim, passage, label", [
    ("The army fought off the rebels near Kessel without letting them break through, a source said.",
     "The army repelled the rebels near Kessel and prevented any breaches, a source said.", SUPPORTS),
    ("Rebels broke through the army's lines near Kessel, a source said.",
     "The army repelled the rebels near Kessel and prevented any breaches, a source said.", REFUTES),
    # a source quoted is a source cited
    ("A military source quoted by Pellan Radio said rebels fled Kessel.",
     "A military source cited by Pellan Radio said rebels fled Kessel.", SUPPORTS),
])
def test_breaches_prevented_and_letting_no_one_through(claim, passage, label):
    s = _one_stance(claim, passage)
    assert s.label == label, s.reasons


def test_a_word_the_sentence_before_negates_lends_nothing():
    claim = "Rebels breached the defences, a source quoted by Pellan Radio said."
    passage = "The source also reported that troops secured the area."
    negated = _one_stance_after(claim, passage, "Troops prevented any breaches of the defences by rebels, according "
                                                "to a source cited by Pellan Radio.")
    said = _one_stance_after(claim, passage, "Troops reported breaches of the defences by rebels, according to a "
                                             "source cited by Pellan Radio.")
    assert negated.coverage < said.coverage and negated.label != SUPPORTS, negated.reasons


# the twenty-first review's probes
@pytest.mark.parametrize("text, negated", [
    ("Police were deployed in Kessel to prevent any violence.", ()),        # a purpose
    ("The army did little to prevent any attacks on Kessel.", ()),
    ("Officials hindered any investigation into the attack.", ()),
    ("Rebels kept any weapons they seized.", ()),
    ("Aides said the minister would not let them speak.", ("let",)),         # only meant
])
def test_what_is_not_prevented_or_let_after_the_twenty_first_review(text, negated):
    assert analyse(text).negated == negated


# continuing, letting and averting, as the reviews probed them (the twenty-first to the twenty-fifth)
@pytest.mark.parametrize("claim, passage, label", [
    # the twenty-first review's
    # a continuing whose subject is not read is not another's
    ("Norland halted its airstrikes on Kessel.", "On Friday, Norland continued its airstrikes on Kessel.", REFUTES),
    ("Norland halted its airstrikes on Kessel.", "Officials said Norland continued its airstrikes on Kessel.", REFUTES),
    # the capital's possessive
    ("The Syrian capital's airport was closed on Friday.", "Damascus airport was closed on Friday.", SUPPORTS),
    # cited for speeding is not quoted
    ("Police cited the driver for speeding in Kessel.",
     "Police quoted the driver as saying he was speeding in Kessel.", NEUTRAL),
    # a noun is not denied by the verb someone was not let do
    ("Norland's police stopped the march in Kessel.",
     "Norland's police did not let them march in Kessel, and stopped the rally.", SUPPORTS),
    # the twenty-second review's
    # a continuing whose subject is not read: the claim's subject must be named in the passage
    ("The army stopped shelling Pellan on Friday.", "On Friday, the rebels continued shelling Pellan.", NEUTRAL),
    ("Norland suspended its grain exports to Pellan.", "Meanwhile, Estria continued its grain exports to Pellan.",
     NEUTRAL),
    ("Norland halted its airstrikes on Kessel.", "On Friday, Norland continued its airstrikes on Kessel.", REFUTES),
    # averted any violence: none happened
    ("Violence broke out in Kessel on Friday.", "Police averted any violence in Kessel on Friday.", REFUTES),
    # the twenty-third review's
    # the claim's subject after an opening time or clause
    ("In March, Norland suspended grain exports to Kessel.", "Norland continued grain exports to Kessel in March.",
     REFUTES),
    ("On Friday, Norland halted its airstrikes on Pellan.", "On Friday, Norland continued its airstrikes on Pellan.",
     REFUTES),
    # the passage's subject after one: others continued it
    ("The army stopped shelling Pellan.", "On Friday, the rebels continued shelling Pellan, the army said.", NEUTRAL),
    # the phrase after "any" ends on its noun, before a name or an -ing
    ("Drones hit Kessel.", "Air defences prevented any drones hitting Kessel.", REFUTES),
    ("Aid reached Kessel.", "The siege prevented any aid reaching Kessel.", REFUTES),
    ("There were casualties in Kessel.", "Even if the warning came late, the evacuation averted any casualties in Kessel.",
     REFUTES),
    # a short opening set off by a comma is skipped; with no comma the subject stays unread, and
    # the claim's, named in the passage, will do
    ("The rebels halted shelling Kessel.", "On Friday the rebels continued shelling Kessel, the army said.", REFUTES),
    # a claim word the passage affirms of others is not affirmed of the claim's subject
    ("Soldiers were killed in Kessel.", "No soldiers died in Kessel, but two civilians were killed.", REFUTES),
    ("No soldiers were killed in Kessel.", "No soldiers died in Kessel, but two civilians were killed.", SUPPORTS),
    # the twenty-fifth review's
    ("The rebels continued shelling Kessel.",
     "Following a request from the rebels' political leaders, the army stopped shelling Kessel.", NEUTRAL),
    ("The army halted shelling Kessel.", "On Sept. 3, the rebels continued shelling Kessel despite the army's truce.",
     NEUTRAL),
    ("The army halted shelling Kessel.", "On Friday the rebels continued shelling Kessel, the army said.", NEUTRAL),
    ("The rebels halted shelling Kessel.", "On Friday the rebels continued shelling Kessel, the army said.", REFUTES),
])
def test_continuing_letting_and_averting_found_by_reviews(claim, passage, label):
    s = _one_stance(claim, passage)
    assert s.label == label, s.reasons


def test_averting_asked_about_refutes_nothing():
    assert _one_stance("The warning averted deaths in Pellan.",
                       "Officials are investigating whether the warning averted any deaths in Pellan.").label != REFUTES


@pytest.mark.xfail(strict=True, reason="known limit: a synonym the passage negates of another thing denies the "
                                       "claim's word ('averted any civilian deaths in Kessel' / 'killed three in Pellan')")
def test_a_synonym_negated_of_another_place_denies_nothing():
    assert _one_stance("Shelling killed three civilians in Pellan.",
                       "The ceasefire has averted any civilian deaths in Kessel so far, but shelling killed three "
                       "civilians in Pellan.").label == SUPPORTS


# the twenty-fifth review's probes
@pytest.mark.parametrize("text, negated", [
    ("The strikes averted any Israeli strikes on Kessel.", ("strike",)),    # a name first in the phrase
    ("Police prevented any widespread looting in Kessel.", ("loot",)),      # an -ing noun after an adjective
    ("Troops prevented any Pellan fighters entering Kessel.", ("fighter",)),
    ("Officials are examining whether the warning, issued hours earlier, averted any deaths.", ()),
    ("It remains unclear the warning averted any deaths.", ()),
])
def test_what_prevented_any_negates_after_the_twenty_fifth_review(text, negated):
    assert analyse(text).negated == negated


