import KDMath

/// KDMath behind the math seam: TeX → MathML Core, no JavaScript. A TeX mistake becomes a
/// `MathRenderError` at the offending character.
public struct MathMLRenderer: MathRendering {
    public init() {}

    public func render(tex: String, display: Bool) throws -> String {
        do {
            return try MathML.render(tex, display: display)
        } catch {
            let hint = error.suggestion.map { "; did you mean '\($0)'?" } ?? ""
            throw MathRenderError(message: error.message + hint, line: error.line, column: error.column)
        }
    }
}
