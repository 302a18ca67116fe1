"""The user guide: it builds as part of the demo site, its field reference is generated from
the model and complete, and troubleshooting covers every message the code can produce."""

from __future__ import annotations

import ast
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from contentkit import REPO, ContentTree, build_demo, journeys_cli
from journeys.content import model, reference
from journeys.site import kinds, render

GUIDE = REPO / "docs" / "guide"
PAGES = (
    "index",
    "planning-interviews",
    "content-format",
    "editor",
    "troubleshooting",
    "publishing",
    "reading-the-site",
)
SOURCE = REPO / "plugins" / "journeys"


@pytest.fixture
def site(demo_site: Path) -> Path:
    """The demo site (this repository's mkdocs.yml), built with --strict (see conftest)."""
    return demo_site


def page_html(site: Path, name: str) -> str:
    return (site / "guide" / ("" if name == "index" else name) / "index.html").read_text(
        encoding="utf-8"
    )


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


# --- the guide builds with the demo site ---------------------------------------------------------


def test_the_demo_site_builds_with_the_guide(site: Path) -> None:
    for name in PAGES:
        assert (GUIDE / f"{name}.md").is_file(), name
        assert "<h1" in page_html(site, name), name


def test_the_guide_is_in_the_navigation(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    for name in PAGES[1:]:
        assert f'href="guide/{name}/"' in home, name


def test_the_guide_builds_with_plain_html_links_as_pull_request_previews_do(
    tmp_path: Path, demo_cache: Path
) -> None:
    result = build_demo(tmp_path, demo_cache, "--strict", "--no-directory-urls")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "guide" / "troubleshooting.html").is_file()


def test_the_readme_links_to_the_content_format() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\((docs/[^)#]+)", readme)
    assert "docs/guide/content-format.md" in targets  # the scan finds the links
    for target in targets:
        assert (REPO / target).is_file(), target


# --- the field reference ------------------------------------------------------------------------


def models_of_the_format() -> set[type[BaseModel]]:
    return {
        value
        for value in vars(model).values()
        if isinstance(value, type)
        and issubclass(value, model.FrontMatter)
        and value not in (model.FrontMatter, model.Record)
    }


def test_the_reference_covers_every_model_of_the_format() -> None:
    assert {kind.model for kind in reference.kinds()} == models_of_the_format()


def test_the_built_page_lists_every_field_of_every_model(site: Path) -> None:
    built = page_html(site, "content-format")
    assert "journeys:field-reference" not in built, "the marker was not replaced"
    for kind in reference.kinds():
        start = built.find(f'id="{kind.anchor}"')
        assert start != -1, f"no section for {kind.title}"
        end = built.find("<h3", start + 1)
        section = built[start : end if end != -1 else None]
        for name, field in ((f.alias or n, f) for n, f in kind.model.model_fields.items()):
            row = re.search(
                rf"<tr>\s*<td><code>{re.escape(name)}</code></td>(.*?)</tr>", section, re.DOTALL
            )
            assert row, f"{kind.title}: no row for `{name}`"
            cells = text_of(row.group(1))
            assert ("required" in cells) if field.is_required() else ("optional" in cells), (
                kind.title,
                name,
            )
            if field.description:
                assert " ".join(field.description.replace("`", "").split())[:30] in cells, (
                    kind.title,
                    name,
                )


def test_types_in_the_reference_read_as_words() -> None:
    text = reference.field_reference()
    assert "| `score` | **required** | number 1 to 10 in steps of 0.5 |" in text
    assert "| `nps` | optional | whole number 0 to 10 |" in text
    assert "| `advocacy` | optional | one of `service`, `company`, `both`, `none` |" in text
    assert "| `date` | **required** | date: year-month-day, like `2026-02-22` |" in text
    assert "| `steps` | **required** | list of [step](#step) items, at least 1 |" in text
    assert "slug: lower-case letters" in text
    assert "Default: `false`." in text  # peak, accepted


def test_the_marker_is_in_the_content_format_page_once() -> None:
    page = (GUIDE / "content-format.md").read_text(encoding="utf-8")
    assert page.count(reference.MARKER) == 1
    assert reference.MARKER not in reference.replace_marker(page)


# --- troubleshooting covers every message --------------------------------------------------------

MESSAGE_ARGUMENT = {
    "Diagnostic": 3,
    "FrontMatterError": 0,
    "PydanticCustomError": 1,
    "ScaffoldError": 0,
    "InitError": 0,
    "PluginError": 0,
}
"""Calls that carry a message, and which positional argument is the message."""
MESSAGE_FUNCTIONS = {
    ("content/field_messages.py", "_message"),
    ("content/field_messages.py", "unknown_fields"),
    ("content/field_messages.py", "_suggestion"),
    ("content/rules.py", "check_opportunities"),
    ("content/rules.py", "_check_references"),
    ("content/images.py", "_image_src_uri"),
    ("content/frontmatter.py", "_yaml_problem"),
    ("cli/scaffold.py", "_read"),
    ("privacy/guard.py", "format"),
    ("content/diagnostics.py", "did_you_mean"),
    ("content/diagnostics.py", "quoted"),
}
"""Functions whose strings all end up in messages (they build them in pieces), by module
path under plugins/journeys/ and function name."""
MESSAGE_TABLES = {("content/field_messages.py", "_EXPECTED")}
"""Dictionaries whose values are put into messages."""


def _fragments(node: ast.AST) -> list[str]:
    """The fixed words of a message: its string constants, split at `{placeholders}`."""
    found = []
    for item in ast.walk(node):
        if isinstance(item, ast.Constant) and isinstance(item.value, str):
            found.extend(re.split(r"\{\w*\}", item.value))
    return found


def _phrase(text: str) -> str:
    return " ".join(text.split()).strip("`;:,.()/ ")


def _message_argument(call: ast.Call, index: int) -> ast.AST | None:
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == "message"), None)


