package org.fundguard.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.outbox.Outbox;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.calendar.WorkingDayCalendar;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.kit.upload.CheckedFile;
import org.fundguard.kit.upload.UploadChecker;
import org.fundguard.report.event.ReportDecided;
import org.fundguard.report.event.ReportInvestigated;
import org.fundguard.report.event.ReportReceived;
import org.fundguard.report.handlers.HandlerDirectory;
import org.fundguard.kit.decision.DecisionRequest;
import org.fundguard.kit.decision.ViolationDecided;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Report handling: every change with its event and audit entry in one transaction, every staff read within the
 * caller's region, every reporter read through the receipt and secret.
 */
@ApplicationScoped
public class ReportService {

    /** Filters of the staff list; null = any. {@code noticeOverdue}: a real-name reporter not yet told past the due day. */
    public record Filter(ReportStatus status, String region, String assignedTo, boolean overdueOnly, boolean noticeOverdue) {
    }

    /** What staff record for a phone, letter or visit report; reporter null = anonymous. */
    public record Intake(Channel channel, String region, String institutionCode, String institutionName, String conduct,
                         LocalDate occurredOn, ReporterIdentity.Identity reporter, boolean insider, boolean wantsReward) {
        public Intake(Channel channel, String region, String institutionCode, String institutionName, String conduct,
                      LocalDate occurredOn) {
            this(channel, region, institutionCode, institutionName, conduct, occurredOn, null, false, false);
        }
    }

    /** What a member of the public submits; reporter null = anonymous. */
    public record Submission(String region, String institutionCode, String institutionName, String reportedPersons,
                             String conduct, LocalDate occurredOn, ReporterIdentity.Identity reporter, boolean insider,
                             boolean wantsReward) {
    }

    /** A new public report: the receipt code and the secret, which is shown this once. */
    public record Issued(Report report, String receiptCode, String secret) {
    }

    /** What the reporter sees through the receipt. */
    public record ReceiptDetails(Report report, List<Message> messages, List<Attachment> attachments, Reward reward) {
    }

    /** The investigation outcome recorded by the handler. */
    public record Investigation(boolean verified, BigDecimal caseValue, String institutionCode, String institutionName,
                                String targetKind, Integer evidenceLevel, List<ViolationDecided.ResponsiblePerson> responsiblePersons,
                                Map<String, Boolean> rewardChecks) {
    }

    private static final String NOT_FOUND_BY_RECEIPT = "No report matches this receipt code and secret.";

    private final ReportRepository reports;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ReporterIdentity identities;
    private final Evidence evidence;
    private final WorkingDayCalendar calendar;
    private final BusinessClock clock;
    private final ReportsConfig config;
    private final ObjectMapper json;
    private final HandlerDirectory handlers;

    public ReportService(ReportRepository reports, Outbox outbox, AuditLog audit, ReporterIdentity identities,
                         Evidence evidence, ReportsConfig config, ObjectMapper json, HandlerDirectory handlers,
                         WorkingDayCalendar calendar, BusinessClock clock) {
        this.handlers = handlers;
        this.calendar = calendar;
        this.clock = clock;
        this.reports = reports;
        this.outbox = outbox;
        this.audit = audit;
        this.identities = identities;
        this.evidence = evidence;
        this.config = config;
        this.json = json;
    }

    // ---------------------------------------------------------------- intake

    @WithTransaction
    public Uni<Report> intake(Caller staff, Intake in) {
        if (!staff.scope().canSee(in.region())) {
            return Uni.createFrom().failure(new DomainException.AccessDenied(
                    "Region " + in.region() + " is outside your region " + staff.region() + "."));
        }
        Report r = newReport(in.region(), in.channel(), in.institutionCode(), in.institutionName(), in.conduct(), in.occurredOn());
        r.receivedBy = staff.subject();
        r.insider = in.insider();
        r.wantsReward = in.wantsReward();
        if (in.reporter() != null) {
            identities.store(r, in.reporter(), "reporter.");
        }
        return received(r, staff);
    }

