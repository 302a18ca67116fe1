"""The MkDocs adapter: loads the study with the core and hands its pages to MkDocs.

Every handler is thin; the work is done by plain functions of the core.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files

from journeys.config import JourneysConfig
from journeys.diagnostics import Diagnostic, Severity
from journeys.loading import Study, load_study

log = get_plugin_logger(__name__)


class JourneysPlugin(BasePlugin[JourneysConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.study: Study | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defined so MkDocs keeps this object across `mkdocs serve` rebuilds.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.study = None
        return config

    @property
    def root(self) -> Path:
        return Path(self.config_file_path).parent if self.config_file_path else Path.cwd()

    def content_dir(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        return (base / self.config.content_dir).resolve()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        content_dir = self.content_dir(config)
        self.study = load_study(content_dir, display_root=content_dir.parent)
        report(self.study.diagnostics)
        if self.study.has_errors and not self.serving:
            raise PluginError(
                f"journeys: the research content has errors (listed above); "
                f"run `journeys check {self.config.content_dir}` to see them without building"
            )
        return files

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir(config)))
        return server


def report(diagnostics: list[Diagnostic]) -> None:
    """Through MkDocs' logger, so `--strict` counts the warnings."""
    for diagnostic in diagnostics:
        emit = log.error if diagnostic.severity is Severity.ERROR else log.warning
        emit(diagnostic.format())
