"""Generated files that MkDocs lists before the build's worker has written them."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.structure.files import File


def _written_already() -> None:
    return None


class WrittenLater(File):
    """A generated file listed before it is written: reading its content through the file
    (as MkDocs does to read a page, and as other plugins do) or copying it first waits
    until the worker has written it (``until_written``)."""

    until_written: Callable[[], None] = staticmethod(_written_already)

    @property
    def content_bytes(self) -> bytes:
        self.until_written()
        return _FILE_BYTES.__get__(self)  # type: ignore[no-any-return]

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        _FILE_BYTES.__set__(self, value)

    @property
    def content_string(self) -> str:
        self.until_written()
        return _FILE_STRING.__get__(self)  # type: ignore[no-any-return]

    @content_string.setter
    def content_string(self, value: str) -> None:
        _FILE_STRING.__set__(self, value)

    def is_modified(self) -> bool:
        return True  # made by this build (`mkdocs build --dirty` reads it)

    def copy_file(self, dirty: bool = False) -> None:
        self.until_written()
        super().copy_file(dirty)


_FILE_BYTES = File.__dict__["content_bytes"]
_FILE_STRING = File.__dict__["content_string"]


class DrawnLater(File):
    """A chart that `mkdocs serve` has a child process draw while MkDocs makes the pages:
    MkDocs' copy of it is handed to ``copy_later`` (which copies it once it is drawn)."""

    copy_later: Callable[[File, bool], None]

    def copy_file(self, dirty: bool = False) -> None:
        self.copy_later(self, dirty)
