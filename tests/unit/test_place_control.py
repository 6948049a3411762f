"""Who holds a place, said in other words: control taken ("took control of", "seized",
"overran", "fell to"), lost ("lost control of Kessel to the rebels": taken by them), or denied
("failed to take Kessel", "failed to establish positions in Kessel": no foothold is no
control). Invented names throughout: nothing here is about the seed corpus."""

import pytest

from models.stance import NEUTRAL, REFUTES, SUPPORTS, PlaceControl, place_control
from tests.test_general_english import _one_stance


def _frame(text: str) -> PlaceControl:
    frames = place_control(text)
    assert len(frames) == 1, frames
    return frames[0]


def test_place_control_reads_the_place_who_took_it_who_lost_it_and_how_much():
    f = _frame("Pellan Front fighters have taken control of most of Kessel.")
    assert (f.place, f.taker, f.loser, f.taken, f.whole) == ({"kessel"}, {"pellan", "front", "fighter"}, set(), True, True)
    assert f.said == {"take", "control"}
    f = _frame("The Norland army has lost control of Kessel to the rebels.")
    assert (f.place, f.taker, f.loser, f.taken) == ({"kessel"}, {"rebel"}, {"norland", "armi"}, True)
    f = _frame("An attack led by the Pellan Front failed to establish positions in Kessel, the army said.")
    assert (f.place, f.taker, f.taken) == ({"kessel"}, {"pellan", "front"}, False)
    assert _frame("Rebels are in control of parts of Kessel.").whole is False
    assert _frame("Rebels overran large parts of Kessel.").whole is False
    assert _frame("Rebels seized large swaths of land in Kessel.").whole is False
    # the place's name, not a possessive before it; who took it, past a report and a first verb
    f = _frame("Rebels claimed to have seized dozens of villages and overran most of Norland's second city of Kessel.")
    assert (f.place, f.taker) == ({"kessel"}, {"rebel"})
    assert _frame("Kessel fell to rebels on Friday.").taker == {"rebel"}
    assert _frame("Kessel has been captured by the Pellan Front.").taker == {"pellan", "front"}


@pytest.mark.parametrize("text", [
    "The rebels plan to seize Kessel.",                 # only meant
    "The Norland army could lose control of Kessel.",
    "Kessel has not fallen to the rebels.",
    "The rebels captured the Kessel airport.",           # another place, named after it
    "The rebels seized dozens of villages.",             # no place named
    "Hama, like Kessel, had fallen into the hands of the militants.",  # which place is not read
])
def test_place_control_reads_no_taking_where_none_is_asserted_of_a_named_place(text):
    assert place_control(text) == ()


@pytest.mark.parametrize("claim, passage, label", [
    # the taking said in other words
    ("Pellan Front fighters have taken control of most of Kessel.", "The Pellan Front overran most of Kessel on Friday.",
     SUPPORTS),
    ("Rebels took control of Kessel.", "Kessel fell to rebels on Friday.", SUPPORTS),
    ("The Norland army has lost control of Kessel to the rebels.",
     "The Norland army lost control of Kessel, Ostian officials said.", SUPPORTS),
    # ... or denied
    ("Pellan Front fighters have taken control of most of Kessel.",
     "An attack led by the Pellan Front failed to establish positions in Kessel, the army said.", REFUTES),
    ("The Norland army has lost control of Kessel to the rebels.",
     "Rebels failed to establish positions in Kessel, the Norland army said.", REFUTES),
    ("Rebels seized Kessel.", "Rebels failed to take Kessel.", REFUTES),
    ("Rebels failed to take Kessel.", "Rebels took control of Kessel on Friday.", REFUTES),
    # not: only parts of it, other hands, another place, a taking only meant, the claim's
    # words said too
    ("Pellan Front fighters have taken control of most of Kessel.", "Pellan Front fighters are in control of parts of Kessel.",
     NEUTRAL),
    ("The Norland army has lost control of Kessel to the rebels.",
     "The Norland army lost control of Kessel to Ostian troops.", NEUTRAL),
    ("Pellan Front fighters have taken control of most of Kessel.", "The Norland army failed to take Kessel.", NEUTRAL),
    ("The army took control of Kessel.", "The rebels failed to take Kessel.", NEUTRAL),
    ("Ostian forces seized Kessel.", "Norland forces failed to take Kessel.", NEUTRAL),
    ("The Norland army has lost control of Kessel.", "The Norland army failed to take Kessel.", NEUTRAL),
    ("Pellan Front fighters have taken control of most of Kessel.", "The Pellan Front plans to seize Kessel.", NEUTRAL),
    ("Rebels took control of Kessel.", "The rebels captured the Kessel airport.", NEUTRAL),
    ("Rebels seized Kessel International Airport.", "Rebels failed to establish positions in Kessel.", NEUTRAL),
    ("Rebels seized Kessel.", "Rebels failed to take Kessel in 2016 but seized it in 2020.", SUPPORTS),
    # a denial by others says nothing of the claim's
    ("The Norland army has lost control of Kessel.", "Ostian troops failed to enter Kessel.", NEUTRAL),
])
def test_who_holds_a_place_is_compared_in_other_words(claim, passage, label):
    assert _one_stance(claim, passage).label == label


