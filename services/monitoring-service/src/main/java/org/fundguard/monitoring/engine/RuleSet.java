package org.fundguard.monitoring.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundguard.monitoring.knowledge.KnowledgeBase;
import org.fundguard.monitoring.knowledge.KnowledgeCandidates;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.fundguard.monitoring.knowledge.RuleKind;

/**
 * A versioned set of enabled rule classes over a knowledge-base snapshot, compiled for screening: one hash table from
 * national code to the checks that apply to it (all rule classes together, so a fee line costs one lookup), plus the
 * candidates of the rules that apply to every line or visit. Immutable and thread-safe.
 */
public final class RuleSet {

    private final String version;
    private final Set<RuleClass> enabled;
    private final KnowledgeBase knowledge;
    /**
     * Per national code, the candidates of every enabled rule class that lists it: one {@link KnowledgeCandidates} when
     * there is just one (the common case, one load fewer), else a {@code KnowledgeCandidates[]}.
     */
    final CodeTable<Object> byCode;
    final KnowledgeCandidates feeDate;
    final KnowledgeCandidates barred;
    final KnowledgeCandidates traceCode;
    final KnowledgeCandidates death;
    final KnowledgeCandidates readmission;
    final KnowledgeCandidates[] frequentVisits;
    /** Codes whose earlier uses by the same patient some rule reads (payment course, frequent purchases). */
    private final Set<String> historyCodes;
    /**
     * {@code med_type} codes (or prefixes) of emergency and rescue visits, which the barred-practitioner rule exempts
     * besides a knowledge point's own {@code exempt_med_types}: the service kit's {@code EmergencyVisits} list, shared
     * with qualification-service's look-up. Empty unless set with {@link #withEmergencyMedTypes}.
     */
    final List<String> emergencyMedTypes;

    /** The same compiled rules with another emergency list. */
    private RuleSet(RuleSet other, List<String> emergencyMedTypes) {
        this.version = other.version;
        this.enabled = other.enabled;
        this.knowledge = other.knowledge;
        this.byCode = other.byCode;
        this.feeDate = other.feeDate;
        this.barred = other.barred;
        this.traceCode = other.traceCode;
        this.death = other.death;
        this.readmission = other.readmission;
        this.frequentVisits = other.frequentVisits;
        this.historyCodes = other.historyCodes;
        this.emergencyMedTypes = List.copyOf(emergencyMedTypes);
    }

    private RuleSet(String version, Set<RuleClass> enabled, KnowledgeBase knowledge) {
        this.emergencyMedTypes = List.of();
        this.version = version;
        this.enabled = Collections.unmodifiableSet(enabled);
        this.knowledge = knowledge;
        Map<String, List<KnowledgeCandidates>> coded = new HashMap<>();
        Map<RuleKind, KnowledgeCandidates> general = new HashMap<>();
        List<KnowledgeCandidates> frequent = new ArrayList<>();
        for (RuleClass rc : enabled) {
            RuleKind kind = rc.kind();
            for (Map.Entry<String, KnowledgeCandidates[]> e : knowledge.candidatesByCode(rc).entrySet()) {
                String code = e.getKey();
                for (KnowledgeCandidates c : e.getValue()) {
                    if (!code.equals(KnowledgeBase.GENERAL)
                            && (kind.coded() || kind == RuleKind.FREQUENT_VISITS)) {
                        coded.computeIfAbsent(code, k -> new ArrayList<>()).add(c);
                    } else if (code.equals(KnowledgeBase.GENERAL) && kind == RuleKind.FREQUENT_VISITS) {
                        frequent.add(c);
                    } else if (code.equals(KnowledgeBase.GENERAL) && !kind.coded()) {
                        general.put(kind, c);
                    }
                }
            }
        }
        Set<String> withHistory = new java.util.HashSet<>();
        coded.forEach((code, list) -> {
            if (list.stream().anyMatch(c -> c.kind() == RuleKind.PAYMENT_COURSE || c.kind() == RuleKind.FREQUENT_VISITS
                    || c.kind() == RuleKind.FREQUENCY)) {
                withHistory.add(code);
            }
        });
        this.historyCodes = Set.copyOf(withHistory);
        Map<String, Object> compiled = new HashMap<>(Math.max(16, coded.size() * 2));
        coded.forEach((code, list) -> compiled.put(code,
                list.size() == 1 ? list.get(0) : list.toArray(new KnowledgeCandidates[0])));
        this.byCode = new CodeTable<>(compiled);
        this.feeDate = general.get(RuleKind.FEE_DATE);
        this.barred = general.get(RuleKind.PRACTITIONER_BARRED);
        this.traceCode = general.get(RuleKind.TRACE_CODE_REUSED);
        this.death = general.get(RuleKind.AFTER_DEATH);
        this.readmission = general.get(RuleKind.READMISSION);
        this.frequentVisits = frequent.toArray(new KnowledgeCandidates[0]);
    }

    /**
     * Compiles a rule set. Rule classes without an evaluator ({@link RuleKind#NOT_IMPLEMENTED}) are left out even when
     * listed; a rule class with no knowledge point in the base simply never hits.
     */
    public static RuleSet compile(String version, Collection<RuleClass> enabledClasses, KnowledgeBase knowledge) {
        EnumSet<RuleClass> on = EnumSet.noneOf(RuleClass.class);
        for (RuleClass rc : enabledClasses) {
            if (rc.kind() != RuleKind.NOT_IMPLEMENTED) {
                on.add(rc);
            }
        }
        return new RuleSet(version, on, knowledge);
    }

    /** Every rule class FundGuard can evaluate, over the given knowledge. */
    public static RuleSet allImplemented(String version, KnowledgeBase knowledge) {
        return compile(version, EnumSet.allOf(RuleClass.class), knowledge);
    }

    /**
     * This rule set exempting, in the barred-practitioner rule, visits whose {@code med_type} is one of (or a subcode of)
     * {@code medTypes}: the service kit's {@code EmergencyVisits.medTypes()}.
     */
    public RuleSet withEmergencyMedTypes(List<String> medTypes) {
        return new RuleSet(this, medTypes);
    }

    /** The emergency list the barred-practitioner rule exempts (see {@link #withEmergencyMedTypes}). */
    public List<String> emergencyMedTypes() {
        return emergencyMedTypes;
    }

    public String version() {
        return version;
    }

    public Set<RuleClass> enabled() {
        return enabled;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /**
     * True when a rule reads the patient's earlier paid uses of this code ({@link PatientHistory#uses}); a history
     * built for this rule set need not keep the uses of other codes.
     */
    public boolean readsUsesOf(String code) {
        return historyCodes.contains(code);
    }

    /** A patient history that keeps only what this rule set reads. */
    public InMemoryPatientHistory newHistory() {
        return historyCodes.isEmpty() ? InMemoryPatientHistory.visitsOnly() : new InMemoryPatientHistory(this::readsUsesOf);
    }

    /** True when the traceability-code rule is on (batch screening then keeps the coded lines until every use is known). */
    public boolean needsTraceIndex() {
        return traceCode != null;
    }

    /** Number of national codes with at least one check. */
    public int codeCount() {
        return byCode.size();
    }
}
