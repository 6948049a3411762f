"""Command line: build the index, or verify claims through the same path as POST /verify.

    python -m index build [--corpus DIR] [--index-dir DIR] [--force]
    python -m index verify "claim" ["claim" ...] [--top-k N]
    python -m index verify --file claims.txt        (one claim a line; JSON lines out)

Settings come from the same environment variables as the service (README, Configuration).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from index.build import build_index
from index.corpus import CorpusError
from index.store import IndexLoadError


def main(argv: list[str] | None = None) -> int:
    from service.settings import Settings, SettingsError

    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the index of a corpus folder (a no-op if it is up to date)")
    b.add_argument("--corpus", type=Path, help="folder of articles (default: CLAIMVERIFY_CORPUS_DIR or seeds/)")
    b.add_argument("--index-dir", type=Path, help="where indexes live (default: CLAIMVERIFY_INDEX_DIR or var/index)")
    b.add_argument("--force", action="store_true", help="rebuild even if an identical index exists")
    v = sub.add_parser("verify", help="verify claims; prints one JSON result per line")
    v.add_argument("claims", nargs="*")
    v.add_argument("--file", type=Path, help="a file with one claim a line")
    v.add_argument("--top-k", type=int, default=5)
    v.add_argument("--batch-size", type=int, default=64, help="claims encoded together")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)

    try:
        settings = Settings.from_env()
        if args.command == "build":
            from models.embedder import make_embedder

            embedder = make_embedder(settings.encoder, settings.model_path, settings.onnx_model_path,
                                     name=settings.model_name, threads=settings.encoder_threads)
            r = build_index(args.corpus or settings.corpus_dir, args.index_dir or settings.index_dir, embedder,
                            force=args.force, index_kind=settings.faiss_index)
            print(json.dumps({"index_version": r.index_version, "path": str(r.path), "passages": r.passages,
                              "built": r.built, "seconds": round(r.seconds, 2)}))
            return 0
        from dataclasses import replace

        from service.runtime import Engine

        claims = list(args.claims)
        if args.file:
            claims += [line.strip() for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
        if not claims:
            parser.error("give claims as arguments or --file")
        engine = Engine(replace(settings, redis_url=None))
        engine.warm_up()
        if not engine.ready:
            print(f"error: {engine.error}", file=sys.stderr)
            return 1
        t0 = time.perf_counter()
        for i in range(0, len(claims), args.batch_size):
            for result in engine.verifier.verify_many(claims[i:i + args.batch_size], args.top_k):
                print(json.dumps(result, ensure_ascii=False))
        print(f"{len(claims)} claims in {time.perf_counter() - t0:.2f}s", file=sys.stderr)
        return 0
    except (SettingsError, CorpusError, IndexLoadError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
