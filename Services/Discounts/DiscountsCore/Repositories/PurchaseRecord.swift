import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// A code bought for points, as stored: see `DiscountsMigrations.purchases`.
struct PurchaseRecord: Sendable, Equatable {
    /// Where a purchase stands.
    enum State: String, Sendable {
        /// The code is reserved; loyalty has been, or is about to be, asked for the points.
        case pending
        /// The points are taken and the code is the customer's.
        case completed
        /// Loyalty refused (or gave the points back); the code is free again.
        case refused
    }

    var id: Int64
    var debitId: String
    var campaignId: Int64
    var campaignName: String
    var codeId: Int64
    var code: String
    var customerId: String
    var points: Int64
    var state: State
    /// The request fingerprint under the caller's Idempotency-Key, when one was given.
    var fingerprint: String?
    var refusal: PurchaseRefusal?
    var createdAt: Date
    var settledAt: Date?

    /// The answer of a completed purchase.
    func view() throws -> CodePurchase {
        guard let code = DiscountCode(code) else { throw UnknownStoredValue(column: "code", text: code) }
        guard let customer = CustomerId(customerId) else {
            throw UnknownStoredValue(column: "customer_id", text: customerId)
        }
        return CodePurchase(
            code: code, campaignId: campaignId, customerId: customer, pointsSpent: points,
            purchasedAt: settledAt ?? createdAt)
    }

    /// The reason for the customer's history in loyalty.
    var debitReason: String {
        let reason = "Kod rabatowy \(code) (akcja: \(campaignName))"
        return reason.count <= Self.maximumReasonLength ? reason : "Kod rabatowy \(code)"
    }

    /// Loyalty takes reasons of at most 500 characters.
    static let maximumReasonLength = 500
}

/// Why a purchase ended without the code: loyalty's refusal as it answered it, kept so that a
/// retry under the same Idempotency-Key answers the same.
struct PurchaseRefusal: HTTPResponseError, Equatable {
    let statusCode: Int
    let code: String
    let message: String
    let details: [String: ErrorDetail]

    var status: HTTPStatus { HTTPStatus(statusCode) }

    /// Loyalty's refusal, passed on unchanged.
    init(_ error: ServiceCallError) {
        statusCode = error.status.code
        code = error.code
        message = error.message
        details = error.details
    }

    init(statusCode: Int, code: String, message: String, details: [String: ErrorDetail]) {
        self.statusCode = statusCode
        self.code = code
        self.message = message
        self.details = details
    }

    /// The debit went through but its points were given back before the code was handed over
    /// (by an admin compensating it): the purchase did not happen.
    static let pointsReturned = PurchaseRefusal(
        statusCode: 409, code: "purchase_cancelled",
        message: "The points of this purchase were given back, so the code was not handed over.", details: [:])
}
