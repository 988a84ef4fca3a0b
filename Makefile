# kdsite — the README's two commands are `make site` and `make test`.
# Every dependency is installed here, never by hand: Debian packages with apt-get (only the
# missing ones), Python test tools with pip.

SWIFT        ?= swift
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD    := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
APT_TEST     := gcc
APT_BENCH    := hugo
PIP_TEST     := ai-edge-litert==2.3.0 tflite-micro==0.dev20261023182759
# kdbench's side-by-side PyTorch job: a CPU-only torch build if pip can find one, else PyPI's.
PIP_BENCH    := numpy torch
PIP_BENCH_CPU := numpy torch==2.13.0+cpu
RELEASE      := .build/release

.PHONY: all setup setup-test build site test bench serve clean

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

build: setup
	$(SWIFT) build -c release

site: build
	$(RELEASE)/kdsite build --content Content --out Site

test: setup-test
	$(SWIFT) build -c release
	$(SWIFT) test

bench: build
	$(call apt_install,$(APT_BENCH))
	@python3 -c "import torch, numpy" 2>/dev/null || python3 -m pip install -q $(PIP_BENCH_CPU) 2>/dev/null \
		|| python3 -m pip install -q $(PIP_BENCH)
	$(RELEASE)/kdbench

serve: build
	$(RELEASE)/kdsite serve

clean:
	rm -rf .build .kdcache
