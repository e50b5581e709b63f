"""Extract fixed sets of appeals to a folder of YAML records, to compare two trees byte for byte.

    .venv/bin/python tools/dump_extract.py OUT [--tree DIR] [--varied 150] [--generated 120]
        [--corpus DIR] [--generated-from DIR]
    diff -r OUT_BEFORE OUT_AFTER

A speed change to ``kg.extract`` must not change a single record. This writes, for the tree
``--tree`` (this project by default; another checkout, such as a ``git worktree`` of main, to
compare against), the YAML of ``extract_case`` with its ``time`` field removed, one file per
appeal, in four sets:

- ``corpus/``: the texts of ``--corpus`` (``../shared/corpus``, the development corpus, every
  split, or with ``--split dev`` the dev split alone);
- ``invented/``: ``tests/data/invented/*.txt``;
- ``varied/``: copies of the corpus texts made by ``bench_extract.vary`` (names swapped, years
  shifted), with every seventh one's line ends turned into CRLF;
- ``generated/``: the first ``--generated`` appeals of ``--generated-from``
  (``/tmp/corpora/data-10000/appeals``) when that folder exists.

Exit codes: 0 written; 2 bad arguments or a folder that cannot be read.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
GENERATED = Path("/tmp/corpora/data-10000/appeals")


def _texts(folder: Path, limit: int | None = None, split: str = "all") -> list[tuple[str, str]]:
    files = importlib.import_module("runinfo").appeal_texts(folder, split)[:limit]
    return [(f.stem, f.read_text(encoding="utf-8")) for f in files]


def dump_sets(
    out: Path,
    tree: Path,
    varied: int,
    generated: int,
    corpus_dir: Path = CORPUS,
    generated_dir: Path = GENERATED,
    split: str = "all",
) -> int:
    """Write the four sets to ``out`` with ``kg.extract`` imported from ``tree``; returns the
    number of records written."""
    sys.path.insert(0, str(tree))
    sys.path.insert(1, str(ROOT / "bench"))
    extract = importlib.import_module("kg.extract")
    vary = importlib.import_module("bench_extract").vary
    corpus = _texts(corpus_dir, split=split)
    sets = {
        "corpus": corpus,
        "invented": _texts(tree / "tests" / "data" / "invented"),
        "varied": [
            (
                f"{i:04d}",
                vary(corpus[i % len(corpus)][1], i).replace("\n", "\r\n")
                if i % 7 == 3
                else vary(corpus[i % len(corpus)][1], i),
            )
            for i in range(varied if corpus else 0)
        ],
        "generated": _texts(generated_dir, generated) if generated_dir.is_dir() else [],
    }
    written = 0
    for name, texts in sets.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for stem, text in texts:
            record = extract.extract_case(text, appeal_id=stem)
            del record["extraction"]["time"]
            (folder / f"{stem}.yaml").write_text(extract.dump_record(record), encoding="utf-8")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Exit codes: 0 written; 2 bad arguments or a folder that cannot be read.",
    )
    parser.add_argument("out", type=Path, help="folder to write the records to")
    parser.add_argument("--tree", type=Path, default=ROOT, help="checkout to import kg from")
    parser.add_argument("--varied", type=int, default=150, help="varied copies (150)")
    parser.add_argument("--generated", type=int, default=120, help="generated appeals (120)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of corpus texts")
    parser.add_argument(
        "--generated-from", type=Path, default=GENERATED, help="folder of generated appeals"
    )
    if str(ROOT / "bench") not in sys.path:
        sys.path.append(str(ROOT / "bench"))
    importlib.import_module("runinfo").add_split_option(parser, "the corpus and varied sets")
    args = parser.parse_args(argv)
    if not (args.tree / "kg" / "extract").is_dir():
        parser.error(f"--tree: no kg/extract in {args.tree}")
    if not args.corpus.is_dir():
        parser.error(f"--corpus: not a folder: {args.corpus}")
    try:
        n = dump_sets(
            args.out,
            args.tree.resolve(),
            args.varied,
            args.generated,
            args.corpus,
            args.generated_from,
            args.split,
        )
    except (OSError, ValueError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 2
    print(f"{n} records in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
