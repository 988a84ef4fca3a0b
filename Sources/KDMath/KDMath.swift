// KDMath — see docs/architecture.md.