    /** A public report with its evidence, all in one transaction: a refused file leaves nothing behind. */
    @WithTransaction
    public Uni<Issued> submit(Submission in, List<UploadChecker.Upload> files) {
        List<CheckedFile> checked = evidence.checkAll(files, 0, 0);
        Report r = newReport(in.region(), Channel.INTERNET, in.institutionCode(), in.institutionName(), in.conduct(), in.occurredOn());
        r.receivedBy = "reporter";
        r.reportedPersons = in.reportedPersons();
        r.insider = in.insider();
        r.wantsReward = in.wantsReward();
        if (in.reporter() != null) {
            identities.store(r, in.reporter(), "reporter.");
        }
        String receipt = Receipts.newReceiptCode();
        String secret = Receipts.newSecret();
        r.receiptCode = receipt;
        r.secretHash = Receipts.hash(secret);
        return received(r, Caller.ANONYMOUS)
                .call(x -> evidence.attach(r.id, checked, "reporter"))
                .map(x -> new Issued(r, receipt, secret));
    }

    private Report newReport(String region, Channel channel, String institutionCode, String institutionName, String conduct,
                             LocalDate occurredOn) {
        Report r = new Report();
        r.id = UUID.randomUUID();
        r.region = region;
        r.channel = channel;
        r.status = ReportStatus.RECEIVED;
        r.institutionCode = institutionCode;
        r.institutionName = institutionName;
        r.conduct = conduct;
        r.occurredOn = occurredOn;
        r.receivedAt = clock.now();
        r.acceptanceDue = calendar.addWorkingDays(r.receivedAt.atZoneSameInstant(BusinessClock.ZONE).toLocalDate(), config.acceptanceWorkingDays());
        return r;
    }

    private Uni<Report> received(Report r, Caller actor) {
        return reports.persist(r)
                .call(x -> outbox.append(ReportReceived.TYPE, r.id.toString(),
                        new ReportReceived(r.id.toString(), r.region, r.channel.name(), r.institutionCode, r.receivedAt)))
                .call(x -> audit.record(actor, "report.received", "report", r.id.toString(), null, snapshot(r)));
    }

    // ---------------------------------------------------------------- the reporter, through the receipt

    @WithSession
    public Uni<ReceiptDetails> byReceipt(String receiptCode, String secret) {
        return withReceipt(receiptCode, secret).chain(this::details);
    }

    @WithTransaction
    public Uni<ReceiptDetails> reporterMessage(String receiptCode, String secret, String body) {
        return withReceipt(receiptCode, secret)
                .call(r -> message(r, Message.Author.REPORTER, body))
                .call(r -> audit.record(Caller.ANONYMOUS, "report.message.reporter", "report", r.id.toString(), null, Map.of("length", body.length())))
                .chain(this::details);
    }

    @WithTransaction
    public Uni<ReceiptDetails> reporterEvidence(String receiptCode, String secret, List<UploadChecker.Upload> files) {
        return withReceipt(receiptCode, secret)
                .call(r -> {
                    if (r.status == ReportStatus.WITHDRAWN || r.status == ReportStatus.DECLINED) {
                        throw new DomainException.StateConflict("This report is " + r.status.name().toLowerCase() + "; evidence can no longer be added.");
                    }
                    return evidence.totals(r.id).map(t -> evidence.checkAll(files, t[0], t[1]))
                            .chain(checked -> evidence.attach(r.id, checked, "reporter"));
                })
                .call(r -> audit.record(Caller.ANONYMOUS, "report.evidence.added", "report", r.id.toString(), null,
                        Map.of("files", files.size())))
                .chain(this::details);
    }

    /** The reporter withdraws before a handling decision (then no reward can be paid). */
    @WithTransaction
    public Uni<ReceiptDetails> withdraw(String receiptCode, String secret) {
        return withReceipt(receiptCode, secret)
                .call(r -> {
                    if (r.status == ReportStatus.DECIDED || r.status == ReportStatus.DECLINED || r.status == ReportStatus.UNFOUNDED
                            || r.status == ReportStatus.WITHDRAWN) {
                        throw new DomainException.StateConflict("A report that is " + r.status.name().toLowerCase() + " cannot be withdrawn.");
                    }
                    Map<String, Object> before = snapshot(r);
                    r.status = ReportStatus.WITHDRAWN;
                    return audit.record(Caller.ANONYMOUS, "report.withdrawn", "report", r.id.toString(), before, snapshot(r));
                })
                .chain(this::details);
    }

