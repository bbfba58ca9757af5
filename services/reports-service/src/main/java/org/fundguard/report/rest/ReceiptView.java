package org.fundguard.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.report.Attachment;
import org.fundguard.kit.upload.UploadChecker;
import org.fundguard.report.Message;
import org.fundguard.report.ReportService;
import org.fundguard.report.Reward;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the reporter sees with the receipt and secret: the status, the messages, the files, the reward. */
public record ReceiptView(@Schema(required = true) String receiptCode, @Schema(required = true) String status,
                          @Schema(required = true) OffsetDateTime receivedAt, @Schema(required = true) LocalDate acceptanceDue,
                          String declineReason, @Schema(required = true) List<MessageView> messages,
                          @Schema(required = true) List<AttachmentView> attachments, RewardNotice reward) {

    /** The reward as the reporter sees it. */
    public record RewardNotice(@Schema(required = true) String status, @Schema(required = true) BigDecimal amount,
                               @Schema(required = true) LocalDate claimDeadline) {
    }

    /** The report as of {@code today} (business date). */
    static ReceiptView of(ReportService.ReceiptDetails d, LocalDate today) {
        var r = d.report();
        Reward w = d.reward();
        return new ReceiptView(r.receiptCode, r.status.name(), r.receivedAt, r.acceptanceDue,
                r.declineReason == null ? null : r.declineReason.name(),
                d.messages().stream().map(MessageView::of).toList(),
                d.attachments().stream().map(AttachmentView::of).toList(),
                w == null ? null : new RewardNotice(w.statusOn(today).name(), w.amount, w.claimDeadline));
    }

    /** One message. */
    public record MessageView(@Schema(required = true) String author, @Schema(required = true) String body,
                              @Schema(required = true) OffsetDateTime sentAt) {
        static MessageView of(Message m) {
            return new MessageView(m.author.name(), m.body, m.sentAt);
        }
    }

    /** One evidence file: its name as it may be shown (UploadChecker.safeName: no path, control or bidirectional characters), the type found in its content, its size and digest. */
    public record AttachmentView(@Schema(required = true) String id, @Schema(required = true) String fileName,
                                 @Schema(required = true) String mediaType, @Schema(required = true) long sizeBytes,
                                 @Schema(required = true) String sha256) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id.toString(), UploadChecker.safeName(a.fileName), a.mediaType, a.sizeBytes, a.sha256);
        }
    }
}
