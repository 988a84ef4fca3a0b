"""Every page: no console error (from disk and over HTTP with a strict CSP), MathML where
the source has math, readable without JavaScript, the theme toggle, screenshots."""

import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import ARTIFACTS
from support import console_errors, css, fresh, html_pages, kind, load, page_of_kind, pages_for, shown_formula_heights, sources_with_math, wait

ASSETS = Path(__file__).resolve().parents[2] / "Content" / "theme" / "assets"
KINDS = ["home", "lesson", "glossary", "faq", "hackerspace", "map", "notfound"]


def test_no_console_error_on_any_page(driver, base, site):
    fresh(driver, base)
    problems = {}
    pages = pages_for(base, site)
    assert len(pages) >= 10
    for page in pages:
        load(driver, base + page)
        # Touch what runs on interaction too: focus the search box, open every <details>.
        driver.execute_script("var s = document.querySelector('[data-search]'); if (s) { s.focus(); s.blur(); }"
                              "document.querySelectorAll('details').forEach(function (d) { d.open = true; });")
        errors = console_errors(driver)
        if errors:
            problems[page] = [e["message"] for e in errors]
    assert not problems, problems


def test_a_csp_violation_is_a_console_error(driver, server):
    """The check above sees what a strict CSP blocks: a style attribute in markup (as
    KDNotebook's figures once had) is refused with a console error, a CSSOM write is not."""
    fresh(driver, server)
    driver.execute_script("document.body.insertAdjacentHTML('beforeend', '<p id=\"csp-probe\" style=\"color: red\">x</p>');"
                          "document.body.lastChild.style.marginTop = '1px';")
    errors = [e["message"] for e in console_errors(driver)]
    assert len(errors) == 1 and "Content Security Policy" in errors[0] and "style" in errors[0], errors
    color = driver.execute_script("return getComputedStyle(document.getElementById('csp-probe')).color")
    assert color != "rgb(255, 0, 0)", "the policy did not block the style attribute"


def test_every_page_with_math_has_mathml(driver, site):
    sources = sources_with_math()
    assert sources, "no content has math"
    for source, page in sources:
        load(driver, site.as_uri() + "/" + page)
        count = driver.execute_script("return document.getElementsByTagNameNS('http://www.w3.org/1998/Math/MathML', 'math').length")
        assert count > 0, f"{source} has math but {page} has no MathML"
        leftover = driver.execute_script(
            "return [].slice.call(document.querySelectorAll('code.math')).map(function (c) { return c.textContent; })")
        assert not leftover, f"{page}: math left as TeX: {leftover[:3]}"
        # MathML is laid out (a fraction has height), not shown as raw text. Formulas in a
        # hidden walkthrough step or a closed <details> have no box: measure the shown ones.
        heights = shown_formula_heights(driver)
        assert heights, f"{page}: no formula is shown (all {count} are hidden)"
        assert min(heights) > 5, f"{page}: a shown formula is not laid out (heights {sorted(heights)[:3]})"


def test_formula_heights_skip_hidden_steps(driver, tmp_path):
    # A walkthrough whose first formula is in a hidden step: that one has no box, the shown
    # one is measured.
    page = tmp_path / "steps.html"
    page.write_text('<!doctype html><html><body><ol><li data-step="2" hidden><p><math><mi>x</mi></math></p></li></ol>'
                    '<p><math display="block"><mfrac><mn>1</mn><mi>T</mi></mfrac></math></p></body></html>')
    load(driver, page.as_uri())
    first = driver.execute_script("return document.querySelector('math').getBoundingClientRect().height")
    assert first == 0
    heights = shown_formula_heights(driver)
    assert len(heights) == 1 and heights[0] > 5, heights


def test_pages_read_without_javascript(browser_without_js, site):
    driver = browser_without_js
    base = site.as_uri() + "/"
    load(driver, base + "index.html")
    assert driver.execute_script("return document.scripts.length > 0 && typeof window.kdsiteScrollable === 'undefined'")
    tutor = css(driver, "[data-tutor-step]")
    assert tutor and all(s.is_displayed() for s in tutor), "the whole tutor dialogue reads as a transcript"
    assert not driver.find_element(By.CSS_SELECTOR, ".tutor-controls").is_displayed()
    quiz_page = next(p for p in html_pages(site) if p.startswith("lessons/") and 'data-quiz="' in (site / p).read_text())
    load(driver, base + quiz_page)
    assert not driver.find_element(By.CSS_SELECTOR, "[data-quiz-check]").is_displayed(), "no dead Check button"
    summary = driver.find_element(By.CSS_SELECTOR, "form[data-quiz] details summary")
    summary.click()
    assert driver.find_element(By.CSS_SELECTOR, "form[data-quiz] .answer").is_displayed(), "the answer is one click away"
    link = css(driver, "a[data-term]")
    assert link and link[0].get_attribute("title"), "glossary links keep their title tooltip"
    for page in html_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        if "data-walkthrough=" in html:
            load(driver, base + page)
            steps = css(driver, "li[data-step]")
            assert all(s.is_displayed() for s in steps), "every walkthrough step is shown"


