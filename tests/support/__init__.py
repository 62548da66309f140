"""What the tests share: fixtures' data, the one FakeExtractor, stores, harnesses, browser helpers.

Tests import it as ``tests.support`` (``tests`` and its folders are packages, so pytest puts
the checkout on ``sys.path``); a subprocess that needs it gets the checkout on its
``PYTHONPATH`` (see :mod:`tests.support.build_harness`).
"""

from kgraph import config

TESTS_DIR = config.ROOT / "tests"
SUPPORT_DIR = TESTS_DIR / "support"
DATA_DIR = SUPPORT_DIR / "data"
"""Small feeds (RSS, Atom) the reader tests parse."""
FIXTURES_DIR = SUPPORT_DIR / "fixtures"
"""Small inputs of the extraction tests (an ontology)."""
