"""The reader is picked by `path_suffix`, which must read every path as `PurePath.suffix` does."""

from __future__ import annotations

from pathlib import PurePath

from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.document import path_suffix

PARTS = st.sampled_from(["a", "B", ".", "..", "...", ".txt", "x.TXT", "x.htm", "y.tar.gz", "z.", "..md",
                         "", "c d.Html", ".docx", "e.DOCX", "f.txt:s", "C:", "C:g.htm", "\u00e9.t\u00c9"])
PATHS = st.lists(PARTS, max_size=5).flatmap(
    lambda parts: st.sampled_from(["/", "\\", "//"]).map(lambda sep: sep.join(parts)))


@settings(max_examples=500, deadline=None)
@given(path=PATHS | st.text(alphabet="ab./\\:", max_size=12))
@example("dir/report.TXT")
@example("dir/report.txt/")
@example("dir/report.txt/.")
@example("..txt")
@example(".htm")
def test_path_suffix_is_purepaths(path: str) -> None:
    assert path_suffix(path) == PurePath(path).suffix.lower()
