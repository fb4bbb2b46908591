"""Local storage: SQLModel tables on SQLite, repository functions, migrations, backups.

Repository functions take a keyword-only ``session`` and return plain records; ``Database``
hands out short sessions. Nothing here imports Qt.
"""

from desktop.store.db import Database
from desktop.store.errors import NotFound, StorageError, StoreDamaged, StoreTooNew

__all__ = ["Database", "NotFound", "StorageError", "StoreDamaged", "StoreTooNew"]
