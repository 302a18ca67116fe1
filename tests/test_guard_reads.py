"""The privacy guard reads what a browser, a crawler or a download reads: attributes, comments,
inline JSON and SVG, URL-encoded text, UTF-16 files, Unicode variants; a surname alone is a
warning with file and line; a file it cannot read fails the build unless `publish_unread`
allows it; a one-word name that the theme's own files contain does not fail every build."""

from __future__ import annotations

import ast
import base64
import gzip
import io
import re
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest

from contentkit import ContentTree, mkdocs, png, write_site
from journeys.building.generation import label_texts
from journeys.content.loading import load_study
from journeys.privacy import guard, guard_reading, matching, png_text

NAME = "Noël Wesselius"
SOURCE = "content/interviews/int-02.md"


def study(tree: ContentTree, name: str = NAME) -> None:
    tree.minimal()
    tree.interview(
        "int-02", participant={"name": name, "email": "nw@example.org", "phone": "+31 6 11223344"}
    )


def page(project: Path, name: str, text: str) -> None:
    path = project / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def a_docx() -> bytes:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:  # packed, as Word does
        # a fixed date: the bytes are part of a test id, which pytest-xdist workers must agree on
        entry = zipfile.ZipInfo("word/document.xml", date_time=(2026, 1, 1, 0, 0, 0))
        archive.writestr(entry, f"<w:t>{NAME}</w:t>", zipfile.ZIP_DEFLATED)
    return packed.getvalue()


def guard_lines(stderr: str, level: str) -> list[str]:
    return [
        line for line in stderr.splitlines() if line.startswith(level) and "privacy guard: " in line
    ]


# --- real builds ---------------------------------------------------------------------------------

PLANTED = {  # docs page -> how the participant's full name stands in it
    "alt": '<p><img src="https://example.org/photo.png" alt="Noël Wesselius"></p>',
    "profile": "Her [profile](https://example.org/people/noel-wesselius).",
    "encoded": '<a href="https://example.org/search?q=No%C3%ABl%20Wesselius">search</a>',
    "meta": "---\ndescription: Notes on Noël Wesselius\n---\n# Meta\n\nNothing here.",
    "comment": "Text.\n\n<!-- Noël Wesselius -->\n\nMore text.",
    "json": '<script type="application/json">{"n": "No\\u00ebl Wesseli\\u0075s"}</script>',
    "svg": (
        '<svg xmlns="http://www.w3.org/2000/svg"><text><tspan>No</tspan>'
        "<tspan>ël Wesselius</tspan></text></svg>"
    ),
    "nfd": unicodedata.normalize("NFD", "Said by Noël Wesselius."),
    "fullwidth": "Said by Ｎｏëｌ Ｗｅｓｓｅｌｉｕｓ.",
    "homoglyph": "Said by N\u043e\u00ebl W\u0435sseliu\u0455.",  # Cyrillic o, e, s
    "joined": "Her handle is @NoelWesselius.",
    "phone": "Call her on 06-11 22 33 44.",  # participant.phone: +31 6 11223344
}
PLANTED_FILES = {  # docs file -> its bytes; the name in its path, or in an image's metadata
    "people/noel-wesselius.txt": b"Nothing here.\n",
    "img/photo.png": png(b"tEXt", b"Author\0Noel Wesselius"),
}


def test_a_name_in_the_compressed_metadata_of_a_persona_picture_fails_the_build(
    tmp_path: Path,
) -> None:
    """A persona's picture is published as it is; image editors store a description
    compressed (a PNG ``zTXt`` chunk), which may name the participant it was drawn from."""
    picture = tmp_path / "docs" / "images" / "eva.png"
    picture.parent.mkdir(parents=True)
    description = zlib.compress(f"Drawn after a photo of {NAME}".encode())
    picture.write_bytes(png(b"zTXt", b"Description\0\0" + description))
    tree = ContentTree(tmp_path / "content")
    study(tree)
    tree.persona(image="images/eva.png")
    write_site(tmp_path)

    result = mkdocs(tmp_path, "build", "--strict")

    assert result.returncode != 0
    assert guard_lines(result.stderr, "ERROR") == [
        (
            "ERROR   -  journeys: privacy guard: images/eva.png: contains `participant.name` of "
            f"{SOURCE}, which must never be published"
        )
    ]


