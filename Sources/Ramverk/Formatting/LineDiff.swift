/// The lines that differ between two texts, in hunks with a little context around
/// them, as `diff -u` shows them — so `ramverk formatera --skillnader` can show what the
/// formatter changes. Myers' algorithm (the shortest edit script), after the common
/// first and last lines are set aside.
public enum LineDiff {
    public enum Line: Sendable, Equatable {
        case same(String), removed(String), added(String)
    }

    /// One stretch of changes: where it starts in each text (1-based lines), how many
    /// lines it covers in each, and the lines.
    public struct Hunk: Sendable, Equatable {
        public var oldStart: Int
        public var oldCount: Int
        public var newStart: Int
        public var newCount: Int
        public var lines: [Line]
    }

    /// The hunks, or nil when the texts differ in more than `maximumEdits` lines (then
    /// a diff would not be short, and finding it would cost time for nothing).
    public static func hunks(old: [UInt8], new: [UInt8], context: Int = 2, maximumEdits: Int = 1000) -> [Hunk]? {
        let a = lines(old)
        let b = lines(new)
        guard let script = editScript(a, b, maximumEdits: maximumEdits) else { return nil }
        return group(script, a, b, context: context)
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        var result = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if bytes.last == 0x0A { result.removeLast() }
        return result
    }

    private enum Edit { case same, removed, added }

    /// The edits that turn `a` into `b`, in order.
    private static func editScript(_ a: [String], _ b: [String], maximumEdits: Int) -> [Edit]? {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
                && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        guard let middle = myers(x, y, maximumEdits: maximumEdits) else { return nil }
        return Array(repeating: .same, count: prefix) + middle + Array(repeating: .same, count: suffix)
    }

    /// Myers' greedy algorithm: for each number of edits d, the furthest point reached
    /// on each diagonal k = x − y; the frontier of each step is kept to walk back.
    private static func myers(_ a: [String], _ b: [String], maximumEdits: Int) -> [Edit]? {
        let n = a.count, m = b.count
        let limit = min(n + m, maximumEdits)
        let offset = limit + 1
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
                    ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                frontier[offset + k] = x
                if x >= n && y >= m { return walkBack(trace, d: d, k: k, n: n, m: m, offset: offset) }
            }
        }
        return nil
    }

    private static func walkBack(_ trace: [[Int]], d: Int, k: Int, n: Int, m: Int, offset: Int) -> [Edit] {
        var edits: [Edit] = []
        var x = n, y = m, k = k
        for step in stride(from: d, to: 0, by: -1) {
            let frontier = trace[step]
            let down = k == -step || (k != step && frontier[offset + k - 1] < frontier[offset + k + 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = frontier[offset + previousK]
            let previousY = previousX - previousK
            // The snake after the edit, walked back to the edit's end point.
            while x > previousX && y > previousY {
                edits.append(.same)
                x -= 1; y -= 1
            }
            edits.append(down ? .added : .removed)
            x = previousX; y = previousY; k = previousK
        }
        while x > 0 && y > 0 { edits.append(.same); x -= 1; y -= 1 }
        return edits.reversed()
    }

    /// Changes with up to `context` unchanged lines around them; changes closer than
    /// twice that share a hunk.
    private static func group(_ script: [Edit], _ a: [String], _ b: [String], context: Int) -> [Hunk] {
        // Each edit with the line numbers (0-based) it stands at.
        var positions: [(edit: Edit, old: Int, new: Int)] = []
        var oldLine = 0, newLine = 0
        for edit in script {
            positions.append((edit, oldLine, newLine))
            if edit != .added { oldLine += 1 }
            if edit != .removed { newLine += 1 }
        }
        let changed = positions.indices.filter { positions[$0].edit != .same }
        var hunks: [Hunk] = []
        var index = 0
        while index < changed.count {
            var last = index
            while last + 1 < changed.count && changed[last + 1] - changed[last] <= 2 * context + 1 { last += 1 }
            let from = max(0, changed[index] - context)
            let to = min(positions.count - 1, changed[last] + context)
            var hunk = Hunk(oldStart: positions[from].old + 1, oldCount: 0, newStart: positions[from].new + 1,
                            newCount: 0, lines: [])
            for position in positions[from...to] {
                switch position.edit {
                case .same:
                    hunk.lines.append(.same(a[position.old]))
                    hunk.oldCount += 1
                    hunk.newCount += 1
                case .removed:
                    hunk.lines.append(.removed(a[position.old]))
                    hunk.oldCount += 1
                case .added:
                    hunk.lines.append(.added(b[position.new]))
                    hunk.newCount += 1
                }
            }
            hunks.append(hunk)
            index = last + 1
        }
        return hunks
    }
}
