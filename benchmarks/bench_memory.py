"""Peak resident memory of a whole run: the process and all its workers, summed while they run.

`ru_maxrss` gives the largest single process only; a parallel run's cost is the sum of its
processes at its worst moment, so the tree is sampled (psutil when installed, else /proc).
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _tree_rss_proc(root: int) -> int:
    """Resident bytes of `root` and its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[stat.rindex(")") + 2:].split()[1])
    members, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in members]
        members.update(children)
        frontier.extend(children)
    total = 0
    for pid in members:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def _tree_rss(root: int) -> int:
    try:
        import psutil
    except ImportError:
        return _tree_rss_proc(root)
    try:
        process = psutil.Process(root)
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def peak_rss(command: list[str], env: dict[str, str], interval: float = 0.02) -> tuple[int, float]:
    """Run `command`; its tree's peak summed RSS in bytes, and the CPU seconds it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if peak == 0:  # a run shorter than one sample: its largest process's high-water mark
        peak = after.ru_maxrss * 1024
    return peak, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
