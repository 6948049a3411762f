"""Unit tests for models/figures.py: reading figures as intervals, and comparing them."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from models.figures import Figure, comparable, consistent, extract_figures

INF = math.inf
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def only_figure(text: str) -> Figure:
    figures = extract_figures(text)
    assert len(figures) == 1, f"expected one figure in {text!r}, got {figures}"
    return figures[0]


def fig(text: str) -> Figure:
    """The first figure of a text."""
    figures = extract_figures(text)
    assert figures, f"no figure in {text!r}"
    return figures[0]


# text, (figure text, value, low, high, qualifier, kind, unit, counts, counts_key)
CASES = [
    ("reportedly resulting in the deaths of about 300 terrorists.",
     ("about 300", 300.0, 255.0, 345.0, "about", "count", None, "terrorists", "armed-group")),
    ("nearly 1,000 terrorists have been killed",
     ("nearly 1,000", 1000.0, 900.0, 1000.0, "nearly", "count", None, "terrorists", "armed-group")),
    ("nearly one thousand terrorists were killed",
     ("nearly one thousand", 1000.0, 900.0, 1000.0, "nearly", "count", None, "terrorists", "armed-group")),
    ("at least 300 militants in Aleppo and Idlib",
     ("at least 300", 300.0, 300.0, INF, "at least", "count", None, "militants", "armed-group")),
    ("more than 250 terrorists were killed",
     ("more than 250", 250.0, 250.0, INF, "more than", "count", None, "terrorists", "armed-group")),
    ("fought battles over an area exceeding 100km in a bid",
     ("exceeding 100km", 100.0, 100.0, INF, "exceeding", "distance", "km", None, None)),
    ("Over two million civilians have reportedly been displaced",
     ("Over two million", 2_000_000.0, 2_000_000.0, INF, "over", "count", None, "civilians", "civilian")),
    ("dozens of its troops have been killed",
     ("dozens", None, 24.0, 99.0, "dozens", "count", None, "troops", "military")),
    ("between 200 and 250 fighters were killed",
     ("between 200 and 250", 200.0, 200.0, 250.0, "between", "count", None, "fighters", "armed-group")),
    ("Turnout was 15% lower",
     ("15%", 15.0, 15.0, 15.0, None, "percent", "%", None, None)),
    ("a package worth $2.3 billion was approved",
     ("$2.3 billion", 2.3e9, 2.3e9, 2.3e9, None, "money", "USD", None, None)),
    ("had been under Syrian government control since 2016.",
     ("2016", 2016.0, 2016.0, 2016.0, None, "year", None, None, None)),
    ("The conflict, now in its 13th year, has",
     ("13th", 13.0, 13.0, 13.0, None, "ordinal", "years", "year", "year")),  # an age: its unit is set
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[1][0] for c in CASES])
def test_extract_single_figure(text, expected):
    f = only_figure(text)
    got = (f.text, f.value, f.low, f.high, f.qualifier, f.kind, f.unit, f.counts, f.counts_key)
    assert got == expected
    assert text[f.start:f.end] == f.text


def test_year_is_not_a_count():
    f = only_figure("Aleppo had been under government control since 2016.")
    assert f.kind == "year"
    assert f.counts is None and f.counts_key is None


def test_date_gives_no_day_figure():
    text = "\u2014 Jane Doe (@janedoe) November 30, 2024"
    figures = extract_figures(text)
    assert [(f.text, f.kind) for f in figures] == [("2024", "year")]
    assert all(f.value != 30 for f in figures)


@pytest.mark.parametrize("text", ["On 30 November 2024 the city fell.", "It fell on Nov. 30, 2024."])
def test_other_date_forms_give_no_day_figure(text):
    assert all(f.value != 30 for f in extract_figures(text))


@pytest.mark.parametrize("text", ["On 30 November 2024 the city fell.", "It fell in November 2024."])
def test_year_after_month_name_is_kept(text):
    assert [(f.text, f.kind) for f in extract_figures(text)] == [("2024", "year")]


@pytest.mark.parametrize("text, figure_text", [
    # Curly quotes before the number.
    ("\u201cSyria said\u201d the strikes killed about 300 terrorists", "about 300"),
    # Mathematical bold letters (astral code points) before the number.
    ("\U0001d5e1\U0001d5f6\U0001d5fc\U0001d5f5 said about 300 terrorists died", "about 300"),
    # Characters whose normal form has a different length: a ligature (1 -> 2) and a zero-width space (1 -> 0)
    # and an ellipsis (1 -> 3), all before the number.
    ("\ufb01ghting\u200b went on\u2026 \u2018nearly 1,000\u2019 \ufb01ghters were killed", "nearly 1,000"),
    ("\u2014 \U0001d5e1\U0001d5f6\U0001d5fc\U0001d5f5 (@NiohBerg) November 30, 2024", "2024"),
])
def test_offsets_slice_original_text_despite_normalisation(text, figure_text):
    f = fig(text)
    assert f.text == figure_text
    assert text[f.start:f.end] == figure_text


def test_offsets_with_length_changing_characters_point_at_the_right_place():
    text = "\ufb01ghting\u200b\u2026 about 600 militants"
    f = only_figure(text)
    assert (f.start, f.end) == (text.index("about"), text.index("about") + len("about 600"))
    assert f.counts == "militants"


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_figures_slice_the_article(name):
    with open(SEEDS / name, encoding="utf-8", newline="") as fh:
        article = fh.read()
    figures = extract_figures(article)
    assert figures
    for f in figures:
        assert article[f.start:f.end] == f.text


def test_seed_002_figures():
    with open(SEEDS / "002_d8acdea6ba6ec6bd.txt", encoding="utf-8", newline="") as fh:
        article = fh.read()
    got = [(f.text, f.kind, f.low, f.high, f.counts_key) for f in extract_figures(article)]
    assert got == [
        ("dozens", "count", 24.0, 99.0, "military"),
        ("first", "ordinal", 1.0, 1.0, "attack"),            # "the first major attack in Syria in years"
        ("thousands", "count", 2000.0, 9999.0, "armed-group"),
        ("exceeding 100km", "distance", 100.0, INF, None),
        ("2024", "year", 2024.0, 2024.0, None),
        ("dozens", "count", 24.0, 99.0, "military"),
        ("about 600", "count", 510.0, 690.0, "armed-group"),
        ("two days", "duration", 2.0, 2.0, None),
        ("2015", "year", 2015.0, 2015.0, None),
    ]


def test_counted_noun_fallback_stays_local():
    text = "The army confirmed casualties among its ranks. The war has displaced millions."
    f = fig(text)
    assert f.text == "millions"
    assert f.counts == "people"    # what "displaced" is done to, not "ranks" from the sentence before


@pytest.mark.parametrize("text, counts", [
    ("Russian strikes killed 300 in Idlib.", "people"),           # a bare count after a verb done to people
    ("The war has displaced millions.", "people"),
    ("They expelled terrorists and killed 300 of them.", "terrorists"),  # "of them" names them
    ("The army deployed 2,000 to the front.", None),              # not a verb done to people
    ("Shelling wounded about 120 near Hama.", "people"),          # "near Hama" is not what is counted
])
def test_a_bare_count_after_a_verb_done_to_people_counts_people(text, counts):
    assert fig(text).counts == counts


def test_counted_noun_in_quotes():
    f = only_figure("the strikes killed about 300 \u2018terrorists\u2019")
    assert f.counts_key == "armed-group"


# comparable / consistent

def test_comparable_same_count_group():
    terrorists = only_figure("about 300 terrorists were killed")
    militants = only_figure("at least 300 militants were killed")
    assert terrorists.counts_key == militants.counts_key == "armed-group"
    assert comparable(terrorists, militants)
    assert comparable(militants, terrorists)


def test_not_comparable_different_things_counted():
    terrorists = only_figure("about 300 terrorists were killed")
    civilians = only_figure("about 300 civilians were displaced")
    assert not comparable(terrorists, civilians)


def test_not_comparable_count_vs_year():
    count = only_figure("about 2016 terrorists were killed")
    year = only_figure("under government control since 2016.")
    assert (count.kind, year.kind) == ("count", "year")
    assert not comparable(count, year)
    assert not comparable(year, count)


def test_count_without_counted_noun_is_not_comparable():
    a = only_figure("The toll rose to 300.")
    assert a.counts_key is None
    assert not comparable(a, a)


def test_years_and_same_units_compare():
    assert comparable(only_figure("since 2016."), only_figure("in 2015."))
    assert comparable(only_figure("an area of 100km"), only_figure("about 90km away"))
    assert not comparable(only_figure("an area of 100km"), only_figure("15% lower"))


@pytest.mark.parametrize("a, b, expected", [
    ("more than 250 terrorists", "about 300 terrorists", True),
    ("at least 300 militants", "about 600 militants", True),
    ("nearly 10,000 terrorists", "nearly 1,000 terrorists", False),
    ("about 300 terrorists", "about 600 militants", False),
    ("dozens of its troops", "about 50 soldiers", True),
    ("dozens of its troops", "about 300 soldiers", False),
    ("between 200 and 250 fighters", "about 300 fighters", False),
    ("between 200 and 250 fighters", "about 280 fighters", True),
])
def test_consistent(a, b, expected):
    fa, fb = fig(a), fig(b)
    assert comparable(fa, fb)
    assert consistent(fa, fb) is expected
    assert consistent(fb, fa) is expected


@pytest.mark.parametrize("a,b,agree", [
    ("less than 100 kilometres", "an area exceeding 100km", False),   # strict bounds exclude 100
    ("more than 100 km", "an area exceeding 100km", True),
    ("in roughly 48 hours", "over the past two days", True),          # units convert
    ("over more than a week", "airstrikes over 24 hours", False),     # "over 24 hours" is the period
    ("a handful of service members", "dozens of service members", False),
    ("now in its thirteenth year", "now in its 13th year", True),
])
def test_comparisons_across_wordings_and_units(a, b, agree):
    x, y = extract_figures(a)[-1], extract_figures(b)[-1]
    assert comparable(x, y)
    assert consistent(x, y) is agree


def test_ranges_and_bounds():
    assert [(f.low, f.high, f.counts) for f in extract_figures("An estimated 200-300 rebels were killed")] == [(200, 300, "rebels")]
    assert [(f.low, f.high) for f in extract_figures("From 2 to 3 million people fled")] == [(2e6, 3e6)]
    assert [(f.kind, f.counts) for f in extract_figures("The army killed the 2000 fighters")] == [("count", "fighters")]
    assert [(f.low, f.high) for f in extract_figures("Not more than 300 soldiers")] == [(0, 300)]
    assert extract_figures("nearly " + "9" * 320 + " terrorists") == []
    assert extract_figures("10^400 troops and ¼ of them") == []


@pytest.mark.parametrize("text, counts", [
    ("The strikes left roughly three hundred terrorists dead.", "terrorists"),   # a predicate adjective
    ("About 40 soldiers slain near Homs", "soldiers"),                          # an irregular participle
    ("2,000 fighters fled to Idlib", "fighters"),
    ("Dozens of civilians missing after the strike", "civilians"),
])
def test_what_happened_to_the_counted_is_not_part_of_it(text, counts):
    assert [f.counts for f in extract_figures(text)] == [counts]


def test_an_ordinal_with_a_superlative_ranks_the_noun_after_it():
    from models.figures import comparable, consistent

    second, = extract_figures("Aleppo, the second-largest city in Syria, fell.")
    assert (second.kind, second.counts, second.low) == ("ordinal", "largest city", 2.0)
    other, = extract_figures("Aleppo, which is the second-largest city in the country, fell.")
    third, = extract_figures("Homs, the third-largest city, held.")
    assert comparable(second, other) and consistent(second, other)
    assert comparable(second, third) and not consistent(second, third)
    # the superlative is part of what is ranked; with or without the hyphen
    smallest, = extract_figures("Homs, the second-smallest city, held.")
    spaced, = extract_figures("Aleppo, the second largest city, fell.")
    assert not comparable(second, smallest)
    assert comparable(second, spaced) and consistent(second, spaced)


def test_a_count_of_them_counts_the_people_named_before_it():
    f = extract_figures("The army expelled terrorists from the area, killing dozens of them while the rest fled.")[-1]
    assert (f.text, f.counts, f.counts_key) == ("dozens", "terrorists", "armed-group")
    # no people named before it in the clause: nothing is counted
    assert extract_figures("The strikes hit the depots, dozens of them.")[-1].counts is None
