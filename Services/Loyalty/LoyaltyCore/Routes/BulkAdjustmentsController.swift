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
/// the row (`PointsAdjustments`). `Idempotency-Key` makes a retried upload safe.
struct BulkAdjustmentsController: Sendable {
    let dependencies: LoyaltyDependencies

    private var adjustments: PointsAdjustments { PointsAdjustments(dependencies: dependencies) }

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.bulkAdjust, writingTo: dependencies.database, clock: dependencies.clock, use: apply)
    }

    @Sendable func apply(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        if let type = request.headers["Content-Type"] {
            let media = type.split(separator: ";").first.map { $0.trimmed().lowercased() } ?? ""
            guard ["text/csv", "text/plain", "application/csv", "application/octet-stream"].contains(media) else {
                throw HTTPError(
                    .unsupportedMediaType, code: "unsupported_media_type", message: "Send the file as text/csv.")
            }
        }
        let rows = try BulkAdjustmentFile.parse(request.body)
        let actor = context.historyActor
        return RouteWrite { try .json(adjustments.apply(rows, by: actor, in: $0)) }
    }
}
