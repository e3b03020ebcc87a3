import Contract

/// What the OpenAPI document says of one route beyond the access table: its request and response
/// bodies and its query parameters. Kept in a table keyed by `PublicRoute.id`; a route without
/// an entry is documented with a generic JSON answer.
struct OperationDoc: Sendable {
    /// One query parameter.
    struct Query: Sendable {
        var name: String
        var schema: JSONValue
        var description: String

        /// A filter, text unless `schema` says otherwise.
        static func filter(_ name: String, _ description: String, _ schema: JSONValue = Schema.string) -> Query {
            Query(name: name, schema: schema, description: description)
        }
    }

    var request: JSONValue?
    var requestContentType = "application/json"
    var response: JSONValue?
    var status = 200
    /// Other success statuses with the same body (a PUT that creates answers 201, one that
    /// replaces 200).
    var alsoStatuses: [Int] = []
    var responseContentType = "application/json"
    var query: [Query] = []
    /// Takes `limit` and `cursor` and answers a page.
    var paged = false
    /// Honours `Idempotency-Key`.
    var idempotent = false

    init(
        request: JSONValue? = nil, requestContentType: String = "application/json", response: JSONValue? = nil,
        status: Int = 200, responseContentType: String = "application/json", query: [Query] = [],
        paged: Bool = false, idempotent: Bool = false
    ) {
        self.request = request
        self.requestContentType = requestContentType
        self.response = response
        self.status = status
        self.responseContentType = responseContentType
        self.query = query
        self.paged = paged
        self.idempotent = idempotent
    }

    /// A JSON body of schema `name` in and out.
    static func body(_ name: String, returns response: String? = nil, status: Int = 200, idempotent: Bool = false)
        -> OperationDoc
    {
        OperationDoc(
            request: Schema.ref(name), response: response.map(Schema.ref), status: status, idempotent: idempotent)
    }

    /// A JSON answer of schema `name`.
    static func returns(_ name: String, status: Int = 200) -> OperationDoc {
        OperationDoc(response: Schema.ref(name), status: status)
    }

    /// A page of schema `name`, with extra filters.
    static func pageOf(_ name: String, filters: [Query] = []) -> OperationDoc {
        OperationDoc(response: Schema.page(of: Schema.ref(name)), query: filters, paged: true)
    }

    /// A CSV answer.
    static var csv: OperationDoc {
        OperationDoc(response: Schema.string, responseContentType: "text/csv")
    }
}

/// The operation table: `PublicRoute.id` → its bodies.
enum OperationDocs {
    static var all: [String: OperationDoc] {
        gateway.merging(status) { first, _ in first }.merging(loyalty) { first, _ in first }
    }

    static let gateway: [String: OperationDoc] = [
        "POST /api/v1/auth/customer-tokens": .body("CustomerTokenRequest", returns: "CustomerToken", status: 201),
        "PUT /api/v1/orders/:orderNumber": .body("OrderDocument", returns: "OrderAcceptance", status: 202),
        "GET /api/v1/orders/:orderNumber/deliveries": .returns("OrderDeliveries"),
        "GET /api/v1/orders/deliveries/failed": .pageOf("DeadLetter"),
        "POST /api/v1/orders/deliveries/:eventId/retry": .returns("DeadLetter", status: 202),
        "GET /api/v1/openapi.json": OperationDoc(response: Schema.anyObject),
        "GET /health": .returns("Health"),
        "GET /ready": .returns("ReadyReport"),
        "GET /metrics": OperationDoc(response: Schema.string, responseContentType: "text/plain"),
    ]

    static var status: [String: OperationDoc] {
        var docs: [String: OperationDoc] = [:]
        for service in ["loyalty", "discounts", "helpdesk", "reviews", "personal-data"] {
            docs["GET /api/v1/\(service)/status"] = .returns("ServiceStatus")
            docs["GET /api/v1/\(service)/health"] = .returns("Health")
        }
        return docs
    }

    static let loyalty: [String: OperationDoc] = {
        let prefix = "/api/v1/loyalty"
        let docs: [String: OperationDoc] = [
            "GET /program": .returns("LoyaltyProgram"),
            "PUT /program": .body("LoyaltyProgram", returns: "LoyaltyProgram"),
            "GET /rules": .pageOf(
                "LoyaltyRule",
                filters: [
                    .filter(
                        "action", "Only rules of this action.", Schema.oneOf(LoyaltyAction.allCases.map(\.rawValue))),
                    .filter("active", "Only active (true) or inactive (false) rules.", Schema.boolean),
                ]),
            "POST /rules": .body("LoyaltyRule", returns: "LoyaltyRule", status: 201),
            "GET /rules/:id": .returns("LoyaltyRule"),
            "PUT /rules/:id": .body("LoyaltyRule", returns: "LoyaltyRule"),
            "DELETE /rules/:id": OperationDoc(status: 204),
            "GET /customers/:customerId": .returns("CustomerPoints"),
            "PUT /customers/:customerId/coefficient": .body("CoefficientUpdate", returns: "CustomerPoints"),
            "GET /customers/:customerId/history": .pageOf("HistoryEntry"),
            "GET /customers/:customerId/history.csv": .csv,
            "POST /customers/:customerId/adjustments": .body(
                "PointsAdjustmentRequest", returns: "PointsAdjustmentResult", status: 201, idempotent: true
            ),
            "POST /adjustments/bulk": OperationDoc(
                request: Schema.string, requestContentType: "text/csv", response: Schema.ref("BulkAdjustmentResult"),
                idempotent: true
            ),
            "GET /rewards": .pageOf("Reward"),
            "POST /rewards": .body("RewardInput", returns: "Reward", status: 201),
            "GET /rewards/:productId": .returns("Reward"),
            "PUT /rewards/:productId": {
                var doc = OperationDoc.body("RewardInput", returns: "Reward")
                doc.alsoStatuses = [201]
                return doc
            }(),
            "DELETE /rewards/:productId": OperationDoc(status: 204),
            "POST /customers/:customerId/exchange-orders": .body(
                "ExchangeOrderRequest", returns: "ExchangeOrder", status: 201, idempotent: true
            ),
            "GET /customers/:customerId/exchange-orders": .pageOf("ExchangeOrder"),
            "GET /exchange-orders": .pageOf(
                "ExchangeOrder",
                filters: [
                    .filter("customerId", "Only this customer's."),
                    .filter("exchanged", "Only exchanged (true) or not yet exchanged (false).", Schema.boolean),
                    .filter("status", "Only this status.", Schema.oneOf(["placed", "exchanged", "rejected"])),
                    .filter("from", "Placed at or after.", Schema.dateTime),
                    .filter("to", "Placed before.", Schema.dateTime),
                ]),
            "GET /exchange-orders/:id": .returns("ExchangeOrder"),
            "PUT /exchange-orders/:id/exchanged": .body("ExchangedUpdate", returns: "ExchangeOrder"),
            "POST /exchange-orders/:id/rejection": .body("ExchangeRejectionRequest", returns: "ExchangeOrder"),
        ]
        return Dictionary(
            uniqueKeysWithValues: docs.map { key, doc in
                let space = key.firstIndex(of: " ") ?? key.startIndex
                return (String(key[..<space]) + " " + prefix + String(key[key.index(after: space)...]), doc)
            })
    }()
}
