"""Unit tests for models/text.py: normalisation with an offset map, name spellings, match keys."""

from __future__ import annotations

import pytest

from models.text import match_key, names_match, normalise, normalise_text, words

BOLD_NIOH = "\U0001d5e1\U0001d5f6\U0001d5fc\U0001d5f5"  # 𝗡𝗶𝗼𝗵 (mathematical sans-serif bold)


def test_mathematical_bold_becomes_ascii():
    n = normalise(BOLD_NIOH)
    assert n.text == "Nioh"
    assert n.origin == (0, 1, 2, 3, 4)


@pytest.mark.parametrize("original, expected", [
    ("\u201cquoted\u201d", '"quoted"'),
    ("Hay\u2019at", "Hay'at"),
    ("\u2018terrorists\u2019", "'terrorists'"),
    ("\u201dcontinue\u201d", '"continue"'),
    ("Tahrir\u2013al\u2014Sham", "Tahrir-al-Sham"),
    ("Caf\u00e9", "Cafe"),
    ("a\u00a0b", "a b"),
])
def test_typographic_characters_fold_to_ascii(original, expected):
    assert normalise_text(original) == expected


def test_offset_map_for_length_changing_characters():
    # ligature fi -> 2 chars, zero-width space -> 0 chars, ellipsis -> 3 chars
    original = "\ufb01ghters\u200b\u2026 done"
    n = normalise(original)
    assert n.text == "fighters... done"
    assert len(n.origin) == len(n.text) + 1
    assert n.origin[-1] == len(original)
    assert n.original_span(0, len("fighters")) == (0, len("\ufb01ghters"))
    dots = n.text.index("...")
    assert n.original_span(dots, dots + 3) == (original.index("\u2026"), original.index("\u2026") + 1)
    done = n.text.index("done")
    assert n.original_span(done, done + 4) == (original.index("done"), len(original))


@pytest.mark.parametrize("word", ["Nioh", "Berg", "NiohBerg", "Hay'at", "terrorists", "2024", "fighters"])
def test_original_span_slices_back_exactly(word):
    original = (f"\u2014 {BOLD_NIOH} \U0001d5d5\U0001d5f2\U0001d5ff\U0001d5f4 \u265b (@NiohBerg) said "
                f"\u201cHay\u2019at\u201d \u2018terrorists\u2019 \ufb01ghters\u200b November 30, 2024")
    n = normalise(original)
    start = n.text.index(word)
    a, b = n.original_span(start, start + len(word))
    assert normalise_text(original[a:b]) == word
    expected_original = {
        "Nioh": BOLD_NIOH, "Berg": "\U0001d5d5\U0001d5f2\U0001d5ff\U0001d5f4", "Hay'at": "Hay\u2019at",
        "fighters": "\ufb01ghters",
    }.get(word, word)
    assert original[a:b] == expected_original


def test_original_span_of_empty_span():
    n = normalise("a\u2026b")
    assert n.original_span(4, 4) == (2, 2)


@pytest.mark.parametrize("a, b", [
    ("Ignasyuk", "Ignatiuk"),
    ("Tahrir", "Tahir"),
    ("Aleppo", "Alepo"),
    ("Assad", "Asad"),
    ("Hayat", "Hay'at"),
    ("Idlib", "Idleb"),
    # one Arabic or Persian letter written gh, q or k
    ("Araghchi", "Araqchi"),
    ("Haqqani", "Hakkani"),
    ("Baghdad", "Bagdad"),
])
def test_names_match_spelling_variants(a, b):
    assert names_match(a, b)
    assert names_match(b, a)


@pytest.mark.parametrize("a, b", [
    ("Idlib", "Hama"),
    ("Hama", "Homs"),
    ("Iran", "Iraq"),
    ("Aleppo", "Afrin"),
    ("killed", "filled"),
    ("Ignasyuk", "Lavrov"),
    ("Qatar", "Kassala"),
    # gh and q are one letter only where that is all that differs (a review's probes)
    ("Houston", "Houghton"),
    ("Brighton", "Brixton"),
    ("Benghazi", "Bengali"),
    ("Hakkari", "Haqqani"),
    ("Kazemi", "Qasemi"),
    ("Qiang", "Kiang"),
])
def test_names_match_rejects_different_names(a, b):
    assert not names_match(a, b)
    assert not names_match(b, a)


@pytest.mark.parametrize("a, b", [
    ("Hay'at", "Hayat"),
    ("Hay'at", "hayat"),
    ("withdrew", "withdrawal"),
    ("withdrawn", "withdraw"),
    ("killed", "killing"),
    ("died", "dead"),
    ("fell", "fall"),
    ("terrorists", "terrorist"),
    ("denied", "deny"),
    # an irregular past form with a prefix is the prefixed verb
    ("retaken", "retake"),
    ("retook", "retaking"),
    ("withheld", "withhold"),
    ("oversaw", "oversee"),
    ("misled", "mislead"),
    ("underwent", "undergo"),
])
def test_match_key_same_key(a, b):
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize("a, b", [
    ("open", "close"),
    ("killed", "filled"),
    ("Hama", "Homs"),
    ("resent", "resend"),          # a verb of its own, not "sent" again
    ("outspoken", "outspeak"),     # an adjective
    ("retaken", "taken"),          # the prefix stays
])
def test_match_key_different_words_differ(a, b):
    assert match_key(a) != match_key(b)


def test_match_key_values():
    assert match_key("Hay'at") == "hayat"
    assert match_key("withdrew") == "withdraw"
    assert match_key("Withdrawal") == "withdraw"


def test_stemming_is_safe_across_threads():
    # One shared snowballstemmer object raised IndexError and returned wrong stems under
    # concurrent requests; each thread must get the stem a single thread gets.
    import threading

    from models.text import stem

    words = [f"{w}{suffix}" for w in ("govern", "militari", "withdraw", "intervent", "declar", "strateg")
             for suffix in ("", "s", "ed", "ing", "ation", "ments", "ingly")] * 3
    expected = {}
    for w in set(words):
        stem.cache_clear()
        expected[w] = stem(w)
    stem.cache_clear()
    errors, wrong = [], []

    def hammer(offset: int) -> None:
        try:
            for i in range(4000):
                w = words[(i * 7 + offset) % len(words)]
                stem.cache_clear() if i % 50 == 0 else None
                if stem(w) != expected[w]:
                    wrong.append(w)
        except Exception as e:  # noqa: BLE001 - any failure is the bug
            errors.append(e)

    threads = [threading.Thread(target=hammer, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and not wrong, (errors[:3], wrong[:10])


@pytest.mark.parametrize("british, american", [
    ("Defence", "Defense"), ("emphasised", "emphasized"), ("organisation", "organization"),
    ("stabilising", "stabilizing"), ("centre", "center"), ("metres", "meters"), ("honour", "honor"),
    ("neighbouring", "neighboring"), ("analysed", "analyzed"), ("programme", "program"), ("offence", "offense"),
])
def test_british_and_american_spellings_share_a_key(british, american):
    assert match_key(british) == match_key(american)


@pytest.mark.parametrize("word", ["rise", "hour", "four", "Paris", "crisis", "Tunis", "Assad"])
def test_words_that_only_look_british_keep_their_key(word):
    from models.text import american_spelling

    assert american_spelling(word.lower()) == word.lower()


def test_a_dotted_acronym_is_one_word_without_its_dots():
    assert [w for w, _, _ in words("the U.S. and the U.N. at 5 p.m.")] == ["the", "US", "and", "the", "UN", "at", "5", "p", "m"]
    assert words("the U.S. said")[1] == ("US", 4, 8)   # offsets into the text as written
