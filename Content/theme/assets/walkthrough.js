// kdsite: the walkthrough stepper. A section[data-walkthrough=FILE] holds li[data-step=N],
// each a step's note, code and outputs (the build groups them). Here the steps' code is
// joined into the whole file with the current step's lines highlighted, one step's note
// and outputs are shown at a time, and [data-step-prev] / [data-step-next] or the arrow
// keys move between steps; data-current holds the step shown.
(function () {
  "use strict";

  document.querySelectorAll("[data-walkthrough]").forEach(function (section) {
    var steps = Array.prototype.slice.call(section.querySelectorAll("li[data-step]"));
    var prev = section.querySelector("[data-step-prev]");
    var next = section.querySelector("[data-step-next]");
    var count = section.querySelector("[data-step-count]");
    if (!steps.length || !prev || !next) return;

    // The whole file: every step's highlighted code, each in a block span of its own.
    var pre = document.createElement("pre");
    pre.className = "walkthrough-file";
    var code = document.createElement("code");
    code.className = "language-swift";
    pre.appendChild(code);
    var parts = steps.map(function (step, i) {
      var part = document.createElement("span");
      part.className = "walkthrough-lines";
      part.setAttribute("data-lines", String(i + 1));
      var source = step.querySelector(".code-block code");
      if (source) part.innerHTML = source.innerHTML.replace(/\n$/, "");
      code.appendChild(part);
      return part;
    });
    var bar = section.querySelector(".walkthrough-bar");
    bar.after(pre);
    section.classList.add("is-live");
    section.querySelector(".walkthrough-nav").hidden = false;

    function show(n, scroll) {
      n = Math.min(Math.max(n, 1), steps.length);
      section.setAttribute("data-current", String(n));
      steps.forEach(function (step, i) {
        step.classList.toggle("is-current", i === n - 1);
        parts[i].classList.toggle("is-current", i === n - 1);
      });
      if (count) count.textContent = n + " / " + steps.length;
      // A button that gets disabled while focused would drop the focus out of the section.
      var focused = document.activeElement;
      prev.disabled = n === 1;
      next.disabled = n === steps.length;
      if (focused && focused.disabled) (focused === prev ? next : prev).focus();
      if (scroll) {
        var part = parts[n - 1];
        pre.scrollTop = Math.max(0, part.offsetTop - pre.offsetTop - 24);
      }
    }
    function current() { return parseInt(section.getAttribute("data-current"), 10) || 1; }
    prev.addEventListener("click", function () { show(current() - 1, true); });
    next.addEventListener("click", function () { show(current() + 1, true); });
    section.addEventListener("keydown", function (event) {
      if (event.target.closest("input, textarea, select")) return;
      if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        show(current() + (event.key === "ArrowRight" ? 1 : -1), true);
      }
    });
    show(1, false);
    if (window.kdsiteScrollable) window.kdsiteScrollable(section);
  });
})();
