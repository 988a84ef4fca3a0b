// Control sequences: the dispatch from a name to what it builds.
extension TeXParser {
    /// Reads the command at `position` and what it takes; `nil` when it draws nothing.
    /// `single` is set when the command is the whole argument of another (`x^\alpha`).
    mutating func parseCommand(in terminator: Terminator, single: Bool = false) throws(TeXError) -> Atom? {
        let start = position
        let name = try readCommandName()
        guard let command = CommandTable.commands[name] else {
            throw error("unknown command '\\\(name)'", suggestion: Suggestion.command(for: name), at: start)
        }
        if single, command.isSwitch {
            throw error("'\\\(name)' needs braces around it here", suggestion: "{\\\(name) …}", at: start)
        }
        switch command {
        case .symbol(let symbol):
            return Atom(styled(symbol.node), symbol.kind)
        case .largeOperator(let char, let limits):
            return .largeOperator(char, limits)
        case .function(let text):
            var atom = Atom(.identifier(text), .op)
            atom.isFunction = true
            return atom
        case .limitFunction(let text):
            return Self.textOperator(text)
        case .fraction(let style):
            let numerator = try parseArgument(of: name, at: start)
            let denominator = try parseArgument(of: name, at: start)
            let fraction = MathNode(.mfrac, children: [numerator, denominator])
            return Atom(Self.styled(fraction, style), .inner)
        case .binomial(let style):
            let top = try parseArgument(of: name, at: start)
            let bottom = try parseArgument(of: name, at: start)
            let stack = MathNode(.mfrac, [.attr("linethickness", "0")], children: [top, bottom])
            let fenced = MathNode.row([
                Self.fence("(", form: "prefix"), Self.styled(stack, style), Self.fence(")", form: "postfix"),
            ])
            return Atom(fenced, .inner)
        case .sqrt:
            return Atom(try parseRoot(at: start), .ord)
        case .font(let newAlphabet):
            let saved = alphabet
            alphabet = newAlphabet
            defer { alphabet = saved }
            return Atom(try parseArgument(of: name, at: start), .ord)
        case .fontSwitch(let newAlphabet):
            let saved = alphabet
            alphabet = newAlphabet
            defer { alphabet = saved }
            return Atom(RowBuilder.node(try parseAtoms(until: terminator)), .ord)
        case .text(let className):
            let text = try readTextArgument(of: name, at: start)
            return Atom(.text(text, className.map { [.attr("class", $0)] } ?? []), .ord)
        case .accent(let char, let style):
            let base = try parseArgument(of: name, at: start)
            let mark = MathNode.op(char, [.attr("stretchy", style == .wide ? "true" : "false")])
            let attributes: [MathNode.Attribute] = style == .script ? [] : [.attr("accent", "true")]
            return Atom(MathNode(.mover, attributes, children: [base, mark]), .ord)
        case .rule(let over):
            let base = try parseArgument(of: name, at: start)
            let children = base.tag == .mrow && base.attributes.isEmpty ? base.children : [base]
            return Atom(
                MathNode(.mrow, [.attr("class", over ? "kd-overline" : "kd-underline")], children: children), .ord)
        case .underOver(let char, let over, let label):
            let base = try parseArgument(of: name, at: start)
            let mark = MathNode.op(char, [.attr("stretchy", "true")])
            let node =
                over
                ? MathNode(.mover, [.attr("accent", "true")], children: [base, mark])
                : MathNode(.munder, [.attr("accentunder", "true")], children: [base, mark])
            // TeX makes \underbrace an operator; as ord, a `+` after it stays binary.
            var atom = Atom(node, .ord)
            if label { atom.limits = .always }
            return atom
        case .stack(let over):
            let script = try parseArgument(of: name, at: start)
            var base = try parseArgumentAtom(of: name, at: start)
            base.node = MathNode(over ? .mover : .munder, children: [base.node, script])
            return base
        case .space(let node):
            return Atom(node, .space)
        case .style(let style):
            let rest = try parseAtoms(until: terminator)
            return Atom(MathNode(.mstyle, style.attributes, children: RowBuilder.nodes(rest)), .ord)
        case .left:
            return try parseLeftRight(at: start)
        case .middle:
            guard case .right = terminator else {
                throw error("'\\middle' outside '\\left' and '\\right'", at: start)
            }
            let char = try parseDelimiter(after: name, at: start)
            let bar = MathNode.op(
                char, [.attr("stretchy", "true"), .attr("lspace", "0.05em"), .attr("rspace", "0.05em")])
            return Atom(bar, .rel)
        case .right:
            throw error("'\\right' without matching '\\left'", at: start)
        case .big(let size, let kind):
            let char = try parseDelimiter(after: name, at: start)
            return Atom(Self.bigDelimiter(char, size: size, kind: kind), kind)
        case .begin:
            return try parseEnvironment(at: start)
        case .end, .newRow:
            // Rows end before these (see `parseAtoms`); reaching one here means a misplaced one.
            throw error("'\\\(name)' outside an environment", at: start)
        case .hline:
            throw error("'\\\(name)' must start a row of an environment", at: start)
        case .operatorName:
            return try parseOperatorName(at: start)
        case .limits:
            throw error("'\\\(name)' must follow an operator", at: start)
        case .tag:
            try parseTag(at: start)
            return nil
        case .ignored(let argument):
            if argument { _ = try readTextArgument(of: name, at: start) }
            return nil
        case .not:
            return try parseNegation(at: start, in: terminator)
        case .phantom(let kind):
            let body = MathNode(.mphantom, children: [try parseArgument(of: name, at: start)])
            switch kind {
            case .full: return Atom(body, .ord)
            case .horizontal:
                return Atom(MathNode(.mpadded, [.attr("height", "0"), .attr("depth", "0")], children: [body]), .ord)
            case .vertical:
                return Atom(MathNode(.mpadded, [.attr("width", "0")], children: [body]), .ord)
            }
        case .boxed:
            let body = try parseArgument(of: name, at: start)
            let box = MathNode(.mrow, [.attr("class", "kd-boxed")], children: [body])
            return Atom(box, .ord)
        case .color:
            let color = try readColor(of: name, at: start)
            let rest = try parseAtoms(until: terminator)
            return Atom(MathNode(.mstyle, [.attr("mathcolor", color)], children: RowBuilder.nodes(rest)), .ord)
        case .textColor:
            let color = try readColor(of: name, at: start)
            let body = try parseArgument(of: name, at: start)
            return Atom(MathNode(.mstyle, [.attr("mathcolor", color)], children: [body]), .ord)
        case .mathClass(let kind):
            let body = try parseArgument(of: name, at: start)
            if kind == .op, let text = Self.plainText(body) { return Self.textOperator(text) }
            var atom = Atom(body, kind)
            if kind == .op { atom.limits = .always }
            return atom
        case .mod(let kind):
            return try parseMod(kind, name: name, at: start)
        }
    }

