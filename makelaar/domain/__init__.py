"""Plain domain types shared by every layer. No Qt, no SQLAlchemy."""
