"""The `timeline` console script."""

import gc

# A query lives a fraction of a second and builds no reference cycles worth
# collecting, so the cyclic collector would only interrupt imports and
# rendering. Long work (ingest, extract) turns it back on.
gc.disable()

from bbc_timeline.cli import main  # noqa: E402

__all__ = ["main"]
