"""Rules checked on a corpus of our own, not the seeds: what they get right in ordinary news
English (cases from a review of the stance engine)."""

from __future__ import annotations

import pytest

from models.analysis import analyse
from models.figures import extract_figures
from models.text import match_key
from models.stance import ExplicitStanceScorer
from tests.conftest import verifier_over

ARTICLES = {
    "n1": "Raid on Harlow\nNot a single civilian was killed in the raid on Harlow, officials said. "
          "The army did not fail to capture the airport at Corwen.\n",
    "n2": "Kestrel shelling\nOfficials refused to comment on the casualties from the overnight shelling of Kestrel. "
          "Police denied that protesters had been arrested in Dunmore.\n",
    "n3": "Strikes on Idlib\nRussian strikes in Idlib wounded 120 civilians and killed several fighters. "
          "Syria said 2,000 soldiers were deployed to Homs. Rebels reached the outskirts of Aleppo in northern Syria.\n",
    "n4": "Government order\nThe government ordered an evacuation of Marden after the floods. "
          "The Nigerien army said 30 soldiers were killed near the border.\n",
    "n5": "Brora market\nArtillery shelled the market in Brora on Monday, killing 14 people. "
          "Engineers in Velmar strengthened the dam and trained volunteers.\n",
    "n6": "Corwen attack\nThe ministry said Norland had nothing to do with the attack on Corwen. "
          "Officials said Estria funded the militia in Dunmore.\n",
    "n7": "Flood talks\nThe governor of Marden held talks with Kestrel Mayor Jonas Albert Quill. "
          "Quill later visited the bridge. The governor of Marden warned that the river would burst its banks.\n",
    "n8": "Trade\nThe United States signed a trade deal with Norland on Monday. "
          "Officials said Washington approved a loan to Estria.\n",
    "n9": "Aid\nThe minister said Estria would firmly support the Norland army.\n",
    "n10": "Checkpoint\nSoldiers did not allow the reporters from Velmar to enter Corwen.\n",
    "n11": "Harwick\nTroops shelled the village of Harwick on Sunday, leaving 30 people dead.\n",
    "n12": "Looting\nA video circulating online appears to show soldiers looting shops in Brora. "
           "The video has not been verified.\n",
    "n14": "Border\nGuards stopped the migrants from crossing the river at Velmar.\n",
    "n15": "Harlow port\nHarlow, the second-largest city in Norland, reopened its port on Monday. "
           "Rebels launched the first major attack on Kestrel in years.\n",
    "n16": "Statement\nIn a statement on Monday, the Norland army said its soldiers had repelled an attack by Estrian jets. "
           "It also said the attack had been supported by foreign fighters.\n",
    # real countries: WordNet knows which words name one
    "n17": "Chad border\nChad said its army repelled an attack near Lake Chad on Sunday. Chadian officials said the "
           "attackers fled. Chad has asked its neighbours for help. Army tanks moved towards the town of Bol. "
           "Nigerian troops crossed the border near Bol. The Chadian army said it had repelled an attack near Bol. "
           "It also said 30 fighters were killed near Bol.\n",
    "n18": "Grain\nThe U.S. shipped grain to Velmar on Friday.\n",
    "n19": "Quake\nThe earthquake in Marden on Monday killed 300.\n",
    "n20": "Corwen airport\nThe rebel attack on the airport at Corwen killed 12 people on Sunday. "
           "Police were unable to stop protesters from reaching the main square in Dunmore.\n",
    "n21": "Ports\nVelmar, a port in Estria, lies close to Dunmore, the country's second-largest city. "
           "Kestrel, the third-largest city in Estria, sent aid to Norland.\n",
    "n22": "Ati\nChadian rebels said on Monday they had attacked an army base near Ati. "
           "It also said 14 soldiers were killed near Ati.\n",
    "n23": "Quote\nThe mayor of Harlow spoke on Monday. \u201cThe old dam will hold until spring,\u201d he stated, "
           "as quoted by the Velmar Gazette.\n",
    # a short name after the long one; one short name that could be either of two
    "n24": "Velmar statement\nIn a statement, the Norland General Command said the border was quiet. "
           "The Command added that rebels had failed to cross the river at Velmar.\n",
    "n25": "Ministries\nThe Estrian Defence Ministry and the Norland Defence Ministry met in Harlow. "
           "The Defence Ministry said the talks on the dam at Corwen had collapsed.\n",
    # two officials of one country; a capital speaking for its government
    "n26": "Corwen floods\nChadian Foreign Minister Jonas Berg visited Corwen on Monday. According to Piet Lund, "
           "deputy head of the Chadian Relief Agency, the floods destroyed 300 homes in Corwen.\n",
    "n27": "Pilots\nMoscow acknowledged that dozens of its pilots had been killed near Harlow.\n",
    # longer names that are other bodies and people
    "n28": "Velmar vote\nThe Social Democratic Party held a rally in Dunmore. "
           "The Democratic Party won the mayoral election in Velmar.\n",
    "n29": "Corwen dam\nThe Deputy Prime Minister met union leaders on Monday. The talks lasted four hours. "
           "The Prime Minister said the new dam at Corwen would be finished by spring.\n",
    # a first name that is also a country's; a deputy who contradicts the office itself
    "n30": "Lyon\nJordan Bardella, the leader of the National Rally, visited Lyon on Sunday. Crowds gathered in the "
           "square. Bardella said 40 people were arrested in Lyon after the protest.\n",
    "n31": "Dunmore bridge\nThe deputy prime minister said the bridge at Dunmore would reopen on Monday, "
           "contradicting the prime minister.\n",
    # two organs of one state, and people outside it
    "n32": "Tula\nThe Russian Defence Ministry said 20 drones were shot down over Tula on Sunday.\n",
    "n33": "Visits\nRussian Foreign Minister Sergei Lavrov visited Ankara. "
           "Russian opposition leader Alexei Navalny was jailed in 2021.\n",
    "n34": "Kursk\nZelensky said 12 civilians were killed in a strike on Kursk.\n",
    "n35": "Velmar villages\nUkraine's military said Ukrainian troops captured three villages near Velmar.\n",
    # from a seventh review: a ministry its owner names; a country speaking of another's; no answer yet
    "n36": "Bryansk\nThe Russian Defence Ministry said air defences destroyed 20 drones over the Bryansk region. "
           "Ukraine's Defence Ministry said Ukrainian drones had hit an oil refinery in Bryansk.\n",
    "n37": "Convoy\nTurkey said the attack on the convoy near Harlow was carried out by Russian mercenaries.\n",
    "n38": "Corwen strike\nIsrael's military did not immediately confirm the strike near Corwen.\n",
    "n39": "Harlow dam\nMayor Quill emphasised that the new dam at Harlow would hold through the winter, "
           "the Velmar Gazette reported.\n",
    # a person named short after the title the article gives her; two people of one surname
    "n40": "Velmar floods\nChadian Prime Minister Lena Marsh visited Velmar on Monday. "
           "Marsh pledged aid for the flood victims in Velmar. Marsh said the dam at Corwen was safe. "
           "Marsh said the defence minister had resigned. Critics of Marsh said the bridge at Corwen was unsafe.\n",
    "n41": "Harlow trial\nThe court sentenced Tom Varga, a cousin of Nigerian Prime Minister Ana Varga, on Friday. "
           "Varga said the trial in Harlow was fair.\n",
    # "the city" names what the sentence before it named, more often than a place before it in its own
    "n42": "Dunmore governor\nRebels entered Dunmore at dawn. Fighters who had driven down from Harwick overnight "
           "said the city's governor had fled.\n",
    "n13": "Salma\nSoldiers crushed an attempt by rebels to advance toward the town of Velmar in the Corwen countryside.\n",
}


