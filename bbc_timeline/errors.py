"""Library errors: the CLI turns each into a one-line message and an exit code."""


class TimelineError(Exception):
    """A problem the user can fix; its message is one line, naming what failed."""

    exit_code = 1


class InputError(TimelineError):
    """A file or folder that cannot be read as an article."""


class SkippedInput(InputError):
    """A file deliberately not read (not a regular file, over the size limit): a note, not a failure."""


class StoreError(TimelineError):
    """The store file is missing, not a timeline store, or not SQLite."""


class UsageError(TimelineError):
    """A bad option value (a --since that is not a date, an unknown format)."""

    exit_code = 2


class ModelError(TimelineError):
    """No usable spaCy pipeline is installed."""
