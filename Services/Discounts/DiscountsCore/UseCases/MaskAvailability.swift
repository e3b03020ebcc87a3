import Contract
import Store

/// How many codes a mask can still give the shop: its capacity less the shop's codes that have
/// its shape (an upper bound of those it could collide with), so a campaign it admits never runs
/// out for codes that exist already. Read before anything is written.
struct MaskAvailability: Equatable {
    /// What the mask can give at all (`CodeMask.capacity`).
    let capacity: Int64
    /// What is left of it once the shop's codes of its shape are taken out.
    let available: Int64

    /// The availability of `mask` for `count` codes. When the shop holds fewer codes than the
    /// capacity exceeds the count by (the largest rowid bounds that in constant time), nothing
    /// needs counting: `available` is then a lower bound that is still enough. Otherwise the
    /// codes of the mask's shape are counted through the code index.
    static func of(_ mask: CodeMask, count: Int64, exact: Bool, in connection: Connection) throws -> MaskAvailability {
        let capacity = mask.capacity
        let bound = try CampaignCodeRepository.codesUpperBound(in: connection)
        if !exact, capacity - count >= bound {
            return MaskAvailability(capacity: capacity, available: capacity - bound)
        }
        let taken = try CampaignCodeRepository.countMatching(mask, in: connection)
        return MaskAvailability(capacity: capacity, available: max(0, capacity - taken))
    }
}
