import FoundationEssentials
import Primitives

/// The document information dictionary (ISO 32000-1 §14.3.3): what a viewer shows as the
/// document's properties.
public struct PDFInfo: Sendable {
    public var title: String
    public var author: String
    public var subject: String?
    /// Written as the creation and modification date, in UTC.
    public var creationDate: Date

    public init(title: String, author: String, subject: String? = nil, creationDate: Date) {
        self.title = title
        self.author = author
        self.subject = subject
        self.creationDate = creationDate
    }

    /// The dictionary: text strings as UTF-16BE with a byte order mark, in hex (§7.9.2.2), so
    /// no character needs escaping; dates as `D:YYYYMMDDHHmmSSZ` (§7.9.4), digits only.
    var dictionary: String {
        var entries = ["/Title \(Self.textString(title))", "/Author \(Self.textString(author))"]
        if let subject { entries.append("/Subject \(Self.textString(subject))") }
        entries.append("/Producer \(Self.textString("Zaplecze"))")
        let date = Self.dateString(creationDate)
        entries += ["/CreationDate (\(date))", "/ModDate (\(date))"]
        return "<< " + entries.joined(separator: " ") + " >>"
    }

    /// `<FEFF…>`: the text's UTF-16 code units, big-endian, after the byte order mark.
    static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }.hexDigits.uppercased() + ">"
    }

    /// `D:YYYYMMDDHHmmSSZ` of a date in UTC, by the proleptic Gregorian calendar.
    static func dateString(_ date: Date) -> String {
        // Years 1 to 9999: what four digits hold.
        let interval = date.timeIntervalSince1970.isFinite ? date.timeIntervalSince1970 : 0
        let seconds = Int(interval.rounded(.down).clamped(-62_135_596_800, 253_402_300_799))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let date = CivilDate(daysSince1970: Int64(days))
        let (year, month, day) = (Int(date.year), Int(date.month), Int(date.day))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "D:" + yearText + two(month) + two(day) + two(time / 3600) + two(time % 3600 / 60) + two(time % 60) + "Z"
    }
}

extension Double {
    fileprivate func clamped(_ low: Double, _ high: Double) -> Double {
        Swift.min(Swift.max(self, low), high)
    }
}
