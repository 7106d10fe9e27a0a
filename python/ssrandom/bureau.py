"""A bureau's 两库一单: the entity directory, the inspector directory and the item list."""

from __future__ import annotations

import datetime
import json
import os
from typing import Any, Dict, Optional, Union

from ssrandom import _core

__all__ = ["Bureau", "Directory", "QualityReport", "load_entities"]

DateLike = Union[str, datetime.date, None]


def _date_text(value: DateLike) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


class QualityReport:
    """The data-quality report of a load or check: errors stop a load, warnings are for the bureau to decide."""

    def __init__(self, core: Any) -> None:
        self._core = core

    @property
    def error_count(self) -> int:
        """Number of errors (a load with errors fails, so a returned report has none)."""
        return int(self._core.error_count)

    @property
    def warning_count(self) -> int:
        """Number of warnings: invalid USCC check characters, expired certificates, duplicate USCCs …"""
        return int(self._core.warning_count)

    @property
    def issues(self) -> list:
        """Every issue as a dict: severity, source, record, line, record_id, field, code, message."""
        return list(json.loads(self._core.to_json())["issues"])

    def to_text(self) -> str:
        """One issue per line, errors first, with bilingual headings."""
        return str(self._core.to_text())

    def to_json(self) -> str:
        """The report as JSON text."""
        return str(self._core.to_json())

    def __str__(self) -> str:
        return self.to_text()


class Directory:
    """The entity directory (检查对象名录库), stored column by column in C++."""

    def __init__(self, core: Any) -> None:
        self._core = core

    def __len__(self) -> int:
        return len(self._core)

    def __getitem__(self, row: int) -> Dict[str, Any]:
        """The entity at ``row`` as a dict of its fields (``None`` or ``""`` where unknown)."""
        if row < 0:
            row += len(self)
        return dict(self._core.get(row))

    def find(self, entity_id: str) -> Optional[int]:
        """The row of the entity with that id, or ``None``."""
        found = self._core.find(entity_id)
        return None if found is None else int(found)

    def digest(self) -> str:
        """SHA-256 (hex) of the canonical form: independent of row order and input format."""
        return str(self._core.digest())

    def to_csv(self) -> str:
        """The directory as CSV text with English headers."""
        return str(self._core.to_csv())

    def to_json(self) -> str:
        """The directory as a JSON array of entity objects."""
        return str(self._core.to_json())


def load_entities(path: Union[str, os.PathLike]) -> Directory:
    """Loads an entity directory from a ``.csv`` or ``.json`` file (English or Chinese headers).

    Raises ``InvalidInputError`` listing every bad record (record number, field and reason) and
    ``NotFoundError`` when the file does not exist.
    """
    core, _report = _core.load_entities(os.fspath(path))
    return Directory(core)


class Bureau:
    """A bureau's directories: entities, inspectors with their units and partner departments, items, conflicts.

    Create one with :meth:`Bureau.sample` (the built-in synthetic county bureau) or :meth:`Bureau.load`.
    """

    def __init__(self, core: Any, quality: Optional[QualityReport] = None) -> None:
        self._core = core
        #: The quality report of the load (warnings only: a load with errors raises).
        self.quality = quality

    @classmethod
    def sample(cls, entities: int = 1500, seed: int = 20240101) -> "Bureau":
        """The built-in sample bureau, modelled on the Xinle 2024 plan; deterministic for given arguments."""
        core = _core.sample_bureau(entities, seed)
        return cls(core, QualityReport(core.check(None)))

    @classmethod
    def load(cls, path: Union[str, os.PathLike], as_of: DateLike = None) -> "Bureau":
        """Loads a bureau folder (entities.csv, inspectors.csv, …) or a bureau JSON document.

        ``as_of`` (a date) is the day certificates are checked against, usually the period's first day.
        Raises ``InvalidInputError`` naming every bad record, field and reason; nothing is half-loaded.
        """
        core, report = _core.load_bureau(os.fspath(path), _date_text(as_of))
        return cls(core, QualityReport(report))

    @classmethod
    def from_entities(cls, path: Union[str, os.PathLike]) -> "Bureau":
        """A bureau holding only an entity directory (``.csv`` or ``.json``): enough to classify and draw
        entities; teams need inspectors (see :meth:`load`)."""
        core, report = _core.bureau_from_entities(os.fspath(path))
        return cls(core, QualityReport(report))

    @property
    def name(self) -> str:
        """The bureau's name."""
        return str(self._core.name)

    @property
    def entity_count(self) -> int:
        """Number of entities in the directory."""
        return int(self._core.entity_count)

    @property
    def inspector_count(self) -> int:
        """Number of inspectors, partner-department inspectors included."""
        return int(self._core.inspector_count)

    @property
    def entities(self) -> Directory:
        """The entity directory (a copy)."""
        return Directory(self._core.entities)

    def summary(self) -> str:
        """Counts by area, permit class, positive list, credit and status; inspectors by unit and group."""
        return str(self._core.summary_text())

    def summary_dict(self) -> Dict[str, Any]:
        """The summary as a dict (see :meth:`summary`)."""
        return dict(json.loads(self._core.summary_json()))

    def check(self, as_of: DateLike = None) -> QualityReport:
        """Cross-record checks (USCCs, certificates as of ``as_of``, references between tables)."""
        return QualityReport(self._core.check(_date_text(as_of)))

    def save(self, folder: Union[str, os.PathLike], format: str = "csv") -> None:
        """Writes the bureau's tables into an existing folder as ``csv`` or ``json``, each file atomically."""
        self._core.save(os.fspath(folder), format)

    def to_json(self) -> str:
        """The whole bureau as one JSON document (loadable with :meth:`load`)."""
        return str(self._core.to_json())