@pytest.fixture(scope="module")
def verifier(tmp_path_factory, engine):
    return verifier_over(ARTICLES, tmp_path_factory.mktemp("news"), engine)


@pytest.mark.parametrize("claim,verdict", [
    ("Police denied that protesters had been arrested in Dunmore", "SUPPORTED"),     # a denial reported by both
    ("Police denied that protesters had been injured in Dunmore", "NOT_ENOUGH_INFO"),  # they denied another thing
    ("A civilian was killed in the raid on Harlow", "REFUTED"),                      # "not a single": the verb
    ("The army captured the airport at Corwen", "SUPPORTED"),                       # "did not fail to": asserted
    ("The overnight shelling of Kestrel caused casualties", "NOT_ENOUGH_INFO"),      # refusing to comment negates "comment"
    ("Russian strikes in Idlib killed 40 civilians", "NOT_ENOUGH_INFO"),             # 120 were wounded, not killed
    ("Syria said 500 soldiers were killed in Homs", "NOT_ENOUGH_INFO"),              # 2,000 were deployed, not killed
    ("Rebels reached the outskirts of Damascus", "NOT_ENOUGH_INFO"),                 # Syria is not its capital city
    ("The governor ordered an evacuation of Marden", "NOT_ENOUGH_INFO"),             # governor is not government
    pytest.param("Nigerian soldiers were killed near the border", "NOT_ENOUGH_INFO", marks=pytest.mark.xfail(
        strict=True, reason="known limit: 'Nigerien' is one letter from 'Nigerian', as spelling variants are "
                            "('Ignasyuk'/'Ignatiuk'); no demonym lexicon ships here to tell them apart")),
    ("Syria", "NOT_ENOUGH_INFO"),                                                    # too little to check
    ("Shelling of the Brora market killed 14 people", "SUPPORTED"),                 # ", killing 14": what happened
    ("Shelling of the Brora market killed 40 people", "REFUTED"),
    ("Engineers beefed up the dam", "SUPPORTED"),                                    # WordNet: strengthened
    ("The ministry said Norland backed the attack on Corwen", "REFUTED"),            # "nothing to do with" it
    ("The ministry said Norland condemned the attack on Corwen", "NOT_ENOUGH_INFO"),  # not a way of taking part
    ("Officials said Estria had nothing to do with the militia in Dunmore", "REFUTED"),  # it funded it
    # the talks took place, but not with that said in them
    ("The governor of Marden told Kestrel Mayor Jonas Albert Quill in a phone call that the dam was safe",
     "NOT_ENOUGH_INFO"),
    ("The governor of Marden warned that the river would burst its banks", "SUPPORTED"),
    ("The US signed a trade deal with Norland", "SUPPORTED"),                       # US: United States
    ("America signed a trade deal with Norland", "SUPPORTED"),
    ("Washington signed a trade deal with Norland", "SUPPORTED"),                   # the capital as an actor
    ("The United States approved a loan to Estria", "SUPPORTED"),                   # "Washington approved"
    ("The UK signed a trade deal with Norland", "NOT_ENOUGH_INFO"),                 # United Kingdom: one word shared
    ("The United States shipped grain to Velmar", "SUPPORTED"),                     # "The U.S.": dots and all
    ("The US shipped grain to Velmar", "SUPPORTED"),
    ("The minister said Estria would withdraw its support for the Norland army", "REFUTED"),  # ends support
    ("The minister said Estria would end all support for the Norland army", "REFUTED"),
    ("The reporters from Velmar entered Corwen", "REFUTED"),                        # not allowed to enter
    ("Troops shelling the village of Harwick killed 30 people", "SUPPORTED"),       # "leaving 30 people dead"
    ("Troops shelling the village of Harwick killed 20 people", "REFUTED"),
    ("Troops shelling the village in Velmar killed 20 people", "NOT_ENOUGH_INFO"),  # a count in another place
    ("The earthquake in Marden killed about 300 people", "SUPPORTED"),            # "killed 300": people
    ("The earthquake in Marden killed 3,000 people", "REFUTED"),
    # what the claim asserts is that it was verified: a passage that only shows it does not say so
    ("The video said to show soldiers looting shops in Brora has been independently verified", "REFUTED"),
    # "authenticated" says "verified" ("authentic" does not: test_authentic_is_not_read_as_verified)
    ("The video of soldiers looting shops in Brora has been authenticated", "REFUTED"),
    # another town in the same slot is a conflict only in a passage that states the rest
    ("Soldiers crushed an attempt by rebels to advance toward the town of Brora", "REFUTED"),
    ("Soldiers recaptured the town of Brora from the rebels", "NOT_ENOUGH_INFO"),
    ("The migrants crossed the river at Velmar", "REFUTED"),                        # stopped from crossing
    ("Guards stopped the migrants from crossing the river at Velmar", "SUPPORTED"),
    # a verb the claim negates against the same word as a noun: no verdict ("did not visit" is not
    # contradicted by "cancelled her visit"), though here the noun states it (from two reviews)
    ("Rebels did not attack the airport at Corwen", "NOT_ENOUGH_INFO"),
    ("Protesters reached the main square in Dunmore", "SUPPORTED"),        # police were unable to stop them
    # a rank is a fact about what it ranks: the same quantity where the passage names it
    # "It also said": the army said it; the Estrian jets in the sentence before did not
    ("The Norland army said the attack had been supported by foreign fighters", "SUPPORTED"),
    ("Estria's government said the attack had been supported by foreign fighters", "REFUTED"),
    # an article on Chad: its plain "army tanks" are Chad's, not Nigeria's
    ("Chadian army tanks moved towards the town of Bol", "SUPPORTED"),
    ("Nigerian army tanks moved towards the town of Bol", "NOT_ENOUGH_INFO"),
    ("Chadian troops crossed the border near Bol", "REFUTED"),  # the passage names another country
    ("Chad's army said 30 fighters were killed near Bol", "SUPPORTED"),   # "It also said": the Chadian army
    ("Chad's army said 14 soldiers were killed near Ati", "REFUTED"),     # Chadian rebels said it, not the army
    # "he stated, as quoted by the Gazette": the mayor said it; the Gazette only quotes him
    ("The mayor of Harlow said the old dam would hold until spring", "SUPPORTED"),
    ("Harlow is Norland's third-largest city", "REFUTED"),
    ("Harlow is the second-largest city in Norland", "SUPPORTED"),
    ("Corwen is Norland's third-largest city", "NOT_ENOUGH_INFO"),
    ("Velmar is Estria's second-largest city", "NOT_ENOUGH_INFO"),   # Dunmore is ranked there, not Velmar
    ("Velmar is Estria's third-largest city", "NOT_ENOUGH_INFO"),
    ("Kestrel is the third-largest city in Norland", "NOT_ENOUGH_INFO"),  # ranked in Estria
    # "rebel-led" says who, not what happened: the attack is the same event
    ("The rebel-led assault on Kestrel was the first major attack there in years", "SUPPORTED"),
    # "The Command" is the Norland General Command its article named before
    ("The Norland General Command said rebels had failed to cross the river at Velmar", "SUPPORTED"),
    ("The Norland General Command said rebels had not managed to cross the river at Velmar", "SUPPORTED"),
    ("The Norland Defence Ministry said the talks on the dam at Corwen had collapsed", "NOT_ENOUGH_INFO"),
    # one country does not make two of its officials one asserter; the country itself may be either
    ("Chadian Foreign Minister Jonas Berg said the floods destroyed 300 homes in Corwen", "REFUTED"),
    ("Piet Lund said the floods destroyed 300 homes in Corwen", "SUPPORTED"),
    ("The Social Democratic Party won the mayoral election in Velmar", "NOT_ENOUGH_INFO"),
    ("The Deputy Prime Minister said the new dam at Corwen would be finished by spring", "NOT_ENOUGH_INFO"),
    ("The Prime Minister said the bridge at Dunmore would reopen on Monday", "NOT_ENOUGH_INFO"),  # the deputy said it
    # another organ of the same state, or someone outside it, is another asserter; "the military" may be any organ
    ("Russian Foreign Minister Sergei Lavrov said 20 drones were shot down over Tula on Sunday", "REFUTED"),
    ("Russian opposition leader Alexei Navalny said 20 drones were shot down over Tula on Sunday", "REFUTED"),
    ("The Russian military said 20 drones were shot down over Tula on Sunday", "SUPPORTED"),
    ("Lavrov said on Monday that 12 civilians were killed in a strike on Kursk", "REFUTED"),   # Zelensky said it
    # another side's troops: another event, not another speaker (fourth review)
    ("Russia's Defence Ministry said on Monday that troops captured three villages near Velmar", "NOT_ENOUGH_INFO"),
    ("Russia said Ukrainian drones had hit an oil refinery in Bryansk", "REFUTED"),       # Ukraine's ministry said it
    ("Russia said the attack on the convoy near Harlow was carried out by Russian mercenaries", "REFUTED"),
    ("Israel's military confirmed the strike near Corwen", "NOT_ENOUGH_INFO"),            # no answer yet
    # the one who emphasised it is speaking; the Gazette only reports it
    ("Quill said the new dam at Harlow would hold through the winter", "SUPPORTED"),
    ("Russia acknowledged that dozens of its pilots had been killed near Harlow", "SUPPORTED"),
])
def test_verdicts_in_general_english(verifier, claim, verdict):
    out = verifier.verify(claim, top_k=5)
    assert out["verdict"] == verdict, [(e["passage_id"], e["stance"], e["reasons"]) for e in out["evidence"]]


