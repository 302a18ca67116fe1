"""Trustworthy builds: privacy guard, escaping, determinism, content never touched, serve
keeps going."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from contentkit import SOURCE_DATE_EPOCH, ContentTree, build, build_demo, mkdocs, write_site
from journeys.content.diagnostics import Severity
from journeys.content.loading import load_study
from journeys.privacy import contacts, guard, guard_reading, matching

PARTICIPANT_NAME = "Gijsbert Holtkamp"


def study_with_participant(tree: ContentTree, body: str = "Notes.") -> None:
    tree.minimal()
    tree.interview(
        "int-02",
        participant={
            "name": PARTICIPANT_NAME,
            "email": "gijsbert@example.nl",
            "phone": "+31 6 98765432",
        },
        body=body,
    )


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


# --- privacy guard ------------------------------------------------------------------------------


def leaks_in_site(tmp_path: Path, pages: dict[str, str]) -> list[guard.Leak]:
    """The guard's findings for the study in ``tmp_path/content`` and a site of ``pages``."""
    study = load_study(tmp_path / "content", tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    for name, text in pages.items():
        (site / name).write_text(text)
    return guard.find_leaks(
        site, guard.watchlist(study.interviews, study.personas.values(), study.journeys.values())
    )


def test_a_participant_named_in_published_notes_fails_the_build(tmp_path: Path) -> None:
    study_with_participant(
        ContentTree(tmp_path / "content"), body=f"Later {PARTICIPANT_NAME} called back."
    )
    write_site(tmp_path)

    result = mkdocs(tmp_path, "build")

    assert result.returncode != 0
    assert re.search(
        (
            r"privacy guard: interviews/int-02/index\.html: "
            r"contains `participant\.name` of content/interviews/int-02\.md"
        ),
        result.stderr,
    ), result.stderr


def test_a_participant_phone_written_without_spaces_in_a_docs_page_fails_the_build(
    tmp_path: Path,
) -> None:
    study_with_participant(ContentTree(tmp_path / "content"))
    write_site(tmp_path)
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nCall +31698765432 for questions.\n")

    result = mkdocs(tmp_path, "build")

    assert result.returncode != 0
    assert (
        "index.html: contains `participant.phone` of content/interviews/int-02.md" in result.stderr
    )
    assert "search/search_index.json: contains `participant.phone`" in result.stderr


def test_guard_finds_non_consenting_text_through_html_escaping(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", consent=False, goal="Rescue the zeppelin & telemetry archive")

    leaks = leaks_in_site(
        tmp_path, {"page.html": "<p>Rescue the <em>zeppelin</em> &amp; telemetry archive</p>"}
    )

    assert [(leak.output, leak.field) for leak in leaks] == [("page.html", "goal")]


def test_text_that_consenting_interviews_publish_too_is_not_a_leak(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", consent=False, goal="Work again on a reliable laptop")
    tree.interview("int-03", goal="Work again on a reliable laptop")
    tree.interview("int-04", consent=False, goal="Never lose the zeppelin archive again")

    leaks = leaks_in_site(
        tmp_path,
        {
            "index.html": "<p>Work again on a <b>reliable</b> laptop</p>",
            "other.html": "<p>They never lose the zeppelin archive again.</p>",
        },
    )

    assert [(leak.output, leak.source, leak.field) for leak in leaks] == [
        ("other.html", "content/interviews/int-04.md", "goal")
    ]


def test_a_private_phrase_split_over_two_published_texts_is_still_a_leak(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", goal="Restore the zeppelin", body="Archive before noon.")
    tree.interview("int-03", consent=False, goal="Restore the zeppelin archive before noon")

    leaks = leaks_in_site(
        tmp_path, {"index.html": "<p>Restore the zeppelin archive before noon</p>"}
    )

    assert [(leak.output, leak.field) for leak in leaks] == [("index.html", "goal")]


QUOTE = "Honestly, the loan laptop was so slow that I just went home and cried"


def test_most_of_a_non_consenting_sentence_quoted_on_a_page_fails_the_build(
    tmp_path: Path,
) -> None:
    """Not only a whole sentence: any eight words in a row of it (twelve of thirteen here)."""
    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey()
    steps = [{"stage": "notice", "action": "Took the loan laptop", "score": 3, "quote": QUOTE}]
    tree.interview("int-01", steps=steps, consent=False)
    tree.interview("int-02")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(
        "# Findings\n\nOne colleague told us the loan laptop was so slow that I just went "
        "home and cried.\n",
        encoding="utf-8",
    )
    write_site(tmp_path)

    result = mkdocs(tmp_path, "build", "--strict")

    assert result.returncode != 0  # a warning, which --strict (as CI builds) makes fatal
    assert (
        "words 2-14 of `steps[1].quote` of content/interviews/int-01.md, which must not be "
        "published, stand here in a row" in result.stderr
    )


def test_eight_words_in_a_row_of_a_non_consenting_sentence_are_a_leak_unless_published(
    tmp_path: Path,
) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", consent=False, goal=QUOTE)
    tree.interview(
        "int-04", consent=False, goal="We waited at the desk for hours. Then the manager came."
    )
    tree.interview("int-03", goal="They said the loan laptop was so slow")

    leaks = leaks_in_site(
        tmp_path,
        {
            "said.html": "<p>The loan laptop was so slow, they said.</p>",  # int-03 says it
            "seven.html": "<p>Was so slow that I just went.</p>",  # seven: could be chance
            "eight.html": "<p>Was so slow that I just went home.</p>",
            # the end of one sentence and the start of the next: two snippets side by side
            "across.html": "<p>At the desk for hours.</p><p>Then the manager was busy.</p>",
        },
    )

    assert [(leak.output, leak.field, leak.severity, leak.part) for leak in leaks] == [
        ("eight.html", "goal", Severity.WARNING, "5-12")
    ]


def test_the_guard_does_not_repeat_a_field_name_that_may_be_a_participants_words(
    tmp_path: Path,
) -> None:
    """A line of a non-consenting interview read as a field: its name is no field of the
    format, so the log shows it as `…`."""
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    path = tree.interview("int-02", consent=False)
    text = path.read_text(encoding="utf-8")
    pasted = "Femke Oudshoorn called back: Rescue the zeppelin telemetry archive\n---\n"
    path.write_text(text.replace("\n---\n", f"\n{pasted}", 1), encoding="utf-8")

    [leak] = leaks_in_site(tmp_path, {"page.html": "Rescue the zeppelin telemetry archive"})

    assert leak.format() == (
        "page.html: contains `…` of content/interviews/int-02.md, which must never be published"
    )


def _offline_site(project: Path) -> Path:
    """The site of ``project`` as mkdocs.offline.yml makes the demo's: a folder to share,
    opened from disk."""
    config = write_site(project, extra_config={"use_directory_urls": False})
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"] = ["search", "offline", settings["plugins"][1]]
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return project / "site"


def test_a_build_the_guard_fails_leaves_nothing_of_it_in_the_site_folder(tmp_path: Path) -> None:
    """MkDocs has written every page when the guard reads them: they are removed, so the
    folder cannot be shared or deployed as it is (`make offline`). Hidden entries stay,
    as MkDocs leaves them (a deploy's `.git`)."""
    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey()
    quote = "Femke Oudshoorn here"
    steps = [{"stage": "notice", "action": "Asked for help", "score": 3, "quote": quote}]
    tree.interview("int-01", steps=steps, participant={"name": "Femke Oudshoorn"})
    site = _offline_site(tmp_path)
    (site / ".git").mkdir(parents=True)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")

    result = mkdocs(tmp_path, "build", "--strict")

    assert result.returncode != 0
    assert "the site folder was emptied so that nothing of this build can be published" in (
        result.stderr
    )
    assert sorted(path.relative_to(site).as_posix() for path in site.rglob("*")) == [
        ".git",
        ".git/HEAD",
    ]


def private_phrase_and_small_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A non-consenting interview's goal to find, and the guard's windows cut to 40 characters."""
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview(
        "int-02", consent=False, goal="Rescue the zeppelin telemetry archive before noon"
    )
    monkeypatch.setattr(matching, "WINDOW_CHARACTERS", 40)


def test_a_large_file_is_searched_in_windows_without_missing_a_phrase_on_their_edge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_phrase_and_small_windows(tmp_path, monkeypatch)
    pages = {  # the phrase meets a window's edge at every one of its words
        f"page-{shift:02}.html": "filler " * 30
        + "x" * shift
        + " <p>Rescue the zeppelin <b>telemetry</b> archive before noon</p>"
        for shift in range(60)
    }

    leaks = leaks_in_site(tmp_path, pages)

    assert sorted(leak.output for leak in leaks) == [f"page-{shift:02}.html" for shift in range(60)]


def test_a_search_index_is_searched_string_by_string_across_window_edges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_phrase_and_small_windows(tmp_path, monkeypatch)
    pages = {  # the phrase, in JSON-escaped markup, meets a window's edge at every one of its words
        f"search-{shift:02}.json": json.dumps(
            {
                "docs": [
                    {"location": "a/", "text": "filler " * 30 + "x" * shift},
                    {
                        "location": "b/",
                        "text": "<p>Rescue the zeppelin <b>telemetry</b> archive before noon</p>",
                    },
                ]
            }
        ).replace("<", "\\u003c")
        for shift in range(60)
    }
    pages["unrelated.json"] = json.dumps({"docs": [{"text": "Rescue the zeppelin later"}]})

    leaks = leaks_in_site(tmp_path, pages)

    assert "\\u003cb" in pages["search-00.json"]
    assert sorted(leak.output for leak in leaks) == [
        f"search-{shift:02}.json" for shift in range(60)
    ]


def test_a_json_file_is_read_in_parts_without_missing_a_string_cut_by_their_edge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_phrase_and_small_windows(tmp_path, monkeypatch)
    monkeypatch.setattr(guard_reading, "READ_BYTES", 16)
    text = '\\u00e9t\\u00e9 \\u0026 Rescue the \\"zeppelin\\" <b>telemetry</b> archive before noon'
    pages = {  # the edge of a part falls in every place of the string: escapes, "é", quotes
        f"index-{shift:02}.json": '{"docs": [{"text": "'
        + "é" * shift
        + '", "more": "'
        + text
        + '"}]}'
        for shift in range(20)
    }

    leaks = leaks_in_site(tmp_path, pages)

    assert sorted(leak.output for leak in leaks) == [
        f"index-{shift:02}.json" for shift in range(20)
    ]


def test_a_json_file_that_is_not_json_is_still_read_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_phrase_and_small_windows(tmp_path, monkeypatch)
    monkeypatch.setattr(guard_reading, "READ_BYTES", 16)
    monkeypatch.setattr(guard_reading, "UNCLOSED_STRING_LIMIT", 64)
    pages = {  # a quote that never closes, then the phrase far past the limit
        f"broken-{shift:02}.json": '{"text": "unclosed '
        + "filler " * 20
        + "x" * shift
        + " Rescue the zeppelin telemetry archive before noon"
        for shift in range(20)
    }
    pages["entities.json"] = (
        '<p class="x">Rescue the zeppelin &lt;telemetry&gt; archive before noon</p>'
    )

    leaks = leaks_in_site(tmp_path, pages)

    assert sorted(leak.output for leak in leaks) == [
        *(f"broken-{shift:02}.json" for shift in range(20)),
        "entities.json",
    ]


def test_a_string_past_the_limit_stays_a_string_and_the_strings_after_it_are_unescaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", participant={"name": "Zoë Hoekstra"})
    monkeypatch.setattr(guard_reading, "READ_BYTES", 16)
    monkeypatch.setattr(guard_reading, "UNCLOSED_STRING_LIMIT", 64)
    long_texts = {  # plain words; escapes everywhere a cut could fall, with and without spaces
        "words": "word " * 200,
        "spaces": 'a "quoted" line\n ' * 40,
        "no-spaces": '\u00e9\\x"' * 60,
    }
    pages = {  # as MkDocs writes its search index: non-ASCII as \u escapes
        f"{name}.json": json.dumps({"docs": [{"text": text}, {"text": "Zoë Hoekstra"}]})
        for name, text in long_texts.items()
    }

    leaks = leaks_in_site(tmp_path, pages)

    assert "Zo\\u00eb Hoekstra" in pages["spaces.json"]
    assert sorted(leak.output for leak in leaks) == ["no-spaces.json", "spaces.json", "words.json"]


def test_json_keys_and_numbers_are_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study_with_participant(ContentTree(tmp_path / "content"))
    monkeypatch.setattr(guard_reading, "READ_BYTES", 8)
    site = {
        "keys.json": json.dumps({"by_name": {PARTICIPANT_NAME: 1}}),
        "numbers.json": '{"phone": 31698765432}',
        "clean.json": json.dumps({"by_name": {"Someone Else": 31600000000}}),
    }

    leaks = leaks_in_site(tmp_path, site)

    assert sorted((leak.output, leak.field) for leak in leaks) == [
        ("keys.json", "participant.name"),
        ("numbers.json", "participant.phone"),
    ]


@pytest.mark.parametrize("read_bytes", [8, guard_reading.READ_BYTES])
def test_gzipped_files_are_read_unpacked_as_far_as_they_go_or_as_they_stand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_bytes: int
) -> None:
    study_with_participant(ContentTree(tmp_path / "content"))
    monkeypatch.setattr(guard_reading, "READ_BYTES", read_bytes)
    index = json.dumps(
        {"docs": [{"text": f"Notes on {PARTICIPANT_NAME}. " + "Padding words. " * 50}]}
    ).encode()
    packed = gzip.compress(index)
    files = {
        "zipped.json.gz": packed,
        "two-members.json.gz": gzip.compress(b"[") + gzip.compress(index[1:]),
        "cut-short.json.gz": packed[:-20],  # the trailer and most of the text gone
        "not-gzip.json.gz": index,
        "sitemap.xml.gz": gzip.compress(f"<loc>{PARTICIPANT_NAME}</loc>".encode()),
        "clean.json.gz": gzip.compress(b'{"text": "nothing private"}'),
    }

    leaks = leaks_in_site(tmp_path, {})
    for name, content in files.items():
        (tmp_path / "site" / name).write_bytes(content)
    study = load_study(tmp_path / "content", tmp_path)
    watching = guard.watchlist(study.interviews, study.personas.values(), study.journeys.values())
    found = {leak.output for leak in guard.find_leaks(tmp_path / "site", watching)}

    assert leaks == []
    assert found == set(files) - {"clean.json.gz"}


def test_the_demo_site_has_no_leak(demo_site: Path) -> None:
    repo = Path(__file__).resolve().parent.parent
    study = load_study(repo / "content", repo)
    private = guard.needles(study.interviews)
    assert len(private) > 40  # every participant value, and the non-consenting interview's phrases
    watching = guard.watchlist(study.interviews, study.personas.values(), study.journeys.values())
    assert guard.find_leaks(demo_site, watching) == []


def test_published_contact_details_get_a_warning_with_file_and_line(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", body="First line.\nShe mailed jan.devries@example.nl about it.\n")
    tree.interview("int-03", body="Call the desk on 020 123 4567.\n")

    study = load_study(tmp_path / "content", tmp_path, checks=[contacts.checker()])
    diagnostics = [d.format() for d in study.diagnostics]

    assert any(
        line.startswith("content/interviews/int-02.md:") and "looks like an e-mail address" in line
        for line in diagnostics
    ), diagnostics
    body_line = next(d for d in study.diagnostics if "e-mail" in d.message)
    text = (tmp_path / "content/interviews/int-02.md").read_text().splitlines()
    assert "jan.devries@example.nl" in text[body_line.line - 1]
    assert any("int-03.md" in line and "a phone number" in line for line in diagnostics)


def test_known_public_contacts_are_not_warned_about(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", body="She mailed servicedesk@example.org.\n")

    study = load_study(
        tmp_path / "content", tmp_path, checks=[contacts.checker(["ServiceDesk@example.org"])]
    )

    assert study.diagnostics == []


def test_contact_warning_fails_a_strict_build(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", body="She mailed servicedesk@example.org.\n")
    write_site(tmp_path)

    assert mkdocs(tmp_path, "build", "--strict").returncode != 0
    write_site(tmp_path, plugin_options={"public_contacts": ["servicedesk@example.org"]})
    build(tmp_path)


# --- hostile text is shown as text --------------------------------------------------------------

SCRIPT = "<script>alert('x')</script>"


def test_markup_in_front_matter_is_escaped_everywhere(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva", name=f"Eva {SCRIPT}")
    tree.journey(stages=("notice", "report", "wait"))
    tree.interview(
        "int-01",
        steps=[
            {
                "stage": "notice",
                "action": f"Clicked {SCRIPT}",
                "score": 3,
                "quote": f"It said {SCRIPT}",
            },
            {"stage": "report", "action": "Called", "score": 5},
        ],
        body="Normal **Markdown** body.",
    )
    site = build(write_site(tmp_path).parent)

    for path in site.rglob("*"):
        if path.suffix in {".html", ".svg", ".csv", ".json", ".xml"}:
            content = path.read_text(encoding="utf-8")
            assert "<script>alert" not in content, path
    journey = (site / "journeys" / "repair" / "index.html").read_text()
    assert "It said &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in journey
    interview = (site / "interviews" / "int-01" / "index.html").read_text()
    assert "Normal <strong>Markdown</strong> body." in interview


# --- deterministic builds -----------------------------------------------------------------------


def test_two_builds_produce_identical_generated_files(tmp_path: Path, demo_site: Path) -> None:
    # The second build is cold (an empty cache): the chart cache must not be what makes the
    # bytes equal. The first is the shared demo site, built with the same SOURCE_DATE_EPOCH.
    env_result = build_demo(
        tmp_path / "two",
        tmp_path / "empty-cache",
        "--strict",
        env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )
    assert env_result.returncode == 0, env_result.stderr
    outputs = [demo_site, tmp_path / "two"]
    generated = [
        path.relative_to(outputs[0])
        for path in outputs[0].rglob("*")
        if path.is_file()
        and path.relative_to(outputs[0]).parts[0]
        in {"personas", "journeys", "interviews", "research"}
    ]
    assert len(generated) > 20
    for relative in generated:
        assert (outputs[0] / relative).read_bytes() == (outputs[1] / relative).read_bytes(), (
            relative
        )
    assert tree_hash(outputs[0]) == tree_hash(outputs[1])  # with SOURCE_DATE_EPOCH, the whole site


# --- nothing lost -------------------------------------------------------------------------------


def test_a_build_leaves_content_byte_for_byte_unchanged(tmp_path: Path, demo_cache: Path) -> None:
    repo = Path(__file__).resolve().parent.parent
    before = tree_hash(repo / "content")
    result = build_demo(tmp_path / "site", demo_cache, "--strict")
    assert result.returncode == 0, result.stderr
    assert tree_hash(repo / "content") == before


@pytest.mark.parametrize("outcome", ["built", "content errors", "privacy guard"])
def test_a_build_leaves_no_temporary_files_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, outcome: str
) -> None:
    tree = ContentTree(tmp_path / "content")
    study_with_participant(
        tree,
        body=f"Later {PARTICIPANT_NAME} called back." if outcome == "privacy guard" else "Notes.",
    )
    if outcome == "content errors":
        tree.interview("int-03", overall_score=11)
    write_site(tmp_path)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))

    result = mkdocs(tmp_path, "build")

    assert (result.returncode == 0) == (outcome == "built"), result.stderr
    assert (outcome == "privacy guard") == ("privacy guard:" in result.stderr)
    assert list(temporary.iterdir()) == []
    if outcome == "built":  # the pages were read from there
        assert (tmp_path / "site" / "interviews" / "int-02" / "index.html").is_file()


def test_a_failed_build_through_mkdocs_python_api_leaves_no_temporary_files_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Tools that build with ``mkdocs.commands.build`` get no ``on_shutdown``, only
    ``on_build_error``."""
    tree = ContentTree(tmp_path / "content")
    study_with_participant(tree, body="Notes.")
    tree.interview("int-03", overall_score=11)
    write_site(tmp_path)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    with pytest.raises(Abort):
        mkdocs_build(load_config(str(tmp_path / "mkdocs.yml")))

    assert "the research content has errors" in caplog.text
    assert list(temporary.iterdir()) == []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition: object, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():  # type: ignore[operator]
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_serve_reports_a_broken_file_keeps_serving_and_recovers(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    broken = tree.interview("int-02", overall_score=42)
    write_site(tmp_path, extra_config={"site_url": None})  # served at the root
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--livereload",
        ],
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )
    home = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Test research" in fetch(home))
        page = fetch(home)
        assert 'class="jr-error-banner" role="alert"' in page
        assert "content/interviews/int-02.md:" in page and "overall_score" in page
        assert "content/interviews/int-02.md" in (tmp_path / "serve.log").read_text()
        assert "int-01" in fetch(home + "interviews/")  # the valid interview is still served

        broken.write_text(broken.read_text().replace("overall_score: 42", "overall_score: 7"))
        fixed = tree_hash(tmp_path / "content")
        wait_for(
            lambda: "jr-error-banner" not in fetch(home) and "int-02" in fetch(home + "interviews/")
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
    assert tree_hash(tmp_path / "content") == fixed  # the rebuilds wrote nothing into content/


def test_csv_exports_never_hand_a_formula_to_a_spreadsheet(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey()
    tree.interview(
        "int-01",
        steps=[
            {
                "stage": "notice",
                "action": "x",
                "score": 3,
                "expected": '=HYPERLINK("http://evil.example")',
                "actual": "@SUM(A1)",
            },
        ],
    )
    site = build(write_site(tmp_path).parent)

    rows = (site / "journeys" / "repair-expectations.csv").read_text(encoding="utf-8").splitlines()

    assert rows[1].startswith('Notice,"\'=HYPERLINK(""http://evil.example"")",\'@SUM(A1),')