def scan_messages() -> tuple[dict[str, set[str]], set[str], set[tuple[str, str]]]:
    """Every module's fixed message words that troubleshooting must contain (by path under
    plugins/journeys/); the message calls and the listed functions and tables it found."""
    phrases: dict[str, set[str]] = {}
    calls: set[str] = set()
    listed: set[tuple[str, str]] = set()
    for path in sorted(SOURCE.rglob("*.py")):
        name = path.relative_to(SOURCE).as_posix()
        nodes: list[ast.AST] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                called = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if called in MESSAGE_ARGUMENT:
                    calls.add(called)
                    argument = _message_argument(node, MESSAGE_ARGUMENT[called])
                    nodes.extend([argument] if argument is not None else [])
            elif isinstance(node, ast.FunctionDef) and (name, node.name) in MESSAGE_FUNCTIONS:
                listed.add((name, node.name))
                nodes.extend(n for n in node.body if not isinstance(n, ast.Expr))  # no docstring
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and (name, target.id) in MESSAGE_TABLES:
                        assert isinstance(node.value, ast.Dict), f"{name}: {target.id} is no dict"
                        listed.add((name, target.id))
                        nodes.extend(value for value in node.value.values if value is not None)
        words = {_phrase(fragment) for n in nodes for fragment in _fragments(n)}
        phrases[name] = {w for w in words if " " in w}  # single words are type names and keys
    return phrases, calls, listed


def message_phrases() -> dict[str, set[str]]:
    return scan_messages()[0]


def test_every_name_the_message_scan_looks_for_exists() -> None:
    """A renamed function, table or message class must not drop its messages unnoticed."""
    _, calls, listed = scan_messages()

    assert sorted(MESSAGE_ARGUMENT.keys() - calls) == [], "no longer called anywhere"
    assert sorted((MESSAGE_FUNCTIONS | MESSAGE_TABLES) - listed) == [], (
        "not found (module path under plugins/journeys/, name)"
    )


def test_the_message_scan_finds_the_messages() -> None:
    """Guard against a scan that finds nothing and so passes vacuously."""
    found = message_phrases()
    assert "required field is missing" in found["content/field_messages.py"]
    assert "more than one peak moment (lines" in found["content/rules.py"]
    assert (
        "the file is empty: it needs front matter between two `---` lines"
        in found["content/frontmatter.py"]
    )
    assert "expected a whole number from 0 to 10, got" in found["content/values.py"]
    assert sum(map(len, found.values())) > 40


def test_troubleshooting_covers_every_message() -> None:
    page = " ".join((GUIDE / "troubleshooting.md").read_text(encoding="utf-8").split())
    missing = [
        f"{name}: {phrase}"
        for name, phrases in sorted(message_phrases().items())
        for phrase in sorted(phrases)
        if phrase not in page
    ]
    assert not missing, "docs/guide/troubleshooting.md has no entry for:\n" + "\n".join(missing)


def test_troubleshooting_examples_are_what_journeys_check_prints(tmp_path: Path) -> None:
    """A few examples, produced for real: the page shows messages as they are."""
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva")
    tree.journey("repair", stages=("notice", "report"))
    tree.interview("int-1", scores=(3.3, 5), stages=("notice", "reprot"), nps=7.5)
    result = journeys_cli("check", "content", cwd=tmp_path)
    page = (GUIDE / "troubleshooting.md").read_text(encoding="utf-8")
    for line in result.stdout.splitlines()[:-1]:
        message = line.split(": ", 2)[-1]
        message = re.sub(r"^`[^`]+`: ", "", message)
        message = re.sub(r"`(int-1|repair|eva)`", "`X`", message)
        pattern = re.escape(message).replace("`X`", "`[^`]+`")
        assert re.search(pattern, page), f"not shown as printed: {message}"


