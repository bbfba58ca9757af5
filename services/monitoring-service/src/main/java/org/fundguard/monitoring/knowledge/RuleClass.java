package org.fundguard.monitoring.knowledge;

import java.util.HashMap;
import java.util.Map;

/**
 * The rule classes of the national smart-supervision rule library (2025 edition, 88 classes, {@code rule-catalog.json})
 * plus FundGuard's own checks that the catalogue does not name, each with the evaluator that applies its knowledge points.
 *
 * <p>{@link #code()} is the framework-1.0 code ({@code GZ1…}) where the catalogue gives one. Rules new in 2025 without a
 * published code get a FundGuard code {@code FG-2025-<seq>} (marked {@link #nationalCode()} = false); rule 9 carries the
 * 1.0 code of its predecessor 药品限最大支付天数/开药量. FundGuard's external-data checks are {@code FG-EXT-nnn}.
 */
public enum RuleClass {
    DRUG_WORK_INJURY_ONLY(1, "GZ10000101001000", true, "药品限工伤保险", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.INSURANCE_TYPE),
    DRUG_MATERNITY_ONLY(2, "GZ10000101002000", true, "药品限生育保险", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.INSURANCE_TYPE),
    HERBAL_NOT_PAYABLE(3, "GZ10000101003000", true, "中药饮片单复方均不予支付", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.NOT_IMPLEMENTED),
    HERBAL_SINGLE_NOT_PAYABLE(4, "GZ10000101004000", true, "中药饮片单方使用不予支付", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.NOT_IMPLEMENTED),
    DRUG_SECOND_LINE(5, "GZ10000101005000", true, "药品限二线使用", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.NOT_IMPLEMENTED),
    DRUG_NEWBORN_ONLY(6, "GZ10000101006000", true, "药品限新生儿使用", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.AGE),
    DRUG_CHILD_ONLY(7, "GZ10000101007000", true, "药品限儿童使用", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.AGE),
    DRUG_INDICATION(8, "GZ10000101008000", true, "药品限适应症", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.INDICATION),
    DRUG_MAX_SUPPLY(9, "GZ10000101009000", true, "药品限最大开药天数/开药量", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.MAX_SUPPLY),
    DRUG_PAYMENT_COURSE(10, "GZ10000101010000", true, "药品限支付疗程", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.PAYMENT_COURSE),
    DRUG_DISEASE_LIST(11, "GZ10000101011000", true, "药品超限定病种目录范围使用", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.NOT_IMPLEMENTED),
    DRUG_INSTITUTION_LEVEL(12, "GZ10000101012000", true, "药品限医疗机构级别", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.INSTITUTION_LEVEL),
    DRUG_VISIT_TYPE(13, "FG-2025-013", false, "药品限就医方式", "政策类", "药品政策限定类", ResultType.DEFINITE, RuleKind.VISIT_TYPE),
    ITEM_PRICE_CAP(14, "GZ10000102001000", true, "医疗服务项目超限定单价收费", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.PRICE_CAP),
    SURGERY_DISCOUNT(15, "GZ10000102002000", true, "手术项目未按规定折价收费", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.NOT_IMPLEMENTED),
    ITEM_WORK_INJURY_ONLY(16, "GZ10000102003000", true, "医疗服务项目限工伤保险", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.INSURANCE_TYPE),
    ITEM_MATERNITY_ONLY(17, "GZ10000102004000", true, "医疗服务项目限生育保险", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.INSURANCE_TYPE),
    ITEM_NEWBORN_ONLY(18, "GZ10000102005000", true, "医疗服务项目限新生儿使用", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.AGE),
    ITEM_CHILD_ONLY(19, "GZ10000102006000", true, "医疗服务项目限儿童使用", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.AGE),
    ITEM_INDICATION(20, "GZ10000102007000", true, "医疗服务项目限适应症", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.INDICATION),
    ITEM_DEPARTMENT(21, "GZ10000102008000", true, "医疗服务项目限科室使用", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.NOT_IMPLEMENTED),
    ITEM_VISIT_TYPE(22, "GZ10000102009000", true, "医疗服务项目限就医方式", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.VISIT_TYPE),
    ITEM_PAYMENT_COURSE(23, "GZ10000102010000", true, "医疗服务项目限支付疗程", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.PAYMENT_COURSE),
    ITEM_INSTITUTION_LEVEL(24, "GZ10000102011000", true, "医疗服务项目限医疗机构级别", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.INSTITUTION_LEVEL),
    ITEM_DUPLICATE_CHARGE(25, "GZ10000102012000", true, "医疗服务项目重复收费", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.PAIR),
    ITEM_UNBUNDLED_CHARGE(26, "GZ10000102013000", true, "医疗服务项目分解收费", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.NOT_IMPLEMENTED),
    ITEM_FREQUENCY(27, "GZ10000102014000", true, "医疗服务项目限定频次", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.FREQUENCY),
    ITEM_TOTAL_CAP(28, "GZ10000102015000", true, "医疗服务项目超限定报销总额", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.NOT_IMPLEMENTED),
    ITEM_AGE(29, "FG-2025-029", false, "医疗服务项目限年龄", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.AGE),
    ITEM_CONSUMABLE_DUPLICATE(30, "FG-2025-030", false, "医疗服务项目与医用耗材重复收费", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.PAIR),
    ITEM_CYCLE_FREQUENCY(31, "FG-2025-031", false, "医疗服务项目周期超频次", "政策类", "医疗服务项目政策限定类", ResultType.DEFINITE, RuleKind.FREQUENCY),
    CONSUMABLE_NEWBORN_ONLY(32, "GZ10000103001000", true, "耗材限新生儿使用", "政策类", "医用耗材政策限定类", ResultType.DEFINITE, RuleKind.AGE),
    CONSUMABLE_CHILD_ONLY(33, "GZ10000103002000", true, "耗材限儿童使用", "政策类", "医用耗材政策限定类", ResultType.DEFINITE, RuleKind.AGE),
    CONSUMABLE_TOTAL_CAP(34, "GZ10000103003000", true, "耗材超限定报销总额", "政策类", "医用耗材政策限定类", ResultType.DEFINITE, RuleKind.NOT_IMPLEMENTED),
    SETTLEMENT_LIST_ANOMALY(35, "GZ10000201001000", true, "医保结算清单信息异常", "管理类", "信息数据监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    SETTLEMENT_DETAIL_ANOMALY(36, "GZ10000201002000", true, "结算明细信息异常", "管理类", "信息数据监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    DIAGNOSIS_CODE_ANOMALY(37, "GZ10000201003000", true, "疾病诊断编码异常", "管理类", "信息数据监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    PROCEDURE_CODE_ANOMALY(38, "GZ10000201004000", true, "手术操作编码异常", "管理类", "信息数据监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    PROCEDURE_SEX_MISMATCH(39, "GZ10000201005000", true, "手术操作编码与性别不符", "管理类", "信息数据监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    DIAGNOSIS_PROCEDURE_MISMATCH(40, "GZ10000201006000", true, "诊断编码与手术操作编码不符", "管理类", "信息数据监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    NON_REALTIME_UPLOAD(41, "GZ10000201007000", true, "就诊数据非实时上传监管", "管理类", "信息数据监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    FEE_DATE_OUTSIDE_STAY(42, "GZ10000201008000", true, "计费日期与住院时间不符", "管理类", "信息数据监管类", ResultType.SUSPECT, RuleKind.FEE_DATE),
    DRUG_INVENTORY_ANOMALY(43, "GZ10000202001000", true, "药品进销存异常", "管理类", "药品监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    PERIOPERATIVE_ANTIBIOTICS(44, "GZ10000202002000", true, "围手术期抗菌药物预防性应用监管", "管理类", "药品监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    ANTIBIOTIC_TIER(45, "GZ10000202003000", true, "抗菌药物分级使用管理", "管理类", "药品监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    DRUG_VARIETY_EXCESS(46, "GZ10000202004000", true, "药品种类超标", "管理类", "药品监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    INTERNET_HOSPITAL_DRUG_SCOPE(47, "FG-2025-047", false, "超互联网医院药品支付范围", "管理类", "药品监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    CONSUMABLE_INVENTORY_ANOMALY(48, "GZ10000203001000", true, "医用耗材进销存异常", "管理类", "医用耗材监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    SPLIT_HOSPITALISATION(49, "GZ10000204001000", true, "分解住院", "管理类", "行为主体监管类", ResultType.SUSPECT, RuleKind.READMISSION),
    FREQUENT_OUTPATIENT(50, "GZ10000204002000", true, "频繁门诊", "管理类", "行为主体监管类", ResultType.SUSPECT, RuleKind.FREQUENT_VISITS),
    FREQUENT_PURCHASE(51, "GZ10000204003000", true, "频繁购药", "管理类", "行为主体监管类", ResultType.SUSPECT, RuleKind.FREQUENT_VISITS),
    FREQUENT_INPATIENT(52, "GZ10000204004000", true, "频繁住院", "管理类", "行为主体监管类", ResultType.SUSPECT, RuleKind.FREQUENT_VISITS),
    UNWARRANTED_ADMISSION(53, "GZ10000204005000", true, "无指征住院（低标准入院）", "管理类", "行为主体监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    DIAGNOSIS_SEX_MISMATCH(54, "GZ10000204006000", true, "诊断与患者性别不符", "管理类", "行为主体监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    DIAGNOSIS_AGE_MISMATCH(55, "GZ10000204007000", true, "诊断与患者年龄不符", "管理类", "行为主体监管类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    DRUG_SHARE_STAT(56, "ZB10000205001000", true, "药费占比统计", "管理类", "统计指标监测类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    LAB_EXAM_SHARE_STAT(57, "ZB10000205002000", true, "检验检查占比统计", "管理类", "统计指标监测类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    CONSUMABLE_SHARE_STAT(58, "ZB10000205003000", true, "耗材占比统计", "管理类", "统计指标监测类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    TREATMENT_SHARE_STAT(59, "ZB10000205004000", true, "治疗占比统计", "管理类", "统计指标监测类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    CT_SHARE_STAT(60, "ZB10000205005000", true, "CT检查占比统计", "管理类", "统计指标监测类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    MRI_SHARE_STAT(61, "ZB10000205006000", true, "核磁检查占比统计", "管理类", "统计指标监测类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    NOSOCOMIAL_INFECTION_STAT(62, "ZB10000205007000", true, "院内感染发生率统计", "管理类", "统计指标监测类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    UNPLANNED_READMISSION_STAT(63, "ZB10000205008000", true, "非计划再入院率统计", "管理类", "统计指标监测类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    DRUG_ITEM_MISMATCH(64, "GZ10000301001000", true, "药品与医疗服务项目不符", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    DRUG_CHILD_SPECIFIC(65, "GZ10000301002000", true, "药品儿童专用", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.AGE),
    DRUG_CHILD_CONTRAINDICATED(66, "GZ10000301003000", true, "药品儿童禁用", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.AGE),
    DRUG_SEX(67, "GZ10000301004000", true, "药品区分性别使用", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.SEX),
    DRUG_OVER_LABEL_DOSE(68, "GZ10000301005000", true, "超说明书用量开药", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.MAX_SUPPLY),
    DRUG_REPEAT_PRESCRIPTION(69, "GZ10000301006000", true, "重复开药", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    DRUG_OFF_LABEL_INDICATION(70, "GZ10000301007000", true, "超说明书适应症用药", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.INDICATION),
    DRUG_CONTRAINDICATION(71, "GZ10000301008000", true, "药品禁忌症", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    ELDERLY_DRUG_SAFETY(72, "GZ10000301009000", true, "老年人用药安全", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    PREGNANCY_DRUG_SAFETY(73, "GZ10000301010000", true, "妊娠期及哺乳期用药安全", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    DRUG_INTERACTION(74, "GZ10000301011000", true, "药品相互作用", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    HERBAL_INCOMPATIBILITY(75, "GZ10000301012000", true, "中药饮片配伍禁忌", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    HERBAL_OVERSIZED_PRESCRIPTION(76, "FG-2025-076", false, "中药饮片超大处方", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    HERBAL_OVER_UPLOAD(77, "FG-2025-077", false, "中药饮片超量上传", "医疗类", "药品合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    UNWARRANTED_TEST(78, "GZ10000302001000", true, "无指征检验检查", "医疗类", "医疗服务项目合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    UNWARRANTED_TREATMENT(79, "GZ10000302002000", true, "无指征治疗", "医疗类", "医疗服务项目合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    ITEM_CHILD_SPECIFIC(80, "GZ10000302003000", true, "医疗服务项目儿童专用", "医疗类", "医疗服务项目合理使用类", ResultType.SUSPECT, RuleKind.AGE),
    ITEM_SEX(81, "GZ10000302004000", true, "医疗服务项目区分性别使用", "医疗类", "医疗服务项目合理使用类", ResultType.SUSPECT, RuleKind.SEX),
    ITEM_CONTRAINDICATION(82, "GZ10000302005000", true, "医疗服务项目禁忌症", "医疗类", "医疗服务项目合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    ITEM_OFF_INDICATION(83, "GZ10000302006000", true, "医疗服务项目超适应症使用", "医疗类", "医疗服务项目合理使用类", ResultType.SUSPECT, RuleKind.INDICATION),
    CONSUMABLE_ITEM_MISMATCH(84, "GZ10000303001000", true, "医用耗材与医疗服务项目不符", "医疗类", "医用耗材合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    CONSUMABLE_DEPARTMENT_MISMATCH(85, "GZ10000303002000", true, "医用耗材与科室不符", "医疗类", "医用耗材合理使用类", ResultType.SUSPECT, RuleKind.NOT_IMPLEMENTED),
    CONSUMABLE_QUANTITY_EXCESS(86, "GZ10000303003000", true, "医用耗材数量超标", "医疗类", "医用耗材合理使用类", ResultType.SUSPECT, RuleKind.MAX_SUPPLY),
    CONSUMABLE_SEX(87, "FG-2025-087", false, "医用耗材与性别不符", "医疗类", "医用耗材合理使用类", ResultType.SUSPECT, RuleKind.SEX),
    CONSUMABLE_DISEASE_ONLY(88, "FG-2025-088", false, "医用耗材限疾病使用", "医疗类", "医用耗材合理使用类", ResultType.SUSPECT, RuleKind.INDICATION),

    // FundGuard checks outside the catalogue (domain README §2 "must cover first"; data-formats §8.2 and §12 note that
    // the traceability-code check is not a 1.0 rule, the closest being 药品进销存异常 GZ10000202001000).
    SPENDING_AFTER_DEATH(0, "FG-EXT-001", false, "死亡后发生医保费用", "管理类", "行为主体监管类", ResultType.SUSPECT,
            RuleKind.AFTER_DEATH),
    TRACE_CODE_REUSED(0, "FG-EXT-002", false, "药品追溯码重复结算", "管理类", "药品监管类", ResultType.SUSPECT,
            RuleKind.TRACE_CODE_REUSED),
    PRACTITIONER_BARRED(0, "FG-EXT-003", false, "医保支付资格暂停或终止期间发生费用", "管理类", "行为主体监管类",
            ResultType.DEFINITE, RuleKind.PRACTITIONER_BARRED);

    private static final Map<String, RuleClass> BY_CODE_OR_NAME = new HashMap<>();

    static {
        for (RuleClass rc : values()) {
            BY_CODE_OR_NAME.put(rc.code, rc);
            BY_CODE_OR_NAME.put(rc.ruleName, rc);
        }
    }

    private final int seq;
    private final String code;
    private final boolean nationalCode;
    private final String ruleName;
    private final String category;
    private final String subcategory;
    private final ResultType resultType;
    private final RuleKind kind;

    RuleClass(int seq, String code, boolean nationalCode, String ruleName, String category, String subcategory,
            ResultType resultType, RuleKind kind) {
        this.seq = seq;
        this.code = code;
        this.nationalCode = nationalCode;
        this.ruleName = ruleName;
        this.category = category;
        this.subcategory = subcategory;
        this.resultType = resultType;
        this.kind = kind;
    }

    /** The rule class for a catalogue code or exact catalogue name, or null. */
    public static RuleClass fromCodeOrName(String codeOrName) {
        return codeOrName == null ? null : BY_CODE_OR_NAME.get(codeOrName.trim());
    }

    /** Sequence number in the 2025 catalogue (1–88); 0 for FundGuard's own checks. */
    public int seq() {
        return seq;
    }

    public String code() {
        return code;
    }

    /** True when {@link #code()} is a code published by NHSA (framework 1.0), false for FundGuard-assigned codes. */
    public boolean nationalCode() {
        return nationalCode;
    }

    /** The catalogue's Chinese name, e.g. 药品区分性别使用. */
    public String ruleName() {
        return ruleName;
    }

    public String category() {
        return category;
    }

    public String subcategory() {
        return subcategory;
    }

    /** 政策类 rules give definite violations (明确违规); 管理类 and 医疗类 rules give suspects (可疑). */
    public ResultType resultType() {
        return resultType;
    }

    public RuleKind kind() {
        return kind;
    }

    /** Default sev_deg: 1 for a definite violation, 2 (高度可疑) for a suspect; a knowledge point may lower it to 3. */
    public int defaultSevDeg() {
        return resultType == ResultType.DEFINITE ? 1 : 2;
    }
}
