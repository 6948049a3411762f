"""Words that only say something a passage says in its own words: an operation "under way"
(launched), a verb that only says a loss happened ("suffered deaths": were killed), "took the
army by surprise" (a surprise offensive). Invented names throughout."""

import pytest

from models.analysis import analyse
from models.stance import NEUTRAL, REFUTES, SUPPORTS, begun_wording, loss_verbs
from tests.test_general_english import _one_stance

_UNDER_WAY = "The Norland army's counteroffensive is already under way."
_NO_DEATHS = "The Norland army says its forces suffered no deaths in the fighting."
_CASUALTIES = "The Norland army sustained casualties in Pellan."


def test_begun_wording_is_the_words_that_say_an_operation_began():
    assert begun_wording(_UNDER_WAY) == {"counteroffens": frozenset({"way"})}
    # a counter-operation answers an operation by what it is
    assert begun_wording("The army had already launched its counteroffensive against the rebel assault.") == \
        {"counteroffens": frozenset({"launch", "assault"})}
    assert begun_wording("The army has not launched its counteroffensive.") == {}


def test_loss_verbs_are_the_verbs_before_a_loss():
    assert loss_verbs(_NO_DEATHS) == {"suffer": frozenset({"death"})}
    assert loss_verbs("Rebels inflicted heavy losses on the army.") == {"inflict": frozenset({"loss"})}
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
])
def test_a_verb_that_only_says_a_loss_is_stated_by_the_loss(claim, passage, label):
    assert _one_stance(claim, passage).label == label


def test_taken_by_surprise_is_surprised():
    claim = analyse("The rebel offensive did not take the Norland army by surprise.", denial_negates=False)
    assert "surpriz" in claim.negated and "take" not in claim.keys
    assert "take" in analyse("The rebels took the town by storm.").keys  # another idiom, left as it is


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