def test_a_name_in_attributes_comments_scripts_encodings_and_unicode_forms_fails_the_build(
    tmp_path: Path,
) -> None:
    study(ContentTree(tmp_path / "content"))
    write_site(tmp_path)
    for name, text in PLANTED.items():
        page(tmp_path, f"{name}.md", text + "\n")
    docs = tmp_path / "docs"
    (docs / "names.csv").write_bytes(
        f"name,city\n{NAME},Utrecht\n".encode("utf-16")
    )  # with a byte order mark
    (docs / "export.txt").write_bytes(f"{NAME}\n".encode("utf-16-le"))  # without one
    (docs / "report.docx").write_bytes(a_docx())
    (docs / "latin1.csv").write_bytes(f"name\n{NAME}\n".encode("latin-1"))
    for name, content in PLANTED_FILES.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(content)

    result = mkdocs(tmp_path, "build")

    assert result.returncode != 0
    errors = guard_lines(result.stderr, "ERROR")
    contents = [
        *(f"{name}/index.html" for name in PLANTED),
        "names.csv",
        "export.txt",
        "img/photo.png",
    ]
    for output in contents:
        field = "participant.phone" if output.startswith("phone/") else "participant.name"
        expected = (
            f"privacy guard: {output}: contains `{field}` of {SOURCE}, "
            "which must never be published"
        )
        assert any(line.endswith(expected) for line in errors), (output, result.stderr)
    assert any(
        line.endswith(
            f"privacy guard: people/noel-wesselius.txt: the path of this file contains "
            f"`participant.name` of {SOURCE}, which must never be published; rename the file"
        )
        for line in errors
    ), result.stderr
    for output in ("report.docx", "latin1.csv"):
        assert any(
            f"privacy guard: {output}: cannot be read as text" in line
            and "`publish_unread` in mkdocs.yml" in line
            for line in errors
        ), (output, result.stderr)
    assert "private value(s) and 2 file(s) it cannot read in the built site" in result.stderr


