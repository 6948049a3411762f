"""Collocations read as the word they mean ("voiced concern": expressed; "played no part in":
not involved in; "spearheaded": led; "swept into": entered), a country named by its other word
("Turkey" / "Turkish", which no spelling rule tells), and a person the sentence before names
by surname, named in full. Invented names throughout: nothing here is about the seed corpus."""

from __future__ import annotations

import pytest

from models.analysis import _with_phrases, analyse
from models.stance import NEUTRAL, REFUTES, SUPPORTS, ExplicitStanceScorer, PassageView
from models.text import match_key

from tests.test_general_english import _one_stance


@pytest.mark.parametrize("text, read_as", [
    ("Marlow voiced serious concern over the fighting", "Marlow expressed serious concern over the fighting"),
    ("Both ministers voiced their strong support for Norland", "Both ministers expressed their strong support for Norland"),
    ("Ostia voices alarm at the escalation", "Ostia express alarm at the escalation"),
    ("Norland played no part in the attack", "Norland not involved in the attack"),
    # a side's aircraft, its strikes from the air; one strike stays one
    ("Ostian air power backed the army", "Ostian warplanes backed the army"),
    ("Air raids hit Pellan", "airstrikes hit Pellan"),
    ("Norland carried out air strikes", "Norland conducted airstrikes"),
    ("Norland carried out one air strike", "Norland conducted one airstrike"),
    # a border sealed (off) is closed
    ("Ostia has sealed off its frontier with Norland", "Ostia has closed its frontier with Norland"),
    ("Norland will seal the border crossings", "Norland will close the border crossings"),
    ("Norland played a role in the attack", "Norland involved in the attack"),
    ("Ostia did not play any role in the coup", "Ostia did not involved in the coup"),
    ("The offensive was spearheaded by the Pellan Front", "The offensive was led by the Pellan Front"),
    ("a group that plans to spearhead the assault", "a group that plans to lead the assault"),
    ("Rebels swept into Pellan on Friday", "Rebels entered Pellan on Friday"),
    ("Rebels broke through the lines", "Rebels breached the lines"),
    # troops sent to add to those there are reinforcements deployed
    ("Norland rushed extra forces to the border", "Norland rushed reinforcements forces to the border"),
    ("Ostia is sending more troops to Pellan", "Ostia is sending reinforcements troops to Pellan"),
    ("The army brought in fresh troops", "The army brought in reinforcements troops"),
    ("The actor played a part in the film's success", "The actor involved in the film's success"),  # which it says
    # not these
    ("The role was voiced by a famous actor", "The role was voiced by a famous actor"),
    ("Norland played no part in the planning of the attack", "Norland not involved in the planning of the attack"),
    ("The Ostian Air Force said it struck Pellan", "The Ostian Air Force said it struck Pellan"),  # a body
    ("Norland sent troops to Pellan", "Norland sent troops to Pellan"),            # not said to be more
    ("More troops were killed in Pellan", "More troops were killed in Pellan"),
    ("Norland sent more aid to Pellan", "Norland sent more aid to Pellan"),
    ("The Red Cross sent more units of blood to Pellan", "The Red Cross sent more units of blood to Pellan"),
    ("Ostia has no air support", "Ostia has no air support"),   # it may be an ally's
    ("Norland and Ostia sealed a ceasefire deal", "Norland and Ostia sealed a ceasefire deal"),
    ("The sealed border was reopened", "The sealed border was reopened"),
    ("She voiced a cartoon character", "She voiced a cartoon character"),
    ("He played a part on stage", "He played a part on stage"),
    ("Norland's tanks formed the spearhead of the attack", "Norland's tanks formed the spearhead of the attack"),
    ("The party swept into power in 2019", "The party swept into power in 2019"),
    ("Marlow swept into office on a wave of anger", "Marlow swept into office on a wave of anger"),
    # a review's probes: a feature, an actor's part, a qualified role, the passive, an office
    # with a word between
    ("Marlow added voice support to the Pellan app", "Marlow added voice support to the Pellan app"),
    ("He voices the opposition leader on the radio show", "He voices the opposition leader on the radio show"),
    ("Norland played no military role in the war", "Norland played no military role in the war"),
    ("Norland played a leading role in the talks", "Norland played a leading role in the talks"),
    ("Twelve migrants were swept into the sea near Kessab", "Twelve migrants were swept into the sea near Kessab"),
    ("The party swept into the Pellan parliament", "The party swept into the Pellan parliament"),
    ("Marlow swept into Pellan's presidency", "Marlow swept into Pellan's presidency"),
])
def test_collocations_are_read_as_what_they_mean(text, read_as):
    assert _with_phrases(text) == read_as


