/// Text with position markers, as swift-format's `MarkedText`: each `‹name›` is removed and
/// its position (1-based line, 1-based UTF-8 column) recorded, so a test says where a
/// diagnostic must point by writing a marker there.
struct MarkedText {
    var text: String
    var markers: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var markers: [String: (Int, Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        while let c = rest.first {
            if c == "‹", let close = rest.firstIndex(of: "›") {
                markers[String(rest[rest.index(after: rest.startIndex)..<close])] = (line, column)
                rest = rest[rest.index(after: close)...]
                continue
            }
            text.append(c)
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += String(c).utf8.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.markers = markers
    }
}
