import Foundation
import KDMarkdown

/// The Distillation Map as inline SVG: a box per lesson (its number and map label, a link to
/// the lesson) and a curve per requirement. Each box carries the page-contract hooks
/// `data-map-node=SLUG` and `data-state`: `unlocked` for lessons that require nothing,
/// `locked` for the rest; the reader script (`progress.js`) moves them on as quizzes are
/// passed, from `data-requires` (the required slugs) and `data-quizzes` (the lesson's quiz
/// ids), both space-separated.
struct MapSVG {
    enum Orientation {
        /// Layers top to bottom (narrow columns: the home page's card).
        case vertical
        /// Layers left to right (the map page).
        case horizontal
    }

    let graph: LessonGraph
    let orientation: Orientation
    /// Each lesson's quiz ids, by slug.
    var quizIDs: [String: [String]] = [:]

    var metrics: MapLayout.Metrics {
        switch orientation {
        case .vertical: MapLayout.Metrics(boxBreadth: 150, boxDepth: 44, gapBreadth: 16, gapDepth: 26)
        case .horizontal: MapLayout.Metrics(boxBreadth: 52, boxDepth: 150, gapBreadth: 26, gapDepth: 40)
        }
    }

    /// Labels longer than this may not fit in their box.
    static let labelLimit = 18

    /// The SVG; `href` gives each lesson's link relative to the page it is drawn on.
    func render(href: (Lesson) -> String) -> String {
        let layout = MapLayout(graph, metrics: metrics)
        let m = metrics
        let margin = 4.0
        let (width, height) = point(layout.breadthExtent + 2 * margin, layout.depthExtent + 2 * margin)
        var svg =
            "<svg class=\"kd-map \(orientation == .vertical ? "vertical" : "horizontal")\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        svg +=
            " width=\"\(n(width))\" height=\"\(n(height))\" aria-label=\"Distillation Map: lessons and the lessons they build on\">\n"
        svg += "<g transform=\"translate(\(n(margin)) \(n(margin)))\">\n"
        for edge in layout.edges {
            svg += "<path class=\"edge\" d=\"\(path(edge, metrics: m))\"/>\n"
        }
        for box in layout.boxes {
            let lesson = graph.lessons[box.lesson]
            let state = graph.requirements(of: box.lesson).isEmpty ? "unlocked" : "locked"
            let (bw, bh) = point(m.boxBreadth, m.boxDepth)
            let (cx, cy) = point(box.breadth, box.depth)
            let x = cx - bw / 2, y = cy - bh / 2
            let number = String(format: "%02d", box.lesson + 1)
            let requires = graph.requirements(of: box.lesson).map { graph.lessons[$0].slug }.joined(separator: " ")
            let quizzes = (quizIDs[lesson.slug] ?? []).joined(separator: " ")
            svg += "<g class=\"node\" data-map-node=\"\(escapeHTML(lesson.slug))\" data-state=\"\(state)\""
            svg += " data-requires=\"\(escapeHTML(requires))\" data-quizzes=\"\(escapeHTML(quizzes))\">"
            svg += "<a href=\"\(escapeHTML(href(lesson)))\"><title>\(escapeHTML(lesson.title.value))</title>"
            svg += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(bw))\" height=\"\(n(bh))\" rx=\"9\"/>"
            if orientation == .vertical {
                svg += "<text class=\"num\" x=\"\(n(x + 12))\" y=\"\(n(cy + 4.5))\">\(number)</text>"
                svg += "<text x=\"\(n(x + 38))\" y=\"\(n(cy + 5))\">\(escapeHTML(lesson.mapLabel))</text>"
            } else {
                svg += "<text class=\"num\" x=\"\(n(cx))\" y=\"\(n(y + 19))\" text-anchor=\"middle\">\(number)</text>"
                svg +=
                    "<text x=\"\(n(cx))\" y=\"\(n(y + 38))\" text-anchor=\"middle\">\(escapeHTML(lesson.mapLabel))</text>"
            }
            svg += "</a></g>\n"
        }
        return svg + "</g>\n</svg>"
    }

    /// Abstract (breadth, depth) → (x, y).
    private func point(_ breadth: Double, _ depth: Double) -> (Double, Double) {
        orientation == .vertical ? (breadth, depth) : (depth, breadth)
    }

    /// From the bottom (or right) edge of the required box through the lane points to the top
    /// (or left) edge of the dependent box, as cubic curves with tangents along the depth axis.
    private func path(_ edge: MapLayout.Edge, metrics m: MapLayout.Metrics) -> String {
        var points = edge.points
        guard points.count >= 2 else { return "" }
        points[0].depth += m.boxDepth / 2
        points[points.count - 1].depth -= m.boxDepth / 2
        let start = point(points[0].breadth, points[0].depth)
        var d = "M\(n(start.0)) \(n(start.1))"
        for (a, b) in zip(points, points.dropFirst()) {
            let middle = (a.depth + b.depth) / 2
            let c1 = point(a.breadth, middle), c2 = point(b.breadth, middle), end = point(b.breadth, b.depth)
            d += " C\(n(c1.0)) \(n(c1.1)) \(n(c2.0)) \(n(c2.1)) \(n(end.0)) \(n(end.1))"
        }
        return d
    }

    /// A coordinate with at most one decimal, the same text on every run.
    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
