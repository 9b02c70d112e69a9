/// Whose budget a report is: "Haninge kommun · Kommunstyrelsen", the line every report
/// carries under its title.
public enum ReportOwner {
    /// nil when the file names neither kommun nor nämnd. "Haninge" becomes "Haninge
    /// kommun"; a name that already ends in "kommun" is kept.
    public static func line(municipality: String?, committee: String?) -> String? {
        let kommun = municipality.map { $0.lowercased().hasSuffix("kommun") ? $0 : "\($0) kommun" }
        let parts = [kommun, committee].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
