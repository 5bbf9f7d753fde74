"""End to end in a real headless Chromium (Debian's ``chromium``, driven by Playwright with
``executable_path``; Playwright's own browser downloads are never used). A counsellor fills the
maternity form, checks an employer's figure, opens the dismissal answer, copies the summary
and switches to English. In CI (``CI=true``) a missing browser is a failure, not a skip. On a
failure, a screenshot of the page is saved in the test's tmp dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from .web_harness import chromium_path, running_desk

pytest.importorskip("uvicorn")


def need_browser() -> str:
    path = chromium_path()
    if path is not None:
        return path
    message = "no Chromium found (apt-get install chromium, or set LEAVECALC_CHROMIUM)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def desk() -> Iterator[str]:
    with running_desk() as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = need_browser()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed")
        pytest.skip("playwright is not installed")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], viewport={"width": 1000, "height": 900})
    p = context.new_page()
    problems: list[str] = []
    # A Content Security Policy violation or a script error shows up on the console (a form
    # re-shown with status 400 is logged as a failed load: expected, not a problem).
    p.on("console", lambda m: problems.append(m.text) if m.type == "error" and "Failed to load resource" not in m.text else None)
    p.on("pageerror", lambda e: problems.append(str(e)))
    p.problems = problems
    yield p
    context.close()


@contextmanager
def screenshot_on_failure(page: Any, tmp_path: Path, name: str) -> Iterator[None]:
    try:
        yield
    except BaseException:
        shot = tmp_path / f"{name}.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot of the failing page: {shot}")
        raise


def ask(page: Any, desk: str, slug: str, fields: dict[str, str], lang: str = "") -> None:
    page.goto(f"{desk}{lang}/")
    page.click(f"#q-{slug}")  # click 1: the question
    for name, value in fields.items():
        if page.locator(f"#f-{name}").evaluate("e => e.tagName") == "SELECT":
            page.select_option(f"#f-{name}", value)
        else:
            page.fill(f"#f-{name}", value)
    page.click("#ask")  # click 2: the answer


def test_counsellor_answers_maternity_hr_figure_dismissal_and_switches_to_english(page: Any, desk: str, tmp_path: Path) -> None:
    with screenshot_on_failure(page, tmp_path, "maternity"):
        # Nanjing 2025: 98 + 60 = 158 days from 2025-03-10, to 08-14, back on Friday 08-15.
        ask(page, desk, "maternity", {"birth": "2025年3月10日"})
        verdict = page.inner_text("#verdict")
        assert "产假共158天" in verdict and "2025-08-15" in verdict
        assert "第35条" in page.inner_text("#articles")

    with screenshot_on_failure(page, tmp_path, "hr-check"):
        # The employer says 128 days: 158 - 128 = 30 short.
        ask(page, desk, "hr-check", {"birth": "2025/3/10", "claimed_days": "128"})
        assert "少算30天" in page.inner_text("#verdict")

    with screenshot_on_failure(page, tmp_path, "dismissal"):
        ask(page, desk, "dismissal", {"birth": "2025-03-10", "date": "2025-05-01", "reason": "no_fault"})
        verdict = page.inner_text("#verdict")
        assert "在三期内" in verdict
        assert "第42条第（四）项" in page.inner_text("#articles")
        page.click("#copy")
        page.wait_for_function("document.getElementById('copy').textContent === '已复制'")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.input_value("#summary")
        assert copied.splitlines()[0] == page.locator("#verdict p").first.inner_text(), "the summary starts with the verdict"
        assert len(copied.splitlines()) <= 10

    with screenshot_on_failure(page, tmp_path, "english"):
        # The same answer, in English, re-posted (nothing in the URL). Wait for that navigation
        # itself: a load-state wait right after the click can see the old page on a busy machine.
        with page.expect_navigation():
            page.click("#lang-switch")
        assert page.url.endswith("/en/q/dismissal")
        assert page.get_attribute("html", "lang") == "en"
        assert "inside the protected period" in page.inner_text("#verdict")
        assert "2025" not in page.url
    assert page.problems == []


def test_bad_date_is_marked_in_the_browser(page: Any, desk: str, tmp_path: Path) -> None:
    with screenshot_on_failure(page, tmp_path, "bad-date"):
        ask(page, desk, "maternity", {"birth": "2025-02-30"})
        assert page.get_attribute("#f-birth", "aria-invalid") == "true"
        assert "不是有效日期" in page.inner_text("#e-birth")
        page.fill("#f-birth", "20250310")
        page.click("#ask")
        assert "产假共158天" in page.inner_text("#verdict")
    assert page.problems == []


def test_date_picker_fills_the_typed_box(page: Any, desk: str, tmp_path: Path) -> None:
    with screenshot_on_failure(page, tmp_path, "picker"):
        page.goto(f"{desk}/q/maternity")
        page.fill("input.picker[data-for=f-birth]", "2025-03-10")
        assert page.input_value("#f-birth") == "2025-03-10"


def test_every_answer_fits_a_phone(browser: Any, desk: str, tmp_path: Path) -> None:
    from .test_web import GOOD

    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    p = context.new_page()
    try:
        for slug, fields in GOOD.items():
            with screenshot_on_failure(p, tmp_path, f"phone-{slug}"):
                ask(p, desk, slug, fields)
                assert p.locator("#verdict").is_visible()
                overflow = p.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"{slug}: {overflow}px wider than the phone"
    finally:
        context.close()
