#!/usr/bin/env python3
"""Benchmark: certlint against codespell over distinct real-derived certifications.

    python benchmarks/bench.py                  # 10,000 documents: 10k runs and cold starts
    python benchmarks/bench.py --files 2000 --runs 1
    python benchmarks/bench.py --memory         # peak RSS of the whole run at 10k and 100k
    python benchmarks/bench.py --phases         # CPU phase table of one process
    python benchmarks/bench.py -- --filings     # extra arguments after -- go to certlint

The document set (`bench_set`) copies every filing of the real corpora with its dates moved by
whole years and two proper names replaced throughout, one folder per filing, so each document is
distinct. certlint (`python -m certlint --isolated --exit-zero DIR`, default jobs) and codespell
(`codespell DIR`, a typo list, pure Python; skipped with a message when not installed) run
alternately, `--runs` times each; then each starts cold on one small clean file, alternately,
`--cold` times. Medians of wall and CPU time (user + sys of the process and its workers) and
their ratios are printed. Both run with bytecode written to one throw-away folder and
certlint's pack cache in another, warmed once: what a user's installed copy sees from the
second run on.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_set  # noqa: E402  (a sibling module, found through the path above)
from bench_memory import peak_rss  # noqa: E402

SHARED = HERE.parent.parent / "shared" / "corpus"
CORPORA = [SHARED / "real", SHARED / "real2"]
SAMPLE = HERE.parent / "examples" / "example-corp-10-K-ex31.1.txt"
HEAVY = ("yaml", "markdown_it", "jsonschema", "charset_normalizer", "rapidfuzz", "pygls", "docx")


def environment(scratch: Path) -> dict[str, str]:
    """Bytecode cached (as an installed package has it) in a folder of the run's own; certlint's
    pack cache there too."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    env["CERTLINT_CACHE_DIR"] = str(scratch / "certlint-cache")
    return env


def certlint_command(extra: Sequence[str], *paths: str) -> list[str]:
    return [sys.executable, "-m", "certlint", "--isolated", "--exit-zero", *extra, *paths]


def codespell_command(*paths: str) -> list[str] | None:
    found = shutil.which("codespell") or shutil.which("codespell", path=str(Path(sys.executable).parent))
    return None if found is None else [found, *paths]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (the process and every worker it waited for), exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode not in (0, 1, 65):  # codespell: 65 when it finds typos
        sys.stderr.write(result.stderr.decode(errors="replace"))
    return wall, cpu, result.returncode


Times = dict[str, list[tuple[float, float]]]


def side_by_side(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> Times:
    """Each command `runs` times, taking turns, so that a change in the machine's load hits both."""
    times: Times = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu, _ = timed(command, env)
            times[name].append((wall, cpu))
    return times


def report(title: str, times: Times, unit: float = 1.0, label: str = "s") -> None:
    print(f"\n{title} (medians of {len(next(iter(times.values())))})")
    medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for name, runs in times.items()}
    for name, (wall, cpu) in medians.items():
        print(f"  {name:<10} wall {wall * unit:8.2f} {label}   CPU {cpu * unit:8.2f} {label}")
    if "codespell" in medians and "certlint" in medians:
        (cw, cc), (sw, sc) = medians["certlint"], medians["codespell"]
        print(f"  ratio      wall {cw / sw:8.2f}x   CPU {cc / sc:8.2f}x   (certlint / codespell)")


def imported_heavy_modules(sample: Path, env: dict[str, str]) -> list[str]:
    code = ("import sys, io; from certlint.cli import main; "
            f"main(['--isolated', '--exit-zero', {str(sample)!r}], io.StringIO(), io.StringIO()); "
            f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          check=True).stdout.split()


def compare(args: argparse.Namespace, folder: Path, env: dict[str, str]) -> None:
    certlint = certlint_command(args.extra, str(folder))
    codespell = codespell_command(str(folder))
    commands = {"certlint": certlint, **({"codespell": codespell} if codespell else {})}
    if codespell is None:
        print("codespell is not installed (`pip install codespell`): certlint alone")
    for command in commands.values():  # warm-up: bytecode and the pack cache written once
        timed(command, env)
    report(f"{args.files:,} documents", side_by_side(commands, args.runs, env))
    sample = args.sample
    cold = {"certlint": certlint_command(args.extra, str(sample)),
            **({"codespell": codespell_command(str(sample)) or []} if codespell else {})}
    for command in cold.values():
        timed(command, env)
    report(f"cold start, 1 file ({sample.name})", side_by_side(cold, args.cold, env), 1000, "ms")
    print(f"\nheavy imports for 1 file: {' '.join(imported_heavy_modules(sample, env)) or 'none'}")


def memory(args: argparse.Namespace, scratch: Path, env: dict[str, str]) -> None:
    """Peak RSS summed over every process of the run, at each size, default and --filings."""
    print("peak RSS of the whole run (every process, sampled every 20 ms)")
    peaks: dict[tuple[str, int], float] = {}
    for size in args.sizes:
        folder = scratch / f"set-{size}"
        print(f"  building {size:,} documents ...", flush=True)
        bench_set.build(CORPORA, folder, size)
        timed(certlint_command([], str(SAMPLE)), env)  # warm-up
        for mode, extra in (("default", []), ("--filings", ["--filings"])):
            command = certlint_command([*extra, *args.extra], str(folder))
            start = time.perf_counter()
            peak, cpu = peak_rss(command, env)
            peaks[mode, size] = peak
            print(f"  {size:>7,} documents {mode:<10} peak {peak / 2**20:8.1f} MiB   CPU {cpu:7.1f} s   "
                  f"wall {time.perf_counter() - start:7.1f} s", flush=True)
        shutil.rmtree(folder)
    small, large = min(args.sizes), max(args.sizes)
    if small != large:
        for mode in ("default", "--filings"):
            print(f"  {mode:<10} {large:,} / {small:,}: {peaks[mode, large] / peaks[mode, small]:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="documents in the set (default 10,000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each program over the set")
    parser.add_argument("--cold", type=int, default=11, help="one-file cold starts of each program")
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="the one file of the cold start")
    parser.add_argument("--memory", action="store_true", help="peak RSS at each of --sizes instead")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--phases", action="store_true", help="the CPU phase table of one process instead")
    parser.add_argument("extra", nargs="*", help="arguments passed to certlint (after --)")
    args = parser.parse_args()
    missing = [str(c) for c in CORPORA if not c.is_dir()]
    if missing:
        print(f"bench: corpus not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="certlint-bench-") as tmp:
        scratch = Path(tmp)
        env = environment(scratch)
        if args.memory:
            memory(args, scratch, env)
            return 0
        folder = scratch / "set"
        count = bench_set.build(CORPORA, folder, args.files)
        if count < args.files:
            print(f"bench: the corpora give only {count} distinct documents", file=sys.stderr)
        args.files = count
        if args.phases:
            timed(certlint_command([], str(args.sample)), env)  # warm-up: bytecode, pack cache
            command = [sys.executable, str(HERE / "bench_phases.py"), str(folder), *args.extra]
            return subprocess.run(command, env=env, check=False).returncode
        compare(args, folder, env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
