/* Printing: the "Skriv ut" button, "?skriv-ut" from the print index, and the
   whole plan assembled from the plan's own pages (skriv-ut/hela-planen/).
   An external file, no inline handlers: the site has a strict CSP. */
(function () {
  "use strict";

  // The whole plan: fetch every page listed in .tsp-plan-toc (same origin) and
  // append its article, so the text still lives in one place. Ids get a
  // per-part prefix so they stay unique; links between parts stay inside.
  function assemblePlan(toc, body) {
    var pages = [];
    toc.querySelectorAll("a[href]").forEach(function (a) {
      var url = new URL(a.getAttribute("href"), location.href);
      url.hash = "";
      if (pages.indexOf(url.href) === -1) pages.push(url.href);
    });
    var factsLink = document.querySelector(".tsp-plan-facts a[href]");
    var factsUrl = factsLink ? new URL(factsLink.getAttribute("href"), location.href) : null;
    // A part that has a paper version (data-tsp-paper on its contents link,
    // e.g. Bilaga 5 -> the blank form) prints that instead of its screen form.
    var papers = {};
    toc.querySelectorAll("a[href][data-tsp-paper]").forEach(function (a) {
      var url = new URL(a.getAttribute("href"), location.href);
      url.hash = "";
      papers[url.href] = new URL(a.getAttribute("data-tsp-paper"), location.href).href;
    });
    var wanted = pages.slice();
    Object.keys(papers).forEach(function (page) {
      if (wanted.indexOf(papers[page]) === -1) wanted.push(papers[page]);
    });
    if (factsUrl) {
      factsUrl.hash = "";
      if (wanted.indexOf(factsUrl.href) === -1) wanted.push(factsUrl.href);
    }
    return Promise.all(wanted.map(function (url) {
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.text();
      }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html");
      });
    })).then(function (docs) {
      if (factsUrl) {
        var factsDoc = docs[wanted.indexOf(factsUrl.href)];
        var table = factsDoc.querySelector("#dokumentfakta ~ table");
        if (table) factsLink.parentNode.replaceWith(document.importNode(table, true));
      }
      pages.forEach(function (url, i) {
        var article = docs[i].querySelector("article.md-content__inner");
        if (!article) return;
        var part = document.createElement("section");
        part.className = "tsp-plan-part";
        part.id = "del-" + (i + 1);
        if (papers[url]) usePaper(article, docs[wanted.indexOf(papers[url])], url);
        article.querySelectorAll(".tsp-print-actions, .headerlink, .tsp-next, form button")
          .forEach(function (el) { el.remove(); });
        article.querySelectorAll("[id]").forEach(function (el) {
          el.id = "del-" + (i + 1) + "-" + el.id;
        });
        article.querySelectorAll("label[for]").forEach(function (el) {
          el.htmlFor = "del-" + (i + 1) + "-" + el.htmlFor;
        });
        article.querySelectorAll("[aria-labelledby], [aria-describedby]").forEach(function (el) {
          ["aria-labelledby", "aria-describedby"].forEach(function (name) {
            var value = el.getAttribute(name);
            if (value) el.setAttribute(name, value.split(" ").map(function (id) {
              return "del-" + (i + 1) + "-" + id;
            }).join(" "));
          });
        });
        article.querySelectorAll("a[href]").forEach(function (a) {
          var target = new URL(a.getAttribute("href"), url);
          var hash = target.hash.slice(1);
          target.hash = "";
          var index = pages.indexOf(target.href);
          if (index !== -1) {
            a.setAttribute("href", "#del-" + (index + 1) + (hash ? "-" + hash : ""));
          } else if (target.protocol === "http:" || target.protocol === "https:") {
            a.setAttribute("href", target.href + (hash ? "#" + hash : ""));
          }
        });
        // Material wraps the tables of a page when it starts (scrolling on a
        // phone, tsp-scroll-regions.js makes them reachable); these came later.
        article.querySelectorAll("table:not([class])").forEach(function (table) {
          if (table.closest(".md-typeset__scrollwrap")) return;
          var wrap = document.createElement("div");
          var inner = document.createElement("div");
          wrap.className = "md-typeset__scrollwrap";
          inner.className = "md-typeset__table";
          table.replaceWith(wrap);
          inner.appendChild(table);
          wrap.appendChild(inner);
        });
        while (article.firstChild) part.appendChild(document.adoptNode(article.firstChild));
        body.appendChild(part);
      });
      toc.querySelectorAll("a[href]").forEach(function (a) {
        var target = new URL(a.getAttribute("href"), location.href);
        var hash = target.hash.slice(1);
        target.hash = "";
        var index = pages.indexOf(target.href);
        if (index !== -1) a.setAttribute("href", "#del-" + (index + 1) + (hash ? "-" + hash : ""));
      });
    });
  }

  // Keep the part's heading and introduction; put the paper document (lines
  // and tick boxes) where the screen form and its tools were.
  function usePaper(article, paperDoc, url) {
    var paper = paperDoc.querySelector("article.md-content__inner .tsp-paper");
    var form = article.querySelector("form");
    if (!paper || !form) throw new Error(url + ": no form or no paper version");
    form.replaceWith(document.importNode(paper, true));
    article.querySelectorAll(".tsp-screen-only, .tsp-form-notice, .tsp-form-tools, " +
      ".tsp-dialog-holder, script").forEach(function (el) { el.remove(); });
  }

  // The print font (tsp-print.css) is used on paper only, so the screen never
  // loads it: load it before printing, or the first print falls back to a
  // system font. Prints anyway if it cannot load.
  function printWithFont() {
    var faces = [];
    if (document.fonts) document.fonts.forEach(function (face) {
      faces.push(face.load().catch(function () { return null; }));
    });
    Promise.all(faces).then(function () { window.print(); });
  }

  function ready() {
    document.documentElement.setAttribute("data-tsp-print", "ready");
    document.querySelectorAll(".tsp-print-button").forEach(function (b) { b.disabled = false; });
    if (new URLSearchParams(location.search).has("skriv-ut")) printWithFont();
  }

  TSP.page(function (html) {
    html.querySelectorAll(".tsp-print-button").forEach(function (button) {
      button.addEventListener("click", printWithFont);
    });

    var toc = html.querySelector(".tsp-plan-toc");
    var body = html.querySelector(".tsp-plan-body");
    if (toc && body) {
      html.querySelectorAll(".tsp-print-button").forEach(function (b) { b.disabled = true; });
      var started = false;
      var start = function () {
        if (started) return;
        started = true;
        assemblePlan(toc, body).then(ready, function (error) {
          document.documentElement.setAttribute("data-tsp-print", "failed");
          console.error(error);
        });
      };
      // After Material has set up the page, so it never handles the parts twice.
      if (window.document$) window.document$.subscribe(start); else start();
    } else {
      ready();
    }
  });
})();
