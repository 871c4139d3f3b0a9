"""The tsp MkDocs plugin: loads the data once per build, hands it to macros and templates, runs the build steps."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .config import TspConfig
from .render import CompiledTemplates
from .site import Site
from .steps import csp, fonts, guidance, offline, organisation, publish, search_split, search_terms
from .steps.bundles import Bundler
from .steps.reproducible import set_source_date_epoch
from .steps.html_attrs import with_language_attrs
from .steps.theme_globals import theme_globals


class TspPlugin(BasePlugin[TspConfig]):
    """Steps in build order: data, build date and bundles (on_config), theme
    globals (on_env), guidance sources and permalink titles per language
    (on_page_markdown), language attributes, the light page's inline CSS and CSP
    (on_post_page; CSP and the 404 page per language also on_post_template),
    bundles, search split, the organisation's stylesheet, icons and manifests, and the
    offline manifest (on_post_build)."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.bundler: Bundler | None = None
        self._not_found = organisation.NotFoundPages()
        self._compiled = CompiledTemplates()

    @staticmethod
    def _nested(config: MkDocsConfig) -> bool:
        """True while static-i18n builds its other languages inside the first build."""
        i18n = config.plugins.get("i18n")
        return bool(i18n is not None and i18n.building)

    # Before mkdocs-macros' on_config, which calls define_env (macros/__init__.py).
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        publish.check_site_url(config)
        if self.site is None or not self._nested(config):
            self.site = Site.from_config(config, self.config.locales)
            # Dates in the output (sitemap, PDFs) come from the sources' last commit.
            set_source_date_epoch(self.site.root)
        if self.config.bundles:
            # Pages load one stylesheet and one script bundle: Material's base.html
            # links none of extra_css/extra_javascript (nested builds come with
            # the lists already taken over).
            if self.bundler is None or not self._nested(config):
                self.bundler = Bundler.from_config(
                    config, organisation.site_stylesheet(self.site, config))
            config.extra_css = []
            config.extra_javascript = []
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """The print font, from its pinned package, into assets/fonts/."""
        return fonts.add_font_files(files, config) if self.site is not None else files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.site is None:
            return env
        env.bytecode_cache = self._compiled
        env.globals.update(theme_globals(self.site, files))
        env.globals.update(organisation.theme_globals(self.site))
        if self.bundler is not None:
            env.globals["tsp_bundle"] = self.bundler.page_bundle
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """A guidance page without sources or review date stops the build."""
        if self.site is not None:
            guidance.check_page(page)
            organisation.permalink_title(self.site, config, self.site.lang(page))
        return markdown

    # After every other plugin's on_post_page, so the CSP hashes the final HTML.
    @event_priority(-50)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.site is None:
            return output
        language = self.site.languages.language(self.site.lang(page))
        output = with_language_attrs(output, language, self.site.render)
        if self.bundler is not None and page.meta.get("tsp_light"):
            output = self.bundler.inline_light_css(output)
        return (csp.with_csp(output, self.site.render, page.file.src_uri)
                if self.config.csp else output)

    @event_priority(-50)
    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str:
        """404.html is rendered as a theme template, not a page."""
        if self.site is None or not template_name.endswith(".html"):
            return output_content
        if self.config.csp:
            output_content = csp.with_csp(output_content, self.site.render, template_name)
        if template_name == "404.html":
            output_content = self._not_found(output_content, self.site, config)
        return output_content

    # After static-i18n (-100), which builds the other languages and then
    # rewrites the search index inside its own on_post_build: only then is every
    # file final. Split the index first, then list every file for the worker.
    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is None or self._nested(config):
            return
        site_dir = Path(config.site_dir)
        if self.bundler is not None:
            self.bundler.write(site_dir)
        if self.config.search_split:
            search_split.split(site_dir, self.site.languages)
            # Swedish words without å/ä/ö and the situations' other names.
            search_terms.add(site_dir, self.site.situations)
        organisation.write_assets(self.site, config, site_dir)
        if self.config.offline:
            offline.write_manifest(site_dir, self.site.languages)
