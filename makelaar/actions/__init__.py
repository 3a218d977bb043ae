"""User actions that span transactions, files or backups, written once for the window and the command line.

Each action takes the :class:`~makelaar.storage.store.Store`, works only through ``Store.begin()`` (so what the
environment causes becomes a Dutch ``StoreError``), holds the store's one-program lock while it writes
(:mod:`makelaar.actions.lock`), makes the verified backup before a bulk change in one place
(:func:`makelaar.actions.common.backup_before`), writes its output files through :mod:`makelaar.files`, and returns
a result with :class:`Changes`: which kinds of records changed, so the views that show them refresh themselves.

No Qt here: the window runs an action through ``makelaar.ui.operations``, the command line calls it directly.
"""

from makelaar.actions.common import Changes

__all__ = ["Changes"]
