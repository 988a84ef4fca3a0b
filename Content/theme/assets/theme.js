// kdsite: the reader's light or dark choice, applied before the page is painted (loaded
// without defer in <head>, so no flash of the wrong theme). The toggle is in page.js.
(function () {
  try {
    var choice = localStorage.getItem("kdsite.theme");
    if (choice === "light" || choice === "dark") document.documentElement.setAttribute("data-theme", choice);
  } catch (e) { /* storage blocked: follow the system setting */ }
})();
