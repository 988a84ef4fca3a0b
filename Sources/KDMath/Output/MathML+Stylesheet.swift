extension MathML {
    /// The CSS for the classes the converter writes, one rule a line. A page that shows its
    /// MathML needs these rules in one of its stylesheets (the shipped theme's `style.css` has
    /// them, and a test keeps the two in step); without them formulas still read, unaligned
    /// and unruled.
    ///
    /// - `kd-negspace-3|4|5`: TeX's negative spaces (−3, −4, −5 mu; 18 mu = 1em), which
    ///   MathML Core's `mspace` cannot give (it clamps a negative `width` to 0).
    /// - `kd-col-l`, `kd-col-r`: a left- or right-aligned `<mtd>` (MathML Core has no
    ///   `columnalign`). Chromium aligns MathML table cells only with the `-webkit-` values;
    ///   other browsers drop those and keep the standard value before.
    /// - `kd-rule-l|r|t|b`: an `array`'s `|` and `\hline` as cell borders (no `columnlines`,
    ///   `rowlines` in MathML Core).
    /// - `kd-aligned`, `kd-cases`, `kd-smallmatrix`: the cell spacing of those tables.
    /// - `kd-tag`, `kd-tag-side`: a `\tag`ged formula centred, its label at the right margin.
    /// - `kd-overline`, `kd-underline`, `kd-boxed`: rules and boxes as borders, which span the
    ///   base in every browser (no `menclose` in MathML Core).
    /// - `kd-text-bf|it|sf|tt`: `\textbf`, `\textit`/`\emph`, `\textsf`, `\texttt` (MathML Core's
    ///   `mathvariant` only says `normal`, and only on `<mi>`).
    public static let stylesheet = """
        math .kd-negspace-3 { margin-left: -0.1667em; }
        math .kd-negspace-4 { margin-left: -0.2222em; }
        math .kd-negspace-5 { margin-left: -0.2778em; }
        math .kd-col-l { text-align: left; text-align: -webkit-left; }
        math .kd-col-r { text-align: right; text-align: -webkit-right; }
        math .kd-rule-l { border-left: 0.06em solid; }
        math .kd-rule-r { border-right: 0.06em solid; }
        math .kd-rule-t { border-top: 0.06em solid; }
        math .kd-rule-b { border-bottom: 0.06em solid; }
        math .kd-aligned > mtr > mtd { padding-left: 0; padding-right: 0; }
        math .kd-aligned > mtr > .kd-col-r:not(:first-child) { padding-left: 1em; }
        math .kd-aligned > mtr > .kd-col-l:not(:last-child) { padding-right: 1em; }
        math .kd-cases > mtr > mtd + mtd { padding-left: 1em; }
        math .kd-smallmatrix > mtr > mtd { padding: 0.1em 0.2em; }
        math .kd-tag { width: 100%; }
        math .kd-tag > mtr > .kd-tag-side { width: 50%; }
        math .kd-overline { border-top: 0.065em solid; padding-top: 0.1em; }
        math .kd-underline { border-bottom: 0.065em solid; padding-bottom: 0.1em; }
        math .kd-boxed { border: 0.06em solid; padding: 0.2em 0.3em; }
        math .kd-text-bf { font-weight: bold; }
        math .kd-text-it { font-style: italic; }
        math .kd-text-sf { font-family: sans-serif; }
        math .kd-text-tt { font-family: monospace; }
        """
}
