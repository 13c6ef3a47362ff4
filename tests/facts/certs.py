"""Certifications built from the prescribed form, with the blanks filled as a test asks.

The 302 text is the current form of rules/sox302.yaml, so a certification built here differs
from the form only where a test says so; the 906 statement follows the usual pattern.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _form_302() -> str:
    pack = yaml.safe_load((ROOT / "rules" / "sox302.yaml").read_text(encoding="utf-8"))
    rule = next(r for r in pack["rules"] if r["code"] == "CL210")
    return str(next(v for v in rule["versions"] if v["name"] == "current")["text"])


FORM_302 = _form_302()


def cert_302(report: str = "annual report on Form 10-K", registrant: str | None = "Acme Corp.",
             name: str = "Jane Doe", title: str = "Chief Executive Officer",
             dated: str = "February 20, 2025", heading: str = "Exhibit 31.1") -> str:
    """A Section 302 certification: heading, the form's paragraphs, the dated signature."""
    of = f" of {registrant}" if registrant is not None else ""
    body = FORM_302.replace("{certifier}", name).replace("this {report} of {registrant}", f"this {report}{of}")
    paragraphs = "\n\n".join(line for line in body.splitlines() if line.strip())
    return f"{heading}\n\nCERTIFICATION\n\n{paragraphs}\n\nDate: {dated}\n\n/s/ {name}\n{name}\n{title}\n"


def cert_906(report: str = "Annual Report on Form 10-K", registrant: str = "Acme Corp.",
             period: str = "for the fiscal year ended December 31, 2024", name: str = "Jane Doe",
             title: str = "Chief Executive Officer", dated: str = "February 20, 2025",
             heading: str = "Exhibit 32.1") -> str:
    """A Section 906 statement in the usual words."""
    return (f"{heading}\n\nCERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350, AS ADOPTED PURSUANT TO "
            f"SECTION 906 OF THE SARBANES-OXLEY ACT OF 2002\n\n"
            f"In connection with the {report} of {registrant} (the \"Company\") {period}, as filed "
            f"with the Securities and Exchange Commission on the date hereof (the \"Report\"), I, "
            f"{name}, {title} of the Company, certify, pursuant to 18 U.S.C. Section 1350, as adopted "
            f"pursuant to Section 906 of the Sarbanes-Oxley Act of 2002, that, to my knowledge:\n\n"
            f"(1) The Report fully complies with the requirements of Section 13(a) or 15(d) of the "
            f"Securities Exchange Act of 1934; and\n\n"
            f"(2) The information contained in the Report fairly presents, in all material respects, "
            f"the financial condition and results of operations of the Company.\n\n"
            f"Date: {dated}\n\n/s/ {name}\n{name}\n{title}\n")


def as_html(text: str) -> str:
    """The same certification as an HTML exhibit, one <p> per paragraph."""
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>\n" for p in text.split("\n\n"))
    return f"<html><body>\n{paragraphs}</body></html>\n"


def as_markdown(text: str, **front: str) -> str:
    """The same certification as Markdown, with front matter facts."""
    matter = "".join(f"{key}: {value}\n" for key, value in front.items())
    return (f"---\n{matter}---\n" if front else "") + text
