package org.fundguard.monitoring.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports knowledge points from CSV or JSON files with one row per point, keeping the good rows and reporting each bad
 * one with its row number, field and reason.
 *
 * <p>Columns (CSV header / JSON keys): {@code rule_class} (catalogue code such as GZ10000301004000, or its exact name),
 * {@code kp_id}, {@code version}, {@code eff_from}, {@code eff_to} (yyyy-MM-dd, both inclusive; eff_to may be blank),
 * {@code scope} (000000/全国, PP0000 or PPCC00/PPCC99), {@code codes}, {@code name}, {@code evidence}, {@code enabled}
 * (default true), {@code sev_deg}, and the kind parameters of {@link RuleKind.Param} ({@code gend}, {@code age_min} …;
 * {@code applies_per} VISIT or DAY for a pairing rule, see {@link AppliesPer}).
 * List values are separated by {@code |} (or {@code ;}) in CSV and are arrays or such strings in JSON. A JSON file is an
 * array of objects, or an object whose {@code knowledge_points} member is that array.
 *
 * <p>A CSV header with an unknown column refuses the whole file (a misspelt parameter would silently drop a restriction);
 * in JSON an unknown key refuses its row. A parameter the rule class does not use is an error too.
 */
public final class KnowledgeImporter {

    static final String RULE_CLASS = "rule_class";
    static final String KP_ID = "kp_id";
    static final String VERSION = "version";
    static final String EFF_FROM = "eff_from";
    static final String EFF_TO = "eff_to";
    static final String SCOPE = "scope";
    static final String CODES = "codes";
    static final String NAME = "name";
    static final String EVIDENCE = "evidence";
    static final String ENABLED = "enabled";
    static final String SEV_DEG = "sev_deg";
    /** Informational columns that are read and ignored. */
    static final Set<String> IGNORED = Set.of("rule_name", "memo");

    private static final Set<String> COMMON =
            Set.of(RULE_CLASS, KP_ID, VERSION, EFF_FROM, EFF_TO, SCOPE, CODES, NAME, EVIDENCE, ENABLED, SEV_DEG);
    private static final Set<String> LIST_COLUMNS = Set.of(CODES, "insutypes", "med_types", "exempt_med_types",
            "hosp_lvs", "paired_codes", "diag_codes", "exempt_diag_codes");
    private static final Map<String, RuleKind.Param> PARAMS = new LinkedHashMap<>();

