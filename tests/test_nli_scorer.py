"""The stance interface runs a local CrossEncoder NLI model. No NLI weights can be installed
here, so the test builds a tiny (untrained) one itself: this checks the plumbing, labels and
the figure override, not the model's judgement."""

from __future__ import annotations

import shutil

import pytest

from models.analysis import analyse
from models.embedder import default_model_path
from models.stance import REFUTES, CrossEncoderStanceScorer, ExplicitStanceScorer, PassageView

LABELS = {0: "contradiction", 1: "entailment", 2: "neutral"}


def tiny_cross_encoder(path, id2label=LABELS):
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    torch.manual_seed(0)
    config = BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, num_labels=len(id2label), id2label=id2label,
                        label2id={v: k for k, v in id2label.items()})
    BertForSequenceClassification(config).save_pretrained(path)
    for name in ("vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copy(default_model_path() / name, path / name)
    BertTokenizerFast.from_pretrained(path)  # the folder is a complete model
    return path


@pytest.fixture(scope="module")
def nli_path(tmp_path_factory):
    return tiny_cross_encoder(tmp_path_factory.mktemp("nli"))


CLAIM = "Syrian media said nearly 10,000 terrorists were killed"
PASSAGES = ["According to Syrian media outlets, nearly 1,000 terrorists have been killed during fighting.",
            "Iraq has closed its border with Syria.",
            "Assad vowed to eliminate terrorists."]


def views():
    return [PassageView(t, analyse(t), 0.6) for t in PASSAGES]


def test_cross_encoder_scores_each_passage(nli_path):
    idf = {k: 2.0 for t in PASSAGES + [CLAIM] for k in analyse(t).keys}
    scorer = CrossEncoderStanceScorer(nli_path, ExplicitStanceScorer(idf))
    assert not scorer.ready
    scorer.warm_up()
    assert scorer.ready and scorer.name == f"nli:{nli_path.name}"
    stances = scorer.score(CLAIM, analyse(CLAIM), views())
    assert len(stances) == 3
    for s in stances:
        assert s.label in ("SUPPORTS", "REFUTES", "NEUTRAL") and 0.0 <= s.score <= 1.0
        assert any(r.startswith("NLI ") for r in s.reasons)
    # An explicit figure conflict overrides whatever the NLI model says.
    assert stances[0].label == REFUTES and stances[0].reasons[0].startswith("figure mismatch")


def test_labels_must_name_the_three_classes(tmp_path):
    path = tiny_cross_encoder(tmp_path, {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
    scorer = CrossEncoderStanceScorer(path, ExplicitStanceScorer({"x": 1.0}))
    with pytest.raises(ValueError, match="entailment"):
        scorer.warm_up()


def test_not_a_model_folder_fails_at_construction(tmp_path):
    with pytest.raises(ValueError, match="config.json"):
        CrossEncoderStanceScorer(tmp_path, ExplicitStanceScorer({"x": 1.0}))


def test_engine_uses_the_configured_nli_model(nli_path, settings, engine):
    from dataclasses import replace

    from service.runtime import Engine

    e = Engine(replace(settings, stance_model_path=nli_path))
    e.embedder = engine.embedder
    e.warm_up()
    assert e.ready, e.error
    out = e.verify([CLAIM], 3, None)[0]
    assert out["stance_model"] == f"nli:{nli_path.name}"
    assert out["evidence"]
    assert all(any(r.startswith("NLI ") for r in ev["reasons"]) for ev in out["evidence"])
