"""What the stance scorer needs to know about a text, computed once.

For a passage this runs at index time and is stored; for a claim it runs per request. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from models.figures import Figure, extract_figures, figure_from_dict
from models.text import CAPITALS_TEXT, PAST_FORMS, STOPWORDS, content_keys, match_key, normalise_text, words

# Words that negate what follows them ("not allowing", "failed to establish", "denied reports
# of a withdrawal"). The negated predicate is the first content word after the cue.
_NEGATION_CUES = {"not", "no", "never", "without", "neither", "nor", "none", "cannot", "nobody", "nothing", "noone",
                  "unable"}
_NEGATIVE_PRONOUNS = {"nobody", "nothing", "none", "noone"}
# Sets of match keys are written as words and keyed by match_key, so they follow the key
# function (stemming, spelling fold) instead of copying its output by hand.
_NEGATING_VERBS = {match_key(w) for w in "fail deny refuse reject dismiss".split()}
_DENIAL_VERBS = {match_key(w) for w in "deny reject dismiss".split()}  # they negate a proposition, not one word
# Verbs whose negation passes on to the verb of their "to" ("refused to commit to defending",
# "did not want to withdraw"); not "withdraw to positions" or "speak to journalists". Not
# "hesitate": "did not hesitate to strike" asserts the strike.
_NEGATION_PASSES_ON = {match_key(w) for w in """want commit agree plan try attempt decide intend seek hope promise
                       vow pledge threaten expect continue need prepare dare""".split()}
# Verbs of letting: "did not allow them to enter" says they did not enter.
LETTING_VERBS = frozenset(match_key(w) for w in "allow permit let enable".split())
# ... "let" with no "to": "without letting them break through" says they did not break through
_LET = match_key("let")
_OBJECT_PRONOUNS = frozenset("them him her it us".split())
_LET_MEANT = frozenset("would will could can may might should must shall".split())   # "would not let them"
# What was prevented where the prevention names it after "any" ("prevented any breaches",
# "averted any civilian deaths"): it did not happen. Not an attempt or a bid (it was still made);
# not "stopped any cars", "kept any weapons", "blocked all roads"
_PREVENTING_ANY = {match_key(w) for w in "prevent avert".split()}
_ATTEMPT_NOUNS = frozenset(match_key(w) for w in "attempt attempts effort efforts bid bids try tries".split())
# Verbs of preventing: "stopped them from establishing positions" says they did not establish them.
_PREVENTING = {match_key(w) for w in "stop prevent keep bar block hinder deter prohibit restrain".split()}
# ... where the preventing is said to have happened, not only meant: "unable to stop", "tried to
# prevent", "would bar" negate nothing ("managed to stop" does).
_NOT_ASSERTED_BEFORE = frozenset("""unable tried try tries trying attempt attempted attempts attempting sought seek seeks
                                  seeking would will could might may can should must hoped hope hopes want wanted wants aim
                                  aimed aims plan planned plans bid order effort efforts vowed vow vows pledged pledge
                                  promised promise threatened threaten threatens""".split())
# "kept the profits from smuggling", "kept civilians safe from shelling": keeping something, not
# keeping it from happening
_NOT_PREVENTING_BETWEEN = frozenset("safe away free apart secure clear profits money proceeds".split())
# "nearly doubled" is about a multiple, said approximately, not a near miss
_MULTIPLYING = frozenset("doubled tripled quadrupled halved".split())
# "not entirely Syrian", "did not fully withdraw": the degree is what is negated
_DEGREE_ADVERBS = frozenset("""entirely exclusively wholly fully completely exactly solely totally altogether
                            necessarily strictly""".split())
# Words in -ly that are verbs or nouns, not adverbs ("did not supply detailed figures")
_NOT_ADVERBS = frozenset("""supply apply reply rally ally multiply comply imply fly july italy family assembly belly bully
                         tally sully dally jelly rely""".split())
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")  # "U.S.": its dots end no clause
_CLAUSE_BREAK = re.compile(r"[,;:.!?]")


_RELATIVE = {"who", "whom", "which", "that", "we", "they", "i", "you"}
_CLAUSE_OPENERS = {"the", "a", "an", "its", "his", "her", "their", "it", "he", "she", "they", "we"}


def _verb_or_clause_between(between: list[str]) -> bool:
    """Whether words between a negation and a denial hold a verb or start a new clause ("No
    group took responsibility and the government denied"), not counting a relative clause of
    the subject ("None of the officials who spoke to the BBC denied"), a name ("No United
    Nations official") or nouns joined by "or" ("No police officer or soldier denied")."""
    for j, w in enumerate(between):
        lw = w.lower()
        if lw in _RELATIVE:
            return False   # what follows describes the subject
        if w[0].isupper():
            continue
        if lw in PAST_FORMS or lw.endswith("ed") or lw == "but":
            return True
        if lw in ("and", "or") and j + 1 < len(between) and between[j + 1].lower() in _CLAUSE_OPENERS:
            return True
        if lw == "and" and 0 < j and j + 1 < len(between) and between[j + 1][0].isupper() and between[j - 1][0].islower():
            return True  # "No group claims responsibility and Moscow denies ...": a new subject; not "Harlow and Corwen"
    return False


def _clause_break_in(gap: str) -> bool:
    return bool(_CLAUSE_BREAK.search(_ACRONYM.sub("X", gap)))
_MODAL_PREDICATES = {"able", "manage", "managed", "succeed", "succeeded"}
_SKIP_AFTER_CUE = STOPWORDS | {"single", "even", "yet", "ever", "able", "manage", "managed", "succeed", "succeeded",
                               "report", "reports", "claim", "claims",
                               "allegation", "allegations", "any", "longer", "out", "to", "of", "that"}
# ... nor "not until Monday", "not long after", "not far from" (when or where, not whether)
_NOT_NEGATED_AFTER = {"only", "just", "merely", "more", "less", "fewer", "longer", "later", "earlier", "least",
                      "until", "till"}
_WHEN_NOT_WHETHER = {"after", "before", "ago", "from"}
# A word after one of these is read as a verb.
AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "is", "are", "be", "been", "would", "will", "could",
                         "did", "does", "do", "to", "should", "might", "may", "can"})
