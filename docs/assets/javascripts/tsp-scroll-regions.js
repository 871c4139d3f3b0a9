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

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { update(entry.target); });
  });

  // Material wraps the tables itself; document$ emits once it has.
  document$.subscribe(function () {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      update(wrap);
      observer.observe(wrap);
    });
  });
})();
