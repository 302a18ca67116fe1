"""The preview (`mkdocs serve --dirty`, as `make serve` runs it): after one interview is saved,
only the generated files it changes are written again and only their pages are made again;
the rest keep their files, their navigation titles and their search entries; a change to
the navigation makes every page again; the privacy guard still checks every file.

Speed is measured in benchmarks/serve.py, not here."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from contentkit import REPO, SOURCE_DATE_EPOCH, ContentTree, write_site
from journeys.building import generation, isolated
from journeys.building.cache import ChartCache
from journeys.building.generation import label_texts
from journeys.building.guard_memory import GuardMemory
from journeys.building.preview import RenderMemory
from journeys.content.loading import load_study
from journeys.content.model import Journey
from journeys.mkdocs.plugin import url_resolver
from journeys.mkdocs.preview import rebuild_at_once
from journeys.privacy import guard
from journeys.site.data import SiteData
from journeys.site.kinds import journeys as kinds_journeys
from journeys.site.kinds.home import MARKER
from journeys.site.labels import Labels

NAME = "Noël Wesselius"
WAIT = 120.0  # seconds: a generous bound for a loaded machine, not a speed target


class Serving:
    """A real ``mkdocs serve --dirty`` of ``project``; its temporary folders (the site it
    serves, the plugin's generated files) under ``temporary``, to look at."""

    def __init__(self, project: Path, temporary: Path, *args: str) -> None:
        temporary.mkdir()
        self.temporary = temporary
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.address = f"127.0.0.1:{probe.getsockname()[1]}"
        env = os.environ | {
            "NO_MKDOCS_2_WARNING": "1",
            "TMPDIR": str(temporary),
            "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", self.address, *args],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self.changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        serving_on = self.lines[self._wait_for("Serving on", 0)]
        self.base = serving_on[serving_on.index("http://") :].strip()
        # The file watcher took its first look at the files before MkDocs said where it
        # serves (watchdog's polling emitter does at its start); an edit a moment later has
        # another time.
        time.sleep(0.05)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.lines.append("<ended>")
            self.changed.notify_all()

    def _wait_for(self, text: str, after: int) -> int:
        """The index of the first line from ``after`` on that contains ``text``."""
        deadline = time.monotonic() + WAIT
        with self.changed:
            while True:
                for index in range(after, len(self.lines)):
                    assert self.lines[index] != "<ended>", "\n".join(self.lines)
                    if text in self.lines[index]:
                        return index
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"no {text!r} from mkdocs serve:\n" + "\n".join(self.lines)
                self.changed.wait(remaining)

    def rebuild_after(self, path: Path, text: str | None) -> str:
        """Write ``text`` to ``path`` (None: remove it); the serve log of the rebuild that
        follows."""
        start = len(self.lines)
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        end = self._wait_for("Reloading browsers", start)
        time.sleep(0.6)  # the watcher's next look at the files
        return "\n".join(self.lines[start:end])

    def page(self, url: str) -> str:
        """The served page, or its HTTP error as ``HTTP 404``."""
        try:
            with urllib.request.urlopen(self.base + url, timeout=30) as response:
                return str(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            return f"HTTP {error.code}"

    def folder(self, prefix: str) -> Path:
        (found,) = self.temporary.glob(f"{prefix}*")
        return found

    @property
    def site(self) -> Path:
        return self.folder("mkdocs_")

    @property
    def generated(self) -> Path:
        return self.folder("journeys-preview-")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def times(folder: Path, pattern: str) -> dict[str, int]:
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns
        for path in folder.glob(pattern)
        if path.is_file()
    }


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, stamp in after.items() if before.get(name) != stamp}


