import HTTP

/// What the campaign routes read of the request.
extension RequestContext {
    /// The campaign's `id` path parameter (a bad one is a 400).
    func campaignId() throws(HTTPError) -> Int64 {
        try parameters.require("id", as: Int64.self)
    }
}
