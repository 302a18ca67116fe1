"""The package's layers, as its folders show them, hold in its imports.

Each layer imports only the layers before it; only the MkDocs adapter imports MkDocs;
the two adapters do not import each other. Read from the source with ``ast``: nothing
is imported to check it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import journeys

PACKAGE = Path(journeys.__file__).parent
LAYERS = ("content", "privacy", "analysis", "site", "building", "adapters")
"""In order: a layer may import those before it and itself."""
ADAPTERS = ("mkdocs", "cli")


def layer_of(module: str) -> str | None:
    """``journeys.site.charts.style`` -> ``site``; ``journeys.cli`` -> ``adapters``."""
    parts = module.split(".")
    if parts[0] != "journeys" or len(parts) < 2:
        return None
    return "adapters" if parts[1] in ADAPTERS else parts[1]


def imports(source: str, module: str) -> list[str]:
    """The modules ``source`` (the text of ``module``) imports, relative ones resolved."""
    found = []
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            found.append(base)
            found += [f"{base}.{alias.name}" for alias in node.names]
    return found


def violations(source: str, module: str) -> list[str]:
    """What ``module`` imports against the layering."""
    own = layer_of(module)
    own_adapter = module.split(".")[1] if own == "adapters" else None
    problems = []
    for imported in imports(source, module):
        if imported.split(".")[0] == "mkdocs" and own_adapter != "mkdocs":
            problems.append(f"{module} imports {imported}: only journeys.mkdocs may import MkDocs")
        target = layer_of(imported)
        if own is None or target is None or target not in LAYERS or own not in LAYERS:
            continue
        if LAYERS.index(target) > LAYERS.index(own):
            problems.append(f"{module} ({own}) imports {imported} ({target}), a higher layer")
        elif own == target == "adapters" and imported.split(".")[1] != own_adapter:
            problems.append(f"{module} imports {imported}: the two adapters stay apart")
    return problems


def modules() -> list[tuple[str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, path.read_text(encoding="utf-8")))
    return found


def test_every_module_is_in_a_layer_folder() -> None:
    loose = [name for name, _ in modules() if name != "journeys" and layer_of(name) not in LAYERS]
    assert loose == [], "put each module in a layer folder: " + ", ".join(loose)


def test_each_layer_imports_only_the_layers_before_it() -> None:
    problems = [problem for name, source in modules() for problem in violations(source, name)]
    assert problems == []


def test_a_forbidden_import_is_found() -> None:
    assert violations(
        "from journeys.building.cache import ChartCache\n", "journeys.content.loading"
    ) == [
        (
            "journeys.content.loading (content) imports journeys.building.cache (building), "
            "a higher layer"
        ),
        (
            "journeys.content.loading (content) imports journeys.building.cache.ChartCache "
            "(building), a higher layer"
        ),
    ]
    assert violations("import mkdocs.config\n", "journeys.site.render") == [
        "journeys.site.render imports mkdocs.config: only journeys.mkdocs may import MkDocs"
    ]
    assert violations("from journeys.mkdocs import config\n", "journeys.cli.commands")
    assert violations("from ..site import charts\n", "journeys.content.model")
    assert violations("from journeys.content import model\n", "journeys.site.render") == []


def test_the_public_api_is_declared() -> None:
    assert set(journeys.__all__) >= {"load_study", "Study", "Diagnostic", "Severity"}
    assert all(hasattr(journeys, name) for name in journeys.__all__)


MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 60


def test_no_module_or_function_outgrows_a_reading() -> None:
    too_long = []
    for name, source in modules():
        if len(source.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}.{node.name}: {length} lines")
    assert too_long == [], (
        f"split by job (at most {MAX_MODULE_LINES} lines a module, {MAX_FUNCTION_LINES} a function)"
    )
