/* Course "Trygg politiker": answering, feedback, module score, opt-in
   progress, the final test and the certificate it issues. Nothing leaves the browser; nothing is stored unless
   the learner ticks the opt-in, and then only under the "tsp-course:" prefix.
   Each part of a course page is a component; words come from its JSON block. */
(function () {
  "use strict";

  var PREFIX = "tsp-course:";
  var CONSENT = PREFIX + "consent";
  var PROGRESS = PREFIX + "progress";
  var NAME = PREFIX + "name";

  // Answers of this page, and of earlier visits if the learner opted in:
  // {"<question id>": {first: bool, solved: bool, last: "<choice value>"}}
  var state = {};
  var modules = {}; // "<module id>": {total: n, done: bool, first: n}

  // The opt-in itself is written when the learner ticks it; everything else
  // only while it is there. Earlier versions stored the opt-in and the name
  // as plain text: the store reads them back as text.
  var optIn = TSP.store("localStorage");
  var store = TSP.store("localStorage", consented);
  var overviews = [];

  function consented() { return optIn.get(CONSENT) === "yes"; }

  function load() {
    if (!consented()) return;
    var saved = store.get(PROGRESS);
    if (!saved || typeof saved !== "object") saved = {};
    state = saved.questions || {};
    modules = saved.modules || {};
  }

  function save() { store.set(PROGRESS, { questions: state, modules: modules }); }

  function clearAll() { optIn.removeAll(PREFIX); }

  function storedName() {
    var name = store.get(NAME);
    return name === null ? "" : String(name);
  }

  var fill = TSP.fill;

  // The feedback goes into the form's aria-live region, so it is announced.
  function showFeedback(form, value) {
    var template = form.querySelector('template[data-tsp-choice="' + value + '"]');
    var live = form.querySelector(".tsp-feedback");
    if (!template || !live) return false;
    live.replaceChildren(template.content.cloneNode(true));
    return template.getAttribute("data-tsp-correct") === "true";
  }

  function updateScore(section) {
    var id = section.getAttribute("data-tsp-module");
    var forms = section.querySelectorAll("form.tsp-question");
    var solved = 0, first = 0;
    forms.forEach(function (form) {
      var q = state[form.getAttribute("data-tsp-question")];
      if (q && q.solved) solved++;
      if (q && q.first) first++;
    });
    var total = forms.length;
    var answered = Object.keys(state).some(function (k) {
      return section.querySelector('[data-tsp-question="' + k + '"]');
    });
    var score = section.querySelector(".tsp-score");
    var reset = section.querySelector(".tsp-module-reset");
    var values = { solved: solved, first: first, total: total };
    var ui = TSP.words(section);
    var done = solved === total;
    if (answered) {
      score.textContent = done
        ? fill(ui.done, values)
        : fill(ui.score, values);
      reset.hidden = false;
    } else {
      score.textContent = "";
      reset.hidden = true;
    }
    modules[id] = { total: total, first: first, solved: solved, done: done };
  }

  function setupQuestion(form, section) {
    var id = form.getAttribute("data-tsp-question");
    var button = form.querySelector(".tsp-answer");
    button.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var checked = form.querySelector("input[type=radio]:checked");
      if (!checked) {
        form.querySelector(".tsp-feedback").textContent = TSP.words(section).choose;
        return;
      }
      var right = showFeedback(form, checked.value);
      var q = state[id];
      if (!q) q = state[id] = { first: right, solved: false, last: checked.value };
      q.last = checked.value;
      if (right) q.solved = true;
      form.classList.toggle("tsp-question--solved", q.solved);
      updateScore(section);
      save();
    });
    var saved = state[id];
    if (saved && saved.last !== undefined) {
      var input = form.querySelector('input[value="' + saved.last + '"]');
      if (input) input.checked = true;
      showFeedback(form, saved.last);
      form.classList.toggle("tsp-question--solved", !!saved.solved);
    }
  }

  function setupModule(section) {
    section.querySelectorAll("form.tsp-question").forEach(function (form) {
      setupQuestion(form, section);
    });
    section.querySelector(".tsp-module-reset").addEventListener("click", function () {
      section.querySelectorAll("form.tsp-question").forEach(function (form) {
        delete state[form.getAttribute("data-tsp-question")];
        form.reset();
        form.classList.remove("tsp-question--solved");
        form.querySelector(".tsp-feedback").replaceChildren();
      });
      updateScore(section);
      delete modules[section.getAttribute("data-tsp-module")];
      save();
      var first = section.querySelector("input[type=radio]");
      if (first) first.focus();
    });
    updateScore(section);
    save();
  }

  function showStatus(list) {
    list.querySelectorAll("li[data-tsp-module]").forEach(function (item) {
      var m = modules[item.getAttribute("data-tsp-module")];
      var status = item.querySelector(".tsp-module-status");
      status.textContent = m && m.done ? fill(TSP.words(list).done, m) : "";
      item.classList.toggle("tsp-module-done", !!(m && m.done));
    });
  }

  function showStatuses() { overviews.forEach(showStatus); }

  function setupProgress(box) {
    box.hidden = false;
    var optin = box.querySelector(".tsp-course-progress__optin");
    var status = box.querySelector(".tsp-course-progress__status");
    optin.checked = consented();
    var ui = TSP.words(box);
    optin.addEventListener("change", function () {
      if (!optIn.available) return;
      if (optin.checked) {
        optIn.set(CONSENT, "yes");
        save();
        var name = document.getElementById("tsp-certificate-name");
        if (name && name.value) store.set(NAME, name.value);
        status.textContent = ui.saved || "";
      } else {
        clearAll();
        status.textContent = ui.cleared || "";
      }
    });
    box.querySelector(".tsp-course-progress__clear").addEventListener("click", function () {
      clearAll();
      optin.checked = false;
      state = {};
      modules = {};
      document.querySelectorAll("section.tsp-module").forEach(function (section) {
        section.querySelectorAll("form.tsp-question").forEach(function (form) {
          form.reset();
          form.classList.remove("tsp-question--solved");
          form.querySelector(".tsp-feedback").replaceChildren();
        });
        updateScore(section);
      });
      showStatuses();
      status.textContent = ui.cleared || "";
    });
  }

  function setupCertificate(input, ui) {
    var target = document.querySelector(".tsp-certificate__name");
    function show() { target.textContent = input.value.trim() || ui.name_blank; }
    if (consented()) input.value = storedName();
    show();
    input.addEventListener("input", function () {
      show();
      store.set(NAME, input.value);
    });
    var date = document.querySelector(".tsp-certificate__date");
    date.textContent = new Date().toLocaleDateString(TSP.locale());
    var print = document.querySelector(".tsp-certificate-print");
    print.addEventListener("click", function () { window.print(); });
  }

  // The final test: one question per situation, drawn at random on this
  // page and marked on submit, one try per draw. Only a pass shows the name
  // field and the certificate; the score is never stored.
  function setupFinalTest(box) {
    var form = box.querySelector(".tsp-final-test__form");
    var result = box.querySelector(".tsp-final-test__result");
    var check = box.querySelector(".tsp-final-test__check");
    var again = box.querySelector(".tsp-final-test__new");
    var values = {
      pass: parseInt(box.getAttribute("data-tsp-pass"), 10),
      total: parseInt(box.getAttribute("data-tsp-total"), 10)
    };
    var drawn = [];
    var ui = TSP.words(box);

    function draw() {
      form.reset();
      drawn = [];
      form.querySelectorAll(".tsp-final-test__pool").forEach(function (pool) {
        var questions = pool.querySelectorAll(".tsp-final-test__question");
        var pick = Math.floor(Math.random() * questions.length);
        questions.forEach(function (question, i) {
          question.hidden = i !== pick;
          question.querySelector("fieldset").disabled = i !== pick;
        });
        drawn.push(questions[pick]);
      });
      check.hidden = false;
      again.hidden = true;
      result.textContent = "";
    }

    form.hidden = false;
    draw();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var missing = [];
      values.score = 0;
      drawn.forEach(function (question, i) {
        var checked = question.querySelector("input[type=radio]:checked");
        if (!checked) missing.push(i + 1);
        else if (checked.value === question.getAttribute("data-tsp-right")) values.score++;
      });
      if (missing.length) {
        result.textContent = fill(ui.unanswered, { missing: missing.join(", ") });
        return;
      }
      drawn.forEach(function (question) { question.querySelector("fieldset").disabled = true; });
      check.hidden = true;
      var passed = values.score >= values.pass;
      result.textContent = fill(passed ? ui.passed : ui.failed, values);
      if (passed) {
        document.querySelector(".tsp-certificate__score").textContent = fill(ui.certificate_score, values);
        document.querySelectorAll(".tsp-certificate-form, .tsp-certificate").forEach(
          function (part) { part.hidden = false; });
        document.getElementById("tsp-certificate-name").focus();
      } else {
        again.hidden = false;
        again.focus();
      }
    });
    again.addEventListener("click", function () {
      draw();
      var first = form.querySelector(".tsp-final-test__question:not([hidden]) input");
      if (first) first.focus();
    });
  }

  // In this order, as the core runs components in the order they are named:
  // the modules count the scores that the overview and the progress box show.
  load();
  TSP.component("course-module", setupModule);
  TSP.component("course-overview", function (list) {
    overviews.push(list);
    showStatus(list);
  });
  TSP.component("course-progress", setupProgress);
  TSP.component("final-test", function (box) {
    setupFinalTest(box);
    var name = document.getElementById("tsp-certificate-name");
    if (name) setupCertificate(name, TSP.words(box));
  });
})();
