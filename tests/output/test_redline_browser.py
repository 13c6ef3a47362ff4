"""The report in a real browser: Debian's chromium, headless, driven by Playwright.

Acceptance 1 of the report: the struck and added words of a known deviation are rendered so,
clicking a diagnostic in the list scrolls to its place, nothing is logged to the console and
nothing is fetched. The screenshots are saved under the test's temporary folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_cli

CHROMIUM = Path("/usr/bin/chromium")
#: No first-run work, no updates, no background fetches: the only request is the page itself.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
FILING = ROOT / "tests" / "fixtures" / "redline"
pytestmark = pytest.mark.slow

if not CHROMIUM.exists():
    pytest.skip(f"no chromium at {CHROMIUM} (.ci/run installs Debian's chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extras")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A page with everything it logs, fails on, requests and pops up recorded."""

    def __init__(self, browser: Any, width: int = 1280) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 800})
        self.console: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.console.append(f"page error: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        return self.page


def _report(folder: Path, target: Path) -> Path:
    code, _, err = run_cli(["report", "--isolated", "--today", "2026-11-28", str(folder), "-o", str(target)])
    assert code == 0, err
    return target


def _style(locator: Any, prop: str) -> list[str]:
    return [str(v) for v in locator.evaluate_all(f"els => els.map(e => getComputedStyle(e).{prop})")]


def test_redline_in_chromium(browser: Any, tmp_path: Path) -> None:
    report = _report(FILING, tmp_path / "report.html")
    watched = Watched(browser)
    page = watched.open(report)
    paragraph = page.locator("div.para", has_text="untrue statement of")
    struck, added = paragraph.locator("del"), paragraph.locator("ins")
    assert [t.strip() for t in struck.all_inner_texts()] == ["a", "fact"]
    assert [t.strip() for t in added.all_inner_texts()] == ["facts"]
    assert all("line-through" in s for s in _style(struck, "textDecorationLine"))
    assert all("underline" in s for s in _style(added, "textDecorationLine"))

    link = page.locator("#diagnostics a", has_text="CL210")
    place = link.get_attribute("href")
    assert place is not None and place.startswith("#d-")
    top_before = page.evaluate(f"document.getElementById('{place[1:]}').getBoundingClientRect().top")
    assert top_before > 800  # below the fold before the click
    link.click()
    page.wait_for_function(f"location.hash === '{place}'")
    top = page.evaluate(f"document.getElementById('{place[1:]}').getBoundingClientRect().top")
    assert 0 <= top < 800
    assert page.evaluate("window.scrollY") > 0
    # The place is on the words the diagnostic covers, beside its note.
    number = place[3:]
    assert page.locator(f'mark[data-notes~="{number}"]').all_inner_texts() == ["material", " facts"]
    assert page.locator(f"#n-{number} code").inner_text() == "CL210"
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)

    assert watched.console == []
    assert watched.requests == [report.as_uri()]


def test_narrow_screen_and_print(browser: Any, tmp_path: Path) -> None:
    report = _report(FILING, tmp_path / "report.html")
    watched = Watched(browser, width=380)
    page = watched.open(report)
    assert page.evaluate("document.documentElement.scrollWidth") <= 380  # no sideways scrolling
    assert set(_style(page.locator("div.para"), "display")) == {"block"}
    page.screenshot(path=str(tmp_path / "narrow.png"), full_page=True)
    page.emulate_media(media="print")
    assert set(_style(page.locator("del, ins"), "color")) == {"rgb(0, 0, 0)"}  # strike and underline remain
    assert "line-through" in _style(page.locator("del").first, "textDecorationLine")[0]
    page.pdf(path=str(tmp_path / "report.pdf"))
    assert watched.console == [] and watched.requests == [report.as_uri()]


def test_markup_in_a_certification_does_not_run(browser: Any, tmp_path: Path) -> None:
    text = (FILING / "ex31-1.txt").read_text(encoding="utf-8")
    text = text.replace("CERTIFICATION", "CERTIFICATION <script>alert(1)</script> <img src=x onerror=alert(2)>")
    folder = tmp_path / "filing"
    folder.mkdir()
    (folder / "ex31-1.txt").write_text(text, encoding="utf-8")
    watched = Watched(browser)
    page = watched.open(_report(folder, tmp_path / "report.html"))
    assert page.locator("p", has_text="<script>alert(1)</script>").count() == 1
    assert page.locator("script, img").count() == 0
    assert watched.dialogs == [] and watched.console == []