def _scorer(claim: str, passage: str, *more: str) -> tuple[ExplicitStanceScorer, object, object]:
    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    analyses = [ca, pa] + [analyse(t) for t in more]
    idf = {k: 2.0 for a in analyses for k in a.keys}
    names = {match_key(n) for a in analyses for n in a.names} | {k for a in analyses for run in a.name_runs for k in run}
    return ExplicitStanceScorer(idf, common_keys=frozenset(idf) - names), ca, pa


_one = _one_stance  # one claim against one passage, through `score`


@pytest.mark.parametrize("claim, passage", [
    ("Turkey's foreign minister Hakan Vell voiced concern over the fighting in Pellan.",
     "Turkish foreign minister Hakan Vell expressed concern over the fighting in Pellan."),
    ("France's army entered Pellan on Monday.", "The French army entered Pellan on Monday."),
    ("France's army seized Pellan on Monday.", "The French army seized Pellan on Monday."),   # one country's hands
    ("Ostia insists it played no part in the attack on Pellan.",
     "Ostia has nothing to do with the attack on Pellan, officials insist."),
    ("Ostian air power backed the Norland army.", "The Norland army was backed by Ostian airstrikes."),
])
def test_collocations_and_country_words_support_their_plain_statement(wordnet, claim, passage):
    s = _one(claim, passage, wordnet)
    assert s.label == SUPPORTS, s.reasons


def test_a_country_word_is_not_found_without_the_lexicon():
    """No spelling rule tells "Turkey" from "Turkish": WordNet does."""
    s = _one("Turkey's foreign minister Hakan Vell voiced concern over the fighting in Pellan.",
             "Turkish foreign minister Hakan Vell expressed concern over the fighting in Pellan.")
    assert s.label != SUPPORTS
    assert any("'turkey'" in r for r in s.reasons), s.reasons


@pytest.mark.parametrize("claim, passage", [
    # another country in its place is still a swap, where the claim's is named for something else
    ("Turkey's foreign minister Hakan Vell voiced concern over the fighting in Pellan.",
     "Iranian foreign minister Hakan Vell expressed concern over the fighting in Pellan, Turkish media said."),
    ("Turkey's army shelled the village of Kessab on Monday.",
     "Iranian artillery shelled the village of Kessab on Monday, a Turkish official said."),
    ("Turkey's foreign minister condemned the attack on Pellan.",
     "Iran's foreign minister condemned the attack on Pellan near the Turkish border."),
    # a second review's probes: the country word said of another thing in the passage
    ("Turkey's army shelled the village of Kessab on Monday.",
     "Iran's army shelled the village of Kessab on Monday, the Turkish army said."),
    ("Turkey's army shelled the village of Kessab on Monday.", "The Iranian army shelled the Turkish village of Kessab on Monday."),
    ("Turkey's troops entered the village of Kessab.", "Iranian troops entered the village of Kessab as Turkish troops watched."),
    ("Turkey's rebels captured Kessab.", "Turkish-backed Syrian rebels captured Kessab."),
    ("Iran's foreign minister criticised Turkey's foreign minister over Pellan.",
     "The Turkish foreign minister criticised the Iranian foreign minister over Pellan."),
    # a country acting is not someone of it
    ("France sent engineers to Pellan on Monday.", "French engineers were sent to Pellan on Monday."),
    ("Turkey said Estria would get aid.", "A Turkish journalist said Estria would get aid."),
])
def test_another_country_word_is_not_the_claims(wordnet, claim, passage):
    assert _one(claim, passage, wordnet).label != SUPPORTS


def test_spearheaded_by_another_group_is_a_swap():
    s = _one("The offensive on Pellan was spearheaded by the Ostian Liberation Front.",
             "The offensive on Pellan was led by the Hazara Brigades.")
    assert s.label == REFUTES, s.reasons


def _with_context_names(claim: str, passage: str, before: str, full_names):
    scorer, ca, pa = _scorer(claim, passage, before)
    view = PassageView(passage, pa, 0.5, context_keys=analyse(before).keys, context_weight=1.0,
                       context_text=before, context_full_names=full_names)
    return scorer.score(claim, ca, [view])[0]


