"""Files that change together: an export and its ``void.ttl``, the three files of ``dist/``.

Two renames are never atomic together, so a folder whose files must agree is a generation
pointer (:func:`kg.files.replacing_folder`): ``dist`` is a symlink to ``.dist.d/g-…``; a write
fills a new generation (the files it does not replace are carried over as hard links) and swaps
the pointer in one rename. A reader, or a process killed at any instant, sees every file old or
every file new.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kg.files import COMPRESSED, current_generation, replacing_folder, write_atomic


def write_together(
    files: dict[Path, bytes | Callable[[BinaryIO], None]], *, own_folder: bool = False
) -> None:
    """Write files of one folder so that they change together (each given as bytes or as a
    function writing them to a file, see :func:`kg.files.write_atomic`).

    The folder becomes (or stays) a generation pointer when it is one already, does not exist
    yet, or ``own_folder`` says that it holds only files written this way (``dist/``). A plain
    folder of other things is left a plain folder: each file is replaced atomically, the last
    one given last.
    """
    if not files:
        return
    folders = {Path(p).parent.absolute() for p in files}
    if len(files) == 1 or len(folders) > 1:
        for path, data in files.items():
            write_atomic(path, data)
        return
    folder = folders.pop()
    if not (own_folder or current_generation(folder) is not None or not folder.exists()):
        for path, data in files.items():
            write_atomic(path, data)
        return
    source = current_generation(folder) or (folder if folder.is_dir() else None)
    names = {Path(p).name for p in files}
    with replacing_folder(folder) as new:
        if source is not None:
            for entry in source.iterdir():
                if entry.is_file() and entry.name not in names:
                    _carry(entry, new / entry.name)
        for path, data in files.items():
            with open(new / Path(path).name, "wb") as f:
                if Path(path).name.endswith(COMPRESSED):  # compressed (kg.compressed)
                    from kg.compressed import writing

                    data = writing(path, data)
                if callable(data):
                    data(f)
                else:
                    f.write(data)


def _carry(src: Path, dest: Path) -> None:
    """An unchanged file in the new generation: a hard link (generations are never edited)."""
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)
