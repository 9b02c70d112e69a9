import Ramverk

/// Tab completion: what the word before the cursor can become. Commands at the start of
/// a line; otherwise keywords and every name of the model. A name that is not a single
/// plain word (it has spaces, punctuation or is a keyword) is completed in quotes, and a
/// quote already typed starts a name with spaces.
public struct Completer: Sendable {
    /// What to put in place of the word before the cursor.
    public struct Completion: Equatable, Sendable {
        /// The word being completed, as typed (`"Kommunst`, `Folk`, `:fö`).
        public var word: String
        /// Full replacements for it, sorted; one means the completion is certain.
        public var candidates: [String]

        /// The longest start every candidate shares (what Tab can fill in when there are
        /// several).
        public var commonPrefix: String {
            guard var prefix = candidates.first else { return word }
            for candidate in candidates.dropFirst() {
                while !candidate.hasPrefix(prefix) { prefix.removeLast() }
            }
            return prefix
        }
    }

    public var commands: [String]
    public var keywords: [String]
    public var names: [String]
    /// What may follow `NAME.` (the names in an area called NAME, and the column keys),
    /// or nil when NAME is nothing with parts: then every name is offered, as before a dot.
    public var parts: @Sendable (String) -> [String]?

    public init(commands: [String], keywords: [String] = Keyword.allCases.map(\.spelling), names: [String],
                parts: @escaping @Sendable (String) -> [String]? = { _ in nil }) {
        self.commands = commands.sorted()
        self.keywords = keywords.sorted()
        self.names = names
        self.parts = parts
    }

    /// Completes the word that ends at the end of `before` (the line up to the cursor).
    public func complete(_ before: String) -> Completion {
        let trimmed = before.drop { $0 == " " }
        if trimmed.hasPrefix(":"), !trimmed.contains(" ") {
            let word = String(trimmed)
            return Completion(word: word, candidates: commands.filter { $0.hasPrefix(word) })
        }
        let word = Completer.currentWord(before)
        // After `Område.` only what is in that area (or a column) can follow.
        let scoped = Completer.owner(before.dropLast(word.count)).flatMap(parts)
        if word.hasPrefix("\"") {
            let typed = word.dropFirst()
            let found = (scoped ?? names).filter { $0.hasPrefix(typed) }.map { "\"" + $0 + "\"" }
            return Completion(word: word, candidates: Array(Set(found)).sorted())
        }
        guard !word.isEmpty || scoped != nil else { return Completion(word: word, candidates: []) }
        var found = Set<String>()
        for keyword in keywords where keyword.hasPrefix(word) && scoped == nil { found.insert(keyword) }
        for name in scoped ?? names where name.hasPrefix(word) {
            // A year is a column key, written as it is (`Folkhälsa.2021`).
            let plain = (Completer.isPlainWord(name) && !keywords.contains(name)) || (!name.isEmpty && name.allSatisfy { ("0"..."9").contains($0) })
            found.insert(plain ? name : "\"" + name + "\"")
        }
        return Completion(word: word, candidates: found.sorted())
    }

    /// The word before the cursor: from an unmatched quote, else the letters, digits and
    /// `_` that end the text (a reference `Område.Fol` completes its last part).
    static func currentWord(_ before: String) -> String {
        let quotes = before.filter { $0 == "\"" }.count
        if quotes % 2 == 1, let quote = before.lastIndex(of: "\"") {
            return String(before[quote...])
        }
        var start = before.endIndex
        while start > before.startIndex {
            let previous = before.index(before: start)
            let character = before[previous]
            guard character.isLetter || character.isNumber || character == "_" else { break }
            start = previous
        }
        return String(before[start...])
    }

    /// The name before a dot that ends `text` (`Område.` or `"Kommunstyrelsens reserv".`),
    /// as a name, or nil when `text` does not end in one.
    static func owner(_ text: Substring) -> String? {
        guard text.last == "." else { return nil }
        let name = text.dropLast()
        if name.last == "\"" {
            let inside = name.dropLast()
            guard let open = inside.lastIndex(of: "\"") else { return nil }
            return String(inside[inside.index(after: open)...])
        }
        let word = Completer.currentWord(String(name))
        return word.isEmpty || word.hasPrefix("\"") ? nil : word
    }

    /// True when `name` can be written without quotes in an expression: one word of
    /// letters, digits and `_`, starting with a letter or `_`.
    static func isPlainWord(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
