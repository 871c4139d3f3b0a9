"""mkdocs-macros entry point: only define_env lives here; logic is in sibling modules."""

from .environment import register


def define_env(env):
    """Load and validate data/ once, then register the macros pages can call."""
    register(env)
