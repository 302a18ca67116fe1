"""The analysis layer: figures from every interview, as plain data.

``facts`` keeps each interview's figures (never its words); ``aggregate`` computes the
site's statistics from them, ``signals`` the signals (peak-end, NPS, fragile promoters)
and ``evidence`` the coverage, confidence and staleness of findings. It may import the
content and privacy layers.
"""
