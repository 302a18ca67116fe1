"""Customer-journey research content as an MkDocs site.

The package is layered, each layer a folder that imports only the ones before it:

``content`` (the contract: front matter, model, rules) → ``privacy`` (what may be
published, the guard) → ``analysis`` (figures) → ``site`` (views, pages, charts, labels,
exports) → ``building`` (a whole site, fast: workers, caches) → the adapters ``mkdocs`` (the
only code that imports MkDocs) and ``cli`` (the ``journeys`` command).

Other tools can use the core without MkDocs::

    from journeys import load_study
    study = load_study(Path("content"))
    for diagnostic in study.diagnostics:
        print(diagnostic.format())
"""

__version__ = "0.1.0"

from journeys.content.diagnostics import Diagnostic, Severity
from journeys.content.loading import load_study
from journeys.content.model import FieldKind, Interview, Journey, Persona
from journeys.content.study import Study

__all__ = [
    "Diagnostic",
    "FieldKind",
    "Interview",
    "Journey",
    "Persona",
    "Severity",
    "Study",
    "__version__",
    "load_study",
]
