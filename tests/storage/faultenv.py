"""Making the environment fail for real in a test: no access, a read-only folder or file, a read-only or full disk.

Tests run as root in CI, where ``chmod`` denies nothing (root passes every permission check). There the work that
must be denied runs in a thread whose file-system identity is an unprivileged user (Linux's ``setfsuid``): the
kernel then checks every open, create and rename of that thread as for that user and drops root's override for
that thread alone, so SQLite's own ``open()`` is refused exactly as on a broker's account. As another user the
work runs directly, where ``chmod`` itself denies.

A full or read-only *disk* is a small tmpfs mounted for the test (root and a system that allows ``mount``: a VM or
a privileged container); an immutable file is ``chattr +i`` (root, on a file system with that flag). Where that is
not possible the test is skipped, saying why.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")
NOBODY = 65534
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run_unprivileged(work: Callable[[], T]) -> T:
    """``work()`` with the file permissions of an ordinary user (see the module's docstring)."""
    if not IS_ROOT:
        return work()
    libc = ctypes.CDLL(None, use_errno=True)
    answer: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        libc.setfsgid(NOBODY)
        libc.setfsuid(NOBODY)
        try:
            if libc.setfsuid(-1) != NOBODY:  # -1 changes nothing and answers the current one
                raise RuntimeError("setfsuid did not take")
            answer.append(work())
        except BaseException as exc:
            failure.append(exc)
        finally:
            libc.setfsuid(0)
            libc.setfsgid(0)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    return answer[0]


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder every user may enter (pytest's tmp_path is root's alone when the tests run as root), emptied and
    removed afterwards whatever modes and flags a test left in it."""
    folder = Path(tempfile.mkdtemp(prefix="makelaar-faults-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            if shutil.which("chattr") and IS_ROOT and path.is_file():
                subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
            if not path.is_symlink():
                path.chmod(stat.S_IMODE(path.stat().st_mode) | 0o700)
        shutil.rmtree(folder, ignore_errors=True)


def _mount_refused(why: str) -> None:
    pytest.skip(
        f"a small file system cannot be mounted here ({why}); this test needs root and a system that allows "
        "mount (a VM or a privileged container)"
    )


@contextmanager
def tmpfs(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A small, real file system at ``folder`` for the block (skipped where mounting is not allowed)."""
    if not IS_ROOT:
        _mount_refused("not root")
    if shutil.which("mount") is None:
        _mount_refused("no mount command")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        _mount_refused(done.stderr.strip() or f"mount ended with {done.returncode}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, check=True)


def fill(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte; returns the filler (delete it to make room again)."""
    filler = folder / "vulsel.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            block = b"\0" * size
            while True:
                try:
                    if os.write(fd, block) == 0:
                        break
                except OSError:
                    break
    finally:
        os.close(fd)
    return filler


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """``chattr +i`` on ``path`` for the block (skipped where the file system or the user cannot)."""
    if not IS_ROOT or shutil.which("chattr") is None:
        pytest.skip("an immutable file needs root and chattr")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"this file system has no immutable flag ({done.stderr.strip()})")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)


def titles(path: Path) -> list[str]:
    """The titles of the ideas in the store at ``path``, read the way the next start opens it (which also cleans up
    what a killed action left)."""
    from makelaar.services import ideas
    from makelaar.services.listing import ListQuery
    from makelaar.storage.store import open_store

    opened = open_store(f"sqlite:///{path}")
    try:
        with opened.begin() as s:
            return sorted(i.title for i in ideas.list_ideas(s, ListQuery()))
    finally:
        opened.close()


REPO = Path(__file__).resolve().parents[2]


def child(script: Path, *args: str) -> subprocess.Popen[str]:
    """``script`` (beside the tests) run as a separate Python process with pipes for stdin, stdout and stderr;
    use it in a ``with`` block, which closes them."""
    return subprocess.Popen(
        [sys.executable, str(script), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
