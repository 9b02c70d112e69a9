import Synchronization

/// Reads a large file in two parts at once, one per core. The file is cut at the start
/// of a line between two top-level statements, so each part is a sequence of whole
/// statements and the two syntax trees join into exactly the tree one parser builds.
///
/// Where such a line is cannot be known without reading the first half, so the cut is
/// a guess — the first line after the middle that opens an `område` at column 0, as
/// `ramverk formatera` writes top-level areas — checked afterwards: the first part must
/// read without a single diagnostic. Ending inside a block, a parenthesis or an
/// unfinished expression is always one, and a string or comment ends with its line. A
/// wrong guess, or a file with errors in its first half, is read again by one parser.
enum ParallelParse {
    /// Files smaller than this are read in one go (threads would cost more than they save).
    static let threshold = 4 << 20

    /// Where to cut a large file, or nil when it is small or has no candidate line.
    static func split(_ file: SourceFile) -> Int? {
        let bytes = file.bytes
        guard bytes.count >= threshold else { return nil }
        let opener = Array("\nområde ".utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = buffer.count / 2
            while index + opener.count <= buffer.count {
                if buffer[index] == 0x0A && buffer[index + 1] == opener[1] {
                    if opener.indices.allSatisfy({ buffer[index + $0] == opener[$0] }) { return index + 1 }
                }
                index += 1
            }
            return nil
        }
    }

    static func parse(_ file: SourceFile, fileIndex: Int32, at cut: Int) -> (SyntaxTree, [Diagnostic]) {
        let ranges = [0..<cut, cut..<file.bytes.count]
        let results = Mutex<[Int: (SyntaxTree, [Diagnostic])]>([:])
        // Each part counts the ':' of its own half. Every cell has one, so the first
        // part's count bounds its cells: the second part numbers its cells from there, and
        // the join moves no statement and copies no cell (the second part's cells stay an
        // array of their own, see `SyntaxTree.laterCells`).
        let colons = Mutex([0, 0])
        WorkerPool.shared.perform(2) { part in
            let count = Parser.colons(in: file, ranges[part])
            colons.withLock { $0[part] = count }
        }
        let counts = colons.withLock { $0 }
        WorkerPool.shared.perform(2) { part in
            var parser = Parser(file: file, fileIndex: fileIndex, range: ranges[part], cellCapacity: counts[part])
            if part == 1 { parser.cellBase = Int32(counts[0]) }
            let parsed = parser.parseAll()
            results.withLock { $0[part] = parsed }
        }
        let (first, firstDiagnostics) = results.withLock { $0.removeValue(forKey: 0)! }
        let (second, secondDiagnostics) = results.withLock { $0.removeValue(forKey: 1)! }
        guard firstDiagnostics.isEmpty, first.cells.count <= counts[0] else {
            // Not a clean cut, or errors before it: what one parser reads is the answer.
            return Parser.parse(file, fileIndex: fileIndex, range: nil)
        }
        return (join(first, second, secondCellBase: counts[0]), secondDiagnostics)
    }

    /// The second tree's statements after the first's, its cells (numbered from
    /// `secondCellBase`) as the later cells, its cell keys folded into the first's table.
    static func join(_ first: consuming SyntaxTree, _ second: consuming SyntaxTree, secondCellBase: Int) -> SyntaxTree {
        var tree = first
        tree.mayInclude = tree.mayInclude || second.mayInclude
        tree.postCount += second.postCount
        var keyMap: [Int32] = []
        for key in second.cellKeys {
            if let index = tree.cellKeys.firstIndex(of: key) {
                keyMap.append(Int32(index))
            } else {
                tree.cellKeys.append(key)
                keyMap.append(Int32(tree.cellKeys.count - 1))
            }
        }
        swap(&tree.laterCells, &second.cells)
        tree.laterCellsStart = Int32(secondCellBase)
        // The parts usually meet the keys in the same order: then nothing to renumber.
        if keyMap.enumerated().contains(where: { $0.offset != Int($0.element) }) {
            for index in tree.laterCells.indices {
                tree.laterCells[index].keyIndex = keyMap[Int(tree.laterCells[index].keyIndex)]
            }
        }
        tree.laterStatementsStart = tree.statements.count
        tree.statements.append(contentsOf: second.statements)
        return tree
    }
}
