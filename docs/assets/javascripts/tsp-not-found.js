/* The root 404 page is Swedish. A static host serves it for every missing
   address, also under /en/: send that reader to the English 404 page, whose
   header, menu and text are in English. The other languages' roots (absolute
   paths like "/en/") come from the root's data-tsp-roots (templates/404.html,
   from the Languages module). */
(function () {
  "use strict";
  TSP.component("not-found", function (root) {
    var roots = (root.getAttribute("data-tsp-roots") || "").split(" ");
    var path = window.location.pathname;
    for (var i = 0; i < roots.length; i++) {
      if (roots[i] && path.indexOf(roots[i]) === 0 && path !== roots[i] + "404.html") {
        window.location.replace(roots[i] + "404.html");
        return;
      }
    }
  });
})();
