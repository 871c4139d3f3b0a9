/* Presentation view: one slide at a time, full window. The full-screen
   button (Fullscreen API) gives the projector view: the slide alone, without
   controls or counter. The speaker view opens a second window with the
   current slide, its notes and the next slide. Arrow keys, PageUp/PageDown,
   space, Home/End, in either window; Esc leaves. Without this script (and in
   print) all slides show in order as handouts. Words come from the
   component's JSON block (data/strings.yml). */
(function () {
  "use strict";

  TSP.component("slides", function (deck) {
    var slides = Array.prototype.slice.call(deck.querySelectorAll(".tsp-slide"));
    var nav = deck.querySelector(".tsp-slides__nav");
    var status = deck.querySelector(".tsp-slides__status");
    var start = deck.querySelector(".tsp-slides__start");
    var ui = TSP.words(deck);
    var current = 0;
    var active = false;
    var speaker = null;

    function position() {
      return TSP.fill(ui.counter, { index: current + 1, count: slides.length });
    }

    function show(index) {
      current = Math.max(0, Math.min(slides.length - 1, index));
      slides.forEach(function (slide, i) { slide.hidden = active && i !== current; });
      status.textContent = position();
      if (active && window.location.hash !== "#bild-" + (current + 1)) {
        history.replaceState(null, "", "#bild-" + (current + 1));
      }
      showSpeaker();
    }

    // A copy of a slide for the speaker window, without its handout counter;
    // with its notes shown when `notes` is true.
    function copy(doc, slide, notes) {
      var part = doc.importNode(slide, true);
      part.removeAttribute("id");
      part.hidden = false;
      part.querySelectorAll(".tsp-slide__counter").forEach(function (n) { n.remove(); });
      part.querySelectorAll(".tsp-slide__notes").forEach(function (n) {
        if (notes) n.hidden = false; else n.remove();
      });
      return part;
    }

    function showSpeaker() {
      if (!speaker || speaker.closed) return;
      var doc = speaker.document;
      var heading = doc.createElement("h1");
      heading.textContent = position();
      var parts = [heading, copy(doc, slides[current], true)];
      if (current + 1 < slides.length) {
        var next = doc.createElement("h2");
        next.textContent = ui.next;
        parts.push(next, copy(doc, slides[current + 1], false));
      }
      doc.body.replaceChildren.apply(doc.body, parts);
    }

    function openSpeaker() {
      if (!active) enter(current);
      speaker = window.open("", "tsp-speaker", "popup,width=900,height=700");
      if (!speaker) return;
      speaker.document.documentElement.lang = TSP.lang();
      speaker.document.title = ui.speaker_title;
      speaker.document.addEventListener("keydown", onKey);
      showSpeaker();
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

    function onKey(event) {
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
    }

    deck.querySelector(".tsp-slides__controls").hidden = false;
    start.addEventListener("click", function () { enter(0); });
    deck.querySelector(".tsp-slides__prev").addEventListener("click", function () { show(current - 1); });
    deck.querySelector(".tsp-slides__next").addEventListener("click", function () { show(current + 1); });
    deck.querySelector(".tsp-slides__exit").addEventListener("click", leave);
    deck.querySelectorAll(".tsp-slides__speaker").forEach(function (button) {
      button.addEventListener("click", openSpeaker);
    });
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
    document.addEventListener("keydown", onKey);

    var match = /^#bild-(\d+)$/.exec(window.location.hash);
    if (match) enter(parseInt(match[1], 10) - 1);
  });
})();
