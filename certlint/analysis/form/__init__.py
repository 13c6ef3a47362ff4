"""Conformance to a prescribed form (Item 601(b)(31)(i)): the machinery behind the `form` kind.

`spec` parses a form's text (placeholders, optional passages) into units; `segment` finds the
certifications in a document and cuts them into numbered and lettered units; `align` matches
them to the form's units and `words` compares the words of each pair, yielding deviations;
`versions` picks the form version that fits the document's dates. `certlint.checks.form` ties
them to the rule-kind contract.
"""
