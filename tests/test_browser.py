"""The published archive in a real browser: headless Chromium against `datasette serve`.

Chromium runs with no network beyond 127.0.0.1 (DEPENDENCIES.md §9): every other request
is aborted and recorded, so a script or style fetched from a CDN would show up here.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import free_port, http_process
from tests.test_datasette import REFERENCE_TITLE, build_archive

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]  # Playwright gives every launch a fresh --user-data-dir of its own.


@pytest.fixture
def datasette_server(tmp_path):
    """`datasette serve archive.db -m metadata.yml` on a free loopback port."""
    db = tmp_path / "archive.db"
    build_archive(db)
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(db),
        "-m",
        str(ROOT / "metadata.yml"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "3000",
    ]
    base = f"http://127.0.0.1:{port}"
    with http_process(cmd, f"{base}/-/versions.json", tmp_path / "datasette.log"):
        yield base


def run_in_thread(fn, *args):
    """Run `fn` in its own thread: Playwright's sync API refuses a thread whose asyncio loop
    is running, and pytest-twisted runs one (the asyncio reactor) in the main thread."""
    result: dict = {}

    def target():
        try:
            result["value"] = fn(*args)
        except BaseException as exc:  # re-raised in the test's thread
            result["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(180)
    if "error" in result:
        raise result["error"]
    return result["value"]


def search_in_browser(base: str, screenshot: Path) -> dict:
    """Open the articles table, search for `bach khoa` with its box, screenshot, sort by date."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    page_errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")

            def only_loopback(route):
                url = route.request.url
                if url.startswith(("http://127.0.0.1:", "data:")):
                    route.continue_()
                else:
                    blocked.append(url)
                    route.abort()

            context.route("**/*", only_loopback)
            page = context.new_page()
            page.on("pageerror", lambda exc: page_errors.append(str(exc)))
            page.goto(f"{base}/archive/articles", wait_until="load")
            page.fill("input#_search", "bach khoa")
            with page.expect_navigation():
                page.press("input#_search", "Enter")
            page.wait_for_load_state("networkidle")
            titles = page.locator("table.rows-and-columns td.col-title").all_inner_texts()
            summary = page.locator(".wardnews-search-summary").first.inner_text()
            url = page.url
            page.screenshot(path=str(screenshot), full_page=True)
            # Sort by date: the summary's link to the newest-first search.
            with page.expect_navigation():
                page.click(".wardnews-search-summary a[href*='/search_newest?']")
            page.wait_for_load_state("networkidle")
            newest = page.locator("table.rows-and-columns td.col-title").all_inner_texts()
            return {
                "url": url,
                "titles": titles,
                "summary": summary,
                "newest_url": page.url,
                "newest": newest,
                "blocked": blocked,
                "errors": page_errors,
            }
        finally:
            browser.close()


@pytest.mark.slow
def test_search_box_in_chromium(datasette_server):
    if not os.path.exists(CHROMIUM) or shutil.which("chromium") is None:
        pytest.fail(f"{CHROMIUM} is missing: `make test-deps` installs it (apt chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "browser-search.png"
    seen = run_in_thread(search_in_browser, datasette_server, screenshot)
    # The box of the articles page leads to the ranked search.
    assert seen["url"].endswith("/archive/search?q=bach+khoa"), seen["url"]
    assert REFERENCE_TITLE in [title.strip() for title in seen["titles"]]
    assert "2 articles match" in seen["summary"]
    assert seen["newest_url"].endswith("/archive/search_newest?q=bach+khoa")
    assert REFERENCE_TITLE in [title.strip() for title in seen["newest"]]
    assert seen["blocked"] == [], "the page tried to fetch from outside 127.0.0.1"
    assert seen["errors"] == []
    assert screenshot.stat().st_size > 10_000
