package org.fundguard.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The answer to a public report: the receipt code and the secret, shown this once and never again. */
public record ReceiptIssued(@Schema(required = true) String receiptCode, @Schema(required = true) String secret,
                            @Schema(required = true) OffsetDateTime receivedAt, @Schema(required = true) LocalDate acceptanceDue,
                            @Schema(required = true) String notice) {
}
