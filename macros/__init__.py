"""mkdocs-macros entry point: only define_env lives here; the macros are in *_macros.py."""

from . import course_macros, plan_macros, print_macros, situation_macros, summary_macros


def define_env(env):
    """Register the macros pages can call, on the data the tsp plugin loaded once."""
    plugin = env.conf.plugins.get("tsp")
    if plugin is None or plugin.site is None:
        raise RuntimeError("mkdocs.yml: plugins: `- tsp` must be listed and enabled "
                           "(it loads the data the macros print)")
    for module in (plan_macros, print_macros, course_macros, situation_macros, summary_macros):
        module.register(env, plugin.site)
