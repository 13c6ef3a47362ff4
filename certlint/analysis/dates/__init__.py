"""Dates in certifications: extraction with exact prose spans, fiscal calendars and deadlines.

Pure functions, no I/O: `extract` finds dates (and impossible or misspelled ones) in the prose
view, `roles` tells which is the period end, the certification date or a fiscal-year label,
`fiscal` knows 26 U.S.C. 441(f) calendars and the Exchange Act filing deadlines, and
`situation` combines the document's dates with the facts for the `date` check kind.
"""
