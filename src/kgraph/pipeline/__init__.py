"""The build: plan what changed, extract it on an engine (local or Dask), write the store.

:func:`run_build` is what ``kgraph.api.build`` calls; :class:`BuildOptions` carries every
option from the CLI or the app to the engines.
"""

from kgraph.pipeline.options import BuildOptions, BuildReport, Progress
from kgraph.pipeline.run import run_build

__all__ = ["BuildOptions", "BuildReport", "Progress", "run_build"]
