import Contract
import FoundationEssentials
import Primitives
import ServiceKit
import Store

/// Gives one free code of a campaign to every customer the criteria match who holds none of it
/// yet, optionally e-mailing each their code.
///
/// It first reads, without the writer, who matches, who still needs a code and whether the
/// campaign has enough free codes; short of codes it assigns nothing (`notEnoughCodes`). Then it
/// assigns `batchSize` customers per write transaction, each with its e-mail queued in the same
/// transaction (a customer never gets a mail without the code, nor twice), so thousands of
/// customers never hold the writer more than a few milliseconds at a time and checkouts go on
/// between batches. Each batch checks again that the customer still holds no code, so two runs
/// at once, or a run repeated, never give anyone a second code.
///
/// Between the count and the last batch only a purchase or another assignment can take the
/// campaign's codes; if that leaves a batch short, that batch is rolled back and the answer is
/// the same `notEnoughCodes`, with `assigned` saying how many earlier batches gave out (running
/// it again once codes are added finishes the job).
struct CodeAssigner: Sendable {
    let database: Database
    let mailer: Mailer
    let clock: WallClock
    /// Customers per write transaction: a few milliseconds of writing each.
    var batchSize = 500

    /// What the read phase found.
    private struct Plan {
        var offer: CampaignOffer
        var matched: Int64
        var needing: [MatchedCustomer]
    }

    /// Assigns the codes; throws `OwnershipRefusal` when the campaign is missing, not ready or
    /// short of codes.
    func assign(campaignId: Int64, criteria: AssignmentCriteria) throws -> AssignmentResult {
        let plan = try database.read { connection -> Plan in
            let offer = try CampaignOfferRepository.ready(campaignId, in: connection)
            var plan = Plan(offer: offer, matched: 0, needing: [])
            try CustomerStatsRepository.forEachMatching(criteria, currency: offer.currency, in: connection) {
                customer in
                plan.matched += 1
                if try !CodeOwnershipRepository.holdsCode(
                    customerId: customer.customerId, campaignId: campaignId, in: connection)
                {
                    plan.needing.append(customer)
                }
            }
            let needed = Int64(plan.needing.count)
            let free = try CodeOwnershipRepository.freeCount(campaignId: campaignId, upTo: needed, in: connection)
            guard free >= needed else { throw OwnershipRefusal.notEnoughCodes(needed: needed, free: free, assigned: 0) }
            return plan
        }
        var result = AssignmentResult(
            matched: plan.matched, assigned: 0, alreadyAssigned: plan.matched - Int64(plan.needing.count), notified: 0)
        let notify = criteria.notify ?? false
        var start = 0
        // The last code a batch handed out: the next batch reads free codes after it.
        var lastCode: String?
        while start < plan.needing.count {
            let batch = plan.needing[start..<min(start + batchSize, plan.needing.count)]
            let later = Int64(plan.needing.count - start - batch.count)
            let (done, last) = try database.write { connection in
                try assignBatch(
                    batch, campaignId: campaignId, after: lastCode, notify: notify, assignedBefore: result.assigned,
                    customersAfter: later, connection)
            }
            lastCode = last ?? lastCode
            result.assigned += done.assigned
            result.alreadyAssigned += done.alreadyAssigned
            result.notified += done.notified
            start += batch.count
        }
        return result
    }

    /// One write transaction's worth: codes for `batch` (free codes after `after`), mail queued
    /// beside them; returns the figures and the last code handed out.
    private func assignBatch(
        _ batch: ArraySlice<MatchedCustomer>, campaignId: Int64, after: String?, notify: Bool, assignedBefore: Int64,
        customersAfter: Int64, _ connection: Connection
    ) throws -> (AssignmentResult, String?) {
        // Again inside the transaction: the campaign may have been deleted since the read.
        let offer = try CampaignOfferRepository.ready(campaignId, in: connection)
        let now = clock.date()
        var codes = try CodeOwnershipRepository.freeCodes(
            campaignId: campaignId, after: after, limit: batch.count, in: connection)[...]
        var last: String?
        var done = AssignmentResult(matched: 0, assigned: 0, alreadyAssigned: 0, notified: 0)
        for customer in batch {
            if try CodeOwnershipRepository.holdsCode(
                customerId: customer.customerId, campaignId: campaignId, in: connection)
            {
                done.alreadyAssigned += 1
                continue
            }
            guard let code = codes.popFirst(),
                try CodeOwnershipRepository.assign(code.id, to: customer.customerId, at: now, in: connection)
            else {
                // This batch rolls back: its customers still need codes, and the codes it had are free.
                let needed = Int64(batch.count) - done.alreadyAssigned + customersAfter
                throw OwnershipRefusal.notEnoughCodes(needed: needed, free: done.assigned, assigned: assignedBefore)
            }
            done.assigned += 1
            last = code.code
            if notify, let email = customer.email, Mailer.isDeliverable(email) {
                let mail = AssignmentMail(code: code.code, offer: offer, shopLink: mailer.link("/"))
                try mailer.enqueue(
                    MailMessage(to: [email], subject: mail.subject, textBody: mail.body), in: connection,
                    eventId: "discounts-assignment-mail-\(code.id)")
                done.notified += 1
            }
        }
        return (done, last)
    }
}