_NUMBER_WORD = re.compile(r"^(?:\d[\d,.]*(?:st|nd|rd|th|km|s)?|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|nearly|several|few|handful|"
                          r"about|around|approximately|roughly|least|over|exceeding|fewer|less|almost)$", re.I)


@dataclass(frozen=True)
class TextAnalysis:
    keys: tuple[str, ...]                  # content-word match keys, unique, in order
    names: tuple[str, ...]                 # capitalised words (lower case), for spelling variants
    negated: tuple[str, ...]               # keys of predicates under negation
    figures: tuple[Figure, ...] = field(default=())
    # Each capitalised word's key with the content keys around it, two each side, marked
    # "<left" and "right>": the slot it fills, so "Idlib province" and "Hama province" match.
    name_slots: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    initial: str | None = None             # key of a capitalised first word (a name only if the corpus says so)
    # For each figure, the content keys of its clause: what happens to what it counts
    # ("killed", "supported by"), so two counts are compared only when they count one thing.
    figure_contexts: tuple[tuple[str, ...], ...] = field(default=())
    figure_partners: tuple[tuple[tuple[str, str], ...], ...] = field(default=())  # "X and Y" names per figure clause
    name_runs: tuple[tuple[str, ...], ...] = field(default=())  # adjacent capitalised words: one name each
    denied: tuple[str, ...] = field(default=())   # keys negated by a denial verb ("denied reports of a withdrawal")

    def to_dict(self) -> dict:
        return {"keys": list(self.keys), "names": list(self.names), "negated": list(self.negated),
                "figures": [f.to_dict() for f in self.figures],
                "name_slots": [[k, list(v)] for k, v in self.name_slots], "initial": self.initial,
                "figure_contexts": [list(c) for c in self.figure_contexts],
                "figure_partners": [[list(p) for p in f] for f in self.figure_partners],
                "name_runs": [list(r) for r in self.name_runs], "denied": list(self.denied)}

    @classmethod
    def from_dict(cls, d: dict) -> "TextAnalysis":
        return cls(tuple(d["keys"]), tuple(d["names"]), tuple(d["negated"]),
                   tuple(figure_from_dict(f) for f in d["figures"]),
                   tuple((k, tuple(v)) for k, v in d.get("name_slots", ())), d.get("initial"),
                   tuple(tuple(c) for c in d.get("figure_contexts", ())),
                   tuple(tuple(tuple(p) for p in f) for f in d.get("figure_partners", ())),
                   tuple(tuple(r) for r in d.get("name_runs", ())), tuple(d.get("denied", ())))


def _is_content(word: str) -> bool:
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return True  # an acronym ("US", "WHO", "IT") is a name, not a stopword
    lw = word.lower()
    return lw not in STOPWORDS and lw.replace("'", "") not in STOPWORDS and not _NUMBER_WORD.match(lw)


NO_LONGER = r"\bno\s+longer\b(?!\s+than)"   # a negation that says it once held (stance: a claim in the past)


# "out of" that names no place kept out of: an idiom or a cause
_OUT_OF_IDIOM = (r"(?!\s+(?:(?:the|his|her|their|its|our|my|your|harm's)\s+)?(?:loop|sight|view|reach|trouble|it|harm|way|"
                 r"spotlight|limelight|public|headlines?|news|picture|fear|respect|concern|caution|necessity|habit|"
                 r"curiosity|solidarity|desperation|frustration|anger|pity|courtesy|duty|touch|mind)\b)")
# the verb after it is asserted: not "to keep", "did not stay", "no longer keeps"
_ASSERTED = r"(?<!\bto\s)(?<!\bnot\s)(?<!n't\s)(?<!\bnever\s)(?<!\blonger\s)(?<!\bcannot\s)"
# ... and not only meant or possible: "will repel", "could halt"
_NOT_MEANT = (r"(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bcan\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bshall\s)"
              r"(?<!\bshould\s)(?<!\bmust\s)")
# An attempt stopped, the stopping asserted: "crushed an attempt by rebels to", "halted any
# attempts to" (not "failed to halt", "did not foil", "will repel"); its verb reads as "stopped"
STOPPED_ATTEMPT = re.compile(
    _ASSERTED + _NOT_MEANT + r"\b(?:crush|foil|thwart|repel|repuls|halt|stop|block|frustrat)(?:ed|s|es|ped|led|e|ing|ping|ling)?"
    r"(?=\s+(?:(?:an?|any|every|all|the|their|its|several|repeated|numerous|many|multiple)\s+)?"
    r"(?:(?:new|further|renewed|fresh|latest|rebel|enemy|militant)\s+)?attempts?\b)", re.I)
# not after a form of "be": "were swept into the sea", "were killed"
NOT_PASSIVE = r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbeing\s)"
_NOT_INTO_OFFICE = (r"(?!\s+(?:(?:the|a|an|[\w'’-]+['’]s)\s+)?(?:[\w'’-]+\s+)?(?:power|office|government|parliament|"
                    r"victory|history|presidency|lead|majority|seats?|congress|senate|assembly)\b)")


# what follows "from their homes" on a trip, not a flight: where to, when, how often
_NOT_A_TRIP = (r"(?!\s+(?:in\s+[\w'’-]+\s+)?(?:to|into|towards?|for)\s+(?:the\s+|a\s+|their\s+)?(?:new\s+)?"
               r"(?:school|work|office|station|market|hospital|polls|church|mosque|shops?|jobs?)\b"
               r"|\s+(?:early|late|only|each|every|daily|an?\s+hour|at\s+dawn|in\s+the\s+morning)\b)")


