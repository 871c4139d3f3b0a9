/* The root 404 page is Swedish. A static host serves it for every missing
   address, also under /en/: send that reader to the English 404 page, whose
   header, menu and text are in English. The language roots (absolute paths
   like "/en/") come from the script tag's data-tsp-languages. */
(function () {
  "use strict";
  var script = document.currentScript;
  var roots = (script && script.getAttribute("data-tsp-languages") || "").split(" ");
  var path = window.location.pathname;
  for (var i = 0; i < roots.length; i++) {
    var root = roots[i];
    if (root && path.indexOf(root) === 0 && path !== root + "404.html") {
      window.location.replace(root + "404.html");
      return;
    }
  }
})();
