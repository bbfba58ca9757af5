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
import org.fundguard.kit.security.SeparationOfDuties;
import org.fundguard.kit.time.BusinessClock;
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

    /**
     * A report's reward as staff see it: the checklist, the quote (null without a case value), the reward (for a
     * member of a joint report, its share), and for a joint report's first report every share of the group.
     */
    public record Assessment(Report report, Eligibility eligibility, RewardQuote quote, LocalDate policyDate, Reward reward,
                             List<Reward> shares) {
    }

    /** One co-reporter's share of a joint report's reward, as agreed among them. */
    public record Share(UUID reportId, java.math.BigDecimal amount) {
    }

    /** 四眼原则: the reward is approved by someone else than the officer who verified the report. */
    static final String VERIFIER_IS_NOT_APPROVER = "the officer who verified a report may not approve its reward";

    private final ReportService reports;
    private final ReporterIdentity identities;
    private final RewardPolicies policies;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ReportsConfig config;
    private final ObjectMapper json;
    private final BusinessClock clock;

    public RewardService(ReportService reports, ReporterIdentity identities, Outbox outbox, AuditLog audit,
                         ReportsConfig config, ObjectMapper json, BusinessClock clock) {
        this.clock = clock;
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

    /**
     * Approves the quoted amount; the approver may not be the officer who verified the report. A joint report's one
     * reward is approved on its first report and split into the agreed {@code shares}, one per report of the group,
     * adding up to the quoted amount exactly; each co-reporter then claims their own share.
     */
    @WithTransaction
    public Uni<Assessment> approve(Caller approver, UUID id, List<Share> shares) {
        return reports.visible(id, approver.scope()).chain(this::assessment).call(a -> {
            Report r = a.report();
            if (a.reward() != null) {
                throw new DomainException.StateConflict("The reward of report " + id + " is already " + a.reward().status.name().toLowerCase() + ".");
            }
            if (r.status != ReportStatus.DECIDED) {
                throw new DomainException.StateConflict("A reward is approved once the report has a handling decision; report "
                        + id + " is " + r.status.name().toLowerCase() + ".");
            }
            SeparationOfDuties.requireDifferentPerson(approver, r.verifiedBy, VERIFIER_IS_NOT_APPROVER);
            if (!a.eligibility().eligible()) {
                throw new DomainException.RuleViolation("Report " + id + " does not meet the reward checklist: "
                        + String.join(", ", a.eligibility().unmet()) + ".");
            }
            return Report.<Report>list("jointWith = ?1 order by receivedAt", r.id).chain(members -> {
                Map<Report, java.math.BigDecimal> split = split(r, members, a.quote().amount(), shares);
                OffsetDateTime now = clock.now();
                Uni<Void> all = Uni.createFrom().voidItem();
                for (Map.Entry<Report, java.math.BigDecimal> e : split.entrySet()) {
                    Reward w = new Reward();
                    w.reportId = e.getKey().id;
                    w.jointReportId = members.isEmpty() ? null : r.id;
                    w.status = Reward.Status.APPROVED;
                    w.policyId = a.quote().policyId();
                    w.amount = e.getValue();
                    w.quote = write(a.quote());
                    w.approvedBy = approver.subject();
                    w.approvedAt = now;
                    w.claimDeadline = clock.today().plusMonths(config.claimMonths());
                    all = all.chain(() -> approveOne(approver, e.getKey(), w, a.quote().amount()));
                }
                return all;
            });
        }).chain(a -> assessment(a.report()));
    }

    private Uni<Void> approveOne(Caller approver, Report r, Reward w, java.math.BigDecimal total) {
        Message notice = new Message();
        notice.id = UUID.randomUUID();
        notice.reportId = r.id;
        notice.author = Message.Author.BUREAU;
        notice.body = (w.jointReportId == null
                ? "举报奖励已批准 (a reward was approved): " + w.amount.toPlainString() + " 元"
                : "联名举报奖励已批准 (the joint report's reward of " + total.toPlainString() + " 元 was approved); your agreed share: "
                        + w.amount.toPlainString() + " 元")
                + "; claim by " + w.claimDeadline + " with your receipt and valid identity.";
        notice.sentAt = w.approvedAt;
        return w.persist()
                .call(x -> r.receiptCode == null ? Uni.createFrom().voidItem() : notice.persist())
                .call(x -> outbox.append(RewardEvent.TYPE_APPROVED, r.id.toString(), event(r, w, w.approvedAt)))
                .call(x -> audit.record(approver, "reward.approved", "reward", r.id.toString(), null, snapshot(w)))
                .replaceWithVoid();
    }

    /** The amount per report: all of it to a lone report; the agreed shares of a joint one, checked to add up exactly. */
    static Map<Report, java.math.BigDecimal> split(Report first, List<Report> members, java.math.BigDecimal total, List<Share> shares) {
        Map<Report, java.math.BigDecimal> out = new LinkedHashMap<>();
        if (members.isEmpty()) {
            if (shares != null && !shares.isEmpty()) {
                throw new DomainException.InvalidField("shares", "only a joint report's reward is shared; report "
                        + first.id + " has no co-reporters");
            }
            out.put(first, total);
            return out;
        }
        if (shares == null || shares.isEmpty()) {
            throw new DomainException.InvalidField("shares", "a joint report's one reward is shared by agreement: give one share per report of the group ("
                    + (members.size() + 1) + " reports) adding up to " + total.toPlainString());
        }
        Map<UUID, Report> group = new LinkedHashMap<>();
        group.put(first.id, first);
        members.forEach(m -> group.put(m.id, m));
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (Share share : shares) {
            Report member = group.get(share.reportId());
            if (member == null) {
                throw new DomainException.InvalidField("shares", "report " + share.reportId() + " is not part of this joint report");
            }
            if (out.containsKey(member)) {
                throw new DomainException.InvalidField("shares", "report " + share.reportId() + " has two shares");
            }
            if (member.status == ReportStatus.WITHDRAWN) {
                throw new DomainException.InvalidField("shares", "report " + share.reportId() + " was withdrawn and gets no share");
            }
            if (share.amount() == null || share.amount().signum() <= 0 || share.amount().scale() > 2) {
                throw new DomainException.InvalidField("shares", "each share is a positive amount in yuan with at most two decimals");
            }
            out.put(member, share.amount().setScale(2));
            sum = sum.add(share.amount());
        }
        for (Report member : group.values()) {
            if (member.status != ReportStatus.WITHDRAWN && !out.containsKey(member)) {
                throw new DomainException.InvalidField("shares", "report " + member.id + " of the joint report has no share"
                        + " (give it 0.01 or more; a co-reporter who wants nothing withdraws the report)");
            }
        }
        if (sum.compareTo(total) != 0) {
            throw new DomainException.InvalidField("shares", "the shares add up to " + sum.toPlainString() + ", not the reward of "
                    + total.toPlainString());
        }
        return out;
    }

    /** Approved rewards not claimed by their deadline are deemed waived ([law]); run daily by {@link RewardWaivers}. */
    @WithTransaction
    public Uni<Integer> waiveExpired(int limit) {
        LocalDate today = clock.today();
        return Reward.<Reward>find("status = ?1 and claimDeadline < ?2 order by claimDeadline", Reward.Status.APPROVED, today)
                .page(0, limit).list().chain(expired -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    Caller job = Caller.system("reward-waiver");
                    for (Reward w : expired) {
                        all = all.chain(() -> Report.<Report>findById(w.reportId).chain(r -> {
                            Map<String, Object> before = snapshot(w);
                            w.status = Reward.Status.WAIVED;
                            w.closedReason = "not claimed by " + w.claimDeadline;
                            OffsetDateTime at = clock.now();
                            return outbox.append(RewardEvent.TYPE_WAIVED, r.id.toString(), event(r, w, at))
                                    .call(x -> audit.record(job, "reward.waived", "reward", r.id.toString(), before, snapshot(w)))
                                    .replaceWithVoid();
                        }));
                    }
                    return all.replaceWith(expired.size());
                });
    }

    /**
     * The reporter claims within the window: a real-name reporter proves it is them (the same name and ID number), an
     * anonymous reporter reveals an identity now, for the first time, which is validated and stored encrypted.
     */
    @WithTransaction
    public Uni<ReportService.ReceiptDetails> claim(String receiptCode, String secret, ReporterIdentity.Identity claimant) {
        return reports.withReceipt(receiptCode, secret).call(r -> claimFor(r, claimant, Caller.ANONYMOUS))
                .chain(r -> reports.byReceiptOf(r));
    }

    /**
     * A reporter without a receipt (recorded by staff from a phone call, letter or visit) claims in person: the
     * handler checks the identity document and records the claim; the same checks apply as to a claim by receipt.
     */
    @WithTransaction
    public Uni<Assessment> claimInPerson(Caller staff, UUID id, ReporterIdentity.Identity claimant) {
        return reports.visible(id, staff.scope()).call(r -> {
            if (r.receiptCode != null) {
                throw new DomainException.StateConflict("Report " + id + " has a receipt: its reporter claims with it.");
            }
            return claimFor(r, claimant, staff);
        }).chain(this::assessment);
    }

    private Uni<Void> claimFor(Report r, ReporterIdentity.Identity claimant, Caller actor) {
        return Reward.<Reward>findById(r.id).chain(w -> {
            if (w == null) {
                throw new DomainException.StateConflict("No reward has been approved for this report.");
            }
            Reward.Status now = w.statusOn(clock.today());
            if (now != Reward.Status.APPROVED) {
                throw new DomainException.StateConflict(now == Reward.Status.WAIVED
                        ? "The claim window closed on " + w.claimDeadline + "; the reward is deemed waived."
                        : "The reward is already " + now.name().toLowerCase() + ".");
            }
            if (r.anonymous) {
                identities.store(r, claimant, "");
            } else if (!identities.samePerson(r, claimant)) {
                // one answer whichever part differs: the refusal must not help to guess the reporter's identity
                throw new DomainException.RuleViolation("The identity given is not the one this report was made under.");
            }
            Map<String, Object> before = snapshot(w);
            w.status = Reward.Status.CLAIMED;
            w.claimedAt = clock.now();
            return audit.record(actor, "reward.claimed", "reward", r.id.toString(), before, snapshot(w)).replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<Assessment> pay(Caller staff, UUID id, String paymentRef) {
        return transition(staff, id, Reward.Status.CLAIMED, "reward.paid", RewardEvent.TYPE_PAID, w -> {
            w.status = Reward.Status.PAID;
            w.paidAt = clock.now();
            w.paidBy = staff.subject();
            w.paymentRef = paymentRef;
            return w.paidAt;
        });
    }

    /** A reward obtained by fraud is recovered ([local]). */
    @WithTransaction
    public Uni<Assessment> clawBack(Caller staff, UUID id, String reason) {
        return transition(staff, id, Reward.Status.PAID, "reward.clawed-back", RewardEvent.TYPE_CLAWED_BACK, w -> {
            w.status = Reward.Status.CLAWED_BACK;
            w.closedReason = reason;
            return clock.now();
        });
    }

    private Uni<Assessment> transition(Caller staff, UUID id, Reward.Status from, String action, String eventType,
                                       java.util.function.Function<Reward, OffsetDateTime> change) {
        return reports.visible(id, staff.scope()).chain(r -> Reward.<Reward>findById(id).chain(w -> {
            if (w == null || w.statusOn(clock.today()) != from) {
                throw new DomainException.StateConflict("The reward of report " + id + " is "
                        + (w == null ? "not approved" : w.statusOn(clock.today()).name().toLowerCase())
                        + "; this step needs it " + from.name().toLowerCase() + ".");
            }
            Map<String, Object> before = snapshot(w);
            OffsetDateTime at = change.apply(w);
            return outbox.append(eventType, r.id.toString(), event(r, w, at))
                    .call(x -> audit.record(staff, action, "reward", r.id.toString(), before, snapshot(w)))
                    .chain(x -> assessment(r));
        }));
    }

    Uni<Assessment> assessment(Report r) {
        Uni<List<Reward>> shares = r.jointWith != null ? Reward.list("jointReportId = ?1 order by reportId", r.jointWith)
                : Reward.list("jointReportId = ?1 order by reportId", r.id);
        return shares.chain(group -> Reward.<Reward>findById(r.id).map(w -> {
            Eligibility e = eligibility(r);
            LocalDate date = r.handlingDecidedAt == null ? clock.today()
                    : r.handlingDecidedAt.atZoneSameInstant(BusinessClock.ZONE).toLocalDate();
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
            return new Assessment(r, e, quote, date, w, group);
        }));
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
                new Check("FIRST_REPORTER", "it is the first report of the same matter", r.duplicateOf == null),
                new Check("ONE_REWARD_PER_JOINT_REPORT", "a joint report's one reward is approved on its first report and shared",
                        r.jointWith == null));
        List<Check> exclusions = List.of(
                new Check("REPORTER_IS_STAFF", "the reporter is bureau staff or staff of an entrusted third party", checks.getOrDefault("reporterIsStaff", false)),
                new Check("SELF_REPORTING_WRONGDOER", "the reporter took part in the wrongdoing", checks.getOrDefault("reporterIsWrongdoer", false)),
                new Check("WITHDRAWN", "the report was withdrawn before the decision", r.status == ReportStatus.WITHDRAWN),
                new Check("CLUE_OBTAINED_ILLEGALLY", "the clue was obtained illegally", checks.getOrDefault("clueObtainedIllegally", false)));
        return new Eligibility(conditions, exclusions);
    }

    private static RewardEvent event(Report r, Reward w, OffsetDateTime at) {
        return new RewardEvent(r.id.toString(), r.region, w.amount.toPlainString(), w.policyId, at,
                w.status == Reward.Status.APPROVED || w.status == Reward.Status.WAIVED ? w.claimDeadline : null,
                w.jointReportId == null ? null : w.jointReportId.toString());
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
        if (w.jointReportId != null) {
            m.put("jointReportId", w.jointReportId.toString());
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
