"""The records a signature block is read into; spans are offsets in the prose view."""

from __future__ import annotations

from msgspec import Struct


class Span(Struct, frozen=True):
    """A piece of prose: [start, end) and its text."""

    start: int
    end: int
    text: str


class Signature(Struct, frozen=True):
    """One signature block: conformed signature, typed name, title lines, roles and date."""

    marker: Span
    conformed: tuple[Span, ...]
    name: Span | None = None
    titles: tuple[Span, ...] = ()
    roles: tuple[Span, ...] = ()
    date: Span | None = None
    #: A "Date:" label left blank near the block (when no date was found).
    blank_date: Span | None = None

    @property
    def typed(self) -> bool:
        """A name typed in the signature position without "/s/"."""
        return not self.marker.text

    @property
    def conformed_text(self) -> str:
        return " ".join(span.text for span in self.conformed)

    @property
    def title_text(self) -> str:
        """The title lines joined ("Senior Vice President," + "Chief Financial Officer")."""
        return " ".join(span.text for span in self.titles)

    @property
    def display_name(self) -> str:
        return self.name.text if self.name is not None else self.conformed_text
