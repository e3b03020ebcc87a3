import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// `PUT /api/v1/orders/{orderNumber}` and `GET /api/v1/orders/{orderNumber}/deliveries`.
public struct OrderRoutes: Sendable {
    let fanOut: OrderFanOut

    /// Routes over `fanOut`.
    public init(fanOut: OrderFanOut) { self.fanOut = fanOut }

    /// Validates and accepts one order version: 202 with its deliveries once committed.
    public func put(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        let orderNumber = try context.parameters.require("orderNumber", as: String.self)
        let order = try Self.decodeOrder(request)
        try OrderValidator.validate(orderNumber: orderNumber, order: order)
        let number = try OrderNumber(validating: orderNumber, field: "orderNumber")
        return try .json(try fanOut.accept(orderNumber: number, order: order), status: .accepted)
    }

    /// The order's deliveries per receiver; 404 for an order never reported.
    public func deliveries(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        let orderNumber = try context.parameters.require("orderNumber", as: String.self)
        guard let view = try fanOut.deliveries(orderNumber: orderNumber) else {
            throw HTTPError.notFound("No order \(orderNumber) has been reported.", code: "order_not_found")
        }
        return try .json(view)
    }

    /// Decodes the body. A missing field, a status outside the list or an identifier breaking its
    /// rule is valid JSON breaking a rule, so it is a 422 naming the field like every other rule;
    /// JSON that is not JSON, or a value of the wrong type, stays a 400.
    static func decodeOrder(_ request: HTTPRequest) throws -> OrderDocument {
        do {
            return try request.decode(OrderDocument.self)
        } catch let error as InvalidIdentifier {
            throw invalid(error.field, error.message)
        } catch DecodingError.keyNotFound(let key, let context) {
            let field = fieldPath(context.codingPath + [key])
            throw invalid(field, "\(field) is required.")
        } catch DecodingError.valueNotFound(_, let context) {
            let field = fieldPath(context.codingPath)
            throw invalid(field, "\(field) is required.")
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.last?.stringValue == "status" {
            throw invalid(
                fieldPath(context.codingPath),
                "status must be one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))."
            )
        }
    }

    private static func invalid(_ field: String, _ message: String) -> ValidationFailure {
        ValidationFailure(field: field, message, code: "invalid_order")
    }

    /// `buyer.name`, `lines[2].quantity`: the form the validator names fields in.
    static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        DecodingProblem.fieldPath(codingPath)
    }
}
