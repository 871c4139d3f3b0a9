/* The "Without a network" page: says which file the reader tried to open
   (the service worker sends them here with ?file=PATH) and, for each PDF,
   whether it is saved on this device. */
(function () {
  "use strict";
  TSP.component("offline-pdfs", function (list) {
    if (new URLSearchParams(window.location.search).get("file")) {
      document.querySelectorAll(".tsp-offline-missing").forEach(function (note) {
        note.hidden = false;
      });
    }
    if (!("caches" in window)) return;
    var words = TSP.words(list);
    list.querySelectorAll("li").forEach(function (item) {
      var link = item.querySelector("a");
      var status = item.querySelector(".tsp-offline-pdfs__status");
      caches.match(link.href).then(function (hit) {
        status.textContent = "(" + (hit ? words.saved : words.network) + ")";
        item.dataset.tspOffline = hit ? "saved" : "network";
      });
    });
  });
})();
