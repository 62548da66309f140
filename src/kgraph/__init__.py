"""kgraph: a knowledge-graph explorer of engineering writing."""

import os

__version__ = "0.1.0"

# kgraph spreads its work over processes, one per core (extraction workers, Louvain apart).
# A BLAS thread pool in each would only contend for the same cores: the NER's matrix products
# cost ~18% more CPU with one, a whole build ~6%. So numpy's BLAS gets one thread, unless
# the environment says otherwise; this takes effect only where kgraph is imported first (the
# CLI), before numpy.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