def test_a_person_the_sentence_before_names_by_surname_is_named_in_full():
    """"He and Hakan Vell expressed concern", after "Marlow held calls", where the article
    names Sergei Marlow in full: the claim's "Sergei" is named."""
    claim = "Sergei Marlow and Hakan Vell expressed serious concern about the escalation."
    passage, before = "He and Hakan Vell expressed serious concern about the escalation.", "Marlow held calls with Vell."
    assert _with_context_names(claim, passage, before, ()).label != SUPPORTS
    s = _with_context_names(claim, passage, before, (("sergei", "marlow"),))
    assert s.label == SUPPORTS, s.reasons
    # the claim's other first name is not the article's
    s = _with_context_names("Ivan Marlow and Hakan Vell expressed serious concern about the escalation.",
                            passage, before, (("sergei", "marlow"),))
    assert s.label != SUPPORTS, s.reasons


def test_the_verifier_lends_the_full_name_of_a_surname_in_the_sentence_before(engine, tmp_path):
    from tests.conftest import verifier_over
    article = ("Talks on Pellan\n"
               "Norland's Foreign Minister Sergei Marlow spoke by phone with his Ostian counterpart on Saturday. "
               "Marlow held separate calls with his Ostian and Zebrin counterparts a day later. "
               "He and Ostian top diplomat Hakan Vell expressed serious concern about the escalation in Pellan.")
    verifier = verifier_over({"talks": article}, tmp_path, engine)
    out = verifier.verify("Sergei Marlow and Hakan Vell voiced serious concern about the escalation in Pellan.")
    assert out["verdict"] == "SUPPORTED", out["evidence"][:2]


_SAID = " said the army would withdraw from Pellan by Friday."


@pytest.mark.parametrize("claim, passage", [
    ("Halden Palace Defence Council spokesman Adam Brill" + _SAID, "Defence Council spokesman Adam Brill" + _SAID),
    ("Halden Palace spokesman Adam Brill" + _SAID, "Adam Brill, a spokesman," + _SAID),
])
def test_a_person_who_said_it_is_named_without_all_the_claims_description(claim, passage):
    """The claim describes the person it names in full by more names than the passage does."""
    s = _one(claim, passage)
    assert s.label == SUPPORTS, s.reasons


@pytest.mark.parametrize("claim, passage", [
    # the passage describes them by another name: another office, or another person's
    ("Halden Palace spokesman Adam Brill" + _SAID, "Pentagon spokesman Adam Brill" + _SAID),
    ("Halden Palace Defence Council spokesman Adam Brill" + _SAID, "Ostian Defence Council spokesman Adam Brill" + _SAID),
    # no one named in full: the description is who said it
    ("A Halden Palace spokesman" + _SAID, "A spokesman" + _SAID),
    ("Halden Palace spokesman Brill" + _SAID, "Spokesman Brill" + _SAID),
    # a second review's probes: another asserter in a list; a description of the passage's
    # own after the name or before it in the clause; the name of another role
    ("Marta Kessel and Adam Brill" + _SAID, "Adam Brill" + _SAID),
    ("The Halden Palace and Adam Brill" + _SAID, "Adam Brill" + _SAID),
    ("Halden Palace spokesman Adam Brill" + _SAID, "Adam Brill, a spokesman for the Ostian embassy," + _SAID),
    ("Halden Palace spokesman Adam Brill" + _SAID, "The spokesman for Ostia, Adam Brill," + _SAID),
    ("Ostia's newly appointed chief spokesman Adam Brill" + _SAID, "Estria's newly appointed chief spokesman Adam Brill" + _SAID),
    ("Halden Palace spokesman Adam Brill said the Kessel Group would withdraw from Pellan by Friday.",
     "Kessel Group spokesman Adam Brill said the Kessel Group would withdraw from Pellan by Friday."),
    ("Halden Palace spokesman Adam Brill" + _SAID,
     "A spokesman said the army would withdraw from Pellan by Friday, according to Adam Brill, an Ostian analyst."),
    # the names are what was said, not who said it
    ("Adam Brill said the Halden Palace guard would withdraw from Pellan by Friday.",
     "Adam Brill said the guard would withdraw from Pellan by Friday."),
])
def test_the_claims_description_counts_where_the_passage_does_not_name_the_same_person_alone(claim, passage):
    assert _one(claim, passage).label != SUPPORTS


