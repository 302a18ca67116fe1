"""The study's records as `mkdocs serve` knows them from one rebuild to the next: the same
record object for a file whose bytes did not change (:class:`RecordMemory`), and the
digest of each record (:class:`Digests`), by which what a page or a memo was made from is
compared."""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Collection
from typing import Any, cast

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


_RecordKey = tuple[bytes, type, str, str]


class FactMemory:
    """Each interview's figures (:func:`~journeys.analysis.facts.fact_of`), kept with the
    record they were worked out from (the same object from one rebuild to the next, by
    :class:`RecordMemory`), its journey's touchpoints and its round: they depend on nothing
    else."""

    def __init__(self) -> None:
        self.kept: dict[int, tuple[Interview, frozenset[str], str | None, InterviewFact]] = {}
        self.worked_out = 0
        """Interviews whose figures the last rebuild worked out (the others were known)."""

    def facts_of(self) -> FactsOf:
        """:func:`~journeys.analysis.facts.fact_of` for this rebuild; the figures of the
        interviews it is not asked for are dropped."""
        before, kept = (
            self.kept,
            dict[int, tuple[Interview, frozenset[str], str | None, InterviewFact]](),
        )
        self.kept = kept
        self.worked_out = 0

        def facts_of(
            interview: Interview, inventory: Collection[str], round_id: str | None
        ) -> InterviewFact:
            touchpoints = frozenset(inventory)
            known = before.get(id(interview))
            if known is None or known[0] is not interview or known[1:3] != (touchpoints, round_id):
                known = (
                    interview,
                    touchpoints,
                    round_id,
                    fact_of(interview, touchpoints, round_id),
                )
                self.worked_out += 1
            kept[id(interview)] = known
            return known[3]

        return facts_of


class RecordMemory:
    """The records of the last rebuild's files, each under its file's bytes and where it
    was read from (its kind, its name in messages, its file name): a file whose bytes did
    not change gives the same record again, the same object, with the same problems.
    Loading a record does not depend on anything else."""

    def __init__(self) -> None:
        self.kept: dict[_RecordKey, tuple[object, list[Diagnostic]]] = {}
        self.loaded = 0
        """Records the last rebuild loaded (the others were known)."""

    def loader(self, front_matter: FrontMatterCache | None) -> RecordLoader:
        """:func:`~journeys.content.loading.load_record` for this rebuild; the front matter of
        the files it knows is kept in ``front_matter`` (which saves only what it read or
        was told to keep)."""
        before, kept = self.kept, dict[_RecordKey, tuple[object, list[Diagnostic]]]()
        self.kept = kept
        self.loaded = 0

        def load(
            raw: bytes,
            model: type[RecordT],
            display: str,
            stem: str,
            read: Callable[[bytes], Document],
        ) -> tuple[RecordT | Invalid | None, list[Diagnostic]]:
            key = (hashlib.sha256(raw).digest(), model, display, stem)
            found = kept.get(key) or before.get(key)
            if found is None:
                found = load_record(raw, model, display, stem, read)
                self.loaded += 1
            elif front_matter is not None:
                front_matter.keep(raw)
            kept[key] = found
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
