@testable import Ramverk

/// Random scenarios for the property tests, from a seed (the same seed, the same text):
/// a header, year columns, named values, areas within areas with posts whose cells are
/// expressions over numbers, units, percentages and other posts, printed totals, rams,
/// expectations and conditions — each written in one of the layouts people use (spaces
/// and tabs, blank lines and comments, `*` or `×`, `-` or `−`, `<=` or `≤`, digit groups
/// or none, CR LF, a byte-order mark). Valid syntax always; the sums need not hold.
struct ScenarioGenerator {
    var random: MutationTests.SplitMix64

    init(seed: UInt64) { random = MutationTests.SplitMix64(state: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    static let words = ["Bad", "Bibliotek", "Fritidsgård", "Hemtjänst", "Skolskjuts", "Förskola", "Äldreomsorg",
                        "Kultur", "Gator och vägar", "Räddningstjänst", "Folkhälsa", "Lokaler", "Måltider"]

    // MARK: - Layout

    /// Space between tokens: usually one, sometimes more or a tab.
    mutating func gap() -> String { pick([" ", " ", " ", "  ", "\t", "   "]) }

    /// A whole number as people write it, with or without digit groups.
    mutating func digits(_ value: Int) -> String {
        let plain = String(value)
        guard value >= 1_000, chance(60) else { return plain }
        return SwedishNumberFormat.format(scaled: Int64(value), decimals: 0, minus: .ascii,
                                          groupSeparator: pick([" ", "\u{00A0}", "\u{202F}"]))
    }

    mutating func minus() -> String { pick(["-", "−", "–"]) }

    // MARK: - Expressions

    /// A number: whole, with a decimal comma, sometimes negative, sometimes with a unit.
    mutating func number() -> String {
        var text = digits(int(0...250_000))
        if chance(20) { text += "," + String(int(0...99)) }
        if chance(10) { text = minus() + text }
        if chance(10) { text += gap() + pick(["kr", "tkr", "mnkr"]) }
        return text
    }

    /// An expression over numbers, percentages and the posts written so far.
    mutating func expression(posts: [String], years: [Int], depth: Int = 0) -> String {
        switch int(0...(depth > 2 ? 1 : 7)) {
        case 0, 1: return number()
        case 2 where !posts.isEmpty: return reference(pick(posts), year: pick(years))
        case 3 where !posts.isEmpty:
            return reference(pick(posts), year: pick(years)) + gap() + pick(["×", "*"]) + gap() + digits(int(90...110)) + gap() + "%"
        case 4: return "(" + expression(posts: posts, years: years, depth: depth + 1) + ")"
        default:
            let op = pick(["+", minus(), "×", "*", "/", "÷"])
            let right = ["/", "÷"].contains(op) ? digits(int(1...12)) : expression(posts: posts, years: years, depth: depth + 1)
            return expression(posts: posts, years: years, depth: depth + 1) + gap() + op + gap() + right
        }
    }

    /// `Post.2024`, quoted when the name has a space.
    func reference(_ name: String, year: Int) -> String {
        (name.contains(" ") ? "\"\(name)\"" : name) + ".\(year)"
    }

    // MARK: - Statements

    mutating func scenario() -> String {
        var lines: [String] = []
        var posts: [String] = []
        let first = int(2021...2024)
        let years = Array(first...(first + int(0...2)))
        lines.append("kommun" + gap() + pick(["Exempel", "\"Storvik kommun\"", "Åby"]))
        if chance(50) { lines.append("nämnd" + gap() + "\"Kultur- och fritidsnämnden\"") }
        lines.append("enhet" + gap() + pick(["kr", "tkr", "mnkr"]))
        lines.append("tecken" + gap() + pick(["nettokostnad", "bokföring", "resultat"]))
        if chance(30) { lines.append("tolerans" + gap() + digits(int(0...5)) + gap() + "tkr") }
        for year in years { lines.append("kolumn" + gap() + "\(year)" + (chance(70) ? gap() + "\"Budget \(year)\"" : "")) }
        if chance(40) { lines.append("låt" + gap() + "faktor" + gap() + "=" + gap() + digits(int(95...110)) + gap() + "%") }
        for _ in 0..<int(1...3) { lines += area(depth: 0, years: years, posts: &posts) }
        for year in years where chance(50) {
            lines.append("ram" + gap() + "\(year)" + gap() + "=" + gap() + digits(int(1_000...900_000))
                         + (chance(50) ? gap() + "enligt" + gap() + "\"KF \(year - 1)-11-18 § \(int(1...200))\"" : ""))
        }
        if let last = years.last, posts.count >= 2 {
            lines.append("kontroll" + gap() + "\"rimligt\"" + gap() + reference(posts[0], year: last) + gap()
                         + pick(["<=", "≤", ">=", "≥", "<", ">", "!=", "≠"]) + gap() + reference(posts[1], year: last))
            // With its label: a quoted name first would be read as the label.
            lines.append("förvänta" + gap() + "\"enligt texten\"" + gap() + reference(posts[0], year: last) + gap() + "="
                         + gap() + number())
        }
        return layout(lines)
    }

    mutating func area(depth: Int, years: [Int], posts: inout [String]) -> [String] {
        let name = Self.words[int(0...(Self.words.count - 1))] + " \(posts.count)"
        var lines = ["område" + gap() + "\"\(name)\"" + gap() + "{"]
        if chance(15) { lines.append("enhet" + gap() + pick(["kr", "tkr"])) }
        for _ in 0..<int(1...4) {
            if depth < 2 && chance(20) {
                lines += area(depth: depth + 1, years: years, posts: &posts)
                continue
            }
            let post = Self.words[int(0...(Self.words.count - 1))] + "\(posts.count)"
            var line = "post" + gap() + (post.contains(" ") ? "\"\(post)\"" : post)
            for year in years where chance(85) {
                line += gap() + "\(year):" + gap() + expression(posts: posts, years: years)
            }
            posts.append(post)
            lines.append(line)
        }
        if chance(50), let year = years.last {
            lines.append("summa" + gap() + "\(year):" + gap() + number())
        }
        lines.append("}")
        return lines
    }

    /// Blank lines, comments, trailing spaces, CR LF and a byte-order mark, at random.
    mutating func layout(_ lines: [String]) -> String {
        var out: [String] = []
        for line in lines {
            if chance(8) { out.append("") }
            if chance(8) { out.append(pick(["# en kommentar", "  # indragen kommentar", "#"])) }
            var text = String(repeating: pick(["", "  ", "\t"]), count: int(0...2)) + line
            if chance(10) { text += "   # efter satsen" } else if chance(10) { text += "  " }
            out.append(text)
        }
        let newline = chance(20) ? "\r\n" : "\n"
        return (chance(10) ? "\u{FEFF}" : "") + out.joined(separator: newline) + (chance(90) ? newline : "")
    }
}