_TALKS = ("Talks on Pellan\n"
          "Norland's Foreign Minister Sergei Marlow arrived in Ostia on Saturday for talks on Pellan. ")


@pytest.mark.parametrize("article, claim", [
    # "He" is the subject of the sentence before, not another name in it
    (_TALKS + "Hakan Vell later held a call with Marlow about the crisis. He said the talks on Pellan had failed.",
     "Sergei Marlow said the talks on Pellan had failed."),
    (_TALKS + "Marlow's aide briefed reporters on Monday. He said the talks on Pellan had failed.",
     "Sergei Marlow said the talks on Pellan had failed."),
    (_TALKS + "Ostian President Anna Kessel received Marlow at the palace. "
              "She expressed serious concern about the escalation in Pellan.",
     "Sergei Marlow expressed serious concern about the escalation in Pellan."),
])
def test_the_full_name_lent_is_only_that_of_whom_the_pronoun_refers_to(engine, tmp_path, article, claim):
    from tests.conftest import verifier_over
    out = verifier_over({"talks": article}, tmp_path, engine).verify(claim)
    assert out["verdict"] != "SUPPORTED", out["evidence"][:2]


# the twelfth review's probes: "played no part in V-ing" is not "did not V" (it was done, by
# others), and says what "was not involved in V-ing" says
@pytest.mark.parametrize("claim, passage, label", [
    ("Ostia played no part in bombing Pellan.", "Ostia was not involved in bombing Pellan.", SUPPORTS),
    ("Ostia played no part in bombing Pellan.", "Ostia had nothing to do with bombing Pellan.", SUPPORTS),
    ("Ostia played no part in killing the journalist.", "Pellan agents killed the journalist.", NEUTRAL),
    ("Sanctions played no part in causing the recession.", "The recession was caused by high interest rates.", NEUTRAL),
    pytest.param("Norland's air power was destroyed.", "Norland's airstrikes destroyed Pellan.", NEUTRAL,
                 marks=pytest.mark.xfail(strict=True, reason="known limit: what was destroyed (the passive's "
                                         "subject) is not told from who destroyed; the same with 'warplanes' said "
                                         "plainly")),
    ("Ostia has no air support.", "Ostia conducted airstrikes.", NEUTRAL),
])
def test_played_no_part_and_air_words_after_the_twelfth_review(claim, passage, label):
    assert _one(claim, passage).label == label


@pytest.mark.parametrize("a, b, same", [
    ("Qalaat", "Qalat", True),        # a doubled letter
    ("Souran", "Suran", True),        # "ou" for "u"
    ("Yousef", "Yusef", True),
    ("Suran", "Saran", False),        # another vowel is another name
    ("Homs", "Hooms", False),         # four letters: too short to tell
    ("Paris", "Peris", False),
    ("Bryan", "Brian", False),        # not y for i: Smyth is not Smith (a known limit: Yahya/Yahia too)
    ("Meyer", "Meier", False),
    ("Tyre", "Tire", False), ("Sousa", "Susa", False), ("Alan", "Allan", False),   # shorter names stay apart
])
def test_five_letter_names_are_the_same_only_by_a_doubled_letter_or_ou(a, b, same):
    from models.stance import _same_name
    assert _same_name(match_key(a), match_key(b)) is same


def test_a_place_spelled_otherwise_is_known_and_its_province_swapped():
    s = _one_stance("Government troops recaptured Souran and Qalaat al-Madiq in Idlib province.",
                    "Government troops recaptured Suran, Halfaya and Qalat al-Madiq in Hama province.")
    assert s.label == REFUTES and any("idlib" in r and "hama" in r for r in s.reasons), s.reasons


def test_another_countrys_army_entering_is_a_swap(wordnet):
    s = _one("France's army entered Pellan on Monday.", "The German army entered Pellan on Monday.", wordnet)
    assert s.label == REFUTES and any("'german'" in r for r in s.reasons), s.reasons


