"""The content layer: the contract and the files that follow it.

Reads a content folder into a :class:`~journeys.content.loading.Study` (front matter,
the model with every field's mark, the cross-file rules, durations) and reports every
problem as a :class:`~journeys.content.diagnostics.Diagnostic`. It imports nothing else of
journeys: no cache, worker, chart, page or MkDocs code.
"""
