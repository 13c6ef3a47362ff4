"""Joint Section 906 statements: two officers named by one intro and signed stacked or side by
side, in text, HTML, Markdown and Word."""

from __future__ import annotations

import html
from collections.abc import Callable

from tests.titles.formats import Row, docx_bytes, html_rows, markdown_rows, text_rows
from tests.titles.layouts import Signer

#: How a joint 906 statement names its signers.
INTROS: dict[str, Callable[[Signer, Signer], str]] = {
    "we": lambda a, b: f"we, {a.name} and {b.name}, certify",
    "each-I": lambda a, b: f"I, {a.name}, {a.title_text}, and I, {b.name}, {b.title_text}, each certify",
    "undersigned": lambda a, b: "each of the undersigned hereby certifies",
    "third": lambda a, b: f"{a.name}, {a.title_text} of the Company, and {b.name}, {b.title_text} "
                          "of the Company, each hereby certify",
}


def _joint_stacked(a: Signer, b: Signer) -> tuple[Row, ...]:
    rows: list[Row] = [((f"Dated: {a.date}",),)]
    for s in (a, b):
        rows += [((f"/s/ {s.conformed}",),), ((s.name,),), *(((line,),) for line in s.title)]
    return tuple(rows)


def _joint_side_by_side(a: Signer, b: Signer) -> tuple[Row, ...]:
    depth = max(len(a.title), len(b.title))
    titles = [((a.title[i] if i < len(a.title) else "",), (b.title[i] if i < len(b.title) else "",))
              for i in range(depth)]
    return (((f"Dated: {a.date}",), ("",)), ((f"/s/ {a.conformed}",), (f"/s/ {b.conformed}",)),
            ((a.name,), (b.name,)), *titles)


JOINT: dict[str, Callable[[Signer, Signer], tuple[Row, ...]]] = {
    "stacked": _joint_stacked, "side-by-side": _joint_side_by_side,
}


def _body(intro: str, a: Signer, b: Signer) -> list[str]:
    return [
        "EXHIBIT 32", "CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350",
        "In connection with the Annual Report on Form 10-K of Example Corp. (the \"Company\") for "
        f"the fiscal year ended December 31, 2025 (the \"Report\"), {INTROS[intro](a, b)}, pursuant "
        "to 18 U.S.C. Section 1350, that, to the best of their knowledge: (1) the Report fully "
        "complies with the requirements of Section 13(a) or 15(d) of the Securities Exchange Act of "
        "1934; and (2) the information contained in the Report fairly presents, in all material "
        "respects, the financial condition and results of operations of the Company.",
    ]


def render_joint(layout: str, fmt: str, intro: str, a: Signer, b: Signer) -> str:
    """A joint 906 statement of `a` and `b`, named by `intro`, signed in `layout`."""
    body, rows = _body(intro, a, b), JOINT[layout](a, b)
    if fmt == "txt":
        return "\n\n".join(body) + "\n\n" + text_rows(rows)
    if fmt == "md":
        return "\n\n".join(body) + "\n\n" + markdown_rows(rows)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in body)
    return f"<html><body>\n{paragraphs}{html_rows(rows)}</body></html>\n"


def render_joint_docx(layout: str, intro: str, a: Signer, b: Signer) -> bytes:
    """The joint statement as a Word document: side by side, the signatures are a table's two
    columns; stacked, paragraphs."""
    return docx_bytes(_body(intro, a, b), JOINT[layout](a, b))
