/// Warnings about things that are allowed but rarely meant (R0330–R0339): a named value
/// nothing reads, a reserve no decision draws on, a decision written twice, out of date
/// order, or a paragraph number with two dates. None of them stops the report.
extension Checker {
    /// R0330. A named value at the top level of a file is shown in the report's Värden
    /// section, so it is used even when no expression reads it; one inside an område
    /// appears nowhere unless an expression reads it, so unread it is a leftover or the
    /// sign of a reference that went elsewhere.
    mutating func warnAboutUnusedNamedValues() {
        for (index, named) in model.namedValues.enumerated()
        where named.area != nil && !usedNamedValues.contains(index) {
            report(.unusedNamedValue(named.name), named.span)
        }
    }

    /// R0331, a note: a reserve whose blocks hold no decision. Common early in the year,
    /// so only informational; it tells the reader the whole amount is still there. A
    /// block whose decisions all had errors is not empty: those errors say enough.
    mutating func noteUndrawnReserves() {
        var noted = Set<[Int]>()
        for reserve in model.reserves where !reservesWithDecisions.contains([reserve.post, reserve.column]) {
            guard noted.insert([reserve.post, reserve.column]).inserted else { continue }
            report(.reserveNeverDrawn(model.posts[reserve.post].name), reserve.span)
        }
    }

    /// R0334. A municipal body numbers the paragraphs of its minutes through the year,
    /// so "KS … § 45" of one year belongs to one meeting: the same organ, year and
    /// paragraph with two dates means one reference is mistyped. Each reference whose
    /// date differs from the first one written (in file order) is warned about.
    mutating func warnAboutParagraphsWithTwoDates() {
        let written = decisionReferences.sorted { ($0.span.file, $0.span.start) < ($1.span.file, $1.span.start) }
        var first: [String: (reference: String, date: String, span: SourceSpan)] = [:]
        for (reference, span) in written {
            let parts = reference.split(separator: " ")
            guard let date = Checker.decisionDate(reference) else { continue }
            let key = "\(parts[0].uppercased()) \(date.prefix(4)) § \(parts[3])"
            guard let earlier = first[key] else {
                first[key] = (reference, date, span)
                continue
            }
            if earlier.date != date {
                report(.paragraphWithTwoDates(reference, other: earlier.reference), span,
                       notes: [Diagnostic.Note(message: "\"\(earlier.reference)\" står här", span: earlier.span)])
            }
        }
    }
}

/// The decisions of one `reserv` or `justering` block in the order they are written:
/// finds a decision written twice (R0332) and one older than a decision above it (R0333).
struct DecisionsAsWritten {
    /// Reference and key (the receiver, for a reserve) → where first written.
    private var seen: [String: SourceSpan] = [:]
    /// The latest date written so far in this block, and its reference.
    private var latest: (date: String, reference: String, span: SourceSpan)?

    /// `earlier`: decisions of the same kind already counted elsewhere (another
    /// `justering` block of the same year); they count for duplicates, not for order.
    init(earlier: [(reference: String, span: SourceSpan)] = []) {
        for (reference, span) in earlier where seen["\(reference)|"] == nil { seen["\(reference)|"] = span }
    }

    mutating func add(_ reference: String, date: String, at span: SourceSpan, key: String, to checker: inout Checker) {
        let identity = "\(reference)|\(key)"
        if let first = seen[identity] {
            checker.report(.decisionCountedTwice(reference), span,
                           notes: [Diagnostic.Note(message: "först inskrivet här", span: first)])
        } else {
            seen[identity] = span
        }
        // Dates are ISO (YYYY-MM-DD), so text order is date order.
        if let latest, date < latest.date {
            checker.report(.decisionOutOfOrder(reference, after: latest.reference), span,
                           notes: [Diagnostic.Note(message: "det senare beslutet står här", span: latest.span)])
        } else if latest == nil || date > latest!.date {
            latest = (date, reference, span)
        }
    }
}
