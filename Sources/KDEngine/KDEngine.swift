// KDEngine — see docs/architecture.md.
