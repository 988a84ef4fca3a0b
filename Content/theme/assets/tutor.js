// kdsite: the tutor dialogue. A section[data-tutor] lists the steps [data-tutor-step]; here
// they appear one at a time: what the tutor said so far with the reader's replies, and the
// current step's reply as the label of [data-tutor-next]. [data-tutor-back] goes back.
(function () {
  "use strict";

  document.querySelectorAll("[data-tutor]").forEach(function (tutor) {
    var steps = Array.prototype.slice.call(tutor.querySelectorAll("[data-tutor-step]"));
    var back = tutor.querySelector("[data-tutor-back]");
    var next = tutor.querySelector("[data-tutor-next]");
    var count = tutor.querySelector("[data-tutor-count]");
    if (steps.length < 2 || !back || !next) return;
    tutor.classList.add("is-live");
    tutor.querySelector(".tutor-controls").hidden = false;
    var log = tutor.querySelector(".tutor-log");
    log.setAttribute("aria-live", "polite");

    function show(n, focus) {
      n = Math.min(Math.max(n, 1), steps.length);
      tutor.setAttribute("data-current", String(n));
      steps.forEach(function (step, i) {
        step.hidden = i >= n;
        var reply = step.querySelector(".tutor-reply");
        if (reply) reply.hidden = i >= n - 1;
      });
      var reply = steps[n - 1].querySelector(".tutor-reply");
      next.innerHTML = reply ? reply.innerHTML : "Next";
      var hidden = next.querySelector(".visually-hidden");
      if (hidden) hidden.remove();
      next.hidden = n === steps.length;
      back.disabled = n === 1;
      if (count) count.textContent = n + " / " + steps.length;
      if (focus && next.hidden) back.focus();
    }
    function current() { return parseInt(tutor.getAttribute("data-current"), 10) || 1; }
    next.addEventListener("click", function () { show(current() + 1, true); });
    back.addEventListener("click", function () { show(current() - 1, true); });
    show(1, false);
  });
})();
