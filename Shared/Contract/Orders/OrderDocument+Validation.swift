extension OrderDocument {
    /// Every problem of the order reported as `orderNumber`, in field order; empty when it is
    /// acceptable. Identifiers were checked when the body was decoded; the number comes from the
    /// path, so it is checked here.
    public func problems(orderNumber: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if OrderNumber(orderNumber) == nil {
            problems.append(ValidationProblem(field: "orderNumber", message: OrderNumberKind.rule))
        }
        OrderRules.text(buyer.login, "buyer.login", required: false, into: &problems)
        OrderRules.text(buyer.name, "buyer.name", required: true, into: &problems)
        OrderRules.text(buyer.street, "buyer.street", required: true, into: &problems)
        OrderRules.text(
            buyer.postcode, "buyer.postcode", required: true, max: OrderRules.maxPostcodeBytes, into: &problems)
        OrderRules.text(buyer.city, "buyer.city", required: true, into: &problems)
        OrderRules.text(buyer.email, "buyer.email", required: true, into: &problems)
        if !buyer.email.isEmpty && !buyer.email.contains("@") {
            problems.append(ValidationProblem(field: "buyer.email", message: "buyer.email must be an e-mail address."))
        }
        OrderRules.text(buyer.phone, "buyer.phone", required: true, max: OrderRules.maxPhoneBytes, into: &problems)
        OrderRules.contentProblems(
            currency: currency, lines: lines, shipping: shipping, totalNet: totalNet, totalGross: totalGross,
            refundedNet: refundedNet, refundedGross: refundedGross, into: &problems)
        return problems
    }
}

extension OrderEvent {
    /// Every problem of the event: the rules of `OrderRules` the gateway applied to the order,
    /// and the event's own fields.
    public func problems() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if !ReferenceId.isValid(eventId) {
            problems.append(ValidationProblem(field: "eventId", message: ReferenceIdKind.rule(for: "eventId")))
        }
        if sequence < 1 {
            problems.append(ValidationProblem(field: "sequence", message: "sequence must be 1 or more."))
        }
        OrderRules.contentProblems(
            currency: currency, lines: lines, shipping: shipping, totalNet: totalNet, totalGross: totalGross,
            refundedNet: refundedNet, refundedGross: refundedGross, into: &problems)
        return problems
    }
}
