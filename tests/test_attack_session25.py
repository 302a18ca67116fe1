"""Attacks on the privacy guarantee (session 25): each test plants a participant's identity
or a non-consenting interview's words where a researcher could put them, and shows where
they come out. Each fails while the leak it shows is there."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import yaml

from contentkit import ContentTree, journeys_cli, mkdocs, write_site

NAME = "Femke Oudshoorn"


def _study_with_pasted_line(tmp_path: Path, pasted: str, consent: bool) -> None:
    """A valid study whose one interview has a line of the researcher's notes pasted into
    its front matter as ``<pasted>: yes``: YAML reads it as a field, which the model does not
    know."""
    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey()
    path = tree.interview("int-01", consent=consent, participant={"name": NAME})
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n---\n", f"\n{pasted}: yes\n---\n", 1), encoding="utf-8")


def test_check_annotations_do_not_repeat_a_participant_name_written_as_a_field(
    tmp_path: Path,
) -> None:
    """`journeys check --format github` writes annotations into the CI log (public for a
    public repository). A line of notes pasted into the front matter (``Femke Oudshoorn
    called back: yes``) is read as an unknown field, and the warning repeats its name
    whole: the participant's name, in the log."""
    _study_with_pasted_line(tmp_path, f"{NAME} called back", consent=True)
    result = journeys_cli("check", "--format", "github", "content", cwd=tmp_path)
    assert "unknown field" in result.stdout  # the line was reported
    assert "Oudshoorn" not in result.stdout + result.stderr


def test_check_annotations_do_not_repeat_words_of_a_non_consenting_interview(
    tmp_path: Path,
) -> None:
    """The same for a non-consenting interview's words: a quote pasted as a line of its own
    (``Never again with that helpdesk: yes``) is repeated whole by the unknown-field warning,
    though none of the interview's text may be published."""
    _study_with_pasted_line(tmp_path, "Never again with that helpdesk", consent=False)
    result = journeys_cli("check", "--format", "github", "content", cwd=tmp_path)
    assert "unknown field" in result.stdout
    assert "helpdesk" not in result.stdout + result.stderr


def _offline_site(project: Path) -> None:
    """mkdocs.yml of ``project`` as mkdocs.offline.yml makes the demo: a folder to share,
    opened from disk."""
    config = write_site(project, extra_config={"use_directory_urls": False})
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"] = ["search", "offline", settings["plugins"][1]]
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")


def test_a_build_the_guard_fails_leaves_no_private_value_in_the_site_folder(
    tmp_path: Path,
) -> None:
    """The guard fails the build and says "the build failed so they are not published", but
    MkDocs has written every page by then: the site folder keeps the participant's name in
    the interview's page, the journey and persona pages and the search index. The offline
    site (`make offline`) is that folder, to be shared as it is."""
    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey()
    steps = [{"stage": "notice", "action": "Asked for help", "score": 3, "quote": f"{NAME} here"}]
    tree.interview("int-01", steps=steps, participant={"name": NAME})
    _offline_site(tmp_path)

    result = mkdocs(tmp_path, "build", "--strict")

    assert result.returncode != 0
    assert "privacy guard" in result.stdout + result.stderr
    holding = sorted(
        path.relative_to(tmp_path / "site").as_posix()
        for path in (tmp_path / "site").rglob("*")
        if path.is_file() and b"Oudshoorn" in path.read_bytes()
    )
    assert holding == []


def _png(*chunks: tuple[bytes, bytes]) -> bytes:
    """A one-pixel PNG with ``chunks`` (type, data) before its image data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    extra = b"".join(chunk(kind, data) for kind, data in chunks)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + extra
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def test_a_persona_picture_does_not_publish_a_participant_name_in_its_metadata(
    tmp_path: Path,
) -> None:
    """A persona's picture is published as it is (the persona page links it). Its metadata
    can name the participant it was drawn from; stored compressed (a PNG ``zTXt`` chunk, as
    image editors write a description), the guard cannot read it, and the strict build
    passes with the name in the site."""
    description = zlib.compress(f"Drawn after a photo of {NAME}".encode())
    picture = tmp_path / "docs" / "images" / "eva.png"
    picture.parent.mkdir(parents=True)
    picture.write_bytes(_png((b"zTXt", b"Description\x00\x00" + description)))
    tree = ContentTree(tmp_path / "content")
    tree.persona(image="images/eva.png")
    tree.journey()
    tree.interview("int-01", participant={"name": NAME})
    write_site(tmp_path)

    result = mkdocs(tmp_path, "build", "--strict")

    published = tmp_path / "site" / "images" / "eva.png"
    if result.returncode == 0:  # the site was built: what it holds is published
        chunk = published.read_bytes().split(b"zTXt", 1)[1]
        text = zlib.decompressobj().decompress(chunk[len(b"Description\x00\x00") :])
        assert NAME.encode() not in text, "the participant's name is in the published picture"
