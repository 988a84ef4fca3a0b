"""A phone's width (390 CSS pixels): no page scrolls sideways; a table wider than the column
(a Markdown table, or a notebook's output table) scrolls inside its own box; charts take the
screen's width with readable labels, and a desktop never draws them larger than their size."""

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


CHART_SIZES = """
    var charts = [].slice.call(document.querySelectorAll('svg.kd-figure[class*="kd-chart-"]'))
      .filter(function (c) { return c.checkVisibility(); });
    return charts.map(function (c) {
      var scale = c.getBoundingClientRect().width / c.viewBox.baseVal.width;
      var labels = [].slice.call(c.querySelectorAll('text:not([transform])')).map(function (t) {
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      });
      return {width: c.getBoundingClientRect().width, drawn: c.viewBox.baseVal.width, smallest: Math.min.apply(null, labels)};
    });"""


def test_charts_fill_a_phone_and_keep_their_size_on_a_desktop(driver, site):
    lessons = [p for p in html_pages(site) if p.startswith("lessons/") and 'kd-chart-' in (site / p).read_text()]
    assert len(lessons) >= 3
    try:
        driver.set_window_size(390, 844)
        measured = 0
        for page in lessons:
            load(driver, site.as_uri() + "/" + page)
            width = driver.execute_script("return document.documentElement.clientWidth")
            for chart in driver.execute_script(CHART_SIZES):
                measured += 1
                # The whole screen but the output's small inner margin; labels of 7 px or more
                # (5.5 px when a chart was drawn in the column at its own label sizes).
                assert chart["width"] >= 0.95 * width, (page, chart, width)
                assert chart["smallest"] >= 7, (page, chart)
        assert measured >= 5
        driver.set_window_size(1280, 900)
        for page in lessons:
            load(driver, site.as_uri() + "/" + page)
            for chart in driver.execute_script(CHART_SIZES):
                # Never drawn larger than its own size: a desktop shows it at most 1:1.
                assert chart["width"] <= chart["drawn"] + 0.5, (page, chart)
                assert chart["smallest"] >= 10.5, (page, chart)
    finally:
        driver.set_window_size(1280, 900)
