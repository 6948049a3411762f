"""Words that only say something a passage says in its own words: an operation "under way"
(launched), a verb that only says a loss happened ("suffered deaths": were killed), "took the
army by surprise" (a surprise offensive). An attempt stopped did not reach its goal; what was
only tried is not stated. Invented names throughout; the probes of the eighth review are here."""

import pytest

from models.analysis import analyse
from models.stance import NEUTRAL, REFUTES, SUPPORTS, attempted_verbs, begun_operations, loss_verbs
from tests.test_general_english import _one_stance

_UNDER_WAY = "The Norland army's counteroffensive is already under way."
_NO_DEATHS = "The Norland army says its forces suffered no deaths in the fighting."
_CASUALTIES = "The Norland army sustained casualties in Pellan."


def test_begun_operations_say_which_began_who_launched_it_and_in_which_words():
    assert begun_operations(_UNDER_WAY) == (("counteroffens", frozenset({"norland", "armi"}), frozenset({"way"})),)
    # a counter-operation answers an operation by what it is
    assert begun_operations("The army had already launched its counteroffensive against the rebel assault.") == \
        (("counteroffens", frozenset({"armi"}), frozenset({"launch", "assault"})),)
    # who launched it: after an opening clause, after "after", past an aside
    assert begun_operations("On Thursday, rebels launched a counteroffensive.")[0][1] == {"rebel"}
    assert begun_operations("The army retreated after rebels launched a counteroffensive.")[0][1] == {"rebel"}
    assert begun_operations("The Norland army, backed by Ostian jets, launched a counteroffensive.")[0][1] == \
        {"norland", "armi"}
    assert begun_operations("The army has not launched its counteroffensive.") == ()
    assert begun_operations("It was unclear if the Norland army's counteroffensive had begun.") == ()


def test_loss_verbs_are_the_verbs_before_a_loss():
    assert loss_verbs(_NO_DEATHS) == {"suffer": frozenset({"death"})}
    assert loss_verbs("Rebels inflicted heavy losses on the army.") == {}  # its subject caused them
    assert loss_verbs("The army suffered a setback.") == {}


@pytest.mark.parametrize("claim, passage, label", [
    # "under way" said as "launched", by whom the claim says, or by no one named
    (_UNDER_WAY, "The Norland army launched a counteroffensive in Pellan on Thursday.", SUPPORTS),
    ("The campaign is under way.", "The army launched its campaign.", SUPPORTS),
    (_UNDER_WAY, "The Norland army is preparing for a counteroffensive.", REFUTES),
    # not launched, another operation, another side's, only possible
    (_UNDER_WAY, "The Norland army has not launched its counteroffensive.", NEUTRAL),
    (_UNDER_WAY, "The Norland army launched an offensive in Pellan on Thursday.", NEUTRAL),
    (_UNDER_WAY, "Rebels launched a counteroffensive against the Norland army.", NEUTRAL),
    (_UNDER_WAY, "The Norland army's counteroffensive could be launched within days.", NEUTRAL),
    (_UNDER_WAY, "It was unclear if the Norland army's counteroffensive had begun.", NEUTRAL),
    # launched by another (the eighth review's probes)
    (_UNDER_WAY, "On Thursday, rebels launched a counteroffensive against the Norland army.", NEUTRAL),
    (_UNDER_WAY, "The Norland army retreated after rebels launched a counteroffensive.", NEUTRAL),
    (_UNDER_WAY, "The Norland army said the rebel counteroffensive had begun.", NEUTRAL),
    (_UNDER_WAY, "The Ostian army launched a counteroffensive in Pellan.", NEUTRAL),
    ("The Norland offensive is under way.", "On Monday, rebels launched an attack on the Norland army.", NEUTRAL),
    ("The Ostian counteroffensive is under way.", "The Norland army said the Ostian counteroffensive had begun.",
     SUPPORTS),
    (_UNDER_WAY, "The Norland army, backed by Ostian jets, launched a counteroffensive on Thursday.", SUPPORTS),
    # what a counteroffensive is against is an operation: the passage need not name it
    ("The Norland army had launched its counteroffensive against the rebel assault.",
     "The Norland army launched a counteroffensive on Thursday.", SUPPORTS),
])
def test_an_operation_under_way_is_one_launched(claim, passage, label):
    assert _one_stance(claim, passage).label == label


