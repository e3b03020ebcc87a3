import HTTP

extension AccessTable {
    /// The loyalty service's public routes. Not public: `POST /orders/:orderNumber/events` (the
    /// gateway's own order fan-out calls it), `/point-debits…` and `POST /review-events` (other
    /// services call them). The service checks every role again, and also that a customer reads
    /// only their own exchange order by id.
    static let loyaltyRoutes: [PublicRoute] = [
        PublicRoute("loyalty", .get, "/program", roles: shopAndCustomer, summary: "The loyalty program settings."),
        PublicRoute("loyalty", .put, "/program", roles: staff, summary: "Replace the loyalty program settings."),

        PublicRoute("loyalty", .get, "/rules", roles: staff, summary: "List earning rules (filters: action, active)."),
        PublicRoute("loyalty", .post, "/rules", roles: staff, summary: "Create an earning rule."),
        PublicRoute(
            "loyalty", .post, "/rules/preview", roles: staff,
            summary: "The points an award gives for an example order value; nothing is saved."
        ),
        PublicRoute("loyalty", .get, "/rules/:id", roles: staff, summary: "One earning rule."),
        PublicRoute("loyalty", .put, "/rules/:id", roles: staff, summary: "Replace an earning rule."),
        PublicRoute("loyalty", .delete, "/rules/:id", roles: staff, summary: "Delete an earning rule."),

        PublicRoute(
            "loyalty", .post, "/customers/:customerId/newsletter-signup", roles: shop,
            summary: "Record a newsletter signup; earns per the newsletter rules once per customer."
        ),
        PublicRoute(
            "loyalty", .get, "/customers/:customerId", roles: shopAndCustomer, customerParameter: "customerId",
            summary: "A customer's points, pending points, coefficient and expiring points."
        ),
        PublicRoute(
            "loyalty", .put, "/customers/:customerId/coefficient", roles: staff,
            summary: "Set a customer's correction coefficient."
        ),
        PublicRoute(
            "loyalty", .get, "/customers/:customerId/history", roles: shopAndCustomer, customerParameter: "customerId",
            summary: "A customer's points history, newest first, paged."
        ),
        PublicRoute(
            "loyalty", .get, "/customers/:customerId/history.csv", roles: shopAndCustomer,
            customerParameter: "customerId",
            summary: "A customer's points statement as CSV, oldest first."
        ),
        PublicRoute(
            "loyalty", .post, "/customers/:customerId/adjustments", roles: staff,
            summary: "Add or subtract points by hand with a reason (Idempotency-Key honoured)."
        ),
        PublicRoute(
            "loyalty", .post, "/adjustments/bulk", roles: staff,
            summary: "Apply a CSV of customerId,points,reason all or nothing (Idempotency-Key honoured).",
            bodyLimit: 5 * 1024 * 1024
        ),

        PublicRoute(
            "loyalty", .get, "/rewards", roles: shopAndCustomer, summary: "The rewards catalogue with prices in points."
        ),
        PublicRoute("loyalty", .post, "/rewards", roles: staff, summary: "Add a product to the rewards catalogue."),
        PublicRoute(
            "loyalty", .get, "/rewards/:productId", roles: shopAndCustomer,
            summary: "One reward with its price in points."),
        PublicRoute("loyalty", .put, "/rewards/:productId", roles: staff, summary: "Create or replace a reward."),
        PublicRoute("loyalty", .delete, "/rewards/:productId", roles: staff, summary: "Remove a reward."),

        PublicRoute(
            "loyalty", .post, "/customers/:customerId/exchange-orders", roles: shopAndCustomer,
            customerParameter: "customerId",
            summary: "Exchange points for products (Idempotency-Key honoured)."
        ),
        PublicRoute(
            "loyalty", .get, "/customers/:customerId/exchange-orders", roles: shopAndCustomer,
            customerParameter: "customerId", summary: "A customer's exchange orders, newest first."
        ),
        PublicRoute(
            "loyalty", .get, "/exchange-orders", roles: staff,
            summary: "All exchange orders (filters: customerId, exchanged, status, from, to), newest first."
        ),
        PublicRoute(
            "loyalty", .get, "/exchange-orders/:id", roles: shopAndCustomer,
            summary: "One exchange order (a customer sees only their own)."
        ),
        PublicRoute(
            "loyalty", .put, "/exchange-orders/:id/exchanged", roles: staff,
            summary: "Mark an exchange order exchanged or not (sends nothing)."
        ),
        PublicRoute(
            "loyalty", .post, "/exchange-orders/:id/rejection", roles: staff,
            summary: "Reject an exchange order and return its points."
        ),

        PublicRoute(
            "loyalty", .get, "/orders/:orderNumber", roles: shop, summary: "What a sales order earned, rule by rule."),
    ]
}
