"""A study: every valid record under one content folder, and every problem found."""

from __future__ import annotations

from dataclasses import dataclass, field

from journeys.content.diagnostics import Diagnostic, has_errors
from journeys.content.model import Interview, Journey, Persona, Theme


@dataclass
class Study:
    """Everything under one content folder, valid records only."""

    personas: dict[str, Persona] = field(default_factory=dict)
    journeys: dict[str, Journey] = field(default_factory=dict)
    interviews: list[Interview] = field(default_factory=list)
    """Sorted by date, then id."""
    themes: dict[str, Theme] = field(default_factory=dict)
    """The codebook: theme slug -> theme, by slug; empty without ``content/themes/``. Steps
    and opportunities of a study with errors may name a slug that is not here."""
    persona_images: dict[str, str] = field(default_factory=dict)
    """Persona slug -> its picture's path in docs_dir (posix: its src_uri), checked
    (:mod:`journeys.content.images`)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    file_count: int = 0
    """How many files were read."""

    @property
    def has_errors(self) -> bool:
        return has_errors(self.diagnostics)
