// KDNotebook — see docs/architecture.md.
