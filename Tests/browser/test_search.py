"""Search: Pagefind's index over HTTP; from file:// the box says search needs HTTP."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from support import fresh, load, wait


def search(driver, text):
    box = driver.find_element(By.CSS_SELECTOR, "input[type=search][data-search]")
    assert box.is_displayed(), "the search box is shown"
    box.click()
    box.send_keys(text)
    return box


def test_search_box_on_every_page(site):
    from support import html_pages
    for page in html_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        assert '<input type="search" data-search' in html, f"{page} has no search box"


def test_search_finds_temperature_over_http(driver, server, site):
    assert (site / "pagefind" / "pagefind.js").is_file(), "the build made no search index (is pagefind on PATH?)"
    fresh(driver, server)
    load(driver, server + "lessons/the-teacher/index.html")
    box = search(driver, "temperature")
    panel = driver.find_element(By.CSS_SELECTOR, ".search-results")
    wait(driver, lambda d: panel.find_elements(By.CSS_SELECTOR, "li a"), timeout=15, message="no search results")
    links = panel.find_elements(By.CSS_SELECTOR, "li a")
    hrefs = [a.get_attribute("href") for a in links]
    assert any("lessons/temperature-scaling/" in h for h in hrefs), hrefs
    assert any("glossary/" in h for h in hrefs), f"the glossary is indexed too: {hrefs}"
    assert all(h.startswith(server) for h in hrefs), hrefs
    assert panel.find_elements(By.CSS_SELECTOR, "mark"), "matches are marked in the excerpts"
    # Keyboard: down into the results, then follow one.
    box.send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element.get_attribute("href") == hrefs[0]
    target = next(a for a in links if "temperature-scaling" in a.get_attribute("href"))
    target.click()
    wait(driver, lambda d: "temperature-scaling" in d.current_url)
    assert "Temperature" in driver.find_element(By.TAG_NAME, "h1").text


def test_search_finds_faq_answers(driver, server):
    fresh(driver, server)
    search(driver, "quantization")
    panel = driver.find_element(By.CSS_SELECTOR, ".search-results")
    wait(driver, lambda d: panel.find_elements(By.CSS_SELECTOR, "li a"), timeout=15, message="no search results")
    hrefs = [a.get_attribute("href") for a in panel.find_elements(By.CSS_SELECTOR, "li a")]
    assert any("faq/" in h for h in hrefs) or any("lessons/" in h for h in hrefs), hrefs


def test_search_from_a_file_says_it_needs_http(driver, site):
    base = site.as_uri() + "/"
    fresh(driver, base)
    search(driver, "temperature")
    panel = driver.find_element(By.CSS_SELECTOR, ".search-results")
    wait(driver, lambda d: panel.is_displayed() and "HTTP" in panel.text, message="no word about HTTP")
    assert not panel.find_elements(By.CSS_SELECTOR, "li a")
