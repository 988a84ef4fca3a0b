// kdsite: the search box, input[type=search][data-search], over the Pagefind index the
// build writes to pagefind/ (when Pagefind was on PATH). Browsers block the index's fetches
// on file://, so there the box says that search needs the site served over HTTP.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../", script ? script.src : location.href);
  var index = null;

  document.querySelectorAll("input[type=search][data-search]").forEach(function (input) {
    var box = input.closest(".search") || input.parentNode;
    box.hidden = false;
    var panel = document.createElement("div");
    panel.className = "search-results";
    panel.id = "kd-search-results";
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", "Search results");
    panel.setAttribute("aria-live", "polite");
    panel.hidden = true;
    box.appendChild(panel);
    input.setAttribute("aria-controls", panel.id);

    function say(text) {
      panel.textContent = "";
      var p = document.createElement("p");
      p.className = "search-note";
      p.textContent = text;
      panel.appendChild(p);
      panel.hidden = false;
    }
    var off = input.getAttribute("data-search") === "off";
    function load() {
      if (!index) {
        index = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
          return pagefind.options({ baseUrl: root.pathname }).then(function () { return pagefind; });
        });
      }
      return index;
    }
    function list(results, query) {
      panel.textContent = "";
      if (!results.length) return say("Nothing found for \u201c" + query + "\u201d.");
      var ol = document.createElement("ol");
      results.forEach(function (r) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = r.url;
        a.textContent = (r.meta && r.meta.title) || r.url;
        var excerpt = document.createElement("p");
        // Pagefind's excerpt is the page's text, escaped, with <mark> around the matches.
        excerpt.innerHTML = r.excerpt;
        li.append(a, excerpt);
        ol.appendChild(li);
      });
      panel.appendChild(ol);
      panel.hidden = false;
    }

    var latest = 0;
    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      if (!query) { panel.hidden = true; return; }
      if (off) return say("Search is off: this copy of the site was built without Pagefind.");
      if (location.protocol === "file:") {
        return say("Search needs the site served over HTTP: browsers block it on pages opened from a file. Run \u2018kdsite serve\u2019 or any static web server.");
      }
      load().then(function (pagefind) {
        return pagefind.search(query);
      }).then(function (search) {
        return Promise.all(search.results.slice(0, 8).map(function (r) { return r.data(); }));
      }).then(function (results) {
        if (ticket === latest) list(results, query);
      }, function () {
        if (ticket === latest) say("Search failed: the index in pagefind/ could not be loaded.");
      });
    }
    var timer;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    input.addEventListener("focus", function () { if (!off && location.protocol !== "file:") load().catch(function () {}); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { panel.hidden = true; input.value = ""; }
      if (event.key === "ArrowDown") {
        var first = panel.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
      if (event.key === "Enter") { event.preventDefault(); clearTimeout(timer); run(); }
    });
    panel.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (i < 0) return;
      if (event.key === "ArrowDown" && i + 1 < links.length) { event.preventDefault(); links[i + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (i ? links[i - 1] : input).focus(); }
      if (event.key === "Escape") { panel.hidden = true; input.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) panel.hidden = true;
    });
  });
})();
