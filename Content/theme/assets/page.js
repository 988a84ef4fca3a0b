// kdsite: what every page shares — the dark-mode toggle, glossary tooltips, FAQ answers
// opened from a link, and keyboard access to regions that scroll.
(function () {
  "use strict";
  var root = document.documentElement;

  // Dark mode: button[data-theme-toggle] flips light and dark and remembers the choice
  // (theme.js applies it on the next page before painting).
  var dark = matchMedia("(prefers-color-scheme: dark)");
  function isDark() {
    var set = root.getAttribute("data-theme");
    return set ? set === "dark" : dark.matches;
  }
  document.querySelectorAll("[data-theme-toggle]").forEach(function (button) {
    function show() { button.setAttribute("aria-pressed", String(isDark())); }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("kdsite.theme", next); } catch (e) { /* not remembered */ }
      show();
    });
    dark.addEventListener("change", show);
  });

  // Glossary tooltips: a[data-term] shows its definition on hover and on keyboard focus.
  // The title attribute (the no-script tooltip) moves to data-tip so it is not shown twice.
  var tip = document.createElement("div");
  tip.className = "term-tip";
  tip.id = "kd-term-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var shownFor = null;
  function showTip(link) {
    var text = link.getAttribute("data-tip");
    if (!text) return;
    tip.textContent = text;
    tip.hidden = false;
    link.setAttribute("aria-describedby", tip.id);
    var r = link.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(Math.max(8, r.left + scrollX), scrollX + root.clientWidth - width - 8);
    var below = r.bottom + tip.offsetHeight + 12 < innerHeight;
    tip.style.left = left + "px";
    tip.style.top = (below ? r.bottom + 6 : r.top - tip.offsetHeight - 6) + scrollY + "px";
    shownFor = link;
  }
  function hideTip() {
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    tip.hidden = true;
    shownFor = null;
  }
  document.querySelectorAll("a[data-term][title]").forEach(function (link) {
    link.setAttribute("data-tip", link.title);
    link.removeAttribute("title");
    link.addEventListener("mouseenter", function () { showTip(link); });
    link.addEventListener("focus", function () { showTip(link); });
    link.addEventListener("mouseleave", hideTip);
    link.addEventListener("blur", hideTip);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shownFor) hideTip();
  });

  // FAQ: a link to #question opens that <details>.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  addEventListener("hashchange", openTarget);
  openTarget();

  // A region that scrolls must be reachable by keyboard to scroll it (WCAG 2.1.1).
  function focusable(el) {
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
      if (!el.hasAttribute("tabindex") && !el.querySelector("a, button, input, [tabindex]")) el.tabIndex = 0;
    }
  }
  window.kdsiteScrollable = function (scope) {
    scope.querySelectorAll("pre, .prose table, .map-scroll, .kd-output").forEach(focusable);
  };
  window.kdsiteScrollable(document);
})();
