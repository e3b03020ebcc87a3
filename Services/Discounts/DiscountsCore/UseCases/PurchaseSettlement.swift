import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// What loyalty's answer to a purchase's debit means for the purchase: pure, so that the
/// request and the recovery job decide the same way.
enum PurchaseSettlement {
    /// The points are taken: hand the code over.
    case complete
    /// No points are (or remain) taken: free the code and keep the refusal.
    case release(PurchaseRefusal)
    /// Loyalty's answer is unknown (unreachable, timed out, failed): leave the purchase pending
    /// for the next attempt under the same debit id.
    case leavePending(HTTPError)

    /// The settlement for the outcome of `LoyaltyClient.debit`.
    static func of(_ outcome: Result<PointDebit, any Error>) -> PurchaseSettlement {
        switch outcome {
        case .success(let debit):
            return debit.compensatedAt == nil ? .complete : .release(.pointsReturned)
        case .failure(let error as ServiceCallError) where (400..<500).contains(error.status.code):
            // A refusal records nothing at loyalty (the debit id stays unused), so releasing the
            // code leaves neither side changed.
            return .release(PurchaseRefusal(error))
        case .failure(let error as HTTPError):
            return .leavePending(error)
        case .failure(let error):
            return .leavePending(
                HTTPError.unavailable("The loyalty service failed (\(Self.summary(error))); the purchase is pending."))
        }
    }

    private static func summary(_ error: any Error) -> String {
        (error as? ServiceCallError).map { "\($0.status.code) \($0.code)" } ?? "no valid answer"
    }
}
