// KDMarkdown — see docs/architecture.md.
