import Contract
import FoundationEssentials
import Glibc
import Store

/// The program settings: `LoyaltyProgram.default` until the admin saves others. Saving applies
/// from then on; awards and prices already fixed stay as they were.
struct ProgramSettings: Sendable {
    let dependencies: LoyaltyDependencies

    /// The settings in force.
    func current() throws -> LoyaltyProgram {
        try dependencies.database.read { try ProgramRepository.load($0) }
    }

    /// Replaces the settings (checked by `LoyaltyProgram.validate`), noting who saved them.
    func save(_ program: LoyaltyProgram, by actor: String, in connection: Connection) throws -> LoyaltyProgram {
        try ProgramRepository.save(program, by: actor, at: dependencies.now(), in: connection)
        return program
    }
}
