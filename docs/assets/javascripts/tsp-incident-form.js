/* Bilaga 5 on screen: fill in, keep on this device (opt-in), print, export,
 * import, clear. Nothing is ever sent: no fetch, no form submission; the only
 * storage is one localStorage key, written only while the user opts in.
 * Words come from the form's JSON block (data/strings.yml). */
(function () {
  "use strict";

  TSP.component("incident-form", function (form) {
    var FORM = form.dataset.tspForm;                     // "tsp-incident"
    var VERSION = Number(form.dataset.tspVersion);       // 1
    var DRAFT_KEY = FORM + "-draft-v" + VERSION;         // "tsp-incident-draft-v1"
    var ui = TSP.words(form);
    var $ = function (id) { return document.getElementById(id); };
    var keep = $("tsp-keep");
    var keepStatus = $("tsp-keep-status");
    var message = $("tsp-form-message");
    var dialog = $("tsp-clear-dialog");

    function say(key, values) { return TSP.fill(ui[key], values); }

    function announce(key, values) {
      message.textContent = say(key, values);
    }

    /* ---- answers: every named field of the form, keyed by its name ---- */

    var names = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && names.indexOf(el.name) < 0) names.push(el.name);
    });

    function isGroup(field) {
      return typeof RadioNodeList !== "undefined" && field instanceof RadioNodeList;
    }

    function readAnswers() {
      var answers = {};
      names.forEach(function (name) { answers[name] = form.elements.namedItem(name).value; });
      return answers;
    }

    // Fields missing from answers keep what they hold.
    function writeAnswers(answers) {
      names.forEach(function (name) {
        if (!(name in answers)) return;
        var field = form.elements.namedItem(name);
        var value = answers[name];
        if (isGroup(field)) {
          Array.prototype.forEach.call(field, function (radio) { radio.checked = radio.value === value; });
        } else {
          field.value = value;
        }
      });
      refresh();
    }

    /* The problem with data as a message key, or null when it is a valid answers file. */
    function problem(data) {
      if (!data || typeof data !== "object" || Array.isArray(data)) return "form_import_malformed";
      if (data.form !== FORM) return "form_import_other";
      if (typeof data.version !== "number" || !Number.isInteger(data.version) || data.version < 1) {
        return "form_import_malformed";
      }
      if (data.version > VERSION) return "form_import_newer";
      var answers = data.answers;
      if (!answers || typeof answers !== "object" || Array.isArray(answers)) return "form_import_malformed";
      var bad = Object.keys(answers).some(function (name) {
        var value = answers[name];
        if (names.indexOf(name) < 0 || typeof value !== "string") return true;
        var field = form.elements.namedItem(name);
        if (isGroup(field)) {
          return value !== "" && !Array.prototype.some.call(field, function (r) { return r.value === value; });
        }
        return field.type === "date" && value !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(value);
      });
      return bad ? "form_import_malformed" : null;
    }

    function envelope() {
      return {
        form: FORM, version: VERSION, lang: TSP.lang(),
        exported: new Date().toISOString(), answers: readAnswers()
      };
    }

    /* ---- storage: only while "Keep on this device" is ticked ---- */

    // Dates and times in the page's language, not the browser's US default:
    // sv "2026-11-21 17:57", en (British) "21/11/2026, 17:57"; data-tsp-locale
    // on <html> comes from the tsp plugin (plugins: tsp: locales in mkdocs.yml).
    var LOCALE = TSP.locale();
    var CLOCK = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    function clock(date) { return date.toLocaleTimeString(LOCALE, CLOCK); }
    function dateTime(date) {
      return date.toLocaleString(LOCALE, Object.assign(
        { year: "numeric", month: "2-digit", day: "2-digit" }, CLOCK));
    }

    var drafts = TSP.store("localStorage", function () { return keep.checked; });
    var session = TSP.store("sessionStorage");

    function showStored(date) {
      keepStatus.textContent = date
        ? say("form_status_saved", { time: clock(date) })
        : say("form_status_none");
    }

    var lastSaved = null;

    // A failed write leaves the last stored draft in place, and the status says
    // how old it is; only a browser that stores nothing at all unticks the box.
    function saveDraft() {
      if (!keep.checked) return;
      if (drafts.set(DRAFT_KEY, envelope())) {
        lastSaved = new Date();
        showStored(lastSaved);
      } else {
        if (lastSaved) {
          keepStatus.textContent = say("form_status_stale", { time: clock(lastSaved) });
          announce("form_keep_failed");
        } else {
          keep.checked = false;
          announce("form_keep_unavailable");
        }
      }
    }

    function forgetAll() {
      [drafts, session].forEach(function (store) { store.removeAll(FORM); });
      lastSaved = null;
      showStored(null);
    }

    function restoreDraft() {
      var data = drafts.get(DRAFT_KEY);
      if (data === null) return;
      if (problem(data)) { drafts.remove(DRAFT_KEY); return; }
      keep.checked = true;
      writeAnswers(data.answers);
      lastSaved = new Date(data.exported);
      showStored(lastSaved);
      announce("form_restored");
    }

    keep.addEventListener("change", function () {
      if (keep.checked) {
        saveDraft();
        if (keep.checked) announce("form_keep_on");
      } else {
        forgetAll();
        announce("form_keep_off");
      }
    });

    /* ---- growing textareas and their print copies ---- */

    function grow(area) {
      area.style.height = "auto";
      area.style.height = area.scrollHeight + area.offsetHeight - area.clientHeight + "px";
    }

    // Each textarea and date field gets a print-only copy that wraps its whole text.
    var mirrored = form.querySelectorAll("textarea, input[type=date]");
    Array.prototype.forEach.call(mirrored, function (field) {
      var copy = document.createElement("div");
      copy.className = "tsp-print-answer";
      copy.setAttribute("aria-hidden", "true");
      field.insertAdjacentElement("afterend", copy);
    });

    function mirror(field) {
      var copy = field.nextElementSibling;
      copy.textContent = field.value;
      copy.classList.toggle("tsp-print-empty", field.value.trim() === "");
      if (field.tagName === "TEXTAREA") grow(field);
    }

    /* ---- progress through the Ja/Nej checklist (part 2) ---- */

    var groups = Array.prototype.slice.call(document.querySelectorAll("#del-2 fieldset.tsp-yes-no"));

    function progress() {
      var todo = groups.filter(function (set) { return !set.querySelector("input:checked"); });
      $("tsp-progress-count").textContent =
        say("form_progress_count", { answered: groups.length - todo.length, total: groups.length });
      $("tsp-progress-todo-label").textContent = say(todo.length ? "form_progress_todo" : "form_progress_done");
      var list = $("tsp-progress-todo");
      list.replaceChildren();
      list.hidden = todo.length === 0;
      todo.forEach(function (set) {
        var first = set.querySelector("input");
        var link = document.createElement("a");
        link.href = "#" + first.id;
        link.textContent = set.querySelector("legend").textContent.trim();
        link.addEventListener("click", function (event) {
          event.preventDefault();
          first.focus();
          set.scrollIntoView({ block: "center" });
        });
        var item = document.createElement("li");
        item.appendChild(link);
        list.appendChild(item);
      });
    }

    function refresh() {
      Array.prototype.forEach.call(mirrored, mirror);
      progress();
    }

    form.addEventListener("input", function (event) {
      if (mirrored.length && event.target.matches("textarea, input[type=date]")) mirror(event.target);
      saveDraft();
    });
    form.addEventListener("change", function (event) {
      if (event.target.type === "radio") progress();
      saveDraft();
    });
    // The form has no action and must never be submitted (Enter in a field).
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    /* ---- print, export, import ---- */

    window.addEventListener("beforeprint", refresh);
    $("tsp-print").addEventListener("click", function () { window.print(); });

    function fileName(ext) {
      return ui.form_file_name + "-" + new Date().toISOString().slice(0, 10) + "." + ext;
    }

    function download(content, type, name) {
      var url = URL.createObjectURL(new Blob([content], { type: type }));
      var link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      announce("form_exported", { file: name });
    }

    $("tsp-export-json").addEventListener("click", function () {
      download(JSON.stringify(envelope(), null, 2) + "\n", "application/json", fileName("json"));
    });

    // Markdown, in the order of the page: headings, then each question and its answer.
    function markdown() {
      var text = function (el) { return el.textContent.replace(/\s+/g, " ").trim(); };
      var none = "_" + ui.form_no_answer + "_";
      var lines = ["# " + text(document.querySelector(".md-content h1").firstChild), "",
        ui.form_exported_at + ": " + dateTime(new Date()), ""];
      var items = form.querySelectorAll(
        "h2, fieldset.tsp-meeting > legend, fieldset.tsp-yes-no, textarea, input[type=date]");
      Array.prototype.forEach.call(items, function (el) {
        if (el.tagName === "H2") {
          lines.push("## " + text(el), "");
        } else if (el.tagName === "LEGEND") {
          lines.push("### " + text(el), "");
        } else if (el.tagName === "FIELDSET") {
          var checked = el.querySelector("input:checked");
          var label = checked && form.querySelector("label[for='" + checked.id + "']");
          lines.push("**" + text(el.querySelector("legend")) + "** " + (label ? text(label) : none), "");
        } else {
          var question = text(form.querySelector("label[for='" + el.id + "']"));
          lines.push("**" + question + "**", "", el.value.trim() ? el.value.trim() : none, "");
        }
      });
      return lines.join("\n");
    }

    $("tsp-export-text").addEventListener("click", function () {
      download(markdown(), "text/markdown;charset=utf-8", fileName("md"));
    });

    /* Import reads no file over MAX_IMPORT bytes (a full report is a few
     * kilobytes), and changes nothing before the reader has seen which fields
     * the file changes and said yes; fields the file leaves out stay as they are. */
    /* The follow-up talks of part 3 as a calendar file (RFC 5545), made on this
     * device: one all-day event for each talk with a date, named after the talk.
     * No answer goes into the file: who was present or what was said stays here. */
    function icsText(value) {
      return value.replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n");
    }

    function icsDate(date) { return date.replace(/-/g, ""); }

    // Lines longer than 75 octets continue on the next line after a space.
    function icsFold(line) {
      var encoder = new TextEncoder(), out = "", size = 0;
      Array.from(line).forEach(function (char) {
        var bytes = encoder.encode(char).length;
        if (size + bytes > 74) { out += "\r\n "; size = 1; }
        out += char;
        size += bytes;
      });
      return out;
    }

    function calendar() {
      var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
      var events = [];
      Array.prototype.forEach.call(form.querySelectorAll("fieldset.tsp-meeting"), function (set, i) {
        var date = set.querySelector("input[type=date]").value;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
        var next = new Date(date + "T12:00:00Z");
        next.setUTCDate(next.getUTCDate() + 1);
        events.push("BEGIN:VEVENT", "UID:" + stamp + "-" + (i + 1) + "@" + FORM, "DTSTAMP:" + stamp,
          "DTSTART;VALUE=DATE:" + icsDate(date),
          "DTEND;VALUE=DATE:" + icsDate(next.toISOString().slice(0, 10)),
          "SUMMARY:" + icsText(set.querySelector("legend").textContent.replace(/\s+/g, " ").trim()),
          "END:VEVENT");
      });
      if (!events.length) return null;
      return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + FORM + "//" + TSP.lang(),
        "CALSCALE:GREGORIAN"].concat(events, ["END:VCALENDAR", ""]).map(icsFold).join("\r\n");
    }

    $("tsp-export-ics").addEventListener("click", function () {
      var content = calendar();
      if (!content) { announce("form_ics_none"); return; }
      var name = ui.form_ics_file_name + "-" + new Date().toISOString().slice(0, 10) + ".ics";
      download(content, "text/calendar;charset=utf-8", name);
    });

    var picker = $("tsp-import");
    var MAX_IMPORT = Number(picker.dataset.tspMaxBytes);
    var importDialog = $("tsp-import-dialog");
    var pending = null;

    function fieldName(name) {
      var field = form.elements.namedItem(name);
      var first = isGroup(field) ? field[0] : field;
      var caption = isGroup(field)
        ? first.closest("fieldset").querySelector("legend")
        : form.querySelector("label[for='" + first.id + "']");
      return caption.textContent.replace(/\s+/g, " ").trim();
    }

    function changes(incoming) {
      var current = readAnswers();
      return Object.keys(incoming).filter(function (name) { return incoming[name] !== current[name]; })
        .map(function (name) { return { name: name, replaces: current[name] !== "" }; });
    }

    function offer(file, incoming) {
      var changed = changes(incoming);
      if (!changed.length) { announce("form_import_same", { file: file.name }); return; }
      pending = { file: file.name, answers: incoming };
      var replaced = changed.filter(function (c) { return c.replaces; }).length;
      $("tsp-import-summary").textContent =
        say("form_import_summary", { file: file.name, count: changed.length, replaced: replaced });
      var list = $("tsp-import-fields");
      list.replaceChildren();
      changed.forEach(function (c) {
        var item = document.createElement("li");
        item.textContent = fieldName(c.name) + (c.replaces ? " (" + ui.form_import_replaces + ")" : "");
        list.appendChild(item);
      });
      importDialog.showModal();
    }

    function closeImport(apply) {
      importDialog.close();
      var done = pending;
      pending = null;
      if (!done) return;
      if (apply) {
        writeAnswers(done.answers);
        saveDraft();
        announce("form_imported", { file: done.file });
      } else {
        announce("form_import_cancelled", { file: done.file });
      }
      picker.focus();
    }

    $("tsp-import-confirm").addEventListener("click", function () { closeImport(true); });
    $("tsp-import-cancel").addEventListener("click", function () { closeImport(false); });
    importDialog.addEventListener("cancel", function (event) { event.preventDefault(); closeImport(false); });

    picker.addEventListener("change", function () {
      var file = picker.files && picker.files[0];
      if (!file) return;
      picker.value = "";
      if (file.size > MAX_IMPORT) {
        announce("form_import_too_large", { file: file.name, limit: Math.round(MAX_IMPORT / 1024) });
        return;
      }
      file.text().then(function (content) {
        var data;
        try { data = JSON.parse(content); } catch (_error) { data = null; }
        var found = problem(data);
        if (found) {
          announce(found, { file: file.name, version: data && data.version, supported: VERSION });
        } else {
          offer(file, data.answers);
        }
      }, function () {
        announce("form_import_malformed", { file: file.name });
      });
    });

    /* ---- clear: after a confirmation, every field and everything stored ---- */

    $("tsp-clear").addEventListener("click", function () { dialog.showModal(); });
    $("tsp-clear-cancel").addEventListener("click", function () { dialog.close(); });
    $("tsp-clear-confirm").addEventListener("click", function () {
      dialog.close();
      keep.checked = false;
      form.reset();
      forgetAll();
      refresh();
      announce("form_cleared");
      $("tsp-clear").focus();
    });

    /* ---- start ---- */

    $("tsp-form-tools").hidden = false;
    $("tsp-progress").hidden = false;
    keep.checked = false;
    refresh();
    restoreDraft();
  });
})();