    static {
        for (RuleKind.Param p : RuleKind.Param.values()) {
            PARAMS.put(p.column(), p);
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    /** Imports a {@code .csv} or {@code .json} file (UTF-8). */
    public ImportReport importFile(Path file) {
        String name = file.getFileName().toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                return importJson(r, name);
            }
            return importCsv(r, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge file " + file, e);
        }
    }

    public ImportReport importCsv(Reader in, String source) {
        List<Csv.Row> rows;
        try {
            rows = Csv.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RowError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new RowError(source, 0, null, null, "文件为空，缺少表头"));
            return new ImportReport(source, 0, List.of(), errors);
        }
        Csv.Row header = rows.get(0);
        List<String> columns = new ArrayList<>();
        for (String h : header.fields()) {
            String col = h.trim().toLowerCase(Locale.ROOT);
            columns.add(col);
            if (!known(col)) {
                errors.add(new RowError(source, (int) header.number(), col, null, "未知列，整个文件不予导入（请检查拼写）"));
            }
        }
        for (String required : List.of(RULE_CLASS, KP_ID, VERSION, EFF_FROM)) {
            if (!columns.contains(required)) {
                errors.add(new RowError(source, (int) header.number(), required, null, "表头缺少必需列"));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportReport(source, rows.size() - 1, List.of(), errors);
        }
        Batch batch = new Batch(source, errors);
        int read = 0;
        for (int r = 1; r < rows.size(); r++) {
            Csv.Row row = rows.get(r);
            if (row.blank()) {
                continue;
            }
            read++;
            if (row.problem() != null) {
                errors.add(new RowError(source, (int) row.number(), null, null, "CSV 格式错误：" + row.problem()));
                continue;
            }
            if (row.fields().size() != columns.size()) {
                errors.add(new RowError(source, (int) row.number(), null, null,
                        "列数为 " + row.fields().size() + "，与表头的 " + columns.size() + " 列不符"));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                String v = row.fields().get(c).trim();
                values.put(columns.get(c), LIST_COLUMNS.contains(columns.get(c)) ? splitList(v) : v);
            }
            batch.add((int) row.number(), values);
        }
        return new ImportReport(source, read, batch.accepted, errors);
    }

    public ImportReport importJson(Reader in, String source) {
        List<RowError> errors = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (JsonProcessingException e) {
            errors.add(new RowError(source, 0, null, null, "JSON 格式错误：" + e.getOriginalMessage()));
            return new ImportReport(source, 0, List.of(), errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode array = root != null && root.isObject() ? root.get("knowledge_points") : root;
        if (array == null || !array.isArray()) {
            errors.add(new RowError(source, 0, null, null, "JSON 应为知识点对象数组，或含 knowledge_points 数组的对象"));
            return new ImportReport(source, 0, List.of(), errors);
        }
        Batch batch = new Batch(source, errors);
        int rowNo = 0;
        for (JsonNode node : array) {
            rowNo++;
            if (!node.isObject()) {
                errors.add(new RowError(source, rowNo, null, node.toString(), "应为 JSON 对象"));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            boolean ok = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey().trim().toLowerCase(Locale.ROOT);
                if (!known(key)) {
                    errors.add(new RowError(source, rowNo, key, null, "未知字段（请检查拼写）"));
                    ok = false;
                    continue;
                }
                JsonNode v = e.getValue();
                if (LIST_COLUMNS.contains(key)) {
                    if (v.isArray()) {
                        List<String> items = new ArrayList<>();
                        v.forEach(item -> {
                            String s = item.asText().trim();
                            if (!s.isEmpty()) {
                                items.add(s);
                            }
                        });
                        values.put(key, items);
                    } else {
                        values.put(key, splitList(v.isNull() ? "" : v.asText().trim()));
                    }
                } else if (v.isContainerNode()) {
                    errors.add(new RowError(source, rowNo, key, v.toString(), "应为单个值"));
                    ok = false;
                } else {
                    values.put(key, v.isNull() ? "" : v.asText().trim());
                }
            }
            if (ok) {
                batch.add(rowNo, values);
            }
        }
        return new ImportReport(source, rowNo, batch.accepted, errors);
    }

    private static boolean known(String column) {
        return COMMON.contains(column) || PARAMS.containsKey(column) || IGNORED.contains(column);
    }

    private static List<String> splitList(String v) {
        List<String> items = new ArrayList<>();
        for (String s : v.split("[|;]")) {
            String t = s.trim();
            if (!t.isEmpty()) {
                items.add(t);
            }
        }
        return items;
    }

    /** Validates rows one by one, remembering the keys seen so a duplicate row is refused. */
    private static final class Batch {
        private final String source;
        private final List<RowError> errors;
        private final List<KnowledgePoint> accepted = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        Batch(String source, List<RowError> errors) {
            this.source = source;
            this.errors = errors;
        }

        void add(int rowNo, Map<String, Object> values) {
            RowParser p = new RowParser(source, rowNo, values);
            KnowledgePoint kp = p.parse();
            if (kp == null) {
                errors.addAll(p.errors);
                return;
            }
            String key = kp.ruleClass().code() + "|" + kp.id() + "|" + kp.version() + "|" + kp.scope().admdvs();
            if (!seen.add(key)) {
                errors.add(new RowError(source, rowNo, KP_ID, kp.id(),
                        "重复：同一规则类别、知识点、版本和区划已在前面的行出现"));
                return;
            }
            accepted.add(kp);
        }
    }

    /** Parses and checks one row; collects every error rather than stopping at the first. */
    private static final class RowParser {
        private final String source;
        private final int row;
        private final Map<String, Object> values;
        private final List<RowError> errors = new ArrayList<>();

        RowParser(String source, int row, Map<String, Object> values) {
            this.source = source;
            this.row = row;
            this.values = values;
        }

        KnowledgePoint parse() {
            String rcText = text(RULE_CLASS);
            RuleClass rc = null;
            if (rcText.isEmpty()) {
                error(RULE_CLASS, rcText, "必填");
            } else {
                rc = RuleClass.fromCodeOrName(rcText);
                if (rc == null) {
                    error(RULE_CLASS, rcText, "未知规则类别：应为规则库中的规则编码（如 GZ10000301004000）或规则名称");
                }
            }
            String id = text(KP_ID);
            if (id.isEmpty()) {
                error(KP_ID, id, "必填");
            } else if (id.length() > 64) {
                error(KP_ID, id, "知识点编号不能超过 64 个字符");
            }
            Integer version = positiveInt(VERSION, true);
            LocalDate from = date(EFF_FROM, true);
            LocalDate to = date(EFF_TO, false);
            if (from != null && to != null && to.isBefore(from)) {
                error(EFF_TO, text(EFF_TO), "失效日期早于生效日期 " + from);
            }
            Scope scope = Scope.NATIONAL;
            try {
                scope = Scope.parse(text(SCOPE));
            } catch (IllegalArgumentException e) {
                error(SCOPE, text(SCOPE), e.getMessage());
            }
            List<String> codes = list(CODES);
            boolean enabled = bool(ENABLED, true);
            Integer sev = null;
            String sevText = text(SEV_DEG);
            if (!sevText.isEmpty()) {
                if (!sevText.equals("1") && !sevText.equals("2") && !sevText.equals("3")) {
                    error(SEV_DEG, sevText, "严重程度应为 1（明确违规）、2（高度可疑）或 3（轻度可疑）");
                } else {
                    sev = Integer.valueOf(sevText);
                }
            }
            if (rc == null) {
                return null;
            }
            if (sev != null) {
                if (rc.resultType() == ResultType.DEFINITE && sev != 1) {
                    error(SEV_DEG, sevText, "规则 " + rc.ruleName() + " 为政策限定类（明确违规），严重程度只能为 1");
                } else if (rc.resultType() == ResultType.SUSPECT && sev == 1) {
                    error(SEV_DEG, sevText, "规则 " + rc.ruleName() + " 的结果为可疑，严重程度应为 2 或 3");
                }
            }
            RuleKind kind = rc.kind();
            if (kind.coded() && codes.isEmpty()) {
                error(CODES, "", "规则 " + rc.ruleName() + " 须列出适用的国家医保编码");
            } else if (!kind.coded() && !codes.isEmpty()
                    && kind != RuleKind.FREQUENT_VISITS && kind != RuleKind.NOT_IMPLEMENTED) {
                error(CODES, String.join("|", codes), "规则 " + rc.ruleName() + " 适用于全部费用，不应列出编码");
            }
            for (Map.Entry<String, RuleKind.Param> e : PARAMS.entrySet()) {
                if (!kind.params().contains(e.getValue()) && present(e.getKey())) {
                    error(e.getKey(), display(e.getKey()), "规则 " + rc.ruleName() + " 不使用此参数");
                }
            }
            KnowledgePoint.Builder b = KnowledgePoint.builder(rc, id)
                    .scope(scope).codes(codes).name(blankToNull(text(NAME))).evidence(blankToNull(text(EVIDENCE)))
                    .enabled(enabled).sevDeg(sev);
            if (version != null) {
                b.version(version);
            }
            if (from != null) {
                b.effective(from, to);
            }
            // Disabled points only switch the rule off; they need no parameters.
            boolean req = enabled;
            switch (kind) {
                case SEX -> {
                    String g = text("gend");
                    if (g.isEmpty() && req) {
                        error("gend", g, "必填：1（限男性）或 2（限女性）");
                    } else if (!g.isEmpty() && !g.equals("1") && !g.equals("2")) {
                        error("gend", g, "性别应为 1（男）或 2（女）");
                    } else if (!g.isEmpty()) {
                        b.gend(g);
                    }
                }
                case AGE -> {
                    Integer min = nonNegativeInt("age_min");
                    Integer max = nonNegativeInt("age_max");
                    if (min == null && max == null && req && !present("age_min") && !present("age_max")) {
                        error("age_min", "", "年龄下限 age_min 与上限 age_max 至少填一个");
                    }
                    if (min != null && max != null && min > max) {
                        error("age_max", String.valueOf(max), "年龄上限小于下限 " + min);
                    }
                    b.ageMin(min).ageMax(max).ageUnit(ageUnit());
                }
                case INSURANCE_TYPE -> b.insutypes(requiredList("insutypes", req, "须列出允许的险种类型（如 510 生育保险）"));
                case VISIT_TYPE -> b.medTypes(medTypes("med_types", req));
                case INSTITUTION_LEVEL -> b.hospLvs(requiredList("hosp_lvs", req, "须列出允许的医疗机构等级代码"));
                case PRICE_CAP -> b.priceCap(decimal("price_cap", req, 6));
                case MAX_SUPPLY -> {
                    BigDecimal days = decimal("max_days", false, 2);
                    BigDecimal qty = decimal("max_qty", false, 4);
                    if (days == null && qty == null && req && !present("max_days") && !present("max_qty")) {
                        error("max_days", "", "最大开药天数 max_days 与最大数量 max_qty 至少填一个");
                    }
                    b.maxDays(days).maxQuantity(qty);
                }
                case INDICATION -> b.diagnosisCodes(requiredList("diag_codes", req, "须列出限定的诊断编码（ICD-10 医保版前缀）"));
                case PAIR -> {
                    List<String> paired = requiredList("paired_codes", req, "须列出不得同时收费的配对编码");
                    for (String pc : paired) {
                        if (codes.contains(pc)) {
                            error("paired_codes", pc, "配对编码不能与本知识点的编码相同");
                        }
                    }
                    b.pairedCodes(paired).appliesPer(appliesPer());
                }
                case FREQUENCY -> {
                    BigDecimal max = decimal("freq_max", req, 4);
                    FrequencyUnit unit = freqUnit(req);
                    Integer period = positiveInt("freq_period", false);
                    b.freqMax(max).freqUnit(unit).freqPeriod(period == null ? 1 : period);
                }
                case PAYMENT_COURSE -> {
                    Integer days = positiveInt("max_days", req);
                    b.maxDays(days == null ? null : BigDecimal.valueOf(days)).windowDays(positiveInt("window_days", false));
                }
                case FEE_DATE -> b.medTypes(medTypes("med_types", false)).toleranceDays(tolerance());
                case READMISSION -> b.medTypes(medTypes("med_types", false))
                        .windowDays(positiveInt("window_days", false))
                        .exemptDiagnosisCodes(list("exempt_diag_codes"));
                case FREQUENT_VISITS -> b.medTypes(medTypes("med_types", false))
                        .windowDays(positiveInt("window_days", req))
                        .maxCount(positiveInt("max_count", req))
                        .sameInstitution(bool("same_institution", false));
                case AFTER_DEATH -> b.toleranceDays(tolerance());
                case PRACTITIONER_BARRED -> b.exemptMedTypes(medTypes("exempt_med_types", false));
                case TRACE_CODE_REUSED -> {
                    // no parameters: one traceability code is one box, settled once
                }
                case NOT_IMPLEMENTED -> {
                    // kept in the base for later evaluators: every parameter is type-checked and kept, none required
                    String g = text("gend");
                    if (!g.isEmpty() && !g.equals("1") && !g.equals("2")) {
                        error("gend", g, "性别应为 1（男）或 2（女）");
                    }
                    Integer period = positiveInt("freq_period", false);
                    b.gend(g.isEmpty() ? null : g).ageMin(nonNegativeInt("age_min")).ageMax(nonNegativeInt("age_max"))
                            .ageUnit(ageUnit()).insutypes(list("insutypes")).medTypes(list("med_types"))
                            .exemptMedTypes(list("exempt_med_types")).hospLvs(list("hosp_lvs"))
                            .maxDays(decimal("max_days", false, 2)).maxQuantity(decimal("max_qty", false, 4))
                            .freqMax(decimal("freq_max", false, 4)).freqUnit(freqUnit(false))
                            .freqPeriod(period == null ? 1 : period).pairedCodes(list("paired_codes"))
                            .diagnosisCodes(list("diag_codes")).priceCap(decimal("price_cap", false, 6))
                            .windowDays(positiveInt("window_days", false)).maxCount(positiveInt("max_count", false))
                            .exemptDiagnosisCodes(list("exempt_diag_codes"))
                            .sameInstitution(bool("same_institution", false)).toleranceDays(tolerance())
                            .appliesPer(appliesPer());
                }
                default -> throw new IllegalStateException(kind.name());
            }
            if (!errors.isEmpty()) {
                return null;
            }
            return b.build();
        }

        private void error(String field, String value, String reason) {
            errors.add(new RowError(source, row, field, value, reason));
        }

        private boolean present(String key) {
            Object v = values.get(key);
            if (v instanceof List<?> l) {
                return !l.isEmpty();
            }
            return v != null && !((String) v).isEmpty();
        }

        private String display(String key) {
            Object v = values.get(key);
            return v instanceof List<?> l ? String.join("|", l.stream().map(String::valueOf).toList()) : (String) v;
        }

        private String text(String key) {
            Object v = values.get(key);
            if (v == null) {
                return "";
            }
            return v instanceof List<?> l ? String.join("|", l.stream().map(String::valueOf).toList()) : (String) v;
        }

        @SuppressWarnings("unchecked")
        private List<String> list(String key) {
            Object v = values.get(key);
            if (v == null) {
                return List.of();
            }
            return v instanceof List<?> l ? (List<String>) l : splitList((String) v);
        }

        private List<String> requiredList(String key, boolean required, String reason) {
            List<String> l = list(key);
            if (l.isEmpty() && required) {
                error(key, "", reason);
            }
            return new ArrayList<>(new LinkedHashSet<>(l));
        }

        private List<String> medTypes(String key, boolean required) {
            List<String> l = requiredList(key, required, "须列出医疗类别（med_type 前缀，如 2 = 住院，13 = 急诊）");
            for (String m : l) {
                if (!m.chars().allMatch(Character::isDigit)) {
                    error(key, m, "医疗类别应为数字代码（可为前缀，如 2、21、140104）");
                }
            }
            return l;
        }

        private Integer positiveInt(String key, boolean required) {
            Integer v = integer(key, required);
            if (v != null && v <= 0) {
                error(key, text(key), "应为正整数");
                return null;
            }
            return v;
        }

        private Integer nonNegativeInt(String key) {
            Integer v = integer(key, false);
            if (v != null && v < 0) {
                error(key, text(key), "不能为负数");
                return null;
            }
            return v;
        }

        private Integer integer(String key, boolean required) {
            String t = text(key);
            if (t.isEmpty()) {
                if (required) {
                    error(key, t, "必填");
                }
                return null;
            }
            try {
                return Integer.valueOf(t);
            } catch (NumberFormatException e) {
                error(key, t, "应为整数");
                return null;
            }
        }

        private int tolerance() {
            Integer t = nonNegativeInt("tolerance_days");
            return t == null ? 0 : t;
        }

        private BigDecimal decimal(String key, boolean required, int maxScale) {
            String t = text(key);
            if (t.isEmpty()) {
                if (required) {
                    error(key, t, "必填");
                }
                return null;
            }
            BigDecimal d;
            try {
                d = new BigDecimal(t);
            } catch (NumberFormatException e) {
                error(key, t, "应为数字");
                return null;
            }
            if (d.signum() <= 0) {
                error(key, t, "应大于 0");
                return null;
            }
            if (d.stripTrailingZeros().scale() > maxScale) {
                error(key, t, "小数位数不能超过 " + maxScale + " 位");
                return null;
            }
            return d;
        }

        private LocalDate date(String key, boolean required) {
            String t = text(key);
            if (t.isEmpty()) {
                if (required) {
                    error(key, t, "必填，格式 yyyy-MM-dd");
                }
                return null;
            }
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                error(key, t, "日期格式错误，应为 yyyy-MM-dd");
                return null;
            }
        }

        private boolean bool(String key, boolean dflt) {
            String t = text(key).toLowerCase(Locale.ROOT);
            return switch (t) {
                case "" -> dflt;
                case "true", "1", "y", "yes", "是" -> true;
                case "false", "0", "n", "no", "否" -> false;
                default -> {
                    error(key, t, "应为 true/false（或 1/0、是/否）");
                    yield dflt;
                }
            };
        }

        private AgeUnit ageUnit() {
            String t = text("age_unit").toUpperCase(Locale.ROOT);
            return switch (t) {
                case "", "Y", "YEAR", "岁", "年" -> AgeUnit.YEAR;
                case "M", "MONTH", "月" -> AgeUnit.MONTH;
                case "D", "DAY", "天", "日" -> AgeUnit.DAY;
                default -> {
                    error("age_unit", t, "年龄单位应为 Y（岁）、M（月）或 D（天）");
                    yield AgeUnit.YEAR;
                }
            };
        }

        private FrequencyUnit freqUnit(boolean required) {
            String t = text("freq_unit").toUpperCase(Locale.ROOT);
            return switch (t) {
                case "DAY", "D", "日", "天" -> FrequencyUnit.DAY;
                case "HOUR", "H", "小时", "时" -> FrequencyUnit.HOUR;
                case "" -> {
                    if (required) {
                        error("freq_unit", t, "必填：DAY（日）或 HOUR（小时）");
                    }
                    yield null;
                }
                default -> {
                    error("freq_unit", t, "频次单位应为 DAY（日）或 HOUR（小时）");
                    yield null;
                }
            };
        }

        /** applies_per: VISIT (default, also when blank) or DAY. */
        private AppliesPer appliesPer() {
            String t = text("applies_per").toUpperCase(Locale.ROOT);
            return switch (t) {
                case "", "VISIT", "就诊" -> AppliesPer.VISIT;
                case "DAY", "D", "日", "同一日" -> AppliesPer.DAY;
                default -> {
                    error("applies_per", t, "适用范围应为 VISIT（同一次就诊）或 DAY（同一日）");
                    yield null;
                }
            };
        }

        private static String blankToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