def search_locations(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [entry["location"] for entry in index["docs"]]


@pytest.fixture
def study(tmp_path: Path) -> ContentTree:
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva")
    tree.persona("max")
    tree.journey("repair")
    tree.interview("int-01", scores=(5, 6, 7), participant={"name": NAME})
    tree.interview("int-02", scores=(3, 4, 5))
    tree.interview("int-03", scores=(6, 6, 6), persona="max")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(f"# Research\n\n{MARKER}\n", encoding="utf-8")
    (tmp_path / "docs" / "notes.md").write_text("# Notes\n\nNothing private.\n", encoding="utf-8")
    write_site(tmp_path)
    return tree


@pytest.fixture
def serving(study: ContentTree, tmp_path: Path) -> Iterator[Serving]:
    served = Serving(tmp_path, tmp_path / "tmp")
    try:
        yield served
    finally:
        served.stop()


def test_a_saved_interview_makes_again_only_the_pages_that_show_it(
    study: ContentTree, serving: Serving
) -> None:
    generated_before = times(serving.generated, "**/*")
    pages_before = times(serving.site, "**/*.html")
    locations_before = search_locations(serving.site)
    assert "Scores per step: 5, 6, 7" in serving.page("interviews/int-01/")

    log = serving.rebuild_after(
        *edited(study.root / "interviews" / "int-01.md", "score: 7", "score: 2")
    )

    rewritten = changed(generated_before, times(serving.generated, "**/*"))
    assert "interviews/int-01.md" in rewritten and "journeys/repair.md" in rewritten
    assert "personas/eva.md" in rewritten
    assert not {"interviews/int-02.md", "interviews/int-03.md"} & rewritten, rewritten
    made_again = changed(pages_before, times(serving.site, "**/*.html"))
    assert "interviews/int-01/index.html" in made_again
    # The site's own home page shows the study dashboard, which changed with the interview.
    assert "index.md" in rewritten and "index.html" in made_again
    assert "journeys/repair/index.html" in made_again
    assert not {"interviews/int-02/index.html", "notes/index.html"} & made_again, made_again
    assert "every page is made again" not in log
    assert "Scores per step: 5, 6, 2" in serving.page("interviews/int-01/")
    # The skipped pages keep their search entries, and no page has its entries twice.
    locations = search_locations(serving.site)
    assert sorted(locations) == sorted(set(locations))
    assert sorted(locations) == sorted(locations_before)
    # A skipped page's navigation title stays (MkDocs does not read a skipped page).
    assert ">Notes<" in serving.page("interviews/int-01/")


def test_the_first_save_renders_only_the_pages_it_changes_with_the_config_named(
    study: ContentTree, tmp_path: Path
) -> None:
    """`mkdocs serve -f mkdocs.yml` reads the relative name for its first build and the
    absolute path for each rebuild: the same settings, so the first save renders again
    only the pages it changes, not the other two interviews' (once it made every page)."""
    serving = Serving(tmp_path, tmp_path / "tmp", "-f", "mkdocs.yml")
    try:
        serving.rebuild_after(
            *edited(study.root / "interviews" / "int-01.md", "score: 7", "score: 2")
        )
        rendered = re.findall(r"pages \((\d+) rendered\)", "\n".join(serving.lines))
    finally:
        serving.stop()
    assert len(rendered) == 2 and 0 < int(rendered[1]) <= int(rendered[0]) - 2, rendered


def test_what_a_save_changes_is_served_as_a_fresh_build_makes_it(
    study: ContentTree, serving: Serving, tmp_path: Path
) -> None:
    """The charts (drawn by a child process while MkDocs makes the pages, copied into the
    site at the rebuild's end) and the search entries of the pages made again (indexed in
    the serving process, with the quicker parser)."""
    charts = set(times(serving.generated, "**/*.svg"))
    assert charts
    before = {name: (serving.site / name).read_bytes() for name in charts}

    log = serving.rebuild_after(
        *edited(study.root / "interviews" / "int-01.md", "score: 7", "score: 2")
    )

    fresh = tmp_path / "fresh"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(fresh)],
        cwd=study.root.parent,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
        check=True,
    )
    made_again = ("interviews/int-01/", "journeys/repair/", "personas/eva/", "")
    served = search_entries(serving.site, made_again)
    assert {entry["location"].split("#")[0] for entry in served} == set(made_again)
    assert served == search_entries(fresh, made_again), log
    served_charts = {name: (serving.site / name).read_bytes() for name in charts}
    assert served_charts != before
    assert served_charts == {name: (fresh / name).read_bytes() for name in charts}


