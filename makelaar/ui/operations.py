"""The one way the window runs a user action (:mod:`makelaar.actions`), after Anki's ``aqt.operations``.

:func:`run_op` runs it (in the background with a progress dialog when it may take more than a moment), shows a
:class:`~makelaar.domain.errors.KnownError` in the one consistent way (``show_error``) and returns None then, and
announces the action's :class:`~makelaar.actions.common.Changes` on ``AppContext.changes``. The views that show
those records subscribe to that signal and refresh themselves; no widget reloads another by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from makelaar.actions.common import Changes
from makelaar.domain.errors import KnownError
from makelaar.ui.errors import show_error
from makelaar.ui.tasks import run_with_progress

R = TypeVar("R")


class ChangeNotifier(QObject):
    """Signals:
    changed(Changes): an action changed these kinds of records (``Changes.store``: the store was replaced).
    """

    changed = Signal(object)


class HasChanges(Protocol):
    """What the runner needs of the window's context (``AppContext``): where to announce changes."""

    @property
    def changes(self) -> ChangeNotifier: ...


def announce(ctx: HasChanges, changes: Changes | None) -> None:
    if changes is not None and changes.any:
        ctx.changes.changed.emit(changes)


def run_op(
    parent: QWidget | None,
    ctx: HasChanges,
    action: Callable[[], R],
    *,
    progress: str | None = None,
    changes: Callable[[R], Changes | None] | None = None,
) -> R | None:
    """Run ``action``; its result, or None after showing the Dutch message of a KnownError (a bug goes to the
    window's error display as any other). ``progress``: the label of the progress dialog, for an action that may
    take more than a moment (then it runs off the GUI thread). ``changes``: what changed, taken from the result;
    by default the result's own ``changes`` attribute, when it has one."""
    try:
        result = run_with_progress(parent, progress, action) if progress is not None else action()
    except KnownError as exc:
        show_error(parent, exc)
        return None
    found = changes(result) if changes is not None else getattr(result, "changes", None)
    announce(ctx, found if isinstance(found, Changes) else None)
    return result
