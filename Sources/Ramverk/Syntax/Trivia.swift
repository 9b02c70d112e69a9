/// Every token of a file with the comments between them: what the parser never sees,
/// read for the formatter. The lexer is not changed for it — it still skips comments —
/// so the normal parse pays nothing: the comments are found again in the bytes between
/// two tokens, where nothing but spaces and a comment can stand in a file without
/// lexical errors.
struct TokensWithTrivia {
    /// The tokens in file order, line ends included, ending with the end of the file.
    var tokens: [Token] = []
    /// The comment before a token (`#` to its last visible byte), by the token's index.
    /// A comment runs to the end of its line, so the token after it is always a line
    /// end or the end of the file.
    var comments: [Int: Range<Int>] = [:]

    init(file: SourceFile) {
        var lexer = Lexer(file: file, fileIndex: 0)
        let bytes = file.bytes
        var gapStart = 0
        while true {
            let token = lexer.next()
            if let comment = TokensWithTrivia.comment(in: bytes, gapStart..<Int(token.start)) {
                comments[tokens.count] = comment
            }
            tokens.append(token)
            if token.kind == .endOfFile { break }
            gapStart = Int(token.end)
        }
    }

    /// The comment in the bytes between two tokens, without the spaces (and the CR of a
    /// CR LF line end) after it.
    static func comment(in bytes: SourceBytes, _ gap: Range<Int>) -> Range<Int>? {
        guard let hash = bytes[gap].firstIndex(of: UInt8(ascii: "#")) else { return nil }
        var end = gap.upperBound
        while end > hash, [0x20, 0x09, 0x0D, 0x0C].contains(bytes[end - 1]) { end -= 1 }
        return hash..<end
    }
}
