"""Who acted, whether an event has begun, and the group a bare "the rebels" stands for: rules
checked on a corpus of our own, not the seeds."""

from __future__ import annotations

import pytest

from models.analysis import analyse
from models.stance import (REFUTES, SUPPORTS, ExplicitStanceScorer, PassageView, classed_groups, events_ahead,
                           events_begun, predicate_key, subject_keys)
from models.text import match_key
from tests.conftest import verifier_over

ARTICLES = {
    # one rebel group named, then its members said without the name
    "g1": "Corwen offensive\nThe Velmar Liberation Front (VLF) rebel group attacked Corwen on Monday. "
          "The Norland army launched a counteroffensive against the rebels on Tuesday. "
          "It said Estria had trained the rebels to fly drones.\n",
    # two rebel groups: "the rebels" stands for neither
    "g2": "Dunmore fighting\nThe Kestrel Brigade rebel group and the Harlow Front rebel group entered Dunmore. "
          "Soldiers of the Norland army clashed with the rebels near Brora.\n",
    # an event still ahead
    "g3": "Marden\nThe Estrian military is regrouping, preparing for a counteroffensive in Marden.\n",
    # bare members that are not the named group's (a review's probes)
    "g5": "Raqqa\nThe Velmar Liberation Front (VLF) rebel group holds the north. In Raqqa, rebels loyal to the Islamic "
          "State attacked a checkpoint on Sunday. Damascus accused Estria of arming rebels in the region for years. "
          "Analysts say rebels everywhere rely on foreign funding. Islamic State-linked rebels attacked a prison in "
          "Hasakah. Moscow has blamed Washington for training rebels at al-Tanf. Erdogan vowed to crush the rebels in "
          "the north, referring to Kurdish YPG fighters.\n",
    # a count of bare members: the group's name lent never makes it a conflict
    "g6": "Kestrel toll\nThe Harlow Front (HF) militant group attacked Kestrel. Officials said nearly 1,000 militants "
          "have been killed in three days.\n",
    # members said as the leaders of others ("terrorist-led rebels"): the one group so classed
    "g7": "Tarn\nThe Ardent Liberation Front (ALF) terrorist group attacked Tarn on Monday. By Friday, "
          "terrorist-led rebels had overrun most of Tarn.\n",
    "g8": "Dunmore fall\nThe Kestrel Brigade rebel group and the Harlow Front rebel group attacked Dunmore. "
          "Rebel-led militias overran most of Dunmore on Sunday.\n",
    # who failed to take a place: a group its article classes as rebels
    "g9": "Brora\nThe Harlan Front (HRF) rebel group attacked Brora on Monday. An attack led by the Harlan Front "
          "failed to establish positions in Brora, the Norland army said.\n",
    # the militants stopped: the article's one militant group, not one of two
    "g10": "Selby\nThe Marrow Front (MF) militant group attacked Selby on Monday. The Norland army stopped the "
           "militants from advancing on Selby, officials said.\n",
    "g11": "Tolland\nThe Ashby Front militant group and the Crane Brigade militant group attacked Tolland. The Norland "
           "army stopped the militants from advancing on Tolland, officials said.\n",
    # prepared, then launched: the article says it began
    "g4": "Pellan\nThe Pellan army spent weeks preparing for a counteroffensive. It launched the "
          "counteroffensive on Thursday.\n",
}


@pytest.fixture(scope="module")
def verifier(tmp_path_factory, engine):
    return verifier_over(ARTICLES, tmp_path_factory.mktemp("events"), engine)


def _one_stance(claim: str, passage: str):
    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    idf = {k: 2.0 for k in set(ca.keys) | set(pa.keys)}
    names = {match_key(n) for n in ca.names + pa.names} | {k for run in ca.name_runs + pa.name_runs for k in run}
    scorer = ExplicitStanceScorer(idf, common_keys=frozenset(idf) - names)
    return scorer.score(claim, ca, [PassageView(passage, pa, 0.5)])[0]


def _why(out: dict) -> list:
    return [(e["passage_id"], e["stance"], e["reasons"]) for e in out["evidence"]]


# pure functions

@pytest.mark.parametrize("text, subject", [
    ("The Syrian army had already launched its counteroffensive.", {"syrian", "armi"}),
    ("HTS-led fighters had taken control of most of Aleppo.", {"hts", "lead", "fighter"}),
    ("The offensive on Aleppo was led by HTS.", {"offens"}),
    ("A military source cited by SANA said the army killed dozens.", {"militari", "sourc", "cite"}),
    ("In response, Russia bombed Idlib.", set()),          # opens with a clause: not known
    ("Russia maintains bases in Syria.", set()),           # no verb its form shows
])
def test_subject_keys(text, subject):
    assert subject_keys(text) == subject