def search_entries(site: Path, pages: tuple[str, ...]) -> list[dict[str, str]]:
    """The search entries of ``pages`` (their URLs), in the order of the index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [entry for entry in index["docs"] if entry["location"].split("#")[0] in pages]


def edited(path: Path, old: str, new: str) -> tuple[Path, str]:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, text
    return path, text.replace(old, new)


def test_a_new_persona_makes_every_page_again(study: ContentTree, serving: Serving) -> None:
    pages_before = times(serving.site, "**/*.html")
    assert "Zoe" not in serving.page("interviews/int-02/")

    log = serving.rebuild_after(
        study.root / "personas" / "zoe.md",
        "---\nname: Zoe\nsummary: Summary of zoe.\n---\nPersona narrative.\n",
    )

    # An interview page that did not change shows the new persona in its navigation.
    assert re.search(r">\s*Zoe\s*<", serving.page("interviews/int-02/"))
    pages_after = times(serving.site, "**/*.html")
    assert changed(pages_before, pages_after) >= set(pages_before) - {"404.html"}
    assert "every page is made again" in log


def test_a_changed_journey_title_makes_every_page_again(
    study: ContentTree, serving: Serving
) -> None:
    pages_before = times(serving.site, "**/*.html")

    log = serving.rebuild_after(*edited(study.root / "journeys" / "repair.md", "Repair", "Mending"))

    assert "Mending" in serving.page("notes/")
    assert changed(pages_before, times(serving.site, "**/*.html")) >= {"notes/index.html"}
    assert "every page is made again" in log


def test_a_removed_interview_leaves_the_preview(study: ContentTree, serving: Serving) -> None:
    assert "int-03" in serving.page("interviews/")

    serving.rebuild_after(study.root / "interviews" / "int-03.md", None)

    assert serving.page("interviews/int-03/") == "HTTP 404"
    assert "int-03" not in serving.page("interviews/")
    locations = search_locations(serving.site)
    assert "interviews/int-02/" in locations
    assert not [location for location in locations if "int-03" in location]


def test_the_guard_reports_a_leak_after_every_rebuild_until_it_is_gone(
    study: ContentTree, serving: Serving, tmp_path: Path
) -> None:
    notes = tmp_path / "docs" / "notes.md"
    leak = "privacy guard: notes/index.html: contains `participant.name`"

    planted = serving.rebuild_after(notes, f"# Notes\n\nSaid by {NAME}.\n")
    unchanged_notes = serving.rebuild_after(
        *edited(study.root / "interviews" / "int-02.md", "score: 4", "score: 3")
    )
    removed = serving.rebuild_after(notes, "# Notes\n\nNothing private.\n")

    assert leak in planted
    assert leak in unchanged_notes  # found before, in a file not read again: still reported
    assert "privacy guard" not in removed


def test_the_guard_memory_finds_what_the_guard_finds(tree: ContentTree, tmp_path: Path) -> None:
    """Against the guard itself, over a site whose files change between checks."""
    tree.minimal()
    tree.interview("int-02", participant={"name": NAME, "phone": "+31 6 11223344"})
    study = load_study(tree.root)
    watching = guard.watchlist(
        study.interviews, study.personas.values(), study.journeys.values(), label_texts()
    )
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    memory = GuardMemory()
    steps: list[dict[str, str | None]] = [
        {"a/index.html": "<p>Nothing.</p>", "b.txt": f"By {NAME}.", "c.txt": "Call 06-11223344"},
        {"a/index.html": "<p>Still nothing.</p>"},  # b.txt and c.txt: kept, and still found
        {"b.txt": "Gone.", f"{NAME}.txt": "A name in the path."},
        {"c.txt": None, "a/index.html": f"<p>{NAME.split()[1]}</p>"},  # removed; a surname
    ]
    for number, step in enumerate(steps):
        for name, text in step.items():
            if text is None:
                (site / name).unlink()
            else:
                (site / name).write_text(text, encoding="utf-8")
        expected = guard.find_leaks(site, watching)
        assert memory.find_leaks(site, watching, []) == expected, number
        assert sorted(memory.read_last) == sorted(n for n, t in step.items() if t), number
    assert [leak.output for leak in expected] == [f"{NAME}.txt", "a/index.html"]


def test_make_serve_and_a_new_repository_preview_with_dirty() -> None:
    """Without ``--dirty`` MkDocs makes every page again after every save."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    readme = (REPO / "plugins/journeys/cli/templates/README.md").read_text(encoding="utf-8")
    assert re.search(r"^serve:.*\n\t.*mkdocs serve --dirty ", makefile, re.MULTILINE)
    assert re.search(r"^mkdocs serve --dirty ", readme, re.MULTILINE)


class Generations:
    """Generation as `mkdocs serve` runs it, with what it keeps (compiled templates, rendered
    pages, files in one folder), and fresh generations to compare it with."""

    def __init__(self, study: ContentTree, tmp_path: Path) -> None:
        self.kept = RenderMemory()
        self.folder = tmp_path / "kept"
        self.tmp_path = tmp_path
        self.settings = generation.SiteSettings(
            content_dir=study.root,
            display_root=tmp_path,
            public_contacts=(),
            cache_dir=None,
            labels=Labels.for_language("en"),
            href=url_resolver(True),
            build_date=dt.date(2026, 3, 1),
        )

    def generate(self, out: Path, memory: RenderMemory | None) -> dict[str, bool]:
        written: list[generation.WrittenFile] = []
        outcome = isolated.drain(
            generation.generate_site(self.settings, ChartCache(None), out, memory),
            lambda item: isinstance(item, generation.WrittenFile) and written.append(item),
        )
        generation.draw_charts(outcome.charts_to_draw, ChartCache(None))
        return {file.src_uri: file.changed for file in written}

    def again(self) -> dict[str, bool]:
        return self.generate(self.folder, self.kept)

    def fresh(self, name: str) -> Path:
        folder = self.tmp_path / f"fresh-{name}"
        self.generate(folder, None)
        return folder


def contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_pages_kept_from_the_last_build_are_those_a_fresh_build_makes(
    study: ContentTree, tmp_path: Path
) -> None:
    """Generation with what `mkdocs serve` keeps writes the bytes a fresh generation writes,
    and renders again only the pages whose data changed."""
    generations = Generations(study, tmp_path)
    first = generations.again()
    pages = generations.kept.pages.rendered
    interview = study.root / "interviews" / "int-01.md"
    for old, new in (("score: 7", "score: 2"), ("score: 2", "score: 2.0"), ("Goal", "Aim")):
        edit(interview, old, new)
        again = generations.again()

        assert contents(generations.folder) == contents(generations.fresh(new)), new
        assert not again["interviews/int-02.md"] and not again["interviews/int-03.md"]
        assert generations.kept.pages.rendered < pages  # 2 and 2.0 are one score: none again
    assert all(first.values()) and again["interviews/int-01.md"]
    assert generations.kept.pages.rendered > 0


def test_an_interview_page_is_made_again_when_its_journey_or_persona_changes(
    study: ContentTree, tmp_path: Path
) -> None:
    """An interview's page is kept by the records it is made from (the interview, its
    journey, its persona): a change in any of them makes it again, in the preview as in a
    fresh build; a change in another interview does not."""
    generations = Generations(study, tmp_path)
    generations.again()
    root = study.root
    edits = [  # (file, old, new, the interview pages that must change)
        ("journeys/repair.md", "name: Report", "name: Report it", {"int-01", "int-02", "int-03"}),
        ("personas/max.md", "Summary of max.", "Summary of Max.", set()),
        ("interviews/int-02.md", "consent: true", "consent: false", {"int-02"}),
        ("interviews/int-02.md", "consent: false", "consent: true", {"int-02"}),
        ("interviews/int-03.md", "score: 6", "score: 1", {"int-03"}),
    ]
    for number, (file, old, new, changed) in enumerate(edits):
        before = {
            key: (generations.folder / f"interviews/{key}.md").read_bytes()
            for key in ("int-01", "int-02", "int-03")
        }
        edit(root / file, old, new)
        generations.again()

        assert contents(generations.folder) == contents(generations.fresh(str(number))), file
        after = {key: (generations.folder / f"interviews/{key}.md").read_bytes() for key in before}
        assert {key for key in before if before[key] != after[key]} == changed, file


def test_what_is_remembered_is_what_a_fresh_build_makes_in_a_study_of_two_journeys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages of a journey or persona are kept by the records they are worked out from:
    after each edit the kept pages are those a fresh build makes, and the views of journeys
    no edited interview belongs to are not worked out again."""
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva")
    tree.persona("max")
    tree.theme("waiting")
    tree.journey("repair")
    tree.journey("move", stages=("plan", "pack", "settle"))
    tree.interview("int-01", scores=(5, 6, 7))
    tree.interview("int-02", scores=(3, 4, 5), persona="max")
    tree.interview("int-03", journey="move", stages=("plan", "pack", "settle"))
    tree.interview("int-04", journey="move", stages=("plan", "pack", "settle"), persona="max")
    worked_out: list[str] = []
    journey_view = kinds_journeys.journey_view

    def counted(data: SiteData, journey: Journey) -> kinds_journeys.JourneyView:
        worked_out.append(journey.slug)
        return journey_view(data, journey)

    monkeypatch.setattr(kinds_journeys, "journey_view", counted)
    generations = Generations(tree, tmp_path)
    generations.again()
    root = tree.root
    edits = [  # (file, old, new, the journeys whose view must be worked out again)
        ("interviews/int-01.md", "score: 7", "score: 2", ["repair"]),
        ("interviews/int-04.md", "score: 6", "score: 1", ["move"]),
        ("themes/waiting.md", "name: Waiting", "name: Waiting long", ["move", "repair"]),
        ("personas/max.md", "Summary of max.", "Summary of Max.", ["move", "repair"]),
        ("journeys/move.md", "name: Pack", "name: Pack up", ["move"]),
        ("interviews/int-02.md", "consent: true", "consent: false", ["repair"]),
        ("interviews/int-03.md", "Goal of int-03", "A goal of int-03", ["move"]),
    ]
    for number, (file, old, new, again) in enumerate(edits):
        worked_out.clear()
        edit(root / file, old, new)
        generations.again()
        made_again = sorted(worked_out)
        fresh = generations.fresh(str(number))

        assert contents(generations.folder) == contents(fresh), file
        assert made_again == again, file


def test_the_preview_rebuilds_as_soon_as_the_watcher_reports_a_change(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    assert server.build_delay > 0  # MkDocs' own wait for more changes

    rebuild_at_once(server)

    assert server.build_delay == 0
