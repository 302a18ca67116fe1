"""No injection through names: front-matter text is written into pages as escaped HTML
text, never as Markdown, whatever ``markdown_extensions`` the site enables.

One real ``mkdocs build --strict`` plants hostile values in every field a page shows, with
the extensions a Material site typically enables; every built page and the search index
are then read as a browser would read them.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import markupsafe
import pytest

from contentkit import ContentTree, build, write_site
from journeys.site import passthrough, render
from journeys.site.labels import Labels

EXTENSIONS: list[Any] = [
    "attr_list",
    "md_in_html",
    {"toc": {"permalink": True}},
    "pymdownx.snippets",
    "pymdownx.magiclink",
    "pymdownx.emoji",
    "pymdownx.critic",
    "pymdownx.keys",
    "pymdownx.caret",
    "pymdownx.mark",
    "pymdownx.tilde",
    "pymdownx.betterem",
    "pymdownx.superfences",
    "pymdownx.details",
    "admonition",
    "tables",
]

SECRET_FILE_TEXT = "SECRET-SNIPPET-TARGET-9f41"
CONTROL_FILE_TEXT = "CONTROL-SNIPPET-INCLUDED-5c02"

PAYLOADS = {
    "link": "x [more](javascript:alert(1))",
    "attr": 't {: onmouseover="alert(1)" }',
    "img": "<img src=x onerror=alert(1)>",
    "snippet": 'one\n--8<-- "secret.txt"\n--8<--\nsecret.txt\n--8<--\nthree',
    "split": (
        'a\n\n<script>alert(1)</script>\n\n[split](javascript:alert(2)){: onclick="alert(3)" }'
        "\n\n# not a heading"
    ),
    "cr": 'a\r\r[cr](javascript:alert(4))\r\r--8<-- "secret.txt"',
    "magiclink": "see https://evil.example and www.evil.example now",
    "marks": "{++x++} :smile: ++ctrl+alt++ ^^up^^ ==mark== ~~gone~~ H~2~O *em* __strong__",
    "html_block": 'b\n\n<div markdown="1">\n[inner](javascript:alert(5))\n</div>',
    "entities": "AT&T &lt;b&gt; &#x3C;i&#x3E; &amp;",
}

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "srcset",
    "poster",
    "cite",
    "ping",
}


def plant(tree: ContentTree) -> dict[str, str]:
    """One persona, journey and consenting interview per payload, the payload in every field
    the pages show. Returns each planted value by a tag that names its field."""
    planted: dict[str, str] = {}

    def value(field: str, key: str) -> str:
        text = f"{field}-{key} {PAYLOADS[key]}"
        planted[f"{field}-{key}"] = text
        return text

    for key, payload in PAYLOADS.items():
        tree.persona(
            f"p-{key.replace('_', '-')}",
            name=value("persona.name", key),
            summary=value("persona.summary", key),
            attributes={f"AK-{key} {payload}": value("persona.attribute", key)},
        )
        planted.pop(f"persona.attribute-{key}")  # checked below, with its key as a label
        tree.write(
            f"journeys/j-{key.replace('_', '-')}.md",
            {
                "title": value("journey.title", key),
                "goal": value("journey.goal", key),
                "stages": [
                    {
                        "id": "notice",
                        "name": value("stage.name", key),
                        "description": f"stage.description {payload}",
                    },
                    {"id": "report", "name": f"Report {key}"},
                ],
                "touchpoints": [{"id": "phone", "name": value("touchpoint.name", key)}],
                "opportunities": [
                    {
                        "title": value("opportunity.title", key),
                        "stage": "notice",
                        "owner": value("opportunity.owner", key),
                        "metric": value("opportunity.metric", key),
                        "evidence": [f"i-{key.replace('_', '-')}"],
                    }
                ],
            },
            "Journey scope.",
        )
        tree.interview(
            f"i-{key.replace('_', '-')}",
            persona=f"p-{key.replace('_', '-')}",
            journey=f"j-{key.replace('_', '-')}",
            interviewer=value("interviewer", key),
            goal=value("interview.goal", key),
            trigger=value("trigger", key),
            outcome=value("outcome", key),
            drivers=[value("driver", key)],
            follow_up={
                "will": [value("follow_up.will", key)],
                "wont": [value("follow_up.wont", key)],
            },
            steps=[
                {
                    "stage": "notice",
                    "action": value("action", key),
                    "why": value("why", key),
                    "feeling": value("feeling", key),
                    "quote": value("quote", key),
                    "expected": value("expected", key),
                    "actual": value("actual", key),
                    "realistic": value("realistic", key),
                    "touchpoint": "phone",
                    "score": 3,
                    "peak": True,
                },
                {
                    "stage": "report",
                    "action": f"Reported {key}",
                    "touchpoint": value("discovered.touchpoint", key),
                    "score": 8,
                    "accepted": True,
                },
            ],
        )
    return planted


VOID_ELEMENTS = frozenset({"img", "br", "meta", "link", "input", "hr", "source", "path", "rect"})


class Page(HTMLParser):
    """What a browser builds from a page: its elements' attributes, scripts and text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self.title = ""
        self.h1: list[str] = []
        self.ids: list[str] = []
        self.links: list[tuple[str, str, str]] = []
        """(href, class, text) of every link."""
        self._open: list[str] = []
        self._link: list[str] | None = None
        self._in_permalink = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, attribute_value in attrs:
            self.attributes.append((tag, name, attribute_value or ""))
            if name == "id" and attribute_value:
                self.ids.append(attribute_value)
        if tag == "script":
            self.scripts.append(" ".join(f"{n}={v}" for n, v in attrs))
        href = dict(attrs).get("href") or ""
        self._in_permalink = self._in_permalink or (
            tag == "a" and dict(attrs).get("class") == "headerlink"
        )
        if tag == "a":
            self._link = [href, dict(attrs).get("class") or ""]
        if tag not in VOID_ELEMENTS:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._in_permalink = self._in_permalink and tag != "a"
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], self._link[1], folded("".join(self._link[2:]))))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] == "script":
            self.scripts.append(data)
            return
        if self._open and self._open[-1] == "style":
            return
        self.text.append(data)
        if "title" in self._open:
            self.title += data
        if "h1" in self._open and not self._in_permalink:
            self.h1.append(data)
        if self._link is not None:
            self._link.append(data)

    @property
    def fragment_links(self) -> list[tuple[str, str]]:
        return [
            (href[1:], text)
            for href, _, text in self.links
            if href.startswith("#") and len(href) > 1
        ]

    @property
    def visible(self) -> str:
        return folded(" ".join(self.text))


