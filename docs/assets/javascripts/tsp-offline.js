/* Registers the service worker (sw.js at the site root) that keeps the site
   readable offline, and moves the page to a new build as a whole: when a new
   build has been installed, the page lets it take over and reloads, unless the
   reader has typed into the page (then the new build waits for the next page). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;

  // This file is assets/javascripts/tsp-offline.js below the site root.
  const root = new URL("../../", document.currentScript.src);
  const hadController = Boolean(navigator.serviceWorker.controller);
  let edited = false;
  let reloading = false;

  document.addEventListener("input", function () { edited = true; }, true);

  function takeOver(worker) {
    if (worker && navigator.serviceWorker.controller && !edited) {
      worker.postMessage({ type: "TSP_SKIP_WAITING" });
    }
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadController && !reloading) {
      reloading = true;
      window.location.reload();
    }
  });

  function register() {
    return navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href });
  }

  // After the page has loaded: the precache never competes with the first view.
  window.addEventListener("load", function () {
    register().then(function (registration) {
      takeOver(registration.waiting);
      registration.addEventListener("updatefound", function () {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed") takeOver(worker);
        });
      });
    }).catch(function () { /* no offline copy: the site still works online */ });
  });
})();
