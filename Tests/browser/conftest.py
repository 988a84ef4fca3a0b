"""Fixtures for the browser tests: the built course, a local HTTP server, headless Chromium.

The site comes from $KDSITE_SITE when set (`make test-browser` builds it there); otherwise
the course is built here with the release `kdsite` into .build/browser-site. The server is
Python's http.server on 127.0.0.1 (a free port), serving the site under the path of
site.yml's `url`, as a static host would, with a strict Content-Security-Policy and
404.html for missing paths. Chromium is Debian's, driven by Debian's chromium-driver.
"""

import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PACKAGE = Path(__file__).resolve().parents[2]
CONTENT = PACKAGE / "Content"
ARTIFACTS = PACKAGE / ".build" / "artifacts"

# No inline script or style, no third-party request: every page must work under this policy,
# which a violation reports as a console error. Pagefind compiles WebAssembly.
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")


def site_base_path():
    """The path part of site.yml's url ('/knowledge-distillation/'), where the server mounts the site."""
    text = (CONTENT / "site.yml").read_text(encoding="utf-8")
    match = re.search(r'^url:\s*"?([^"\s]+)"?', text, re.MULTILINE)
    path = re.sub(r"^https?://[^/]+", "", match.group(1)) if match else "/"
    return path if path.endswith("/") else path + "/"


@pytest.fixture(scope="session")
def site():
    """The built site's folder."""
    if os.environ.get("KDSITE_SITE"):
        folder = Path(os.environ["KDSITE_SITE"]).resolve()
        assert (folder / "index.html").is_file(), f"KDSITE_SITE={folder} holds no built site"
        return folder
    kdsite = PACKAGE / ".build" / "release" / "kdsite"
    assert kdsite.is_file(), "no .build/release/kdsite; run 'swift build -c release' or 'make test-browser'"
    folder = PACKAGE / ".build" / "browser-site"
    subprocess.run([str(kdsite), "build", "--content", str(CONTENT), "--out", str(folder)], check=True, cwd=PACKAGE)
    return folder


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under `base` with the CSP header; anything else gets 404.html."""

    base = "/"

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.base):
            return str(Path(self.directory) / "__outside__")
        return super().translate_path("/" + clean[len(self.base):])

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """http://127.0.0.1:PORT/BASE/ serving the site; stopped after the session."""
    base = site_base_path()
    handler = functools.partial(type("Handler", (SiteHandler,), {"base": base}), directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{base}"
    httpd.shutdown()
    httpd.server_close()


def chromium_options(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--force-device-scale-factor=1", "--lang=en-US",
                 "--no-first-run", "--disable-extensions", "--disable-background-networking"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return options


def start_chromium(javascript=True):
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=chromium_options(javascript))
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    driver = start_chromium()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_js():
    driver = start_chromium(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture(params=["file", "http"])
def base(request, site):
    """The site's root URL, from disk and over HTTP: each test that takes it runs on both."""
    if request.param == "file":
        return site.as_uri() + "/"
    return request.getfixturevalue("server")


@pytest.fixture
def driver(browser):
    """The shared browser with a clean slate: no stored progress or theme, no old log."""
    yield browser
    for origin_page in browser.window_handles[1:]:
        browser.switch_to.window(origin_page)
        browser.close()
    browser.switch_to.window(browser.window_handles[0])
    try:
        browser.execute_script("try { localStorage.clear(); } catch (e) {}")
    except Exception:
        pass
    browser.get_log("browser")