# --- editor support ------------------------------------------------------------------------------


def code_blocks(page: str, language: str) -> list[str]:
    text = (GUIDE / page).read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.DOTALL | re.MULTILINE)


def test_the_vs_code_problem_matcher_reads_journeys_check_output(tmp_path: Path) -> None:
    tasks = next(
        json.loads(block) for block in code_blocks("editor.md", "json") if '"tasks"' in block
    )
    pattern = tasks["tasks"][0]["problemMatcher"]["pattern"]
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", overall_score=11, touchpont="x")
    output = journeys_cli("check", cwd=tmp_path).stdout.splitlines()
    matched = [re.match(pattern["regexp"], line) for line in output]
    problems = [m for m in matched if m]
    assert len(problems) == 2 and not matched[-1]  # two problems, then the summary
    first = problems[0]
    assert first.group(pattern["file"]) == "content/interviews/int-02.md"
    assert (tmp_path / first.group(pattern["file"])).is_file()
    assert {m.group(pattern["severity"]) for m in problems} == {"error", "warning"}


def test_the_schema_commands_in_the_editor_page_exist() -> None:
    text = (GUIDE / "editor.md").read_text(encoding="utf-8")
    kinds = re.findall(r"journeys schema (\w+)", text)
    assert kinds, "the scan finds no `journeys schema` command in editor.md"
    for kind in kinds:
        assert kind in model.SCHEMAS, kind


# --- YAML snippets -------------------------------------------------------------------------

FIELD_NAMES = {name for kind in reference.kinds() for name in model.field_keys(kind.model)}


def _keys(value: Any, parent: str = "") -> set[str]:
    if isinstance(value, dict):
        keys = set()
        for key, item in value.items():
            keys.add(str(key))
            if key not in ("attributes", "participant"):
                keys |= _keys(item, str(key))
        return keys
    if isinstance(value, list):
        return set().union(*(_keys(item, parent) for item in value)) if value else set()
    return set()


@pytest.mark.parametrize("page", [f"{name}.md" for name in PAGES])
def test_every_yaml_snippet_in_the_guide_parses(page: str) -> None:
    for block in code_blocks(page, "yaml"):
        list(yaml.safe_load_all(block))


@pytest.mark.parametrize("page", ["planning-interviews.md", "content-format.md"])
def test_content_snippets_use_only_real_field_names(page: str) -> None:
    assert code_blocks(page, "yaml"), f"the scan finds no YAML snippet in {page}"
    for block in code_blocks(page, "yaml"):
        for document in yaml.safe_load_all(block):
            unknown = _keys(document) - FIELD_NAMES
            assert not unknown, f"{page}: unknown fields {unknown} in:\n{block}"


WITHHELD_SENTENCES = (
    (GUIDE / "content-format.md", "**Consent.**"),
    (REPO / "docs" / "guarantees.md", "**Never published:**"),
)


@pytest.mark.parametrize(("page", "start"), WITHHELD_SENTENCES, ids=lambda value: str(value)[-20:])
def test_the_docs_name_every_field_a_non_consenting_interview_withholds(
    page: Path, start: str
) -> None:
    """The hand-written list of withheld words names every field marked as text."""
    text = page.read_text(encoding="utf-8")
    paragraph = " ".join(text[text.index(start) :].split("\n\n")[0].split())
    withheld = [
        name
        for record in (model.Interview, model.Step)
        for name, info in record.model_fields.items()
        if model.field_kind(info) is model.TEXT
    ]
    assert len(withheld) > 10
    missing = [name for name in withheld if name.replace("_", "-").rstrip("s") not in paragraph]
    assert missing == [], f"{page.name}: name these fields in the paragraph {start}"


def test_customising_lists_every_template_and_every_kind_of_page() -> None:
    """A new template or page kind is documented where site owners look for it."""
    page = (REPO / "docs" / "customising.md").read_text(encoding="utf-8")
    templates = sorted(p.name for p in (Path(render.__file__).parent / "templates").glob("*.md.j2"))
    assert len(templates) >= 8
    missing = [name for name in templates if page.count(f"`{name}`") < 2]
    missing += [kind.folder for kind in kinds.KINDS if f"`/{kind.folder}" not in page]
    assert missing == [], "docs/customising.md: list (override list and data table, addresses)"
