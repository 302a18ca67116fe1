"""Customer-journey research content as an MkDocs site.

The core (``model``, ``loading``, ``rules``, ``durations``, ``aggregate``, ``charts``,
``pages``) knows nothing of MkDocs; ``plugin`` and ``cli`` are thin adapters over it.
"""

__version__ = "0.1.0"
