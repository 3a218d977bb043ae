"""Background work that must not slow the window down: its thread gives way to the program's own.

At start three things run at once on what is often a two-core laptop: the window being built, the integrity check
of the store (SQLite reading the whole file) and the counts for the navigation. When something else is busy on the
machine as well, the window lost its core to the check about half of the time. The check and the counts are still
done as soon as there is room, and nothing is written before the check has answered.
"""

from __future__ import annotations

import os
import sys
import threading

BACKGROUND_NICE = 10  # of 19: below the window, still well above anything idle


def give_way() -> bool:
    """Lower the priority of the calling thread alone (on Linux every thread has its own nice value); True when it
    was lowered. Elsewhere, or when the system refuses, the thread keeps its priority: it is still correct, only
    sooner."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICE)
    except OSError:
        return False
    return True
