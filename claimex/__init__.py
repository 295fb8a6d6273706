"""claimex: numeric claims in news articles, who made them, in a SQLite fact ledger."""

import os

# spaCy's small matrices gain little from BLAS threads, and with `--jobs` every worker would start its own
# pool of them on the same cores. Set before numpy loads (workers inherit it); a value the user set wins.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

__version__ = "0.1.0"
