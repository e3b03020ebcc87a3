import Contract
import FoundationEssentials
import Glibc
import HTTP
import Primitives
import Store

/// `Idempotency-Key` for requests that move points, codes or money-like state: the first answer
/// (success or a 4xx refusal) is stored in the same transaction as the change, and a repeat with
/// the same key returns it unchanged and changes nothing. Keys are scoped by caller and route, so
/// one customer's key never returns another's answer; the same key with a different body is a 422.
public enum Idempotency {
    /// Runs `body` in a write transaction, or replays the stored answer for the request's key.
    /// Without a key, simply runs `body` in a write transaction. A stored answer is dated by
    /// `clock`, the service's.
    public static func perform(
        _ request: HTTPRequest, context: RequestContext, database: Database, clock: WallClock,
        _ body: @escaping (Connection) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        guard let claim = try claim(of: request, context: context) else {
            return try database.write { connection in try body(connection) }
        }
        return try database.write { connection in
            if let stored = try connection.queryOne(
                "SELECT fingerprint, status, content_type, body FROM idempotency_keys WHERE scope = ? AND key = ?",
                claim.scope, claim.key
            ) {
                try claim.check(fingerprint: try stored.get("fingerprint", as: String.self))
                var headers: HTTPHeaders = ["Idempotent-Replayed": "true"]
                if let type = try stored.get("content_type", as: String?.self) {
                    headers.add(name: "Content-Type", value: type)
                }
                return HTTPResponse(
                    status: HTTPStatus(try stored.get("status", as: Int.self)), headers: headers,
                    bytes: try stored.get("body"))
            }
            var response: HTTPResponse
            do {
                response = try connection.savepoint { try body(connection) }
            } catch let refusal as any HTTPResponseError
                where refusal.status.code < 500 && refusal.status != .tooManyRequests
            {
                // A refusal is the request's answer and is kept; "too many, try later" is not
                // (nor is a failure): the retry it asks for must run the request again.
                response = JSONText.errorResponse(
                    status: refusal.status, code: refusal.code, message: refusal.message,
                    detailsJSON: refusal.detailsJSON, requestId: context.requestId, headers: refusal.headers
                )
            }
            try connection.run(
                "INSERT INTO idempotency_keys (scope, key, fingerprint, status, content_type, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                claim.scope, claim.key, claim.fingerprint, response.status.code, response.headers["Content-Type"],
                response.bodyBytes ?? [], clock.nanosecondsSinceEpoch() / 1_000_000
            )
            return response
        }
    }

    /// A request's `Idempotency-Key` with its scope and the fingerprint of its body: what a
    /// route whose work spans several transactions (a purchase that calls another service between
    /// them) records with its own rows, since `perform` keeps one transaction.
    public struct Claim: Sendable, Equatable {
        /// Who asked, for which route and parameters (see `scope(of:context:)`).
        public let scope: String
        public let key: String
        /// SHA-256 of the body, hex.
        public let fingerprint: String

        /// Throws 422 `idempotency_key_reused` unless `fingerprint` is this request's.
        public func check(fingerprint stored: String) throws(HTTPError) {
            guard stored == fingerprint else {
                throw HTTPError.unprocessable(
                    "This Idempotency-Key was used with a different request.", code: "idempotency_key_reused")
            }
        }
    }

    /// The request's claim, nil without an `Idempotency-Key`; a key that is not 1–255 characters
    /// is a 400.
    public static func claim(of request: HTTPRequest, context: RequestContext) throws(HTTPError) -> Claim? {
        guard let key = request.headers["Idempotency-Key"] else { return nil }
        guard !key.isEmpty, key.utf8.count <= 255 else {
            throw HTTPError.badRequest("Idempotency-Key must be 1–255 characters.", code: "invalid_idempotency_key")
        }
        return Claim(
            scope: scope(of: request, context: context), key: key, fingerprint: SHA256.hash(request.body).hexDigits)
    }

    /// Who asked, for which route and which decoded parameters: the same logical request has one
    /// scope however its path was spelled (`%61lice` or `alice`, extra slashes), and every part is
    /// length-prefixed so no id can forge another's scope.
    static func scope(of request: HTTPRequest, context: RequestContext) -> String {
        let parts =
            [
                context.principal.role.rawValue, context.principal.customerId?.text ?? context.principal.name ?? "",
                request.method.description, context.route,
            ] + context.parameters.all.map(\.value)
        return parts.map { "\($0.utf8.count):\($0)" }.joined()
    }
}
