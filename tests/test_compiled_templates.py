"""Compiled templates kept between builds (``building/compiled_templates.py``): a template
compiled once is loaded, not compiled, by the next build; an edited template, other
settings or a damaged file compile again; ``cache: false`` keeps nothing on disk."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import jinja2
import jinja2.sandbox
import pytest

from contentkit import ContentTree, build, write_site
from journeys.building.compiled_templates import KEPT_DAYS, TemplateCode, prune
from journeys.site import render
from journeys.site.labels import Labels


def environment(
    folder: Path,
    templates: dict[str, str],
    filters: Mapping[str, Callable[..., object]] = {},
    **settings: object,
) -> jinja2.Environment:
    """A new environment over ``templates``, as each build makes one, compiling through a
    new TemplateCode kept in ``folder`` (a new build process knows nothing in memory)."""
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), **settings)  # type: ignore[arg-type]
    env.filters.update(filters)
    TemplateCode().attach(env, folder)
    return env


def compiles(env: jinja2.Environment, name: str) -> bool:
    """Whether loading ``name`` compiles it (rather than taking it from the cache)."""
    compiled = []
    original = env.compile

    def counting(*args: object, **kwargs: object) -> object:
        compiled.append(args)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    env.compile = counting  # type: ignore[method-assign,assignment]
    env.get_template(name)
    return bool(compiled)


def test_a_template_compiled_by_one_build_is_loaded_by_the_next(tmp_path: Path) -> None:
    templates = {"page.html": "<p>{{ text }}</p>"}
    first = environment(tmp_path, templates)
    assert compiles(first, "page.html")
    assert list(tmp_path.iterdir()), "nothing was kept on disk"

    second = environment(tmp_path, templates)
    assert not compiles(second, "page.html")
    assert second.get_template("page.html").render(text="<b>") == "<p><b></p>"


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    environment(tmp_path, {"page.html": "<p>{{ text }}</p>"}).get_template("page.html")
    edited = environment(tmp_path, {"page.html": "<div>{{ text }}</div>"})
    assert compiles(edited, "page.html")
    assert edited.get_template("page.html").render(text="x") == "<div>x</div>"


def test_other_settings_never_take_another_settings_code(tmp_path: Path) -> None:
    """Autoescape is compiled into the code: the same template with and without it."""
    templates = {"page.html": "<p>{{ text }}</p>"}
    environment(tmp_path, templates, autoescape=False).get_template("page.html")
    escaping = environment(tmp_path, templates, autoescape=True)
    assert compiles(escaping, "page.html")
    assert escaping.get_template("page.html").render(text="<b>") == "<p>&lt;b&gt;</p>"


def shouting(mark: str) -> Callable[[str], str]:
    return lambda text: text.upper() + mark


def test_a_filter_of_another_package_keeps_its_environment_s_templates_off_disk(
    tmp_path: Path,
) -> None:
    """Jinja runs a filter with a constant argument as it compiles and keeps its result in
    the code: another site's filter of the same name, from the same function, may give
    something else."""
    templates = {"page.html": '{{ "hello" | shout }}'}
    loud = environment(tmp_path, templates, filters={"shout": shouting("!")})
    assert loud.get_template("page.html").render() == "HELLO!"
    asking = environment(tmp_path, templates, filters={"shout": shouting("?")})
    assert asking.get_template("page.html").render() == "HELLO?"
    assert list(tmp_path.iterdir()) == []


def test_a_generated_page_s_template_compiled_in_one_language_is_not_taken_for_another(
    tmp_path: Path,
) -> None:
    """The plugin's filters write numbers in the site's language; Jinja runs them as it
    compiles where they are given a constant (here in a site's own template)."""
    overrides = tmp_path / "overrides"
    (overrides / "journeys").mkdir(parents=True)
    (overrides / "journeys" / "half.j2").write_text("{{ 3.5 | number }}", encoding="utf-8")
    shown = {}
    for language in ("en", "nl"):
        env = render.template_environment([overrides], Labels.for_language(language))
        TemplateCode().attach(env, tmp_path / "kept")
        shown[language] = env.get_template("half.j2").render()
    assert shown == {language: Labels.for_language(language).number(3.5) for language in shown}
    assert shown["en"] != shown["nl"]
    assert len(list((tmp_path / "kept").iterdir())) == 2


def test_a_filter_that_is_a_method_of_data_keeps_them_off_disk(tmp_path: Path) -> None:
    """A dictionary's ``get`` as a filter is Python's own function, bound to other words."""
    templates = {"page.html": '{{ "hello" | t }}'}
    dutch = environment(tmp_path, templates, filters={"t": {"hello": "hallo"}.get})
    assert dutch.get_template("page.html").render() == "hallo"
    french = environment(tmp_path, templates, filters={"t": {"hello": "bonjour"}.get})
    assert french.get_template("page.html").render() == "bonjour"


def test_a_sandbox_never_runs_code_compiled_without_it(tmp_path: Path) -> None:
    """Jinja works out ``"".__class__`` as it compiles, through the environment's getattr:
    the sandbox refuses it, a plain environment gives the class."""
    templates = {"page.html": '{{ "".__class__ }}'}
    assert environment(tmp_path, templates).get_template("page.html").render() == "<class 'str'>"
    sandbox = jinja2.sandbox.SandboxedEnvironment(loader=jinja2.DictLoader(templates))
    TemplateCode().attach(sandbox, tmp_path)
    assert sandbox.get_template("page.html").render() == ""


@pytest.mark.parametrize("newstyle", [False, True])
def test_an_extension_s_options_never_meet_code_compiled_with_others(
    tmp_path: Path, newstyle: bool
) -> None:
    """The i18n extension compiles by its own options (a policy, new-style gettext)."""
    templates = {"page.html": "{% trans n=3 %}\n  {{ n }}\n   apples\n{% endtrans %}"}
    for trimmed, shown in ((False, "\n  3\n   apples\n"), (True, "3 apples")):
        env = environment(tmp_path, templates, extensions=["jinja2.ext.i18n"])
        env.install_null_translations(newstyle=newstyle)  # type: ignore[attr-defined]
        env.policies["ext.i18n.trimmed"] = trimmed  # after attach: as a hook would
        assert env.get_template("page.html").render() == shown, trimmed


def test_a_damaged_file_is_compiled_again(tmp_path: Path) -> None:
    templates = {"page.html": "<p>{{ text }}</p>"}
    environment(tmp_path, templates).get_template("page.html")
    for kept in tmp_path.iterdir():
        kept.write_bytes(kept.read_bytes()[:20])  # cut short, past the header
    again = environment(tmp_path, templates)
    assert compiles(again, "page.html")
    assert again.get_template("page.html").render(text="x") == "<p>x</p>"


def test_templates_not_written_for_a_month_are_removed(tmp_path: Path) -> None:
    templates = {"page.html": "<p>{{ text }}</p>"}
    environment(tmp_path, templates).get_template("page.html")
    (kept,) = tmp_path.iterdir()
    stranger = tmp_path / "notes.txt"  # not a compiled template: left alone
    stranger.write_text("mine", encoding="utf-8")
    long_ago = time.time() - (KEPT_DAYS + 1) * 86_400
    os.utime(stranger, (long_ago, long_ago))
    prune(tmp_path)
    assert kept.exists()  # written today
    os.utime(kept, (long_ago, long_ago))
    prune(tmp_path)
    assert sorted(tmp_path.iterdir()) == [stranger]


def test_a_folder_that_cannot_be_made_compiles_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    env = environment(blocked / "templates", {"page.html": "{{ 1 + 1 }}"})
    assert env.get_template("page.html").render() == "2"


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The builds' user cache folder (``XDG_CACHE_HOME``), empty."""
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.setenv("MPLCONFIGDIR", str(Path.home() / ".cache" / "matplotlib"))  # its fonts
    return folder


def test_a_real_build_keeps_them_and_an_edited_override_shows(
    tmp_path: Path, user_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYS_TESTS_COLD", "1")  # two processes of their own (warm_python)
    ContentTree(tmp_path / "content").minimal()
    write_site(tmp_path, extra_config={"theme": {"name": "material", "custom_dir": "overrides"}})
    override = tmp_path / "overrides" / "main.html"
    override.parent.mkdir()
    override.write_text(
        '{% extends "base.html" %}{% block announce %}First words{% endblock %}',
        encoding="utf-8",
    )
    home = build(tmp_path) / "index.html"
    assert "First words" in home.read_text(encoding="utf-8")
    folder = user_cache / "mkdocs-journeys" / "templates"
    kept = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    assert len(kept) > 5  # the generated pages' templates (the theme's stay in memory)
    build(tmp_path)  # another process: loads every one, compiles none
    assert {path.name: path.stat().st_mtime_ns for path in folder.iterdir()} == kept

    override.write_text(override.read_text(encoding="utf-8").replace("First", "Second"))
    page = (build(tmp_path) / "index.html").read_text(encoding="utf-8")
    assert "Second words" in page and "First words" not in page


def test_cache_false_keeps_nothing_on_disk(tmp_path: Path, user_cache: Path) -> None:
    ContentTree(tmp_path / "content").minimal()
    write_site(tmp_path, plugin_options={"cache": False})
    build(tmp_path)
    assert not (user_cache / "mkdocs-journeys").exists()  # (matplotlib keeps its fonts there)


def test_a_filter_a_hook_adds_to_the_theme_shows_what_the_hook_gives_now(
    tmp_path: Path, user_cache: Path
) -> None:
    """MkDocs' way to add a filter is a hook's ``on_env``, after the plugin's; Jinja runs
    it as it compiles ``{{ "hello" | shout }}``: the theme's compiled templates are not
    kept for the next build."""
    ContentTree(tmp_path / "content").minimal()
    theme = {"name": "material", "custom_dir": "overrides"}
    write_site(tmp_path, extra_config={"theme": theme, "hooks": ["hooks.py"]})
    override = tmp_path / "overrides" / "main.html"
    override.parent.mkdir()
    override.write_text(
        '{% extends "base.html" %}{% block announce %}{{ "hello" | shout }}{% endblock %}',
        encoding="utf-8",
    )
    hook = tmp_path / "hooks.py"
    hook_text = (
        "def on_env(env, config, files):\n"
        "    env.filters['shout'] = lambda text: text.upper() + '{}'\n"
        "    return env\n"
    )
    hook.write_text(hook_text.format("!"), encoding="utf-8")
    assert "HELLO!" in (build(tmp_path) / "index.html").read_text(encoding="utf-8")

    hook.write_text(hook_text.format("?"), encoding="utf-8")
    page = (build(tmp_path) / "index.html").read_text(encoding="utf-8")
    assert "HELLO?" in page and "HELLO!" not in page