@pytest.mark.parametrize("claim, passage, label", [
    (_NO_DEATHS, "The Norland army admitted that dozens of its soldiers were killed in the fighting.", REFUTES),
    (_CASUALTIES, "Casualties among Norland army soldiers in Pellan were confirmed.", SUPPORTS),
    # whose loss: not the other side's, not civilians', not the dead of a killing the army did
    ("The Norland army says it suffered no casualties in the fighting.",
     "Norland media reported that the casualties of the militants had reached 300.", NEUTRAL),
    (_CASUALTIES, "Civilians were killed in Pellan, the Norland army said.", NEUTRAL),
    (_CASUALTIES, "Residents of Pellan suffered casualties, the Norland army said.", NEUTRAL),
    ("The Norland army suffered heavy losses in Pellan.", "The Norland army killed dozens of civilians in Pellan.",
     NEUTRAL),
    # the loss must be suffered, by the claim's side (the eighth review's probes)
    (_CASUALTIES, "The Norland army avoided casualties in Pellan.", NEUTRAL),
    (_CASUALTIES, "The Norland army caused casualties in Pellan.", NEUTRAL),
    ("Norland suffered heavy losses in the war.", "Norland inflicted heavy losses on Ostia in the war.", NEUTRAL),
    ("Rebel forces suffered losses in Pellan.", "Rebel forces caused losses among army troops in Pellan.", NEUTRAL),
    ("The Norland army suffered casualties in Pellan.", "Norland soldiers shot dozens in Pellan; casualties were high.",
     NEUTRAL),
    ("Norland troops suffered casualties.", "Forty Norland soldiers were killed and twelve injured near Kessel.",
     SUPPORTS),
])
def test_a_verb_that_only_says_a_loss_is_stated_by_the_loss(claim, passage, label):
    assert _one_stance(claim, passage).label == label


def test_taken_by_surprise_is_surprised():
    claim = analyse("The rebel offensive did not take the Norland army by surprise.", denial_negates=False)
    assert "surpriz" in claim.negated and "take" not in claim.keys
    assert "take" in analyse("The rebels took the town by storm.").keys  # another idiom, left as it is
    # a place taken by surprise is captured; "took no one by surprise" keeps its negation on "took"
    assert "take" in analyse("Rebels took Pellan by surprise on Monday.").keys
    assert "surpriz" in analyse("The offensive took no one by surprise.").negated


@pytest.mark.parametrize("claim, passage, label", [
    ("The rebel offensive did not take the Norland army by surprise.",
     "Rebels launched a surprise offensive against the Norland army.", REFUTES),
    ("The rebel offensive took the Norland army by surprise.",
     "Rebels launched a surprise offensive against the Norland army.", SUPPORTS),
    ("The rebel offensive took the Norland army by surprise.",
     "The Norland army was not surprised by the rebel offensive.", REFUTES),
])
def test_a_surprise_is_one_however_it_is_said(claim, passage, label):
    assert _one_stance(claim, passage).label == label


@pytest.mark.parametrize("claim, passage, label", [
    ("Rebels took Pellan.", "Rebels took Pellan by surprise on Monday.", SUPPORTS),
    ("The rebel offensive took the Norland army by surprise.",
     "Norland officials said the rebel offensive took no one by surprise.", REFUTES),
    ("The vote surprised no one.", "The vote took no one by surprise.", SUPPORTS),  # the ninth review's
])
def test_other_things_taken_by_surprise(claim, passage, label):
    assert _one_stance(claim, passage).label == label


def test_a_stopped_attempt_reads_as_stopping():
    crushed = analyse("Norland forces crushed an attempt by rebels to enter Pellan.")
    assert "stop" in crushed.keys and "attempt" in crushed.keys
    # what was attempted is neither asserted nor denied (the ninth review: a "not" before the
    # goal refuted the same fact in the passive, and claims that the attempt was made)
    assert "enter" not in crushed.negated
    # the stopping not asserted: not stopped, only meant
    for text in ("The army has not halted attempts to enter Pellan.", "The army failed to halt any attempts to enter "
                 "Pellan.", "The army will repel any attempt to enter Pellan."):
        assert "stop" not in analyse(text).keys, text


