import Ramverk

/// What `formatera --skillnader` shows for a file: its changes in the unified form
/// `diff -u` uses, shortened to a screenful so a CI log stays readable.
enum DifferenceRenderer {
    /// Lines of changes shown per file, at most.
    static let maximumLines = 60

    static func render(path: String, old: [UInt8], new: [UInt8]) -> String {
        var text = "--- \(path)\n+++ \(path) (formaterad)\n"
        guard let hunks = LineDiff.hunks(old: old, new: new) else {
            return text + "  (för många ändringar att visa; nästan varje rad ändras)\n"
        }
        var shown = 0
        var total = 0
        for hunk in hunks {
            total += hunk.lines.count + 1
            guard shown + hunk.lines.count + 1 <= maximumLines || shown == 0 else { continue }
            text += "@@ -\(hunk.oldStart),\(hunk.oldCount) +\(hunk.newStart),\(hunk.newCount) @@\n"
            for line in hunk.lines {
                switch line {
                // A comment may hold any byte; control characters are shown, not sent.
                case .same(let content): text += " \(DiagnosticRenderer.visible(content))\n"
                case .removed(let content): text += "-\(DiagnosticRenderer.visible(content))\n"
                case .added(let content): text += "+\(DiagnosticRenderer.visible(content))\n"
                }
            }
            shown += hunk.lines.count + 1
        }
        if total > shown { text += "  (\(total - shown) rader till visas inte)\n" }
        return text
    }
}