def folded(text: str) -> str:
    return " ".join(text.split())


def hostile_markup(page: Page) -> list[str]:
    """Everything in ``page`` that a planted value could have made live."""
    found = []
    for tag, name, attribute_value in page.attributes:
        squeezed = re.sub(r"\s", "", attribute_value).lower()
        if name in URL_ATTRIBUTES and (
            squeezed.startswith("javascript:") or "evil.example" in squeezed
        ):
            found.append(f"<{tag} {name}={attribute_value!r}>")
        if name.startswith("on"):
            found.append(f"<{tag} {name}={attribute_value!r}>")
        if tag == "img" and name == "src" and attribute_value == "x":
            found.append("<img src=x>")
        if (
            tag in {"ins", "del", "mark", "kbd", "sup", "sub"}
            and name == "class"
            and "critic" in attribute_value
        ):
            found.append(f"<{tag} class={attribute_value!r}>")
    found += [f"<script>{script}</script>" for script in page.scripts if "alert" in script]
    return found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    project = tmp_path_factory.mktemp("hostile")
    planted = plant(ContentTree(project / "content"))
    (project / "secret.txt").write_text(SECRET_FILE_TEXT, encoding="utf-8")
    (project / "control.txt").write_text(CONTROL_FILE_TEXT, encoding="utf-8")
    write_site(project, extra_config={"markdown_extensions": EXTENSIONS})
    # The extensions are live in this site: a hand-written page uses each of them.
    (project / "docs" / "index.md").write_text(
        "# Test research\n\n"
        "Control\n{: #control-attr }\n\n"
        '--8<-- "control.txt"\n\n'
        "See https://control.example and {++inserted++}.\n",
        encoding="utf-8",
    )
    site = build(project)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="control-attr"' in index and CONTROL_FILE_TEXT in index, "extensions are not live"
    assert 'href="https://control.example"' in index and '<ins class="critic">' in index
    return site, planted


