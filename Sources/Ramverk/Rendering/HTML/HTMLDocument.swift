/// Builds one self-contained HTML5 page: UTF-8, `lang="sv"`, the stylesheet inline
/// (with print rules for A4), charts as inline SVG, no scripts and nothing fetched —
/// a Content-Security-Policy forbids it — so the file can be mailed and opened, or
/// printed, anywhere. Knows nothing of reports: `kör`, `risk` and `jämför` all build
/// their pages with it.
public struct HTMLDocument: Sendable {
    public var title: String
    private var body = ""

    public init(title: String) {
        self.title = title
    }

    /// The page's heading block: `heading` as `h1` (the title when nil), a subtitle
    /// (who the page is about), then lines of smaller text.
    public mutating func header(_ heading: String? = nil, subtitle: String? = nil, lines: [String]) {
        body += "<header>\n<h1>\(Markup.escape(heading ?? title))</h1>\n"
        if let subtitle { body += "<p class=\"undertitel\">\(Markup.escape(subtitle))</p>\n" }
        for line in lines { body += "<p>\(Markup.escape(line))</p>\n" }
        body += "</header>\n"
    }

    /// Opens a section with a heading; close it with `endSection()`.
    public mutating func beginSection(_ heading: String, note: String? = nil, className: String? = nil) {
        body += "<section\(HTMLTable.classAttribute(className))>\n<h2>\(Markup.escape(heading))"
        if let note { body += " <small>\(Markup.escape(note))</small>" }
        body += "</h2>\n"
    }

    public mutating func endSection() {
        body += "</section>\n"
    }

    public mutating func heading(_ text: String, level: Int = 3, note: String? = nil) {
        let level = min(max(level, 2), 6)
        body += "<h\(level)>\(Markup.escape(text))"
        if let note { body += " <small>\(Markup.escape(note))</small>" }
        body += "</h\(level)>\n"
    }

    public mutating func paragraph(_ text: String, className: String? = nil) {
        body += "<p\(HTMLTable.classAttribute(className))>\(Markup.escape(text))</p>\n"
    }

    /// A list of short texts, each with an optional class (`ok`, `fel`).
    public mutating func list(_ items: [(text: String, className: String?)], className: String? = nil) {
        body += "<ul\(HTMLTable.classAttribute(className))>\n"
        for item in items { body += "<li\(HTMLTable.classAttribute(item.className))>\(Markup.escape(item.text))</li>\n" }
        body += "</ul>\n"
    }

    /// Key figures in boxes at the top of a page: a label, a figure, a note.
    public mutating func keyFigures(_ figures: [(label: String, value: String, note: String?, className: String?)]) {
        body += "<div class=\"nyckeltal\">\n"
        for figure in figures {
            body += "<div\(HTMLTable.classAttribute(["ruta", figure.className].compactMap { $0 }.joined(separator: " ")))>"
            body += "<span class=\"etikett\">\(Markup.escape(figure.label))</span>"
            body += "<span class=\"varde\">\(Markup.escape(figure.value))</span>"
            if let note = figure.note { body += "<span class=\"not\">\(Markup.escape(note))</span>" }
            body += "</div>\n"
        }
        body += "</div>\n"
    }

    public mutating func table(_ table: HTMLTable) {
        body += "<div class=\"tabell\">\n" + table.render() + "</div>\n"
    }

    /// A chart (markup made by one of the chart drawers) with its caption.
    public mutating func figure(svg: String, caption: String) {
        body += "<figure>\n\(svg)<figcaption>\(Markup.escape(caption))</figcaption>\n</figure>\n"
    }

    /// A block that is closed until the reader opens it (closed when printed).
    public mutating func beginDetails(_ summary: String) {
        body += "<details>\n<summary>\(Markup.escape(summary))</summary>\n"
    }

    public mutating func endDetails() {
        body += "</details>\n"
    }

    /// The last line of the page, in small print.
    public mutating func footer(_ text: String) {
        body += "<footer>\(Markup.escape(text))</footer>\n"
    }

    /// The whole page.
    public func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Ramverk">
        <title>\(Markup.escape(title))</title>
        <style>
        \(HTMLStyle.sheet)</style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }
}
