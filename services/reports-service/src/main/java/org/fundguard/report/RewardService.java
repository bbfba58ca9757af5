package org.fundguard.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.outbox.Outbox;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.report.event.RewardEvent;
import org.fundguard.report.reward.RewardCalculator;
import org.fundguard.report.reward.RewardInput;
import org.fundguard.report.reward.RewardPolicies;
import org.fundguard.report.reward.RewardPolicy;
import org.fundguard.report.reward.RewardQuote;
import org.fundguard.report.reward.TargetKind;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rewards of verified reports: eligibility as the checklist of the reward conditions and exclusions, the amount
 * from the policy in force for the report's region on the decision date, approval by someone other than the
 * verifier, the reporter's claim through the receipt, payment and claw-back.
 */
@ApplicationScoped
public class RewardService {

    /** One line of the checklist: for a condition {@code met} must be true, for an exclusion it must be false. */
    public record Check(String code, String description, boolean met) {
    }

    /** The checklist and whether it allows a reward. */
    public record Eligibility(List<Check> conditions, List<Check> exclusions) {
        public boolean eligible() {
            return conditions.stream().allMatch(Check::met) && exclusions.stream().noneMatch(Check::met);
        }

        List<String> unmet() {
            List<String> out = new ArrayList<>();
            conditions.stream().filter(c -> !c.met()).forEach(c -> out.add(c.code()));
            exclusions.stream().filter(Check::met).forEach(c -> out.add(c.code()));
            return out;
        }
    }

    /** A report's reward as staff see it: the checklist, the quote (null without a case value) and the reward, if any. */
    public record Assessment(Report report, Eligibility eligibility, RewardQuote quote, LocalDate policyDate, Reward reward) {
    }

    private final ReportService reports;
    private final ReporterIdentity identities;
    private final RewardPolicies policies;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ReportsConfig config;
    private final ObjectMapper json;

    public RewardService(ReportService reports, ReporterIdentity identities, Outbox outbox, AuditLog audit,
                         ReportsConfig config, ObjectMapper json) {
        this.reports = reports;
        this.identities = identities;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.policies = config.rewardPoliciesFile().map(f -> RewardPolicies.loadWith(Path.of(f))).orElseGet(RewardPolicies::loadDefault);
    }

    @WithSession
    public Uni<Assessment> assess(Caller staff, UUID id) {
        return reports.visible(id, staff.scope()).chain(this::assessment);
    }

    /** Approves the quoted amount; the approver may not be the officer who verified the report. */
    @WithTransaction
    public Uni<Assessment> approve(Caller approver, UUID id) {
        return reports.visible(id, approver.scope()).chain(this::assessment).call(a -> {
            Report r = a.report();
            if (a.reward() != null) {
                throw new DomainException.StateConflict("The reward of report " + id + " is already " + a.reward().status.name().toLowerCase() + ".");
            }
            if (r.status != ReportStatus.DECIDED) {
                throw new DomainException.StateConflict("A reward is approved once the report has a handling decision; report "
                        + id + " is " + r.status.name().toLowerCase() + ".");
            }
            if (approver.subject().equals(r.verifiedBy)) {
                throw new DomainException.AccessDenied("The officer who verified a report cannot approve its reward.");
            }
            if (!a.eligibility().eligible()) {
                throw new DomainException.RuleViolation("Report " + id + " does not meet the reward checklist: "
                        + String.join(", ", a.eligibility().unmet()) + ".");
            }
            Reward w = new Reward();
            w.reportId = r.id;
            w.status = Reward.Status.APPROVED;
            w.policyId = a.quote().policyId();
            w.amount = a.quote().amount();
            w.quote = write(a.quote());
            w.approvedBy = approver.subject();
            w.approvedAt = OffsetDateTime.now(ZoneOffset.UTC);
            w.claimDeadline = ReportService.today().plusMonths(config.claimMonths());
            Message notice = new Message();
            notice.id = UUID.randomUUID();
            notice.reportId = r.id;
            notice.author = Message.Author.BUREAU;
            notice.body = "举报奖励已批准 (a reward was approved): " + w.amount.toPlainString() + " 元; claim by " + w.claimDeadline
                    + " with your receipt and valid identity.";
            notice.sentAt = w.approvedAt;
            return w.persist()
                    .call(x -> r.receiptCode == null ? Uni.createFrom().voidItem() : notice.persist())
                    .call(x -> outbox.append("reward.approved.v1", r.id.toString(), event(r, w, w.approvedAt)))
                    .call(x -> audit.record(approver, "reward.approved", "reward", r.id.toString(), null, snapshot(w)));
        }).chain(a -> assessment(a.report()));
    }

