"""Links to a rule's section of docs/rules.md, for editors and SARIF viewers.

The base is the ``docs-url`` setting when set.  Otherwise it comes from the
installed package's metadata: a ``Repository`` (or ``Source``) project URL
given in pyproject.toml's ``[project.urls]`` points at docs/rules.md in that
repository (``<url>/blob/HEAD/docs/rules.md``).  Without one, it is the
``file:`` URI of the copy of docs/rules.md shipped inside the package, which an
editor opens on the same machine.
"""

from __future__ import annotations

from guidelint.resources import PACKAGE_DIR

REPOSITORY_LABELS = ("repository", "source", "source code")


def anchor(code: str, name: str) -> str:
    """The anchor of a rule's heading (``### GL401 review-overdue``) in docs/rules.md."""
    return f"{code.lower()}-{name}"


def rule_url(base: str, code: str, name: str) -> str:
    """The address of a rule's section on the rules page at ``base``."""
    return f"{base}#{anchor(code, name)}"


def docs_base(configured: str = "") -> str:
    """The rules page that links point into (see the module's docstring)."""
    if configured:
        return configured
    repository = _repository_url()
    if repository:
        return f"{repository.removesuffix('.git').rstrip('/')}/blob/HEAD/docs/rules.md"
    return (PACKAGE_DIR / "docs" / "rules.md").resolve().as_uri()


def _repository_url() -> str | None:
    """The ``Repository`` project URL of the installed distribution, if it has one."""
    from importlib import metadata

    try:
        entries = metadata.metadata("guidelint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in entries:
        label, _, url = str(entry).partition(",")
        url = url.strip()
        if label.strip().lower() in REPOSITORY_LABELS and url.startswith(("https://", "http://")):
            return url
    return None
