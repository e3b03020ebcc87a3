/// A moment as people in the shop's countries read it, in UTC: "31.05.2026 23:59".
extension CivilDate {
    /// `secondsSince1970` (UTC) as day.month.year hour:minute, each two digits but the year.
    public static func dayAndMinute(secondsSince1970 seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let minuteOfDay = (seconds - days * 86_400) / 60
        let date = CivilDate(daysSince1970: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(date.day)).\(two(date.month)).\(date.year) \(two(minuteOfDay / 60)):\(two(minuteOfDay % 60))"
    }
}
