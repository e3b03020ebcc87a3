import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// `POST /v1/adjustments/bulk`: many manual adjustments from one CSV file (`text/csv`, columns
/// `customerId,points,reason`, header row optional), applied all or nothing in one transaction;
/// at most `BulkAdjustmentFile.maximumRows` rows, so that the transaction holds up the service's
/// other writes for a fraction of a second at most (422 `too_many_rows` beyond).
///
/// A bad row anywhere refuses the whole file with 422 listing every bad row; a subtraction that
/// would take a balance below zero (counting the file's earlier rows) refuses it with 409 naming
/// the row. `Idempotency-Key` makes a retried upload safe.
struct BulkAdjustmentsController: Sendable {
    let dependencies: LoyaltyDependencies

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.bulkAdjust, use: apply)
    }

    @Sendable func apply(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        if let type = request.headers["Content-Type"] {
            let media = type.split(separator: ";").first.map { $0.trimmed().lowercased() } ?? ""
            guard ["text/csv", "text/plain", "application/csv", "application/octet-stream"].contains(media) else {
                throw HTTPError(
                    .unsupportedMediaType, code: "unsupported_media_type", message: "Send the file as text/csv.")
            }
        }
        let rows = try BulkAdjustmentFile.parse(request.body)
        let now = dependencies.now()
        let actor = context.historyActor
        return try Idempotency.perform(request, context: context, database: dependencies.database) { connection in
            let program = try ProgramRepository.load(connection)
            let ledger = Ledger(connection: connection, now: now, expiryMonths: program.expiryMonths)
            var added: Int64 = 0
            var removed: Int64 = 0
            var customers = Set<String>()
            for row in rows {
                let cause = HistoryCause(actor: actor, reason: row.reason)
                customers.insert(row.customerId)
                if row.points > 0 {
                    try ledger.credit(row.customerId, points: row.points, kind: .adjustment, cause: cause)
                    added = try Ledger.add(added, row.points)
                } else {
                    do {
                        _ = try ledger.debit(
                            row.customerId, points: -row.points, kind: .adjustment, cause: cause, shortfall: .refuse)
                    } catch var shortfall as InsufficientPoints {
                        shortfall.row = row.row
                        shortfall.customerId = row.customerId
                        throw shortfall
                    }
                    removed = try Ledger.add(removed, -row.points)
                }
            }
            let result = BulkAdjustmentResult(
                rows: rows.count, customers: customers.count, pointsAdded: added, pointsRemoved: removed)
            return try .json(result)
        }
    }
}