@pytest.mark.parametrize("text, negated", [
    ("The army did not allow journalists to enter the city", ("allow", "enter")),
    ("The military is not allowing terrorists that launched an offensive to establish positions", ("allow", "establish")),
    ("The army did not allow journalists, who wanted to stay, to leave", ("allow",)),   # a clause between
    ("The army allowed journalists to enter", ()),
])
def test_negated_letting_passes_on_to_the_verb_after_its_object(text, negated):
    assert analyse(text).negated == negated


@pytest.mark.parametrize("text, negated", [
    ("Heavy strikes stopped them from establishing positions", ("establish",)),
    ("Police prevented protesters from reaching the square", ("reach",)),
    ("Guards stopped U.S. citizens from crossing the river", ("cross",)),        # the dots end no clause
    ("The army did not stop the militants from entering the city", ("stop",)),   # asserts they entered
    ("Rebels blocked the road from Aleppo, cutting supplies", ()),                 # "from" a place
    # only a preventing that happened (from a review)
    ("Police were unable to stop protesters from reaching the square", ("stop",)),   # they did not stop them
    ("A court order would bar the union from holding strikes", ()),
    ("Police tried to stop protesters from reaching the square", ()),
    ("The gang kept the profits from smuggling fuel", ()),
])
def test_preventing_negates_the_verb_after_from(text, negated):
    assert analyse(text).negated == negated


def test_a_negated_verb_is_not_contradicted_by_the_same_word_as_a_noun(wordnet):
    claim = "Troops stopped the rebels from advancing on Hama."
    assert _one_passage(claim, "Amid a rapid advance of the rebels towards Hama, troops halted attempts to invade the city.",
                        wordnet) != "REFUTES"
    assert _one_passage(claim, "The rebels were advancing on Hama, troops said.", wordnet) == "REFUTES"


# From a second review: cases the first fixes got wrong.

@pytest.mark.parametrize("claim, passage", [
    ("The minister did not visit Harwick on Monday.", "The minister cancelled her visit to Harwick on Monday."),
    ("The army did not attack the airport at Corwen.", "The army repelled an attack on the airport at Corwen."),
    ("The UN-backed government said 40 fighters were killed near Harlow.",         # "UN-" is no prefix
     "The UN-backed government said 30 fighters were captured near Harlow."),
    ("Kestrel is the third-largest city in Norland.", "Kestrel, the second largest city in Estria, sent aid to Norland."),
    ("Harlow is the second-largest city in the north.", "Harlow, the third-largest city in Norland, reopened its port."),
    ("Harlow is the second-largest city in Norland.", "Kestrel, the second-largest city in Estria, sent aid to Norland."),
    ("The letter from the mayor is authentic.", "The letter from the mayor has not been authenticated."),
])
def test_not_refuted(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) != "REFUTES"


@pytest.mark.parametrize("text, negated", [
    ("Police managed to stop protesters from reaching the square", ("reach",)),
    ("Guards were able to prevent the migrants from crossing the river", ("cross",)),
    ("Troops sent to Velmar stopped the rebels from crossing the river", ("cross",)),
    ("Heavy shelling kept the rebels from advancing on Hama", ("advanc",)),
    ("The army kept civilians safe from shelling", ()),
    ("The UN did not supply detailed figures", ("suppli",)),          # "supply" is a verb, not an adverb
    ("The footage could not immediately be verified", ("verifi",)),
])
def test_negation_after_the_second_review(text, negated):
    assert analyse(text).negated == negated


def test_a_people_named_anywhere_in_a_run_or_in_the_plural_is_another_country(wordnet):
    scorer = ExplicitStanceScorer({}, lexicon=wordnet)
    chad = wordnet.country_of("Chad")
    assert scorer.names_elsewhere("Several Nigerian soldiers crossed the border near Bol.", chad)
    assert scorer.names_elsewhere("The attackers, mostly Nigerians, burned the granary near Bol.", chad)
    assert scorer.article_country(["Michael Jordan scored 30 points."] * 4) is None


def test_an_adverb_before_the_verb_is_not_what_is_negated(wordnet):
    assert analyse("The footage could not be independently verified.").negated == ("verifi",)
    assert _one_passage("The footage has been verified.", "The footage could not be independently verified.",
                        wordnet) == "REFUTES"


def test_authentic_is_not_read_as_verified(wordnet):
    # "authenticity" shares its stem with "authenticated"; neither is refuted by "unverified"
    passage = "The video is unverified, experts said."
    assert _one_passage("Experts doubted the authenticity of the video.", passage, wordnet) != "REFUTES"
    assert _one_passage("The video is authentic, experts said.", passage, wordnet) != "REFUTES"


def test_a_prefix_is_part_of_the_verb_but_a_name_before_a_hyphen_is_not():
    [reoccupied] = analyse("Rebels re-occupied 4 villages near Brora.").figure_contexts
    assert "!occupi" in reoccupied
    [led] = analyse("The HTS-led assault was the first major attack in years.").figure_contexts
    assert "!lead" not in led


def test_negation_targets():
    assert analyse("Nobody was injured in the blast").negated == ("injur",)
    assert analyse("The government denied that its forces had shelled the hospital.").negated == ("shell",)
    assert analyse("Officials refused to comment on the casualties.").negated == ("comment",)
    assert analyse("no more than 40 civilians died").negated == ()


def test_an_acronym_is_not_a_stopword():
    assert "us" in analyse("US strikes killed about 300 terrorists").keys


def test_a_reversed_range_is_ordered():
    [f] = extract_figures("between 100 and 50 terrorists")
    assert (f.low, f.high) == (50, 100)


def test_a_participle_before_a_figure_is_its_event_but_not_a_noun_in_ing():
    killing, = analyse("Artillery shelled the market, killing 14 people.").figure_contexts
    assert "!kill" in killing
    arrived, = analyse("Despite ongoing fighting 300 fighters arrived.").figure_contexts
    assert "!fight" not in arrived and "!arriv" in arrived


# Related words (WordNet) in ordinary news English: pairs a lexicon must not turn into support
# (from a review of the lexicon), and paraphrases it should find. Scored one passage at a time.

