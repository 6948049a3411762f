"""Unit tests for index/segment.py: exact offsets, sentence ends, boilerplate marking."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.segment import Sentence, segment_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def read_seed(name: str) -> str:
    with open(SEEDS / name, encoding="utf-8", newline="") as f:
        return f.read()


def sentences_of(name: str) -> list[Sentence]:
    return segment_article(read_seed(name))


def find(sentences: list[Sentence], text: str) -> Sentence:
    hits = [s for s in sentences if s.text == text]
    assert len(hits) == 1, f"expected exactly one sentence {text!r}, found {len(hits)}"
    return hits[0]


def test_seed_files_present():
    assert len(SEED_FILES) == 5


@pytest.mark.parametrize("name", SEED_FILES)
def test_every_sentence_slices_the_article_exactly(name):
    article = read_seed(name)
    sentences = segment_article(article)
    assert sentences
    for s in sentences:
        assert article[s.char_start:s.char_end] == s.text
        assert s.text == s.text.strip() and s.text
    starts = [s.char_start for s in sentences]
    assert starts == sorted(starts)
    # Sentences never overlap.
    for a, b in zip(sentences, sentences[1:]):
        assert a.char_end <= b.char_start


@pytest.mark.parametrize("name, headline", [
    ("000_2f3d2801a65e2925.txt",
     "The Syrian leader has pledged that his forces will continue to defend the territorial integrity of the country"),
    ("002_d8acdea6ba6ec6bd.txt",
     "An attack led by Hayat Tahrir-al-Sham has failed to establish permanent positions in Aleppo, "
     "the country\u2019s General Command has said"),
    ("003_f265c4d33a5e7fec.txt", "Syria\u2019s Hama stands firm"),
    ("004_e1915923dce626b9.txt",
     "Syria\u2019s President Al Assad vows to defeat \u2018terrorists\u2019, however big their attacks"),
])
def test_headline_without_full_stop_is_its_own_sentence(name, headline):
    article = read_seed(name)
    sentences = segment_article(article)
    first, second = sentences[0], sentences[1]
    assert (first.text, first.char_start, first.char_end) == (headline, 0, len(headline))
    assert first.boilerplate is None
    # The next sentence starts on the next line, not inside the headline.
    assert second.char_start == len(headline) + 1
    assert article[len(headline)] == "\n"


def test_glued_full_stop_splits_citadel_civilians():
    article = read_seed("002_d8acdea6ba6ec6bd.txt")
    sentences = segment_article(article)
    first = find(sentences, "Absolutely wild scenes from Aleppo today, as islamic terrorists raise the flag "
                            "of jihad above the Citadel.")
    second = find(sentences, "Civilians, minorities and ancient heritage are all in grave danger.")
    assert first.char_end == second.char_start  # no space between them in the source
    assert article[first.char_end - len("Citadel."):second.char_start + len("Civilians")] == "Citadel.Civilians"
    assert first.boilerplate is None and second.boilerplate is None
    assert sentences.index(second) == sentences.index(first) + 1


def test_abbreviation_us_does_not_split():
    sentences = sentences_of("001_586925bde384db7a.txt")
    s = find(sentences, "The situation has drawn international attention, with the U.S. White House National "
                        "Security Council monitoring developments.")
    assert s.boilerplate is None
    assert not any(x.text.endswith("U.S.") for x in sentences)


# Every boilerplate sentence of each seed, with its reason. Anything else must be None.
EXPECTED_BOILERPLATE = {
    "000_2f3d2801a65e2925.txt": {},
    "001_586925bde384db7a.txt": {
        "Sources and related": "link list heading",
        "- Aljazeera: Mapping who controls what in Syria": "link list item",
        "- Reuters: Syrian rebels sweep into Aleppo, Russia conducts strikes in support of Assad": "link list item",
        "- Newsweek: Putin \u2019Letting Syrian Rebels Overthrow Assad\u2019: Ex-Trump Intel Chief": "link list item",
        "- CNN: The illusion of Assad\u2019s grip on Syria shatters, as Russia, Iran and Hezbollah let their "
        "guard down": "link list item",
        "- Press TV: Syrian president vows to eliminate terrorism with force": "link list item",
        "- RT: Syria will \u2018eliminate\u2019 terrorists and their sponsors \u2013 Assad": "link list item",
        "- ABC News: Syrian President Bashar al-Assad vows to \u2019crush\u2019 rebels after government loses "
        "control of Aleppo": "link list item",
    },
    "002_d8acdea6ba6ec6bd.txt": {
        "pic.twitter.com/YJRkJGlmKe": "social-media link",
        "\u2014 \U0001d5e1\U0001d5f6\U0001d5fc\U0001d5f5 \U0001d5d5\U0001d5f2\U0001d5FF\U0001d5f4 \u265b \u2721\ufe0e "
        "(@NiohBerg) November 30, 2024": "social-media credit",
        "You can share this story on social media:": "share prompt",
    },
    "003_f265c4d33a5e7fec.txt": {"Leave a Comment": "comment prompt"},
    "004_e1915923dce626b9.txt": {},
}


@pytest.mark.parametrize("name", SEED_FILES)
def test_boilerplate_is_marked_not_dropped(name):
    article = read_seed(name)
    sentences = segment_article(article)
    marked = {s.text: s.boilerplate for s in sentences if s.boilerplate is not None}
    assert marked == EXPECTED_BOILERPLATE[name]
    for text in EXPECTED_BOILERPLATE[name]:
        s = find(sentences, text)
        assert article[s.char_start:s.char_end] == text


@pytest.mark.parametrize("name, text", [
    ("000_2f3d2801a65e2925.txt",
     "According to Syrian media outlets, nearly 1,000 terrorists have been killed during fighting in the past "
     "three days."),
    ("002_d8acdea6ba6ec6bd.txt", "It admitted, however, that dozens of its troops have been killed in the fighting."),
    ("003_f265c4d33a5e7fec.txt", "The footage has not been verified."),
    ("003_f265c4d33a5e7fec.txt",
     "Over two million civilians have reportedly been displaced from Aleppo to nearby towns as a result of the "
     "presence of Takfiri groups in the city."),
    ("004_e1915923dce626b9.txt", "Russia discusses \u2018dangerous\u2019 escalation with Iran, Turkey"),
])
def test_reporting_sentences_are_not_boilerplate(name, text):
    assert find(sentences_of(name), text).boilerplate is None


def test_list_items_before_any_heading_are_not_boilerplate():
    sentences = sentences_of("001_586925bde384db7a.txt")
    heading = find(sentences, "Sources and related")
    assert all(s.boilerplate is None for s in sentences[:sentences.index(heading)])


SYNTHETIC = (
    "Rebels reach the outskirts of Hama\r\n"
    "Fighting resumed on Monday near the airport.Residents fled south in cars. "
    "Officials from the U.S. State Department declined to comment.\r\n"
    "\r\n"
    "Smoke rose over the town at dawn. pic.twitter.com/AbC123xyz\r\n"
    "\u2014 Jane Doe (@janedoe) December 2, 2024\r\n"
    "Share this article\r\n"
    "- Witnesses counted 3.5 km of queues.\r\n"
    "Related stories\r\n"
    "- Outlet One: Rebels advance on Hama\r\n"
    "- Outlet Two: Army sends reinforcements\r\n"
    "\r\n"
    "- A list item after a blank line is reporting again.\r\n"
)


def test_synthetic_article():
    sentences = segment_article(SYNTHETIC)
    for s in sentences:
        assert SYNTHETIC[s.char_start:s.char_end] == s.text
    assert [(s.text, s.boilerplate) for s in sentences] == [
        ("Rebels reach the outskirts of Hama", None),
        ("Fighting resumed on Monday near the airport.", None),
        ("Residents fled south in cars.", None),
        ("Officials from the U.S. State Department declined to comment.", None),
        ("Smoke rose over the town at dawn.", None),
        ("pic.twitter.com/AbC123xyz", "social-media link"),
        ("\u2014 Jane Doe (@janedoe) December 2, 2024", "social-media credit"),
        ("Share this article", "share prompt"),
        ("- Witnesses counted 3.5 km of queues.", None),
        ("Related stories", "link list heading"),
        ("- Outlet One: Rebels advance on Hama", "link list item"),
        ("- Outlet Two: Army sends reinforcements", "link list item"),
        ("- A list item after a blank line is reporting again.", None),
    ]
    # CRLF line ends: the headline ends before "\r\n" and the next line starts after it.
    assert (sentences[0].char_start, sentences[0].char_end) == (0, 34)
    assert sentences[1].char_start == 36


@pytest.mark.parametrize("article", ["", "\n\n", "   \r\n\t\n"])
def test_empty_or_blank_article_has_no_sentences(article):
    assert segment_article(article) == []
