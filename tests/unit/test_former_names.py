""""used to be known as" read as "formerly known as" (as "used to be called" was): a former
name. Invented names throughout."""

from __future__ import annotations

import pytest

from models.analysis import _with_phrases
from models.stance import REFUTES, SUPPORTS

from tests.test_general_english import _one_stance


@pytest.mark.parametrize("text, read_as", [
    ("The Pellan Front used to be known as the Kessel Brigade",
     "The Pellan Front formerly known as the Kessel Brigade"),
    ("Kessab used to be called Little Ostra", "Kessab formerly known as Little Ostra"),
    # not "used to" as accustomed to, or employed for (a review's probes)
    ("Residents are used to being shelled", "Residents are used to being shelled"),
    ("The tactics the rebels used to be successful in Pellan came from Estria",
     "The tactics the rebels used to be successful in Pellan came from Estria"),
    ("The bribes Marlow used to be elected mayor came from Estria",
     "The bribes Marlow used to be elected mayor came from Estria"),
])
def test_used_to_be_known_as_is_read_as_formerly(text, read_as):
    assert _with_phrases(text) == read_as


@pytest.mark.parametrize("passage, label", [
    ("The Pellan Front, formerly known as the Kessel Brigade, attacked Kessab.", SUPPORTS),
    ("The Pellan Front, formerly known as the Ostia Legion, attacked Kessab.", REFUTES),
])
def test_a_former_name(wordnet, passage, label):
    s = _one_stance("The Pellan Front used to be known as the Kessel Brigade.", passage, wordnet)
    assert s.label == label, s.reasons

