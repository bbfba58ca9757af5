package org.fundguard.monitoring;

/** The realm roles monitoring-service checks (platform/realm). */
public final class Roles {

    public static final String RULE_MANAGER = "rule-manager";
    public static final String AUDITOR = "auditor";
    public static final String HIS_SYSTEM = "his-system";

    private Roles() {
    }
}
