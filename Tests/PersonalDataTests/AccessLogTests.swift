import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import PersonalDataCore

/// The access log: every Show of a customer or an order writes one "viewed" entry naming the
/// admin and whose data it was, a Show that fails writes nothing, and the log lists newest first,
/// filtered by customer and admin and paged.
@Suite struct AccessLogTests {
    typealias Service = PersonalDataTestService

    /// The whole log as the admin reads it, `limit` at a time.
    static func log(_ service: Service, _ query: String = "", limit: Int = 50) throws -> [AccessLogEntry] {
        try service.walk("/access-log" + (query.isEmpty ? "" : "?" + query), limit: limit)
    }

    @Test func everyShow_WritesOneViewedEntry_NamingTheAdmin() throws {
        let service = try Service()
        defer { service.stop() }
        try service.stored("c-1", Service.record())
        try service.deliver(Service.orderEvent("Z-1", customer: "c-1"))
        try service.deliver(Service.orderEvent("Z-2", customer: nil))
        #expect(try Self.log(service).isEmpty, "storing is not showing")

        var expected: [(admin: String, customer: CustomerId?, order: OrderNumber?, at: Date)] = []
        _ = try service.shownCustomer("c-1")
        expected.append(("admin:tester", "c-1", nil, service.clock.date))
        service.clock.advance(seconds: 60)
        _ = try service.shownOrder("Z-1", as: Service.owner)
        expected.append(("admin:owner", "c-1", "Z-1", service.clock.date))
        service.clock.advance(seconds: 60)
        _ = try service.shownOrder("Z-2")
        expected.append(("admin:tester", nil, "Z-2", service.clock.date))

        let log = try Self.log(service)
        try #require(log.count == expected.count)
        for (entry, wanted) in zip(log, expected.reversed()) {
            #expect(entry.action == .viewed)
            #expect(entry.admin == wanted.admin)
            #expect(entry.customerId == wanted.customer)
            #expect(entry.orderNumber == wanted.order)
            #expect(entry.at == wanted.at)
        }
    }

    @Test func aShowThatFails_WritesNothing() throws {
        let service = try Service()
        defer { service.stop() }
        try service.stored("c-1", Service.record())
        try service.deliver(Service.orderEvent("Z-1"))
        #expect(try service.call(.get, "/customers/c-404").status == .notFound)
        #expect(try service.call(.get, "/orders/Z-404").status == .notFound)
        #expect(try service.call(.get, "/customers/c-1", as: Service.storefront).status == .forbidden)
        #expect(try service.call(.get, "/orders/Z-1", as: Service.customer("c-1")).status == .forbidden)
        #expect(try Self.log(service).isEmpty)
    }

    @Test func theLog_FiltersByCustomerAndAdmin_NewestFirst_Paged() throws {
        let service = try Service()
        defer { service.stop() }
        let customers: [CustomerId] = ["c-1", "c-2", "c-3"]
        for id in customers { try service.stored(id, Service.record()) }
        for (index, customer) in [CustomerId("c-1"), "c-2", nil].enumerated() {
            try service.deliver(Service.orderEvent(OrderNumber("Z-\(index)")!, customer: customer))
        }
        let admins = [Service.admin, Service.owner, Principal(role: .admin, name: "bok")]
        for step in 0..<24 {
            let admin = admins[step % admins.count]
            if step % 4 == 3 {
                _ = try service.shownOrder(OrderNumber("Z-\(step % 3)")!, as: admin)
            } else {
                _ = try service.shownCustomer(customers[step % 2 == 0 ? 0 : step % 3], as: admin)
            }
            service.clock.advance(seconds: 30)
        }

        let all = try Self.log(service)
        #expect(all.count == 24)
        #expect(all.map(\.id) == all.map(\.id).sorted(by: >), "newest first")
        #expect(all.map(\.at) == all.map(\.at).sorted(by: >))
        #expect(try Self.log(service, limit: 1).map(\.id) == all.map(\.id))
        #expect(try Self.log(service, limit: 5).map(\.id) == all.map(\.id))

        let names = admins.map(\.description) + ["admin:nobody", "tester"]
        for customer in customers + [nil, "c-404"] {
            for admin in names + [nil] {
                let query = [
                    customer.map { "customerId=\($0.text)" }, admin.map { "admin=" + Service.encoded($0) },
                ].compactMap { $0 }.joined(separator: "&")
                let expected = all.filter {
                    (customer == nil || $0.customerId == customer) && (admin == nil || $0.admin == admin)
                }
                #expect(try Self.log(service, query, limit: 2).map(\.id) == expected.map(\.id), "\(query)")
            }
        }
        #expect(
            all.contains { $0.customerId == "c-1" && $0.orderNumber != nil }, "an order's Show counts as its customer's"
        )
    }
}