    /** The report of a receipt when the secret matches; an unknown receipt and a wrong secret get the same answer. */
    Uni<Report> withReceipt(String receiptCode, String secret) {
        String code = Receipts.normalise(receiptCode);
        Uni<Report> found = Receipts.RECEIPT.matcher(code).matches()
                ? reports.find("receiptCode", code).firstResult()
                : Uni.createFrom().nullItem();
        return found.map(r -> {
            if (!Receipts.matches(r == null ? null : r.secretHash, secret)) {
                throw new DomainException.RecordNotFound(NOT_FOUND_BY_RECEIPT);
            }
            return r;
        });
    }

    /** The reporter's view of a report already found through its receipt. */
    Uni<ReceiptDetails> byReceiptOf(Report r) {
        return details(r);
    }

    private Uni<ReceiptDetails> details(Report r) {
        return Message.<Message>find("reportId = ?1 order by sentAt, id", r.id).list()
                .chain(messages -> evidence.list(r.id)
                        .chain(files -> Reward.<Reward>findById(r.id)
                                .map(reward -> new ReceiptDetails(r, messages, files, reward))));
    }

    // ---------------------------------------------------------------- staff handling

    @WithSession
    public Uni<PageView<Report>> list(RegionScope scope, Filter filter, PageRequest paging) {
        var q = reports.search(scope, filter, clock.today());
        return q.page(paging.panache()).list().chain(items -> q.count().map(total -> PageView.of(items, paging, total)));
    }

    /** A report the caller may see; another region's report is "not found", so its existence is not disclosed. */
    @WithSession
    public Uni<Report> get(UUID id, RegionScope scope) {
        return visible(id, scope);
    }

    @WithSession
    public Uni<List<Message>> messages(UUID id, RegionScope scope) {
        return visible(id, scope).chain(r -> Message.<Message>find("reportId = ?1 order by sentAt, id", r.id).list());
    }

    Uni<Report> visible(UUID id, RegionScope scope) {
        return reports.findById(id).map(r -> {
            if (r == null || !scope.canSee(r.region)) {
                throw new DomainException.RecordNotFound("No report " + id + ".");
            }
            return r;
        });
    }

    /** Accept or decline (with a reason) within the deadline; a real-name reporter is told at once. */
    @WithTransaction
    public Uni<Report> decideAcceptance(Caller staff, UUID id, boolean accept, DeclineReason reason) {
        return visible(id, staff.scope()).call(r -> {
            if (!r.status.awaitsAcceptance()) {
                throw new DomainException.StateConflict("Report " + id + " is already " + r.status.name().toLowerCase() + ".");
            }
            if (!accept && reason == null) {
                throw new DomainException.RuleViolation("A decline needs a reason (reason).");
            }
            Map<String, Object> before = snapshot(r);
            OffsetDateTime now = clock.now();
            r.status = accept ? ReportStatus.ACCEPTED : ReportStatus.DECLINED;
            r.declineReason = accept ? null : reason;
            r.decidedAt = now;
            r.decidedBy = staff.subject();
            String type = accept ? ReportDecided.TYPE_ACCEPTED : ReportDecided.TYPE_DECLINED;
            Uni<?> notice = Uni.createFrom().voidItem();
            if (r.receiptCode == null && !r.anonymous) {
                // no mailbox: staff tell the real-name reporter by phone or letter, within the notice period
                r.noticeDue = calendar.addWorkingDays(now.toLocalDate(), config.noticeWorkingDays());
            }
            if (r.receiptCode != null) {
                // the reporter's mailbox is the notice channel: written in the same transaction as the decision
                r.notifiedAt = now;
                r.noticeChannel = "RECEIPT";
                notice = message(r, Message.Author.BUREAU, accept
                        ? "您的举报已受理 (your report has been accepted for handling)."
                        : "您的举报不予受理 (your report was not accepted): " + r.declineReason.name() + ".");
            }
            return notice
                    .call(x -> outbox.append(type, r.id.toString(), new ReportDecided(r.id.toString(), r.region, now,
                            accept ? null : reason.name())))
                    .call(x -> audit.record(staff, accept ? "report.accepted" : "report.declined", "report", r.id.toString(), before, snapshot(r)));
        });
    }

