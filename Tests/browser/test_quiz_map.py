"""Quizzes and the Distillation Map: progress in localStorage["kdsite.progress"]."""

import json

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from support import css, fresh, load, pages_with, wait

PROGRESS = "return localStorage.getItem('kdsite.progress')"


def quiz_lesson(site):
    """A lesson with a quiz whose map node some other lesson requires, when there is one:
    (page, quiz id, lesson slug, slugs that require only it)."""
    map_html = (site / "map/index.html").read_text(encoding="utf-8")
    for page in pages_with(site, "data-quiz="):
        if not page.startswith("lessons/"):
            continue
        slug = page.split("/")[1]
        html = (site / page).read_text(encoding="utf-8")
        quiz_id = html.split('data-quiz="', 1)[1].split('"', 1)[0]
        dependants = []
        for chunk in map_html.split("data-map-node=")[1:]:
            node = chunk.split('"')[1]
            requires = chunk.split('data-requires="', 1)[1].split('"', 1)[0].split()
            if requires == [slug]:
                dependants.append(node)
        if dependants:
            return page, quiz_id, slug, dependants
    raise AssertionError("no lesson has a quiz that another lesson builds on")


def answer(driver, quiz_id, correct):
    choice = driver.find_element(By.CSS_SELECTOR, f"form[data-quiz='{quiz_id}'] input[type=radio]"
                                 + ("[data-correct]" if correct else ":not([data-correct])"))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", choice)
    choice.find_element(By.XPATH, "./ancestor::label").click()
    driver.find_element(By.CSS_SELECTOR, f"form[data-quiz='{quiz_id}'] [data-quiz-check]").click()
    return driver.find_element(By.CSS_SELECTOR, f"form[data-quiz='{quiz_id}'] [data-quiz-feedback]")


def node_state(driver, slug):
    return driver.find_element(By.CSS_SELECTOR, f"[data-map-node='{slug}']").get_attribute("data-state")


def test_wrong_then_right_masters_the_map_node(driver, base, site):
    page, quiz_id, slug, dependants = quiz_lesson(site)
    fresh(driver, base)
    load(driver, base + "map/index.html")
    assert node_state(driver, slug) != "mastered"
    assert all(node_state(driver, d) == "locked" for d in dependants)

    load(driver, base + page)
    feedback = answer(driver, quiz_id, correct=False)
    assert feedback.get_attribute("data-result") == "wrong"
    assert feedback.text.strip(), "wrong answer says so"
    assert driver.execute_script(PROGRESS) in (None, "{}")
    assert not driver.find_element(By.CSS_SELECTOR, f"form[data-quiz='{quiz_id}'] details").get_attribute("open")

    feedback = answer(driver, quiz_id, correct=True)
    assert feedback.get_attribute("data-result") == "right"
    details = driver.find_element(By.CSS_SELECTOR, f"form[data-quiz='{quiz_id}'] details")
    assert details.get_attribute("open") is not None, "the explanation is revealed"
    assert details.find_element(By.CSS_SELECTOR, ".answer").is_displayed()
    assert json.loads(driver.execute_script(PROGRESS)) == {quiz_id: "passed"}

    load(driver, base + "map/index.html")
    driver.refresh()
    wait(driver, lambda d: node_state(d, slug) == "mastered", message=f"{slug} not mastered after reload")
    for dependant in dependants:
        assert node_state(driver, dependant) == "unlocked", f"{dependant} requires only {slug}"
    # The home page's small map reads the same progress.
    load(driver, base + "index.html")
    assert node_state(driver, slug) == "mastered"


def test_a_locked_node_says_what_unlocks_it(driver, base, site):
    _, _, slug, dependants = quiz_lesson(site)
    fresh(driver, base)
    load(driver, base + "map/index.html")
    node = driver.find_element(By.CSS_SELECTOR, f"[data-map-node='{dependants[0]}']")
    assert node.get_attribute("data-state") == "locked"
    ActionChains(driver).move_to_element(node).perform()
    hint = driver.find_element(By.CSS_SELECTOR, ".map-hint")
    wait(driver, lambda d: "locked" in hint.text, message="no hint on hover")
    required = driver.find_element(By.CSS_SELECTOR, f"[data-map-node='{slug}'] text:not(.num)").text
    assert required in hint.text, f"hint '{hint.text}' does not name '{required}'"
    assert required in node.find_element(By.CSS_SELECTOR, "title").get_attribute("textContent")


def test_reset_forgets_progress(driver, base, site):
    page, quiz_id, slug, _ = quiz_lesson(site)
    fresh(driver, base)
    load(driver, base + page)
    assert answer(driver, quiz_id, correct=True).get_attribute("data-result") == "right"
    load(driver, base + "map/index.html")
    assert node_state(driver, slug) == "mastered"
    summary = driver.find_element(By.CSS_SELECTOR, "[data-progress-summary]").text
    assert summary.startswith("1 of "), summary
    driver.find_element(By.CSS_SELECTOR, "[data-progress-reset]").click()
    driver.switch_to.alert.accept()
    assert node_state(driver, slug) != "mastered"
    assert driver.execute_script(PROGRESS) is None
    assert driver.find_element(By.CSS_SELECTOR, "[data-progress-summary]").text.startswith("0 of ")


def test_a_whole_quiz_by_keyboard(driver, base, site):
    page, quiz_id, _, _ = quiz_lesson(site)
    fresh(driver, base)
    load(driver, base + page)
    keys = ActionChains(driver)
    active = lambda: driver.switch_to.active_element  # noqa: E731
    # Tab from the top of the page to the quiz's radio group.
    for _ in range(400):
        keys.send_keys(Keys.TAB).perform()
        if active().get_attribute("name") == quiz_id:
            break
    else:
        raise AssertionError("Tab never reached the quiz")
    assert driver.execute_script("return document.activeElement.matches(':focus-visible')"), "focus is visible"
    radios = css(driver, f"form[data-quiz='{quiz_id}'] input[type=radio]")
    wrong = next(i for i, r in enumerate(radios) if r.get_attribute("data-correct") is None)
    right = next(i for i, r in enumerate(radios) if r.get_attribute("data-correct") is not None)

    def choose(index):
        # Arrow keys move the selection within the group (it wraps around).
        keys.send_keys(Keys.SPACE).perform()
        for _ in range(len(radios)):
            if radios[index].is_selected():
                return
            keys.send_keys(Keys.ARROW_DOWN).perform()
        raise AssertionError(f"arrow keys never reached choice {index}")

    choose(wrong)
    keys.send_keys(Keys.TAB).perform()
    assert active().get_attribute("data-quiz-check") is not None, "Tab leads from the choices to Check"
    keys.send_keys(Keys.ENTER).perform()
    feedback = driver.find_element(By.CSS_SELECTOR, f"form[data-quiz='{quiz_id}'] [data-quiz-feedback]")
    assert feedback.get_attribute("data-result") == "wrong"
    assert feedback.get_attribute("aria-live") == "polite"
    keys.key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert active().get_attribute("name") == quiz_id, "Shift+Tab goes back to the choices"
    choose(right)
    keys.send_keys(Keys.TAB).send_keys(Keys.SPACE).perform()
    assert feedback.get_attribute("data-result") == "right"
    assert json.loads(driver.execute_script(PROGRESS)) == {quiz_id: "passed"}