# the nineteenth review's probes: reinforcements only planned, troops still troops
@pytest.mark.parametrize("claim, passage, label", [
    # (in a claim this short the forces the passage leaves unsaid carry too much of it to support)
    ("Norland has sealed its border with Ostia and rushed extra forces to the area.",
     "Norland has closed its border with Ostia and deployed reinforcements to secure the area.", SUPPORTS),
    ("Norland sent troops to Kessel.", "Norland sent more troops to Kessel.", SUPPORTS),
    ("Norland sent reinforcements to Kessel.", "Norland plans to send reinforcements to Kessel.", NEUTRAL),
    ("Norland sent more troops to Kessel.", "Norland plans to send more troops to Kessel.", NEUTRAL),
    ("The Red Cross sent reinforcements to Kessel.", "The Red Cross sent more units of blood to Kessel.", NEUTRAL),
    ("Norland troops have crossed into Kessel.", "Norland deployed reinforcements to its border with Kessel.", NEUTRAL),
])
def test_reinforcements_after_the_nineteenth_review(claim, passage, label):
    s = _one(claim, passage)
    assert s.label == label, s.reasons


@pytest.mark.parametrize("text, read_as", [
    ("He flew to the Iraqi capital on Monday.", "He flew to Baghdad on Monday."),
    ("Turkey's capital was quiet.", "Ankara was quiet."),
    ("The Saudi capital hosted talks.", "Riyadh hosted talks."),
    ("the capital of Pellan", "the capital of Pellan"),          # not a country's capital by its word
    ("the Pellan capital", "the Pellan capital"),                # a country without one known
    ("the former Iraqi capital", "the former Iraqi capital"),
    ("Tehran's capital markets", "Tehran's capital markets"),
    ("Iraq's capital controls", "Iraq's capital controls"),
])
def test_a_countrys_capital_named_by_its_country_is_the_city(text, read_as):
    assert _with_phrases(text) == read_as


@pytest.mark.parametrize("claim, passage, label", [
    ("Hakan Vell flew to the Iraqi capital on Monday to meet officials.",
     "Hakan Vell flew to Baghdad on Monday to meet officials.", SUPPORTS),
    ("Hakan Vell flew to the Iraqi capital on Monday to meet officials.",
     "Hakan Vell flew to Ankara on Monday to meet officials.", REFUTES),      # another capital in its place
])
def test_the_capital_is_met_by_its_name(claim, passage, label):
    s = _one(claim, passage)
    assert s.label == label, s.reasons


_NAME_ROLES = ("known limit: a name's role in its sentence is not read ('born in Basra, studied in Baghdad' supports "
               "'born in Baghdad'); 'the Iraqi capital' is Baghdad and shares it")


# the twentieth review's probes: the capital named in another role, another city in its place
@pytest.mark.parametrize("claim, passage", [
    pytest.param("Hakan Vell was born in the Iraqi capital.", "Hakan Vell, who was born in Basra, studied in Baghdad.",
                 marks=pytest.mark.xfail(strict=True, reason=_NAME_ROLES)),
    pytest.param("Hakan Vell arrived in the Turkish capital on Monday.",
                 "Hakan Vell arrived in Istanbul on Monday, after talks in Ankara last week.",
                 marks=pytest.mark.xfail(strict=True, reason=_NAME_ROLES)),
    ("Hakan Vell was born in the Iraqi capital.", "Hakan Vell was born in Basra."),
])
def test_the_capital_named_in_another_role_does_not_support(claim, passage):
    assert _one(claim, passage).label != SUPPORTS


def test_people_named_with_a_countrys_office():
    from models.stance import titled_people
    assert titled_people("Turkey's top diplomat, Adam Brill, voiced concern.") == (
        ("Turkey", "Turkey's top diplomat", "Adam Brill", ("adam", "brill")),)
    assert [t[2] for t in titled_people("Talks with Iraqi Prime Minister Omar Vell and UAE President Adam bin Brill.")] == [
        "Omar Vell", "Adam bin Brill"]
    assert titled_people("The former Iraqi Prime Minister Omar Vell spoke.") == ()


