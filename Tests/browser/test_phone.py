"""A phone's width (390 CSS pixels): no page scrolls sideways; a table wider than the column
(a Markdown table, or a notebook's output table) scrolls inside its own box."""

from support import html_pages, load


def test_no_page_scrolls_sideways_at_phone_width(driver, site):
    driver.set_window_size(390, 844)
    try:
        problems, scrolling_tables = {}, 0
        for page in html_pages(site):
            load(driver, site.as_uri() + "/" + page)
            found = driver.execute_script("""
                var width = document.documentElement.clientWidth;
                var tables = [].slice.call(document.querySelectorAll('table'));
                return {
                  width: width,
                  scrollWidth: document.documentElement.scrollWidth,
                  outside: tables.filter(function (t) { return t.getBoundingClientRect().right > width + 0.5; }).length,
                  scrolling: tables.filter(function (t) {
                    return t.scrollWidth > t.clientWidth && getComputedStyle(t).overflowX === 'auto';
                  }).length
                };""")
            scrolling_tables += found["scrolling"]
            if found["scrollWidth"] > found["width"] or found["outside"]:
                problems[page] = found
        assert not problems, problems
        assert scrolling_tables > 0, "no table is wider than a phone: the check above proved nothing"
    finally:
        driver.set_window_size(1280, 900)
