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

    public init(commands: [String], keywords: [String] = Keyword.allCases.map(\.spelling), names: [String]) {
        self.commands = commands.sorted()
        self.keywords = keywords.sorted()
        self.names = names
    }

    /// Completes the word that ends at the end of `before` (the line up to the cursor).
    public func complete(_ before: String) -> Completion {
        let trimmed = before.drop { $0 == " " }
        if trimmed.hasPrefix(":"), !trimmed.contains(" ") {
            let word = String(trimmed)
            return Completion(word: word, candidates: commands.filter { $0.hasPrefix(word) })
        }
        let word = Completer.currentWord(before)
        if word.hasPrefix("\"") {
            let typed = word.dropFirst()
            let found = names.filter { $0.hasPrefix(typed) }.map { "\"" + $0 + "\"" }
            return Completion(word: word, candidates: Array(Set(found)).sorted())
        }
        guard !word.isEmpty else { return Completion(word: word, candidates: []) }
        var found = Set<String>()
        for keyword in keywords where keyword.hasPrefix(word) { found.insert(keyword) }
        for name in names where name.hasPrefix(word) {
            found.insert(Completer.isPlainWord(name) && !keywords.contains(name) ? name : "\"" + name + "\"")
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

    /// True when `name` can be written without quotes in an expression: one word of
    /// letters, digits and `_`, starting with a letter or `_`.
    static func isPlainWord(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
