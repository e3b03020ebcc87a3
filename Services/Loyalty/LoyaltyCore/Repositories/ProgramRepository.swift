import Contract
import FoundationEssentials
import Glibc
import Store

/// The program settings: one row holding the settings as JSON, `LoyaltyProgram.default` until
/// the admin saves others.
enum ProgramRepository {
    /// The current settings.
    static func load(_ connection: Connection) throws -> LoyaltyProgram {
        guard let text = try connection.scalar("SELECT settings FROM program WHERE id = 1", as: String.self) else {
            return .default
        }
        return try JSONCoding.decode(LoyaltyProgram.self, from: Array(text.utf8))
    }

    /// Replaces the settings.
    static func save(_ program: LoyaltyProgram, by actor: String?, at now: Date, in connection: Connection) throws {
        let text = String(decoding: try JSONCoding.encode(program), as: UTF8.self)
        try connection.run(
            """
            INSERT INTO program (id, settings, updated_at, updated_by) VALUES (1, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
            """, text, now, actor
        )
    }
}