# the tenth review's probes: a taking denied, doubted, only meant or undone; something in the
# place taken, or a place named after it; who took it assumed or misread
@pytest.mark.parametrize("claim, passage", [
    ("Rebels failed to take Kessel.", "The army denied that rebels had captured Kessel."),
    ("Rebels failed to take Kessel.", "The army rejected rebel claims to have captured Kessel."),
    ("Rebels took control of Kessel.", "Reports that rebels seized Kessel were false."),
    ("Rebels failed to take Kessel.", "Reports that rebels seized Kessel were false."),
    ("Rebels took control of Kessel.", "It is untrue that rebels seized Kessel."),
    ("Rebels took control of Kessel.", "Rebels advanced without capturing Kessel."),
    ("Rebels failed to take Kessel.", "Rebels advanced without capturing Kessel."),
    ("Rebels took control of Kessel.", "Rebels are on the verge of seizing Kessel."),
    ("Rebels failed to take Kessel.", "Rebels launched an offensive aimed at seizing Kessel."),
    ("Rebels took control of Kessel.", "Had rebels captured Kessel, the war would be over."),
    ("Rebels failed to take Kessel.", "Officials were unsure who was in control of Kessel."),
    ("Rebels failed to take Kessel.", "Rebels captured soldiers in Kessel."),
    ("Rebels failed to take Kessel.", "Rebels seized weapons in Kessel."),
    ("Rebels failed to take Kessel.", "Rebels seized a village near Kessel."),
    ("Rebels took control of Kessel.", "Rebels seized control of Kessel Airport."),
    ("Rebels took control of Kessel.", "Rebels captured Kessel Valley."),
    ("Rebels took control of Kessel.", "Rebels captured the Kessel Front commander."),
    ("Rebels took control of Kessel.", "Rebels captured Kessel Smith, a senior officer."),
    ("Rebels took control of Kessel.", "Rebels captured the centre of Kessel."),
    ("Rebels captured North Kessel.", "Rebels failed to take South Kessel."),
    ("Rebels took control of Kessel.", "The army lost control of Kessel after Ostian troops invaded."),
    ("Rebels took control of Kessel.", "The army lost control of the situation in Kessel."),
    ("Rebels took control of Kessel.", "The Norland army lost control of Kessel."),
    ("The army took control of Kessel.", "Kessel fell to rebels fighting the army."),
    ("Ostia took control of Kessel.", "The army lost control of Kessel to rebels backed by Ostia."),
    ("The army seized Kessel.", "Rebels said they failed to take Kessel."),
    ("The army seized Kessel.", "Rebels retreated after failing to take Kessel."),
    ("Rebels failed to take Kessel.", "\"We have captured Kessel,\" a Norland officer said."),
    ("The army lost control of Kessel to rebels.", "Rebels lost control of Kessel to the army."),
    ("Rebels took control of Kessel.", "Exports from Kessel fell to record lows."),
    ("Rebels took control of Kessel.", "Kessel fell to the ground."),
])
def test_no_taking_read_where_the_passage_does_not_say_it(claim, passage):
    assert _one_stance(claim, passage).label == NEUTRAL


