package org.fundguard.qualification.credit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.time.BusinessClock;

import java.time.LocalDate;
import java.util.List;

/**
 * Demo grades: the demo institutions evaluated over the last three full years, one of them (惠民大药房) with three poor
 * years and so flagged for ending its agreement. Idempotent: a database already seeded is left as it is.
 */
@ApplicationScoped
public class DemoCredit {

    static final Caller DEMO = Caller.system("demo-credit");

    /** One demo institution and, per year (oldest first), its deductions as indicator:points, "!" for serious dishonesty. */
    record Demo(String code, String name, String region, List<List<String>> years) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("H34110200001", "滁州市第一人民医院", "341100", List.of(
                    List.of("JC-06:5", "XY-05:10"), List.of("XY-05:10", "JD-01:10", "JD-11:5"), List.of("JC-06:5"))),
            new Demo("H34110300002", "滁州市第二人民医院", "341100", List.of(
                    List.of(), List.of("JC-09:5"), List.of("XY-04:10", "JD-01:10", "XY-09:15", "JD-04:5"))),
            new Demo("H34060200003", "淮北市人民医院", "340600", List.of(
                    List.of("ZL-01:20", "XY-05:20", "JD-01:25", "JD-08:25", "XY-09:15"), List.of("JD-04:5"), List.of())),
            // three poor years in a row (D, D, E): flagged for ending the agreement
            new Demo("P34060200001", "惠民大药房", "340600", List.of(
                    List.of("XY-03:25", "XY-04:25", "XY-08:25", "JD-01:25", "JD-02:25", "JD-03:25", "JD-08:25", "ZL-03:25", "XY-05:20", "XY-06:20", "ZL-01:20"),
                    List.of("XY-03:25", "XY-08:25", "JD-01:25", "JD-02:25", "JD-03:25", "JD-08:25", "JD-10:20", "ZL-03:25", "XY-06:20", "XY-11:20", "ZL-05:20"),
                    List.of("JD-09:20!", "XY-03:25", "JD-08:25"))),
            new Demo("H34110400004", "滁州市中西医结合医院", "341100", List.of(List.of(), List.of(), List.of("YD-02:5"))),
            new Demo("P34110200005", "滁州康泰大药房", "341100", List.of(
                    List.of("JC-04:5", "JC-07:5"), List.of("XY-07:10", "JC-06:10"), List.of("ZL-09:10"))),
            new Demo("H34060300006", "淮北市相山区社区卫生服务中心", "340600", List.of(List.of("JD-04:5"), List.of(), List.of())));

    private final CreditService credit;
    private final CreditCatalogues catalogues;
    private final BusinessClock clock;

    public DemoCredit(CreditService credit, CreditCatalogues catalogues, BusinessClock clock) {
        this.credit = credit;
        this.catalogues = catalogues;
        this.clock = clock;
    }

    /** Seeds what is not there yet: an institution already evaluated is skipped. */
    public Uni<Void> seed() {
        int first = clock.today().getYear() - 3;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Demo demo : DEMOS) {
            // an institution that decisions rated already is still seeded; one with evaluations is not
            chain = chain.chain(() -> Panache.withTransaction(() -> CreditEvaluationRecord.count("fixmedinsCode", demo.code())
                    .chain(n -> n > 0 ? Uni.createFrom().voidItem() : seed(demo, first))));
        }
        return chain;
    }

    private Uni<Void> seed(Demo demo, int firstYear) {
        return credit.institution(demo.code(), demo.name(), demo.region()).chain(inst -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < demo.years().size(); i++) {
                int year = firstYear + i;
                CreditCatalogue catalogue = catalogues.inForce(demo.region(), LocalDate.of(year, 12, 31));
                for (String entry : demo.years().get(i)) {
                    boolean serious = entry.endsWith("!");
                    String[] parts = entry.replace("!", "").split(":");
                    CreditCatalogue.Indicator ind = catalogue.indicator(parts[0]);
                    chain = chain.chain(() -> credit.seedDeduction(inst, LocalDate.of(year, 6, 30), catalogue, ind,
                            Integer.parseInt(parts[1]), serious, DEMO));
                }
                chain = chain.chain(() -> credit.evaluateIn(DEMO, inst, year).replaceWithVoid());
            }
            return chain;
        });
    }
}
