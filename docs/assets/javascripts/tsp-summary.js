/* The yearly summary of exported Bilaga 5 files (/sammanstallning/).
 * Files are read with the File API and counted in memory: no fetch, no
 * storage, nothing leaves the device. Only counts are shown or printed: no
 * answer text, no file content, no names. Settings and words come from the
 * component's JSON block (data/summary.yml, data/incident.yml). */
(function () {
  "use strict";
  TSP.component("summary", function (root) {
    var picker = document.getElementById("tsp-summary-files");
    if (!picker) return;

    var cfg = TSP.settings(root);
    var ui = TSP.words(root);
    var locale = TSP.locale();
    var SVG = "http://www.w3.org/2000/svg";
    var $ = function (id) { return document.getElementById(id); };
    var drop = $("tsp-summary-drop");
    var actions = $("tsp-summary-actions");
    var yearSelect = $("tsp-summary-year");
    var status = $("tsp-summary-status");
    var problemList = $("tsp-summary-problems");
    var result = $("tsp-summary-result");
    var charts = $("tsp-summary-charts");

    var reports = [];   // {key, date: {y, m, d} | null, year, answers}
    var keys = {};      // the answers of every report read, to count each once
    var chartId = 0;

    function say(key, values) { return TSP.fill(ui[key], values); }

    /* ---- reading the answers ---- */

    function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

    // A word list -> one pattern that matches any of them at the start of a word.
    function pattern(words) {
      return new RegExp("(^|[^\\p{L}\\p{N}])(" + words.map(escapeRegExp).join("|") + ")", "u");
    }
    cfg.kinds.forEach(function (c) { c.pattern = pattern(c.words); });
    cfg.channels.forEach(function (c) { c.pattern = pattern(c.words); });

    // Month names in every language of the site, long and short: "mars", "March", "Mar".
    var MONTHS = [];
    TSP.locales().forEach(function (tag) {
      ["long", "short"].forEach(function (style) {
        var format = new Intl.DateTimeFormat(tag, { month: style, timeZone: "UTC" });
        for (var m = 0; m < 12; m++) {
          MONTHS.push({ name: format.format(new Date(Date.UTC(2026, m, 1))).toLowerCase().replace(".", ""), month: m + 1 });
        }
      });
    });
    MONTHS.sort(function (a, b) { return b.name.length - a.name.length; });
    var NAMED = new RegExp("\\b(\\d{1,2})\\.?\\s+(" + MONTHS.map(function (m) { return escapeRegExp(m.name); }).join("|") +
                           ")\\.?,?\\s+(\\d{4})\\b", "iu");
    var ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
    var NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;

    function valid(y, m, d) {
      var date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    }

    // The incident's date, from the answer to "När och var inträffade händelsen?".
    function incidentDate(text) {
      var found = ISO.exec(text);
      if (found && valid(+found[1], +found[2], +found[3])) return { y: +found[1], m: +found[2], d: +found[3] };
      found = NAMED.exec(text);
      if (found) {
        var name = found[2].toLowerCase();
        var month = MONTHS.filter(function (m) { return m.name === name; })[0].month;
        if (valid(+found[3], month, +found[1])) return { y: +found[3], m: month, d: +found[1] };
      }
      found = NUMERIC.exec(text);
      if (found && valid(+found[3], +found[2], +found[1])) return { y: +found[3], m: +found[2], d: +found[1] };
      return null;
    }

    function dayNumber(date) { return Date.UTC(date.y, date.m - 1, date.d) / 86400000; }

    /* ---- files ---- */

    // The problem with a parsed file as a message key, or null for a Bilaga 5 export.
    function problem(data) {
      if (!data || typeof data !== "object" || Array.isArray(data)) return "not_json";
      if (data.form !== cfg.form) return "other_form";
      if (typeof data.version !== "number" || !Number.isInteger(data.version) || data.version < 1) return "not_json";
      if (data.version > cfg.version) return "newer";
      var answers = data.answers;
      if (!answers || typeof answers !== "object" || Array.isArray(answers)) return "not_json";
      var bad = Object.keys(answers).some(function (name) { return typeof answers[name] !== "string"; });
      return bad ? "not_json" : null;
    }

    function add(data) {
      var answers = data.answers;
      var key = JSON.stringify(Object.keys(answers).sort().map(function (k) { return [k, answers[k]]; }));
      if (keys[key]) return false;
      keys[key] = true;
      var date = incidentDate(answers[cfg.when] || "");
      var exported = new Date(data.exported);
      reports.push({
        date: date,
        year: date ? date.y : (Number.isNaN(exported.getTime()) ? null : exported.getFullYear()),
        answers: answers
      });
      return true;
    }

    function readFiles(files) {
      var problems = [];
      var jobs = Array.prototype.map.call(files, function (file) {
        if (file.size > cfg.maxKb * 1024) {
          problems.push(say("too_large", { file: file.name, limit: cfg.maxKb }));
          return Promise.resolve();
        }
        return file.text().then(function (content) {
          var data;
          try { data = JSON.parse(content); } catch (_error) { data = null; }
          var found = problem(data);
          if (found) {
            problems.push(say(found, { file: file.name, version: data && data.version }));
          } else if (!add(data)) {
            problems.push(say("duplicate", { file: file.name }));
          }
        }, function () {
          problems.push(say("not_json", { file: file.name }));
        });
      });
      Promise.all(jobs).then(function () {
        showProblems(problems);
        refresh(true);
        var skipped = problems.length ? say("skipped", { count: problems.length }) : "";
        status.textContent = reports.length
          ? say("loaded", { count: reports.length, years: years().join(", ") || ui.no_date }) + (skipped ? " " + skipped : "")
          : skipped;
      });
    }

    function showProblems(problems) {
      problemList.replaceChildren();
      problemList.hidden = problems.length === 0;
      problems.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        problemList.appendChild(item);
      });
    }

    picker.addEventListener("change", function () {
      if (picker.files && picker.files.length) readFiles(picker.files);
      picker.value = "";
    });

    ["dragenter", "dragover"].forEach(function (type) {
      drop.addEventListener(type, function (event) {
        event.preventDefault();
        drop.classList.add("tsp-summary__drop--over");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      drop.addEventListener(type, function () { drop.classList.remove("tsp-summary__drop--over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) readFiles(event.dataTransfer.files);
    });
    // Files dropped beside the zone must not make the browser open them.
    window.addEventListener("dragover", function (event) { event.preventDefault(); });
    window.addEventListener("drop", function (event) { event.preventDefault(); });

    /* ---- counting ---- */

    function chosen() {
      var year = yearSelect.value;
      return reports.filter(function (r) { return year === "all" || String(r.year) === year; });
    }

    function byCategory(list, categories) {
      var rows = categories.map(function (c) { return { label: c.label, count: 0 }; });
      var none = 0;
      list.forEach(function (r) {
        var text = cfg.text.map(function (name) { return r.answers[name] || ""; }).join("\n").toLowerCase();
        var any = false;
        categories.forEach(function (c, i) {
          if (c.pattern.test(text)) { rows[i].count++; any = true; }
        });
        if (!any) none++;
      });
      rows.push({ label: ui.not_stated, count: none });
      return rows;
    }

    function byMonth(list) {
      var format = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
      var rows = [];
      for (var m = 1; m <= 12; m++) {
        rows.push({ label: format.format(new Date(Date.UTC(2026, m - 1, 1))).replace(".", ""), count: 0 });
      }
      var none = 0;
      list.forEach(function (r) { if (r.date) rows[r.date.m - 1].count++; else none++; });
      rows.push({ label: ui.no_date, count: none });
      return rows;
    }

    function yesNo(list, name) {
      var counts = { yes: 0, no: 0, none: 0 };
      list.forEach(function (r) {
        var value = r.answers[name];
        counts[value === "yes" || value === "no" ? value : "none"]++;
      });
      return [{ label: ui.yes, count: counts.yes, part: "yes" },
              { label: ui.no, count: counts.no, part: "no" },
              { label: ui.not_answered, count: counts.none, part: "none" }];
    }

    function meetings(list) {
      var rows = cfg.meetings.map(function (m) {
        var held = list.filter(function (r) { return (r.answers[m.name] || "").trim() !== ""; }).length;
        return { label: m.title, parts: [
          { label: ui.held, count: held, part: "yes" },
          { label: ui.not_held, count: list.length - held, part: "no" }] };
      });
      var first = cfg.meetings[0].name;
      var within = { yes: 0, no: 0, none: 0 };
      list.forEach(function (r) {
        var talk = incidentDate(r.answers[first] || "");
        if (!talk || !r.date) { within.none++; return; }
        within[dayNumber(talk) - dayNumber(r.date) <= 14 ? "yes" : "no"]++;
      });
      rows.push({ label: ui.followup_within, parts: [
        { label: ui.within_yes, count: within.yes, part: "yes" },
        { label: ui.within_no, count: within.no, part: "no" },
        { label: ui.within_unknown, count: within.none, part: "none" }] });
      return rows;
    }

    /* ---- drawing: inline SVG, named for screen readers, with a table ---- */

    function svg(name, attrs, text) {
      var el = document.createElementNS(SVG, name);
      Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
      if (text !== undefined) el.textContent = text;
      return el;
    }

    function describe(title, rows) {
      return say("chart_label", { title: title, values: rows.map(function (r) {
        return r.parts
          ? r.label + " (" + r.parts.map(function (p) { return p.label + " " + p.count; }).join(", ") + ")"
          : r.label + " " + r.count;
      }).join("; ") });
    }

    // Lines of at most `max` characters, broken between words.
    function wrap(text, max) {
      var lines = [""];
      text.split(/\s+/).forEach(function (word) {
        var last = lines[lines.length - 1];
        if (last && (last + " " + word).length > max) lines.push(word);
        else lines[lines.length - 1] = last ? last + " " + word : word;
      });
      return lines;
    }

    function chartSvg(title, width, height) {
      var id = "tsp-chart-" + (++chartId);
      var el = svg("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height,
                            role: "img", "aria-labelledby": id, "class": "tsp-chart" });
      el.appendChild(svg("title", { id: id }, title));
      return el;
    }

    // Horizontal bars: a label line (or lines) above each bar, the count after it.
    function barChart(title, rows, width, stacked) {
      // Room after the longest bar for its count ("12" or "3 / 1 / 10").
      var font = 14, line = 18, bar = 18, gap = 12, room = width - (stacked ? 96 : 40);
      var max = Math.max(1, Math.max.apply(null, rows.map(function (r) {
        return stacked ? r.parts.reduce(function (s, p) { return s + p.count; }, 0) : r.count;
      })));
      var chars = Math.max(16, Math.floor(width / (font * 0.56)));
      var y = 0, shapes = [];
      rows.forEach(function (r) {
        wrap(r.label, chars).forEach(function (text) {
          y += line;
          shapes.push(svg("text", { x: 0, y: y - 4, "class": "tsp-chart__label" }, text));
        });
        var x = 0;
        (stacked ? r.parts : [{ count: r.count, part: r.part || "all" }]).forEach(function (p) {
          var w = Math.round(room * p.count / max);
          if (w > 0) shapes.push(svg("rect", { x: x, y: y, width: w, height: bar, "class": "tsp-chart__bar tsp-chart__bar--" + p.part }));
          x += w;
        });
        var total = stacked ? r.parts.map(function (p) { return p.count; }).join(" / ") : String(r.count);
        shapes.push(svg("text", { x: x + 6, y: y + bar - 4, "class": "tsp-chart__count" }, total));
        y += bar + gap;
      });
      var el = chartSvg(describe(title, rows), width, y);
      shapes.forEach(function (s) { el.appendChild(s); });
      return el;
    }

    // Columns, one per month, for the months chart.
    function columnChart(title, rows, width) {
      var top = 20, plot = 120, bottom = 24, step = width / rows.length;
      // Where "mars" and "juni" would collide, one letter per month (the table names them).
      var narrow = new Intl.DateTimeFormat(locale, { month: "narrow", timeZone: "UTC" });
      var max = Math.max(1, Math.max.apply(null, rows.map(function (r) { return r.count; })));
      var el = chartSvg(describe(title, rows), width, top + plot + bottom);
      rows.forEach(function (r, i) {
        var h = Math.round(plot * r.count / max), x = i * step, w = Math.max(4, step * 0.6);
        if (h > 0) el.appendChild(svg("rect", { x: x + (step - w) / 2, y: top + plot - h, width: w, height: h,
                                                  "class": "tsp-chart__bar tsp-chart__bar--all" }));
        el.appendChild(svg("text", { x: x + step / 2, y: top + plot - h - 4, "text-anchor": "middle",
                                     "class": "tsp-chart__count" }, String(r.count)));
        var label = i === rows.length - 1 ? "–"
          : step < 36 ? narrow.format(new Date(Date.UTC(2026, i, 1))) : r.label;
        el.appendChild(svg("text", { x: x + step / 2, y: top + plot + 16, "text-anchor": "middle",
                                     "class": "tsp-chart__label tsp-chart__label--small" }, label));
      });
      return el;
    }

    function table(caption, head, body) {
      var t = document.createElement("table");
      t.className = "tsp-summary__table";
      var c = document.createElement("caption");
      c.className = "tsp-visually-hidden";  // the section heading above says it
      c.textContent = caption;
      t.appendChild(c);
      var thead = t.createTHead().insertRow();
      head.forEach(function (h) {
        var th = document.createElement("th");
        th.scope = "col";
        th.textContent = h;
        thead.appendChild(th);
      });
      var tbody = t.createTBody();
      body.forEach(function (cells) {
        var row = tbody.insertRow();
        cells.forEach(function (cell, i) {
          var el = document.createElement(i === 0 ? "th" : "td");
          if (i === 0) el.scope = "row";
          el.textContent = cell;
          row.appendChild(el);
        });
      });
      return t;
    }

    function legend(parts) {
      var list = document.createElement("ul");
      list.className = "tsp-chart__legend";
      list.setAttribute("aria-hidden", "true");  // the table says the same in words
      parts.forEach(function (p) {
        var item = document.createElement("li");
        var mark = document.createElement("span");
        mark.className = "tsp-chart__legend-mark tsp-chart__bar--" + p.part;
        item.appendChild(mark);
        item.appendChild(document.createTextNode(p.label));
        list.appendChild(item);
      });
      return list;
    }

    function section(title, chart, tableEl, legendEl) {
      var part = document.createElement("section");
      part.className = "tsp-summary__section";
      var h = document.createElement("h3");
      h.textContent = title;
      part.appendChild(h);
      var figure = document.createElement("figure");
      figure.appendChild(chart);
      if (legendEl) figure.appendChild(legendEl);
      part.appendChild(figure);
      part.appendChild(tableEl);
      charts.appendChild(part);
    }

    function draw(forWidth) {
      var list = chosen();
      var width = forWidth || Math.max(260, Math.min(720, Math.floor(charts.clientWidth || 600)));
      chartId = 0;
      charts.replaceChildren();
      var label = yearSelect.value === "all" ? ui.all_years : yearSelect.value;
      $("tsp-summary-title").textContent = say("summary_title", { year: label });
      $("tsp-summary-total").textContent = say("total", { count: list.length });

      [["by_kind", byCategory(list, cfg.kinds)], ["by_channel", byCategory(list, cfg.channels)]].forEach(function (s) {
        section(ui[s[0]], barChart(ui[s[0]], s[1], width, false),
                table(ui[s[0]], [ui[s[0]], ui.count], s[1].map(function (r) { return [r.label, String(r.count)]; })));
      });

      var months = byMonth(list);
      section(ui.by_month, columnChart(ui.by_month, months, width),
              table(ui.by_month, [ui.by_month, ui.count], months.map(function (r) { return [r.label, String(r.count)]; })));

      var police = yesNo(list, cfg.policeReport);
      section(ui.police, barChart(ui.police, police, width, false),
              table(ui.police, [ui.police, ui.count], police.map(function (r) { return [r.label, String(r.count)]; })));

      var talks = meetings(list);
      section(ui.meetings, barChart(ui.meetings, talks, width, true),
              table(ui.meetings, [ui.meetings, ui.count], talks.map(function (r) {
                return [r.label, r.parts.map(function (p) { return p.label + ": " + p.count; }).join(", ")];
              })),
              legend([{ label: ui.held + " / " + ui.within_yes, part: "yes" },
                      { label: ui.not_held + " / " + ui.within_no, part: "no" },
                      { label: ui.within_unknown, part: "none" }]));

      var steps = cfg.checks.map(function (c) { return { label: c.text, parts: yesNo(list, c.name) }; });
      section(ui.steps, barChart(ui.steps, steps, width, true),
              table(ui.steps, [ui.step, ui.yes, ui.no, ui.not_answered], steps.map(function (s) {
                return [s.label].concat(s.parts.map(function (p) { return String(p.count); }));
              })),
              legend([{ label: ui.yes, part: "yes" }, { label: ui.no, part: "no" }, { label: ui.not_answered, part: "none" }]));
    }

    function years() {
      var found = {};
      reports.forEach(function (r) { if (r.year !== null) found[r.year] = true; });
      return Object.keys(found).sort();
    }

    // newData: files were just read, so show the latest year.
    function refresh(newData) {
      var list = years();
      var current = yearSelect.value;
      yearSelect.replaceChildren();
      list.concat(["all"]).forEach(function (year) {
        var option = document.createElement("option");
        option.value = year;
        option.textContent = year === "all" ? ui.all_years : year;
        yearSelect.appendChild(option);
      });
      yearSelect.value = newData || !current ? (list.length ? list[list.length - 1] : "all") : current;
      if (!yearSelect.value) yearSelect.value = "all";
      var any = reports.length > 0;
      actions.hidden = !any;
      result.hidden = !any;
      if (any) draw();
    }

    yearSelect.addEventListener("change", function () { refresh(false); });
    $("tsp-summary-print").addEventListener("click", function () { window.print(); });
    $("tsp-summary-clear").addEventListener("click", function () {
      reports = [];
      keys = {};
      showProblems([]);
      refresh(false);
      status.textContent = ui.cleared;
      picker.focus();
    });

    // Paper is narrower than most screens: draw for it, then for the screen again.
    window.addEventListener("beforeprint", function () { if (reports.length) draw(640); });
    window.addEventListener("afterprint", function () { if (reports.length) draw(); });

    var resizing;
    window.addEventListener("resize", function () {
      clearTimeout(resizing);
      resizing = setTimeout(function () { if (reports.length) draw(); }, 150);
    });
  });
})();
