"""How the build's export files pack: bytes and CPU speed of gzip (standard library) and
Zstandard at a few levels, over the files a store's current generation lists.

    .venv/bin/python bench/bench_pack.py /tmp/disk/kg-1000 --out bench/results/pack-1000.json

Each file is read unpacked (whatever the store's version wrote), then packed and unpacked
whole by each method in this process; times are CPU times of this process (``process_time``),
so that a machine shared with other work changes them less than wall times. ``bytes`` is the
sum of the packed sizes; ``allocated`` the same rounded up to 4 kB blocks per file, what the
files take on disk.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.files import read_unpacked  # noqa: E402
from kg.store.chunks import listed_files  # noqa: E402


def methods() -> dict[str, tuple[Callable[[bytes], bytes], Callable[[bytes], bytes]]]:
    import zstandard

    def zstd(level: int) -> tuple[Callable[[bytes], bytes], Callable[[bytes], bytes]]:
        c = zstandard.ZstdCompressor(level=level, write_checksum=True)
        return c.compress, lambda b: zstandard.ZstdDecompressor().decompress(b)

    return {
        "gzip-1": (lambda b: gzip.compress(b, 1, mtime=0), gzip.decompress),
        "gzip-6": (lambda b: gzip.compress(b, 6, mtime=0), gzip.decompress),
        "zstd-1": zstd(1),
        "zstd-3": zstd(3),
        "zstd-9": zstd(9),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    files = listed_files(args.store.resolve())
    kinds: dict[str, list[bytes]] = {"nq": [], "ttl": []}
    for path in files:
        kind = path.name.split(".")[1]
        if kind in kinds:
            kinds[kind].append(read_unpacked(path))
    res: dict[str, Any] = {"store": str(args.store.name), "load_before": os.getloadavg()}
    for kind, texts in kinds.items():
        raw = sum(map(len, texts))
        row: dict[str, Any] = {
            "files": len(texts),
            "bytes": raw,
            "allocated": sum(-(-len(t) // 4096) * 4096 for t in texts),
        }
        for name, (pack, unpack) in methods().items():
            t = time.process_time()
            packed = [pack(x) for x in texts]
            packing = time.process_time() - t
            t = time.process_time()
            for p in packed:
                unpack(p)
            unpacking = time.process_time() - t
            size = sum(map(len, packed))
            row[name] = {
                "bytes": size,
                "allocated": sum(-(-len(p) // 4096) * 4096 for p in packed),
                "ratio": round(raw / size, 2),
                "pack_mb_per_cpu_s": round(raw / packing / 1e6, 1),
                "unpack_mb_per_cpu_s": round(raw / unpacking / 1e6, 1),
            }
            print(kind, name, row[name], file=sys.stderr)
        res[kind] = row
    res["load_after"] = os.getloadavg()
    text = json.dumps(res, indent=1) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
