"""Acronyms the corpus uses without defining them, where it spells out one name with their
initials; and a negation the passage makes of another thing than the claim's, whose subject
only the sentence before lends. Invented names throughout."""

import pytest

from index.build import _acronyms_spelled_out, corpus_lexicon
from models.stance import NEUTRAL, SUPPORTS
from models.text import match_key
from tests.test_general_english import _one_stance_after


def _passages(*texts):
    return [{"text": t} for t in texts]


def test_an_acronym_spelled_out_once_in_the_corpus_is_its_name():
    spelled = _acronyms_spelled_out(_passages("The Norland National Defence Board met on Monday.",
                                              "An NDB spokesman said the talks had failed."))
    assert spelled == {"ndb": sorted({match_key(w) for w in ("National", "Defence", "Board")})}


@pytest.mark.parametrize("texts", [
    # two names with those initials: neither
    ("The National Defence Board met.", "The Northern Development Bank lent money.", "The NDB said no."),
    # an acronym that is an English word, or one never used
    ("The Islamic State claimed it.", "IS fighters attacked."),
    ("The National Defence Board met on Monday.",),
    # a review's probes: two letters, a headline in capitals, a window opening with a
    # stopword, a time zone after a figure, a Roman numeral
    ("The Prime Minister arrived at 3 PM.",),
    ("BREAKING NEWS: Northern Electric Workers Strike",),
    ("In Damascus Friday crowds gathered.", "The IDF said so."),
    ("It began at 10 GMT.", "Governor Mansour Tal said so."),
    ("World War III began.", "Ivan Ivanov Ivanovich said so."),
    # a second review's probes: a day in the name, part of a longer run, a person, a headline
    # across a line break
    ("Russia delivered SAM batteries.", "The Syrian Army Monday shelled Idlib."),
    ("The FSA will win.", "Foreign Secretary Ahmet Davutoglu said."),
    ("PKK fighters attacked.", "Syrian National Coalition President Khaled Khoja said."),
    ("The HAM group spoke.", "Hassan Abu Mohammed said."),
    ("Syrian Army Advances\nRebels retreat as SAA troops move in.",),
])
def test_no_acronym_where_the_corpus_is_ambiguous_or_silent(texts):
    assert corpus_lexicon(_passages(*texts))["aliases"] == {}


def test_an_acronym_of_roman_numeral_letters_is_still_an_acronym():
    assert corpus_lexicon(_passages("The ICC said so.", "The International Criminal Court said so."))["aliases"] == {
        "icc": sorted({match_key(w) for w in ("International", "Criminal", "Court")})}


def test_an_acronym_is_spelled_out_in_the_article_that_uses_it():
    assert _acronyms_spelled_out([{"text": "The NDB said no.", "source_id": "a"},
                                  {"text": "The National Defence Board met.", "source_id": "b"}]) == {}


def test_a_defined_acronym_keeps_its_definition():
    lexicon = corpus_lexicon(_passages("The Pellan Liberation Front (PLF) attacked.", "The PLF said so.",
                                       "Protesters Like Fireworks, one sign read."))
    assert lexicon["aliases"]["plf"] == sorted({match_key(w) for w in ("Pellan", "Liberation", "Front")})


def test_a_negation_of_another_thing_does_not_support_with_words_the_sentence_before_lends():
    context = "Norland's reliance on Ostia created the crisis, spokesman Adam Brill said."
    s = _one_stance_after("Adam Brill said Norland's reliance on Ostia played no part in creating the crisis.",
                      "He added: Kessel has nothing to do with the crisis.", context)
    assert s.label == NEUTRAL and any("negates 'involv' of" in r for r in s.reasons), s.reasons
    # the passage's own subject is the claim's, or an adverb or a pronoun stands before the
    # negation: it supports (a review's probes)
    s = _one_stance_after("Adam Brill said Kessel played no part in the crisis.",
                      "He added: Kessel has nothing to do with the crisis.", context)
    assert s.label == SUPPORTS, s.reasons
    for passage in ("He reportedly did not withdraw his troops from Pellan.",
                    "On Monday he did not withdraw his troops from Pellan.",
                    "He told Reuters he did not withdraw his troops from Pellan.",
                    "Speaking in Ostia, he did not withdraw his troops from Pellan."):
        s = _one_stance_after("Kessel did not withdraw his troops from Pellan.", passage, "General Kessel spoke on Monday.")
        assert s.label == SUPPORTS, (passage, s.reasons)
