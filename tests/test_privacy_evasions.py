"""Ways a second attacker found to publish what must stay private past the guard (notes
as short `label: value` pieces or list items, a sentence with a Markdown link, a --strict
build stopped by a warning, a picture as a data URL, a speaker's name as a key, an
invisible separator inside words); each test failed before its fix."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

from contentkit import ContentTree, mkdocs, write_site
from journeys.content.loading import load_study
from journeys.privacy import guard


def leaks_in_site(tmp_path: Path, pages: dict[str, str | bytes]) -> list[guard.Leak]:
    """The guard's findings for the study in ``tmp_path/content`` and a site of ``pages``."""
    study = load_study(tmp_path / "content", tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    for name, text in pages.items():
        if isinstance(text, bytes):
            (site / name).write_bytes(text)
        else:
            (site / name).write_text(text, encoding="utf-8")
    return guard.find_leaks(
        site, guard.watchlist(study.interviews, study.personas.values(), study.journeys.values())
    )


def test_key_value_notes_of_a_non_consenting_interview_published_verbatim_are_found(
    tmp_path: Path,
) -> None:
    """Severity: real. Notes written as `label: value` are split by _SENTENCE at every ':'
    and '.', so each piece has fewer than MIN_PHRASE_TOKENS words and nothing of the text
    is looked for: copied whole onto a page, the guard finds nothing."""
    notes = "Diagnosis: burnout. Manager: Piet Jansen. Medication: sertraline. Partner: left."
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", consent=False, body=notes)

    leaks = leaks_in_site(tmp_path, {"page.html": f"<p>{notes}</p>"})

    assert leaks != []


def test_bullet_notes_of_a_non_consenting_interview_published_verbatim_are_found(
    tmp_path: Path,
) -> None:
    """Severity: real. Same cause via the newline split: a bulleted list of two-word items
    (the usual shape of interview notes) is never looked for."""
    notes = "- burnout again\n- sertraline daily\n- manager Piet\n- divorced twice"
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", consent=False, body=notes)
    page = (
        "<ul><li>burnout again</li><li>sertraline daily</li>"
        "<li>manager Piet</li><li>divorced twice</li></ul>"
    )

    leaks = leaks_in_site(tmp_path, {"page.html": page})

    assert leaks != []


SENTENCE_WITH_LINK = (
    "The [IT helpdesk](https://intranet.example.org/helpdesk) told me to wait three weeks "
    "for a new laptop and nobody ever called me back."
)


def test_a_whole_non_consenting_sentence_with_a_link_copied_to_a_page_is_an_error(
    tmp_path: Path,
) -> None:
    """Severity: real. The sentence needle is made from the Markdown source, URL words
    included; the page shows the link text only, so the whole sentence is never matched and
    the verbatim copy is downgraded to a run WARNING: a plain `mkdocs build` publishes it."""
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", consent=False, body=SENTENCE_WITH_LINK)
    write_site(tmp_path)
    (tmp_path / "docs" / "index.md").write_text(
        f"# Findings\n\n{SENTENCE_WITH_LINK}\n", encoding="utf-8"
    )

    result = mkdocs(tmp_path, "build")

    assert result.returncode != 0, "the whole sentence was published with only a warning"


def test_a_strict_build_failed_by_a_run_warning_leaves_no_quote_in_the_site_folder(
    tmp_path: Path,
) -> None:
    """Severity: real. empty_site runs only for errors; a quote with one word changed is a
    warning, which `--strict` (CI, `make offline`) turns into a failed build, but the page
    with the quote stays in the site folder, ready to be shared or deployed."""
    quote = "Honestly the loan laptop was so slow that I just went home and cried"
    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey()
    tree.interview("int-01", consent=False, goal=quote)
    tree.interview("int-02")
    write_site(tmp_path)
    (tmp_path / "docs" / "index.md").write_text(
        "# Findings\n\nThe loan laptop was so slow that I just went home and wept.\n",
        encoding="utf-8",
    )

    result = mkdocs(tmp_path, "build", "--strict")

    assert result.returncode != 0
    site = tmp_path / "site"
    holding = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if "so slow that I just went home" in path.read_text(encoding="utf-8")
    ]
    assert holding == []


def _png(*chunks: tuple[bytes, bytes]) -> bytes:
    data = b"\x89PNG\r\n\x1a\n"
    for kind, body in chunks:
        data += struct.pack(">I", len(body)) + kind + body
        data += struct.pack(">I", zlib.crc32(kind + body))
    return data


def test_a_participant_name_in_a_png_embedded_as_a_data_url_is_found(tmp_path: Path) -> None:
    """Severity: real but less likely (an editor that pastes screenshots as data URLs). The
    same PNG as a file is an error; inside `data:image/png;base64,` the guard only unpacks
    UTF-8 text, so neither its tEXt nor its zTXt chunks are read."""
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", participant={"name": "Gijsbert Holtkamp"})
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    image = _png(
        (b"IHDR", header),
        (b"tEXt", b"Comment\0Photo of Gijsbert Holtkamp at home"),
        (b"zTXt", b"Description\0\0" + zlib.compress(b"Gijsbert Holtkamp in his kitchen")),
        (b"IDAT", zlib.compress(b"\0\0")),
        (b"IEND", b""),
    )
    encoded = base64.b64encode(image).decode()

    leaks = leaks_in_site(
        tmp_path, {"page.html": f'<p>Kitchen</p><img src="data:image/png;base64,{encoded}">'}
    )

    assert [leak.field for leak in leaks] == ["participant.name"]


def test_the_log_does_not_repeat_a_participants_name_used_as_a_front_matter_key(
    tmp_path: Path,
) -> None:
    """Severity: moderate. A transcript line pasted into the front matter ("Kate: ...")
    makes the speaker's name a key; "Kate" is a near miss of `date`, so the public log
    names it, though it is the participant's first name."""
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview(
        "int-02",
        consent=False,
        participant={"name": "Kate Visser"},
        Kate="I waited three weeks for a laptop",
    )

    leaks = leaks_in_site(tmp_path, {"page.html": "<p>I waited three weeks for a laptop</p>"})

    assert leaks
    assert all("Kate" not in leak.format() for leak in leaks), [leak.format() for leak in leaks]


def test_the_notes_field_is_named_in_the_guards_messages(tmp_path: Path) -> None:
    """Severity: usability, no leak. `body` is no front-matter field, so shown_field hides
    it as `…`: a leak from the notes (the commonest) cannot be told from a pasted line."""
    quote = "Honestly the loan laptop was so slow that I just went home and cried"
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", consent=False, body=quote)

    [leak] = leaks_in_site(tmp_path, {"page.html": f"<p>{quote}</p>"})

    assert "`body`" in leak.format()


QUOTE = "Honestly the loan laptop was so slow that I just went home and cried every single evening"


def test_an_invisible_separator_inside_words_does_not_hide_a_quote(tmp_path: Path) -> None:
    """Severity: contrived (deliberate evasion, or text pasted from a tool that inserts
    U+2063). INVISIBLE SEPARATOR is not among matching._MARKS, so it splits a word the
    browser shows whole; two of them hide a 17-word verbatim quote."""
    shown = QUOTE.replace("laptop", "lap\u2063top").replace("home", "ho\u2063me")
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", consent=False, goal=QUOTE)

    leaks = leaks_in_site(tmp_path, {"page.html": f"<p>{shown}</p>"})

    assert leaks != []