def _verb(base: str, past: str):
    """A multi-word verb's replacement in its tense: a past form stays one ("driven out" ->
    "expelled"), so a figure's clause still says what happened (`_clause_keys`); a word the
    pattern's group 1 holds between verb and particle is kept ("drove them out")."""
    irregular = PAST_FORMS | {"took", "made", "gave", "fought", "came"}

    def replace(m: re.Match) -> str:
        first = m.group(0).split()[0].lower()
        word = past if first.endswith(("ed", "en")) or first in irregular else base
        return word + (" " + m.group(1).strip() if m.re.groups and m.group(1) else "")
    return replace


# A country's capital named by the country ("the Syrian capital", "Syria's capital"): the city,
# so it is met, or swapped, as the name is. Only a country with one capital known
# (models.text.CAPITALS_TEXT); not "the former capital", "the capital of ...", "capital gains".
_CAPITAL_NAMED: dict[str, str] = {}
for _line in CAPITALS_TEXT.strip().splitlines():
    _city, *_country_words = _line.split()
    for _w in _country_words:
        _CAPITAL_NAMED[match_key(_w)] = "" if match_key(_w) in _CAPITAL_NAMED else _city.capitalize()
_COUNTRYS_CAPITAL = re.compile(
    r"\b(?<!\bformer\s)(?<!\bold\s)(?<!\bancient\s)(?<!\bonetime\s)(?:the\s+)?(?P<country>(?-i:[A-Z])[\w-]*?)(?:['’]s)?"
    r"\s+capital(?:['’]s)?\b(?!\s+(?:city\s+)?of\b|\s+(?:gains?|markets?|flight|flows?|inflows?|outflows?|controls?|spending|"
    r"investment|punishment|expenditure|requirements?|ratios?|injections?)\b)", re.I)


def _capital_named(m: re.Match) -> str:
    return _CAPITAL_NAMED.get(match_key(m.group("country"))) or m.group(0)


