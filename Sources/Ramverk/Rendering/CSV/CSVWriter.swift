/// Writes CSV that Swedish Excel opens correctly on a double-click: `;` between fields
/// (the list separator of a Swedish locale, so the decimal comma needs no quoting),
/// UTF-8 with a byte-order mark (without it Excel reads the file as Windows-1252 and
/// å ä ö break), CR LF line ends and quoting per RFC 4180. Numbers are written with a
/// decimal comma, an ASCII minus and no digit grouping, which Excel reads as numbers.
/// Knows nothing of reports: `jämför` and any other table can use it.
public struct CSVWriter: Sendable {
    /// One field of a row, typed so that numbers and texts are written as each must be.
    public enum Field: Sendable, Equatable {
        /// Text; quoted when needed, and guarded against being read as a formula.
        case text(String)
        /// A scaled integer with `decimals` decimals: (−12345, 1) → "-1234,5".
        case number(scaled: Int64, decimals: Int)
        case empty
    }

    public static let separator = ";"
    public static let lineEnd = "\r\n"
    public static let byteOrderMark = "\u{FEFF}"

    public private(set) var output: String

    /// `byteOrderMark`: start the file with U+FEFF (what Excel needs to read UTF-8).
    public init(byteOrderMark: Bool = true) {
        output = byteOrderMark ? CSVWriter.byteOrderMark : ""
    }

    public mutating func row(_ fields: [Field]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output += CSVWriter.separator }
            output += CSVWriter.text(of: field)
        }
        output += CSVWriter.lineEnd
    }

    /// A header row (or any row of plain texts).
    public mutating func row(_ texts: [String]) {
        row(texts.map(Field.text))
    }

    public var bytes: [UInt8] { Array(output.utf8) }

    static func text(of field: Field) -> String {
        switch field {
        case .text(let text): quoted(guarded(text))
        case .number(let scaled, let decimals):
            SwedishNumberFormat.format(scaled: scaled, decimals: decimals, minus: .ascii, groupSeparator: "")
        case .empty: ""
        }
    }

    /// RFC 4180: a field with the separator, a quote or a line break goes in quotes, and
    /// a quote inside is doubled. Leading and trailing spaces are kept by quoting too.
    public static func quoted(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { scalar in
            scalar == ";" || scalar == "\"" || scalar == "\n" || scalar == "\r"
        } || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        var out = "\""
        for character in text {
            if character == "\"" { out += "\"" }
            out.append(character)
        }
        return out + "\""
    }

    /// A text that Excel would take for a formula (it starts with = + - @, a tab or a
    /// carriage return) gets a leading apostrophe, as OWASP advises for CSV files, so a
    /// name in a scenario can never run as a formula in the reader's Excel.
    public static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}

extension CSVWriter.Field {
    /// An amount in `unit`, exact: the unit's usual decimals, more when the amount needs
    /// them ("228600", "500,5" tkr), never rounded.
    public static func amount(_ money: Money?, unit: MoneyUnit) -> CSVWriter.Field {
        guard let money else { return .empty }
        let decimals = SwedishNumberFormat.exactDecimals([money], unit: unit)
        return .number(scaled: money.scaled(in: unit, decimals: decimals), decimals: decimals)
    }

    /// A plain number with the decimals it has (up to six): "0,68", "1,02".
    public static func ratio(_ ratio: Ratio) -> CSVWriter.Field {
        var decimals = Ratio.decimals
        var scaled = ratio.micros
        while decimals > 0 && scaled % 10 == 0 {
            scaled /= 10
            decimals -= 1
        }
        return .number(scaled: scaled, decimals: decimals)
    }

    /// A share as a number of percent, exact to the share's millionths: 0,34412 → "34,412".
    public static func percent(_ share: Ratio) -> CSVWriter.Field {
        var decimals = Ratio.decimals - 2
        var scaled = share.micros
        while decimals > 0 && scaled % 10 == 0 {
            scaled /= 10
            decimals -= 1
        }
        return .number(scaled: scaled, decimals: decimals)
    }

    public static func integer(_ value: Int) -> CSVWriter.Field {
        .number(scaled: Int64(value), decimals: 0)
    }
}
