import FoundationEssentials
import Primitives

/// The rules of the discounts inputs that decoding alone cannot check, each problem naming its
/// field. Masks are parsed by the service, which owns the mask language.
extension CampaignInput {
    /// The problems that make this campaign unusable; empty when it is fine.
    public func validate() -> [ValidationProblem] {
        var problems = DiscountsValidation.name(name)
        if !(1...Self.maximumCount).contains(count) {
            problems.append(.init(field: "count", message: "count must be 1–\(Self.maximumCount)."))
        }
        if let validFrom, let validTo, validTo < validFrom {
            problems.append(.init(field: "validTo", message: "validTo must not be before validFrom."))
        }
        problems += discount.validate()
        if let minOrderValue, !(0...OrderRules.maxAmount).contains(minOrderValue) {
            problems.append(
                .init(field: "minOrderValue", message: "minOrderValue must be 0–\(OrderRules.maxAmount) minor units."))
        }
        if let pointsPrice, pointsPrice < 1 {
            problems.append(.init(field: "pointsPrice", message: "pointsPrice must be at least 1 point."))
        }
        problems += DiscountsValidation.currency(currency)
        if let mask, mask.trimmed().isEmpty {
            problems.append(.init(field: "mask", message: "Leave the mask out for random codes, or give one."))
        }
        return problems
    }
}

extension CampaignDiscount {
    /// The problems of the discount's value for its type.
    public func validate() -> [ValidationProblem] {
        switch (type, value) {
        case (.percent, let value?) where (1...100).contains(value):
            return []
        case (.freeShipping, nil):
            return []
        case (.amount, let value?) where (1...Self.maximumAmount).contains(value):
            return []
        case (.percent, _):
            return [.init(field: "discount.value", message: "A percent discount needs value 1–100.")]
        case (.amount, _):
            return [
                .init(
                    field: "discount.value",
                    message: "An amount discount needs value 1–\(Self.maximumAmount) (minor units).")
            ]
        case (.freeShipping, _?):
            return [.init(field: "discount.value", message: "A free-shipping discount takes no value.")]
        }
    }
}

extension CampaignUpdate {
    /// The problems of the new name.
    public func validate() -> [ValidationProblem] { DiscountsValidation.name(name) }
}

extension CodeActivationRequest {
    /// Exactly one of `codes` and `all: true`, with 1–`maximumCodes` codes.
    public func validate() -> [ValidationProblem] {
        switch (codes, all ?? false) {
        case (nil, true):
            return []
        case (let codes?, false) where (1...Self.maximumCodes).contains(codes.count):
            return []
        case (_?, true):
            return [.init(field: "all", message: "Send codes or all: true, not both.")]
        case (_?, false):
            return [.init(field: "codes", message: "codes must list 1–\(Self.maximumCodes) codes.")]
        case (nil, false):
            return [.init(field: "codes", message: "Send the codes to switch, or all: true.")]
        }
    }
}

extension MaskPreviewRequest {
    /// The problems of the count (the mask is the service's to parse).
    public func validate() -> [ValidationProblem] {
        guard (1...CampaignInput.maximumCount).contains(count) else {
            return [.init(field: "count", message: "count must be 1–\(CampaignInput.maximumCount).")]
        }
        return []
    }
}

extension CodeValidationRequest {
    /// The problems of the cart's money fields.
    public func validate() -> [ValidationProblem] {
        DiscountsValidation.cart(orderValue: orderValue, shippingCost: shippingCost, currency: currency)
    }
}

extension RedemptionRequest {
    /// The problems of the cart's money fields.
    public func validate() -> [ValidationProblem] {
        DiscountsValidation.cart(orderValue: orderValue, shippingCost: shippingCost, currency: currency)
    }
}

extension AssignmentCriteria {
    /// At least one criterion, none out of range: what an assignment needs.
    public func validate() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if ordersValueFrom == nil, ordersCountFrom == nil, orderedFrom == nil, orderedTo == nil {
            problems.append(
                .init(
                    field: "ordersValueFrom",
                    message: "Give at least one of ordersValueFrom, ordersCountFrom, orderedFrom, orderedTo."))
        }
        return problems + rangeProblems()
    }

    /// The criteria given, each within its range (none at all is fine: every customer).
    public func rangeProblems() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if let value = ordersValueFrom, !(0...OrderRules.maxAmount).contains(value) {
            problems.append(
                .init(field: "ordersValueFrom", message: "ordersValueFrom must be 0–\(OrderRules.maxAmount)."))
        }
        if let count = ordersCountFrom, count < 1 {
            problems.append(.init(field: "ordersCountFrom", message: "ordersCountFrom must be at least 1."))
        }
        if let from = orderedFrom, let to = orderedTo, to < from {
            problems.append(.init(field: "orderedTo", message: "orderedTo must not be before orderedFrom."))
        }
        return problems
    }
}

/// The checks several discounts inputs share.
enum DiscountsValidation {
    static func name(_ name: String) -> [ValidationProblem] {
        if name.trimmed().isEmpty { return [.init(field: "name", message: "The name must not be empty.")] }
        if name.count > TextRules.maximumNameLength {
            return [
                .init(field: "name", message: "The name must be at most \(TextRules.maximumNameLength) characters.")
            ]
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return [.init(field: "name", message: "The name must not contain control characters.")]
        }
        return []
    }

    static func currency(_ currency: String) -> [ValidationProblem] {
        Currency.isKnown(currency)
            ? [] : [.init(field: "currency", message: "currency must be an ISO 4217 code the shop knows.")]
    }

    static func cart(orderValue: Int64, shippingCost: Int64, currency: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if !(0...OrderRules.maxAmount).contains(orderValue) {
            problems.append(
                .init(field: "orderValue", message: "orderValue must be 0–\(OrderRules.maxAmount) minor units."))
        }
        if !(0...OrderRules.maxAmount).contains(shippingCost) {
            problems.append(
                .init(field: "shippingCost", message: "shippingCost must be 0–\(OrderRules.maxAmount) minor units."))
        }
        return problems + Self.currency(currency)
    }
}

extension CampaignInput: RefusesUnknownFields {}
extension CampaignDiscount: RefusesUnknownFields {}
extension CampaignUpdate: RefusesUnknownFields {}
extension CodeActivationRequest: RefusesUnknownFields {}
extension MaskPreviewRequest: RefusesUnknownFields {}
extension CodeValidationRequest: RefusesUnknownFields {}
extension RedemptionRequest: RefusesUnknownFields {}
extension AssignmentCriteria: RefusesUnknownFields {}
extension CodePurchaseRequest: RefusesUnknownFields {}