# Multi-word verbs and idioms read as the one word they mean, so "pulled out" meets
# "withdrawal" and "has nothing to do with" is a negation. General English, applied to the
# matching copy only.
_PHRASES = [(_COUNTRYS_CAPITAL, _capital_named)] + [(re.compile(p, re.I), r) for p, r in (
    (r"\bset(?:s|ting)?\s+up\b", "establish"), (r"\bpull(?:ed|s|ing)?\s+(?:out|back)\b", _verb("withdraw", "withdrew")),
    (r"\b(?:took|takes?|taken|taking)\s+over\b", _verb("capture", "captured")),
    (r"\b(?:made|make|makes|making)\s+it\s+to\b", _verb("reach", "reached")),
    (r"\bcarr(?:ied|y|ies|ying)\s+out\b", _verb("conduct", "conducted")), (r"\bshut(?:s|ting)?\s+down\b", "close"),
    (r"\b(?:gave|give|gives|giving)\s+up\b", _verb("surrender", "surrendered")),
    (r"\bstep(?:s|ped|ping)?\s+down\b", _verb("resign", "resigned")),
    (r"\b(?:fought|fight|fights|fighting)\s+off\b", _verb("repel", "repelled")),
    # a source quoted by an outlet is one it cites ("cited for speeding" is another sense)
    (r"\bquoted\s+(by|in|as)\b", r"cited \1"),
    # broke through (lines, defences): breached them, as "prevented any breaches" says
    (r"\b(?:broke|break|breaks|breaking|broken)\s+through\b", _verb("breach", "breached")),
    # people driven (forced) from their homes, or forced to flee them, are displaced: "has
    # driven millions of people from their homes" / "displaced millions". Not a trip ("buses
    # drove the students from their homes to school", "forced commuters to leave their homes an
    # hour early"), not "forced his way out of his home" (a review's probes)
    (r"\b(?:driven|forced|force|forces|forcing|uprooted|uproot|uproots|uprooting)\s+((?:(?!way\b)[\w'’-]+\s+){0,4}?)"
     r"(?:(?:out\s+)?from|out\s+of)\s+(?:their|his|her)\s+homes?\b" + _NOT_A_TRIP, _verb("displace", "displaced")),
    (r"\b(?:forced|force|forces|forcing)\s+((?:[\w'’-]+\s+){0,4}?)to\s+(?:flee|abandon)\s+(?:their|his|her)\s+homes?\b"
     + _NOT_A_TRIP, _verb("displace", "displaced")),
    (r"\b(?:drove|drive|drives|driving|driven)\s+(\w+\s+)?(?:out|back)\b", _verb("expel", "expelled")),
    # kept (stayed) out of a place or an event: did not enter it ("the militants had been kept
    # out of Aleppo" against "were able to enter large parts of Aleppo"). Only where the keeping
    # is asserted (not "failed to keep ... out of", "did not stay out of"), not "kept pouring
    # out of", not "30 out of 40", not an idiom or a cause ("out of the loop", "out of fear");
    # a review's probes
    (_ASSERTED + r"\b(?:kept|keeps?|keeping)\s+((?!(?-i:[a-z]+ing)\s)(?:[\w'-]+\s+){0,3}?)out\s+of\b(?!\s{2,})"
     + _OUT_OF_IDIOM, r"\1not entered"),
    (_ASSERTED + r"\bstay(?:ed|s|ing)?\s+out\s+of\b(?!\s{2,})" + _OUT_OF_IDIOM, "not entered"),
    # a country's "top diplomat" ("chief diplomat") is its foreign minister in news writing
    (r"\b(?:top|chief)\s+diplomat\b", "foreign minister"), (r"\b(?:top|chief)\s+diplomats\b", "foreign ministers"),
    (r"\bha(?:d|s|ve)\s+a\s+hand\s+in\b", "involved in"), (r"\bnothing\s+to\s+do\s+with\b", "not involved in"),
    # who holds a place: "Pellan had been held by the government", "the town held by rebels",
    # "in the government's hands", "in the hands of the militants" say "under the control of";
    # not people held ("the soldiers held by rebels": captives), not "held talks"
    (r"(?<!\bfrom\s)(?<!\bof\s)(?<!\bin\s)(?<!\bat\s)(?<!\bnear\s)"  # the place is the subject
     r"\b((?:(?-i:[A-Z])[\w'’-]*|city|town|village|area|areas|territory|territories|region|province|airport|base|"
     r"district|neighbou?rhood|port|capital|countryside|enclave|stronghold|positions?),?\s+"
     r"(?:(?:has|have|had)\s+been\s+|(?:was|were|is|are)\s+)?)(?:held|holds?|holding)\s+by\b", r"\1controlled by"),
    (r"\b(in|into)\s+the\s+hands\s+of\b", r"\1 the control of"),
    # ... an owner named or possessive ("in Ukrainian hands", "in the army's hands"), not "in
    # their hands", "in safe hands"
    (r"\b(in|into)\s+((?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+)?(?:[\w-]+['’]s|(?-i:[A-Z])[\w'’-]*|government|rebel|militant|opposition|enemy|"
     r"state|army|military|insurgent|jihadist|terrorist)\s+)hands\b(?!\s+of\b)", r"\1 \2control"),
    # "came (has come) to stand for": symbolised ("stood for hours", "stands for election" aside)
    (r"\b(?:came|come|comes|coming)\s+to\s+stand\s+for\b", _verb("symbolise", "symbolised")),
    (r"\bupper\s+hand\b", "dominance"),
    # a side's aircraft said as its "air power", its strikes from the air as "air raids": the
    # words for them ("warplanes", "airstrikes"), so "Moscow's air power backed the army" meets
    # "backed by Russian airstrikes" (how many is not compared: "one airstrike" meets
    # "airstrikes", as it did before). Not "air force", which names a body
    # ("the Ostian Air Force said"), nor "air support" or "air cover", which may be an ally's
    # ("Ostia has no air support" does not deny its own airstrikes; a review's probe)
    (r"\bair\s+power\b", "warplanes"),
    # troops sent (rushed, dispatched, brought in) to add to those there are reinforcements:
    # "rushed extra forces to the area" meets "deployed reinforcements to the area" (the verb
    # stays, so "plans to send" is still only planned, and so do the troops, so "sent troops" is
    # still said; not "more units of blood")
    (r"\b((?:rushed|rush|rushes|rushing|sent|send|sends|sending|dispatched|dispatch|dispatches|dispatching|deployed|"
     r"deploy|deploys|deploying|(?:brought|bring|brings|bringing)\s+in)\s+(?:in\s+)?)(?:extra|additional|more|fresh|"
     r"further)\s+(forces|troops|soldiers|units)\b(?!\s+of\b)", r"\1reinforcements \2"),
    (r"\bair\s+(?:raid|strike|attack|bombardment)s\b", "airstrikes"),
    (r"\bair\s+(?:raid|strike|attack|bombardment)\b", "airstrike"),
    # a border (crossing, airspace, port) sealed, or sealed off, is closed; not a deal, a
    # victory, a fate, lips or documents sealed, nor "the sealed envelope" (a review's probes)
    (r"(?<!\bthe\s)(?<!\ba\s)\bseal(?:ed|s|ing)?\s+(?:off\s+)?(?=(?:(?:its|the|their|his|her|our|a|an|all)\s+)?"
     r"(?:[\w'’-]+\s+){0,2}?(?:borders?|frontiers?|crossings?|airspace|ports?|roads?|entrances?|exits?|checkpoints?)\b)",
     lambda m: "closing " if m.group(0).lower().startswith("sealing") else
     ("close " if m.group(0).lower().split()[0] in ("seal", "seals") else "closed ")),
    (r"\b(city|town)(['’]s)?\s+limits\b(?!\s+(?:on|to|for)\b)", r"\1 borders"),  # its borders; not "limits on rents"
    # a verb that only says how long ("has lasted", "has been going on for") before a
    # duration: the duration says it ("the war has lasted more than a decade" / "the war, now
    # in its 13th year"); not "in the last two years"
    # (analyse blanks figures first: a run of spaces is one)
    (r"\b(?:lasted|lasts|lasting|raged|rages|dragged\s+on|drags\s+on|went\s+on|(?:has|have|had)\s+gone\s+on|"
     r"(?:has|have|had)\s+been\s+(?:going\s+on|raging|dragging\s+on|under\s*way))\s+(?:for\s+)?"
     r"(?=\s{2,}|(?:(?:more|less|fewer)\s+than|over|under|about|nearly|almost|at\s+least|some|around|roughly|a|an|\d+|"
     r"one|two|three|four|five|six|seven|eight|nine|ten|several|many)\b[^.;,]{0,20}?\b(?:decades?|years?|months?|"
     r"weeks?|days?|hours?)\b)", "for "),
    # "stepped in", "stepped into the war": intervened
    # (not "stepped in front of", "in a puddle", "into the war of words")
    (r"\bstep(?:s|ped|ping)?\s+in\b(?=\s*[.,;:!?]|\s*$|\s+to\s+(?!the\b|a\b|an\b)\w+)", _verb("intervene", "intervened")),
    (r"\bstep(?:s|ped|ping)?\s+into\s+(?=(?:(?:the|its|their|[\w'’-]+['’]s)\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+)?(?:war|conflict|fray)\b"
     r"(?!\s+(?:of\s+words|zones?|games?|crimes?|rooms?|memorials?|films?|movies?|novels?|museums?)\b))",
     _verb("intervene in ", "intervened in ")),
    # "voiced concern (support, alarm ...)": expressed it; not "voiced by an actor", "voiced a
    # character", "voice support" (a feature); the bare verb only after "to" or a modal
    (r"(?:\bvoic(?:ed|es|ing)|(?<=\bto\s)voice|(?<=\bwill\s)voice|(?<=\bwould\s)voice)\b(?=\s+(?:(?:their|his|her|its|our|"
     r"a|an|the|some|deep|serious|grave|strong|growing|particular|full|unwavering|firm|cautious|further|renewed|new)\s+)"
     r"{0,2}(?:concerns?|alarm|support|backing|hopes?|regrets?|doubts?|fears?|frustration|anger|outrage|solidarity|"
     r"confidence|satisfaction|disappointment|objections?|reservations?|criticism|skepticism|scepticism|condolences|"
     r"sympathy|gratitude|appreciation|optimism|pessimism|dismay|displeasure|disapproval|approval|indignation)\b)",
     _verb("express", "expressed")),
    # "played no part (role) in" is "not involved in", as "had a hand in" is "involved in"; a
    # qualified role ("a leading role", "no military role") says more, and stays
    (r"\bplay(?:ed|s|ing)?\s+no\s+(?:part|role)\s+in\b", "not involved in"),
    (r"\bplay(?:ed|s|ing)?\s+(?:a|an|any)\s+(?:part|role)\s+in\b", "involved in"),
    (r"\bspearhead(?:ed|s|ing)\b|(?<=\bto\s)spearhead\b", _verb("lead", "led")),  # the verb, not "the spearhead"
    # "swept into the city": entered it; not "swept into power (office)", not the passive
    # ("were swept into the sea": carried)
    (NOT_PASSIVE + r"\bswept\s+into\b" + _NOT_INTO_OFFICE, "entered"),
    (NOT_PASSIVE + r"\bsweep(?:s|ing)?\s+into\b" + _NOT_INTO_OFFICE, "enter"),
    # an attempt crushed (foiled, thwarted, halted) is one stopped: "Syrian forces crushed an
    # attempt by militants to advance" says what "failed to stop militants advancing" denies.
    # What was attempted is not said to have happened, nor not to (a review found "not"
    # inserted before the goal refuting the same fact in the passive, "blocking attempts to
    # enter", and claims that the attempt was made)
    (STOPPED_ATTEMPT.pattern, lambda m: {"d": "stopped", "g": "stopping"}.get(m.group(0)[-1].lower(), "stop")),
    # "took no one by surprise" and "surprised no one" are one: did not surprise anyone
    (r"\b(?:took|takes?|taken|taking)\s+(?:no\s+one|nobody)\s+by\s+surprise\b", "did not surprise anyone"),
    (r"\bsurpris(?:ed|es|e)\s+(?:no\s+one|nobody)\b", "did not surprise anyone"),
    # "took the army by surprise": surprised it (as "a surprise offensive" says); the words
    # between are kept ("did not take the Syrian military by surprise"). Only people or a body
    # of them taken so: not "took Pellan (the fort, control of it) by surprise", which is
    # capture; not "took few by surprise", which stays as it is
    (r"\b(?:took|takes?|taken|taking)\s+((?!(?:no|few|nobody|none|neither|little)\b)(?:[\w'’-]+\s+){0,3}?"
     r"(?:army|military|forces|troops|soldiers|government|regime|officials|world|leadership|command|defenders|garrison|"
     r"residents|people|authorities|markets?|analysts|observers|allies|enemy|west|everyone|everybody|many|most|them|him|"
     r"her|us|me|you)\s+)by\s+surprise\b", _verb("surprise", "surprised")),
    (r"\bgo(?:es)?\s+by\s+the\s+name\b", "known as"), (r"\bused\s+to\s+be\s+(?:called|known\s+as)\b", "formerly known as"),
    # "no longer keeps bases" negates keeping; "not ... any longer" negates already ("longer
    # than" is a bound, not a negation). Not "rather than Y", "instead of Y", "ruled out Y": one
    # negated word cannot say them ("instead of the planned ground offensive" does not deny the
    # plan; "ruled out withdrawing troops" does not deny the troops; reviews of 487b84b, 5272951)
    (NO_LONGER, "not"), (r"\b(?:any\s+longer|anymore|any\s+more)\b(?!\s+than)", " "),
    # ending support, asserted, negates it: "would withdraw its support" is "would not support";
    # not a proposal or a refusal ("urged it to end its support", "refused to end"), not a past
    # withdrawal (there was support before it), not "cut aid workers off"
    (r"\b(?:(?:will|would|shall|could|may|might|must)\s+(?:\w+ly\s+)?(?:withdraw|end|halt|suspend|stop|cut)|"
     r"(?:is|are)\s+(?:withdrawing|ending|halting|suspending|stopping|cutting)|"
     r"(?:withdraws|ends|halts|suspends|stops|cuts))\s+(?:(?:its|their|his|her|all|any|our)\s+)?"
     r"(support|backing|aid|funding|assistance)\b(?!\s+(?:workers?|convoys?|agenc\w+|groups?|deliver\w+|"
     r"officials?|organi[sz]ations?|trucks?|shipments?)\b)", r"not \1"),
)]


