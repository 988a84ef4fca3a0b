"""The temperature slider, the walkthrough stepper, the tutor, glossary tooltips, FAQ answers."""

import json
import math
import re

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from support import css, fresh, load, pages_with, softmax, wait


def probabilities(widget):
    bars = widget.find_elements(By.CSS_SELECTOR, "[data-prob]")
    return [float(b.text) for b in sorted(bars, key=lambda b: int(b.get_attribute("data-prob")))]


def check_against_logits(widget):
    """The bars hold softmax(logits / T) at the widget's data-temperature, to 4 decimals."""
    logits = json.loads(widget.get_attribute("data-logits"))
    t = float(widget.get_attribute("data-temperature"))
    shown = probabilities(widget)
    expected = softmax(logits, t)
    assert len(shown) == len(logits)
    for p, q in zip(shown, expected):
        assert abs(p - q) <= 0.5e-4 + 1e-9, f"T={t}: shown {shown}, softmax gives {expected}"
    # Each bar is as long as its probability: a rect p wide in a one-unit viewBox (no style attribute).
    track = widget.find_element(By.CSS_SELECTOR, ".kd-bar").size["width"]
    for p, rect in zip(shown, widget.find_elements(By.CSS_SELECTOR, ".kd-bar rect")):
        assert abs(float(rect.get_attribute("width")) - p) < 1e-9
        assert abs(rect.rect["width"] - p * track) <= 1.5, f"bar {rect.rect['width']} px for p={p} of {track} px"
    return t, shown


def slider_pages(site):
    pages = pages_with(site, "data-widget=\"temperature\"")
    if not pages:
        pytest.skip("the course has no temperature slider yet: no lesson calls widget(.temperatureSlider(…))")
    return pages


def test_slider_moves_and_recomputes(driver, base, site):
    fresh(driver, base)
    load(driver, base + slider_pages(site)[0])
    widget = driver.find_element(By.CSS_SELECTOR, "[data-logits]")
    slider = widget.find_element(By.CSS_SELECTOR, "input[type=range][data-widget=temperature]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", slider)
    t0, p0 = check_against_logits(widget)
    entropy0 = widget.find_element(By.CSS_SELECTOR, "[data-entropy]").text

    slider.click()  # the middle of the track: a logarithmic scale puts sqrt(min * max) there
    t_mid, _ = check_against_logits(widget)
    low, high = math.exp(float(slider.get_attribute("min"))), math.exp(float(slider.get_attribute("max")))
    assert abs(math.log(t_mid) - math.log(math.sqrt(low * high))) < 0.15, f"middle of {low}…{high} gave T={t_mid}"

    ActionChains(driver).send_keys(Keys.HOME).perform()
    t_low, p_low = check_against_logits(widget)
    assert t_low == pytest.approx(round(low, 2))
    for _ in range(12):
        ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
    t1, p1 = check_against_logits(widget)
    assert t1 > t_low and p1 != p_low
    assert max(p1) < max(p_low), "a higher temperature flattens the distribution"
    assert widget.find_element(By.CSS_SELECTOR, "[data-entropy]").text != entropy0 or t1 != t0
    ActionChains(driver).send_keys(Keys.END).perform()
    t_high, p_high = check_against_logits(widget)
    assert t_high == pytest.approx(round(high, 2))
    assert abs(sum(p_high) - 1) < 6e-4
    assert slider.get_attribute("aria-valuetext") == f"T = {t_high:.2f}"


def tables_near(widget):
    """The tables printed with the slider: in its output figure, or the next ones up to the next code."""
    return widget.find_elements(By.XPATH, "ancestor::figure[contains(@class,'kd-output')]//table"
                                "| ancestor::figure[contains(@class,'kd-output')]/following-sibling::*"
                                "[not(preceding-sibling::div[contains(@class,'code-block')])]//table")


