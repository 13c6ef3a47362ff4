"""The benchmark's document set: distinct certifications derived from the real corpora.

Every source filing (the corpus names files company_form_period_exhibit) is copied again and
again, each copy with its dates moved by whole years and its two most frequent proper names
replaced throughout, one folder per filing copy, so no two documents are the same text and no
whole-document cache can help. The filing's exhibits change together (same years, same names),
so repository mode (`--filings`) still sees coherent filings.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

SUFFIXES = (".txt", ".htm", ".html", ".md")
#: Years as certifications write them; a statute's year ("Act of 1934", "of 2002") is left alone.
_YEAR = re.compile(r"(?<!\w)(?<!Act of )(?<!Act Of )(?<!ACT OF )(19[5-9]\d|20\d\d)(?!\w)")
#: The period in a file or folder name ("apple_10-Q_2025-03-29_31.1.htm").
_NAME_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?=-\d\d-\d\d)")
_WORD = re.compile(r"\b[A-Z][A-Za-z]{2,}\b")
#: Names put in place of a filing's own, as "first" and "second" name.
NAMES = ("Abernathy", "Bellweather", "Carrington", "Dunmore", "Ellsworth", "Fairbanks", "Galloway",
         "Hargrove", "Ingersoll", "Jessup", "Kilbride", "Lockhart", "Merriweather", "Northcott",
         "Oakhurst", "Pendleton", "Quimby", "Ravenscroft", "Sutherland", "Thorncastle", "Underhill",
         "Vanderpool", "Whitcombe", "Yardley")
OTHERS = ("Amsel", "Brodie", "Calloway", "Devereux", "Esterhazy", "Fennimore", "Grantham", "Holloway",
          "Isherwood", "Jardine", "Kensington", "Langley", "Mortimer", "Nightingale", "Oxley",
          "Prendergast", "Quarles", "Rutherford", "Stanhope", "Templeton", "Umber", "Vickery",
          "Winthrop", "Yarborough")
#: Year shifts of the copies: whole years back, so no date lands in the future.
SHIFTS = (0, -1, -2, -3, -4, -5, -6, -7)


def filing_folder(name: str) -> str:
    match = re.match(r"(.+?_10-[A-Z-]+_\d{4}-\d{2}-\d{2})_", name)
    return match.group(1) if match else Path(name).stem


def sources(corpora: list[Path]) -> dict[str, list[Path]]:
    """The corpora's documents grouped by filing, in a stable order."""
    filings: dict[str, list[Path]] = {}
    for corpus in corpora:
        for path in sorted(p for p in corpus.iterdir()
                           if p.is_file() and p.suffix in SUFFIXES and not p.name.startswith("README")):
            filings.setdefault(f"{corpus.name}/{filing_folder(path.name)}", []).append(path)
    return filings


def proper_names(filings: dict[str, list[Path]]) -> dict[str, list[str]]:
    """Each filing's two most frequent proper names: capitalised words one company uses, never
    written in lower case anywhere, and no month ("Innovo", "Kaplan"; not "Officer", "Registrant")."""
    texts = {key: _strip_tags(" ".join(p.read_text(encoding="utf-8", errors="replace") for p in paths))
             for key, paths in filings.items()}
    lower = {w for text in texts.values() for w in re.findall(r"\b[a-z]{3,}\b", text)}
    words = {key: Counter(w.lower() for w in _WORD.findall(text)) for key, text in texts.items()}
    companies: dict[str, set[str]] = {}
    for key, counts in words.items():
        for word in counts:
            companies.setdefault(word, set()).add(Path(key).name.split("_")[0])
    return {key: [w for w, _ in counts.most_common() if len(companies[w]) == 1 and w not in lower
                  and w not in _MONTHS][:2] for key, counts in words.items()}


_MONTHS = frozenset(("january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december", "monday", "tuesday",
                     "wednesday", "thursday", "friday", "saturday", "sunday"))


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>|&\w+;", " ", text)


def _renamer(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def _cased(original: str, new: str) -> str:
    if original.isupper():
        return new.upper()
    if original.islower():
        return new.lower()
    return new


def transform(text: str, shift: int, names: list[str], first: str, second: str) -> str:
    """The text with its years moved by `shift` and its names replaced by `first`/`second`."""
    if shift:
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    pattern = _renamer(names)
    if pattern is not None:
        replacement = {names[0]: first, **({names[1]: second} if len(names) > 1 else {})}
        text = pattern.sub(lambda m: _cased(m.group(), replacement[m.group().lower()]), text)
    return text


def variants() -> Iterator[tuple[int, str, str]]:
    """(year shift, first name, second name) of each copy, never the same twice."""
    index = 0
    while True:
        yield (SHIFTS[index % len(SHIFTS)], NAMES[index // len(SHIFTS) % len(NAMES)],
               OTHERS[index // (len(SHIFTS) * len(NAMES)) % len(OTHERS)])
        index += 1


def build(corpora: list[Path], target: Path, count: int) -> int:
    """Write `count` distinct documents under `target`; returns how many were written."""
    filings = sources(corpora)
    names = proper_names(filings)
    texts = {path: path.read_text(encoding="utf-8", errors="surrogateescape")
             for paths in filings.values() for path in paths}
    seen: set[bytes] = set()
    written = 0
    for copy, (shift, first, second) in enumerate(variants()):
        if copy > 10 * count:  # a corpus too small (or too uniform) to give that many
            break
        for key, paths in filings.items():
            folder = target / f"copy{copy:05d}" / _moved(Path(key).name, shift)
            for path in paths:
                text = transform(texts[path], shift, names[key], first, second)
                digest = hashlib.sha256(text.encode("utf-8", "surrogateescape")).digest()
                if digest in seen:
                    continue
                seen.add(digest)
                folder.mkdir(parents=True, exist_ok=True)
                (folder / _moved(path.name, shift)).write_bytes(text.encode("utf-8", "surrogateescape"))
                written += 1
                if written == count:
                    return written
    return written


def _moved(name: str, shift: int) -> str:
    return _NAME_YEAR.sub(lambda m: str(int(m.group(1)) + shift), name)
