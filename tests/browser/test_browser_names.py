"""Every name is a way onward, in Chromium: each kind of name opens its entity, URL following.

Neighbours, path hops and a post's entities on Explore are covered in
test_browser_explorer2.py; here the rest: a stated relation's other end, a reading path's
post, a community member, a centrality row, a comparison row and a post's entity on the
Posts page. The store is the shipped corpus, built by the real pipeline.
"""

from __future__ import annotations

import pytest

from tests.support.browser_support import (
    wait_for_graph,
)

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]


def _opened(page, node: str, name: str) -> None:
    """Explore shows ``node`` selected, its card headed ``name``, and the URL says so."""
    page.get_by_role("heading", name=name).first.wait_for(timeout=20_000)
    # A page without a graph leaves the last (destroyed) network behind until Explore draws.
    page.wait_for_function(
        "(id) => { try { return window.kgraphNetwork.getSelectedNodes()[0] === id; }"
        " catch (e) { return false; } }",
        arg=node,
        timeout=20_000,
    )
    page.wait_for_function(
        "(name) => new URLSearchParams(location.search).get('entity') === name",
        arg=name,
        timeout=10_000,
    )


def _go(page, base: str, link: str) -> None:
    """Open a page through the top navigation (a direct load of /insights probes a 404)."""
    page.goto(base)
    wait_for_graph(page, timeout=60_000)
    page.get_by_role("link", name=link).first.click()
    page.get_by_role("heading", name=link).wait_for(timeout=15_000)


def test_a_stated_relations_other_end_opens_it(page, shipped):
    page.goto(shipped + "/?entity=Databricks")
    wait_for_graph(page)
    page.get_by_text("Relations the posts state").wait_for(timeout=15_000)
    page.locator("a.kg-name", has_text="Dicer").first.click()
    _opened(page, "TECHNOLOGY:Dicer", "Dicer")


def test_a_reading_path_post_opens_the_post(page, shipped):
    page.goto(shipped + "/?entity=prewarming")
    wait_for_graph(page)
    page.get_by_role("heading", name="Reading path").wait_for(timeout=15_000)
    title = "Zero-Downtime Patching in Lakebase Part 1: Prewarming"
    page.get_by_role("button", name=f"1. {title}").click()
    page.get_by_text("Read next", exact=True).wait_for(timeout=20_000)
    page.wait_for_function(
        "(t) => new URLSearchParams(location.search).get('entity') === t", arg=title
    )


def test_a_community_member_opens_it(page, shipped):
    _go(page, shipped, "Insights")
    page.get_by_role("tab", name="Communities").click()
    page.locator("[data-testid='stExpander'] summary").first.click()
    pill = page.locator("[data-testid='stExpander'] [role='radio']").first
    name = pill.inner_text().strip()
    pill.click()
    page.get_by_role("heading", name=name).first.wait_for(timeout=20_000)
    page.wait_for_function(
        "(n) => new URLSearchParams(location.search).get('entity') === n", arg=name
    )


def test_a_centrality_row_opens_it(page, shipped):
    _go(page, shipped, "Insights")
    # The table is a canvas grid: the first row's checkbox column sits left of its name.
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=15_000)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # header row, then row 1
    _opened(page, "COMPANY:Databricks", "Databricks")


def test_a_comparison_row_opens_it(page, shipped):
    _go(page, shipped, "Insights")
    page.get_by_role("tab", name="Compare companies").click()
    pill = page.locator("[class*='st-key-insights_cmp_'] [role='radio']").first
    pill.wait_for(timeout=15_000)
    name = pill.inner_text().strip()
    pill.click()
    page.get_by_role("heading", name=name).first.wait_for(timeout=20_000)
    page.wait_for_function(
        "(n) => new URLSearchParams(location.search).get('entity') === n", arg=name
    )


def test_a_posts_entity_on_the_posts_page_opens_it(page, shipped):
    _go(page, shipped, "Posts")
    title = "Zero-Downtime Patching in Lakebase Part 1: Prewarming"
    page.get_by_label("Open a post").click()
    page.keyboard.type("Zero-Downtime Patching in Lakebase Part 1")
    page.get_by_role("option", name=title).click()
    page.locator(".kg-summary mark").first.wait_for(timeout=15_000)
    page.get_by_role("radio", name="Lakebase", exact=True).first.click()
    _opened(page, "TECHNOLOGY:Lakebase", "Lakebase")


def test_a_row_of_the_posts_table_opens_the_post(page, shipped):
    _go(page, shipped, "Posts")
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=15_000)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # header row, then row 1
    page.locator(".kg-summary").first.wait_for(timeout=15_000)
    page.get_by_text("Similar posts", exact=True).wait_for()
    # The "Open a post" box shows the post the row opened.
    chosen = page.locator(".st-key-posts_selected input").first.input_value()
    heading = page.locator("h3", has_text=chosen).first if chosen else None
    assert chosen and heading.count() == 1, chosen


def test_a_migrations_names_open_them(page, shipped):
    _go(page, shipped, "Insights")
    page.get_by_role("tab", name="Migrations").click()
    grid = page.locator("[data-testid='stDataFrame']").nth(1)  # after Centrality's table
    grid.wait_for(timeout=15_000)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # Slack: SSH → REST
    page.locator("blockquote mark").first.wait_for(timeout=15_000)
    page.locator(".st-key-migrations_explore").get_by_role("radio", name="REST", exact=True).click()
    _opened(page, "TECHNOLOGY:REST", "REST")