def _with_phrases(norm: str) -> str:
    for pattern, replacement in _PHRASES:
        norm = pattern.sub(replacement, norm)
    return norm


def _asked_before(tokens: list, i: int, norm: str, start: int) -> bool:
    """Whether the word at `i` is asked about: "whether" or "unclear" among the eight words
    before it, or "if" in its own clause ("Even if the warning came late, it averted ..." is not)."""
    before = tokens[max(0, i - 8):i]
    if {t[0].lower() for t in before} & {"whether", "unclear"}:
        return True
    asked_if = next((t for t in reversed(before) if t[0].lower() == "if"), None)
    return bool(asked_if and not _clause_break_in(norm[asked_if[2]:start]))


def analyse(text: str, denial_negates: bool = True) -> TextAnalysis:
    """`denial_negates`: whether "X denied Y" counts as asserting not-Y. True for passages (a
    reported denial is evidence); False for claims, where "X denied Y" is a claim about what X
    said, checked against what X said (denied / confirmed)."""
    figures = tuple(extract_figures(text))
    # Words inside a figure ("close to 1,000", "nearly") are its qualifier, not content.
    blanked = text
    for f in figures:
        blanked = blanked[:f.start] + " " * (f.end - f.start) + blanked[f.end:]
    norm = _with_phrases(normalise_text(blanked))
    tokens = words(norm)
    keys: dict[str, None] = {}
    names: dict[str, None] = {}
    negated: dict[str, None] = {}
    denied: dict[str, None] = {}   # the part of `negated` that comes from a denial verb
    # pending: a cue waits for its target. mode "word": the next content word ("not allowing");
    # "verb": the next verb-like word ("denied that its forces had shelled", "Not a single
    # civilian was killed"); "head": the last word of the next noun phrase ("denied reports of a
    # military withdrawal from Hama" -> withdrawal).
    pending, mode, by_denial = False, "word", False
    cue_at = 0  # where the pending cue is
    head: str | None = None
    previous = ""
    initial = None
    content_positions: list[tuple[str, bool]] = []
    runs: list[list[str]] = []
    last_name_token = -2
    # A negated verb of _NEGATION_PASSES_ON passes its negation on through "to" ("refused to
    # commit to defending"): the token where "to" may come, then the token of the verb after it.
    chain_to_at, chain_verb_at = -1, -1
    # A negated verb of letting passes it on to the verb after its object's "to" ("not allowing
    # terrorists that launched an offensive to establish positions"): up to this token, with
    # no clause break between.
    letting_until, letting_end = -1, 0
    # An asserted verb of preventing negates the verb in -ing after its object's "from"
    # ("stopped them from establishing"): up to this token, with no clause break between.
    preventing_until, preventing_end, from_verb_at = -1, 0, -1
    # ... and the noun after its "any" ("prevented any breaches"); the verb after "let" and its
    # pronoun ("without letting them break through")
    prevented_noun_at, let_verb_at = -1, -1

    def negate(key: str) -> None:
        negated.setdefault(key)
        if by_denial:
            denied.setdefault(key)

    for i, (w, start, _) in enumerate(tokens):
        lw = w.lower()
        # A clause boundary between the cue and this word ends the cue's reach.
        if pending and i and re.search(r"[,;:.!?]", norm[tokens[i - 1][2]:start]):
            if mode == "head" and head:
                negate(head)
            pending, head = False, None
        nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
        if (lw in ("nearly", "almost") and not pending and (nxt.endswith("ed") or nxt in PAST_FORMS)
                and nxt not in _MULTIPLYING):
            # "nearly captured the bridge": it was not captured ("nearly 300" is a figure's)
            pending, by_denial, head, mode, cue_at = True, False, None, "word", i
            previous = lw
            continue
        if lw in _NEGATION_CUES or lw.endswith("n't"):
            # "not only X but also Y" asserts X; "no more than 40" is a bound, not a negation
            after_next = tokens[i + 2][0].lower() if i + 2 < len(tokens) else ""
            if nxt not in _NOT_NEGATED_AFTER and not (nxt in ("long", "far") and after_next in _WHEN_NOT_WHETHER):
                # the gap since the word before, not all the text before: linear on long text
                sentence_start = i == 0 or bool(re.search(r"[.!?]\s*$", norm[tokens[i - 1][2]:start]))
                pending, by_denial, head = True, False, None
                cue_at = i
                # "Not a single civilian was killed", "Nobody was hurt": the verb is negated
                mode = "verb" if sentence_start or lw in _NEGATIVE_PRONOUNS else "word"
            previous = lw
            continue
        if pending and lw == "that" and mode != "verb":
            if mode == "head" and head:
                negate(head)
            mode, head = "verb", None
        content = _is_content(w)
        if pending and mode == "head" and head and not content:
            negate(head)  # the noun phrase ended: its last word was its head
            pending, head = False, None
        if not content:
            if (lw == "from" and i <= preventing_until and not _clause_break_in(norm[preventing_end:start])
                    and not _NOT_PREVENTING_BETWEEN & set(norm[preventing_end:start].lower().split())):
                from_verb_at, preventing_until = i + 1, -1
            if lw == "to" and (i == chain_to_at or (i <= letting_until
                                                    and not _clause_break_in(norm[letting_end:start]))):
                chain_verb_at = i + 1
                letting_until = -1
            previous = lw
            continue
        key = match_key(w)
        keys.setdefault(key)
        is_name = w[0].isupper() and i > 0
        if i == from_verb_at and not is_name and lw.endswith("ing"):
            negate(key)
        if i in (prevented_noun_at, let_verb_at) and not is_name and key not in _ATTEMPT_NOUNS:
            negate(key)
        if i == chain_verb_at and not is_name and (lw.endswith("ing") or not lw.endswith("s")):
            negate(key)  # a verb, not a plural noun ("to talks")
            if key in _NEGATION_PASSES_ON:
                chain_to_at = i + 1
            if key in LETTING_VERBS:
                letting_until, letting_end = i + 10, tokens[i][2]
            if key == _LET and nxt in _OBJECT_PRONOUNS and (
                    not cue_at or tokens[cue_at - 1][0].lower() not in _LET_MEANT):
                let_verb_at = i + 2
        if w[0].isupper():
            glued = runs and i and last_name_token == i - 1 and not norm[tokens[i - 1][2]:start].strip()
            if glued:
                runs[-1].append(key)
            else:
                runs.append([key])
            last_name_token = i
        if w[0].isupper() and (len(w) > 2 or w.isupper()):  # "UK", "UN" are names; "I", "A" are not
            names.setdefault(lw.replace("'", ""))
            if i == 0 or norm[:start].strip() in ("", '"', "'"):
                initial = key
        content_positions.append((key, is_name))
        if key in _NEGATING_VERBS and (denial_negates or key not in _DENIAL_VERBS):
            if pending and mode != "head" and not _verb_or_clause_between([t[0] for t in tokens[cue_at + 1:i]]):
                # "did not fail to capture": two negations assert it, and deny the failing
                # ("did not reject the reports", "No one in the government denied that ...":
                # no rejection, no denial); not across another verb or a clause ("No group
                # took responsibility and the government denied that ...": a denial)
                negate(key)
                pending = False
            else:
                denial = key in _DENIAL_VERBS
                pending, by_denial, head, cue_at = True, denial, None, i
                mode = "head" if denial else "word"  # "refused to comment": the next word, a verb
            previous = lw
            continue
        if (key in _PREVENTING and not pending and not is_name
                and not any(t[0].lower() in _NOT_ASSERTED_BEFORE for t in tokens[max(0, i - 3):i])):
            preventing_until, preventing_end = i + 10, tokens[i][2]
        # "prevented (averted) any N", asserted and not asked: not "to prevent", "did little to
        # prevent", "investigating whether the warning averted any deaths"; N is the last word of
        # the phrase after "any" ("averted any civilian deaths": deaths; "prevented any drones
        # hitting Kessel": drones)
        if (key in _PREVENTING_ANY and nxt == "any" and not pending and previous not in ("to", "little", "nothing")
                and not any(t[0].lower() in _NOT_ASSERTED_BEFORE for t in tokens[max(0, i - 3):i])
                and not _asked_before(tokens, i, norm, start)):
            j = i + 2
            while (j < len(tokens) and j <= i + 4 and _is_content(tokens[j][0])
                   and not _clause_break_in(norm[tokens[j - 1][2]:tokens[j][1]])
                   # a participle after a plural ends the phrase ("any drones hitting Kessel"), as a
                   # name after a common word does ("any aid reaching Kessel")
                   and not (j > i + 2 and tokens[j][0].lower().endswith("ing") and tokens[j - 1][0].lower().endswith("s"))
                   and not (j > i + 2 and tokens[j][0][0].isupper() and not tokens[j - 1][0][0].isupper())):
                prevented_noun_at = j
                j += 1
        if pending and lw in _MODAL_PREDICATES:
            negate(key)  # "not managed to": the negation passes on, and covers "managed" too
            previous = lw
            continue
        # an adverb before the verb is not what is negated: "could not be independently verified"
        adverb = (lw.endswith("ly") and len(lw) > 4 and lw not in _NOT_ADVERBS and lw not in _DEGREE_ADVERBS
                  and (nxt.endswith(("ed", "en")) or nxt in PAST_FORMS or nxt in ("be", "been", "have")
                       # "did not immediately deny"; not "was not deadly, officials said"
                       or previous in _NEGATION_CUES and i + 1 < len(tokens)
                       and not _clause_break_in(norm[tokens[i][2]:tokens[i + 1][1]])))
        if pending and lw not in _SKIP_AFTER_CUE and not is_name and not adverb:
            if mode == "head":
                head = key
            elif (mode == "word" or previous in AUXILIARIES or lw.endswith(("ed", "en", "ing"))
                  or previous in _NEGATIVE_PRONOUNS and lw.endswith("s") and not lw.endswith("ss")):  # "Nobody knows"
                negate(key)
                pending = False
                if key in _NEGATION_PASSES_ON:
                    chain_to_at = i + 1
                if key in LETTING_VERBS:
                    letting_until, letting_end = i + 10, tokens[i][2]
                if key == _LET and nxt in _OBJECT_PRONOUNS and (
                        not cue_at or tokens[cue_at - 1][0].lower() not in _LET_MEANT):
                    let_verb_at = i + 2
        previous = lw
    if pending and mode == "head" and head:
        negate(head)
    slots = []
    for j, (key, is_name) in enumerate(content_positions):
        if is_name or key == initial:
            left = [k for k, n in content_positions[max(0, j - 2):j] if not n]
            right = [k for k, n in content_positions[j + 1:j + 3] if not n]
            slots.append((key, tuple("<" + k for k in left) + tuple(k + ">" for k in right)))
    for f in figures:  # what a bare count counts, read from its verb ("killed 300": people), is stated too
        if f.counts and f.counts.lower() not in text.lower():
            for w in f.counts.split():
                keys.setdefault(match_key(w))
    return TextAnalysis(tuple(keys), tuple(names), tuple(negated), figures, tuple(slots), initial,
                        tuple(_clause_keys(blanked, f.start, f.end) for f in figures),
                        tuple(_clause_partners(blanked, f.start, f.end) for f in figures),
                        tuple(tuple(r) for r in runs), tuple(denied))


