"""How reading one passage scales with its length: analysis, attribution and stance scoring
against a claim, on long passages of shapes that made earlier patterns quadratic ("A-A-A-...",
"not not ...", "no. no. ..."), besides ordinary news words. Corpus sentences have no length
cap (a user's corpus may hold a table or a page without full stops), so this must stay linear:
the time for a passage 4x as long should be about 4x, not 16x.

    .venv/bin/python -m bench.run --parts text
"""

from __future__ import annotations

import random
import time

from models.analysis import analyse
from models.attribution import attribution_of
from models.lexicon import WordNetLexicon, default_wordnet_dir
from models.stance import ExplicitStanceScorer, PassageView

_NEWS = ("the army said rebels Aleppo Hama killed 300 fighters not deny reports former deputy prime minister "
         "of Syria failed to manage U.S. Russian strikes about nearly 1,000 had nothing to do with").split()
SHAPES = {
    "news words": lambda n: " ".join(random.Random(1).choice(_NEWS) for _ in range(n // 5)),
    "hyphen run (A-A-...)": lambda n: "A-" * (n // 2),
    "negations (not not ...)": lambda n: "not " * (n // 4),
    "short sentences (no. no. ...)": lambda n: "no. " * (n // 4),
    "capitalised run": lambda n: " ".join(random.Random(2).choice(["Aleppo", "Hama", "The", "Syrian", "Army", "A"])
                                          for _ in range(n // 6)),
}
CLAIM = "Russian Foreign Minister Sergei Lavrov said rebels had nothing to do with the attack on Aleppo."


def read_once(scorer: ExplicitStanceScorer, claim_analysis, text: str) -> float:
    t0 = time.perf_counter()
    pa = analyse(text)
    who = attribution_of(text)["asserted_by"]
    scorer.score(CLAIM, claim_analysis, [PassageView(text, pa, 0.5, asserted_by=who)])
    return time.perf_counter() - t0


def run_text_scaling(sizes: tuple[int, int] = (5_000, 20_000), reps: int = 3) -> dict:
    lexicon = WordNetLexicon(default_wordnet_dir())
    lexicon.warm_up()
    claim = analyse(CLAIM, denial_negates=False)
    out = {}
    for name, make in SHAPES.items():
        times = []
        for n in sizes:
            text = make(n)
            idf = {k: 2.0 for k in set(claim.keys) | set(analyse(text[:2000]).keys)}
            # a fresh scorer and a text changed by one space each rep: nothing remembered
            times.append(min(read_once(ExplicitStanceScorer(idf, lexicon=lexicon), claim, text + " " * r)
                             for r in range(reps)))
        out[name] = {"chars": list(sizes), "ms": [round(t * 1000, 1) for t in times],
                     "growth": round(times[1] / max(times[0], 1e-9), 2), "size_growth": round(sizes[1] / sizes[0], 2)}
    return out
