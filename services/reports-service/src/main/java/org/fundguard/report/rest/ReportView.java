package org.fundguard.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.report.Report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A report as staff see it: never the reporter's identity (see the reporter endpoint) nor the receipt. */
public record ReportView(@Schema(required = true) String id, @Schema(required = true) String region,
                         @Schema(required = true) String channel, @Schema(required = true) String status,
                         String institutionCode, String institutionName, String persons,
                         @Schema(required = true) String conduct, LocalDate occurredOn,
                         @Schema(required = true) OffsetDateTime receivedAt,
                         @Schema(required = true) boolean anonymous,
                         @Schema(required = true, description = "The reporter is a current or former insider of the reported institution (内部人员举报).") boolean insider,
                         @Schema(required = true, description = "The reporter follows the report with a receipt and can read messages.") boolean followedByReceipt,
                         LocalDate acceptanceDue,
                         @Schema(required = true, description = "Still awaiting acceptance after its due date.") boolean overdue,
                         String declineReason, OffsetDateTime decidedAt, OffsetDateTime notifiedAt,
                         @Schema(description = "For a real-name reporter without a receipt: tell them of the decision by this day.") LocalDate noticeDue,
                         String noticeChannel, String assignedTo,
                         String verifiedBy, BigDecimal caseValue, String duplicateOf,
                         @Schema(description = "A joint report (联名举报): the group's first report, which carries the one shared reward.") String jointWith,
                         OffsetDateTime handlingDecidedAt) {

    /** The report as of {@code today} (business date: whether it is overdue). */
    static ReportView of(Report r, LocalDate today) {
        boolean overdue = r.status.awaitsAcceptance() && r.acceptanceDue != null && r.acceptanceDue.isBefore(today);
        return new ReportView(r.id.toString(), r.region, r.channel.name(), r.status.name(), r.institutionCode,
                r.institutionName, r.reportedPersons, r.conduct, r.occurredOn, r.receivedAt, r.anonymous, r.insider, r.receiptCode != null,
                r.acceptanceDue, overdue, r.declineReason == null ? null : r.declineReason.name(), r.decidedAt, r.notifiedAt,
                r.noticeDue, r.noticeChannel, r.assignedTo, r.verifiedBy, r.caseValue, r.duplicateOf == null ? null : r.duplicateOf.toString(),
                r.jointWith == null ? null : r.jointWith.toString(), r.handlingDecidedAt);
    }

    /** The reporter of a real-name report, for its handlers only. */
    public record Reporter(@Schema(required = true) String name, @Schema(required = true) String idNumber,
                           @Schema(required = true) String phone) {
    }
}