def _clause(text: str, start: int, end: int) -> str:
    """The clause around text[start:end], bounded by ; : and sentence ends, or by a comma
    followed by a new clause."""
    # "... wounded 120 civilians and killed several fighters": "and" before a verb starts a clause
    boundary = r",\s+(?:but|while|and|as|which|who)\s|\s+(?:and|but)\s+(?=\w+ed\b)"
    left = re.split(r"[;:.!?]\s|" + boundary, text[max(0, start - 200):start])[-1]
    clause_end = r"[;:.!?](?:\s|$)|" + boundary
    right = re.split(clause_end, text[end:end + 200])[0]
    # "thousands of terrorists, many of them foreigners, who launched an offensive": what the
    # counted did is in the relative clause on them (only the counted phrase before it)
    after = text[end + len(right):end + 200]
    if re.match(r",\s+who\s", after) and _COUNTED_PHRASE_ONLY.match(right):
        right += " " + re.split(clause_end, after[1:])[0]
    return left + " " + right


# what a count's own phrase may hold before ", who": the counted noun (up to three words) and
# an aside on them ("thousands of terrorists, many of them foreigners, who launched ..."); a
# longer phrase may end on another noun ("12 villagers near the farm of the chief, who fled")
_COUNTED_PHRASE_ONLY = re.compile(r"\s*(?:of\s+)?(?:(?:the|their|its|his|her)\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}"
                                  r"(?:,\s+(?:many|most|some|all|several|half|dozens|hundreds)\s+of\s+them\s+[^,]{1,40})?$",
                                  re.IGNORECASE)


