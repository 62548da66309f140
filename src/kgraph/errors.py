"""Errors a user can cause, all from one root so the CLI and the app catch them in one place.

Every message says what went wrong, where (file, line or record) and how to fix it.
The CLI turns a :class:`KgraphError` into exit code 1; the app into one ``st.error``.
"""

from __future__ import annotations


class KgraphError(Exception):
    """Root of every error kgraph reports to a user instead of a traceback."""


class CorpusError(KgraphError):
    """A corpus file, record or feed that cannot be read."""


class StoreError(KgraphError):
    """A store that is missing, corrupt, foreign or from an unknown schema version."""


class ModelError(KgraphError):
    """The extraction pipeline or its base model cannot be loaded."""


class OntologyError(KgraphError):
    """An ontology file that is malformed or inconsistent."""


class NotFoundError(KgraphError):
    """A name that matches no entity or post; carries close matches for "did you mean"."""

    def __init__(self, message: str, suggestions: list[str] | None = None):
        self.suggestions = suggestions or []
        if self.suggestions:
            message += " Did you mean: " + ", ".join(self.suggestions) + "?"
        super().__init__(message)