# the eleventh review's probes: who took it read past when, where, with whom, a pronoun or a
# second verb ...
@pytest.mark.parametrize("claim, passage", [
    ("The Pellan Front seized Kessel.", "The Pellan Front on Monday seized Kessel."),
    ("The Pellan Front seized Kessel.", "The Pellan Front in March seized Kessel."),
    ("Rebels seized Kessel.", "Rebels from Brora seized Kessel."),
    ("Rebels seized Kessel.", "Rebels in the north seized Kessel."),
    ("The Pellan Front seized Kessel.", "The Pellan Front and its allies seized Kessel."),
    ("Rebels seized Kessel.", "The rebels said they had seized Kessel."),
    ("The Pellan Front seized Kessel.", "The Pellan Front says it has seized Kessel."),
    ("The Pellan Front seized Kessel.", "The Pellan Front, having seized Kessel, pushed on."),
    ("The Pellan Front captured Kessel.", "The Pellan Front captured Brora and Tull before it seized Kessel."),
    ("Rebels seized Kessel.", "Rebels failed to take Brora but seized Kessel."),
    ("Rebels seized Brora.", "Rebels failed to take Kessel but seized Brora."),
])
def test_the_takers_own_taking_supports(claim, passage):
    assert _one_stance(claim, passage).label == SUPPORTS


# ... and a failure limited to a time, a manner or an attempt, or followed by what happened
# later, denies nothing; nor is an aside who took it
@pytest.mark.parametrize("claim, passage", [
    ("Rebels seized Kessel.", "Rebels failed to take Kessel, but the army later lost control of the city to them."),
    ("Rebels seized Kessel.", "Rebels failed to take Kessel by force, but entered it after a deal."),
    ("Rebels seized Kessel.", "Rebels initially failed to take Kessel."),
    ("Rebels seized Kessel.", "Rebels failed to take Kessel for three years."),
    ("Rebels overran Kessel.", "Rebels failed to enter Kessel on Monday."),
    ("Ostia seized Kessel.", "The Pellan Front, backed by Ostia, seized Kessel."),
])
def test_a_limited_failure_or_an_aside_says_nothing_of_the_taking(claim, passage):
    assert _one_stance(claim, passage).label == NEUTRAL


def test_a_failure_said_on_a_day_by_someone_is_still_a_failure():
    assert _one_stance("Rebels seized Kessel.", "Rebels failed to take Kessel, the army said on Monday.").label == REFUTES


# the fourteenth review's probes: who failed is the head of its phrase, not what it is
# against, of, or the relation of; a name that only modifies or is "from" ...
@pytest.mark.parametrize("claim, passage, label", [
    ("The Pellan Front seized Kessel.", "An offensive against the Pellan Front failed to take Kessel.", NEUTRAL),
    ("The Pellan Front seized Kessel.", "A rival of the Pellan Front failed to take Kessel.", NEUTRAL),
    ("The Pellan Front seized Kessel.", "Fighters opposed to the Pellan Front failed to take Kessel.", NEUTRAL),
    ("The Pellan Front seized Kessel.", "Allies of the Pellan Front failed to take Kessel.", NEUTRAL),
    ("The Pellan Front seized Kessel.", "The Pellan Front's allies failed to take Kessel.", NEUTRAL),
    ("Ostia seized Kessel.", "Ostia's rivals failed to take Kessel.", NEUTRAL),
    ("The army seized Kessel.", "Rebels besieging the army failed to take Kessel.", NEUTRAL),
    ("Rebels from Brora seized Kessel.", "Rebels from Tull failed to take Kessel.", NEUTRAL),
    ("Rebels failed to take Kessel.", "\"Rebels seized Kessel,\" the army falsely claimed.", NEUTRAL),
    ("Rebels failed to take Kessel.", "The army falsely claimed that rebels had seized Kessel.", NEUTRAL),
    ("Ostia seized Kessel.", "Troops from Ostia seized Kessel.", SUPPORTS),
    ("Ostia seized Kessel.", "Ostia-trained militias took control of Kessel.", NEUTRAL),
    ("Ostia seized Kessel.", "Kessel fell to Ostia-backed rebels.", NEUTRAL),
    # ... and a failure is limited only by a time, a manner or what happened to the place later
    ("Rebels seized Kessel.", "Rebels failed to take Kessel on the coast.", REFUTES),
    ("Rebels seized Kessel.", "Rebels failed to take Kessel at all.", REFUTES),
    ("Rebels seized Kessel.", "Rebels failed to take Kessel and later withdrew.", REFUTES),
    ("Rebels seized Kessel.", "Rebels again failed to take Kessel.", REFUTES),
    ("Rebels seized Kessel.", "Rebels failed to take Kessel but seized Brora.", REFUTES),
])
def test_who_failed_and_how_after_the_fourteenth_review(claim, passage, label):
    assert _one_stance(claim, passage).label == label


