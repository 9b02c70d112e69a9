/// A table for an HTML document: a header row, body rows of cells, an optional
/// caption. Cells hold plain text (escaped when rendered); classes style rows and cells
/// through the document's stylesheet (`HTMLStyle`).
public struct HTMLTable: Sendable {
    public enum Alignment: Sendable { case left, right, centre }

    public struct Cell: Sendable {
        public var text: String
        public var alignment: Alignment
        public var className: String?
        /// Indentation in steps of 1.1 em (a post under its area).
        public var indent: Int
        /// Columns the cell spans.
        public var span: Int
        /// A longer text shown on hover (a truncated name, a file location).
        public var title: String?

        public init(_ text: String, _ alignment: Alignment = .left, className: String? = nil, indent: Int = 0,
                    span: Int = 1, title: String? = nil) {
            self.text = text
            self.alignment = alignment
            self.className = className
            self.indent = indent
            self.span = span
            self.title = title
        }

        /// A figure: right-aligned, never broken over two lines.
        public static func number(_ text: String, className: String? = nil) -> Cell {
            Cell(text, .right, className: ["tal", className].compactMap { $0 }.joined(separator: " "))
        }
    }

    public struct Row: Sendable {
        public var cells: [Cell]
        public var className: String?

        public init(_ cells: [Cell], className: String? = nil) {
            self.cells = cells
            self.className = className
        }
    }

    public var caption: String?
    public var header: [Cell]
    public var rows: [Row] = []
    public var className: String?

    public init(caption: String? = nil, header: [Cell], className: String? = nil) {
        self.caption = caption
        self.header = header
        self.className = className
    }

    public mutating func add(_ cells: [Cell], className: String? = nil) {
        rows.append(Row(cells, className: className))
    }

    public func render() -> String {
        var out = "<table\(HTMLTable.classAttribute(className))>\n"
        if let caption { out += "<caption>\(Markup.escape(caption))</caption>\n" }
        if !header.isEmpty {
            out += "<thead><tr>"
            for cell in header { out += HTMLTable.render(cell, tag: "th") }
            out += "</tr></thead>\n"
        }
        out += "<tbody>\n"
        for row in rows {
            out += "<tr\(HTMLTable.classAttribute(row.className))>"
            for cell in row.cells { out += HTMLTable.render(cell, tag: "td") }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func classAttribute(_ name: String?) -> String {
        guard let name, !name.isEmpty else { return "" }
        return " class=\"\(Markup.escape(name))\""
    }

    private static func render(_ cell: Cell, tag: String) -> String {
        var classes: [String] = []
        switch cell.alignment {
        case .left: break
        case .right: classes.append("h")
        case .centre: classes.append("c")
        }
        if let name = cell.className { classes.append(name) }
        var attributes = classAttribute(classes.joined(separator: " "))
        if cell.span > 1 { attributes += " colspan=\"\(cell.span)\"" }
        if cell.indent > 0 { attributes += " style=\"padding-left:\(Markup.coordinate(0.3 + 1.1 * Double(cell.indent)))em\"" }
        if let title = cell.title { attributes += " title=\"\(Markup.escape(title))\"" }
        return "<\(tag)\(attributes)>\(Markup.escape(cell.text))</\(tag)>"
    }
}
