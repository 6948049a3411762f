"""A passage read with the sentence before it says what that sentence says too: where that
sentence, read alone, conflicts with the claim, the passage does not support the claim."""

import pytest

from tests.conftest import verifier_over

_ARTICLE = ("Report on the Pellan raid\n"
            "Fighters attacked the town of Pellan last week. "
            "In a piece published on Sunday, the Ostia Herald claimed that the fighters who attacked Pellan had been "
            "trained by the Vorn Group, a special forces unit of the {unit} military intelligence. "
            "It reported that the unit trained the fighters on tactics developed during the long conflict with "
            "{enemy}.")


def _verify(tmp_path, engine, unit: str, enemy: str, claim: str) -> dict:
    verifier = verifier_over({"raid": _ARTICLE.format(unit=unit, enemy=enemy)}, tmp_path, engine)
    return verifier.verify(claim)


def test_a_passage_does_not_support_what_the_sentence_it_is_read_with_contradicts(engine, tmp_path):
    # "Belarus" in the passage meets the claim's "Belarusian"; the sentence it is read with
    # says the unit is Polish
    out = _verify(tmp_path, engine, "Polish", "Belarus",
                  "According to the Ostia Herald, the Vorn Group is a special forces unit of Belarusian military "
                  "intelligence.")
    assert out["verdict"] == "REFUTED", out["evidence"][:2]
    passage = next(e for e in out["evidence"] if e["text"].startswith("It reported"))
    assert passage["stance"] == "NEUTRAL"
    assert any("the sentence it is read with names another" in r for r in passage["reasons"]), passage["reasons"]


def test_a_passage_read_with_a_sentence_that_agrees_still_supports(engine, tmp_path):
    out = _verify(tmp_path, engine, "Belarusian", "Poland",
                  "According to the Ostia Herald, the Vorn Group is a special forces unit of Belarusian military "
                  "intelligence.")
    assert out["verdict"] == "SUPPORTED", out["evidence"][:2]


@pytest.mark.parametrize("article, claim", [
    # the sentence before says something else the passage corrects or continues: not a swap
    ("Marlow said the Kessel bridge would not reopen on Monday. He said the Dunmore bridge would reopen on Monday, "
     "however.", "Marlow said the Dunmore bridge would reopen on Monday."),
    ("Varo was appointed defence minister of Estria in March. It was Lenz, not Varo, who was appointed foreign "
     "minister of Estria in March.", "Lenz was appointed foreign minister of Estria in March."),
    ("Norland initially refused to join the Pellan talks. It later agreed to join the Pellan talks after pressure "
     "from Estria.", "Norland agreed to join the Pellan talks."),
    ("The Pellan ceasefire did not hold on its first day. It held on its second day, a monitor said.",
     "The Pellan ceasefire held on its second day."),
    # a second review's probes: the passage says of the name itself what the claim says
    ("The Vorn Brigade, a unit of the Estrian army, attacked Kessel on Monday. It attacked Pellan on Friday, "
     "residents said.", "The Vorn Brigade, a unit of the Estrian army, attacked Pellan."),
    ("Norland's president Ilse Marlow announced a ceasefire in Kessel on Monday. She announced a ceasefire in "
     "Pellan on Tuesday.", "Norland's president Ilse Marlow announced a ceasefire in Pellan."),
    ("The Estrian company Voltan built a factory in Kessel in 2015. It later built a second factory in Pellan, "
     "employing 400 workers.", "The Estrian company Voltan built a factory in Pellan."),
    # a third review's probes: a noun before the name the passage leaves out, a verb in another word
    ("The Estrian army captured the town of Kessel in March. It captured Pellan in May after a long siege.",
     "The Estrian army captured the town of Pellan."),
    ("The Vorn Brigade captured the Ostian town of Kessel in March. It captured Pellan in May.",
     "The Vorn Brigade captured the town of Pellan in May."),
    ("Severe floods hit the Norland city of Kessel last week. They also hit Pellan, destroying 200 homes.",
     "Floods hit the city of Pellan."),
    ("The Estrian army seized Kessel in March. It also seized Pellan in May after a siege.",
     "The Estrian army captured Pellan."),
])
def test_a_sentence_before_that_says_something_else_leaves_the_passage_its_support(engine, tmp_path, article, claim):
    out = verifier_over({"pellan": "Pellan\n" + article}, tmp_path, engine).verify(claim)
    assert out["verdict"] != "REFUTED", out["evidence"][:2]
