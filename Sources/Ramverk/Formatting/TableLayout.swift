/// The rows of one table — consecutive statements with cells in a block — laid out in
/// columns, as budget documents print them: the statements' heads (`post Folkhälsa`,
/// `summa "Totalt"`) padded to one width, then one column per column key, with amounts
/// right-aligned in it, and whatever follows the cells (`profil Säsong`) after them.
///
///     post Kommunstyrelsens reserv  2020:  1 000  2021: 20 500
///     post Folkhälsa                2020:    150  2021: Folkhälsa.2020 + 350
///     summa                         2020:  1 150  2021: 20 850
///
/// A row without a cell for some key leaves its column empty, so sparse tables keep
/// their shape.
enum TableLayout {
    /// Two spaces between columns, as the documents' tables in `Scenarios/` have them.
    static let gap = "  "

    private struct Cell {
        var key: String
        /// The value, when it is an amount (`−1 167`, `247,0 mnkr`, `3 %`): the number
        /// and its sign, and the unit or percent after it.
        var number: String?
        var suffix: String
        /// Any other value, as written.
        var expression: String
    }

    private struct Row {
        var head: String
        var cells: [Cell]
        var tail: String
    }

    /// The code of each row, without indentation.
    static func render(_ rows: [[FormatToken]]) -> [String] {
        let parsed = rows.map(row)
        let slots = columnOrder(parsed)
        let columnCount = slots.map(\.count) ?? (parsed.map(\.cells.count).max() ?? 0)
        // Where each row's cells go: by key when every row has its keys in one common
        // order, else side by side.
        let placed: [[Cell?]] = parsed.map { row in
            var line = [Cell?](repeating: nil, count: columnCount)
            for (index, cell) in row.cells.enumerated() {
                line[slots?[cell.key] ?? index] = cell
            }
            return line
        }
        let headWidth = parsed.map { width($0.head) }.max() ?? 0
        var columns: [(key: Int, number: Int, suffix: Int, expression: Int)] = []
        for column in 0..<columnCount {
            let cells = placed.compactMap { $0[column] }
            columns.append((key: cells.map { width($0.key) }.max() ?? 0,
                            number: cells.compactMap { $0.number.map(width) }.max() ?? 0,
                            suffix: cells.filter { $0.number != nil }.map { width($0.suffix) }.max() ?? 0,
                            expression: cells.filter { $0.number == nil }.map { width($0.expression) }.max() ?? 0))
        }
        return zip(parsed, placed).map { row, line in
            var text = pad(row.head, headWidth)
            for (column, cell) in line.enumerated() {
                let sizes = columns[column]
                let numberWidth = sizes.number + (sizes.suffix > 0 ? 1 + sizes.suffix : 0)
                let valueWidth = max(numberWidth, sizes.expression)
                let cellWidth = sizes.key + 2 + valueWidth
                text += gap
                guard let cell else {
                    text += String(repeating: " ", count: cellWidth)
                    continue
                }
                var value: String
                if let number = cell.number {
                    value = padLeft(number, sizes.number)
                    if !cell.suffix.isEmpty { value += " " + cell.suffix }
                } else {
                    value = cell.expression
                }
                text += pad(pad(cell.key + ":", sizes.key + 1) + " " + value, cellWidth)
            }
            if !row.tail.isEmpty { text += gap + row.tail }
            return trimTrailingSpaces(text)
        }
    }

    /// One row: the tokens before the first cell, the cells, the tokens after the last.
    private static func row(_ tokens: [FormatToken]) -> Row {
        guard let first = tokens.firstIndex(where: \.startsCell) else {
            return Row(head: TokenSpacing.join(tokens[...]), cells: [], tail: "")
        }
        var cells: [Cell] = []
        var index = first
        while index < tokens.count, tokens[index].startsCell {
            var end = index
            while end < tokens.count - 1 && !tokens[end].endsCell { end += 1 }
            cells.append(cell(tokens[index...end]))
            index = end + 1
        }
        return Row(head: TokenSpacing.join(tokens[..<first]), cells: cells,
                   tail: TokenSpacing.join(tokens[index...]))
    }

    /// `key: value`; the value is an amount when it is a number, with a sign before it
    /// and a unit or percent after it at most.
    private static func cell(_ tokens: ArraySlice<FormatToken>) -> Cell {
        let key = tokens[tokens.startIndex].text
        let value = Array(tokens.dropFirst(2))
        var cell = Cell(key: key, number: nil, suffix: "", expression: TokenSpacing.join(value[...]))
        var numberEnd = 0
        if numberEnd < value.count, value[numberEnd].role == .prefixOperator { numberEnd += 1 }
        guard numberEnd < value.count, value[numberEnd].role == .amount else { return cell }
        numberEnd += 1
        let rest = value[numberEnd...]
        let isSuffix = rest.isEmpty
            || (rest.count == 1 && (rest.first!.kind == .percent || rest.first!.keyword?.unit != nil
                                   || rest.first!.keyword == .procent))
        guard isSuffix else { return cell }
        cell.number = TokenSpacing.join(value[..<numberEnd])
        cell.suffix = TokenSpacing.join(rest)
        return cell
    }

    /// One order of the column keys that every row's keys follow, each key's column
    /// by index; nil when there is none (a key twice on a row, or rows in different
    /// orders). A key first seen on a later row goes before the next key of that row
    /// that is already placed, so `BudgetTom: … Inv2021: …` under `Inv2021: …` puts
    /// BudgetTom first.
    private static func columnOrder(_ rows: [Row]) -> [String: Int]? {
        var order: [String] = []
        for row in rows {
            let keys = row.cells.map(\.key)
            guard Set(keys).count == keys.count else { return nil }
            for (index, key) in keys.enumerated() where !order.contains(key) {
                if let next = keys[(index + 1)...].first(where: order.contains), let at = order.firstIndex(of: next) {
                    order.insert(key, at: at)
                } else {
                    order.append(key)
                }
            }
        }
        let slots = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        for row in rows {
            let positions = row.cells.map { slots[$0.key]! }
            if positions != positions.sorted() { return nil }
        }
        return slots
    }

    // MARK: - Text

    static func width(_ text: String) -> Int { TextTable.width(text) }

    static func pad(_ text: String, _ width: Int) -> String {
        TextTable.pad(text, to: width, .left)
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        TextTable.pad(text, to: width, .right)
    }

    static func trimTrailingSpaces(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
