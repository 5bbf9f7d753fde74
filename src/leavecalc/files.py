"""Reading the data files users hand us (policy layers, holiday years) without hanging or crashing.

A path may name a FIFO, a device (/dev/zero), a huge file or a link to one; TOML may hold a
5,000-digit integer (Python refuses to parse it) or tables nested thousands deep (recursion).
Each of these becomes one plain error naming the file, raised as the caller's error class.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from .errors import LeavecalcError

# A policy layer or holiday year is a few KB; a megabyte is already far past any real one, and
# keeps a pathological file (long dotted keys) from taking seconds to reject.
MAX_DATA_FILE_BYTES = 1_000_000


def read_data_file(path: str | Path, what: str, error: type[LeavecalcError], limit: int = MAX_DATA_FILE_BYTES) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes (a BOM is dropped).

    ``what`` names the kind of file in the message ("policy file", "holiday file").
    """
    p = Path(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then shows what it is.
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as e:
        raise error(f"{what} {p}: cannot read it ({e.strerror or e.__class__.__name__})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{what} {p}: not a regular file")
        if info.st_size > limit:
            raise error(f"{what} {p}: {info.st_size} bytes, more than the {limit} a {what} may have")
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(limit + 1)
    except OSError as e:
        raise error(f"{what} {p}: cannot read it ({e.strerror or e.__class__.__name__})") from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise error(f"{what} {p}: more than the {limit} bytes a {what} may have")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise error(f"{what} {p}: not UTF-8 text (byte {e.start})") from None


def parse_toml(text: str, origin: str, error: type[LeavecalcError]) -> dict[str, Any]:
    """TOML text as a dict; any failure (syntax, giant integers, deep nesting) as one ``error``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise error(f"{origin}: not valid TOML: {e}") from None
    except ValueError as e:  # an integer past Python's digit limit
        raise error(f"{origin}: not valid TOML: {e}") from None
    except RecursionError:
        raise error(f"{origin}: not valid TOML: nested too deep") from None


@contextmanager
def output_file(target: str | Path, error: type[LeavecalcError], binary: bool = False) -> Iterator[IO[Any]]:
    """A file to write ``target`` through, so that a run that fails (a full disk, Ctrl-C) never
    leaves it empty or half-written.

    A regular file (or a new one) is written beside itself under a temporary name that replaces
    it once complete, with the permissions it had (or a new file would get). A symlink's target
    is written and the link kept. A device or FIFO (/dev/null, /dev/stdout, a pipe) is written
    through in place: replacing it would turn it into a regular file.
    """
    real = os.path.realpath(target)
    try:
        info: os.stat_result | None = os.stat(real)
    except OSError:
        info = None
    mode = "wb" if binary else "w"
    encoding = None if binary else "utf-8"
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise error(f"{target}: is a directory, not a file to write")
    if info is not None and not stat.S_ISREG(info.st_mode):
        try:
            f = open(real, mode, encoding=encoding, newline=None if binary else "")
        except OSError as e:
            raise error(f"{target}: cannot write there ({e.strerror or e})") from None
        with f:
            yield f
        return
    try:
        fd, temp = tempfile.mkstemp(prefix=".leavecalc-", suffix=".part", dir=os.path.dirname(real))
    except OSError as e:
        raise error(f"{target}: cannot write there ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=None if binary else "") as f:
            yield f
        os.chmod(temp, info.st_mode & 0o777 if info is not None else _new_file_mode())
        os.replace(temp, real)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


def _new_file_mode() -> int:
    """What open() would give a new file: 0666 less the umask (mkstemp's file is private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def user_data_dir(env: str, name: str) -> Path:
    """A folder of the user's data files: ``$env`` if set, else ``leavecalc/<name>`` in the
    platform's data directory (XDG_DATA_HOME, ~/Library/Application Support, APPDATA)."""
    if os.environ.get(env):
        return Path(os.environ[env])
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "leavecalc" / name


def user_holiday_files(folder: Path) -> tuple[list[Path], list[str]]:
    """The holiday-year files of the user directory (``*.toml``, in name order), and a warning
    for each thing there that is not read: a missing directory is normal and says nothing.
    Here rather than in holiday_data.py: every command line call lists the directory, and most
    find nothing to read, so need not import the holiday file models."""
    try:
        if not folder.exists():
            return [], []
        if not folder.is_dir():
            return [], [f"holiday directory {folder} is not a directory: no holiday files are read from it"]
        names = sorted(os.listdir(folder))
    except OSError as e:
        return [], [f"holiday directory {folder}: cannot read it ({e.strerror or e}): no holiday files are read from it"]
    files = [folder / n for n in names if n.endswith(".toml")]
    warnings = [
        f"holiday directory {folder}: {n} is not read (only names ending in .toml, in lower case)"
        for n in names
        if n.lower().endswith(".toml") and not n.endswith(".toml")
    ]
    return files, warnings
