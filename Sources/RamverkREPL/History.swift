/// The history of lines typed, kept across sessions in one file: one line per entry,
/// the newest last, at most `limit` entries. Each line typed is added to the file as it
/// is now (so two sessions at once both keep theirs), and the file is written whole and
/// atomically by the shell.
public enum History {
    /// Entries kept, at most.
    public static let limit = 1_000

    /// `$XDG_STATE_HOME/ramverk/historik` when XDG_STATE_HOME is set, else
    /// `~/.ramverk_history`; nil without a home folder.
    public static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/ramverk/historik"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home.hasSuffix("/") ? home : home + "/") + ".ramverk_history"
    }

    /// The entries of a history file's bytes.
    public static func entries(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty }
    }

    /// The file with `line` added: the same line twice in a row is kept once, and the
    /// oldest entries go when there are more than `limit`.
    public static func adding(_ line: String, to bytes: [UInt8]) -> [UInt8] {
        var all = entries(bytes)
        if all.last != line { all.append(line) }
        return Array(all.suffix(limit).joined(separator: "\n").utf8) + [0x0A]
    }
}
