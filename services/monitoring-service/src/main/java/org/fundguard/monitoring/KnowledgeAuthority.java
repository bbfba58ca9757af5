package org.fundguard.monitoring;

import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.security.Roles;
import org.fundguard.monitoring.knowledge.Scope;

/**
 * Who may read and change which knowledge points (以上查下 over the point's scope).
 *
 * <ul>
 * <li>Change: a {@code rule-manager} manages the points whose scope is within their region — the rule manager of 340000
 * manages Anhui's provincial points and those of its cities, the one of 341100 only Chuzhou's. National points (scope
 * 000000) are NHSA's batches: only a rule manager of the national level (region claim {@code 000000}) changes them;
 * neither a provincial rule manager nor any {@code admin} does (as everywhere in FundGuard, roles widen no region).
 * The demo realm has no national user, so there national points come only from the demo import.</li>
 * <li>Read: every point that can apply in the caller's region (national, their province's, their own) and every point
 * below it — a Chuzhou rule manager sees national, Anhui and Chuzhou points, not Huaibei's.</li>
 * </ul>
 */
public final class KnowledgeAuthority {

    private KnowledgeAuthority() {
    }

    /** Whether the caller may import, edit or switch off points of this scope. */
    public static boolean canManage(Caller caller, Scope scope) {
        if (!caller.hasRole(Roles.RULE_MANAGER)) {
            return false;
        }
        RegionScope mine = caller.scope();
        if (scope.level() == Scope.Level.NATIONAL) {
            return mine == RegionScope.NATIONAL;
        }
        return mine.canSee(scope.admdvs());
    }

    /** Whether the caller may see points of this scope. */
    public static boolean canRead(Caller caller, Scope scope) {
        RegionScope mine = caller.scope();
        if (mine.seesNothing()) {
            return false;
        }
        if (scope.level() == Scope.Level.NATIONAL || mine.canSee(scope.admdvs())) {
            return true;
        }
        // a scope above the caller's region applies there: Anhui's provincial points apply in Chuzhou
        String region = mine.code();
        return switch (scope.level()) {
            case PROVINCE -> region.startsWith(scope.admdvs().substring(0, 2));
            case CITY -> region.startsWith(scope.admdvs().substring(0, 4));
            default -> false;
        };
    }
}
