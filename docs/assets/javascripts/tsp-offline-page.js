/* The "Without a network" page: says which file the reader tried to open
   (the service worker sends them here with ?file=PATH) and, for each PDF,
   whether it is saved on this device. */
(function () {
  "use strict";
  const file = new URLSearchParams(window.location.search).get("file");
  if (file) {
    document.querySelectorAll(".tsp-offline-missing").forEach(function (note) {
      note.hidden = false;
    });
  }
  const list = document.querySelector(".tsp-offline-pdfs");
  if (!list || !("caches" in window)) return;
  list.querySelectorAll("li").forEach(function (item) {
    const link = item.querySelector("a");
    const status = item.querySelector(".tsp-offline-status");
    caches.match(link.href).then(function (hit) {
      status.textContent = "(" + (hit ? list.dataset.tspSaved : list.dataset.tspNetwork) + ")";
      item.dataset.tspOffline = hit ? "saved" : "network";
    });
  });
})();