def test_browser_and_engine_agree_at_the_tables_temperatures(driver, site):
    """The table the engine printed beside the slider (one row or column per T) and the
    browser's softmax at those T agree to 1e-4."""
    load(driver, site.as_uri() + "/" + slider_pages(site)[0])
    widget = driver.find_element(By.CSS_SELECTOR, "[data-logits]")
    slider = widget.find_element(By.CSS_SELECTOR, "input[type=range][data-widget=temperature]")
    labels = json.loads(widget.get_attribute("data-labels"))
    tables = tables_near(widget)
    assert tables, "no table printed beside the slider"
    compared = 0
    for table in tables:
        rows = [[c.text.strip() for c in r.find_elements(By.CSS_SELECTOR, "th, td")] for r in table.find_elements(By.CSS_SELECTOR, "tr")]
        for t, values in temperature_rows(rows, labels):
            driver.execute_script(
                "arguments[0].value = Math.log(arguments[1]); arguments[0].dispatchEvent(new Event('input'))", slider, t)
            assert float(widget.get_attribute("data-temperature")) == pytest.approx(t)
            shown = probabilities(widget)
            for label, engine in values.items():
                assert abs(shown[labels.index(label)] - engine) <= 1e-4, f"T={t} {label}: browser {shown[labels.index(label)]}, engine {engine}"
                compared += 1
    assert compared >= len(labels), "the table gave no probabilities to compare"


def temperature_rows(rows, labels):
    """(T, {label: p}) from a table with one row per T (a 'T' column, one column per label)
    or one column per T (headers 'T = x', one row per label)."""
    number = re.compile(r"-?\d+(\.\d+)?")
    header = rows[0] if rows else []
    t_col = next((i for i, h in enumerate(header) if re.fullmatch(r"(T|temperature)", h, re.I)), None)
    if t_col is not None:
        for row in rows[1:]:
            if len(row) == len(header) and number.fullmatch(row[t_col]):
                yield float(row[t_col]), {h: float(v) for h, v in zip(header, row) if h in labels and number.fullmatch(v)}
        return
    t_cols = {i: float(m.group(1)) for i, h in enumerate(header) if (m := re.fullmatch(r"T\s*=\s*(\d+(?:\.\d+)?)", h))}
    for i, t in t_cols.items():
        yield t, {row[0]: float(row[i]) for row in rows[1:] if row and row[0] in labels and number.fullmatch(row[i])}


def test_walkthrough_steps(driver, base, site):
    pages = pages_with(site, "data-walkthrough=")
    if not pages:
        pytest.skip("the course has no walkthrough yet: no lesson has ```swift step=N of=FILE blocks")
    fresh(driver, base)
    load(driver, base + pages[0])
    section = driver.find_element(By.CSS_SELECTOR, "[data-walkthrough]")
    steps = section.find_elements(By.CSS_SELECTOR, "li[data-step]")
    n = len(steps)
    assert n >= 2
    prev, next_ = section.find_element(By.CSS_SELECTOR, "[data-step-prev]"), section.find_element(By.CSS_SELECTOR, "[data-step-next]")
    count = section.find_element(By.CSS_SELECTOR, "[data-step-count]")
    whole = section.find_element(By.CSS_SELECTOR, "pre.walkthrough-file")
    # The whole file: every step's code, in order.
    codes = [s.find_element(By.CSS_SELECTOR, ".code-block code").get_attribute("textContent").rstrip("\n") for s in steps]
    assert whole.get_attribute("textContent") == "".join(codes)

    def shown(k):
        assert section.get_attribute("data-current") == str(k)
        assert count.text == f"{k} / {n}"
        for i, step in enumerate(steps, start=1):
            assert step.is_displayed() == (i == k), f"step {i} shown while on {k}"
        current = section.find_elements(By.CSS_SELECTOR, ".walkthrough-lines.is-current")
        assert [c.get_attribute("data-lines") for c in current] == [str(k)]
        outputs = steps[k - 1].find_elements(By.CSS_SELECTOR, "figure.kd-output")
        assert all(o.is_displayed() for o in outputs)

    driver.execute_script("arguments[0].scrollIntoView()", section)
    shown(1)
    assert prev.get_attribute("disabled") is not None
    next_.click()
    shown(2)
    prev.click()
    shown(1)
    next_.click()
    ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
    shown(min(3, n))
    ActionChains(driver).send_keys(Keys.ARROW_LEFT).perform()
    shown(2)
    for _ in range(n):
        if next_.get_attribute("disabled") is None:
            next_.click()
    shown(n)
    assert next_.get_attribute("disabled") is not None
    # Every step with outputs shows real ones, under its own step.
    assert section.find_elements(By.CSS_SELECTOR, "li[data-step] figure.kd-output"), "no step has outputs"


