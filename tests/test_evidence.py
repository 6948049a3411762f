"""What a fact-checker weighs: attribution, grouped repeats, the figures comparison, rare names
found by the lexical retriever, context for sentences that open with a pronoun."""

from __future__ import annotations

import pytest

from models.attribution import attribution_of
from tests.conftest import verify



def test_about_300_is_supported_and_the_corpus_counts_are_compared(client):
    out = verify(client, "Russian strikes killed about 300 terrorists")
    assert out["verdict"] == "SUPPORTED"
    [comparison] = out["figure_comparison"]
    assert comparison["claim_figure"]["text"] == "about 300"
    by_text = {c["figure"]["text"]: c for c in comparison["corpus"]}
    assert {"about 300", "nearly 1,000", "about 600"} <= set(by_text)
    assert by_text["nearly 1,000"]["source"]["id"] == "000_2f3d2801a65e2925"
    assert by_text["nearly 1,000"]["attribution"]["asserted_by"] == "Syrian media outlets"
    assert by_text["about 600"]["source"]["id"] == "002_d8acdea6ba6ec6bd"
    assert by_text["about 600"]["attribution"]["asserted_by"] == "Oleg Ignasyuk"
    assert by_text["about 300"]["agrees_with_claim"] and not by_text["about 600"]["agrees_with_claim"]
    assert comparison["sources_agree"] is False
    # the foreign fighters who "supported" the attack are another quantity, not listed
    assert "thousands" not in by_text


def test_the_assad_quote_is_one_group_with_three_sources(client):
    out = verify(client, "Terrorism only understands the language of force, Assad said", top_k=5)
    top = out["evidence"][0]
    sources = {top["source"]["id"]} | {t["source"]["id"] for t in top["also_in"]}
    assert sources == {"000_2f3d2801a65e2925", "001_586925bde384db7a", "003_f265c4d33a5e7fec"}
    assert out["verdict"] == "SUPPORTED"
    # and it supports: "Assad emphasized that ..., SANA reported" is Assad speaking, SANA reporting
    assert top["stance"] == "SUPPORTS", top["reasons"]
    # the group is one entry: no other entry repeats the quote
    assert not any("language of force" in e["text"] for e in out["evidence"][1:])


def test_a_group_joins_other_outlets_only(client):
    for claim in ("Russian strikes killed about 300 terrorists", "Oleg Ignatiuk said airstrikes hit militant positions"):
        for e in verify(client, claim, top_k=10)["evidence"]:
            outlets = [e["source"]["id"]] + [t["source"]["id"] for t in e["also_in"]]
            assert len(outlets) == len(set(outlets)), e["passage_id"]


def test_rare_names_are_found(client):
    for claim, where in [("Who is Badra Gunba?", "Badra Gunba"), ("Airstrikes hit Morek", "Morek")]:
        out = verify(client, claim, top_k=5)
        assert any(where in e["text"] for e in out["evidence"]), claim


def test_a_pronoun_opener_comes_with_its_context(client):
    out = verify(client, "The General Command said the attack was supported by thousands of foreign terrorists", top_k=5)
    with_context = [e for e in out["evidence"] if e["context"]]
    assert with_context
    assert with_context[0]["text"].startswith("It ") and "General Command" in with_context[0]["context"]["text"]


@pytest.mark.parametrize("claim,verdict,reason", [
    # a name the corpus never mentions: not enough info, never a contradiction
    ("Jordan closed its border with Syria and deployed reinforcements", "NOT_ENOUGH_INFO", "never mentions 'jordan'"),
    # a place of the corpus in another's slot: a conflict
    ("Syrian forces crushed an attempt by militants to advance toward the town of Salma in the Hama countryside",
     "REFUTED", "entity mismatch: the claim says 'hama', the passage 'latakia'"),
    ("Iraq has opened its border with Syria", "REFUTED", "opposite wording"),
])
def test_verdict_and_its_reason(client, claim, verdict, reason):
    out = verify(client, claim)
    assert out["verdict"] == verdict
    assert any(reason in r for e in out["evidence"] for r in e["reasons"])


@pytest.mark.parametrize("text,who,hedges", [
    ("According to Syrian media outlets, nearly 1,000 terrorists have been killed.", "Syrian media outlets", []),
    ("In a piece published on Sunday, the Kyiv Post claimed that some groups had been trained.", "the Kyiv Post", ["claimed"]),
    ("The attack failed, the country's General Command has said", "the country's General Command", []),
    ("Meanwhile, unverified videos appear to show militants in the city.", None, ["appear to", "unverified"]),
    ("Over two million civilians have reportedly been displaced.", None, ["reportedly"]),
    ("The Syrian leader said his forces are capable.", "The Syrian leader", []),
    ("This was denied by the opposition.", "the opposition", []),
    ("What the minister said was not true.", None, []),
    ("As the president noted, the talks failed.", "the president", []),
    ("Officials have long said the road is closed.", "Officials", []),
    ("The convoy was hit near the border, a military source told Reuters.", "a military source", []),
    # a trailing phrase after the speech verb
    ("The reliance \u201ccreated the conditions now unfolding,\u201d spokesman Sean Savett said in a statement.",
     "spokesman Sean Savett", []),
    ("The road is closed, the ministry said on Sunday.", "the ministry", []),
    ("The attack was repelled, the minister told reporters.", "the minister", []),
])
def test_attribution(text, who, hedges):
    a = attribution_of(text)
    assert a["asserted_by"] == who and a["hedges"] == hedges and a["hedged"] is bool(hedges)


def test_a_pronoun_asserter_takes_the_previous_sentences():
    previous = "In a statement on Saturday, the Syrian General Command said the army had lost dozens."
    assert attribution_of("It also said the attack had been supported.", previous)["asserted_by"] == "the Syrian General Command"


def test_a_claim_of_one_word_is_too_little_to_check(client):
    out = verify(client, "Syria")
    assert out["verdict"] == "NOT_ENOUGH_INFO"
