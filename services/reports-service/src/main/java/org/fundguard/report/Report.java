package org.fundguard.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A fraud report (举报) about an institution's or a person's conduct, owned by the region where it happened. */
@Entity
public class Report extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Administrative code of where the conduct happened; decides which bureau handles it and who may see it. */
    public String region;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    @Column(name = "institution_code")
    public String institutionCode;

    @Column(name = "institution_name")
    public String institutionName;

    public String conduct;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "received_by")
    public String receivedBy;

    /** Public receipt code (XXXX-XXXX-XXXX-XXXX); null for reports recorded by staff without one. */
    @Column(name = "receipt_code")
    public String receiptCode;

    /** SHA-256 of the reporter's secret; the secret itself is shown once and never stored. */
    @Column(name = "secret_hash")
    public String secretHash;

    public boolean anonymous = true;

    /** Reporter identity, encrypted ({@code PersonalDataCipher}, context = report id); never in clear at rest. */
    @Column(name = "reporter_name_enc")
    public String reporterNameEnc;

    @Column(name = "reporter_id_enc")
    public String reporterIdEnc;

    @Column(name = "reporter_phone_enc")
    public String reporterPhoneEnc;

    /** Blind index of the reporter's ID number: equality checks without decrypting. */
    @Column(name = "reporter_id_index")
    public String reporterIdIndex;

    /** The reporter says they are a current or former insider of the reported institution (reward uplift). */
    public boolean insider;

    @Column(name = "wants_reward")
    public boolean wantsReward;

    @Column(name = "reported_persons")
    public String reportedPersons;

    /** 15 working days after receipt: the acceptance decision is due. */
    @Column(name = "acceptance_due")
    public LocalDate acceptanceDue;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    @Column(name = "notified_at")
    public OffsetDateTime notifiedAt;

    /** For a real-name reporter without a receipt: staff must tell them of the decision by this day. */
    @Column(name = "notice_due")
    public LocalDate noticeDue;

    /** How the reporter was told (PHONE, LETTER, SMS, VISIT, RECEIPT). */
    @Column(name = "notice_channel")
    public String noticeChannel;

    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    @Column(name = "verified_by")
    public String verifiedBy;

    /** 案值: the fund loss to recover for the reported matter, yuan. */
    @Column(name = "case_value")
    public BigDecimal caseValue;

    @Column(name = "evidence_level")
    public Integer evidenceLevel;

    @Column(name = "target_kind")
    public String targetKind;

    /** JSON array of {nationalCode, personType, responsibilityLevel}. */
    @Column(name = "responsible_persons")
    public String responsiblePersons;

    /** JSON of the reward checklist answers recorded at verification. */
    @Column(name = "reward_checks")
    public String rewardChecks;

    @Column(name = "handling_decided_at")
    public OffsetDateTime handlingDecidedAt;

    @Column(name = "recovered_amount")
    public BigDecimal recoveredAmount;

    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    /** A joint report (联名举报): the group's first report, which carries the group's one reward. */
    @Column(name = "joint_with")
    public UUID jointWith;

    @Version
    public int version;
}
