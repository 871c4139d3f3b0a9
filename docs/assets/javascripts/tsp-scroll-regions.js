// Wide tables scroll sideways inside Material's .md-typeset__scrollwrap on
// small screens. A keyboard user must be able to reach and scroll them
// (WCAG 2.1.1; axe `scrollable-region-focusable`), so a wrapper that overflows
// becomes a focusable region named by the heading above it.
(function () {
  "use strict";

  function nearestHeading(element) {
    var node = element;
    while (node && node !== document.body) {
      var sibling = node.previousElementSibling;
      while (sibling) {
        if (/^H[1-6]$/.test(sibling.tagName) && sibling.id) {
          return sibling;
        }
        sibling = sibling.previousElementSibling;
      }
      node = node.parentElement;
    }
    return null;
  }

  function update(wrap) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      var heading = nearestHeading(wrap);
      if (heading) {
        wrap.setAttribute("aria-labelledby", heading.id);
      }
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-labelledby");
    }
  }

  TSP.page(function (html) {
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { update(entry.target); });
    });

    var seen = new WeakSet();
    function scan() {
      html.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
        if (seen.has(wrap)) return;
        seen.add(wrap);
        update(wrap);
        observer.observe(wrap);
      });
    }

    // Material wraps the tables itself; document$ emits once it has. Tables
    // added later (the whole plan, assembled by tsp-print.js) are handled as
    // soon as they are in the page.
    if (window.document$) window.document$.subscribe(scan); else scan();
    new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
  });
})();
