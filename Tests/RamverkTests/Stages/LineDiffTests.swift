import Testing
@testable import Ramverk

/// The line diff behind `formatera --skillnader`: the shortest edits, in hunks with
/// context, as `diff -u` numbers them.
struct LineDiffTests {
    static func hunks(_ old: String, _ new: String, context: Int = 1) -> [LineDiff.Hunk]? {
        LineDiff.hunks(old: Array(old.utf8), new: Array(new.utf8), context: context)
    }

    @Test("equal texts have no hunks")
    func equal() {
        #expect(LineDiffTests.hunks("a\nb\n", "a\nb\n") == [])
    }

    @Test("one changed line, with a line of context on each side")
    func oneChange() {
        #expect(LineDiffTests.hunks("a\nb\nc\nd\n", "a\nb\nX\nd\n") == [
            LineDiff.Hunk(oldStart: 2, oldCount: 3, newStart: 2, newCount: 3,
                          lines: [.same("b"), .removed("c"), .added("X"), .same("d")]),
        ])
    }

    @Test("changes far apart make separate hunks; line numbers follow insertions and removals")
    func separateHunks() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n"
        let new = "0\n1\n2\n3\n4\n5\n6\n8\n"
        #expect(LineDiffTests.hunks(old, new) == [
            LineDiff.Hunk(oldStart: 1, oldCount: 1, newStart: 1, newCount: 2, lines: [.added("0"), .same("1")]),
            LineDiff.Hunk(oldStart: 6, oldCount: 3, newStart: 7, newCount: 2, lines: [.same("6"), .removed("7"), .same("8")]),
        ])
    }

    @Test("the shortest script: a line moved past others is one removal and one addition")
    func shortest() {
        let hunks = LineDiffTests.hunks("a\nb\nc\nd\n", "b\nc\nd\na\n", context: 0) ?? []
        let edits = hunks.flatMap(\.lines).filter { if case .same = $0 { false } else { true } }
        #expect(edits == [.removed("a"), .added("a")])
    }

    @Test("texts too different for a short diff give nil")
    func tooDifferent() {
        let old = (0..<50).map { "a\($0)" }.joined(separator: "\n")
        let new = (0..<50).map { "b\($0)" }.joined(separator: "\n")
        #expect(LineDiff.hunks(old: Array(old.utf8), new: Array(new.utf8), maximumEdits: 20) == nil)
        #expect(LineDiff.hunks(old: Array(old.utf8), new: Array(new.utf8), maximumEdits: 100) != nil)
    }
}
