"""`filing`: cross-document rules, run on a whole filing in repository mode (`--filings`).

A filing rule finds nothing in a single document; `check_filing` compares the members of a
filing and reports at the place in the document that disagrees, naming the other document.
`check:` chooses the comparison (one module each under `certlint/crossdoc/`):

- `same-report`: every 302 certification names the same report and registrant, and every 906
  statement the same report;
- `same-period`: the period end (and fiscal-year label) each exhibit names agrees with the
  report's and the other exhibits';
- `same-date`: the certification dates of the exhibits agree;
- `same-person` / `same-title`: a person's name and title are written alike in every exhibit;
- `late-302`: a Section 302 certification dated more than `max_days` after the filing's
  Section 906 statement (reported at the 302's date, naming the statement);
- `report-deadline`: certification dates after the deadline of the main report's form, period
  and filer status (XBRL dei:EntityFilerCategory), from the rows of `filer_deadlines`;
- `roles`: the principal executive and financial officers each have a 302 certification, and
  the 906 statements are signed by both roles (the title-to-role table is the `title` kind's
  options: `role_titles`, `designations`, `vocabulary`, `homophones`).

    kind: filing
    check: same-report
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from certlint.analysis.dates.deadlines import ROWS_SCHEMA, DeadlineRow, read_rows
from certlint.checks import title
from certlint.checks.base import OptionError
from certlint.checks.crossdoc import CHECKS, deadline, officers, people, signing
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.checks.crossdoc.model import Filing
    from certlint.document import Document

NAME = "filing"
_ROLE_OPTIONS = ("vocabulary", "homophones", "designations", "role_titles", "certifying_roles")
LATE, DEADLINE = "late-302", "report-deadline"
SAME_OFFICER, OFFICER_VARIANT = "same-officer", "officer-variant"
SCHEMA: Mapping[str, Any] = {
    "properties": {
        "check": {"enum": [*sorted(CHECKS), LATE, DEADLINE, "roles"],
                  "description": "Which cross-document comparison to run."},
        "max_days": {"type": "integer", "minimum": 0,
                     "description": "late-302: days a 302 may be dated after the 906 statement."},
        "filer_deadlines": {**ROWS_SCHEMA, "description": "report-deadline: as CL403's."},
        "nicknames": {"type": "object", "additionalProperties": {"type": "string"},
                      "description": "same-officer, officer-variant: nicknames mapped to the given "
                                     "name (bill: william), besides short forms of the name itself."},
        **{key: title.SCHEMA["properties"][key] for key in _ROLE_OPTIONS},
    },
    "required": ["check"],
}


class FilingRule(Struct, frozen=True):
    check_name: str
    roles: title.TitleCheck | None = None
    max_days: int = 14
    rows: tuple[DeadlineRow, ...] = ()
    nicknames: Mapping[str, str] = field(default_factory=dict)

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        return iter(())

    def check_filing(self, filing: Filing, context: CheckContext) -> Iterator[tuple[Document, Finding]]:
        if self.roles is not None:
            yield from people.check_roles(filing, self.roles)
        elif self.check_name == LATE:
            yield from signing.check_late(filing, self.max_days)
        elif self.check_name == DEADLINE:
            yield from deadline.check_deadline(filing, self.rows)
        elif self.check_name in (SAME_OFFICER, OFFICER_VARIANT):
            check = officers.check_officer if self.check_name == SAME_OFFICER else officers.check_variant
            yield from check(filing, self.nicknames)
        else:
            yield from CHECKS[self.check_name](filing)


def compile(options: Mapping[str, Any]) -> FilingRule:
    check = str(options["check"])
    if check == LATE:
        return FilingRule(check, max_days=int(options.get("max_days", 14)))
    if check == DEADLINE:
        try:
            return FilingRule(check, rows=read_rows(options.get("filer_deadlines") or ()))
        except ValueError as exc:
            raise OptionError("filer_deadlines", str(exc)) from None
    if check in (SAME_OFFICER, OFFICER_VARIANT):
        nicknames = {str(k).lower(): str(v).lower() for k, v in dict(options.get("nicknames") or {}).items()}
        return FilingRule(check, nicknames=nicknames)
    if check != "roles":
        return FilingRule(check)
    if not options.get("role_titles"):
        raise OptionError("role_titles", "check 'roles' needs 'role_titles'")
    role_options = {key: options[key] for key in _ROLE_OPTIONS if key in options}
    return FilingRule(check, title.compile({"check": "role", "certifying_roles": ["PEO", "PFO"],
                                           **role_options}))