def test_a_surname_alone_is_a_warning_with_file_and_line_and_publish_unread_allows_a_file(
    tmp_path: Path,
) -> None:
    tree = ContentTree(tmp_path / "content")
    study(tree, name="Eva van der Wesselius")  # "Eva": the persona's name too, so published
    tree.interview("int-03", participant={"name": "Mark"})  # a word of Material's scripts
    write_site(tmp_path, plugin_options={"publish_unread": ["*.png", "files/*.docx"]})
    page(
        tmp_path,
        "team.md",
        "# Team\n\nEva ran the sessions.\n\nLater Wesselius called about the laptop.\n",
    )
    (tmp_path / "docs" / "files").mkdir()
    (tmp_path / "docs" / "files" / "report.docx").write_bytes(a_docx())

    built = mkdocs(tmp_path, "build")

    assert built.returncode == 0, built.stderr
    assert guard_lines(built.stderr, "ERROR") == []
    team = (tmp_path / "site" / "team" / "index.html").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(team, start=1) if "Wesselius" in text)
    assert guard_lines(built.stderr, "WARNING") == [
        f"WARNING -  journeys: privacy guard: {output}: word 4 of `participant.name` of {SOURCE} "
        "stands here without the rest of the name; if it is the participant, remove it"
        for output in ("search/search_index.json:1", f"team/index.html:{line}")
    ]
    bundle = next((tmp_path / "site" / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert re.search(
        r"\bmark\b", bundle.read_text(encoding="utf-8")
    )  # the one-word name is in the theme
    strict = mkdocs(tmp_path, "build", "--strict")
    assert strict.returncode != 0
    assert "team/index.html" in "".join(guard_lines(strict.stderr, "WARNING"))
    assert not (tmp_path / "site" / "team").exists()  # --strict stops it: nothing is kept


# --- reading ----------------------------------------------------------------------------------


def read(tmp_path: Path, name: str, content: bytes) -> list[str]:
    path = tmp_path / name
    path.write_bytes(content)
    return guard.tokens(" ".join(guard_reading.output_texts(path)))


def contains(words: list[str], phrase: str) -> bool:
    return f" {phrase} " in f" {' '.join(words)} "


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("utf16-le-bom.csv", "Noël Wesselius,1\n".encode("utf-16")),
        ("utf16-be-bom.csv", "\ufeffNoël Wesselius,1\n".encode("utf-16-be")),
        ("utf16-be.json", '{"name": "Noël Wesselius"}'.encode("utf-16-be")),
        ("utf32.txt", "Noël Wesselius".encode("utf-32")),
        ("utf8-bom.csv", "Noël Wesselius".encode("utf-8-sig")),
        ("zipped.csv.gz", gzip.compress("Noël Wesselius".encode("utf-16"), mtime=0)),
        ("unnamed-gzip.svg", gzip.compress(b"<svg><text>Noel Wesselius</text></svg>", mtime=0)),
        ("twice.html", b'<a href="/q?n=No%25C3%25ABl%2520Wesselius">x</a>'),
        ("latin1-url.html", b'<a href="/q?n=No%EBl+Wesselius">x</a>'),
        ("underscores.html", b'<a href="/people/noel_wesselius/">x</a>'),
        ("dots.html", b'<img src="/img/noel.wesselius.jpg">'),
        ("entities.html", b'<img title="No&euml;l&#32;Wessel&shy;ius">'),
        ("escaped-markup.html", b"<p>&lt;img alt=&quot;No&amp;euml;l Wesselius&quot;&gt;</p>"),
        (
            "data-url.html",
            b'<img src="data:image/svg+xml;base64,'
            + base64.b64encode("<svg><title>Noël Wesselius</title></svg>".encode())
            + b'">',
        ),
        ("data-attribute.html", b'<div data-person="noel-wesselius" aria-label="x"></div>'),
        ("script.js", b'var who = "No\\u00ebl Wesselius", more = "\\x4eo\\u{eb}l Wesselius";'),
        ("inline.html", b"<p>No<span>&euml;</span>l <b>Wesselius</b></p>"),
        ("cyrillic.html", "<p>N\u043e\u00ebl W\u0435sseliu\u0455</p>".encode()),  # о е ѕ
        ("greek.html", "<p>\u039d\u039f\u0395L W\u0395SS\u0395L\u0399US</p>".encode()),  # Ν Ο Ε Ι
        ("utf16-look-alikes.csv", "N\u043e\u00ebl W\u0435sselius,1\n".encode("utf-16")),
    ],
)
def test_the_reader_finds_a_name_however_it_is_encoded(
    tmp_path: Path, name: str, content: bytes
) -> None:
    assert contains(read(tmp_path, name, content), "noel wesselius")