@pytest.mark.parametrize("text, verb", [
    ("The Syrian army had already launched its counteroffensive.", "launch"),
    ("Ukraine supplied HTS with drones.", "suppli"),
    ("Troops loyal to Damascus recaptured Halfaya.", "recaptur"),   # "to" is no auxiliary here
    ("Iran will firmly back the Syrian government.", "back"),
    ("Russia's Defence Ministry said strikes killed 300.", None),   # what was said is checked elsewhere
    ("The army did not launch a counteroffensive.", None),           # the negation checks
])
def test_predicate_key(text, verb):
    assert predicate_key(text) == verb


@pytest.mark.parametrize("text, begun, ahead", [
    ("The army has already launched its counteroffensive against HTS.", {"counteroffens"}, set()),
    ("The army launched a fierce and sustained counteroffensive.", {"counteroffens"}, set()),
    ("The offensive has begun.", {"offens"}, set()),
    ("The offensive, which began last week, saw HTS advance.", set(), set()),   # "last week" is no event
    ("The army has not yet launched its counteroffensive.", set(), set()),     # a review's probes
    ("The army hasn't yet launched its counteroffensive.", set(), set()),
    ("The army could have launched an offensive.", set(), set()),
    ("The ministry denied it had launched an offensive.", set(), set()),
    ("The army did not launch a counteroffensive.", set(), set()),
    ("The military has been reorganizing, preparing for a counteroffensive.", set(), {"counteroffens"}),
    ("The army is gathering forces for a counterattack.", set(), {"counterattack"}),
    ("The army plans to launch an offensive in the spring.", set(), {"offens"}),
    ("The army is not preparing for an offensive.", set(), set()),
    ("The army is preparing for a second counteroffensive.", set(), set()),       # one may have begun
    ("The army was preparing for a counterattack on Rast and then launched it at dawn.", set(), set()),
    ("Its forces gathered for a counterattack on Dunmore, which began on Friday.", set(), set()),
    ("Units remain fully prepared for any rebel attack.", set(), set()),          # the past; "any"
    ("Analysts had expected the army to launch an offensive.", set(), set()),
    ("Officials are set for talks in Gant.", set(), set()),                       # no operation
    ("The army spent weeks preparing for a counteroffensive.", set(), set()),   # not said to go on
    # a third review's probes: another side's operation, the past, another operation of a kind
    # begun, "which it launched"
    ("The Syrian army is expecting HTS to launch an attack on Hama.", set(), set()),
    ("The army is preparing for an Iranian attack.", set(), set()),
    ("In early May, the army was preparing for a counteroffensive.", set(), set()),
    ("The army launched its offensive in Gant in May and is now preparing for an assault on Brora.", {"offens"}, set()),
    ("The army is preparing for the counteroffensive, which it launched on Thursday.", set(), set()),
    ("The army is preparing for a counteroffensive that residents say has already begun.", set(), set()),
    ("The army is also expecting reinforcements to arrive for a counterattack.", set(), {"counterattack"}),
])
def test_events_begun_and_ahead(text, begun, ahead):
    assert (events_begun(text), {e for e, _, _ in events_ahead(text)}) == (begun, ahead)


def test_who_prepares_an_operation_is_the_nearest_clauses_subject():
    assert events_ahead("Despite the rebels' advances, the Syrian military has been reorganizing, preparing for "
                        "a counteroffensive.") == (("counteroffens", frozenset({"syrian", "militari"}), frozenset()),)
    assert events_ahead("The army plans to launch an offensive on Brora."
                        ) == (("offens", frozenset({"armi"}), frozenset({"brora"})),)


@pytest.mark.parametrize("text, classes, names", [
    ("The Hayat Tahrir-al-Sham (HTS) terrorist group launched an assault.", {"terrorist", "group"},
     {"hayat", "tahrir", "al", "sham", "hts"}),
    ("an offensive by the Islamist group Hayat Tahrir al-Sham (HTS)", {"islamist", "group"},
     {"hayat", "tahrir", "al", "sham", "hts"}),
    ("led by Hay'at Tahir al-Sham (HTS), a designated terrorist organisation.", {"terrorist", "organiz"},
     {"hayat", "tahir", "al", "sham", "hts"}),
    ("thousands of HTS-led terrorists", {"terrorist"}, {"hts"}),
])
def test_classed_groups(text, classes, names):
    assert [(c, {match_key(w) for w in n}) for c, n in classed_groups(text)] == [(frozenset(classes), names)]


