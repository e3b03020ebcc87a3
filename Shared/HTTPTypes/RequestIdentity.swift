/// Who is calling, as the layer above HTTP knows it. The router keeps one in each request's
/// context without knowing what it is, so the server holds no notion of the roles of the
/// application it serves; the application's authentication sets it and its handlers read it back
/// as their own type.
///
/// ```swift
/// struct Caller: RequestIdentity { var name: String }
///
/// extension RequestContext {
///     var caller: Caller? { identity as? Caller }
/// }
/// ```
public protocol RequestIdentity: Sendable {}