def test_tag_and_attribute_names_are_not_read_as_words(tmp_path: Path) -> None:
    words = read(
        tmp_path, "page.html", b'<ul class="x"><li title="Yes">One</li></ul><a\nhref="/a">b</a>'
    )
    assert sorted(words) == ["a", "b", "one", "x", "yes"]


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        (
            "photo.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
            "it holds binary data",
        ),
        ("report.docx", a_docx(), "it holds binary data"),
        ("latin1.csv", "Noël".encode("latin-1"), "it is not UTF-8 text"),
        ("bad-utf16.txt", b"\xff\xfeN\0\0\xd8", "it is not UTF-16 text"),  # a lone surrogate
        ("binary.json.gz", gzip.compress(bytes(range(256)) * 8, mtime=0), "it holds binary data"),
    ],
)
def test_a_file_that_is_no_text_is_unreadable(
    tmp_path: Path, name: str, content: bytes, why: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(guard_reading.Unreadable, match=why):
        list(guard_reading.output_texts(path))


def test_unicode_forms_compare_equal() -> None:
    forms = [
        "Noël",
        unicodedata.normalize("NFD", "Noël"),
        "NOËL",
        "Ｎｏëｌ",
        "Noel",
        "No\u00adel",
        "Noél",
        "N\u043e\u00ebl",  # a Cyrillic o
        "\u039d\u039f\u0395L",  # Greek capitals
        "\u0578\u03bfe\u04cf",  # Armenian n, Greek o, Cyrillic palochka
    ]
    assert {tuple(guard.tokens(form)) for form in forms} == {("noel",)}
    assert guard.tokens("Straße ﬁne") == ["strasse", "fine"]


# --- what is looked for, and how it is reported ------------------------------------------------


def watching(tmp_path: Path) -> guard.Watchlist:
    found = load_study(tmp_path / "content", tmp_path)
    return guard.watchlist(found.interviews, found.personas.values(), found.journeys.values())


def site(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "site"
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content, encoding="utf-8")
    return folder


def test_distinctive_parts_of_a_name_are_looked_for_alone(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()  # persona "Eva"
    tree.interview("int-02", participant={"name": "Eva van der Wesselius"})
    tree.interview("int-03", participant={"name": "Evert-Jan Ho Zijlstra-Veldkamp"})
    tree.interview("int-04", participant={"name": "Mark"})

    parts = {(n.source[-9:-3], n.tokens, n.part) for n in watching(tmp_path).needles if n.part}

    assert parts == {  # not "Eva" (published), particles, "Ho" (short), nor a one-word name
        ("int-02", ("wesselius",), 4),
        ("int-03", ("evert", "jan"), 1),  # a hyphenated first name: whole; "Jan" alone is anybody
        ("int-03", ("zijlstra",), 4),  # a double surname: each half
        ("int-03", ("veldkamp",), 5),
    }


def test_a_part_alone_is_a_warning_on_its_line_and_none_beside_the_full_name(
    tmp_path: Path,
) -> None:
    study(ContentTree(tmp_path / "content"))
    folder = site(
        tmp_path,
        {
            "alone.html": (
                "<html>\n<body>\n<p>Nothing.</p>\n<p>Then\nWesselius called.</p>\n"
                "</body>\n</html>\n"
            ),
            "both.html": "<p>Wesselius</p>\n<p>Noël Wesselius</p>\n",
            "first.html": "<p>Noël</p>\n",
        },
    )

    leaks = guard.find_leaks(folder, watching(tmp_path))

    assert [(leak.output, leak.severity.value, leak.line, leak.part) for leak in leaks] == [
        ("alone.html", "warning", 5, "2"),
        ("both.html", "error", 0, ""),
        ("first.html", "warning", 1, "1"),
    ]
    assert leaks[0].format() == (
        f"alone.html:5: word 2 of `participant.name` of {SOURCE} stands here without the rest "
        "of the name; if it is the participant, remove it"
    )
    assert "Wesselius" not in leaks[0].format()  # the log may be more public than the site


def test_files_the_guard_cannot_read_are_errors_unless_publish_unread_matches(
    tmp_path: Path,
) -> None:
    study(ContentTree(tmp_path / "content"))
    folder = site(
        tmp_path,
        {
            "img/photo.PNG": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "fonts/a.woff2": b"wOF2\0\x01\0\0",
            "files/report.docx": a_docx(),
            "other/report.docx": a_docx(),
            "icon.svg": "<svg><title>Icon</title></svg>",
        },
    )

    by_default = guard.find_leaks(folder, watching(tmp_path))
    allowed = guard.find_leaks(folder, watching(tmp_path), publish_unread=["files/*.docx"])

    assert [(leak.output, leak.unread) for leak in by_default] == [
        ("files/report.docx", "it holds binary data"),
        ("other/report.docx", "it holds binary data"),
    ]
    assert by_default[0].format() == (
        "files/report.docx: cannot be read as text (it holds binary data), so the privacy guard "
        "cannot check it; remove it from the site, or, if it may be published unchecked, add a "
        "pattern that matches it to `publish_unread` in mkdocs.yml"
    )
    assert {leak.output for leak in allowed} == {
        "img/photo.PNG",
        "fonts/a.woff2",
        "other/report.docx",
    }


def test_single_words_are_not_looked_for_in_files_copied_unchanged_from_the_theme(
    tmp_path: Path,
) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", participant={"name": "Mark", "phone": "0612345678"})
    tree.interview("int-03", participant={"name": "Noël Wesselius"})
    theme = tmp_path / "theme"
    script = "mark(); /* Noël Wesselius wrote it; call 0612345678 */ wesselius();"
    for folder in (theme, tmp_path / "site"):
        (folder / "assets").mkdir(parents=True)
        (folder / "assets" / "bundle.js").write_text(script, encoding="utf-8")
        (folder / "main.html").write_text("<p>Mark's Wesselius</p>", encoding="utf-8")
    (theme / "main.html").write_text(
        "<p>{{ page.content }}</p>", encoding="utf-8"
    )  # a template: rendered
    (theme / ".icons").mkdir()
    (theme / ".icons" / "mark.svg").write_text("<svg/>", encoding="utf-8")

    leaks = guard.find_leaks(tmp_path / "site", watching(tmp_path), theme_dirs=[theme])

    assert guard.theme_copies(tmp_path / "site", [theme]) == {"assets/bundle.js"}
    assert sorted(
        (leak.output, leak.source[-9:-3], leak.field, leak.severity.value) for leak in leaks
    ) == [
        (
            "assets/bundle.js",
            "int-02",
            "participant.phone",
            "error",
        ),  # a contact: searched everywhere
        (
            "assets/bundle.js",
            "int-03",
            "participant.name",
            "error",
        ),  # a full name: searched everywhere
        ("main.html", "int-02", "participant.name", "error"),  # not a copy: every word searched
        ("main.html", "int-03", "participant.name", "warning"),
    ]


def test_a_word_of_the_theme_templates_is_no_sign_of_a_participant(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", participant={"name": "Anna Link"})
    theme = tmp_path / "theme"
    (theme / "partials" / "languages").mkdir(parents=True)
    (theme / "partials" / "nav.html").write_text('<a class="md-nav__link">', encoding="utf-8")
    (theme / "partials" / "languages" / "fr.html").write_text("anna", encoding="utf-8")
    folder = site(
        tmp_path, {"index.html": '<a class="md-nav__link" href="/">Home</a>\n<p>Anna</p>'}
    )

    leaks = guard.find_leaks(folder, watching(tmp_path), theme_dirs=[theme])

    assert [(leak.output, leak.line, leak.part) for leak in leaks] == [("index.html", 2, "1")]


def test_a_tag_that_held_a_name_in_one_page_is_read_again_in_the_next(tmp_path: Path) -> None:
    study(ContentTree(tmp_path / "content"))
    chrome = '<nav><a class="md-nav__link" href="/">Home</a></nav>'
    folder = site(
        tmp_path,
        {
            "a.html": chrome + "<p>Page a</p>",
            "b.html": chrome + '<img alt="Noël Wesselius">',
            "c.html": chrome + '<img alt="Noël Wesselius">',
        },
    )

    leaks = guard.find_leaks(folder, watching(tmp_path))

    assert [(leak.output, leak.severity.value) for leak in leaks] == [
        ("b.html", "error"),
        ("c.html", "error"),
    ]


def test_a_name_of_another_script_is_found_in_another_case(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", participant={"name": "Ελένη Παπαδάκη"})
    folder = site(
        tmp_path,
        {
            "upper.html": "<p>ΕΛΕΝΗ ΠΑΠΑΔΑΚΗ</p>",  # eta: an "H" in upper case, an "n" in lower
            "lower.html": "<p>ελένη παπαδάκη</p>",
            "other.html": "<p>Ελένη Παπαδοπούλου</p>",
        },
    )

    leaks = guard.find_leaks(folder, watching(tmp_path))

    assert [(leak.output, leak.severity.value, leak.part) for leak in leaks] == [
        ("lower.html", "error", ""),
        ("other.html", "warning", "1"),
        ("upper.html", "error", ""),
    ]


PHONE_FORMS = {  # participant.phone of the study: +31 6 11223344
    "national.html": "<p>06-11223344</p>",
    "grouped.html": "<p>+31 (0)6 112 233 44</p>",
    "zeros.html": "<p>0031 6 11223344</p>",
    "pairs.html": "<p>06 11 22 33 44</p>",
    "dots.html": "<p>06.11.22.33.44</p>",
    "slash.html": "<p>06/11223344</p>",
    "row.html": "<table><tr><td>Noor</td><td>06-11223344</td><td>34</td></tr></table>",
    "tel.html": '<a href="tel:+31611223344">call</a>',
    "search.json": '{"docs": [{"text": "Bel 06 - 11 22 33 44 na vijven"}]}',
}
NOT_THE_PHONE = {
    "other.html": "<p>06-11223345</p>",  # another number
    "short.html": "<p>11223344</p>",  # eight digits: too few to tell
    "apart.html": "<p>Room 06, floor 11223344</p>",  # a comma ends a number
}


def test_a_phone_number_is_found_by_its_last_nine_digits_in_any_format(tmp_path: Path) -> None:
    study(ContentTree(tmp_path / "content"))
    folder = site(tmp_path, PHONE_FORMS | NOT_THE_PHONE)

    leaks = guard.find_leaks(folder, watching(tmp_path))

    assert sorted((leak.output, leak.field) for leak in leaks) == sorted(
        (output, "participant.phone") for output in PHONE_FORMS
    )


def test_a_phone_number_cut_by_the_edge_of_a_window_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study(ContentTree(tmp_path / "content"))
    monkeypatch.setattr(matching, "WINDOW_CHARACTERS", 40)
    pages = {  # the window's edge falls at every place of the number
        f"page-{shift:02}.txt": "filler " * 5 + "x" * shift + " call 06 11 22 33 44 or not"
        for shift in range(30)
    }

    leaks = guard.find_leaks(site(tmp_path, dict(pages)), watching(tmp_path))

    assert sorted(leak.output for leak in leaks) == sorted(pages)


def test_a_name_run_together_is_an_error(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", participant={"name": "Evert-Jan van Wesseling"})
    folder = site(
        tmp_path,
        {
            "handle.html": "<p>@EvertJanVanWesseling</p>",
            "url.html": '<a href="https://example.org/u/evertjanvanwesseling">x</a>',
            "clean.html": "<p>Evert-Jan came in.</p>",
        },
    )

    leaks = guard.find_leaks(folder, watching(tmp_path))

    assert [(leak.output, leak.severity.value) for leak in leaks] == [
        ("clean.html", "warning"),
        ("handle.html", "error"),
        ("url.html", "error"),
    ]


def test_the_path_of_every_file_is_read(tmp_path: Path) -> None:
    study(ContentTree(tmp_path / "content"))
    folder = site(
        tmp_path,
        {
            "images/noel-wesselius.png": png(b"IDAT", b"x"),
            "notes/No%C3%ABl%20Wesselius.txt": "Nothing.",
            "people/wesselius/index.html": "<p>Nothing.</p>",
            "people/06-11223344.vcf": "Nothing.",
        },
    )

    leaks = guard.find_leaks(folder, watching(tmp_path))

    assert [(leak.output, leak.field, leak.severity.value) for leak in leaks] == [
        ("images/noel-wesselius.png", "participant.name", "error"),
        ("notes/No%C3%ABl%20Wesselius.txt", "participant.name", "error"),
        ("people/06-11223344.vcf", "participant.phone", "error"),
        ("people/wesselius/index.html", "participant.name", "warning"),
    ]
    assert leaks[0].format() == (
        f"images/noel-wesselius.png: the path of this file contains `participant.name` of "
        f"{SOURCE}, which must never be published; rename the file"
    )
    assert leaks[3].format() == (
        f"people/wesselius/index.html: word 2 of `participant.name` of {SOURCE} stands in the path "
        "of this file without the rest of the name; if it is the participant, rename the file"
    )


def exif_jpeg(artist: str, author: str) -> bytes:
    """A JPEG's start with an EXIF block: Artist in ASCII, XPAuthor in UTF-16LE."""
    ascii_tag, utf16_tag = artist.encode() + b"\0", author.encode("utf-16-le") + b"\0\0"
    body = b"Exif\0\0II*\0" + ascii_tag + b"\x01\x02" + utf16_tag
    return b"\xff\xd8\xff\xe1" + struct.pack(">H", len(body) + 2) + body + b"\xff\xd9"


def test_the_printable_runs_of_a_binary_file_are_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def texts(name: str, content: bytes) -> list[str]:
        (tmp_path / name).write_bytes(content)
        read = [
            *guard_reading.printable_texts(tmp_path / name),
            *png_text.png_texts(tmp_path / name),
        ]
        return guard.tokens(" ".join(read))

    monkeypatch.setattr(guard_reading, "READ_BYTES", 7)  # runs cut by the end of every part
    text_chunk = texts("a.png", png(b"tEXt", b"Author\0Noel Wesselius"))
    jpeg_text = texts("b.jpg", exif_jpeg("Noël Wesselius", "Noël Wesselius"))
    packed = texts("c.png", png(b"zTXt", b"Author\0\0" + zlib.compress(b"Noel Wesselius")))
    international = texts(
        "d.png", png(b"iTXt", b"Author\0\1\0nl\0Auteur\0" + zlib.compress("Noël W.".encode()))
    )
    big_endian = texts("e.jpg", b"\xff\xd8UNICODE\0" + "Noël Wesselius".encode("utf-16-be"))

    assert contains(text_chunk, "noel wesselius")
    assert contains(jpeg_text, "noel wesselius")  # UTF-8
    assert jpeg_text.count("wesselius") == 2  # and UTF-16LE
    assert contains(packed, "noel wesselius")  # a PNG's compressed text, unpacked
    assert contains(international, "noel w")
    assert contains(big_endian, "noel wesselius")  # and UTF-16BE


@pytest.mark.parametrize(
    "chunk",
    [
        b"Author\0\0" + zlib.compress(b" " * (png_text.MAX_UNPACKED_TEXT + 1)),
        b"Author\0\0" + zlib.compress(b"Noel Wesselius")[:-6] + b"\0" * 6,
    ],
    ids=["zip-bomb", "damaged"],
)
def test_compressed_text_the_guard_cannot_unpack_fails_the_build_whatever_publish_unread_says(
    tmp_path: Path, chunk: bytes
) -> None:
    study(ContentTree(tmp_path / "content"))
    folder = site(tmp_path, {"img/photo.png": png(b"zTXt", chunk)})

    [leak] = guard.find_leaks(folder, watching(tmp_path), publish_unread=["*"])

    assert (leak.output, leak.severity.value) == ("img/photo.png", "error")
    assert leak.format().startswith("img/photo.png: holds text the privacy guard cannot read (")


def test_text_runs_of_files_published_unread_are_searched_but_not_for_short_words(
    tmp_path: Path,
) -> None:
    tree = ContentTree(tmp_path / "content")
    study(tree)
    tree.interview("int-03", participant={"name": "Mark"})  # a font's feature: "mark"
    folder = site(
        tmp_path,
        {
            "photo.png": png(b"tEXt", b"Author\0Noel Wesselius +31 6 11223344"),
            "portrait.jpg": exif_jpeg("Wesselius", "x"),
            "fonts/a.woff": b"wOFF\0\x01\0\0GPOS\0\0mark\0kern\0\x81\x92",
        },
    )

    leaks = guard.find_leaks(folder, watching(tmp_path))

    assert [(leak.output, leak.field, leak.severity.value) for leak in leaks] == [
        ("photo.png", "participant.name", "error"),
        ("photo.png", "participant.phone", "error"),
        ("portrait.jpg", "participant.name", "warning"),
    ]


def test_other_participant_fields_are_looked_for_where_they_can_identify_someone(
    tmp_path: Path,
) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview(
        "int-02",
        participant={
            "name": "Noor Bakker",
            "maiden_name": "Verbeek",  # a name: looked for whatever it is
            "age": 34,
            "gender": "female",
            "role": "consultant",
            "team": "IT",
            "height": 1.5,
            "employee": "EMP00123",
            "postcode": "1234 AB",
            "unit": "Service desk Utrecht",
            "contact": {"notes": "mail n.b@example.org or call 06-48213957"},
        },
    )
    common = "<p>Aged 34, female, a consultant in IT; line-height: 1.5</p>"
    folder = site(
        tmp_path,
        {
            "common.html": common,
            "employee.html": "<p>emp00123</p>",
            "maiden.html": "<p>Verbeek</p>",
            "postcode.html": "<p>1234 ab</p>",
            "unit.html": "<p>At the service desk Utrecht.</p>",
            "mail.html": "<p>N.B@example.org</p>",
            "phone.html": "<p>+31 6 482 139 57</p>",
        },
    )

    leaks = guard.find_leaks(folder, watching(tmp_path))

    assert sorted((leak.output, leak.field) for leak in leaks) == [
        ("employee.html", "participant.employee"),
        ("maiden.html", "participant.maiden_name"),
        ("mail.html", "participant.contact.notes"),
        ("phone.html", "participant.contact.notes"),
        ("postcode.html", "participant.postcode"),
        ("unit.html", "participant.unit"),
    ]


def test_a_phrase_of_another_participant_field_that_published_content_says_is_no_leak(
    tmp_path: Path,
) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", participant={"name": "Noor Bakker", "unit": "Service desk"})
    tree.interview("int-03", body="The service desk called back.")  # consenting: published
    folder = site(tmp_path, {"a.html": "<p>The service desk called back.</p>"})

    assert guard.find_leaks(folder, watching(tmp_path)) == []


def test_words_of_the_site_labels_are_no_sign_of_a_participant_alone(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", participant={"name": "June Oudshoorn"})
    tree.interview("int-03", participant={"name": "May"})
    folder = site(
        tmp_path,
        {
            "dates.html": "<p>11 June 2025</p><p>2 mei 2025</p><p>1 May 2025</p>",
            "name.html": "<p>June Oudshoorn</p>",
        },
    )
    found = load_study(tmp_path / "content", tmp_path)

    leaks = guard.find_leaks(
        folder,
        guard.watchlist(
            found.interviews, found.personas.values(), found.journeys.values(), label_texts()
        ),
    )

    assert [(leak.output, leak.severity.value) for leak in leaks] == [("name.html", "error")]
    assert {"June", "juni", "Goal reached", "Klantreis"} <= set(label_texts())


def test_the_guard_does_not_depend_on_the_site_layer() -> None:
    package = Path(guard.__file__).parent
    for module in ("guard.py", "guard_reading.py"):
        tree = ast.parse((package / module).read_text(encoding="utf-8"))
        imported = {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        } | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert not imported & {
            "journeys.site.labels",
            "journeys.site.pages",
            "journeys.building.generation",
        }, module


def test_a_participant_named_like_a_month_builds_strict_when_interviewed_that_month(
    tmp_path: Path,
) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", date="2025-06-11", participant={"name": "June Oudshoorn"})
    write_site(tmp_path)

    result = mkdocs(tmp_path, "build", "--strict")

    assert result.returncode == 0, result.stderr
    assert "privacy guard" not in result.stderr
    page = (tmp_path / "site" / "interviews" / "int-02" / "index.html").read_text(encoding="utf-8")
    assert "11 June 2025" in page


def test_a_name_in_a_comment_after_a_greater_than_sign_fails_the_build(tmp_path: Path) -> None:
    """A comment is left out of the shown text whole, and a tag's inside ends at the first
    `>`: the rest of a comment with a `>` in it is read as it stands too."""
    study(ContentTree(tmp_path / "content"))
    folder = site(tmp_path, {"a.html": f"<p>Notes</p><!-- todo > ask {NAME} again --><p>x</p>"})

    leaks = guard.find_leaks(folder, watching(tmp_path))

    assert [(leak.output, leak.field, leak.severity.value) for leak in leaks] == [
        ("a.html", "participant.name", "error")
    ]