    /**
     * Hands an accepted report to a report handler whose region covers the report's, as Keycloak knows them (see
     * {@link HandlerDirectory}): asked before the transaction, so no database work waits on Keycloak.
     */
    public Uni<Report> assign(Caller staff, UUID id, String handler) {
        return handlers.find(handler).chain(found -> Panache.withTransaction(() -> visible(id, staff.scope()).call(r -> {
            if (r.status != ReportStatus.ACCEPTED) {
                throw new DomainException.StateConflict("Only an accepted report can be assigned; report " + id + " is "
                        + r.status.name().toLowerCase() + ".");
            }
            if (found.isEmpty() || !found.get().covers(r.region)) {
                throw new DomainException.InvalidField("handler", "is not a report handler of region " + r.region
                        + " (give the username of a user with the role report-handler whose region covers the report's)");
            }
            Map<String, Object> before = snapshot(r);
            r.assignedTo = found.get().username();
            return audit.record(staff, "report.assigned", "report", r.id.toString(), before, snapshot(r));
        })));
    }

    /** Staff record that they told a real-name reporter of the acceptance decision, and how. */
    @WithTransaction
    public Uni<Report> recordNotice(Caller staff, UUID id, String channel) {
        return visible(id, staff.scope()).call(r -> {
            if (r.noticeDue == null) {
                throw new DomainException.StateConflict("Report " + id + " has no notice to give: it is anonymous, followed "
                        + "through its receipt, or not decided yet.");
            }
            if (r.notifiedAt != null) {
                throw new DomainException.StateConflict("The reporter of report " + id + " was already told on " + r.notifiedAt + ".");
            }
            Map<String, Object> before = snapshot(r);
            r.notifiedAt = clock.now();
            r.noticeChannel = channel;
            return audit.record(staff, "report.reporter-notified", "report", r.id.toString(), before, snapshot(r));
        });
    }

    /**
     * The investigation outcome. A verified report keeps the institution it names unless the investigation found
     * another (then the given one is recorded, the audit entry shows both), and needs the reward checklist answers.
     */
    @WithTransaction
    public Uni<Report> investigate(Caller staff, UUID id, Investigation in) {
        if (in.verified() && in.rewardChecks() == null) {
            return Uni.createFrom().failure(new DomainException.InvalidField("rewardChecks",
                    "a verified report needs the answers to the reward checklist"));
        }
        return visible(id, staff.scope()).call(r -> {
            if (r.status != ReportStatus.ACCEPTED) {
                throw new DomainException.StateConflict("Only an accepted report can be investigated; report " + id + " is "
                        + r.status.name().toLowerCase() + ".");
            }
            String institutionCode = in.institutionCode() != null ? in.institutionCode() : r.institutionCode;
            if (in.verified() && (in.caseValue() == null || institutionCode == null)) {
                throw new DomainException.RuleViolation(in.caseValue() == null
                        ? "A verified report needs its case value (caseValue)."
                        : "A verified report needs its institution (institution): this report names none.");
            }
            Map<String, Object> before = snapshot(r);
            OffsetDateTime now = clock.now();
            r.status = in.verified() ? ReportStatus.VERIFIED : ReportStatus.UNFOUNDED;
            r.verifiedAt = now;
            r.verifiedBy = staff.subject();
            if (in.verified()) {
                r.caseValue = in.caseValue().setScale(2, java.math.RoundingMode.UNNECESSARY);
                if (in.institutionCode() != null) {
                    r.institutionCode = in.institutionCode();
                    r.institutionName = in.institutionName();
                }
                r.targetKind = in.targetKind();
                r.evidenceLevel = in.evidenceLevel();
                r.responsiblePersons = write(in.responsiblePersons() == null ? List.of() : in.responsiblePersons());
                r.rewardChecks = write(in.rewardChecks());
            }
            String type = in.verified() ? ReportInvestigated.TYPE_VERIFIED : ReportInvestigated.TYPE_UNFOUNDED;
            return outbox.append(type, r.id.toString(), new ReportInvestigated(r.id.toString(), r.region, r.institutionCode,
                            r.caseValue == null ? null : r.caseValue.toPlainString(), now))
                    .call(x -> audit.record(staff, in.verified() ? "report.verified" : "report.unfounded", "report",
                            r.id.toString(), before, snapshot(r)));
        });
    }