MUST_NOT_SUPPORT = [
    ("Russian forces left Kherson.", "Russian forces remain in Kherson."),
    ("The US sanctioned Iranian banks.", "The US cleared Iranian banks."),
    ("Russia deployed troops near Kharkiv.", "Russia has troops in positions near Kharkiv."),
    ("Russia launched missiles at Kyiv.", "Investigators found missiles in Kyiv."),
    ("The court rejected the appeal.", "The court evaluated the appeal."),
    ("Police injured protesters in Tbilisi.", "Police fired on protesters in Tbilisi."),
    ("Police injured protesters in Tbilisi.", "Police raised barricades against protesters in Tbilisi."),
    ("Protesters attacked the police in Tbilisi.", "Protesters criticised the police in Tbilisi."),
    ("The army captured the town of Morek.", "The army represents the town of Morek."),
    ("The army accused rebels near Morek.", "The army launched an offensive against rebels near Morek."),
    ("Israel bombed the hospital in Gaza.", "Israel failed the hospital in Gaza."),
    ("The minister blamed Hamas for the blast.", "The minister blessed Hamas for the blast."),
    ("Rebels fired rockets at the airport.", "Rebels dismissed rockets at the airport."),
    ("Israel bombed the Gaza hospital.", "Turkey condemned Israel over the Gaza hospital."),
    ("Parliament killed the bill.", "Parliament defeated the bill."),
    ("The army captured Morek.", "The army caught Morek."),
    # countries named in several words: only the whole name in a row, a capital only as an actor
    ("The US called for a ceasefire in Gaza.", "The United Nations called for a ceasefire in Gaza, urging member states to act."),
    ("The UK signed a defence pact with Saudi Arabia.", "The United States signed a defence pact with the Kingdom of Saudi Arabia."),
    ("The UN condemned the coup in Niger.", "The United States and other nations condemned the coup in Niger."),
    ("The EU imposed sanctions on Mali.", "The African Union imposed sanctions on Mali, European diplomats said."),
    ("The United Kingdom banned the group.", "The group was banned at a rally in London."),
    ("The United States expelled Russian diplomats.", "The Washington Post reported that Russia expelled diplomats."),
    # irregular forms read as what they are listed as: "found" is "find", not "found" (establish)
    ("Russian forces launched missiles at Kyiv.", "Russian investigators found missiles in Kyiv."),
    ("The army established a base near Morek.", "The army found a base near Morek."),
    ("Tesla cut prices in China.", "Tesla saw prices rise in China."),
    ("The video of the shelling has been verified.", "A video appears to show the shelling."),
    pytest.param("The United States sanctioned Iranian banks.", "The United States approved Iranian banks.",
                 marks=pytest.mark.xfail(strict=True, reason="known limit: WordNet's commonest sense of "
                                         "'sanction' is 'approve'; the word is its own opposite")),
]
PARAPHRASES = [  # short claims: without the lexicon the one word missing leaves 67% covered
    ("The regime killed prisoners.", "The regime executed prisoners."),
    # (not an operation: "Airstrikes started" / "commenced" is read as one begun, lexicon or not)
    ("Negotiations started in Aleppo.", "Negotiations commenced in Aleppo."),
    ("Israel attacked the hospital.", "Israel bombed the hospital."),
    ("Troops protected civilians.", "Troops shielded civilians."),
    ("Engineers strengthened the dam.", "Engineers reinforced the dam."),
    pytest.param("Jets hit positions.", "Jets pounded positions.", marks=pytest.mark.xfail(
        strict=True, reason="known limit: WordNet's commonest sense of 'hit' is hitting a ball; only that sense lends")),
]


def _one_stance(claim: str, passage: str, lexicon=None):
    from models.stance import PassageView
    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    idf = {k: 2.0 for k in set(ca.keys) | set(pa.keys)}
    names = {match_key(n) for n in ca.names + pa.names} | {k for run in ca.name_runs + pa.name_runs for k in run}
    scorer = ExplicitStanceScorer(idf, common_keys=frozenset(idf) - names, lexicon=lexicon)
    return scorer.score(claim, ca, [PassageView(passage, pa, 0.5)])[0]


def _one_stance_after(claim: str, passage: str, context: str, lexicon=None):
    """One passage read with the sentence it refers back to (`context`), as the verifier gives it."""
    from models.stance import PassageView
    ca, pa, xa = analyse(claim, denial_negates=False), analyse(passage), analyse(context)
    scorer = ExplicitStanceScorer({k: 2.0 for k in set(ca.keys) | set(pa.keys) | set(xa.keys)}, lexicon=lexicon)
    return scorer.score(claim, ca, [PassageView(passage, pa, 0.5, tuple(xa.keys), 1.0, context_text=context)])[0]


def _one_passage(claim: str, passage: str, lexicon) -> str:
    return _one_stance(claim, passage, lexicon).label


@pytest.mark.parametrize("claim, passage", MUST_NOT_SUPPORT)
def test_related_words_do_not_support_another_statement(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) != "SUPPORTS"


@pytest.mark.parametrize("claim, passage", PARAPHRASES)
def test_related_words_find_paraphrases(wordnet, claim, passage):
    assert _one_passage(claim, passage, None) != "SUPPORTS"     # not without the lexicon
    assert _one_passage(claim, passage, wordnet) == "SUPPORTS"


def test_reported_content_is_what_follows_that_after_a_verb_of_saying():
    from models.stance import reported_content
    assert reported_content("Assad told Sudani that terrorism only understands force", {"assad", "sudani"}) == \
        {"terror", "understand", "forc"}
    assert reported_content("Assad held talks with Sudani", set()) == frozenset()
    assert reported_content("The army said it retook Hama", set()) == frozenset()   # no "that": not read


@pytest.mark.parametrize("text, negated", [
    ("Iran would withdraw its support from the army", ("support",)),
    ("Washington will cut all aid to the rebels", ("aid",)),
    ("Estria is ending its funding of the militia", ("fund",)),
    ("The army withdrew from Hama", ()),                                        # troops, not support
    ("The minister urged Estria to end its support for the rebels", ()),        # a proposal
    ("Estria refused to end its support for the rebels", ("end",)),             # a refusal: "end" negated
    ("Estria withdrew its support for the rebels last year", ()),               # there was support before
    ("Fighting will cut aid workers off from Marden", ()),                      # aid workers
])
def test_ending_support_negates_it_only_where_it_is_asserted(text, negated):
    assert analyse(text).negated == negated


@pytest.mark.parametrize("claim, passage, conflict", [
    ("Police said the driver had nothing to do with the crash at the train station",
     "Police said the driver had nothing to do with the crash at the train station", False),   # both deny
    ("Norland backed the rebels in Dunmore",
     "The minister, who had nothing to do with the talks, said Norland backed the rebels in Dunmore", False),
    ("Iran funded the militia in Dunmore",
     "Iraq said Iran funded the militia in Dunmore but had nothing to do with the attack", False),  # says it too
    ("Norland had nothing to do with the attack on Corwen",
     "Norland condemned the attack on Corwen, which Estria had planned", False),              # another actor
    ("The US backed the offensive", "The United States has nothing to do with this offensive", True),
    ("Officials said Estria had nothing to do with the militia", "Officials said Estria funded the militia.", True),
])
def test_nothing_to_do_with_against_taking_part(claim, passage, conflict):
    from models.stance import involvement_conflict
    found = involvement_conflict(claim, analyse(claim, denial_negates=False), passage, analyse(passage))
    assert bool(found) == conflict, found


# Found on the claim sets' misses: a predicate said in other words.

