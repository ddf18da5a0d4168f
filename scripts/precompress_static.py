"""Copy Streamlit's frontend files for nginx to serve, with a compressed copy beside each.

    python scripts/precompress_static.py /var/lib/skills-map/www [--brotli]

Writes OUT/static/... (Streamlit's `static/static` folder: hashed JavaScript, CSS, fonts), and
next to every file worth compressing a `.gz` (gzip level 9; nginx's `gzip_static on` sends it to
browsers that take gzip) and, with `--brotli`, a `.br` (brotli's best level, for nginx with
Debian's libnginx-mod-http-brotli-static and `brotli_static on`; about a minute). Run it again
after upgrading Streamlit: the site file asks a replica for any file missing here, so an older
copy is never wrong, only uncompressed. Files already written for the same content are kept.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from serving.precompressed import (  # noqa: E402
    BROTLI_QUALITY,
    COMPRESSIBLE,
    MIN_SIZE,
    streamlit_static_dir,
)


def _write(path: Path, data: bytes) -> None:
    part = path.with_name(f".{path.name}.part")
    part.write_bytes(data)
    part.replace(path)  # nginx never sees half a file


def copy_static(out: Path, *, with_brotli: bool = False) -> tuple[int, int, int]:
    """Copy the files to `out`/static with their compressed copies; (files, raw, gzip bytes)."""
    source = streamlit_static_dir() / "static"
    files = raw_total = gz_total = 0
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        target = out / "static" / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        if not target.is_file() or target.read_bytes() != data:
            shutil.copyfile(path, target)
        files, raw_total = files + 1, raw_total + len(data)
        if path.suffix not in COMPRESSIBLE or len(data) < MIN_SIZE:
            continue
        gz = target.with_name(target.name + ".gz")
        if not gz.is_file() or gzip.decompress(gz.read_bytes()) != data:
            _write(gz, gzip.compress(data, compresslevel=9, mtime=0))
        gz_total += gz.stat().st_size
        if with_brotli:
            import brotli

            br = target.with_name(target.name + ".br")
            if not br.is_file() or brotli.decompress(br.read_bytes()) != data:
                _write(br, brotli.compress(data, quality=BROTLI_QUALITY))
    return files, raw_total, gz_total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder nginx serves /static/ from (root)")
    parser.add_argument("--brotli", action="store_true", help="also write .br files")
    args = parser.parse_args()
    files, raw, gz = copy_static(args.out, with_brotli=args.brotli)
    where = args.out / "static"
    print(f"{files} files ({raw / 1e6:.1f} MB) in {where}; .gz copies: {gz / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