    /**
     * The reporter claims within the window: a real-name reporter proves it is them (the same ID number), an
     * anonymous reporter reveals an identity now, for the first time, which is validated and stored encrypted.
     */
    @WithTransaction
    public Uni<ReportService.ReceiptDetails> claim(String receiptCode, String secret, ReporterIdentity.Identity claimant) {
        return reports.withReceipt(receiptCode, secret).call(r -> Reward.<Reward>findById(r.id).chain(w -> {
            if (w == null) {
                throw new DomainException.StateConflict("No reward has been approved for this report.");
            }
            Reward.Status now = w.statusOn(ReportService.today());
            if (now != Reward.Status.APPROVED) {
                throw new DomainException.StateConflict(now == Reward.Status.WAIVED
                        ? "The claim window closed on " + w.claimDeadline + "; the reward is deemed waived."
                        : "The reward is already " + now.name().toLowerCase() + ".");
            }
            if (r.anonymous) {
                identities.store(r, claimant, "");
            } else if (!identities.sameIdNumber(r, claimant.idNumber())) {
                throw new DomainException.InvalidField("idNumber", "is not the identity number this report was made under");
            }
            Map<String, Object> before = snapshot(w);
            w.status = Reward.Status.CLAIMED;
            w.claimedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return audit.record(Caller.ANONYMOUS, "reward.claimed", "reward", r.id.toString(), before, snapshot(w));
        })).chain(r -> reports.byReceiptOf(r));
    }

    @WithTransaction
    public Uni<Assessment> pay(Caller staff, UUID id, String paymentRef) {
        return transition(staff, id, Reward.Status.CLAIMED, "reward.paid", w -> {
            w.status = Reward.Status.PAID;
            w.paidAt = OffsetDateTime.now(ZoneOffset.UTC);
            w.paidBy = staff.subject();
            w.paymentRef = paymentRef;
            return w.paidAt;
        });
    }

    /** A reward obtained by fraud is recovered ([local]). */
    @WithTransaction
    public Uni<Assessment> clawBack(Caller staff, UUID id, String reason) {
        return transition(staff, id, Reward.Status.PAID, "reward.clawed-back", w -> {
            w.status = Reward.Status.CLAWED_BACK;
            w.closedReason = reason;
            return OffsetDateTime.now(ZoneOffset.UTC);
        });
    }

    private Uni<Assessment> transition(Caller staff, UUID id, Reward.Status from, String action,
                                       java.util.function.Function<Reward, OffsetDateTime> change) {
        return reports.visible(id, staff.scope()).chain(r -> Reward.<Reward>findById(id).chain(w -> {
            if (w == null || w.statusOn(ReportService.today()) != from) {
                throw new DomainException.StateConflict("The reward of report " + id + " is "
                        + (w == null ? "not approved" : w.statusOn(ReportService.today()).name().toLowerCase())
                        + "; this step needs it " + from.name().toLowerCase() + ".");
            }
            Map<String, Object> before = snapshot(w);
            OffsetDateTime at = change.apply(w);
            return outbox.append(action + ".v1", r.id.toString(), event(r, w, at))
                    .call(x -> audit.record(staff, action, "reward", r.id.toString(), before, snapshot(w)))
                    .chain(x -> assessment(r));
        }));
    }

