import Contract
import HTTP

/// A malformed mask: 422 `invalid_mask` with the 1-based position where the problem starts.
extension CodeMaskError: HTTPResponseError {
    public var status: HTTPStatus { .unprocessableContent }
    public var code: String { "invalid_mask" }
    public var message: String { "The mask is not valid. \(description)" }
    public var details: [String: ErrorDetail] { ["field": .string("mask"), "position": .int(Int64(position))] }
}

/// A mask that cannot give the codes asked for: 422 `mask_too_small` with how many it can give.
struct MaskTooSmall: HTTPResponseError {
    /// How many codes new to the shop the mask can still give.
    let available: Int64
    /// How many were asked for.
    let requested: Int64

    var status: HTTPStatus { .unprocessableContent }
    var code: String { "mask_too_small" }
    var message: String {
        "The mask can give at most \(available) codes new to the shop; \(requested) were asked for."
    }
    var details: [String: ErrorDetail] {
        ["field": .string("mask"), "available": .int(available), "requested": .int(requested)]
    }
}
