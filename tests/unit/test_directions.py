"""A place located by a compass direction from another ("Kessel, north of Pellan"): the
opposite direction from the same place is a conflict; a nearby direction is not."""

import pytest

from models.stance import relative_locations
from models.text import match_key
from tests.test_general_english import _one_stance

_PASSAGE = "Estrian jets struck rebel positions around Kessel, north of Pellan, on Monday."


@pytest.mark.parametrize("text, located", [
    ("positions around Kessel, north of Pellan, on Monday", {("kessel", "pellan"): {("north",)}}),
    ("the town of Brora, 30 km south-east of Ostia", {("brora", "ostia"): {("south", "east")}}),
    ("near Kessel, some 20 kilometres northwest of the city of Pellan", {("kessel", "pellan"): {("north", "west")}}),
    ("in Kessel, north of Pellan, and in Kessel, south of Pellan", {("kessel", "pellan"): {("north",), ("south",)}}),
    ("The army moved north of Pellan.", {}),
    ("In Kessel, north of the border, ...", {}),
    # not a place located: a day, a place without a preposition, a longer name's first word
    ("On Monday, north of Pellan, jets struck a convoy.", {}),
    ("Troops from Estria south of Pellan shelled the town.", {}),
    ("Shelling hit Kessel, south of Pellan Lake.", {}),
    ("Shelling hit Kessel, south of Pellan's centre.", {}),
    # a reference of several words is not its first word's (a second review's probes)
    ("at Newark, west of New York City", {}),
    ("in Jabalia, north of Gaza City", {}),
])
def test_relative_locations(text, located):
    assert relative_locations(text) == {(match_key(a), match_key(b)): d for (a, b), d in located.items()}


@pytest.mark.parametrize("claim, label", [
    ("Estrian jets struck rebel positions around Kessel, south of Pellan.", "REFUTES"),
    ("Estrian jets struck rebel positions around Kessel, south-west of Pellan.", "REFUTES"),
    ("Estrian jets struck rebel positions around Kessel, south-east of Pellan.", "REFUTES"),
    ("Estrian jets struck rebel positions around Kessel, north of Pellan.", "SUPPORTS"),
    # near enough: no conflict; another direction: no support
    ("Estrian jets struck rebel positions around Kessel, north-west of Pellan.", "SUPPORTS"),
    ("Estrian jets struck rebel positions around Kessel, east of Pellan.", "NEUTRAL"),
])
def test_a_place_put_the_opposite_way_is_a_conflict(claim, label, wordnet):
    assert _one_stance(claim, _PASSAGE, wordnet).label == label


def test_another_reference_place_is_no_direction_conflict(wordnet):
    stance = _one_stance("Estrian jets struck rebel positions around Kessel, south of Brora.", _PASSAGE, wordnet)
    assert not any("opposite direction" in r for r in stance.reasons), stance.reasons


@pytest.mark.parametrize("claim, passage, label", [
    # neighbouring points share a part: no conflict, nor support (a review's probe)
    ("The army took the town of Kessel, north-east of Pellan.", "The army took the town of Kessel, north-west of Pellan.",
     "NEUTRAL"),
    # one of the passage's directions agrees (a review's probe)
    ("Shelling hit the town of Kessel, north of Pellan, on Monday.",
     "Shelling hit the town of Kessel, north of Pellan, on Monday, said officials in Kessel, south of Pellan.",
     "SUPPORTS"),
])
def test_directions_that_do_not_conflict(claim, passage, label, wordnet):
    assert _one_stance(claim, passage, wordnet).label == label
