package org.fundguard.monitoring;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.kit.security.RegionScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The queries of the knowledge base and the rule-set versions: in the caller's Hibernate Reactive session (reads, and
 * the lock that serialises changes in its transaction), and on plain JDBC for the rule set of a stored version.
 */
final class KnowledgeQueries {

    /** Serialises knowledge changes (rule-set versions are consecutive); the number only has to be unique in this database. */
    static final long KNOWLEDGE_LOCK = 0x4B4E4F574C454447L;

    private static final String LATEST = "p.version = (select max(q.version) from StoredKnowledgePoint q"
            + " where q.ruleClass = p.ruleClass and q.kpId = p.kpId and q.scope = p.scope)";

    private KnowledgeQueries() {
    }

    /** Takes the knowledge lock until the session's transaction ends. */
    static Uni<Void> lock() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(" + KNOWLEDGE_LOCK + ")")
                .getSingleResult()).replaceWithVoid();
    }

    /**
     * A page of the latest version of each point {@code mine} may read (national, its own and those below it, and the
     * province, city and pooling unit above it), filtered, ordered by rule class, id and scope.
     */
    static Uni<PageView<StoredKnowledgePoint>> latestVisible(RegionScope mine, String ruleClassCode, String kpId, String scope,
                                                             PageRequest paging) {
        String region = mine.code();
        StringBuilder q = new StringBuilder("from StoredKnowledgePoint p where (p.scope = '000000' or p.scope like :mine"
                + " or p.scope in (:above)) and " + LATEST);
        Parameters params = Parameters.with("mine", mine.likePattern())
                .and("above", List.of(region.substring(0, 2) + "0000", region.substring(0, 4) + "00", region.substring(0, 4) + "99"));
        if (ruleClassCode != null) {
            q.append(" and p.ruleClass = :rc");
            params.and("rc", ruleClassCode);
        }
        if (kpId != null) {
            q.append(" and p.kpId = :kpId");
            params.and("kpId", kpId);
        }
        if (scope != null) {
            q.append(" and p.scope = :scope");
            params.and("scope", scope);
        }
        var query = StoredKnowledgePoint.<StoredKnowledgePoint>find(q.toString(), Sort.by("ruleClass").and("kpId").and("scope"), params);
        return query.page(paging.panache()).list().chain(items -> query.count().map(total -> PageView.of(items, paging, total)));
    }

    /** The latest version of the point {@code p} is a version of. */
    static Uni<Integer> latestVersion(StoredKnowledgePoint p) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select max(version) from StoredKnowledgePoint where ruleClass = ?1 and kpId = ?2 and scope = ?3", Integer.class)
                .setParameter(1, p.ruleClass).setParameter(2, p.kpId).setParameter(3, p.scope).getSingleResult());
    }

    /** rule class|id|scope|version of every stored version of the points with these ids. */
    static Uni<Set<String>> storedKeys(List<String> kpIds) {
        if (kpIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return StoredKnowledgePoint.<StoredKnowledgePoint>list("kpId in ?1", kpIds).map(rows -> {
            Set<String> keys = new HashSet<>();
            for (StoredKnowledgePoint p : rows) {
                keys.add(p.ruleClass + "|" + p.kpId + "|" + p.scope + "|" + p.version);
            }
            return keys;
        });
    }

    /** The latest rule-set version, 0 before the first. */
    static Uni<Integer> latestRuleSetVersion() {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select coalesce(max(version), 0) from RuleSetVersion", Integer.class)
                .getSingleResult());
    }

    /** The rule-set version in use: the one activated, else the latest (0 before the first). */
    static Uni<Integer> versionInUse() {
        return RuleSetState.<RuleSetState>findById(1)
                .chain(state -> state != null ? Uni.createFrom().item(state.activeVersion) : latestRuleSetVersion());
    }

    /** The points of the knowledge base as it was after rule-set version {@code version}, in compile order. */
    static Uni<List<StoredKnowledgePoint>> pointsUpTo(int version) {
        return StoredKnowledgePoint.list("ruleSetVersion <= ?1 order by ruleClass, kpId, scope, version", version);
    }

    /** The same on plain JDBC: the stored bodies (JSON) of the points up to {@code version}, in compile order. Blocking. */
    static List<String> bodiesUpTo(Connection c, int version) throws SQLException {
        List<String> bodies = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT body::text FROM knowledge_point WHERE rule_set_version <= ? ORDER BY rule_class, kp_id, scope, version")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bodies.add(rs.getString(1));
                }
            }
        }
        return bodies;
    }
}
