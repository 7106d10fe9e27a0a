"""The columnar binary form (``.ssrcol``) of an entity directory, for directories of province and national size.

CSV is what people exchange; the columnar form is what a program reloads. It is the C++ directory's own struct of
arrays written out (string heaps, interned value pools, code and count arrays) behind a versioned header that
holds a SHA-256 of the body, so loading copies columns instead of parsing text, and a damaged or truncated file
is refused whole. See docs/PERFORMANCE.md ("The columnar form")::

    import ssrandom
    bureau = ssrandom.Bureau.sample(entities=1_000_000)
    ssrandom.save_columnar(bureau, "entities.ssrcol")
    directory = ssrandom.load_columnar("entities.ssrcol")     # an ssrandom.Directory
    assert directory.digest() == bureau.entities.digest()

Every loader that takes an entity file also takes a ``.ssrcol`` path (:func:`ssrandom.load_entities`,
:meth:`ssrandom.Bureau.from_entities`, ``--entities`` on the command line), and :meth:`ssrandom.Bureau.load` reads a
folder's ``entities.ssrcol`` in place of ``entities.csv``.
"""

from __future__ import annotations

import os
from typing import Union

from ssrandom import _core
from ssrandom.bureau import Bureau, Directory, PathLike

__all__ = ["COLUMNAR_VERSION", "COLUMNAR_EXTENSION", "save_columnar", "load_columnar", "to_columnar_bytes",
           "from_columnar_bytes"]

#: The format version this library reads and writes.
COLUMNAR_VERSION: int = int(_core.COLUMNAR_VERSION)
#: The file name extension of the columnar form.
COLUMNAR_EXTENSION = ".ssrcol"


def save_columnar(source: Union[Bureau, Directory], path: PathLike) -> None:
    """Writes the entity directory of ``source`` (a :class:`Bureau` or a :class:`Directory`) to ``path``
    atomically: on any error the file keeps its earlier contents or stays absent. The bytes are deterministic.
    """
    if isinstance(source, Bureau):
        _core.save_bureau_columnar_entities(source._core, os.fspath(path))
    elif isinstance(source, Directory):
        _core.save_columnar_entities(source._core, os.fspath(path))
    else:
        raise TypeError(f"save_columnar takes a Bureau or a Directory, not {type(source).__name__}")


def load_columnar(path: PathLike) -> Directory:
    """The directory in a columnar file. Raises ``InvalidInputError`` for a damaged, truncated or invalid file
    (naming the record and field where there is one), ``FailedPreconditionError`` for another format version and
    ``NotFoundError`` when the file does not exist; nothing is half-loaded."""
    return Directory(_core.load_columnar_entities(os.fspath(path)))


def to_columnar_bytes(directory: Directory) -> bytes:
    """The columnar form of ``directory`` as bytes (what :func:`save_columnar` writes)."""
    return bytes(_core.columnar_entities(directory._core))


def from_columnar_bytes(data: bytes, source: str = "<bytes>") -> Directory:
    """A directory from columnar bytes; ``source`` names them in error messages."""
    return Directory(_core.read_columnar_entities(data, source))
