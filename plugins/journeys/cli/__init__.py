"""The ``journeys`` command: an adapter over the layers below, like the MkDocs one.

``commands`` parses the command line (check, new, schema, init); ``scaffold`` writes a new
interview file from its journey; ``init`` writes a new research repository from
``templates/``.
"""

from journeys.cli.commands import main

__all__ = ["main"]
