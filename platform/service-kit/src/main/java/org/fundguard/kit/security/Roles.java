package org.fundguard.kit.security;

/**
 * The realm roles of {@code platform/realm/fundguard-realm.json}, for {@code @RolesAllowed(Roles.REPORT_HANDLER)} and
 * {@code caller.hasRole(Roles.AUDITOR)} instead of string literals ({@code RolesTest} keeps the two equal).
 */
public final class Roles {

    /** Handles public fraud reports of a region (受理、调查举报). */
    public static final String REPORT_HANDLER = "report-handler";
    /** Approves reporters' rewards (奖励审批); never the officer who verified the report. */
    public static final String REWARD_APPROVER = "reward-approver";
    /** Reviews smart-monitoring findings (初审/复审). */
    public static final String AUDITOR = "auditor";
    /** Maintains the knowledge base and rule base (两库管理). */
    public static final String RULE_MANAGER = "rule-manager";
    /** Manages practitioners' payment-qualification points (记分管理). */
    public static final String QUALIFICATION_OFFICER = "qualification-officer";
    /** Transfers case clues to partner agencies (线索移送). */
    public static final String CLUE_OFFICER = "clue-officer";
    /** Drafts public violation lists and typical cases (曝光起草). */
    public static final String PUBLISHER = "publisher";
    /** Approves publications (曝光审批); never the publication's drafter. */
    public static final String PUBLICATION_APPROVER = "publication-approver";
    /** Reads statistics, never personal data (统计分析). */
    public static final String ANALYST = "analyst";
    /** Administers the suite. */
    public static final String ADMIN = "admin";
    /** A partner agency's system exchanging clues (公安/卫健/纪检监察/市场监管/药监). */
    public static final String PARTNER_AGENCY = "partner-agency";
    /** A hospital or pharmacy information system (定点医药机构 HIS) calling the 3101/3102 checks. */
    public static final String HIS_SYSTEM = "his-system";
    /** An authorised third party (a bank, another department): an institution's current credit grade, nothing else. */
    public static final String CREDIT_READER = "credit-reader";

    private Roles() {
    }
}