def _clause_keys(text: str, start: int, end: int) -> tuple[str, ...]:
    """Content keys of a figure's clause; its verbs ("killed", "wounded", "deployed") marked
    with a leading "!" as well, so that two clauses can be compared on what happened."""
    clause = _with_phrases(normalise_text(_clause(text, start, end)))
    keys = content_keys(clause)
    # Not a participle joined to the word before it: "HTS-led", "Russian-backed" say who, not
    # what happened; a prefix is part of the verb ("re-captured").
    verbs = ["!" + match_key(w) for w, start_w, _ in words(clause)
             if _is_content(w) and w[0].islower() and (w.lower().endswith(("ed", "en")) or w.lower() in PAST_FORMS)
             and not (clause[start_w - 1:start_w] == "-" and not _VERB_PREFIX.search(clause[:start_w - 1]))]
    # A participle that opens a phrase right before the figure is what happened to what it
    # counts (", killing dozens of them", "after wounding 12"); other "-ing" words are too
    # often nouns or adjectives ("despite ongoing fighting 300 fighters arrived").
    governing = _GOVERNING_PARTICIPLE.search(text[max(0, start - 40):start])
    if governing:
        # ", leaving 30 people dead": what happened is in the word after what it counts
        outcome = _LEFT_IN_STATE.match(text[end:end + 40]) if governing.group(1).lower() == "leaving" else None
        verbs.append("!" + match_key(_STATE_EVENT.get(outcome.group(1).lower(), outcome.group(1)) if outcome
                                     else governing.group(1)))
    return tuple(dict.fromkeys(keys + verbs))


