extension DriftbudgetReport {
    /// The rows of all tables in order. A row is stored as what it shows and how deep
    /// (twelve bytes); its name and span are read from the model when asked, so a
    /// report of a million posts holds no string of its own and costs no reference
    /// counting to build or to drop.
    public struct Rows: RandomAccessCollection, Sendable {
        struct Entry: Sendable {
            /// The post, area or table (for the grand total) the figures come from.
            var source: Int32
            var depth: Int32
            var kind: Row.Kind
            /// Shown in the opposite of internal (result) sign.
            var flip: Bool
        }

        var entries: [Entry] = []
        /// The model's own arrays (shared, not copied), for names and spans.
        let posts: [Post]
        let areas: [Area]

        init(posts: [Post], areas: [Area]) {
            self.posts = posts
            self.areas = areas
        }

        public var startIndex: Int { entries.startIndex }
        public var endIndex: Int { entries.endIndex }

        public subscript(index: Int) -> Row {
            let entry = entries[index]
            return Row(kind: entry.kind, depth: Int(entry.depth), name: name(entry), span: span(entry))
        }

        func kind(at index: Int) -> Row.Kind { entries[index].kind }

        func depth(at index: Int) -> Int { Int(entries[index].depth) }

        func name(at index: Int) -> String { name(entries[index]) }

        /// The UTF-8 length of a row's name, which a string keeps with itself: reading it
        /// does not touch the name's bytes.
        func nameByteCount(at index: Int) -> Int {
            let entry = entries[index]
            let source = Int(entry.source)
            switch entry.kind {
            case .post: return posts[source].name.utf8.count
            case .area: return areas[source].name.utf8.count
            case .total:
                return areas[source].printedTotal?.label?.utf8.count
                    ?? Rows.totalPrefix.utf8.count + areas[source].name.utf8.count
            case .grandTotal: return Rows.grandTotalName.utf8.count
            }
        }

        /// Calls `body` with the UTF-8 of a row's name. A post's or an area's name is read
        /// where it lies in the model. Inlined, so that where `body` calls nothing out of
        /// the compiler's sight it takes no reference to the name either: counting
        /// references for every row was a fifth of the cost of writing a large table.
        @inline(__always)
        func withUTF8Name<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            let entry = entries[index]
            let inPlace = switch entry.kind {
            case .post: posts[Int(entry.source)].name.utf8.withContiguousStorageIfAvailable(body)
            case .area: areas[Int(entry.source)].name.utf8.withContiguousStorageIfAvailable(body)
            case .total, .grandTotal: Result?.none
            }
            if let inPlace { return inPlace }
            var name = name(entry)
            return name.withUTF8(body)
        }

        private static let totalPrefix = "Summa "
        private static let grandTotalName = "Totalt"

        private func name(_ entry: Entry) -> String {
            let source = Int(entry.source)
            switch entry.kind {
            case .post: return posts[source].name
            case .area: return areas[source].name
            // A `summa` line may name the total; otherwise it is named for its area.
            case .total: return areas[source].printedTotal?.label ?? Rows.totalPrefix + areas[source].name
            case .grandTotal: return Rows.grandTotalName
            }
        }

        /// Where the row was declared (for totals: the `summa` line, if printed).
        private func span(_ entry: Entry) -> SourceSpan? {
            let source = Int(entry.source)
            switch entry.kind {
            case .post: return posts[source].span
            case .area: return areas[source].span
            case .total: return areas[source].printedTotal?.span
            case .grandTotal: return nil
            }
        }
    }
}
