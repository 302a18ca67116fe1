"""The search index's quick parser (``journeys.mkdocs.search_parser``) cuts every page into
the sections material's own parser makes: the same titles, texts, ids and depths."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search.plugin import Parser

from journeys.mkdocs.search_parser import SectionParser


def sections(parser_class: Any, page: str) -> list[tuple[Any, ...]] | str:
    """The sections the parser cuts ``page`` into, or the error it fails with (material's
    fails on some broken HTML, e.g. a kept tag closed in another section than it opened)."""
    parser = parser_class()
    try:
        parser.feed(page)
        parser.close()
    except ValueError as error:
        return f"ValueError: {error}"
    return [
        (section.el.tag, section.id, section.depth, section.title, section.text)
        for section in parser.data
    ]


TRICKY = [
    "",
    "just text\nover lines",
    "<p>before any heading</p><h2 id='a'>Second level first</h2><p>x</p>",
    "<h1 id='t'>Title <a class='headerlink' href='#t'>¶</a></h1><p>one</p>",
    "<h2>no id</h2><p>stays in the preface</p><h3 id='x'>with id</h3><p>y</p>",
    "<div><h2 id='n'>nested</h2><p>in</p></div><p>after the div: back a section</p>",
    "<div data-search-exclude><p>hidden</p><div><p>hidden too</p></div></div><p>shown</p>",
    "<div data-search-exclude><p>x</p></div><div><p>a div after an excluded one</p></div>",
    "<section data-search-exclude><div><p>x</p></div></section><div><p>z</p></div>",
    "<table class='linenodiv'><tr><td><pre>1\n2</pre></td></tr></table><pre>code\n  kept</pre>",
    "<script>var a = '<p>';</script><p>after a script</p><style>p{}</style><p>s</p>",
    "<object><p>inside an object</p></object><p>out</p>",
    "<p>a <code>b</code> <sub>c</sub><sup>d</sup></p><ul><li>one</li><li> </li></ul>",
    "<p>   </p><p>\n</p><ol><li><p></p></li></ol>",
    "<pre>\n\n  spaces\n\n</pre><p>\n\n</p>",
    "<p>unclosed <b>bold</p><p>end tag without start</i></p></div></p>",
    "<p>br<br>hr<hr/>img<img src=x alt='y'>wbr<wbr></p>",
    "<p>entities &amp; &lt;tags&gt; &eacute; &#233; &#xe9; &nosuch;</p>",
    "<h2 id='a'>A <code>c</code></h2><p>t</p><h2 id='a'>same id</h2>",
    "<h1 id='one'>x</h1><h1 id='two'>y</h1>",
    "<details><summary>s</summary><p>inside</p></details>",
    "<hx>a made-up tag</hx><p>z</p>",
    "<svg><title>a chart</title><text>1</text></svg><p>after</p>",
    "<P>Upper case</P><H2 ID='u'>Upper</H2>",
    "<div><div><h3 id='deep'>deep</h3><p>a</p></div><p>b</p></div><p>c</p>",
    "<!-- a comment --><p>text</p><!DOCTYPE html><?pi?>",
]


@pytest.mark.parametrize("page", TRICKY)
def test_tricky_pages_are_cut_as_material_cuts_them(page: str) -> None:
    assert sections(SectionParser, page) == sections(Parser, page)


TAGS = ["p", "div", "span", "code", "pre", "li", "ul", "ol", "a", "sub", "script", "h1", "h2"]
TAGS += ["h3", "br", "img", "section", "table", "td", "object", "style"]
ATTRIBUTES = [
    "",
    " id='x'",
    " id='y'",
    " data-search-exclude",
    " class='linenodiv'",
    " class='headerlink'",
    " class='other'",
]
TEXTS = ["word", " ", "\n", "two words", "  \n ", "a&amp;b", "<", "x > y", "é"]


def random_page(generator: random.Random) -> str:
    parts = []
    for _ in range(generator.randint(0, 40)):
        roll = generator.random()
        tag = generator.choice(TAGS)
        if roll < 0.4:
            parts.append(f"<{tag}{generator.choice(ATTRIBUTES)}>")
        elif roll < 0.7:
            parts.append(f"</{tag}>")
        else:
            parts.append(generator.choice(TEXTS))
    return "".join(parts)


def test_random_pages_are_cut_as_material_cuts_them() -> None:
    generator = random.Random(19)
    pages = [random_page(generator) for _ in range(3000)]
    outcomes = [sections(Parser, page) for page in pages]
    assert sum(isinstance(outcome, str) for outcome in outcomes) < len(pages) / 10
    differing = [page for page in pages if sections(SectionParser, page) != sections(Parser, page)]
    assert differing == []


def test_the_demo_sites_pages_are_cut_as_material_cuts_them(demo_site: Path) -> None:
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert sections(SectionParser, page) == sections(Parser, page), path
