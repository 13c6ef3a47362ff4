#!/usr/bin/env python3
"""Benchmark: lint the real corpus replicated to N files; print documents per second and peak memory.

    python benchmarks/bench.py                      # 5,000 files, the built-in rules
    python benchmarks/bench.py --files 10000
    python benchmarks/bench.py -- --filings         # extra arguments after -- go to certlint;
                                                    # the run without them (keeping --jobs) is
                                                    # timed too, and the ratio printed

It runs the real command line (`python -m certlint --isolated --exit-zero DIR`) in a subprocess,
so start-up, file walking, reading and output are all counted; peak memory is the child's
maximum resident set size. It also times start-up on one small file (median of several runs)
and lists which optional heavy modules that single-file run imported.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "real"
HEAVY = ("markdown_it", "jsonschema", "charset_normalizer", "rapidfuzz", "pygls", "docx")


def filing_folder(name: str) -> str:
    """The corpus names files company_form_period_exhibit: one folder per filing, as a filing
    repository would hold them (so repository mode sees real filings, not one huge folder)."""
    match = re.match(r"(.+?_10-[A-Z-]+_\d{4}-\d{2}-\d{2})_", name)
    return match.group(1) if match else Path(name).stem


def replicate(corpus: Path, target: Path, count: int) -> int:
    sources = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".htm", ".md"))
    for index in range(count):
        source = sources[index % len(sources)]
        folder = target / f"copy{index // len(sources):03d}" / filing_folder(source.name)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / source.name)
    return count


def run_certlint(args: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "certlint", "--isolated", "--exit-zero", *args],
                            capture_output=True, text=True, check=False)
    return time.perf_counter() - start, result


def jobs_of(extra: list[str]) -> list[str]:
    """The --jobs setting among extra arguments: the baseline run keeps it, for a fair ratio."""
    for index, arg in enumerate(extra):
        if arg in ("-j", "--jobs") and index + 1 < len(extra):
            return [arg, extra[index + 1]]
        if arg.startswith("--jobs="):
            return [arg]
    return []


def startup(sample: Path, runs: int = 7) -> float:
    return statistics.median(run_certlint([str(sample)])[0] for _ in range(runs))


def imported_heavy_modules(sample: Path) -> list[str]:
    code = ("import sys, io; from certlint.cli import main; "
            f"main(['--isolated', '--exit-zero', {str(sample)!r}], io.StringIO(), io.StringIO()); "
            f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("extra", nargs="*", help="arguments passed to certlint (after --)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"bench: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="certlint-bench-") as tmp:
        count = replicate(args.corpus, Path(tmp), args.files)
        elapsed, result = run_certlint([*args.extra, tmp])
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        diagnostics = len(result.stdout.splitlines())
        baseline = run_certlint([*jobs_of(args.extra), tmp])[0] if args.extra else None
    sample = args.corpus / "innovo-group_10-K-A_2003-11-29_32.txt"
    print(f"files:            {count}")
    print(f"diagnostics:      {diagnostics}")
    print(f"elapsed:          {elapsed:.2f} s")
    print(f"documents/second: {count / elapsed:.0f}")
    print(f"peak memory:      {peak_mib:.1f} MiB (max RSS of the certlint process)")
    if baseline is not None:
        print(f"without {' '.join(args.extra)}: {baseline:.2f} s; ratio {elapsed / baseline:.2f}x")
    if sample.is_file():
        print(f"start-up, 1 file: {startup(sample) * 1000:.0f} ms (median of 7)")
        print(f"heavy imports for 1 .txt file: {' '.join(imported_heavy_modules(sample)) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