# a loss whose taker the claim leaves unsaid is refuted by the failure of the assault on the
# place, not by one party's ("Ostian troops failed to enter Kessel": it may have been lost to
# another)
def test_the_assaults_failure_refutes_a_loss_to_someone_unsaid():
    assert _frame("An attack led by the Pellan Front failed to establish positions in Kessel.").by_operation
    assert _frame("The rebel offensive failed to take Kessel.").by_operation
    assert not _frame("Ostian troops failed to enter Kessel.").by_operation
    lost = "The Norland army has lost control of Kessel."
    assert _one_stance(lost, "The rebel offensive failed to take Kessel.").label == REFUTES
    # the Pellan Front's side is told by its article (tests/test_events_and_groups.py); alone,
    # like an Ostian offensive, it may be a third side's
    assert _one_stance(lost, "An attack led by the Pellan Front failed to establish positions in Kessel, the army "
                             "said.").label == NEUTRAL
    assert _one_stance(lost, "An Ostian offensive failed to take Kessel.").label == NEUTRAL
    assert _one_stance("Rebels have lost control of Kessel.", "The army offensive failed to take Kessel.").label == REFUTES
    assert _one_stance(lost, "Ostian troops failed to enter Kessel.").label == NEUTRAL
    assert _one_stance("The Norland army has lost control of Kessel to Ostia.",
                       "An attack led by the Pellan Front failed to establish positions in Kessel.").label == NEUTRAL


# the fifteenth review's probes: not the loser's own operation, nor one of another time or an
# unnamed one, nor a campaign or police operation; not a taking of parts; not a doubted failure
@pytest.mark.parametrize("claim, passage", [
    ("The Norland army lost control of Kessel.", "An offensive launched by the Norland army failed to take Kessel."),
    ("The Norland army lost control of Kessel.", "The Norland army said its offensive failed to take Kessel."),
    ("The army lost control of Kessel.", "Its attack failed to take Kessel."),
    ("The army lost control of Kessel.", "The army said an attack failed to take Kessel."),
    ("The army lost control of Kessel.", "Their offensive failed to take Kessel, the army said."),
    ("The Norland army lost control of Kessel.", "Norland said the offensive failed to take Kessel."),
    ("The Norland army lost control of Kessel in 2023.", "A 2016 offensive failed to take Kessel."),
    ("The Norland army lost control of Kessel.", "A previous offensive failed to take Kessel."),
    ("The Norland army lost control of Kessel.", "Years ago, an offensive failed to take Kessel."),
    ("The Norland army lost control of Kessel.", "In 2016, a rebel offensive failed to take Kessel."),
    ("The Norland army has lost control of Kessel.", "An election campaign failed to take Kessel."),
    ("The Norland army has lost control of Kessel.", "A police operation failed to take Kessel."),
    ("The army lost control of Kessel.", "The operation failed to take Kessel by surprise."),
    ("The Norland army lost control of parts of Kessel.", "The offensive failed to take Kessel."),
    ("The army lost control of parts of Kessel.", "The offensive failed to take all of Kessel."),
    ("The Norland army has lost control of Kessel.", "Officials feared the offensive failed to take Kessel."),
    ("The Norland army has lost control of Kessel.", "It is not true that the offensive failed to take Kessel."),
    ("Rebels seized parts of Kessel.", "The rebels failed to take all of Kessel."),
])
def test_no_failure_refutes_after_the_fifteenth_review(claim, passage):
    assert _one_stance(claim, passage).label == NEUTRAL


# the sixteenth review's probes: a doubt about something else should leave the failure
# asserted; read in the clause alone, it let the seventeenth review's doubts after the verb and
# across "U.S." refute (below), so a doubt anywhere in the passage unasserts its takings
_DOUBT_ELSEWHERE = "known limit: a doubt anywhere in a passage unasserts its takings; its scope is not read"


@pytest.mark.parametrize("passage", [
    pytest.param("Rebels failed to take Kessel, and residents feared reprisals.",
                 marks=pytest.mark.xfail(strict=True, reason=_DOUBT_ELSEWHERE)),
    pytest.param("Rebels failed to take Kessel, perhaps because of the weather.",
                 marks=pytest.mark.xfail(strict=True, reason=_DOUBT_ELSEWHERE)),
    "Rebels failed to take Kessel. Casualties were high.",
])
def test_a_doubt_elsewhere_leaves_the_failure_asserted(passage):
    assert _one_stance("Rebels captured Kessel.", passage).label == REFUTES