    /**
     * Sets or corrects whether the reporter is a current or former insider of the reported institution (内部人员举报,
     * the reward's uplift), while the report is being investigated: accepted, not yet verified.
     */
    @WithTransaction
    public Uni<Report> setInsider(Caller staff, UUID id, boolean insider) {
        return visible(id, staff.scope()).call(r -> {
            if (r.status != ReportStatus.ACCEPTED) {
                throw new DomainException.StateConflict("The insider flag is set at intake or while the report is investigated; report "
                        + id + " is " + r.status.name().toLowerCase() + ".");
            }
            Map<String, Object> before = snapshot(r);
            r.insider = insider;
            return audit.record(staff, "report.insider-set", "report", r.id.toString(), before, snapshot(r));
        });
    }

    /** Links a later report to the first report of the same matter: only the first reporter can be rewarded. */
    @WithTransaction
    public Uni<Report> markDuplicate(Caller staff, UUID id, UUID firstId) {
        if (id.equals(firstId)) {
            return Uni.createFrom().failure(new DomainException.RuleViolation("A report cannot duplicate itself (reportId)."));
        }
        return visible(firstId, staff.scope()).chain(first -> visible(id, staff.scope()).call(r -> {
            if (!first.receivedAt.isBefore(r.receivedAt)) {
                throw new DomainException.RuleViolation("Report " + firstId + " was received after report " + id
                        + "; link the later report to the earlier one (reportId).");
            }
            Map<String, Object> before = snapshot(r);
            r.duplicateOf = first.duplicateOf != null ? first.duplicateOf : first.id;
            return audit.record(staff, "report.duplicate-linked", "report", r.id.toString(), before, snapshot(r));
        }));
    }

    /**
     * Links a report to the earlier report it was made jointly with (联名举报): the group gets one reward, approved on
     * its first report and shared by agreement. Linking to a member links to that member's first report.
     */
    @WithTransaction
    public Uni<Report> markJoint(Caller staff, UUID id, UUID otherId) {
        if (id.equals(otherId)) {
            return Uni.createFrom().failure(new DomainException.RuleViolation("A report cannot be joint with itself (reportId)."));
        }
        return visible(otherId, staff.scope()).chain(other -> visible(other.jointWith == null ? other.id : other.jointWith,
                staff.scope())).chain(first -> visible(id, staff.scope()).call(r -> {
            if (!first.receivedAt.isBefore(r.receivedAt)) {
                throw new DomainException.RuleViolation("Report " + first.id + " was received after report " + id
                        + "; link the later report to the earlier one (reportId).");
            }
            if (r.duplicateOf != null || first.duplicateOf != null) {
                throw new DomainException.RuleViolation("A duplicate of an earlier report cannot be part of a joint report (reportId).");
            }
            return reports.count("jointWith", r.id).chain(members -> {
                if (members > 0) {
                    throw new DomainException.RuleViolation("Report " + id + " is the first report of its own joint group;"
                            + " link the later reports to the earliest one (reportId).");
                }
                return Reward.<Reward>findById(first.id);
            }).call(w -> {
                if (w != null) {
                    throw new DomainException.StateConflict("The reward of report " + first.id
                            + " is already approved; a report cannot join its group now.");
                }
                Map<String, Object> before = snapshot(r);
                r.jointWith = first.id;
                return audit.record(staff, "report.joint-linked", "report", r.id.toString(), before, snapshot(r));
            });
        }));
    }

