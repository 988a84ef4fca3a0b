public extension Node {
    /// The text a reader sees, without markup: text, code and TeX of the descendants, soft and
    /// hard breaks as spaces. Headings' anchors and images' alt text are made from it.
    var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    private func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let s), .code(let s): out += s
        case .math(let tex, _): out += tex
        case .softBreak, .lineBreak: out += " "
        case .codeBlock(_, let literal): out += literal
        default: for child in children { child.appendPlainText(to: &out) }
        }
    }
}