def html_files(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


def generated_pages(site: Path) -> dict[str, Page]:
    return {
        path.relative_to(site).as_posix(): Page(path.read_text(encoding="utf-8"))
        for path in html_files(site)
        if path.relative_to(site).parts[0] in {"personas", "journeys", "interviews", "research"}
    }


def test_no_planted_value_becomes_live_markup_in_any_page(
    hostile_site: tuple[Path, dict[str, str]],
) -> None:
    site, _ = hostile_site
    found = {}
    for path in html_files(site):
        if path.name == "index.html" and path.parent == site:
            continue  # the hand-written control page
        hostile = hostile_markup(Page(path.read_text(encoding="utf-8")))
        if hostile:
            found[path.relative_to(site).as_posix()] = hostile
    assert found == {}
    # A snippet line in a value includes no file (HTML escaping alone already stops it:
    # `--8&lt;--`).
    holding = [
        path
        for path in site.rglob("*")
        if path.is_file() and SECRET_FILE_TEXT.encode() in path.read_bytes()
    ]
    assert holding == []


def test_the_search_index_holds_planted_values_as_text_only(
    hostile_site: tuple[Path, dict[str, str]],
) -> None:
    site, planted = hostile_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = []
    shown = []
    for entry in index["docs"]:
        if entry["location"] in {"", "."}:
            continue
        for part in ("title", "text"):
            page = Page(entry[part])
            found += [(entry["location"], part, markup) for markup in hostile_markup(page)]
            shown.append(page.visible)
    assert found == []
    everything = " ".join(shown)
    assert [tag for tag, text in planted.items() if folded(text) not in everything] == []


def test_every_planted_value_is_shown_as_its_own_text(
    hostile_site: tuple[Path, dict[str, str]],
) -> None:
    site, planted = hostile_site
    shown = " ".join(page.visible for page in generated_pages(site).values())
    missing = [tag for tag, text in planted.items() if folded(text) not in shown]
    assert missing == []
    for key, payload in PAYLOADS.items():  # a persona attribute: its key as a label, then its value
        label = Labels.field_name(f"AK-{key} {payload}")
        assert folded(f"{label} persona.attribute-{key} {payload}") in shown, key
    # The references that kept punctuation from Markdown are plain characters again.
    padded = [p for p in html_files(site) if re.search(r"&#0\d{4};", p.read_text(encoding="utf-8"))]
    assert padded == []


def test_titles_headings_and_navigation_show_names_as_text(
    hostile_site: tuple[Path, dict[str, str]],
) -> None:
    site, _ = hostile_site
    pages = generated_pages(site)
    for key, payload in PAYLOADS.items():
        slug = key.replace("_", "-")
        for page_path, name in (
            (f"personas/p-{slug}/index.html", f"persona.name-{key} {payload}"),
            (f"journeys/j-{slug}/index.html", f"journey.title-{key} {payload}"),
        ):
            page = pages[page_path]
            assert folded(page.title) == folded(f"{name} - Test research"), page_path
            assert folded(" ".join(page.h1)) == folded(name), page_path
            nav_entries = [
                text
                for href, css, text in page.links
                if "md-nav__link" in css and href in {".", "./"}
            ]
            assert folded(name) in nav_entries, (page_path, nav_entries)


def test_the_table_of_contents_lists_headings_with_names_as_text(
    hostile_site: tuple[Path, dict[str, str]],
) -> None:
    site, _ = hostile_site
    pages = generated_pages(site)
    for key, payload in PAYLOADS.items():
        page = pages[f"personas/p-{key.replace('_', '-')}/index.html"]
        toc_titles = [text for _, text in page.fragment_links]
        assert any(folded(f"journey.title-{key} {payload}") in title for title in toc_titles), (
            key,
            toc_titles,
        )
    # Every link to a heading (the table of contents, permalinks) finds it, once.
    broken = {
        path: sorted({fragment for fragment, _ in page.fragment_links} - set(page.ids))
        for path, page in pages.items()
    }
    assert {path: fragments for path, fragments in broken.items() if fragments} == {}
    duplicated = {
        path: sorted({anchor for anchor in page.ids if page.ids.count(anchor) > 1})
        for path, page in pages.items()
    }
    assert {path: ids for path, ids in duplicated.items() if ids} == {}


# --- every way a template writes a value --------------------------------------------------------

TEMPLATE = """# {{ value }}

## Interview {{ value }}: {{ label }}

{{ value }}

<p>{{ value }} {{ value | e }}</p>

<ul><li>{{ [value, markup] | join(", ") }} {{ people | join("; ", attribute="name") }}</li></ul>

{{ '<span title="%s">%s</span>' | format(value | e, value | e) | safe }}
"""

LINE_START_VALUES = [
    "    indented code",
    "* item",
    "1. one",
    "> quote",
    "| a | b |",
    "!!! note",
    "???+ note",
    "---",
]


@pytest.mark.parametrize(
    "value", [*PAYLOADS.values(), "[x](javascript:alert(1))", *LINE_START_VALUES]
)
def test_every_way_a_template_writes_a_value_is_text_in_markdown(value: str) -> None:
    rendered = (
        render.template_environment()
        .from_string(TEMPLATE)
        .render(
            value=value,
            label=f"label {value}",
            markup=markupsafe.Markup("<b>kept</b>"),
            people=[{"name": value}],
        )
    )
    names = [next(iter(e)) if isinstance(e, dict) else e for e in EXTENSIONS]
    configs = {
        name: config for e in EXTENSIONS if isinstance(e, dict) for name, config in e.items()
    }
    html = passthrough.plain_punctuation(
        markdown.markdown(rendered, extensions=names, extension_configs=configs)
    )

    page = Page(html)
    assert hostile_markup(page) == []
    assert set(page.tags) == {"h1", "h2", "p", "ul", "li", "b", "span", "a"}  # the template's own
    assert [tag for tag, _, _ in page.attributes if tag not in {"h1", "h2", "a", "span"}] == []
    assert [css for _, css, _ in page.links if css != "headerlink"] == []  # permalinks only
    assert page.visible.count(folded(value)) == 9, html
    assert "<b>kept</b>" in html
    assert not re.search(r"&#0\d{4};", html)
