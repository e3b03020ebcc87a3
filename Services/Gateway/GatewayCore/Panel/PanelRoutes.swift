import HTTP

/// `GET /admin` and `GET /admin/<file>`: the back-office panel's static files. The panel talks
/// only to the public API, so these routes are not in the access table: anyone may load the
/// files, and every call they make is checked like any other.
public struct PanelRoutes: Sendable {
    /// The panel's own policy: scripts, styles, images and API calls from this origin only, no
    /// inline script or style, no framing, forms post nowhere else.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The one route pattern of the panel: the page and every file below it.
    public static let pattern = "/admin/*"

    let assets: PanelAssets

    /// Serves `assets`.
    public init(assets: PanelAssets) {
        self.assets = assets
    }

    /// The panel's routes: one pattern for the page and every file below it.
    public var routes: RouteCollection {
        RouteCollection().get(Self.pattern, execution: .eventLoop, use: file)
    }

    /// The file the path names (`index.html` for `/admin` itself), revalidated by its ETag on
    /// every load so a new release is picked up at once without a build step renaming files.
    @Sendable public func file(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        guard assets.directory != nil else {
            throw HTTPError.notFound("The admin panel is not installed (set ZAPLECZE_PANEL_DIR).", code: "no_panel")
        }
        let path = context.parameters["*"] ?? ""
        guard let asset = assets.files[path.isEmpty ? "index.html" : path] else {
            throw HTTPError.notFound("The admin panel has no file \(path).")
        }
        var headers: HTTPHeaders = [
            "Content-Type": asset.contentType,
            "Cache-Control": "no-cache",
            "ETag": asset.etag,
            "Content-Security-Policy": Self.contentSecurityPolicy,
        ]
        if let validators = request.headers["If-None-Match"],
            validators.split(separator: ",").contains(where: { $0.trimmed() == asset.etag })
        {
            headers.remove(name: "Content-Type")
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return HTTPResponse(headers: headers, bytes: asset.bytes)
    }
}
