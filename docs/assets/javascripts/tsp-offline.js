/* Registers the service worker (sw.js at the site root) that keeps the site
   readable offline. A new build never reloads an open page: the new worker
   takes over in the background and the next page the reader opens comes from
   the new build, so text typed into a page (the Bilaga 5 form) stays where it
   is. Once the offline copy is complete, the page asks the browser to keep it
   (navigator.storage.persist), so it is not dropped after a week unused.
   It is also the one script of the light Akut page, which carries no core
   (macros/tsp/steps/bundles.py): it needs none of the core's helpers. */
(function () {
  "use strict";
  // The bundle is served from assets/javascripts/ below the site root; only
  // while it runs does the page name it.
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  var root = new URL("../../", script.src);

  function keepOfflineCopy() {
    var storage = navigator.storage;
    if (!storage || !storage.persist || !storage.persisted) return;
    storage.persisted().then(function (persisted) {
      return persisted || storage.persist();
    }).catch(function () { /* the browser decides; the copy still works */ });
  }

  // After the page has loaded: the precache never competes with the first view.
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(keepOfflineCopy)
      .catch(function () { /* no offline copy: the site still works online */ });
  });
})();
