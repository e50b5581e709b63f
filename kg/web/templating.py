"""Jinja2 templates of the web pages, with autoescape always on.

Every value reaches HTML through a template; nothing builds markup by string concatenation, so
a label holding ``<script>`` is shown as text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

__all__ = ["STATIC_DIR", "TEMPLATE_DIR", "environment", "render"]

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


@cache
def environment() -> Environment:
    """The one template environment: autoescape on for every template, undefined names fail."""
    return Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **values: Any) -> str:
    """Render one template with these values."""
    return environment().get_template(name).render(**values)
