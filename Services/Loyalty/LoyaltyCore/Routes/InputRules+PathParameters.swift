import Contract
import HTTP

extension InputRules {
    /// A path parameter read as an identifier of `kind`; a bad one is a 400 naming it.
    public static func pathIdentifier<Kind: IdentifierKind>(
        _ parameters: PathParameters, _ name: String, kind: Kind.Type
    ) throws(HTTPError) -> String {
        try parameters.require(name, as: Identifier<Kind>.self).text
    }
}
