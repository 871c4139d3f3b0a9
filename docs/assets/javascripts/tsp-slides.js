/* Presentation view: one slide at a time, full window. The full-screen
   button (Fullscreen API) gives the projector view: the slide alone, without
   controls or counter. Arrow keys, PageUp/PageDown, space, Home/End; Esc
   leaves. Without this script (and in print) all slides show in order as handouts. */
(function () {
  "use strict";

  function setup(deck) {
    var slides = Array.prototype.slice.call(deck.querySelectorAll(".tsp-slide"));
    var nav = deck.querySelector(".tsp-slides__nav");
    var status = deck.querySelector(".tsp-slides__status");
    var start = deck.querySelector(".tsp-slides__start");
    var counter = deck.getAttribute("data-tsp-counter-text");
    var current = 0;
    var active = false;

    function show(index) {
      current = Math.max(0, Math.min(slides.length - 1, index));
      slides.forEach(function (slide, i) { slide.hidden = active && i !== current; });
      status.textContent = counter
        .replace("{index}", String(current + 1))
        .replace("{count}", String(slides.length));
      if (active && window.location.hash !== "#bild-" + (current + 1)) {
        history.replaceState(null, "", "#bild-" + (current + 1));
      }
    }

    function enter(index) {
      active = true;
      document.documentElement.classList.add("tsp-presenting");
      deck.classList.add("tsp-slides--active");
      nav.hidden = false;
      show(index);
      deck.querySelector(".tsp-slides__next").focus();
    }

    function fullscreen() {
      if (!active) enter(current);
      deck.requestFullscreen().catch(function () {});
    }

    function leave() {
      if (document.fullscreenElement === deck) document.exitFullscreen().catch(function () {});
      active = false;
      document.documentElement.classList.remove("tsp-presenting");
      deck.classList.remove("tsp-slides--active");
      nav.hidden = true;
      show(current);
      start.focus();
    }

    deck.querySelector(".tsp-slides__controls").hidden = false;
    start.addEventListener("click", function () { enter(0); });
    deck.querySelector(".tsp-slides__prev").addEventListener("click", function () { show(current - 1); });
    deck.querySelector(".tsp-slides__next").addEventListener("click", function () { show(current + 1); });
    deck.querySelector(".tsp-slides__exit").addEventListener("click", leave);
    if (deck.requestFullscreen && document.fullscreenEnabled) {
      deck.querySelectorAll(".tsp-slides__fullscreen").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", fullscreen);
      });
    }
    // Leaving full screen (Esc, F11) goes back to the presentation with its controls.
    document.addEventListener("fullscreenchange", function () {
      deck.classList.toggle("tsp-slides--projector", document.fullscreenElement === deck);
      if (active && document.fullscreenElement !== deck) deck.querySelector(".tsp-slides__next").focus();
    });

    document.addEventListener("keydown", function (event) {
      if (!active || event.altKey || event.ctrlKey || event.metaKey) return;
      var keys = {
        ArrowRight: current + 1, ArrowDown: current + 1, PageDown: current + 1, " ": current + 1,
        ArrowLeft: current - 1, ArrowUp: current - 1, PageUp: current - 1,
        Home: 0, End: slides.length - 1
      };
      if (event.key === "Escape") { leave(); return; }
      if (event.key === " " && event.target.tagName === "BUTTON") return;
      if (event.key in keys) {
        event.preventDefault();
        show(keys[event.key]);
      }
    });

    var match = /^#bild-(\d+)$/.exec(window.location.hash);
    if (match) enter(parseInt(match[1], 10) - 1);
  }

  document.querySelectorAll(".tsp-slides").forEach(setup);
})();
