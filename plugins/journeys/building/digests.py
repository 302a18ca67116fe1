"""The study's records as `mkdocs serve` knows them from one rebuild to the next: the same
record object for a file whose bytes did not change (:class:`RecordMemory`), and the
digest of each record (:class:`Digests`), by which what a page or a memo was made from is
compared."""

from __future__ import annotations

import functools
import hashlib
import io
import pickle
from collections.abc import Callable, Collection
from typing import Any, Generic, TypeVar, cast

from journeys.analysis.facts import FactsOf, InterviewFact, fact_of
from journeys.building.frontmatter_cache import FrontMatterCache
from journeys.content.diagnostics import Diagnostic
from journeys.content.frontmatter import Document
from journeys.content.loading import Invalid, RecordLoader, RecordT, load_record
from journeys.content.model import Interview
from journeys.content.records import Record


class Digests:
    """SHA-256 digests of values, by their ``pickle`` (which holds every value with its type:
    ``7`` is not ``7.0``). Within one build, a record of the study (a persona, a journey, an
    interview: what many pages show) is pickled once: where it stands again, its digest
    stands in for it. Records are frozen models: they do not change once read, so the
    digests of the ``before`` build's records hold for those of its records this build has
    again (:class:`RecordMemory` gives the same objects)."""

    def __init__(self, before: Digests | None = None) -> None:
        self.known: dict[int, tuple[object, bytes]] = {}
        """By ``id``: the object (kept, so that its id is not reused) and its digest."""
        self.before = before.known if before is not None else {}

    def of(self, value: object) -> bytes | None:
        """The digest of ``value``; None when it cannot be pickled (a local function, a
        lambda, an open file: whatever the reason, its page is then rendered)."""
        try:
            return self._digest(value)
        except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
            return None

    def _digest(self, value: object) -> bytes:
        buffer = io.BytesIO()
        _Pickler(buffer, self, value).dump(value)
        return hashlib.sha256(buffer.getvalue()).digest()

    def of_record(self, record: Record) -> bytes | None:
        """The digest of a record of the study (its values, its file); None as in :meth:`of`."""
        try:
            return self.record_digest(record)
        except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
            return None

    def record_digest(self, record: Record) -> bytes:
        known = self.known.get(id(record))
        if known is None:
            known = self.before.get(id(record))
            if known is None or known[0] is not record:
                known = (record, self._digest(record))
            self.known[id(record)] = known
        return known[1]


K = TypeVar("K")
V = TypeVar("V")


class Kept(Generic[K, V]):
    """What one rebuild worked out, by key, for the next: a rebuild (:meth:`rebuild`) keeps
    what it asks for again or works out, and what it does not ask for is dropped after it."""

    def __init__(self) -> None:
        self.now: dict[K, V] = {}
        self.before: dict[K, V] = {}
        self.made = 0
        """Values this rebuild worked out (the others were known)."""

    def rebuild(self) -> None:
        self.before, self.now, self.made = self.now, {}, 0

    def get(self, key: K | None, make: Callable[[], V]) -> V:
        """The value under ``key``, kept or made now; made, and not kept, without a key
        (what it is made from could not be told apart)."""
        found = None if key is None else self.now.get(key, self.before.get(key))
        if found is None:
            found = make()
            self.made += 1
        if key is not None:
            self.now[key] = found
        return found


class FactMemory:
    """Each interview's figures (:func:`~journeys.analysis.facts.fact_of`), kept with the
    record they were worked out from (the same object from one rebuild to the next, by
    :class:`RecordMemory`), its journey's touchpoints and its round: they depend on nothing
    else. The record is known by its ``id``: kept with its figures, no other object can
    have that id meanwhile."""

    def __init__(self) -> None:
        self.kept = Kept[tuple[int, frozenset[str], str | None], tuple[Interview, InterviewFact]]()

    @property
    def worked_out(self) -> int:
        """Interviews whose figures the last rebuild worked out (the others were known)."""
        return self.kept.made

    def facts_of(self) -> FactsOf:
        """:func:`~journeys.analysis.facts.fact_of` for this rebuild."""
        self.kept.rebuild()

        def facts_of(
            interview: Interview, inventory: Collection[str], round_id: str | None
        ) -> InterviewFact:
            touchpoints = frozenset(inventory)
            work_out = functools.partial(_with_fact, interview, touchpoints, round_id)
            return self.kept.get((id(interview), touchpoints, round_id), work_out)[1]

        return facts_of


def _with_fact(
    interview: Interview, touchpoints: frozenset[str], round_id: str | None
) -> tuple[Interview, InterviewFact]:
    return interview, fact_of(interview, touchpoints, round_id)


class RecordMemory:
    """The records of the last rebuild's files, each under its file's bytes and where it
    was read from (its kind, its name in messages, its file name): a file whose bytes did
    not change gives the same record again, the same object, with the same problems.
    Loading a record does not depend on anything else."""

    def __init__(self) -> None:
        self.kept = Kept[tuple[bytes, type, str, str], tuple[object, list[Diagnostic]]]()

    @property
    def loaded(self) -> int:
        """Records the last rebuild loaded (the others were known)."""
        return self.kept.made

    def loader(self, front_matter: FrontMatterCache | None) -> RecordLoader:
        """:func:`~journeys.content.loading.load_record` for this rebuild; the front matter of
        every file it loads is kept in ``front_matter`` (which saves only what it read or
        was told to keep)."""
        self.kept.rebuild()

        def load(
            raw: bytes,
            model: type[RecordT],
            display: str,
            stem: str,
            read: Callable[[bytes], Document],
        ) -> tuple[RecordT | Invalid | None, list[Diagnostic]]:
            key = (hashlib.sha256(raw).digest(), model, display, stem)
            found = self.kept.get(
                key, functools.partial(load_record, raw, model, display, stem, read)
            )
            if front_matter is not None:
                front_matter.keep(raw)
            return cast("RecordT | Invalid | None", found[0]), list(found[1])

        return load


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, digests: Digests, top: object) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.digests = digests
        self.top = top

    def reducer_override(self, obj: object) -> Any:
        if obj is self.top or not isinstance(obj, Record):
            return NotImplemented
        return (_stands_for, (self.digests.record_digest(obj),))


def _stands_for(digest: bytes) -> bytes:
    """Stands in a pickle for a record, by its digest (never unpickled)."""
    return digest
