"""What every browser test shares: one Chromium per module, a guarded page per test, and the
explorer on the shipped corpus."""

from __future__ import annotations

import pytest

from kgraph import api
from tests.support.browser_support import CHROMIUM, CHROMIUM_ARGS, Guard, running_app


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    db = tmp_path_factory.mktemp("shipped") / "kgraph.db"
    api.build(db=db)
    with running_app(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A 1400 x 900 page; the test fails on any console error or failed request it saw."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    guard = Guard(page)
    yield page
    context.close()
    assert not guard.problems, guard.problems