    Uni<Assessment> assessment(Report r) {
        return Reward.<Reward>findById(r.id).map(w -> {
            Eligibility e = eligibility(r);
            LocalDate date = r.handlingDecidedAt == null ? ReportService.today()
                    : r.handlingDecidedAt.atZoneSameInstant(ReportService.CHINA).toLocalDate();
            RewardQuote quote = null;
            if (r.caseValue != null) {
                RewardPolicy policy = policies.inForce(r.region, date);
                try {
                    quote = RewardCalculator.quote(policy, new RewardInput(r.caseValue, r.insider, r.evidenceLevel,
                            r.targetKind == null ? TargetKind.INSTITUTION : TargetKind.valueOf(r.targetKind)));
                } catch (IllegalArgumentException refused) {
                    // e.g. a level-based policy and no evidence level recorded at verification
                    throw new DomainException.RuleViolation("Policy " + policy.id() + " cannot quote this report: " + refused.getMessage());
                }
            }
            return new Assessment(r, e, quote, date, w);
        });
    }

    /** The five conditions, the first-reporter rule and the four exclusions of 医保办发〔2022〕22号. */
    Eligibility eligibility(Report r) {
        Map<String, Boolean> checks = readChecks(r.rewardChecks);
        boolean verified = r.status == ReportStatus.VERIFIED || r.status == ReportStatus.DECIDED;
        List<Check> conditions = List.of(
                new Check("CLEAR_TARGET_AND_EVIDENCE", "the report names a clear target and gives evidence", checks.getOrDefault("clearTargetAndEvidence", false)),
                new Check("FACTS_NEW_TO_BUREAU", "its main facts were not already known to the bureau", checks.getOrDefault("factsNewToBureau", false)),
                new Check("VERIFIED_WITH_FUND_LOSS", "it was verified and the fund suffered a loss", verified && r.caseValue != null && r.caseValue.signum() > 0),
                new Check("WANTS_REWARD_WITH_IDENTITY", "the reporter wants the reward and gives true identity (an anonymous reporter, when claiming)", r.wantsReward),
                new Check("OTHER_LEGAL_CONDITIONS", "the other legal conditions are met", checks.getOrDefault("otherLegalConditions", false)),
                new Check("FIRST_REPORTER", "it is the first report of the same matter", r.duplicateOf == null));
        List<Check> exclusions = List.of(
                new Check("REPORTER_IS_STAFF", "the reporter is bureau staff or staff of an entrusted third party", checks.getOrDefault("reporterIsStaff", false)),
                new Check("SELF_REPORTING_WRONGDOER", "the reporter took part in the wrongdoing", checks.getOrDefault("reporterIsWrongdoer", false)),
                new Check("WITHDRAWN", "the report was withdrawn before the decision", r.status == ReportStatus.WITHDRAWN),
                new Check("CLUE_OBTAINED_ILLEGALLY", "the clue was obtained illegally", checks.getOrDefault("clueObtainedIllegally", false)));
        return new Eligibility(conditions, exclusions);
    }

    private static RewardEvent event(Report r, Reward w, OffsetDateTime at) {
        return new RewardEvent(r.id.toString(), r.region, w.amount.toPlainString(), w.policyId, at,
                w.status == Reward.Status.APPROVED ? w.claimDeadline : null);
    }

    private static Map<String, Object> snapshot(Reward w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", w.status.name());
        m.put("amount", w.amount.toPlainString());
        m.put("policyId", w.policyId);
        if (w.paymentRef != null) {
            m.put("paymentRef", w.paymentRef);
        }
        if (w.closedReason != null) {
            m.put("closedReason", w.closedReason);
        }
        return m;
    }

    private Map<String, Boolean> readChecks(String checks) {
        try {
            return checks == null ? Map.of() : json.readValue(checks, new TypeReference<Map<String, Boolean>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