    // MARK: - Builders shared by several commands

    /// An upright operator name whose limits move under and over in display style
    /// (`\lim`, `\max`, `\operatorname*`). The row adds TeX's thin spaces around it.
    static func textOperator(_ text: String) -> Atom {
        let node = MathNode.op(
            text,
            [
                .attr("form", "prefix"), .attr("movablelimits", "true"), .attr("lspace", "0"), .attr("rspace", "0"),
            ])
        var atom = Atom(node, .op)
        atom.limits = .movable
        atom.isTextOperator = true
        return atom
    }

    /// A fraction in the style `\dfrac` or `\tfrac` asks for.
    static func styled(_ fraction: MathNode, _ style: FractionStyle) -> MathNode {
        switch style {
        case .auto: fraction
        case .display: MathNode(.mstyle, MathStyle.display.attributes, children: [fraction])
        case .text: MathNode(.mstyle, MathStyle.text.attributes, children: [fraction])
        }
    }

    /// `\sqrt{x}` or `\sqrt[n]{x}`.
    private mutating func parseRoot(at start: Int) throws(TeXError) -> MathNode {
        skipSpace()
        var index: MathNode?
        if current == UInt8(ascii: "[") {
            let open = position
            position += 1
            let atoms = try parseAtoms(until: .bracket(open))
            position += 1
            index = RowBuilder.node(atoms)
        }
        let body = try parseArgument(of: "sqrt", at: start)
        if let index { return MathNode(.mroot, children: [body, index]) }
        let children = body.tag == .mrow && body.attributes.isEmpty ? body.children : [body]
        return MathNode(.msqrt, children: children)
    }

    /// `\operatorname{name}` (a function name) or `\operatorname*{name}` (limits under and over).
    private mutating func parseOperatorName(at start: Int) throws(TeXError) -> Atom {
        let starred = current == UInt8(ascii: "*")
        if starred { position += 1 }
        let saved = alphabet
        alphabet = .upright
        defer { alphabet = saved }
        let body = try parseArgument(of: "operatorname", at: start)
        guard let text = Self.plainText(body), !text.isEmpty else {
            var atom = Atom(body, .op)
            atom.isFunction = !starred
            if starred { atom.limits = .always }
            return atom
        }
        if starred { return Self.textOperator(text) }
        var atom = Atom(.identifier(text, upright: text.unicodeScalars.count == 1), .op)
        atom.isFunction = true
        return atom
    }

    /// The text of a node made only of tokens and spaces (`arg\,max` → "arg max"), with
    /// operators turned back into the characters typed (`−` → `-`); `nil` for anything else.
    static func plainText(_ node: MathNode) -> String? {
        switch node.tag {
        case .mi, .mn, .mtext:
            return node.text
        case .mo:
            switch node.text {
            case "\u{2212}": return "-"
            case "∗": return "*"
            default: return node.text
            }
        case .mspace:
            return "\u{2009}"
        case .mrow where node.attributes.isEmpty:
            var text = ""
            for child in node.children {
                guard let part = plainText(child) else { return nil }
                text += part
            }
            return text
        default:
            return nil
        }
    }
}
