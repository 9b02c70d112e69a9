import Dispatch
import Synchronization

/// Reads a large file in two parts at once, one per core. The file is cut at the start
/// of a line between two top-level statements — outside every block, parenthesis,
/// string and comment — so each part is a sequence of whole statements, and the two
/// syntax trees join into exactly the tree one parser would have built.
enum ParallelParse {
    /// Files smaller than this are read in one go (threads would cost more than they save).
    static let threshold = 4 << 20

    /// Where to cut a large file, or nil when it is small or has no clean cut (an
    /// unbalanced brace, for one: then one parser reads it and reports it as usual).
    static func split(_ file: SourceFile) -> Int? {
        let bytes = file.bytes
        guard bytes.count >= threshold else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            let middle = buffer.count / 2
            var braces = 0
            var parens = 0
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                switch byte {
                case UInt8(ascii: "#"):
                    while index < buffer.count && buffer[index] != 0x0A { index += 1 }
                    continue
                case UInt8(ascii: "\""):
                    index += 1
                    while index < buffer.count && buffer[index] != UInt8(ascii: "\"") && buffer[index] != 0x0A {
                        if buffer[index] == UInt8(ascii: "\\") { index += 1 }
                        index += 1
                    }
                    if index < buffer.count && buffer[index] == 0x0A { continue }
                case 0xE2 where index + 2 < buffer.count && buffer[index + 1] == 0x80
                    && (buffer[index + 2] == 0x9C || buffer[index + 2] == 0x9D):
                    // “…” from a word processor: up to the closing mark or the line end.
                    index += 3
                    while index < buffer.count && buffer[index] != 0x0A
                        && !(buffer[index] == 0xE2 && index + 2 < buffer.count && buffer[index + 1] == 0x80
                             && (buffer[index + 2] == 0x9C || buffer[index + 2] == 0x9D)) {
                        index += 1
                    }
                    if index < buffer.count && buffer[index] == 0xE2 { index += 2 } else { continue }
                case UInt8(ascii: "{"): braces += 1
                case UInt8(ascii: "}"):
                    braces -= 1
                    if braces < 0 { return nil }
                case UInt8(ascii: "("): parens += 1
                case UInt8(ascii: ")"): parens = max(0, parens - 1)
                case 0x0A:
                    if index + 1 >= middle && braces == 0 && parens == 0 && index + 1 < buffer.count {
                        return index + 1
                    }
                default: break
                }
                index += 1
            }
            return nil
        }
    }

    static func parse(_ file: SourceFile, fileIndex: Int32, at cut: Int) -> (SyntaxTree, [Diagnostic]) {
        let ranges = [0..<cut, cut..<file.bytes.count]
        let results = Mutex<[Int: (SyntaxTree, [Diagnostic])]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            // The first part makes room for all the file's cells, so the join appends.
            let parsed = Parser.parse(file, fileIndex: fileIndex, range: ranges[part],
                                      reserveCellsFor: part == 0 ? 0..<file.bytes.count : nil)
            results.withLock { $0[part] = parsed }
        }
        let (first, firstDiagnostics) = results.withLock { $0.removeValue(forKey: 0)! }
        let (second, secondDiagnostics) = results.withLock { $0.removeValue(forKey: 1)! }
        return (join(first, second), firstDiagnostics + secondDiagnostics)
    }

    /// The second tree's statements after the first's, its cells after the first's, its
    /// cell keys folded into the first's table.
    static func join(_ first: consuming SyntaxTree, _ second: consuming SyntaxTree) -> SyntaxTree {
        var tree = first
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