@pytest.mark.parametrize("claim, passage, conflict", [
    ("Turkey's top diplomat, Adam Brill, voiced concern over the fighting in Kessel.",
     "Iran's top diplomat Adam Brill said he would fly to Kessel.", True),
    ("Iraqi Prime Minister Adam Brill told reporters that Kessel was calm.",
     "Talks were held with UAE President Adam Brill in Kessel.", True),
    # the same country in other words; another person of that surname; a former office; no country known
    ("Turkish foreign minister Adam Brill voiced concern.", "Turkey's top diplomat Adam Brill voiced concern.", False),
    ("Turkish foreign minister Adam Brill voiced concern.", "Iran's foreign minister Omar Brill voiced concern.", False),
    ("Iraqi Prime Minister Adam Brill voiced concern.", "The former Iranian Prime Minister Adam Brill voiced concern.",
     False),
    ("Pellan President Adam Brill voiced concern.", "Ostian President Adam Brill voiced concern.", False),
])
def test_a_person_called_another_countrys_officer_is_a_conflict(wordnet, claim, passage, conflict):
    s = _one(claim, passage, wordnet)
    assert any(r.startswith("title mismatch") for r in s.reasons) is conflict, s.reasons
    if conflict:
        assert s.label == REFUTES


def test_a_title_is_compared_only_with_the_lexicon():
    s = _one("Turkey's top diplomat, Adam Brill, voiced concern.", "Iran's top diplomat Adam Brill voiced concern.")
    assert not any(r.startswith("title mismatch") for r in s.reasons)


# the twenty-second review's probes
@pytest.mark.parametrize("claim, passage", [
    # a clause's comma is no apposition
    ("Turkey's foreign minister Adam Brill said Ankara would reopen its embassy in Kessel.",
     "After meeting Iran's president, Adam Brill said Ankara would reopen its embassy in Kessel."),
    ("Turkey's foreign minister Adam Brill said Ankara would reopen its embassy in Kessel.",
     "In a letter to Iraq's prime minister, Adam Brill said Ankara would reopen its embassy in Kessel."),
    # al- names are read whole: another family name
    ("Iraqi Prime Minister Mohammed Adam al-Brill met the governor of Kessel.",
     "Syrian Interior Minister Mohammed al-Vell said security forces arrested twelve people in Pellan."),
    # a title the passage says is wrong
    ("Turkish President Adam Brill visited Kessel.",
     "Social media users wrongly identified the man as Iranian President Adam Brill; he is Turkey's leader."),
])
def test_no_title_conflict_after_the_twenty_second_review(wordnet, claim, passage):
    s = _one(claim, passage, wordnet)
    assert not any(r.startswith("title mismatch") for r in s.reasons), s.reasons


def test_quoted_as_saying_is_cited_as_saying():
    assert _with_phrases("Adam Brill was quoted as saying") == "Adam Brill was cited as saying"



# titles the reviews probed (the twenty-third to the twenty-fifth)
@pytest.mark.parametrize("claim, passage, conflict", [
    # the twenty-third review's
    # "not" or "claimed" elsewhere in the sentence doubts no title
    ("Turkish Foreign Minister Abbas Vell said Kessel was ready to talk.",
     "Kessel is not ready to negotiate, Iranian Foreign Minister Abbas Vell said.", True),
    # a lower-case office set off by commas to the sentence's end, or opening a clause
    ("Turkish Foreign Minister Abbas Vell said the talks failed.",
     "The talks in Kessel failed, said Iran's foreign minister, Abbas Vell.", True),
    ("Turkish Foreign Minister Abbas Vell visited Kessel on Monday.",
     "On Monday, Iran's foreign minister Abbas Vell visited Kessel.", True),
    # a comma after a capitalised office with none after the name: a clause, not apposition
    ("Turkish President Adam Brill visited Kessel.", "After meeting Iran's President, Adam Brill visited Kessel.", False),
    # the twenty-fourth review's probes
    ("Turkish Foreign Minister Abbas Vell visited Kessel.",
     "Abbas Vell, whom state TV mistakenly called Iran's Foreign Minister Abbas Vell, visited Kessel.", False),
    ("Turkish Foreign Minister Hakan Dorr visited Kessel.",
     "In a call with Iran's president, Iranian Foreign Minister Hakan Dorr said he would visit Kessel.", True),
    # the twenty-fifth review's: "false" in a quote before it, or a man posing as someone else,
    # doubts no title
    ("Iraqi Foreign Minister Adam Brill denied the reports.",
     '"These accusations are completely false," Iranian Foreign Minister Adam Brill said.', True),
    ("Iraqi Foreign Minister Adam Brill met reporters.",
     "A man posing as a journalist met Iranian Foreign Minister Adam Brill.", True),
])
def test_titles_found_by_reviews(wordnet, claim, passage, conflict):
    s = _one(claim, passage, wordnet)
    assert any(r.startswith("title mismatch") for r in s.reasons) is conflict, s.reasons