def test_tutor_dialogue(driver, base):
    fresh(driver, base)
    load(driver, base + "index.html")
    tutor = driver.find_element(By.CSS_SELECTOR, "[data-tutor]")
    steps = tutor.find_elements(By.CSS_SELECTOR, "[data-tutor-step]")
    assert len(steps) >= 2
    next_, back = tutor.find_element(By.CSS_SELECTOR, "[data-tutor-next]"), tutor.find_element(By.CSS_SELECTOR, "[data-tutor-back]")
    count = tutor.find_element(By.CSS_SELECTOR, "[data-tutor-count]")
    assert [s.is_displayed() for s in steps] == [True] + [False] * (len(steps) - 1)
    assert count.text == f"1 / {len(steps)}"
    assert back.get_attribute("disabled") is not None
    reply = steps[0].find_element(By.CSS_SELECTOR, ".tutor-reply").get_attribute("textContent").replace("You: ", "").strip()
    assert next_.text == reply, "the next button is the reader's reply"
    next_.click()
    assert [s.is_displayed() for s in steps[:3]] == [True, True, False][:len(steps[:3])]
    assert steps[0].find_element(By.CSS_SELECTOR, ".tutor-reply").is_displayed(), "the reply joins the transcript"
    assert count.text == f"2 / {len(steps)}"
    back.click()
    assert count.text == f"1 / {len(steps)}" and not steps[1].is_displayed()
    for _ in range(len(steps) - 1):
        next_.click()
    assert all(s.is_displayed() for s in steps)
    assert not next_.is_displayed(), "no next after the last step"


def test_glossary_tooltip_on_hover_and_focus(driver, base, site):
    page = next(p for p in pages_with(site, "data-term=") if p.startswith("lessons/"))
    fresh(driver, base)
    load(driver, base + page)
    link = driver.find_element(By.CSS_SELECTOR, "a[data-term]")
    definition = link.get_attribute("data-tip")
    assert definition and not driver.execute_script("return arguments[0].hasAttribute('title')", link), \
        "the title moved to the tooltip"
    tip = driver.find_element(By.CSS_SELECTOR, "[role=tooltip]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    ActionChains(driver).move_to_element(link).perform()
    wait(driver, lambda d: tip.is_displayed(), message="no tooltip on hover")
    assert tip.text == definition
    assert link.get_attribute("aria-describedby") == tip.get_attribute("id")
    ActionChains(driver).move_by_offset(0, 200).perform()
    wait(driver, lambda d: not tip.is_displayed(), message="tooltip stays after the pointer leaves")
    driver.execute_script("document.activeElement.blur(); arguments[0].focus()", link)
    assert tip.is_displayed(), "no tooltip on keyboard focus"
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert not tip.is_displayed(), "Escape closes the tooltip"


def test_faq_answers_open_from_a_link(driver, base):
    fresh(driver, base)
    load(driver, base + "faq/index.html")
    questions = css(driver, "details.faq")
    assert questions and not any(q.get_attribute("open") for q in questions)
    target = questions[-1].get_attribute("id")
    load(driver, base + "faq/index.html#" + target)
    assert driver.find_element(By.ID, target).get_attribute("open") is not None
    summary = questions[0].find_element(By.TAG_NAME, "summary")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    summary.click()
    assert questions[0].get_attribute("open") is not None
