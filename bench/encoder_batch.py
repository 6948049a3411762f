"""How the encoder's speed per text depends on its batch size and threads: the measurement
behind `OnnxEmbedder.DEFAULT_BATCH_SIZE`.

    .venv/bin/python -m bench.encoder_batch [--encoder onnx] [--texts 256] [--threads 1,2]

Encodes the same distinct claims (bench/textgen.py) once per batch size and thread count,
after a warm-up, and prints milliseconds per text.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.textgen import claims  # noqa: E402
from models.embedder import make_embedder  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.encoder_batch", description=__doc__.split("\n\n")[0])
    p.add_argument("--encoder", default="onnx", choices=("onnx", "sentence-transformers"))
    p.add_argument("--texts", type=int, default=256)
    p.add_argument("--threads", default="1,2")
    p.add_argument("--batch-sizes", default="1,4,8,16,32,64")
    args = p.parse_args(argv)
    texts = claims(args.texts + 10, seed=5)[:args.texts]
    for threads in (int(t) for t in args.threads.split(",")):
        embedder = make_embedder(args.encoder, threads=threads)
        embedder.warm_up()
        embedder.encode(texts[:10])
        row = []
        for size in (int(b) for b in args.batch_sizes.split(",")):
            embedder.batch_size = size
            t0 = time.perf_counter()
            embedder.encode(texts)
            row.append(f"batch {size}: {(time.perf_counter() - t0) / len(texts) * 1000:.2f}")
        print(f"{embedder.name}, {threads} thread(s), ms per text: " + ", ".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
