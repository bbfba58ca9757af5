package org.fundguard.bench.monitoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The same per-line checks as DRL, the way Drools rule bases for claim screening are usually written: one rule per
 * knowledge point, generated from the knowledge base as a rule template or decision table would generate it. Each rule is
 * a single pattern on {@link LineFact} whose first constraint is {@code code == "<national code>"}: Drools hashes those
 * literal constraints (alpha-node hashing), so a line reaches only the rules of its own code, in constant time — the
 * same dispatch FundGuard does with its code table. The consequence only counts ({@code counter.hit()}); FundGuard
 * builds a full {@code Hit} with its reason text on every hit.
 *
 * <p>Knowledge points are not inserted as facts: a stateless session starts empty on every {@code execute}, so facts
 * would have to be re-inserted (thousands of them) for every claim, and a join of lines to knowledge facts would be a
 * beta network — both slower than the alpha-hashed rule-per-point form.
 *
 * <p>Visit-type prefixes are written {@code !medType.startsWith("2")}, not with the {@code str[startsWith]} operator:
 * in Drools 10.2.0 a jitted constraint using that operator fails with {@code NoSuchMethodError:
 * EvaluatorHelper.initOperators} once the constraint is hot (a packaging mismatch between drools-mvel and drools-core).
 */
public final class DroolsRules {

    private DroolsRules() {
    }

    /** The DRL for the knowledge points (per-line kinds only). */
    public static String drl(List<KnowledgePoint> points) {
        StringBuilder b = new StringBuilder(points.size() * 120);
        b.append("package fundguard.bench;\n\n")
                .append("import ").append(LineFact.class.getName()).append(";\n")
                .append("global ").append(HitCounter.class.getName()).append(" counter;\n\n");
        for (KnowledgePoint kp : points) {
            String when = condition(kp);
            if (when == null) {
                continue;
            }
            for (String code : kp.codes()) {
                b.append("rule \"").append(kp.id()).append(' ').append(code).append("\"\nwhen\n    LineFact( code == \"")
                        .append(code).append("\", ").append(when).append(" )\nthen\n    counter.hit();\nend\n\n");
            }
        }
        return b.toString();
    }

    /** The constraints after the code; null when the point can never hit. */
    static String condition(KnowledgePoint kp) {
        switch (kp.ruleClass().kind()) {
            case SEX:
                // only a patient of the other known sex hits (0 未知 / 9 未说明 never do)
                return "gend == \"" + ("1".equals(kp.gend()) ? "2" : "1") + "\"";
            case AGE: {
                String band = kp.ageMin() != null && kp.ageMax() != null
                        ? "age < " + kp.ageMin() + " || age > " + kp.ageMax()
                        : kp.ageMin() != null ? "age < " + kp.ageMin() : "age > " + kp.ageMax();
                return "brdy != null, " + band;
            }
            case INSURANCE_TYPE:
                return "insutype != null, insutype not in (" + quoted(kp.insutypes()) + ")";
            case VISIT_TYPE:
                return "medType != null, " + kp.medTypes().stream().map(p -> "!medType.startsWith(\"" + p + "\")")
                        .collect(Collectors.joining(", "));
            case INSTITUTION_LEVEL:
                return "hospLv != null, hospLv not in (" + quoted(kp.hospLvs()) + ")";
            case PRICE_CAP:
                return "pric != null, pric > " + big(kp.priceCap());
            case MAX_SUPPLY: {
                String q = kp.maxQuantity() == null ? null : "cnt > " + big(kp.maxQuantity());
                String d = kp.maxDays() == null ? null : "prdDays != null && prdDays > " + big(kp.maxDays());
                return q == null && d == null ? null : q == null ? d : d == null ? q : q + " || (" + d + ")";
            }
            default:
                throw new IllegalArgumentException("not a per-line kind in this benchmark: " + kp.ruleClass());
        }
    }

    private static String quoted(java.util.Collection<String> values) {
        return values.stream().sorted().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }

    private static String big(BigDecimal v) {
        return v.toPlainString() + "B";
    }

    /** Compiles the DRL into a KieBase (KieServices + KieFileSystem, the public KIE API). */
    public static KieBase build(String drl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.write("src/main/resources/fundguard/bench/rules.drl", drl);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("DRL does not compile: " + builder.getResults().getMessages());
        }
        KieContainer container = ks.newKieContainer(ks.getRepository().getDefaultReleaseId());
        return container.getKieBase();
    }

    /** A stateless session counting into {@code counter}. */
    public static StatelessKieSession session(KieBase base, HitCounter counter) {
        StatelessKieSession s = base.newStatelessKieSession();
        s.setGlobal("counter", counter);
        return s;
    }
}
