"""Generated pages' HTML blocks skip the Markdown parser and come out exactly as before."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from contentkit import ContentTree
from journeys.content.loading import load_study
from journeys.mkdocs.plugin import url_resolver
from journeys.site import kinds, passthrough
from journeys.site.labels import Labels

TOKEN = "journeys0123abcd"


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["toc", "tables", "fenced_code", "attr_list"])


def convert_set_aside(text: str) -> str:
    aside = passthrough.set_aside(text, TOKEN)
    return passthrough.put_back(convert(aside.markdown), TOKEN, aside)


def without_blank_lines(html: str) -> str:
    return "\n".join(line for line in html.splitlines() if line.strip())


def test_a_whole_html_block_is_set_aside_and_put_back_unchanged() -> None:
    text = '# Title\n\n<ol class="steps">\n<li>One <q>"quoted"</q></li>\n</ol>\n\nSome *notes*.\n'

    aside = passthrough.set_aside(text, TOKEN)

    assert aside.blocks == ['<ol class="steps">\n<li>One <q>"quoted"</q></li>\n</ol>']
    assert "<ol" not in aside.markdown and "*notes*" in aside.markdown
    assert without_blank_lines(convert_set_aside(text)) == without_blank_lines(convert(text))


def test_html_inside_fenced_code_and_unclosed_blocks_stay_markdown() -> None:
    text = (
        "Notes:\n\n```html\n<div>example</div>\n\n<p>still code</p>\n\n```\n\n"
        '<div class="open">\n\nnot closed here\n\n'
        '<div markdown="1">\n\n*converted by md_in_html*\n\n</div>\n\n'
        "<p>a paragraph</p>\nand *Markdown* after it\n\n<p>closed</div>\n\n"
        "<p>then</p>\n<svg><path/></svg>\n"
    )

    aside = passthrough.set_aside(text, TOKEN)

    assert aside.blocks == []
    assert aside.markdown == text


@pytest.mark.parametrize(
    "text",
    [
        '<div class="open">\n\ntext inside\n\n</div>\n\n*after*\n',  # blank lines inside
        "<h3>Title</h3>\n<ul>\n<li>one</li>\n</ul>\n<p>then</p>\n",  # a run of elements
        "<details open><summary>More</summary>\n\n<div><table><tr><td>1</td></tr></table></div>"
        + "\n\n</details>\n",
        '<p>x<br>y<img src="a.png" alt="">z</p>\n<figure><svg><path d="M0 0"/></svg></figure>\n',
    ],
)
def test_runs_of_elements_and_elements_over_blank_lines_are_set_aside(text: str) -> None:
    aside = passthrough.set_aside(text, TOKEN)

    assert len(aside.blocks) == 1
    assert without_blank_lines(convert_set_aside(text)) == without_blank_lines(convert(text))


def test_a_placeholder_that_lands_outside_a_paragraph_shows_its_block_as_text() -> None:
    aside = passthrough.SetAside("", ["<b>x</b>"])
    assert (
        passthrough.put_back(f"<code>{TOKEN}x0x</code>", TOKEN, aside)
        == "<code>&lt;b&gt;x&lt;/b&gt;</code>"
    )


def test_ids_in_set_aside_blocks_are_anchors() -> None:
    aside = passthrough.set_aside(
        "<h3 id=\"stage-wait\">Wait</h3>\n\nText\n\n<div id='x'></div>", TOKEN
    )
    assert aside.anchor_ids == {"stage-wait", "x"}


def test_every_generated_page_converts_to_the_same_html(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview(
        "int-02",
        consent=False,
        body="Withheld notes.",
        steps=[
            {
                "stage": "notice",
                "action": "Noticed",
                "score": 3,
                "expected": "1 day",
                "actual": "3 days",
            }
        ],
    )
    tree.interview(
        "int-03",
        body="Notes with a list:\n\n- one\n- two\n\n```\n<div>code</div>\n```\n\n<p>raw html</p>\n",
        follow_up={"will": ["Call back"]},
    )
    study = load_study(tmp_path / "content", tmp_path)
    site = kinds.renderer(study, Labels.for_language("en"), url_resolver(True))
    page_files = [f for f in kinds.site_files(site) if f.src_uri.endswith(".md")]

    set_aside_blocks = 0
    for page in page_files:
        assert isinstance(page.content, str)
        set_aside_blocks += len(passthrough.set_aside(page.content, TOKEN).blocks)
        expected = without_blank_lines(convert(page.content))
        assert without_blank_lines(convert_set_aside(page.content)) == expected, page.src_uri
        assert TOKEN not in convert_set_aside(page.content)
    assert set_aside_blocks > 2 * len(page_files)  # most of each page skips the parser
    assert re.search(
        r"<pre><code>&lt;div&gt;code&lt;/div&gt;",
        convert_set_aside(
            next(p.content for p in page_files if p.src_uri == "interviews/int-03.md")  # type: ignore[arg-type]
        ),
    )


def test_escaped_punctuation_comes_back_plain_and_line_breaks_stay_references() -> None:
    escaped = passthrough.escape_text("  a.b, (c) #d; & <e>\nf\u2028g\x85h &#00046;")

    assert "." not in escaped and "\n" not in escaped  # as Markdown reads it: no syntax
    assert passthrough.plain_punctuation(escaped) == (
        "  a.b, (c) #d; &amp; &lt;e&gt;&#10;f&#8232;g\x85h &amp;#00046;"
    )
