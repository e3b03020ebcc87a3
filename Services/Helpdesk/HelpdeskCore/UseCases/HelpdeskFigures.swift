import Contract
import FoundationEssentials
import Store

/// The helpdesk's response figures for the admin.
struct HelpdeskFigures: Sendable {
    let database: Database

    /// First-response and resolution times of the threads opened between `from` and `to`, and
    /// the open threads per status now.
    func stats(from: Date?, to: Date?) throws -> HelpdeskStats {
        try database.read { try HelpdeskStatsRepository.stats(from: from, to: to, in: $0) }
    }
}