@pytest.mark.parametrize("claim, passage, label", [
    ("Norland forces failed to stop rebels advancing toward Pellan.",
     "Norland forces crushed an attempt by rebels to advance toward Pellan.", REFUTES),
    ("Norland forces stopped rebels advancing toward Pellan.",
     "Norland forces crushed an attempt by rebels to advance toward Pellan.", SUPPORTS),
    # the ninth review's probes: the same fact in other words, an attempt that was made
    ("Kessel police are blocking attempts to enter the stadium.",
     "Kessel police are blocking every attempt to enter the stadium.", SUPPORTS),
    ("The Norland army halted an attempt by rebels to cross the Pellan river.",
     "An attempt by rebels to cross the Pellan river was halted by the Norland army.", SUPPORTS),
    ("Rebels attempted to enter Kessel.", "The Norland army thwarted an attempt by rebels to enter Kessel on Monday.",
     SUPPORTS),
    ("Police foiled a smuggling attempt in Ostia.", "Police foiled an attempt to smuggle weapons into Ostia.", SUPPORTS),
    ("Police stopped the smuggling of weapons into Ostia.", "Police foiled an attempt to smuggle weapons into Ostia.",
     SUPPORTS),
])
def test_an_attempt_stopped(claim, passage, label):
    assert _one_stance(claim, passage).label == label


def test_attempted_verbs_are_what_was_only_tried():
    assert attempted_verbs("An attempt by rebels to advance toward Pellan failed.") == {"advanc"}
    assert attempted_verbs("Rebels tried to enter Pellan; the army vowed to retake it.") == {"enter", "retak"}


@pytest.mark.parametrize("claim, passage, label", [
    ("Rebels advanced toward Pellan.", "Rebels tried to advance toward Pellan.", NEUTRAL),
    ("Rebels advanced toward Pellan.", "An attempt by rebels to advance toward Pellan failed.", NEUTRAL),
    ("Rebels entered Pellan.", "Rebels sought to enter Pellan.", NEUTRAL),
    ("Rebels advanced toward Pellan.", "Norland forces crushed an attempt by rebels to advance toward Pellan.", NEUTRAL),
    # stated outside the attempt, or tried on both sides, or the claim's own purpose
    ("Rebels entered Pellan.", "Rebels tried to enter Pellan and entered it at dawn.", SUPPORTS),
    ("Rebels tried to enter Pellan.", "Rebels tried to enter Pellan on Monday.", SUPPORTS),
    ("The army fought battles to halt the rebel advance.", "The army fought battles in a bid to halt the rebel advance.",
     SUPPORTS),
    # the ninth review's probes: a claim of what will be, a passage saying the attempt succeeded
    ("Ostia pledged that it would continue talks with Norland.", "Ostia pledged to continue talks with Norland.",
     SUPPORTS),
    ("Ostia will continue talks with Norland, its president pledged.",
     "Ostia's president pledged to continue talks with Norland.", SUPPORTS),
    ("Norland will host the 2030 Games.", "Norland won the bid to host the 2030 Games.", SUPPORTS),
    ("Rebels entered Kessel.", "Rebels succeeded in their bid to enter Kessel.", SUPPORTS),
])
def test_what_was_only_tried_is_not_stated(claim, passage, label):
    assert _one_stance(claim, passage).label == label


@pytest.mark.parametrize("claim, passage, label", [
    # what an earlier, withdrawn "under way" rule got wrong (README, "Measured")
    ("The offensive is under way.", "The army denied that its offensive had begun.", NEUTRAL),
    ("The army's offensive on Pellan is under way.", "The army launched an offensive on Brora on Monday.", NEUTRAL),
    pytest.param("The army's offensive is under way.", "The army launched an offensive in 2015, which ended in defeat.",
                 NEUTRAL, marks=pytest.mark.xfail(strict=True, reason="known limit: an operation since ended is "
                                                                      "still read as begun")),
])
def test_under_way_is_not_met_by_a_denial_another_target_or_an_ended_operation(claim, passage, label):
    assert _one_stance(claim, passage).label == label
