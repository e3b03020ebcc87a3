import Foundation
import GatewayCore
import HTTP
import TestSupport
import Testing

/// `/admin`: the panel's files with their media types, validators and their own strict policy.
@Suite struct PanelAssetsTests {
    @Test func panel_IsServed_WithItsOwnPolicy_WithoutInlineScriptOrStyle() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let page = try gateway.client.request(.get, "/admin")
        #expect(page.status == .ok)
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(page.text.contains("<script type=\"module\" src=\"/admin/js/main.js\">"))
        let policy = try #require(page.headers["Content-Security-Policy"])
        #expect(policy.contains("script-src 'self'") && policy.contains("style-src 'self'"))
        #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
        #expect(page.headers["X-Frame-Options"] == "DENY")
        #expect(page.headers["Cache-Control"] == "no-cache")
        // No inline script or style in the page itself either.
        #expect(!page.text.contains("<script>") && !page.text.contains("<style") && !page.text.contains("style="))

        for (path, type) in [
            ("/admin/js/main.js", "text/javascript; charset=utf-8"), ("/admin/panel.css", "text/css; charset=utf-8"),
            ("/admin/js/i18n/pl.js", "text/javascript; charset=utf-8"),
        ] {
            let file = try gateway.client.request(.get, path)
            #expect(file.status == .ok, "\(path)")
            #expect(file.headers["Content-Type"] == type, "\(path)")
        }
        // API answers keep the policy that allows nothing.
        let api = try gateway.client.request(.get, "/api/v1/openapi.json")
        #expect(api.headers["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'")
    }

    @Test func unchangedFile_IsA304_ByItsETag_AndAnUnknownOneA404() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let first = try gateway.client.request(.get, "/admin/panel.css")
        let etag = try #require(first.headers["ETag"])
        let again = try gateway.client.request(.get, "/admin/panel.css", headers: ["If-None-Match": etag])
        #expect(again.status == .notModified)
        #expect(again.body.isEmpty)
        let missing = try gateway.client.request(.get, "/admin/js/nothing.js")
        #expect(missing.status == .notFound)
        #expect(missing.errorEnvelope != nil)
        #expect(try gateway.client.request(.post, "/admin").status == .methodNotAllowed)
    }

    @Test func panelFolder_IsTakenFromTheVariable_AndAMissingOneStopsTheGateway() throws {
        let directory = try TemporaryDirectory(prefix: "zaplecze-panel")
        defer { directory.remove() }
        try "<!doctype html><title>x</title>".write(
            toFile: directory.file("index.html"), atomically: true, encoding: .utf8)
        try "notes".write(toFile: directory.file("notes.txt"), atomically: true, encoding: .utf8)
        let assets = try PanelAssets.load(environment: ["ZAPLECZE_PANEL_DIR": directory.path])
        #expect(Set(assets.files.keys) == ["index.html"])
        #expect(throws: (any Error).self) {
            try GatewayHarness(environment: ["ZAPLECZE_PANEL_DIR": directory.path + "/missing"]).stop()
        }
        // Without any panel folder, /admin is a JSON 404 that says so.
        #expect(throws: HTTPError.self) {
            try PanelRoutes(assets: .none).file(HTTPRequest(method: .get, target: "/admin"), RequestContext())
        }
    }
}
