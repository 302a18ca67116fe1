"""The site layer: what each page shows and how it is written.

``views`` builds each page's plain data, ``pages`` renders the Jinja templates (in
``templates/``) and owns the URL scheme, ``exports`` writes JSON and CSV, ``charts`` draws
SVG, ``labels`` holds every word in English and Dutch, ``passthrough`` keeps text out of
the Markdown parser. It may import the content, privacy and analysis layers; it knows no
MkDocs, cache or worker.
"""
