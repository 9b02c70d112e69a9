/// Writes the lines of a file: blank lines tidied, tables and labelled items aligned,
/// trailing comments lined up, two spaces of indentation per block level, a line feed
/// after every line.
struct LineWriter {
    static let indentation = 2
    /// Spaces before a comment at the end of a line (the least; more when aligned).
    static let commentGap = 2

    let source: SourceFile

    func write(_ lines: [FormatLine]) -> [UInt8] {
        let lines = LineWriter.tidyBlankLines(lines)
        var code = [String?](repeating: nil, count: lines.count)
        var group = [Int?](repeating: nil, count: lines.count)
        var groups = 0
        for run in LineWriter.runs(lines, where: \.isTableRow) {
            for (index, text) in zip(run, TableLayout.render(run.map { lines[$0].tokens })) {
                code[index] = text
                group[index] = groups
            }
            groups += 1
        }
        for run in LineWriter.runs(lines, where: isAlignedLabel) where run.count >= 2 {
            let prefixes = run.map { TokenSpacing.join(lines[$0].tokens[..<2]) }
            let width = prefixes.map(TableLayout.width).max() ?? 0
            for (index, prefix) in zip(run, prefixes) {
                code[index] = TableLayout.pad(prefix, width) + TableLayout.gap + TokenSpacing.join(lines[index].tokens[2...])
                group[index] = groups
            }
            groups += 1
        }
        for index in lines.indices where lines[index].isCode && code[index] == nil {
            code[index] = TokenSpacing.join(lines[index].tokens[...])
        }
        let columns = commentColumns(lines, code, group)
        var out: [UInt8] = []
        out.reserveCapacity(source.bytes.count + source.bytes.count / 4)
        for (index, line) in lines.enumerated() {
            var text = ""
            switch line.kind {
            case .blank:
                break
            case .comment:
                text = String(repeating: " ", count: line.depth * LineWriter.indentation) + (line.comment ?? "")
            case .code:
                text = String(repeating: " ", count: line.depth * LineWriter.indentation) + (code[index] ?? "")
                if let comment = line.comment {
                    let column = columns[index] ?? TableLayout.width(text) + LineWriter.commentGap
                    text = TableLayout.pad(text, column) + comment
                }
            }
            out.append(contentsOf: TableLayout.trimTrailingSpaces(text).utf8)
            out.append(0x0A)
        }
        return out
    }

    /// A line whose keyword and quoted text (`förändring "Kommunstyrelsens reserv"`)
    /// the author set apart from the rest with more than one space: the rest is put in a
    /// column with that of the lines around it that are written so too. Only where the
    /// author aligned, so lists of long texts (`förvänta "…" …`) stay compact.
    private func isAlignedLabel(_ line: FormatLine) -> Bool {
        guard line.isCode, !line.spansLines, !line.isTableRow, line.tokens.count >= 3,
              line.tokens[0].kind == .keyword, line.tokens[1].kind == .string else { return false }
        let gap = source.text(Int(line.tokens[1].end)..<Int(line.tokens[2].start))
        return TableLayout.width(gap) >= 2
    }

    /// Where the comment at the end of each code line starts: lined up across an
    /// aligned group, and across consecutive other lines that all end in a comment;
    /// two spaces after the code otherwise.
    private func commentColumns(_ lines: [FormatLine], _ code: [String?], _ group: [Int?]) -> [Int: Int] {
        func width(_ index: Int) -> Int {
            lines[index].depth * LineWriter.indentation + TableLayout.width(code[index] ?? "")
        }
        var columns: [Int: Int] = [:]
        var groupWidths: [Int: Int] = [:]
        for index in lines.indices {
            if let g = group[index] { groupWidths[g] = max(groupWidths[g] ?? 0, width(index)) }
        }
        for index in lines.indices {
            if let g = group[index] { columns[index] = groupWidths[g]! + LineWriter.commentGap }
        }
        // Braces end a run: a comment on `område A {` or `}` is not one of a list.
        let commented = { (line: FormatLine) in
            line.isCode && line.comment != nil && !line.opensBlock && !line.closesBlock
        }
        for run in LineWriter.runs(lines, where: commented, throughComments: false) {
            let loose = run.filter { group[$0] == nil }
            let column = (loose.map(width).max() ?? 0) + LineWriter.commentGap
            for index in loose { columns[index] = column }
        }
        return columns
    }

    /// Runs of consecutive lines at one depth that satisfy `member`. Own-line comments
    /// between them do not end a run (a comment may stand inside a table); blank lines
    /// and other statements do.
    static func runs(_ lines: [FormatLine], where member: (FormatLine) -> Bool,
                     throughComments: Bool = true) -> [[Int]] {
        var result: [[Int]] = []
        var index = 0
        while index < lines.count {
            guard member(lines[index]) else {
                index += 1
                continue
            }
            var run = [index]
            var next = index + 1
            while next < lines.count, lines[next].depth == lines[index].depth {
                if member(lines[next]) {
                    run.append(next)
                } else if !(throughComments && lines[next].kind == .comment) {
                    break
                }
                next += 1
            }
            result.append(run)
            index = run[run.count - 1] + 1
        }
        return result
    }

    /// At most one blank line in a row, none at the start or end of the file, none just
    /// inside a block's braces.
    static func tidyBlankLines(_ lines: [FormatLine]) -> [FormatLine] {
        var result: [FormatLine] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            if line.kind == .blank {
                guard let last = result.last, last.kind != .blank, !last.opensBlock else { continue }
            } else if line.closesBlock, result.last?.kind == .blank {
                result.removeLast()
            }
            result.append(line)
        }
        if result.last?.kind == .blank { result.removeLast() }
        return result
    }
}
