"""Print every seed sentence with its index, as the evaluation set refers to them:
    python tests/eval/list_sentences.py [source id prefix ...]"""
import sys
sys.path.insert(0, "/work/main")
from index.segment import segment_article
from index.corpus import load_corpus
for s in load_corpus("/work/main/seeds"):
    if len(sys.argv) > 1 and not any(s.id.startswith(a) for a in sys.argv[1:]):
        continue
    print("=====", s.id)
    for i, x in enumerate(segment_article(s.text)):
        print(f"[{i}]{' (boilerplate: ' + x.boilerplate + ')' if x.boilerplate else ''} {x.text}")
