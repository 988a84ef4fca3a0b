// KDSite — see docs/architecture.md.
