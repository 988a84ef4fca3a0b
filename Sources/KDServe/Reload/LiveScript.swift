/// The script `kdsite serve` adds to every HTML page (`LiveScriptInjector`), served at
/// `/__kdsite/live.js`. It listens on `/__kdsite/events` and
///
/// - reloads the page when a build succeeds, or when it connects and the server is showing
///   another build than the page came from (a build finished while the page loaded, or the
///   server was restarted);
/// - on a failed build, shows the diagnostics in an overlay — text only (`textContent`), in a
///   shadow root so the site's styles neither break it nor are broken by it — until the next
///   good build reloads the page;
/// - shows a small "rebuilding" badge while a build runs.
///
/// Hooks for tests: the overlay's host is `[data-kdsite-overlay]`, each line in it
/// `[data-kdsite-diagnostic]` (in its shadow root); the badge is `[data-kdsite-building]`.
enum LiveScript {
    static let source = #"""
        // kdsite serve: live reload and the build-error overlay. Only `kdsite serve` sends this;
        // the built site does not contain it.
        (() => {
          "use strict";
          const script = document.currentScript;
          const build = script ? script.dataset.kdsiteBuild : "";
          let overlay = null;
          let badge = null;

          function element(tag, style, text) {
            const node = document.createElement(tag);
            Object.assign(node.style, style);
            if (text !== undefined) node.textContent = text;
            return node;
          }

          function showFailure(failure) {
            hideFailure();
            overlay = element("div", { position: "fixed", top: "0", left: "0", right: "0", zIndex: "2147483647" });
            overlay.setAttribute("data-kdsite-overlay", "");
            const root = overlay.attachShadow({ mode: "open" });
            const panel = element("section", {
              maxHeight: "70vh", overflow: "auto", margin: "0", padding: "14px 18px",
              background: "rgba(32, 6, 8, 0.97)", color: "#f5f5f5", borderBottom: "3px solid #e5484d",
              font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", boxShadow: "0 4px 24px rgba(0,0,0,.4)"
            });
            panel.setAttribute("role", "alert");
            const header = element("div", { display: "flex", justifyContent: "space-between", gap: "1em", marginBottom: "8px" });
            header.append(element("strong", { color: "#ff8a8f" }, "kdsite: the build failed — " + failure.summary));
            const close = element("button", {
              font: "inherit", color: "inherit", background: "transparent", border: "1px solid #888", borderRadius: "4px", cursor: "pointer"
            }, "×");
            close.setAttribute("aria-label", "Hide until the next build");
            close.addEventListener("click", hideFailure);
            header.append(close);
            panel.append(header);
            for (const line of failure.diagnostics) {
              const pre = element("pre", { margin: "0 0 6px", whiteSpace: "pre-wrap", font: "inherit" }, line);
              pre.setAttribute("data-kdsite-diagnostic", "");
              panel.append(pre);
            }
            root.append(panel);
            document.documentElement.append(overlay);
          }

          function hideFailure() {
            if (overlay) overlay.remove();
            overlay = null;
          }

          function showBuilding(on) {
            if (on && !badge) {
              badge = element("div", {
                position: "fixed", right: "12px", bottom: "12px", zIndex: "2147483647", padding: "4px 10px",
                borderRadius: "999px", background: "#222", color: "#eee", font: "12px/1.4 system-ui, sans-serif", opacity: "0.85"
              }, "rebuilding…");
              badge.setAttribute("data-kdsite-building", "");
              badge.setAttribute("role", "status");
              document.documentElement.append(badge);
            } else if (!on && badge) {
              badge.remove();
              badge = null;
            }
          }

          const events = new EventSource("/__kdsite/events");
          events.addEventListener("hello", (event) => {
            const state = JSON.parse(event.data);
            if (build && state.build !== build) {
              location.reload();
              return;
            }
            showBuilding(state.building);
            if (state.failure) showFailure(state.failure); else hideFailure();
          });
          events.addEventListener("building", () => showBuilding(true));
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("failure", (event) => {
            showBuilding(false);
            showFailure(JSON.parse(event.data));
          });
        })();
        """#
}
