// kdsite: the temperature slider. Inside an element with data-logits and data-labels, an
// input[type=range][data-widget=temperature] sets T on a logarithmic scale between its
// min and max; every bar [data-prob=i] gets softmax(z / T)_i with 4 decimals, the entropy
// is shown beside T, and data-temperature holds the current T (2 decimals, the T used).
(function () {
  "use strict";

  /** softmax(z / T), in doubles, shifted by max z so no exp overflows. */
  function softmax(logits, t) {
    var m = Math.max.apply(null, logits);
    var e = logits.map(function (z) { return Math.exp((z - m) / t); });
    var sum = e.reduce(function (a, b) { return a + b; }, 0);
    return e.map(function (x) { return x / sum; });
  }
  /** H(p) = −Σ p log p, in nats. */
  function entropy(p) {
    return p.reduce(function (h, x) { return x > 0 ? h - x * Math.log(x) : h; }, 0);
  }

  document.querySelectorAll("[data-logits]").forEach(function (widget) {
    var input = widget.querySelector("input[type=range][data-widget=temperature]");
    var logits;
    try { logits = JSON.parse(widget.getAttribute("data-logits")).map(Number); } catch (e) { return; }
    if (!input || !logits.length || logits.some(isNaN)) return;
    var low = Math.log(parseFloat(input.min) || 0.5);
    var high = Math.log(parseFloat(input.max) || 20);
    var start = parseFloat(widget.getAttribute("data-temperature")) || 1;
    var output = widget.querySelector("output");
    var bars = widget.querySelectorAll("[data-prob]");
    var shown = document.createElement("span");
    shown.className = "kd-entropy";
    shown.setAttribute("data-entropy", "");
    (output || input).after(shown);

    // The range works in log T; the keyboard moves T by about 2.5 % a step (10 steps a page).
    input.min = String(low);
    input.max = String(high);
    input.step = "any";
    var step = (high - low) / 150;

    function set(t) {
      t = Math.round(Math.min(Math.max(t, Math.exp(low)), Math.exp(high)) * 100) / 100;
      var p = softmax(logits, t);
      widget.setAttribute("data-temperature", t.toFixed(2));
      input.setAttribute("aria-valuetext", "T = " + t.toFixed(2));
      if (output) output.textContent = "T = " + t.toFixed(2);
      shown.textContent = "entropy " + entropy(p).toFixed(3) + " nats (uniform: " + Math.log(p.length).toFixed(3) + ")";
      bars.forEach(function (bar) {
        var i = parseInt(bar.getAttribute("data-prob"), 10);
        if (!(i >= 0 && i < p.length)) return;
        bar.textContent = p[i].toFixed(4);
        var row = bar.closest("li");
        var rect = row && row.querySelector(".kd-bar rect");
        if (rect) rect.setAttribute("width", p[i].toFixed(4));
      });
      return t;
    }
    input.addEventListener("input", function () { set(Math.exp(parseFloat(input.value))); });
    input.addEventListener("keydown", function (event) {
      var v = parseFloat(input.value);
      var moves = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step,
        PageUp: 10 * step, PageDown: -10 * step, Home: low - v, End: high - v };
      if (!(event.key in moves)) return;
      event.preventDefault();
      input.value = String(Math.min(high, Math.max(low, v + moves[event.key])));
      set(Math.exp(parseFloat(input.value)));
    });
    input.value = String(Math.log(set(start)));
  });
})();
