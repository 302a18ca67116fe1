"""The study dashboard on the site's own home page: where the site has a home page of its
own (``docs/index.md``), the generated home page is not published; its dashboard is placed
on the marker line of the site's own page instead."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from journeys.building.generation import WrittenFile
from journeys.site import passthrough
from journeys.site.kinds import home


class HomeDashboard:
    """The generated home page's dashboard, for the marker line of the site's own home page
    (one build's)."""

    def __init__(self, sent_text: Callable[[str], str | None]) -> None:
        """``sent_text``: the text of a generated page the worker sent rather than wrote,
        once it is made."""
        self.sent_text = sent_text
        self.file: WrittenFile | None = None
        self.text: str | None = None

    def takes(self, output: WrittenFile, files: Files) -> bool:
        """Whether ``output`` is the generated home page and the site has a home page of its
        own, which shows its dashboard: then it is not published itself."""
        if output.src_uri != home.HOME:
            return False
        if not any(files.get_file_from_path(name) for name in home.OWN_HOMES):
            return False
        self.file = output
        return True

    def markdown(self) -> str | None:
        """The study dashboard (None where the site has no home page of its own)."""
        if self.file is None:
            return None
        if self.text is None:
            sent = self.sent_text(home.HOME)
            page = sent if sent is not None else self.file.path.read_text("utf-8")
            self.text = home.dashboard_markdown(page, self.file.title or "")
        return self.text

    def placed(
        self, markdown: str, page: Page, placeholder: str
    ) -> tuple[str, passthrough.SetAside] | None:
        """The site's own home page with the study dashboard on its marker line, and the
        dashboard's blocks set aside (put back as a generated page's are); None for
        another page, or without a marker line."""
        dashboard = self.markdown()
        if page.file.src_uri not in home.OWN_HOMES or dashboard is None:
            return None
        aside = passthrough.set_aside(dashboard, placeholder)
        placed = home.with_dashboard(markdown, aside.markdown)
        return None if placed is None else (placed, aside)