# the seventeenth review's probes: a doubt or denial after the verb, across an abbreviation or
# in the next sentence unasserts; "may" and "march" date nothing; a government's offensive is
# the army's side
@pytest.mark.parametrize("claim, passage, label", [
    ("Rebels failed to take Kessel.", "The army denied reports from the U.S. that rebels had seized Kessel.", NEUTRAL),
    ("Rebels failed to take Kessel.", "It is not true, said Mr. Voss, that rebels seized Kessel.", NEUTRAL),
    ("Rebels failed to take Kessel.", "Rebels seized Kessel, officials feared.", NEUTRAL),
    ("Rebels failed to take Kessel.", "Rebels seized Kessel, if reports are true.", NEUTRAL),
    ("Rebels failed to take Kessel.", "Perhaps, as officials say, rebels seized Kessel.", NEUTRAL),
    ("Rebels failed to take Kessel.", "Rebels seized Kessel. The army denied it.", NEUTRAL),
    ("The army lost control of Kessel.", "The rebel offensive failed to take Kessel, officials feared.", NEUTRAL),
    ("The army lost control of Kessel, which may now become a rebel base.", "The rebel offensive failed to take Kessel.",
     REFUTES),
    ("The army lost control of Kessel as rebels march on the capital.", "The rebel offensive failed to take Kessel.",
     REFUTES),
    ("Rebels lost control of Kessel.", "A government offensive failed to take Kessel.", REFUTES),
])
def test_doubts_dates_and_sides_after_the_seventeenth_review(claim, passage, label):
    assert _one_stance(claim, passage).label == label


# ... and a failed assault refutes a loss to someone unsaid only where it is the militants',
# not a third side's, not limited to its first days, not against a dated loss
@pytest.mark.parametrize("claim, passage", [
    ("The Norland army lost control of Kessel.", "An Ostian offensive failed to take Kessel."),
    ("The Norland army lost control of Kessel.", "The rebel offensive failed to take Kessel in its first days."),
    ("The Norland army lost control of Kessel in 2019.", "The rebel offensive failed to take Kessel."),
])
def test_a_failed_assault_after_the_sixteenth_review(claim, passage):
    assert _one_stance(claim, passage).label == NEUTRAL


# An attempt on a place stopped is a failure to take it; getting into a place (entering it,
# reaching it, advancing on it) is less than taking it.

def test_an_attempt_stopped_is_a_failure_of_who_tried():
    f = _frame("The army halted every attempt by the rebels to enter Kessel.")
    assert (f.place, f.taker, f.taken, f.entry) == ({"kessel"}, {"rebel"}, False, True)
    f = _frame("Troops stopped the Pellan Front from advancing on the city of Kessel.")
    assert (f.place, f.taker, f.taken, f.entry) == ({"kessel"}, {"pellan", "front"}, False, True)
    f = _frame("The army thwarted repeated attempts to capture Kessel.")
    assert (f.place, f.taker, f.taken, f.entry) == ({"kessel"}, set(), False, False)
    # "the city": the one place the sentence was moving towards
    f = _frame("Amid a rapid advance towards Kessel, the army has halted any attempts to invade the city.")
    assert (f.place, f.taker, f.taken) == ({"kessel"}, set(), False)
    f = _frame("Rebels entered Kessel on Friday.")
    assert (f.place, f.taker, f.taken, f.entry) == ({"kessel"}, {"rebel"}, True, True)
    assert _frame("The rebels have been able to enter large parts of Kessel.").whole is False


@pytest.mark.parametrize("text", [
    "Amid advances towards Kessel and towards Brora, the army halted any attempts to invade the city.",  # which city?
    "Troops based near Brora stopped the rebels from advancing on the city.",     # near is not towards
    "On Monday troops stopped the rebels from advancing on the city.",
    "Nothing stopped the rebels from advancing on Kessel.",
    "Nobody has halted attempts by the rebels to enter Kessel.",
    "Neither the army nor the police stopped the rebels from advancing on Kessel.",
    "The army has rarely stopped the rebels from advancing on Kessel.",
    "Few believe the army stopped the rebels from advancing on Kessel.",
    "Although the army briefly stopped the rebels from advancing on Kessel, the rebels seized it days later.",
    "Pellan blocked a bid by Ostia to take Kessel to court.",
    "The army failed to stop the rebels from entering Kessel.",
    "The army did not halt the attempt by the rebels to enter Kessel.",
    "The army could block any attempt to take Kessel.",
    "The army vowed to halt any attempt to enter Kessel.",
    "Rebels were entered in Kessel's register.",
])
def test_no_stopped_attempt_where_none_is_asserted(text):
    assert all(f.taken for f in place_control(text)), place_control(text)