def test_no_group_named_in_terrorist_groups_or_the_islamist_group():
    assert classed_groups("aiding terrorist groups operating in the region") == []
    assert classed_groups("Islamist groups that attacked Syria") == []


# stance of one passage

def test_an_event_prepared_refutes_it_begun():
    claim = "The Norland army has already launched its counteroffensive against the rebels."
    assert _one_stance(claim, "The Norland army is preparing for a counteroffensive.").label == REFUTES
    assert _one_stance(claim, "The rebels attacked Corwen, and the Norland army is gathering forces for a "
                              "counterattack.").label == REFUTES
    assert _one_stance(claim, "The Norland army launched a counteroffensive against the rebels.").label == SUPPORTS


@pytest.mark.parametrize("claim, passage", [
    ("The Norland army has launched its counteroffensive.", "The Norland army is not preparing for a counteroffensive."),
    ("The Norland army has launched its counteroffensive.", "The Estrian army is preparing for a counteroffensive."),
    ("The Norland army has launched its counteroffensive.", "Analysts expect a counteroffensive."),
    # a review's probes: the passage's other actor, a place or a year of the claim's it lacks
    ("The rebels launched a counteroffensive on Kitt.",
     "The Olm army is preparing for a counteroffensive after rebels launched an offensive."),
    ("The Norland army launched a counteroffensive in Corwen.", "The Norland army is preparing for a counteroffensive."),
    ("The Norland army launched a counteroffensive in 2015.", "The Norland army is preparing for a counteroffensive."),
    ("The Norland army has not yet launched its counteroffensive.",
     "The Norland army is preparing for a counteroffensive."),
    ("The Estrian army has launched a counteroffensive in Dunmore.",       # aimed elsewhere
     "After securing Dunmore, the Estrian army is preparing for a counteroffensive in Pellan."),
])
def test_an_event_ahead_refutes_only_the_claims_own_event(claim, passage):
    assert _one_stance(claim, passage).label != REFUTES


# with an article

def test_members_said_without_the_name_stand_for_the_one_group_named(verifier):
    out = verifier.verify("The Norland army launched a counteroffensive against the VLF.")
    assert out["verdict"] == "SUPPORTED", _why(out)


@pytest.mark.parametrize("claim", [
    "VLF rebels attacked a checkpoint in Raqqa on Sunday.",      # "rebels loyal to the Islamic State"
    "Estria has been arming the VLF for years.",                 # a general charge
    "The VLF relies on foreign funding.",                        # "rebels everywhere"
    "VLF rebels attacked a prison in Hasakah.",                   # "Islamic State-linked rebels"
    "Washington trained the VLF at al-Tanf.",                    # "blamed Washington for training rebels"
    "Erdogan vowed to crush the VLF in the north.",              # "..., referring to Kurdish YPG fighters"
])
def test_members_that_are_not_the_groups_lend_no_name(verifier, claim):
    out = verifier.verify(claim)
    assert out["verdict"] != "SUPPORTED", _why(out)


def test_members_leading_others_stand_for_the_one_group_named(verifier):
    out = verifier.verify("ALF-led fighters have taken control of most of Tarn.")
    assert out["verdict"] == "SUPPORTED", _why(out)
    # two groups of the class: "rebel-led" stands for neither
    out = verifier.verify("Kestrel Brigade fighters have taken control of most of Dunmore.")
    assert out["verdict"] != "SUPPORTED", _why(out)


def test_passages_saying_who_holds_the_claims_place_are_retrieved_whatever_their_words(verifier):
    from models.retriever import RetrievalSettings
    rows = verifier.retriever.rows_holding("brora")
    assert [verifier.store.passages[r].text for r in rows] == [
        "An attack led by the Harlan Front failed to establish positions in Brora, the Norland army said."]
    held = verifier.retriever._holding_rows("The Norland army lost control of Brora.", [], None)
    assert held == set(rows)
    assert verifier.retriever._holding_rows("The Norland army lost control of Brora.", list(rows), None) == set()
    assert verifier.retriever._holding_rows("Brora is a town.", [], None) == set()   # no taking said
    with pytest.raises(ValueError):
        RetrievalSettings(holding=-1)


def test_a_group_its_article_classes_as_rebels_is_the_rebels_who_failed_to_take_a_place(verifier):
    out = verifier.verify("The Norland army lost control of Brora to the rebels.")
    assert out["verdict"] == "REFUTED", _why(out)
    # ... and the militants whose failed assault refutes a loss to someone unsaid
    out = verifier.verify("The Norland army lost control of Brora.")
    assert out["verdict"] == "REFUTED", _why(out)


