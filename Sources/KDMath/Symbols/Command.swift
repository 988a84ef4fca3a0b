/// What a control sequence does: the parser's dispatch table, by name without the backslash.
enum Command: Sendable {
    case symbol(Symbol)
    /// `\sum`, `\int`: a large operator and where its scripts go.
    case largeOperator(String, LimitsPlacement)
    /// `\sin`, `\log`: an upright name followed by function application, scripts beside.
    case function(String)
    /// `\lim`, `\max`: an upright name whose scripts go under and over in display style.
    case limitFunction(String)
    case fraction(FractionStyle)
    case binomial(FractionStyle)
    case sqrt
    /// `\mathbf{…}`: letters and digits of the argument in another alphabet.
    case font(Alphabet)
    /// `\bf`, `\rm`: the same, for the rest of the group.
    case fontSwitch(Alphabet)
    /// `\text{…}` and its bold, italic, sans-serif and monospace relatives: the class of the
    /// `<mtext>` (`kd-text-bf`, `kd-text-it`, `kd-text-sf`, `kd-text-tt`), `nil` for plain text.
    case text(className: String?)
    case accent(String, AccentStyle)
    /// `\overline`, `\underline`: a rule drawn by the stylesheet as a border (`kd-overline`,
    /// `kd-underline`), which spans the base in every browser.
    case rule(over: Bool)
    /// `\underline`, `\underbrace`, `\overbrace`: `label` is whether a script becomes a label.
    case underOver(String, over: Bool, label: Bool)
    /// `\overset`, `\underset`, `\stackrel`.
    case stack(over: Bool)
    /// `\,`, `\quad`: the `mspace`, built once.
    case space(MathNode)
    case style(MathStyle)
    case left, right, middle
    /// `\big(` … `\Biggr)`: a delimiter of a fixed height in ems, with a class.
    case big(Double, AtomKind)
    case begin, end
    /// `\\`: a new row inside an environment.
    case newRow
    case hline
    case operatorName
    case limits(LimitsPlacement)
    case tag
    /// `\notag`, `\nonumber`, `\label{…}`: accepted and dropped (`argument` says whether
    /// it takes one).
    case ignored(argument: Bool)
    /// `\not`: the next relation, struck through.
    case not
    case phantom(PhantomKind)
    case boxed
    case color
    case textColor
    /// `\mathop{…}`, `\mathrel{…}`: an argument treated as an atom of another class.
    case mathClass(AtomKind)
    case mod(ModKind)
}

/// How an accent sits on its base.
enum AccentStyle: Sendable {
    /// `\hat`: a fixed-size accent (`<mover accent="true">`).
    case fixed
    /// `\widehat`: an accent that stretches to the base where the font can.
    case wide
    /// `\vec`: an arrow at script size, which reads better than a full-size one.
    case script
}

extension Command {
    /// Commands that act on the rest of their group (`\displaystyle`, `\bf`, `\color`).
    var isSwitch: Bool {
        switch self {
        case .style, .fontSwitch, .color: true
        default: false
        }
    }
}

enum FractionStyle: Sendable {
    /// `\frac`: the surrounding style decides.
    case auto
    /// `\dfrac`, `\cfrac`: display style.
    case display
    /// `\tfrac`: text style.
    case text
}

/// `\displaystyle` and friends: the `displaystyle` and `scriptlevel` attributes they set.
enum MathStyle: Sendable {
    case display, text, script, scriptScript

    var attributes: [MathNode.Attribute] {
        switch self {
        case .display: [.attr("displaystyle", "true"), .attr("scriptlevel", "0")]
        case .text: [.attr("displaystyle", "false"), .attr("scriptlevel", "0")]
        case .script: [.attr("displaystyle", "false"), .attr("scriptlevel", "1")]
        case .scriptScript: [.attr("displaystyle", "false"), .attr("scriptlevel", "2")]
        }
    }
}

enum PhantomKind: Sendable {
    case full, horizontal, vertical
}

enum ModKind: Sendable {
    /// `a \bmod b`: a binary operator.
    case binary
    /// `\pmod{n}`: ` (mod n)`.
    case parenthesized
    /// `\mod{n}`: ` mod n`.
    case plain
}