@pytest.mark.parametrize("claim, passage, label", [
    # failing to get into a place is failing to take it; not the reverse
    ("Rebels failed to take Kessel.", "The army stopped the rebels from advancing on Kessel.", SUPPORTS),
    ("The army halted every attempt by the rebels to enter Kessel.", "Rebels are in control of parts of Kessel.",
     REFUTES),
    ("The army halted every attempt by the rebels to enter Kessel.", "Rebels entered Kessel on Friday.", REFUTES),
    ("Rebels entered Kessel.", "The army stopped the rebels from advancing on Kessel.", REFUTES),
    ("Rebels have captured Kessel.", "The army stopped the rebels from advancing on Kessel.", REFUTES),
    # a noun for the attempt is not denied by the verb the passage says was prevented
    ("Despite a rapid rebel push toward Kessel, troops thwarted every attempt to take the city.",
     "Troops stopped the rebels from advancing on Kessel.", SUPPORTS),
])
def test_an_attempt_stopped_or_a_place_entered_is_compared(claim, passage, label):
    s = _one_stance(claim, passage)
    assert s.label == label, s.reasons


@pytest.mark.parametrize("claim, passage", [
    ("Rebels failed to enter Kessel.", "The army halted every attempt by the rebels to take Kessel."),
    ("Rebels have captured Kessel.", "Rebels entered Kessel on Friday."),
    ("Rebels have captured Kessel.", "The army failed to stop the rebels from entering Kessel."),
    # others were stopped
    ("Rebels have captured Kessel.", "The rebels stopped the army from advancing on Kessel."),
])
def test_entering_is_not_taking_and_a_failure_to_take_is_not_one_to_enter(claim, passage):
    assert _one_stance(claim, passage).label != SUPPORTS


@pytest.mark.parametrize("claim, passage", [
    ("The army halted every attempt by the rebels to take Kessel.", "Rebels entered Kessel on Friday."),
    ("Rebels entered Kessel.", "Rebels failed to take Kessel."),
    ("The army halted every attempt by the rebels to take Kessel.", "Rebels are in control of parts of Kessel."),
    ("Rebels have captured Kessel.", "The army failed to stop the rebels from entering Kessel."),
    ("The army halted every attempt by the rebels to enter Kessel.", "The army entered Kessel on Friday."),
])
def test_entering_does_not_refute_a_failure_to_take(claim, passage):
    assert _one_stance(claim, passage).label != REFUTES


def test_the_passive_of_a_stopped_attempt_is_read_and_entering_there_is_not():
    f = _frame("The rebels were stopped from entering Kessel.")
    assert (f.place, f.taker, f.taken, f.entry) == ({"kessel"}, {"rebel"}, False, True)
    assert all(not f.taken for f in place_control("The army stopped the rebels from entering Kessel."))


