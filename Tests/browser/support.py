"""Helpers the browser tests share: finding pages, loading them, reading the console."""

import math
import re
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CONTENT = Path(__file__).resolve().parents[2] / "Content"


def html_pages(site):
    """Every HTML page of the built site, as paths relative to its root, sorted."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)


def pages_for(base, site):
    """The pages a test may open from `base`: 404.html needs a server (its links start at
    site.yml's path), so from file:// it is left out."""
    pages = html_pages(site)
    return [p for p in pages if not (base.startswith("file:") and p == "404.html")]


def load(driver, url):
    driver.get(url)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def fresh(driver, base):
    """Opens the home page from `base` with nothing stored: no progress, no theme choice."""
    load(driver, base + "index.html")
    driver.execute_script("localStorage.clear();")
    driver.get_log("browser")


def shown_formula_heights(driver):
    """The heights of the page's MathML formulas a reader can see: those in a hidden
    walkthrough step or a closed <details> have no box and are left out."""
    return driver.execute_script(
        "return [].slice.call(document.getElementsByTagNameNS('http://www.w3.org/1998/Math/MathML', 'math'))"
        ".filter(function (m) { return m.checkVisibility({visibilityProperty: true}); })"
        ".map(function (m) { return m.getBoundingClientRect().height; })")


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def kind(driver):
    return driver.execute_script(
        "var c = [].slice.call(document.body.classList).filter(function (k) { return k.indexOf('kind-') === 0; });"
        "return c.length ? c[0].slice(5) : null;")


def page_of_kind(site, wanted):
    """A page whose body has class kind-WANTED (the one with the most interactive parts), or None."""
    best, score = None, -1
    for page in html_pages(site):
        text = (site / page).read_text(encoding="utf-8")
        if f'class="kind-{wanted}"' in text:
            parts = sum(marker in text for marker in ("data-walkthrough=", "data-logits=", "data-quiz=", "<math", "kd-output"))
            if parts > score:
                best, score = page, parts
    return best


def pages_with(site, marker):
    """Pages whose HTML contains `marker`."""
    return [p for p in html_pages(site) if marker in (site / p).read_text(encoding="utf-8")]


def wait(driver, condition, timeout=10, message=""):
    return WebDriverWait(driver, timeout).until(condition, message)


def css(driver, selector):
    return driver.find_elements(By.CSS_SELECTOR, selector)


def softmax(logits, t):
    m = max(logits)
    e = [math.exp((z - m) / t) for z in logits]
    s = sum(e)
    return [x / s for x in e]


# ---- which Markdown source makes which page, and whether it has math ----

FENCE = re.compile(r"^(```+|~~~+)[ \t]*([^\n]*)\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
MATH = re.compile(r"(?<!\\)\$\$.+?\$\$|(?<![\\$])\$(?!\s)[^$\n]+?(?<!\s)(?<!\\)\$|\\\(.+?\\\)|\\\[.+?\\\]", re.DOTALL)


def has_math(markdown):
    """True when the Markdown has a formula outside code: $…$, $$…$$, \\(…\\) or \\[…\\]. Quiz
    and tutor fences count (their texts render math); code fences and code spans do not."""
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)

    def fence(match):
        language = (match.group(2).split() or [""])[0]
        return match.group(0) if language in ("quiz", "tutor") else ""

    body = FENCE.sub(fence, body)
    body = INLINE_CODE.sub("", body)
    return bool(MATH.search(body))


def page_for_source(relative):
    """The page a content file renders into (DESIGN's layout)."""
    parts = relative.split("/")
    if relative == "index.md":
        return "index.html"
    if parts[0] == "lessons":
        slug = re.sub(r"^\d+-", "", parts[1][:-3])
        return f"lessons/{slug}/index.html"
    if parts[0] == "glossary":
        return "glossary/index.html"
    if relative == "faq.md":
        return "faq/index.html"
    if parts[0] == "hackerspace":
        return "hackerspace/index.html"
    return None


def sources_with_math():
    """(content-relative path, page) for each Markdown source with math."""
    found = []
    for path in sorted(CONTENT.rglob("*.md")):
        relative = path.relative_to(CONTENT).as_posix()
        if relative.startswith(("theme/", "data/")):
            continue
        page = page_for_source(relative)
        if page and has_math(path.read_text(encoding="utf-8")):
            found.append((relative, page))
    return found