@pytest.mark.parametrize("claim, passage", [
    # "closely" says how, not what: "close" is no predicate the passage must state
    ("Harlow's trade is closely tied to Norland's economy.", "Harlow's trade is tied to Norland's economy."),
    # one denial in other words
    ("The ministry rejected reports that troops had left Harlow.",
     "The ministry denied reports that troops had left Harlow."),
])
def test_the_same_predicate_in_other_words_supports(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) == "SUPPORTS"


@pytest.mark.parametrize("claim, passage", [
    ("The minister retreated from the treaty.", "The minister treated the treaty as void."),   # not "again treat"
    ("The governor resigned the post in Harlow.", "The governor signed the post in Harlow."),
    ("The ministry rejected the plan for Harlow.", "The ministry ejected the plan for Harlow."),
    ("The border was closed to trade.", "The border was closely watched for trade."),        # "closely" is no "closed"
    # from a review of these rules: a "re-" verb says it happened again, not that it happened
    ("Police reacted to the protest in Kirkby.", "Police acted to stop the protest in Kirkby."),
    ("Norland rejoined the fisheries pact with Estria.",
     "Norland joined the fisheries pact with Estria in 1995 and left it in 2010."),
    # who prevented whom
    ("Floods stopped the army from reaching Brantford.", "The floods did not reach Brantford, but the army did."),
    ("The army stopped the rebels from entering Corwen.", "The rebels said the army did not enter Corwen on Tuesday."),
    # a failure of something else
    ("The dam at Harlow failed.", "Engineers did not manage to inspect the dam at Harlow."),
    ("The talks in Harlow failed.", "The talks in Harlow went ahead; negotiators had never managed to meet before."),
    # deny, reject and dismiss are one only of reports and claims
    ("The governor dismissed the police chief of Harlow.", "The governor denied the police chief of Harlow had resigned."),
    ("The Dunmore council rejected the plan to build a dam at Larne.",
     "The Dunmore council denied there was a plan to build a dam at Larne."),
    ("The minister denied the reports of troop movements near Ashby.",
     "The minister did not reject the reports of troop movements near Ashby."),
])
def test_look_alike_predicates_do_not_support(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) != "SUPPORTS"


def test_authenticated_is_refuted_by_unverified(wordnet):
    assert _one_passage("The video of the looting has been authenticated.",
                        "An unverified video appears to show the looting.", wordnet) == "REFUTES"


@pytest.mark.parametrize("claim, passage", [
    # "failed to" says "did not manage to", and the other way round
    ("Rebels did not manage to capture the bridge at Harlow.", "Rebels failed to capture the bridge at Harlow."),
    ("Rebels failed to capture the bridge at Harlow.", "Rebels did not manage to capture the bridge at Harlow."),
])
def test_failing_and_preventing_said_in_other_words_support(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) == "SUPPORTS"


@pytest.mark.parametrize("claim, passage", [
    ("Rebels managed to capture the bridge at Harlow.", "Rebels failed to capture the bridge at Harlow."),
    ("Rebels failed to capture the bridge at Harlow.", "Rebels managed to capture the bridge at Harlow."),
    ("Heavy shelling stopped the rebels from crossing the river at Velmar.",
     "The rebels crossed the river at Velmar amid heavy shelling."),
])
def test_failing_against_managing_is_a_conflict(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) == "REFUTES"


@pytest.mark.parametrize("claim, passage", [
    # a denial or a failure itself negated: "did not reject" is no rejection (from a review)
    ("The minister rejected the reports of troop movements near Ashby.",
     "The minister did not reject the reports of troop movements near Ashby."),
    ("Police denied that protesters had been arrested in Dunmore.",
     "Police did not deny that protesters had been arrested in Dunmore."),
    ("The army failed to capture the airport at Corwen.", "The army did not fail to capture the airport at Corwen."),
    # what nearly happened did not happen (a figure's "nearly 300" is a bound, read by models.figures)
    ("Rebels nearly captured the bridge at Harlow.", "Rebels captured the bridge at Harlow."),
    ("Rebels captured the bridge at Harlow.", "Rebels almost captured the bridge at Harlow."),
])
def test_a_negated_denial_or_failure_contradicts_it(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) == "REFUTES"


@pytest.mark.parametrize("claim, passage", [
    ("The minister praised the management of the port at Galway.",
     "The minister praised the management of the port at Galway and blamed failed reforms in Norland."),
    ("The vice president will succeed the president of Tarland.",
     "The vice president will succeed the president of Tarland, who failed a health check."),
])
def test_a_failure_elsewhere_in_the_passage_is_no_conflict(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) != "REFUTES"


def test_long_forms_are_a_country_of_one_name(wordnet):
    scorer = ExplicitStanceScorer({}, common_keys=frozenset(match_key(w) for w in "command ministry minister".split()),
                                  lexicon=wordnet)
    article = scorer.article_names(["The Syrian General Command said so.", "Sean Savett said so.",
                                    "The Russian Defence Ministry and the Syrian Defence Ministry met.",
                                    "The Deputy Prime Minister spoke."])
    assert scorer.long_forms("The Command added that it held.", article) == ("syrian",)
    assert scorer.long_forms("The country's General Command added that it held.", article) == ("syrian",)
    assert scorer.long_forms("Savett added that it held.", article) == ()          # not a country
    assert scorer.long_forms("The Defence Ministry said so.", article) == ()       # Russian or Syrian
    assert scorer.long_forms("The Prime Minister said so.", article) == ()         # another office


def test_full_names_of_people_named_by_surname(wordnet):
    scorer = ExplicitStanceScorer({}, common_keys=frozenset(match_key(w) for w in "foreign minister command".split()),
                                  lexicon=wordnet)
    article = scorer.article_names(["Iranian Foreign Minister Abbas Araghchi flew in.", "Bashar Assad spoke.",
                                    "Hafez Assad ruled before him.", "The General Command said so."])
    assert scorer.full_names("Araghchi said it would help.", article) == (("abba", "araghchi"),)  # not the title
    assert scorer.full_names("Assad said so.", article) == ()        # Bashar or Hafez
    assert scorer.full_names("The Command added it.", article) == ()  # an organ, not a person
    # a place is no surname: "Jordan" after "Jim Jordan" (a review's probe)
    assert scorer.full_names("Jordan closed the border.", scorer.article_names(["Jim Jordan spoke."])) == ()


def _in_article(claim: str, passage: str, article: list[str], lexicon) -> str:
    """The stance of a passage of `article` (which it is part of) on a claim."""
    from models.stance import PassageView
    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    texts = [analyse(t) for t in article]
    idf = {k: 2.0 for k in set(ca.keys) | {k for t in texts for k in t.keys}}
    names = {k for a in [ca, *texts] for run in a.name_runs for k in run} | {match_key(n) for a in [ca, *texts] for n in a.names}
    scorer = ExplicitStanceScorer(idf, common_keys=frozenset(idf) - names, lexicon=lexicon)
    view = PassageView(passage, pa, 0.5, full_names=scorer.full_names(passage, scorer.article_names(article)))
    return scorer.score(claim, ca, [view])[0].label


ARAGHCHI = ["In Geneva Abbas Araghchi met envoys.", "Araghchi said Iran would send aid to Syria."]


@pytest.mark.parametrize("claim, label", [
    ("Abbas Araghchi said Iran would send aid to Syria.", "SUPPORTS"),
    # the claim's own words before the surname, each the full name's (a review's probes)
    ("Sergei Araghchi said Iran would send aid to Syria.", "NEUTRAL"),
    ("Araghchi said in Geneva that Iran would send aid to Syria.", "NEUTRAL"),
])
def test_a_surname_lends_the_given_names_the_claim_writes_with_it(wordnet, claim, label):
    assert _in_article(claim, ARAGHCHI[1], ARAGHCHI, wordnet) == label