# the eighteenth review's probes
@pytest.mark.parametrize("claim, passage, label", [
    # a headline's verb is not the noun for an attempt the claim says failed
    ("Rebels storm Kessel.", "Troops stopped the rebels from storming Kessel.", REFUTES),
    ("Rebels push into Kessel.", "Troops stopped the rebels from pushing into Kessel.", REFUTES),
    ("Protesters march on Kessel.", "Police stopped the protesters from marching on Kessel.", REFUTES),
    ("The rebel advance on Kessel continued on Monday.", "Troops stopped the rebels from advancing on Kessel on Monday.",
     REFUTES),
    # another time
    ("Rebels captured Kessel in June.", "In March the army stopped the rebels from advancing on Kessel.", NEUTRAL),
    ("In March the army stopped the rebels from advancing on Kessel.", "Rebels captured Kessel in June.", NEUTRAL),
    # a stopping not asserted, doubted or conceded
    ("Rebels failed to take Kessel.", "Nothing stopped the rebels from advancing on Kessel.", NEUTRAL),
    ("Rebels failed to take Kessel.", "Nobody has halted attempts by the rebels to enter Kessel.", NEUTRAL),
    ("Rebels failed to take Kessel.", "Few believe the army stopped the rebels from advancing on Kessel.", NEUTRAL),
    ("Rebels failed to take Kessel.",
     "Although the army briefly stopped the rebels from advancing on Kessel, the rebels seized it days later.", NEUTRAL),
    # a visit is not an assault
    ("The army stopped the rebels from advancing on Kessel.", "Rebel commanders entered Kessel for peace talks.", NEUTRAL),
    # the city near which troops are based is not the one they stopped an advance on
    ("Rebels failed to take Brora.", "Troops based near Brora stopped the rebels from advancing on the city.", NEUTRAL),
    # allies are not the rebels
    ("Rebels failed to take Kessel.", "The army halted every attempt by the rebels' allies to enter Kessel.", NEUTRAL),
    ("Rebels entered Kessel.", "The army halted every attempt by the rebels' Ostian allies to enter Kessel.", NEUTRAL),
])
def test_stopped_attempts_after_the_eighteenth_review(claim, passage, label):
    s = _one_stance(claim, passage)
    assert s.label == label, s.reasons


def test_taking_a_place_to_court_is_no_attempt_on_it():
    # not a stopped attempt on Kessel (the word-level negation of 'take' still refutes: an old limit)
    assert _one_stance("Ostia failed to take Kessel.", "Pellan blocked a bid by Ostia to take Kessel to court.").label != SUPPORTS



def test_a_failure_dated_at_its_opening_states_a_failure_and_refutes_no_undated_taking():
    assert _frame("In March the army stopped the rebels from advancing on Kessel.").dated
    # (a time after it limits it, as before: no failure read)
    assert place_control("The army stopped the rebels from advancing on Kessel in March.") == ()
    for passage in ("On Monday, the army stopped the rebels from advancing on Kessel.",
                    "Last week, the army stopped the rebels from advancing on Kessel.",
                    "Kessel's army, while outnumbered, stopped the rebels from advancing on Kessel.",
                    "There is no doubt that the army stopped the rebels from advancing on Kessel."):
        assert _one_stance("The rebels failed to take Kessel.", passage).label == SUPPORTS, passage
    assert _one_stance("Rebels captured Kessel.", "On Monday, the army stopped the rebels from advancing on Kessel."
                       ).label == NEUTRAL
    assert _one_stance("Rebels captured Kessel on Monday.",
                       "On Monday, the army stopped the rebels from advancing on Kessel.").label == REFUTES


# the twentieth review's probes
@pytest.mark.parametrize("claim, passage, label", [
    # a visit: other hands, never a taking
    ("The rebels entered Kessel.", "Pellan troops entered Kessel for talks with the rebels.", NEUTRAL),
    # stopping said by those loyal to someone, or sent somewhere, is still a stopping (a "to" among
    # the three words before a verb leaves it unasserted: an old limit of every frame)
    pytest.param("The rebels failed to take Kessel.",
                 "Forces loyal to the president stopped the rebels from advancing on Kessel.", SUPPORTS,
                 marks=pytest.mark.xfail(strict=True, reason="known limit: 'to' three words before the verb")),
    pytest.param("The rebels failed to take Kessel.", "Troops sent to Brora stopped the rebels from advancing on Kessel.",
                 SUPPORTS, marks=pytest.mark.xfail(strict=True, reason="known limit: 'to' three words before the verb")),
    # a date said otherwise ("in early March")
    ("Rebels captured Kessel in March.", "In early March the army stopped the rebels from advancing on Kessel.", REFUTES),
])
def test_stopped_attempts_after_the_twentieth_review(claim, passage, label):
    s = _one_stance(claim, passage)
    assert s.label == label, s.reasons


@pytest.mark.parametrize("claim, passage", [
    ("The rebels launched an advance on Kessel.", "The army stopped the rebels from advancing on Kessel."),
    ("The rebels launched a rapid push into Kessel.", "The army stopped the rebels from pushing into Kessel."),
    ("The rebels mounted an advance on Kessel.", "The rebels were stopped from advancing on Kessel."),
])
def test_a_move_begun_is_not_denied_by_its_stopping(claim, passage):
    assert _one_stance(claim, passage).label != REFUTES
