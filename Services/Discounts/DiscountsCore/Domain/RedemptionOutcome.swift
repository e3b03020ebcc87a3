import Contract

/// What an attempt to tie a code to an order came to.
enum RedemptionOutcome: Sendable, Equatable {
    /// A new redemption.
    case created(Redemption)
    /// The order already holds a live redemption of this code: that one, unchanged.
    case repeated(Redemption)
    /// The code is single-use or assigned and another order holds it.
    case codeUsed
    /// The code cannot be used on this cart, for this reason.
    case refused(CodeEligibility.Refusal)

    /// The reason a refused attempt failed, for throttling and logs; nil for a redemption.
    var failure: String? {
        switch self {
        case .created, .repeated: nil
        case .codeUsed: "codeUsed"
        case .refused(let reason): reason.rawValue
        }
    }
}