_VERB_PREFIX = re.compile(r"\b(?:re|pre|co|un|de|dis|mis|over|under|out|counter|self)$")  # not "UN-backed"
_LEFT_IN_STATE = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(dead|killed|injured|wounded|homeless|displaced|missing)\b",
                            re.IGNORECASE)
_STATE_EVENT = {"dead": "killed"}
_GOVERNING_PARTICIPLE = re.compile(r"(?:,|\b(?:after|before|by|while|and))\s+([a-z]{3,}ing)\s+$")


_COORDINATED = re.compile(r"\b([A-Z][\w'-]+)\s+and\s+([A-Z][\w'-]+)")


def _clause_partners(text: str, start: int, end: int) -> tuple[tuple[str, str], ...]:
    """Names joined by "and" in the clause of a figure ("Russian and Syrian forces")."""
    return tuple((match_key(a), match_key(b)) for a, b in _COORDINATED.findall(normalise_text(_clause(text, start, end))))


# A discourse marker may come first ("However, these reports ...", "Meanwhile, it said ...").
_DISCOURSE_MARKER = r"(?:(?:however|meanwhile|moreover|furthermore|but|and|still|yet|also|separately|later|instead|" \
                    r"nevertheless|nonetheless|in addition|in turn|at the same time)\W+)?"
_ANAPHORIC_OPENER = re.compile(
    r"^\W*" + _DISCOURSE_MARKER + r"(?:it|he|she|they|this|that|these|those|its|his|her|their|there|"
    r"the (?:source|statement|command|ministry|center|centre|unit|group|office|agency|spokesman|spokesperson|official))\b",
    re.IGNORECASE)


_DEFINITE_OPENER = re.compile(r"^\W*" + _DISCOURSE_MARKER + r"the\s+([A-Za-z][\w'-]*)\b", re.IGNORECASE)


def antecedent_of(text: str, previous: Sequence[tuple[str, Sequence[str]]]) -> int | None:
    """Which of the sentences before (text, keys; nearest last) a sentence refers back to, if
    any: the previous one for a pronoun or a short definite reference ("It also said", "The
    source added"); for "The <noun> ..." the nearest of them that mentions the noun ("Russian
    aircraft conducted strikes ... The strikes were aimed at ..."). A capitalised word after
    "The" is a name ("The Syrian Armed Forces"), not a reference."""
    if not previous:
        return None
    norm = normalise_text(text)
    if _ANAPHORIC_OPENER.match(norm):
        return len(previous) - 1
    m = _DEFINITE_OPENER.match(norm)
    if not m or not m.group(1)[0].islower():
        return None
    noun = match_key(m.group(1))
    for j in range(len(previous) - 1, -1, -1):
        if noun in set(previous[j][1]):
            return j
    return None



_REFERRING = re.compile(r"\b(?:he|him|his|she|her|they|them|their|it|its|the\s+(?:country|city|group|president|"
                        r"leader|government|army|ministry|minister|agency|region))\b", re.IGNORECASE)


def refers_back(text: str) -> bool:
    """Whether a sentence holds a reference it does not resolve itself ("in the country",
    "quoted him"): who or where it means is named in the sentence before."""
    return bool(_REFERRING.search(normalise_text(text)))