@pytest.mark.parametrize("claim, passage, label", [
    # a capital after officials is their government ("the corpus never mentions 'ankara'" was c009's reason)
    ("Lavrov phoned his counterparts in Ankara on Saturday.", "Lavrov phoned his Turkish counterparts on Saturday.",
     "SUPPORTS"),
    ("Lavrov met residents in Ankara on Saturday.", "Lavrov met Turkish residents on Saturday.", "NEUTRAL"),
])
def test_officials_in_a_capital_are_its_governments(wordnet, claim, passage, label):
    assert _one_stance(claim, passage, wordnet).label == label


MARLOW = "Marlow said the bridge at Dunmore would reopen on Monday."


@pytest.mark.parametrize("claim, passage, label", [
    # who speaks or acts for someone, or is kin to them, is not them (a review's probes)
    ("Marlow's deputy said the bridge at Dunmore would reopen on Monday.", MARLOW, "NEUTRAL"),
    ("A spokesman for Marlow said the bridge at Dunmore would reopen on Monday.", MARLOW, "NEUTRAL"),
    ("The wife of Marlow said the bridge at Dunmore would reopen on Monday.", MARLOW, "NEUTRAL"),
    ("Marlow's wife visited the bridge at Dunmore on Monday.", "Marlow visited the bridge at Dunmore on Monday.",
     "NEUTRAL"),
    ("Marlow said the bridge at Dunmore would reopen on Monday.", MARLOW, "SUPPORTS"),
    ("Marlow's spokesman said the bridge at Dunmore would reopen on Monday.",
     "A spokesperson for Marlow said the bridge at Dunmore would reopen on Monday.", "SUPPORTS"),
    # the second review's probes: one group's words say one another; the proxy of the same one;
    # a proxy the claim names is for names to decide; an aide is not aid
    ("Marlow's spokesman said the bridge at Dunmore would reopen on Monday.",
     "Marlow's press secretary said the bridge at Dunmore would reopen on Monday.", "SUPPORTS"),
    ("Marlow's adviser said the bridge at Dunmore would reopen on Monday.",
     "An advisor to Marlow said the bridge at Dunmore would reopen on Monday.", "SUPPORTS"),
    ("Marlow's wife Ann said the bridge at Dunmore would reopen on Monday.",
     "Ann Marlow said the bridge at Dunmore would reopen on Monday.", "SUPPORTS"),
    ("Marlow's aide said the city would support the plan for Dunmore.",
     "Marlow said the city would support the plan for Dunmore.", "NEUTRAL"),
    ("Marlow's deputy said the bridge at Dunmore would reopen on Monday.",
     "Ann Marlow, deputy mayor, said the bridge at Dunmore would reopen on Monday.", "NEUTRAL"),
    ("Gallup's representative survey found the bridge at Dunmore unsafe.",
     "Gallup's survey found the bridge at Dunmore unsafe.", "SUPPORTS"),
])
def test_a_proxy_is_not_the_one_it_speaks_for(wordnet, claim, passage, label):
    s = _one_stance(claim, passage, wordnet)
    assert s.label == label, s.reasons


def test_abbas_araghchis_deputy_is_not_araghchi(wordnet):
    assert _in_article("Abbas Araghchi's deputy said Iran would send aid to Syria.", ARAGHCHI[1], ARAGHCHI,
                       wordnet) == "NEUTRAL"


def test_a_person_named_in_full_is_met_by_the_surname(verifier):
    out = verifier.verify("Jordan Bardella said 40 people were arrested in Lyon after the protest", top_k=5)
    assert out["verdict"] == "SUPPORTED", [(e["passage_id"], e["stance"], e["reasons"]) for e in out["evidence"]]


def test_a_persons_first_name_lends_no_country(verifier):
    out = verifier.verify("Jordan said 40 people were arrested in Lyon after the protest", top_k=5)
    assert out["verdict"] != "SUPPORTED", [(e["passage_id"], e["stance"], e["reasons"]) for e in out["evidence"]]


# From the second to the sixth review of the rules of 2026-11-22: each case is one a reviewer found
# (one speaker named two ways, one country's organs, denials that are none, capitals, offices).

NEGATED_AFTER_REVIEWS = [
    # third review
    ("No one in the government denied that troops had shelled the hospital.", ("deni",)),   # nobody denied it
    ("Not long after the attack the ministry denied that troops retreated.", ("retreat",)),  # when, not whether
    ("Nobody knows why the army denied that soldiers looted shops.", ("know", "loot")),
    ("The attack on the market was not deadly, officials said.", ("dead",)),                # an adjective in -ly
    ("The ministry did not immediately deny reports that troops withdrew.", ("deni",)),
    ("Not a single shot was fired at the protesters, police said.", ("fire",)),
    ("Officials denied that the soldiers held by rebels had been freed.", ("freed",)),
    ("Exports nearly doubled last year.", ()),                                               # a multiple, roughly
    # fourth review
    # a denial after another verb or clause is a denial, whatever negation came before
    ("No group took responsibility and the government denied that its troops shelled the market.", ("shell",)),
    ("Nobody in the square saw the first shots and the army denied that soldiers fired on the crowd.", ("fire",)),
    ("The army said nothing about the casualties but denied that it shelled the market.", ("shell",)),
    ("Not far from the border the army denied that troops shelled the village.", ("shell",)),
    ("Estria said no long-range missiles were delivered to Norland.", ("long",)),   # not "not long after"
    # fifth review
    ("No United Nations official denied that troops shelled the market.", ("deni",)),         # a name between
    ("None of the officials who spoke to the BBC denied that soldiers fired on the crowd.", ("deni",)),
    ("No police officer or soldier denied that troops fired.", ("deni",)),                    # nouns joined by "or"
    ("Analysts said it was not likely Moscow would attack Velmar before the winter.", ("attack",)),
    # sixth review
    ("No group claims responsibility and Moscow denies involvement in the attack.", ("involv",)),  # a new subject
    ("No official in Harlow and Corwen denied that troops fired.", ("deni",)),                     # two names
    ("The fighters were not exclusively Syrian and included Chechens.", ("exclus",)),               # the degree
    ("The army did not fully withdraw from Hama.", ("fulli",)),
]


@pytest.mark.parametrize("text, negated", NEGATED_AFTER_REVIEWS)
def test_negation_after_the_reviews(text, negated):
    assert analyse(text).negated == negated


NOT_SUPPORTED_AFTER_REVIEWS = [
    # second review
    ("The ministry rejected reports that troops withdrew from Velmar.",
     "The ministry has not publicly denied reports that troops withdrew from Velmar."),
    ("The ministry rejected reports that troops withdrew from Velmar.",
     "The ministry did not immediately deny reports that troops withdrew from Velmar."),
    ("The ministry rejected reports that troops withdrew from Velmar.",
     "The ministry refused to deny reports that troops withdrew from Velmar."),
    ("The ministry dismissed reports that 12 officers were arrested in Brora.",
     "The ministry would neither confirm nor deny reports that 12 officers were arrested in Brora."),
    pytest.param("Troops withdrew from Velmar.", "The ministry denied that troops withdrew from Velmar.",
                 marks=pytest.mark.xfail(strict=True, reason="known limit: an irregular past form after 'denied "
                                         "that' is not read as the denied verb; read so, 'the soldiers held by rebels', "
                                         "'the journalist shot in Kestrel' went wrong (third review)")),
    # third review
    ("The parliament denied reports that the port at Velmar would close.",
     "The parliament rejected the plan that would close the port at Velmar."),
    ("The president of Norland was injured in the blast in Dunmore, officials said.",
     "The vice president of Norland was injured in the blast in Dunmore, officials said."),
    # fourth review
    ("Food prices in Harlow doubled in March.", "Food prices in Harlow nearly doubled in March, the statistics office said."),
    ("Russia attacked the town of Velmar.", "Moscow-backed separatists attacked the town of Velmar."),
    ("Russia condemned the strike on Velmar.", "Exiles from Moscow condemned the strike on Velmar."),
    ("China funded the dam in Velmar.", "A Beijing-based company funded the dam in Velmar."),
    # fifth review: a capital's theatre or residents are not its state
    ("Russia hosted a charity gala for Velmar on Friday.", "Moscow's Bolshoi Theatre hosted a charity gala for Velmar on Friday."),
    ("Russia condemned the attack on Velmar.", "Moscow residents condemned the attack on Velmar."),
    # sixth review
    ("Residents of Kyiv lost power on Monday.", "Residents of Lviv in Ukraine lost power on Monday after a strike."),
    ("Exports doubled in 2023.", "Imports doubled in 2023 while exports nearly doubled."),   # the hedge counts anywhere
]