def test_the_militants_stopped_are_the_articles_one_militant_group(verifier):
    out = verifier.verify("Marrow Front fighters have captured Selby.")
    assert out["verdict"] == "REFUTED", _why(out)
    out = verifier.verify("Crane Brigade fighters have captured Tolland.")     # the militants may be the Ashby Front's
    assert out["verdict"] != "REFUTED", _why(out)


@pytest.mark.parametrize("names, one", [
    (["The Kessel Liberation Front militant group attacked Selby.", "The Kessel Martyrs Brigade militant group attacked Brora."],
     False),                                       # a place's name shared is not one group
    (["The Hayat Tahrir al-Sham terrorist group attacked.", "The Ahrar al-Sham rebel group attacked."], False),
    (["The Hayat Tahrir al-Sham (HTS) terrorist group attacked Aleppo.", "The HTS terrorist group said so."], True),
])
def test_the_militants_are_one_group_only_where_its_names_are_one(names, one):
    scorer = ExplicitStanceScorer({})
    assert bool(scorer.militant_group(scorer.article_names(names))) is one


@pytest.mark.parametrize("text", [
    "The rebels are not terrorist-led, their commander said.",
    "The army branded the protests terrorist-led.",
    "Officials called the Tarn uprising terrorist-led.",
    "Fears of a terrorist-led takeover grew.",
    "Rebel-led protests spread to Ostia.",
    "Ostian terrorist-led rebels took Tarn.",
    "Officials falsely claimed terrorist-led rebels took Tarn.",
])
def test_led_by_a_class_lends_no_name_where_it_is_denied_a_label_or_not_fighters(text):
    scorer = ExplicitStanceScorer({})
    article = scorer.article_names(["The Ardent Liberation Front (ALF) terrorist group attacked Tarn.",
                                    "The Kestrel Brigade rebel group held the hills above Tarn."])
    assert "alf" not in scorer.group_names(text, article)
    assert "kestrel" not in scorer.group_names(text, article)
    assert "alf" in scorer.group_names("The terrorist-led rebels took Tarn.", article)


def test_a_lent_group_name_never_makes_a_conflict(verifier):
    out = verifier.verify("Norland strikes killed about 300 HF militants in Kestrel.")
    assert out["verdict"] != "REFUTED", _why(out)


@pytest.mark.parametrize("text, name", [
    ("On Monday HTS militants entered the city.", ("HTS",)),     # a day is not the group's
    ("Aleppo's HTS militants captured the airport.", ("HTS",)),  # nor a possessive before it
])
def test_a_groups_name_is_its_own_words(text, name):
    assert [n for _, n in classed_groups(text)] == [name]


def test_members_stand_for_no_group_where_the_article_names_two(verifier):
    out = verifier.verify("Norland soldiers clashed with the Kestrel Brigade near Brora.")
    assert out["verdict"] != "SUPPORTED", _why(out)


def test_who_the_claim_says_acted_must_be_in_the_passage(verifier):
    # "the rebels" lends VLF, but names no actor: the army launched it (a review's probe)
    out = verifier.verify("VLF rebels launched a counteroffensive on Tuesday.")
    assert out["verdict"] != "SUPPORTED", _why(out)
    assert any("who the claim says acted" in r for e in out["evidence"] for r in e["reasons"]), _why(out)


def test_a_name_lent_by_the_article_needs_the_claims_own_verb(verifier):
    # "the rebels" stands for the VLF and "It" for the army, but Estria trained them; it
    # supplied nothing the article says
    out = verifier.verify("Estria supplied the VLF with drones.")
    assert out["verdict"] != "SUPPORTED", _why(out)
    out = verifier.verify("Estria trained the VLF to fly drones.")
    assert out["verdict"] == "SUPPORTED", _why(out)


def test_an_event_prepared_in_one_source_refutes_it_begun(verifier):
    out = verifier.verify("The Estrian military has launched its counteroffensive in Marden.")
    assert out["verdict"] == "REFUTED", _why(out)


def test_an_operation_prepared_then_launched_is_supported(verifier):
    out = verifier.verify("The Pellan army has launched its counteroffensive.")
    stances = {e["passage_id"]: e["stance"] for e in out["evidence"]}
    assert stances.get("g4:2") == "SUPPORTS" and stances.get("g4:1") != "REFUTES", _why(out)
