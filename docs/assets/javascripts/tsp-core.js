/* The shared core of the site's scripts, first in every script bundle
   (macros/tsp/steps/bundles.py). Every other script is one component:
   1. One IIFE: (function () { "use strict"; TSP.component("name", function (root) { … }); })();
   2. Its root is the element with data-tsp-component="name" (TSP.page(fn) for the whole page).
   3. Words come from TSP.words(root): the JSON block partials/tsp-words.html renders in the root.
   4. Storage only through TSP.store(kind, allowed): nothing is written unless allowed() says yes.
   5. Language from TSP.lang(), TSP.locale(), TSP.locales() (<html> attributes), never a list in code.
   Controls that need JavaScript carry .tsp-js-only: CSS hides them until <html> has .tsp-js. */
// biome-ignore lint/correctness/noUnusedVariables: the global that every other script uses
var TSP = (function () {
  "use strict";
  var html = document.documentElement;
  // The one JS-available marker, set before anything else runs.
  html.classList.add("tsp-js");

  function onReady(run) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  // The component's JSON block (partials/tsp-words.html), parsed once.
  function data(root) {
    if (!root.tspData) {
      var block = root.querySelector("script[type='application/json'][data-tsp-words]");
      root.tspData = block ? JSON.parse(block.textContent) : {};
    }
    return root.tspData;
  }

  return {
    // Runs init(root) for every root of the component, once the page is parsed.
    component: function (name, init) {
      onReady(function () {
        document.querySelectorAll("[data-tsp-component~='" + name + "']").forEach(function (root) {
          init(root);
        });
      });
    },
    // A component of the whole page (printing, table regions, the offline copy).
    page: function (init) { onReady(function () { init(html); }); },
    words: function (root) { return data(root).words || {}; },
    settings: function (root) { return data(root); },
    // "{count} files" with {count: 3} -> "3 files"; an unknown {name} stays.
    fill: function (text, values) {
      return String(text).replace(/\{(\w+)\}/g, function (all, name) {
        return values && name in values ? String(values[name]) : all;
      });
    },
    lang: function () { return html.lang; },
    locale: function () { return html.getAttribute("data-tsp-locale") || html.lang; },
    // Every language of the site, the page's own first: what a reader may type in.
    locales: function () {
      var all = (html.getAttribute("data-tsp-locales") || "").split(" ").filter(Boolean);
      var own = this.locale();
      return [own].concat(all.filter(function (l) { return l !== own; }));
    },
    // localStorage or sessionStorage behind a try/catch (a browser may refuse
    // it), JSON in and out; set() writes only while allowed() is true. A value
    // that is not JSON (plain text stored by earlier versions) comes back as text.
    store: function (kind, allowed) {
      var area = null;
      try { area = window[kind]; } catch (_error) { area = null; }
      return {
        available: area !== null,
        get: function (key) {
          var text = null;
          try { text = area && area.getItem(key); } catch (_error) { return null; }
          if (!text) return null;
          try { return JSON.parse(text); } catch (_error) { return text; }
        },
        set: function (key, value) {
          if (!area || (allowed && !allowed())) return false;
          try { area.setItem(key, JSON.stringify(value)); return true; } catch (_error) { return false; }
        },
        remove: function (key) {
          try { if (area) area.removeItem(key); } catch (_error) { /* nothing stored */ }
        },
        // Every key that starts with prefix: what "clear" or an opt-out forgets.
        removeAll: function (prefix) {
          try {
            if (!area) return;
            Object.keys(area).forEach(function (key) {
              if (key.indexOf(prefix) === 0) area.removeItem(key);
            });
          } catch (_error) { /* nothing stored */ }
        }
      };
    }
  };
})();