def test_own_javascript_is_small_external_and_framework_free(site):
    scripts = sorted(ASSETS.glob("*.js"))
    total = sum(p.stat().st_size for p in scripts)
    assert total <= 30 * 1024, f"{total} bytes of JavaScript"
    for page in html_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, f"{page}: inline script {tag}"
            assert "://" not in tag, f"{page}: third-party script {tag}"
        assert not re.search(r"\son[a-z]+=", html), f"{page}: inline event handler"


def theme_background(driver):
    return driver.execute_script("return getComputedStyle(document.body).backgroundColor")


def test_dark_mode_toggle_is_remembered(driver, base):
    fresh(driver, base)
    load(driver, base + "index.html")
    toggle = driver.find_element(By.CSS_SELECTOR, "[data-theme-toggle]")
    light = theme_background(driver)
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert driver.execute_script("return document.documentElement.getAttribute('data-theme')") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    dark = theme_background(driver)
    assert dark != light
    load(driver, base + "glossary/index.html")
    # theme.js runs in <head> without defer, so the choice is on <html> before the body paints.
    head_script = driver.execute_script(
        "var s = document.head.querySelector('script[src*=\"theme.\"]'); return s && !s.defer && !s.async")
    assert head_script
    assert driver.execute_script("return document.documentElement.getAttribute('data-theme')") == "dark"
    assert theme_background(driver) == dark
    driver.find_element(By.CSS_SELECTOR, "[data-theme-toggle]").click()
    driver.refresh()
    assert theme_background(driver) == light


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_of_each_page_kind(driver, server, site, theme):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    fresh(driver, server)
    driver.execute_script("localStorage.setItem('kdsite.theme', arguments[0])", theme)
    backgrounds = set()
    for wanted in KINDS:
        page = page_of_kind(site, wanted)
        assert page, f"no page of kind {wanted}"
        driver.set_window_size(1280, 900)
        load(driver, server + page)
        assert kind(driver) == wanted
        assert driver.execute_script("return document.documentElement.getAttribute('data-theme')") == theme
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")
        driver.set_window_size(1280, max(900, height))
        path = folder / f"{wanted}-{theme}.png"
        assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000
        backgrounds.add(theme_background(driver))
    driver.set_window_size(1280, 900)
    assert len(backgrounds) == 1, f"page kinds disagree on the {theme} background: {backgrounds}"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_of_the_interactive_parts(driver, server, site, theme):
    """Each widget in a state a reader reaches: a quiz answered wrong, the slider moved, the
    walkthrough on step 2, the tutor two steps in, search results, a tooltip."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    fresh(driver, server)
    driver.execute_script("localStorage.setItem('kdsite.theme', arguments[0])", theme)
    shots = [
        ("quiz", "data-quiz=", "form[data-quiz]", "var f = document.querySelector('form[data-quiz]');"
         "f.querySelector('input:not([data-correct])').click(); f.querySelector('[data-quiz-check]').click();"),
        ("slider", "data-logits=", ".kd-output:has([data-logits])", "var i = document.querySelector('[data-widget=temperature]');"
         "i.value = Math.log(4); i.dispatchEvent(new Event('input'));"),
        ("walkthrough", "data-walkthrough=", "[data-walkthrough]", "document.querySelector('[data-step-next]').click();"),
        ("tutor", "data-tutor", "[data-tutor]", "document.querySelector('[data-tutor-next]').click();"
         "document.querySelector('[data-tutor-next]').click();"),
    ]
    taken = 0
    for name, marker, selector, action in shots:
        pages = [p for p in html_pages(site) if marker in (site / p).read_text(encoding="utf-8")]
        if not pages:
            continue
        load(driver, server + pages[0])
        driver.execute_script(action)
        element = driver.find_element(By.CSS_SELECTOR, selector)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        assert element.screenshot(str(folder / f"part-{name}-{theme}.png"))
        taken += 1
    load(driver, server + "index.html")
    box = driver.find_element(By.CSS_SELECTOR, "input[data-search]")
    box.send_keys("temperature")
    panel = driver.find_element(By.CSS_SELECTOR, ".search-results")
    wait(driver, lambda d: panel.find_elements(By.CSS_SELECTOR, "li a") or "off" in panel.text, timeout=15)
    driver.save_screenshot(str(folder / f"part-search-{theme}.png"))
    assert taken >= 2
