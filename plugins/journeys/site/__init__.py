"""The site layer: what each page shows and how it is written.

``kinds`` holds the page kinds (personas, journeys, interviews, research), one module
each with its file locations, its view and its downloads; ``data`` what they build their
views from; ``render`` renders the Jinja templates (in ``templates/``); ``exports`` writes
JSON and CSV; ``charts`` draws SVG; ``labels`` holds every word in English and Dutch;
``passthrough`` keeps text out of the Markdown parser. It may import the content, privacy
and analysis layers; it knows no MkDocs, cache or worker.
"""
