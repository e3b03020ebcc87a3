import Contract
import Foundation
import HTTP
import Store

/// The privacy contract (`PrivacyRoutes`) called on a service in this process as the
/// personal-data registry calls it, and the erasure every service's tests walk through.
public struct PrivacyProbe: Sendable {
    /// The registry's identity: a service.
    public static let registry = Principal(role: .service, name: "personal-data")

    public let service: InProcessService

    public init(_ service: InProcessService) { self.service = service }

    /// `GET /v1/privacy/subjects/{customerId}` as `principal`, required to answer 200.
    public func subject(_ customerId: CustomerId, as principal: Principal = registry) throws -> PrivacySubject {
        let answer = try service.call(.get, "/v1/privacy/subjects/" + customerId.text, as: principal)
        guard answer.status == .ok else {
            throw HarnessError("subject of \(customerId): \(answer.status) \(answer.text)")
        }
        return try answer.decode()
    }

    /// `POST /v1/privacy/erasures` as `principal`, answered as it is.
    public func erase(_ erasure: SubjectErasure, as principal: Principal = registry) throws -> HTTPClientResponse {
        try service.call(.post, "/v1/privacy/erasures", json: erasure, as: principal)
    }

    /// The erasure, required to answer 200.
    public func erased(_ erasure: SubjectErasure) throws -> SubjectErasureOutcome {
        let answer = try erase(erasure)
        guard answer.status == .ok else { throw HarnessError("erasure \(erasure): \(answer.status) \(answer.text)") }
        return try answer.decode()
    }

    /// The tables the contract leaves alone: the outbox and the stored idempotent answers keep
    /// events and answers as they were sent, and the migrations' record holds no one.
    public static let untouchedTables: Set<String> = ["outbox", "idempotency_keys", "schema_migrations"]

    /// Every `table.column` of the service's database, but `untouchedTables`, whose text holds
    /// `text` anywhere in any row, sorted.
    public func tablesHolding(_ text: String) throws -> [String] {
        try service.environment.database.read { connection in
            let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .map { try $0.get("name", as: String.self) }.filter { !Self.untouchedTables.contains($0) }
            var found: Set<String> = []
            for table in tables {
                for row in try connection.query("SELECT * FROM \"\(table)\"") {
                    for (column, value) in zip(row.columnNames, row.values) {
                        if case .text(let stored) = value, stored.contains(text) { found.insert(table + "." + column) }
                    }
                }
            }
            return found.sorted()
        }
    }

    /// Everything seen while `person` is erased beside `other`: the subjects before and after,
    /// the answers to callers that may not erase, the outcome and its repeat.
    public struct Walk: Sendable {
        public var service: String
        public var erasure: SubjectErasure
        public var person: PrivacySubject
        public var other: PrivacySubject
        /// The statuses the admin, the storefront and the person's own token got for the erasure.
        public var refusals: [Int]
        /// The person's subject after those refusals.
        public var personAfterRefusals: PrivacySubject
        public var outcome: SubjectErasureOutcome
        public var personAfter: PrivacySubject
        public var otherAfter: PrivacySubject
        /// The pseudonym's subject after the erasure, and after its repeat.
        public var pseudonym: PrivacySubject
        public var repeated: SubjectErasureOutcome
        public var pseudonymAfterRepeat: PrivacySubject

        /// What breaks the contract every service keeps, in words; empty when nothing does.
        public var problems: [String] {
            var found: [String] = []
            func check(_ holds: Bool, _ problem: String) { if !holds { found.append(problem) } }
            let personId = erasure.customerId.text
            check(!person.holds.isEmpty, "the person holds nothing to erase")
            check(!other.holds.isEmpty, "the other customer holds nothing")
            check(!Self.text(person).contains(other.customerId.text), "the person's subject names the other customer")
            check(!Self.text(other).contains(personId), "the other customer's subject names the person")
            check(refusals.allSatisfy { $0 == 403 }, "callers other than services were answered \(refusals)")
            check(personAfterRefusals == person, "a refused erasure changed the person's records")
            check(outcome.service == service && outcome.erasureId == erasure.erasureId, "the outcome \(outcome)")
            check(outcome.anonymized > 0, "the erasure changed nothing")
            check(personAfter.holds.isEmpty, "the person's id still holds \(personAfter.holds.keys.sorted())")
            check(otherAfter == other, "the erasure changed the other customer's records")
            check(
                Set(pseudonym.holds.keys) == Set(person.holds.keys),
                "the pseudonym holds \(pseudonym.holds.keys.sorted()), the person held \(person.holds.keys.sorted())")
            for (kind, records) in person.holds {
                check(
                    Self.count(records) == Self.count(pseudonym.holds[kind]),
                    "\(kind): the person had \(Self.count(records)), the pseudonym has \(Self.count(pseudonym.holds[kind]))"
                )
            }
            check(!Self.text(pseudonym).contains(personId), "the pseudonym's records still name the person")
            check(repeated.anonymized == 0, "the repeat changed \(repeated.anonymized) records")
            check(pseudonymAfterRepeat == pseudonym, "the repeat changed the pseudonym's records")
            return found
        }

        /// The subject as JSON text, to look for ids in.
        public static func text(_ subject: PrivacySubject) -> String {
            String(decoding: (try? JSONCoding.encode(subject.holds)) ?? [], as: UTF8.self)
        }

        /// How many records a kind holds: an array's items, else one.
        public static func count(_ records: JSONValue?) -> Int {
            switch records {
            case .array(let items)?: return items.count
            case nil: return 0
            default: return 1
            }
        }
    }

    /// Erases `person` (erasure `erasureId`) beside `other`: reads both, tries the erasure as
    /// the admin, the storefront and the person's own token, erases as the registry, reads
    /// again, and repeats the erasure. Check `Walk.problems`, then what the service's books say.
    public func walk(erasing person: CustomerId, beside other: CustomerId, erasureId: String = "e-1") throws -> Walk {
        let erasure = SubjectErasure(erasureId: erasureId, customerId: person)
        let before = try subject(person)
        let otherBefore = try subject(other)
        let refusals = try [
            Principal(role: .admin, name: "tester"), Principal(role: .storefront, name: "shop"),
            Principal(role: .customer, customerId: person),
        ].map { try erase(erasure, as: $0).status.code }
        let afterRefusals = try subject(person)
        let outcome = try erased(erasure)
        let pseudonym = try subject(CustomerId(validating: erasure.pseudonym))
        let personAfter = try subject(person)
        let otherAfter = try subject(other)
        let repeated = try erased(erasure)
        return Walk(
            service: service.environment.name, erasure: erasure, person: before, other: otherBefore,
            refusals: refusals, personAfterRefusals: afterRefusals, outcome: outcome, personAfter: personAfter,
            otherAfter: otherAfter, pseudonym: pseudonym, repeated: repeated,
            pseudonymAfterRepeat: try subject(CustomerId(validating: erasure.pseudonym)))
    }
}
