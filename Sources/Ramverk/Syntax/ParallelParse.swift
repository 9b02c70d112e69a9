import Dispatch
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
        // The first part makes room for all the file's cells, so the join appends without
        // a copy; each part counts the ':' of its own half (two rounds: a part waiting for
        // the other's count could wait for ever where both run on one thread).
        let colons = Mutex([0, 0])
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let count = Parser.colons(in: file, ranges[part])
            colons.withLock { $0[part] = count }
        }
        let capacities = colons.withLock { [$0[0] + $0[1], $0[1]] }
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let parsed = Parser.parse(file, fileIndex: fileIndex, range: ranges[part], cellCapacity: capacities[part])
            results.withLock { $0[part] = parsed }
        }
        let (first, firstDiagnostics) = results.withLock { $0.removeValue(forKey: 0)! }
        let (second, secondDiagnostics) = results.withLock { $0.removeValue(forKey: 1)! }
        guard firstDiagnostics.isEmpty else {
            // Not a clean cut, or errors before it: what one parser reads is the answer.
            return Parser.parse(file, fileIndex: fileIndex, range: nil)
        }
        return (join(first, second), secondDiagnostics)
    }

    /// The second tree's statements after the first's, its cells after the first's, its
    /// cell keys folded into the first's table.
    static func join(_ first: consuming SyntaxTree, _ second: consuming SyntaxTree) -> SyntaxTree {
        var tree = first
        tree.mayInclude = tree.mayInclude || second.mayInclude
        var keyMap: [Int32] = []
        for key in second.cellKeys {
            if let index = tree.cellKeys.firstIndex(of: key) {
                keyMap.append(Int32(index))
            } else {
                tree.cellKeys.append(key)
                keyMap.append(Int32(tree.cellKeys.count - 1))
            }
        }
        let offset = Int32(tree.cells.count)
        // The first part reserved room for every cell of the file: no reallocation here.
        var cells: [Cell] = []
        swap(&cells, &second.cells)
        for index in cells.indices { cells[index].keyIndex = keyMap[Int(cells[index].keyIndex)] }
        tree.cells.append(contentsOf: cells)
        cells = []
        var statements: [Statement] = []
        swap(&statements, &second.statements)
        for index in statements.indices { rebase(&statements[index], by: offset) }
        tree.statements.append(contentsOf: statements)
        return tree
    }

    /// Moves a statement's cell ranges past the first part's cells, in place.
    private static func rebase(_ statement: inout Statement, by offset: Int32) {
        switch statement {
        case .post(var post):
            post.cells.start += offset
            statement = .post(post)
        case .total(var total):
            total.cells.start += offset
            statement = .total(total)
        case .area(var area):
            var body: [Statement] = []
            swap(&body, &area.body)
            statement = .unit(.tkr, span: area.span)  // release the old payload's hold on the body
            for index in body.indices { rebase(&body[index], by: offset) }
            area.body = body
            statement = .area(area)
        default:
            break
        }
    }
}
