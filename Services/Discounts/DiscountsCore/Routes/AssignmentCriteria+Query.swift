import Contract
import FoundationEssentials
import HTTP

extension AssignmentCriteria {
    /// The criteria of `recipients.csv`, read from its query (`ordersValueFrom`, `ordersCountFrom`,
    /// `orderedFrom`, `orderedTo`) and checked by the same rules as the assignment's body: a value
    /// that is not a whole number or an RFC 3339 date, or a value out of range, is a 422
    /// `validation_failed` naming the parameter; no criterion at all matches every customer.
    init(query: QueryParameters) throws(ValidationFailure) {
        var problems: [ValidationProblem] = []
        func integer(_ name: String) -> Int64? {
            guard let text = query[name] else { return nil }
            guard let value = Int64(text) else {
                problems.append(.init(field: name, message: "\(name) must be a whole number."))
                return nil
            }
            return value
        }
        func date(_ name: String) -> Date? {
            guard let text = query[name] else { return nil }
            guard let value = RFC3339.parse(text) else {
                problems.append(
                    .init(field: name, message: "\(name) must be an RFC 3339 date such as 2026-11-23T10:00:00Z."))
                return nil
            }
            return value
        }
        self.init(
            ordersValueFrom: integer("ordersValueFrom"), ordersCountFrom: integer("ordersCountFrom"),
            orderedFrom: date("orderedFrom"), orderedTo: date("orderedTo"))
        // A malformed value is the problem to report, not the range check of what it left behind.
        try ValidationFailure.check(problems.isEmpty ? rangeProblems() : problems)
    }
}
