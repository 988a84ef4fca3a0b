// kdsite: quizzes and the Distillation Map, over one record of progress:
// localStorage["kdsite.progress"] = {"quiz-id": "passed", …}.
(function () {
  "use strict";
  var KEY = "kdsite.progress";

  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY) || "{}");
      return data && typeof data === "object" && !Array.isArray(data) ? data : {};
    } catch (e) { return {}; }
  }
  function save(progress) {
    try { localStorage.setItem(KEY, JSON.stringify(progress)); } catch (e) { /* private mode: this visit only */ }
  }
  var progress = load();
  function passed(id) { return progress[id] === "passed"; }
  function words(el, name) { return (el.getAttribute(name) || "").split(" ").filter(Boolean); }

  // ---- quizzes: form[data-quiz], radios, button[data-quiz-check], [data-quiz-feedback] ----

  document.querySelectorAll("form[data-quiz]").forEach(function (form) {
    var id = form.getAttribute("data-quiz");
    var check = form.querySelector("[data-quiz-check]");
    var feedback = form.querySelector("[data-quiz-feedback]");
    var answer = form.querySelector("details");
    if (!check || !feedback) return;
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "secondary";
    retry.textContent = "Try again";
    retry.setAttribute("data-quiz-retry", "");
    retry.hidden = true;
    check.after(retry);
    check.hidden = false;
    if (passed(id)) form.setAttribute("data-passed", "");

    function chosen() { return form.querySelector("input[type=radio]:checked"); }
    function clear() {
      feedback.removeAttribute("data-result");
      feedback.textContent = "";
      form.querySelectorAll(".choice").forEach(function (c) { c.classList.remove("is-right", "is-wrong"); });
    }
    function grade() {
      var choice = chosen();
      clear();
      if (!choice) {
        feedback.textContent = "Choose an answer first.";
        form.querySelector("input[type=radio]").focus();
        return;
      }
      var right = choice.hasAttribute("data-correct");
      choice.closest(".choice").classList.add(right ? "is-right" : "is-wrong");
      feedback.setAttribute("data-result", right ? "right" : "wrong");
      if (right) {
        feedback.textContent = answer ? "Right. The explanation is below." : "Right.";
        if (answer) answer.open = true;
        progress = load();
        progress[id] = "passed";
        save(progress);
        form.setAttribute("data-passed", "");
        retry.hidden = false;
        updateMaps();
      } else {
        feedback.textContent = "Not quite. Choose another answer and check again.";
      }
    }
    check.addEventListener("click", grade);
    form.addEventListener("submit", function (event) { event.preventDefault(); grade(); });
    form.addEventListener("change", function () { if (feedback.getAttribute("data-result") === "wrong") clear(); });
    retry.addEventListener("click", function () {
      clear();
      var choice = chosen();
      if (choice) choice.checked = false;
      if (answer) answer.open = false;
      retry.hidden = true;
      form.querySelector("input[type=radio]").focus();
    });
  });

  // ---- the Distillation Map: [data-map-node=SLUG] with data-requires and data-quizzes ----

  function states(nodes) {
    var bySlug = {};
    nodes.forEach(function (n) { bySlug[n.getAttribute("data-map-node")] = n; });
    var memo = {};
    // done(slug): the lesson's quizzes are all passed; a lesson without a quiz counts as
    // done once it is open, so the lessons after it can open too.
    function done(slug) {
      if (slug in memo) return memo[slug];
      memo[slug] = false; // a cycle (never built) stops here
      var node = bySlug[slug];
      var quizzes = node ? words(node, "data-quizzes") : [];
      memo[slug] = quizzes.length ? quizzes.every(passed) : open(slug);
      return memo[slug];
    }
    function open(slug) {
      var node = bySlug[slug];
      return !node || words(node, "data-requires").every(done);
    }
    var result = {};
    nodes.forEach(function (n) {
      var slug = n.getAttribute("data-map-node");
      var quizzes = words(n, "data-quizzes");
      result[slug] = quizzes.length && quizzes.every(passed) ? "mastered" : open(slug) ? "unlocked" : "locked";
    });
    return { state: result, done: done, bySlug: bySlug };
  }

  function label(node) {
    var texts = node.querySelectorAll("text");
    return Array.prototype.map.call(texts, function (t) { return t.textContent; }).join(" ");
  }

  function updateMaps() {
    progress = load();
    document.querySelectorAll(".kd-map").forEach(function (map) {
      var nodes = Array.prototype.slice.call(map.querySelectorAll("[data-map-node]"));
      var s = states(nodes);
      var mastered = 0;
      nodes.forEach(function (node) {
        var slug = node.getAttribute("data-map-node");
        var state = s.state[slug];
        if (state === "mastered") mastered++;
        node.setAttribute("data-state", state);
        var title = node.querySelector("title");
        if (!title) return;
        if (!title.hasAttribute("data-lesson")) title.setAttribute("data-lesson", title.textContent);
        var text = title.getAttribute("data-lesson") + " — ";
        if (state === "mastered") text += "quiz passed";
        else if (state === "unlocked") text += "open";
        else {
          var missing = words(node, "data-requires").filter(function (r) { return !s.done(r); });
          text += "locked: pass the quiz of " + missing.map(function (r) {
            return s.bySlug[r] ? label(s.bySlug[r]) : r;
          }).join(", ") + " to unlock";
        }
        title.textContent = text;
        node.setAttribute("data-hint", text);
      });
      var summary = map.parentNode.querySelector("[data-progress-summary]") ||
        document.querySelector("[data-progress-summary]");
      if (summary) summary.textContent = mastered + " of " + nodes.length + " lessons mastered.";
    });
  }

  // A line under each map tells what the focused or hovered node needs.
  document.querySelectorAll(".kd-map").forEach(function (map) {
    var hint = document.createElement("p");
    hint.className = "map-hint";
    hint.setAttribute("aria-live", "polite");
    (map.closest(".map-scroll") || map).after(hint);
    function show(event) {
      var node = event.target.closest && event.target.closest("[data-map-node]");
      if (node) hint.textContent = node.getAttribute("data-hint") || "";
    }
    map.addEventListener("focusin", show);
    map.addEventListener("mouseover", show);
  });

  document.querySelectorAll("[data-progress-reset]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!confirm("Forget every quiz you passed in this browser?")) return;
      try { localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
      document.querySelectorAll("form[data-passed]").forEach(function (f) { f.removeAttribute("data-passed"); });
      updateMaps();
    });
  });

  updateMaps();
  // Another tab passed a quiz: follow it.
  addEventListener("storage", function (event) { if (event.key === KEY || event.key === null) updateMaps(); });
})();