@pytest.mark.parametrize("claim, passage", NOT_SUPPORTED_AFTER_REVIEWS)
def test_not_supported_after_the_reviews(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) != "SUPPORTS"


SUPPORTED_AFTER_REVIEWS = [
    # second review
    ("Rebels did not take the bridge at Velmar.", "Rebels were unable to take the bridge at Velmar."),
    ("The ministry denied reports that troops withdrew from Velmar.",
     "The ministry dismissed as propaganda reports that troops withdrew from Velmar."),
    ("The ministry rejected Western reports that troops withdrew from Velmar.",
     "The ministry denied Western reports that troops withdrew from Velmar."),
    # fifth review
    ("Russia wants talks on Velmar.", "Officials say Moscow wants talks on Velmar."),
    ("Russia and China sent aid to Velmar.", "Moscow and Beijing sent aid to Velmar."),
    # sixth review
    ("Russia said the talks had failed.", "Moscow's Foreign Ministry said the talks had failed."),   # an organ, not a place
    ("Russia said the talks had failed.", "Moscow said the talks had failed. Moscow's Bolshoi Theatre was closed."),
]


@pytest.mark.parametrize("claim, passage", SUPPORTED_AFTER_REVIEWS)
def test_supported_after_the_reviews(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) == "SUPPORTS"


NOT_REFUTED_AFTER_REVIEWS = [
    # second review
    ("Russia's Sergei Lavrov said the embassy in Vilnius would close on Friday.",
     "The Russian foreign minister said the embassy in Vilnius would close on Friday."),
    ("Russian Foreign Minister Sergei Lavrov said the grain corridor would close on Friday.",
     "Russia's top diplomat said the grain corridor would close on Friday."),
    ("Syria's Bashar al-Assad said 40 soldiers were killed near Aleppo on Sunday.",
     "The Syrian president said 40 soldiers were killed near Aleppo on Sunday."),
    ("The Russian Defence Ministry said 14 drones were shot down over Belgorod on Sunday.",
     "Russia's military said 14 drones were shot down over Belgorod on Sunday."),
    ("Russian President Vladimir Putin said the talks would resume in May.", "The Kremlin said the talks would resume in May."),
    # another place: another event, whoever said it
    ("Russian Foreign Minister Sergei Lavrov said 25 homes were demolished in Jenin on Monday.",
     "Russian presidential spokesman Dmitry Peskov said 25 homes were demolished in Belgorod on Monday."),
    # a negation earlier in the sentence is not the denial's
    ("The ministry denied that troops retreated from Velmar.",
     "Not long after the attack the ministry denied that troops retreated from Velmar."),
    ("The army denied that soldiers looted shops in Harlow.",
     "Nobody knows why the army denied that soldiers looted shops in Harlow."),
    # third review: a capital in its country's place is no conflict
    ("Russian drones struck Ukraine overnight, killing 4 people.", "Russian drones struck Kyiv overnight, killing 4 people."),
    ("Russia condemned the strike on the embassy in Harlow.", "Moscow and Beijing condemned the strike on the embassy in Harlow."),
]


@pytest.mark.parametrize("claim, passage", NOT_REFUTED_AFTER_REVIEWS)
def test_not_refuted_after_the_reviews(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) != "REFUTES"


def test_a_capital_names_its_country_only_where_it_acts(wordnet):
    # a swap of places: "Damascus suburbs" are a place, not the Syrian government
    assert _one_passage("Syrian army artillery shelled Aleppo suburbs on Monday, killing 12 people.",
                        "Syrian army artillery shelled Damascus suburbs on Monday, killing 12 people.", wordnet) == "REFUTES"
    assert _one_passage("Germany said the zoo would close on Friday.", "The Berlin Zoo said it would close on Friday.",
                        wordnet) != "SUPPORTS"


def test_offices_with_a_word_that_makes_them_another():
    from models.stance import offices
    assert offices("The mayor's deputy said so") == {"mayor": {"deputy"}}
    assert offices("An assistant to the president said so") == {"presid": {"assistant"}}
    assert offices("the deputy head of the Russian Reconciliation Center") == {"head": {"deputy"}}
    assert offices("The Deputy Prime Minister met the Prime Minister") == {"minist": {"deputy", ""}}
    assert offices("the acting president of Abkhazia") == {"presid": {""}}       # acting holds the office


def test_a_capital_acting_may_be_any_organ_of_its_state(verifier):
    # "Moscow acknowledged": maybe its Defence Ministry, maybe not; no conflict either way
    out = verifier.verify("The Russian Defence Ministry acknowledged that dozens of its pilots had been killed near Harlow")
    assert out["verdict"] != "REFUTED", [(e["passage_id"], e["stance"], e["reasons"]) for e in out["evidence"]]


# Negation said in other words (2026-11-22, seventh session), with the cases its reviews found

@pytest.mark.parametrize("text, negated", [
    ("Russia no longer keeps any military bases in Syria.", ("keep",)),
    ("The town is not held by troops any longer.", ("hold",)),
    ("Troops do not patrol the border anymore.", ("patrol",)),
    ("The trip took no longer than two hours.", ()),                       # a bound, not a negation
    ("Harlow is not the only town held by rebels.", ("town",)),           # kept: it contradicts "the only town"
    # one negated word cannot say these: left alone
    ("The minister ruled out sending troops.", ()),
    ("Estria used air strikes instead of the planned ground offensive.", ()),
    ("The army denied having shelled Harlow.", ("shell",)),
])
def test_negation_said_in_other_words(text, negated):
    assert analyse(text).negated == negated


@pytest.mark.parametrize("claim, passage, label", [
    ("Troops no longer hold the town of Harlow.", "Troops hold the town of Harlow.", "REFUTES"),
    ("Troops hold the town of Harlow.", "Troops no longer hold the town of Harlow.", "REFUTES"),
    ("The ministry said talks with Norland took longer than expected.",       # "longer" is a word here
     "The ministry said talks with Norland took longer than expected.", "SUPPORTS"),
    ("Harlow is the only town held by rebels.", "Harlow is not the only town held by rebels.", "REFUTES"),
    # "no longer" says it once was: a claim in the past stands (review of 02475be)
    ("Russia kept military bases in Syria.", "Russia no longer keeps military bases in Syria.", "NEUTRAL"),
    ("Rebels controlled Harlow.", "Rebels no longer control Harlow.", "NEUTRAL"),
    ("The army shelled Harlow.", "The army denied having shelled Harlow.", "REFUTES"),
])
def test_negation_in_other_words_against_a_passage(wordnet, claim, passage, label):
    assert _one_passage(claim, passage, wordnet) == label


