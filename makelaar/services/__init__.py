"""Use cases: functions that take a Session and return domain objects. No Qt.

Importing the package registers the audit log's listener, so every change to personal data made through the
services is logged (makelaar.services.audit).
"""

import makelaar.services.audit  # noqa: F401
