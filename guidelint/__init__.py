"""guidelint: a linter that keeps salary-negotiation guides truthful and current."""

__version__ = "0.1.0"