    /** The handling decision (协议处理 or 行政处罚) that ends a verified report, published as violation.decided.v1. */
    @WithTransaction
    public Uni<Report> decideHandling(Caller staff, UUID id, DecisionRequest d) {
        return visible(id, staff.scope()).call(r -> {
            if (r.status != ReportStatus.VERIFIED) {
                throw new DomainException.StateConflict("Only a verified report can end in a handling decision; report " + id
                        + " is " + r.status.name().toLowerCase() + ".");
            }
            Map<String, Object> before = snapshot(r);
            OffsetDateTime now = clock.now();
            r.status = ReportStatus.DECIDED;
            r.handlingDecidedAt = now;
            r.recoveredAmount = d.recoveredAmount() == null ? r.caseValue : d.recoveredAmount();
            ViolationDecided event = d.event("REPORT", r.id.toString(), now, r.region,
                    new ViolationDecided.Institution(r.institutionCode, r.institutionName), r.caseValue, read(r.responsiblePersons));
            return outbox.append(ViolationDecided.TYPE, event.decisionId(), event)
                    .call(x -> audit.record(staff, "report.handling-decided", "report", r.id.toString(), before, snapshot(r)));
        });
    }

    @WithTransaction
    public Uni<List<Message>> handlerMessage(Caller staff, UUID id, String body) {
        return visible(id, staff.scope())
                .call(r -> {
                    if (r.receiptCode == null) {
                        throw new DomainException.StateConflict("Report " + id + " has no receipt: its reporter cannot read messages.");
                    }
                    return message(r, Message.Author.HANDLER, body);
                })
                .call(r -> audit.record(staff, "report.message.handler", "report", r.id.toString(), null, Map.of("length", body.length())))
                .chain(r -> Message.<Message>find("reportId = ?1 order by sentAt, id", r.id).list());
    }

    /** The reporter's identity, for report handlers of the report's region only; every view is audited. */
    @WithTransaction
    public Uni<ReporterIdentity.Identity> reporterIdentity(Caller staff, UUID id) {
        return visible(id, staff.scope()).chain(r -> {
            if (r.reporterIdEnc == null) {
                throw new DomainException.RecordNotFound("Report " + id + " was made anonymously; no identity is held.");
            }
            ReporterIdentity.Identity identity = identities.read(r);
            return audit.record(staff, "report.reporter-identity.viewed", "report", r.id.toString(), null,
                    Map.of("reason", "report handling")).replaceWith(identity);
        });
    }

    @WithSession
    public Uni<Long> count() {
        return reports.count();
    }

    // ---------------------------------------------------------------- helpers

    private Uni<Message> message(Report r, Message.Author author, String body) {
        Message m = new Message();
        m.id = UUID.randomUUID();
        m.reportId = r.id;
        m.author = author;
        m.body = body;
        m.sentAt = clock.now();
        return m.persist();
    }

    /** What the audit log keeps of a report: state, never the reporter's identity or free text. */
    static Map<String, Object> snapshot(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", r.region);
        m.put("channel", r.channel.name());
        m.put("status", r.status.name());
        m.put("anonymous", r.anonymous);
        m.put("insider", r.insider);
        if (r.institutionCode != null) {
            m.put("institutionCode", r.institutionCode);
            m.put("institutionName", r.institutionName);
        }
        if (r.declineReason != null) {
            m.put("declineReason", r.declineReason.name());
        }
        if (r.assignedTo != null) {
            m.put("assignedTo", r.assignedTo);
        }
        if (r.notifiedAt != null) {
            m.put("notifiedAt", r.notifiedAt.toString());
            m.put("noticeChannel", r.noticeChannel);
        }
        if (r.caseValue != null) {
            m.put("caseValue", r.caseValue.toPlainString());
        }
        if (r.duplicateOf != null) {
            m.put("duplicateOf", r.duplicateOf.toString());
        }
        if (r.jointWith != null) {
            m.put("jointWith", r.jointWith.toString());
        }
        return m;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ViolationDecided.ResponsiblePerson> read(String persons) {
        try {
            return persons == null ? List.of() : List.of(json.readValue(persons, ViolationDecided.ResponsiblePerson[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
