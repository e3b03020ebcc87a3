import Contract

extension HistoryEntry {
    /// The entry as the customer reads it in their own account: what happened to their points,
    /// the order or exchange order it concerns, and the admin's public note. The admin's name,
    /// the internal reason, the rule's name and other services' references stay in the back
    /// office.
    var customerView: HistoryEntry {
        var view = self
        view.cause = HistoryCause(
            orderNumber: cause.orderNumber, exchangeOrderId: cause.exchangeOrderId, publicNote: cause.publicNote)
        return view
    }

    /// The CSV columns of a statement: the whole cause for the back office, the customer's view
    /// for the customer.
    static func statementHeader(forCustomer: Bool) -> [String] {
        let common = [
            "id", "createdAt", "kind", "points", "pendingPoints", "balanceAfter", "pendingAfter", "expiresAt",
        ]
        return forCustomer
            ? common + ["orderNumber", "exchangeOrderId", "note"]
            : common + [
                "rule", "orderNumber", "reviewId", "exchangeOrderId", "debitId", "actor", "reason", "publicNote",
            ]
    }

    /// The entry's CSV row under `statementHeader(forCustomer:)`.
    func statementRow(forCustomer: Bool) -> [String] {
        let common = [
            String(id), RFC3339.format(createdAt), kind.rawValue, String(points), String(pendingPoints),
            String(balanceAfter), String(pendingAfter), expiresAt.map(RFC3339.format) ?? "",
        ]
        let exchangeOrder = cause.exchangeOrderId.map(String.init) ?? ""
        return forCustomer
            ? common + [cause.orderNumber ?? "", exchangeOrder, cause.publicNote ?? ""]
            : common + [
                cause.rule?.name ?? "", cause.orderNumber ?? "", cause.reviewId ?? "", exchangeOrder,
                cause.debitId ?? "", cause.actor ?? "", cause.reason ?? "", cause.publicNote ?? "",
            ]
    }
}
