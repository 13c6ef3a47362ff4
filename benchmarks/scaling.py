#!/usr/bin/env python3
"""Benchmark: does linting scale linearly? Double each hostile input and print time and memory.

    python benchmarks/scaling.py                 # 0.25 MB to 4 MB, every case
    python benchmarks/scaling.py --max-mb 1      # a quicker look
    python benchmarks/scaling.py --case long-paragraph

Cases (the complexity cases of the reliability work):
  nested-html     HTML blocks nested thousands of levels deep around a certification
  long-paragraph  one paragraph of title-like words joined by "and", megabytes long
  many-signatures signature blocks and dates, one after the other
  long-line       one line holding thousands of findings
  wide-row        one HTML table row of tens of thousands of cells
  dates-one-line  tens of thousands of labelled dates on one line
  many-intros     "I, NAME, certify that" statements, each signed, one after the other

Each step lints one generated file in a fresh process (`certlint.lint`, the built-in rules, with
`all_documents` so that a case that makes no certification statement is linted too), so
the time is the lint's alone and the peak memory (maximum resident set size) is that step's.
A doubling that costs more than 2.3 times the time of the step before is marked "!".
This is a benchmark, not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXHIBIT = (ROOT / "examples" / "innovo-group-10-K-A-ex32.txt").read_text(encoding="utf-8")
LIMIT = 2.3

CHILD = """
import json, resource, sys, time
import certlint
started = time.perf_counter()
found = certlint.lint(sys.argv[1], all_documents=True)  # every case, certification or not
took = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
print(json.dumps({"seconds": took, "peak_mb": peak / 1024, "diagnostics": len(found)}))
"""


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    body = unit * max(1, (size - len(head) - len(tail)) // len(unit))
    return head + body + tail


def nested_html(size: int) -> tuple[str, str]:
    paragraphs = "".join(f"<p>{p}</p>" for p in EXHIBIT.split("\n\n"))
    depth = max(1, (size - len(paragraphs)) // len("<div></div>"))
    return ".htm", "<html><body>" + "<div>" * depth + paragraphs + "</div>" * depth + "</body></html>"


def long_paragraph(size: int) -> tuple[str, str]:
    # Lower case: capitalised words would time the company-name pattern instead (see the note).
    unit = "chief executive officer and principal financial officer and "
    return ".txt", _repeat(unit, size, head="BY JANE DOE AND JOHN ROE AS ", tail="chief officer\n")


def many_signatures(size: int) -> tuple[str, str]:
    block = ("/s/ Jane Doe\nJane Doe\nChief Executive Officer\nDate: March 29, 2004\n\n"
             "/s/ John Roe\nJohn Roe\nChief Financial Officer\nDated: March 30, 2004\n\n")
    return ".txt", _repeat(block, size, head=EXHIBIT)


def long_line(size: int) -> tuple[str, str]:
    # One finding per 64 KB: each diagnostic keeps a copy of its whole line, so denser findings
    # on a 4 MB line would need gigabytes (that cost is what this case shows growing).
    unit = "the financial condition and result of operations; " + "the report is complete; " * 2700
    return ".txt", _repeat(unit, size, head=EXHIBIT) + "\n"


def wide_row(size: int) -> tuple[str, str]:
    paragraphs = "".join(f"<p>{p}</p>" for p in EXHIBIT.split("\n\n"))
    cell = "<td>Chief Executive Officer</td>"
    return ".htm", _repeat(cell, size, head=f"<html><body>{paragraphs}<table><tr>",
                           tail="</tr></table></body></html>")


def dates_one_line(size: int) -> tuple[str, str]:
    return ".txt", _repeat("Date: March 29, 2004 ", size, head=EXHIBIT + "\n", tail="\n")


def many_intros(size: int) -> tuple[str, str]:
    unit = ("I, Jane Doe, certify that I have reviewed this annual report on Form 10-K.\n\n"
            "/s/ Jane Doe\nJane Doe\nChief Executive Officer\n\n")
    return ".txt", _repeat(unit, size, head=EXHIBIT)


CASES: dict[str, Callable[[int], tuple[str, str]]] = {
    "nested-html": nested_html,
    "long-paragraph": long_paragraph,
    "many-signatures": many_signatures,
    "long-line": long_line,
    "wide-row": wide_row,
    "dates-one-line": dates_one_line,
    "many-intros": many_intros,
}


def measure(text: str, suffix: str, folder: Path, timeout: float) -> dict[str, float] | None:
    path = folder / f"input{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                              timeout=timeout, check=True, env={"PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", choices=sorted(CASES), action="append", help="only this case (repeatable)")
    parser.add_argument("--min-mb", type=float, default=0.25)
    parser.add_argument("--max-mb", type=float, default=4.0)
    parser.add_argument("--timeout", type=float, default=600, help="seconds one step may take")
    args = parser.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="certlint-scaling-") as temporary:
        for name in args.case or list(CASES):
            print(f"\n{name}\n{'MB':>6} {'seconds':>9} {'ratio':>7} {'peak MB':>8} {'diagnostics':>11}")
            previous = None
            megabytes = args.min_mb
            while megabytes <= args.max_mb + 1e-9:
                suffix, text = CASES[name](int(megabytes * 1024 * 1024))
                step = measure(text, suffix, Path(temporary), args.timeout)
                if step is None:
                    print(f"{megabytes:>6.2f}  over {args.timeout:.0f} s: stopped")
                    worst = float("inf")
                    break
                ratio = step["seconds"] / previous if previous else 0.0
                worst = max(worst, ratio)
                mark = "!" if ratio > LIMIT else " "
                print(f"{megabytes:>6.2f} {step['seconds']:>9.2f} {ratio:>6.2f}{mark} "
                      f"{step['peak_mb']:>8.0f} {int(step['diagnostics']):>11}")
                previous = max(step["seconds"], 1e-3)
                megabytes *= 2
    print(f"\nworst doubling: {worst:.2f}x (limit {LIMIT}x)")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