# "ruled out" read as a negation was tried and withdrawn (5272951, c22cadb): its reviews found
# "did not rule out sending" read as not sending, "ruled out withdrawing troops" as no troops,
# a ruling out later reversed refuting what happened. These stay as they were.
@pytest.mark.parametrize("claim, passage", [
    ("Estria may send troops to Velmar.", "The minister could not rule out sending troops to Velmar."),
    ("Investigators ruled out sabotage at the Harlow plant.",
     "Sabotage at the Harlow plant was ruled out by investigators."),
    ("Estria has troops in Velmar.", "The minister ruled out withdrawing troops from Velmar."),
    ("Estria sent troops to Velmar.", "Estria, which had ruled out sending troops, sent 500 troops to Velmar."),
    ("Police obtained evidence in Harlow.", "The judge ruled out evidence obtained by police in Harlow."),
    ("Saturday's match in Harlow went ahead.", "The coach ruled out Kovac for Saturday's match in Harlow."),
    ("A ground offensive on Harlow was planned.", "Estria used air strikes on Harlow instead of the planned ground offensive."),
    ("Russian warplanes struck Harlow hospital.", "Russian warplanes, rather than Syrian warplanes, struck Harlow hospital."),
])
def test_contrast_and_ruling_out_are_not_read_as_negation(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) != "REFUTES"


def test_an_irregular_past_with_a_prefix_meets_its_synonyms(wordnet):
    assert _one_passage("Government forces had retaken the town of Velmar.",
                        "Government forces recaptured the town of Velmar.", wordnet) == "SUPPORTS"


@pytest.mark.parametrize("passage", [
    "Did Estria send troops to Velmar?",
    "Is Estria no longer sending troops to Velmar?",
    "\u201cWill Estria send troops to Velmar?\u201d",
])
def test_a_question_states_neither_side(wordnet, passage):
    assert _one_passage("Estria sent troops to Velmar.", passage, wordnet) == "NEUTRAL"


@pytest.mark.parametrize("passage", [      # a statement with a question after it (review of 9d19685)
    "Estria sent troops to Velmar on Monday, the minister said, asking reporters: 'What else could we do?'",
    "Estria sent troops to Velmar on Monday, but will they stay?",
    "Will Tarr said Estria sent troops to Velmar on Monday, but would it matter?",    # a name, then its verb
])
def test_a_statement_with_a_question_after_it_still_states(wordnet, passage):
    assert _one_passage("Estria sent troops to Velmar on Monday.", passage, wordnet) == "SUPPORTS"


# "White House" read as "Washington", and a country's short names meeting one another, were
# tried and withdrawn (5a6c740): its review found 51 new false SUPPORTS in 134 pairs. These
# stay as they were.
@pytest.mark.parametrize("claim, passage", [
    ("The White House said Estria would get aid.", "The Washington Post said Estria would get aid."),
    ("Protesters gathered outside the White House.", "Protesters gathered outside a Washington hotel."),
    ("Britain said Estria would get aid.", "British Airways said Estria would get aid."),
    ("The US said Estria would get aid.", "An American journalist said Estria would get aid."),
    ("Russia said the metro in Velmar would close.", "Two Moscow officials said the metro in Velmar would close."),
])
def test_a_seat_a_city_or_a_demonym_is_not_the_state(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) != "SUPPORTS"


def test_a_title_given_elsewhere_in_the_article_says_nothing(verifier):
    # Reading "Marsh said" as "Chad's prime minister said" (the article's title for her) was tried
    # and withdrawn (5272951 to 02475be): its reviews found wrong SUPPORTS from titles with a
    # country noun ("Iran Foreign Minister" for "Iran's president") and from headlines
    for claim in ("Chad's prime minister resigned", "Chad's prime minister said the bridge at Corwen was unsafe"):
        out = verifier.verify(claim)
        assert out["verdict"] != "SUPPORTED", [(e["passage_id"], e["stance"], e["reasons"]) for e in out["evidence"]]


def test_the_city_is_not_the_last_place_named_before_it(verifier):
    # reading "the city" as the nearest place before it in its sentence was tried and withdrawn
    # (f3f9a00): its review found 12 wrong REFUTED in 15 ordinary sentences like this one
    out = verifier.verify("The governor of Dunmore had fled")
    assert out["verdict"] != "REFUTED", [(e["passage_id"], e["stance"], e["reasons"]) for e in out["evidence"]]


@pytest.mark.parametrize("claim, passage", [
    # two names of one country are no swap of one for the other
    ("Washington said Estria would get aid.", "The US said Estria would get aid."),
    ("The US said Estria would get aid.", "Washington said Estria would get aid."),
    ("US troops shelled Velmar.", "American troops shelled Velmar."),
    ("London said Estria would get aid.", "The UK said Estria would get aid."),
])
def test_two_names_of_one_country_are_no_swap(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) != "REFUTES"


@pytest.mark.parametrize("claim, passage", [
    ("US troops shelled Velmar.", "Russian troops shelled Velmar."),
    ("Washington said Estria would get aid.", "Moscow said Estria would get aid."),
])
def test_names_of_two_countries_are_a_swap(wordnet, claim, passage):
    assert _one_passage(claim, passage, wordnet) == "REFUTES"


def test_a_capital_inside_another_name_is_no_country_of_the_claim(wordnet):
    # "the Kyiv Post" is a newspaper: "Ukrainian" in the claim's slot is still another country
    assert _one_passage("According to the Kyiv Post, the Velmar Brigade is a unit of Russian military intelligence.",
                        "The Kyiv Post said the Velmar Brigade is a unit of Ukrainian military intelligence.",
                        wordnet) == "REFUTES"
    assert _one_passage("According to the Kyiv Post, the Velmar Brigade is a unit of Ukrainian military intelligence.",
                        "The Kyiv Post said the Velmar Brigade is a unit of Ukrainian military intelligence.",
                        wordnet) == "SUPPORTS"


@pytest.mark.parametrize("acronym, runs, spelled", [
    ("nsc", [("sean", "savett"), ("nation", "secur", "council")], ("nation", "secur", "council")),
    ("nsc", [("white", "hous", "nation", "secur", "council")], ("nation", "secur", "council")),
    ("snc", [("nation", "secur", "council")], ()),               # the initials in another order
    ("nsc", [("nation",), ("secur", "council")], ()),             # not in a row
])
def test_an_acronym_is_spelled_out_by_names_in_a_row(acronym, runs, spelled):
    from models.stance import spelled_out
    assert spelled_out(acronym, runs) == spelled


@pytest.mark.parametrize("claim, passage", [
    ("NSC spokesman Sean Savett said the offensive was not backed by Washington.",
     "National Security Council spokesman Sean Savett said the offensive was not backed by Washington."),
    ("National Security Council spokesman Sean Savett said the offensive was not backed by Washington.",
     "NSC spokesman Sean Savett said the offensive was not backed by Washington."),
    ("The SDF captured the dam near Tabqa.", "Fighters of the Syrian Democratic Forces captured the dam near Tabqa."),
])
def test_an_acronym_and_its_names_spelled_out_are_no_swap(claim, passage):
    s = _one_stance(claim, passage)
    assert s.label != "REFUTES" and not any("mismatch" in r for r in s.reasons), s.reasons


@pytest.mark.parametrize("claim, passage, label", [
    # initials fit other names too: no support from them (the review of this rule), and no
    # conflict either where they fit (Israel's IDF may be swapped here, or not: no answer)
    ("The IDF shelled the border town of Qaim.", "Iraqi Defence Forces shelled the border town of Qaim.", "NEUTRAL"),
    ("Australian Federal Police arrested three men in Sydney.", "Police arrested three men in Sydney, AFP reported.",
     "NEUTRAL"),
    # two letters are no acronym here: the names of a swap stay a swap
    ("The UN condemned the strike on the port.", "The Ukrainian Navy condemned the strike on the port.", "REFUTES"),
    # the spelled-out names elsewhere in the passage do not hide the one in the acronym's place
    ("The SDF captured Manbij.", "The Syrian National Army captured Manbij from the Syrian Democratic Forces.",
     "REFUTES"),
])
def test_initials_alone_neither_support_nor_hide_a_swap(claim, passage, label):
    assert _one_stance(claim, passage).label == label
