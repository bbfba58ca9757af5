package org.fundguard.monitoring;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.fundguard.testsupport.Tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Builds 3101/3102 messages shaped as data-formats §9.4 (the national envelope around input.data) for the demo hospital
 * H34110200001 in Chuzhou, and gives the callers' tokens.
 */
public final class Messages {

    public static final String HIS = "his-h34110200001";
    public static final String HIS_SECRET = "dev-his-secret";
    public static final String INSTITUTION = "H34110200001";
    public static final String CHECKS = "/api/monitoring/v1/checks";
    public static final String KNOWLEDGE = "/api/monitoring/v1/knowledge";
    public static final String PROBLEM = "application/problem+json";

    private final Map<String, Object> patient = new HashMap<>();
    private final Map<String, Object> encounter = new HashMap<>();
    private final List<Map<String, Object>> orders = new ArrayList<>();
    private final List<Map<String, Object>> earlier = new ArrayList<>();
    private String infno = "3101";
    private String institution = INSTITUTION;
    private String trigScen = "2";

    private Messages() {
        patient.put("patn_id", "P1058158");
        patient.put("patn_name", "张某");
        patient.put("gend", "1");
        patient.put("brdy", "1960-01-01");
        patient.put("poolarea", "341100");
        patient.put("curr_mdtrt_id", "M2001668");
        encounter.put("mdtrt_id", "M2001668");
        encounter.put("medins_id", INSTITUTION);
        encounter.put("medins_name", "滁州市第一人民医院");
        encounter.put("medins_admdvs", "341102");
        encounter.put("medins_type", "1");
        encounter.put("medins_lv", "02");
        encounter.put("adm_date", "2025-03-01 09:00:00");
        encounter.put("dscg_date", "2025-03-01 11:00:00");
        encounter.put("dscg_main_dise_codg", "I10.x00");
        encounter.put("dscg_main_dise_name", "原发性高血压");
        encounter.put("dr_codg", "D341100000001");
        encounter.put("med_mdtrt_type", "1");
        encounter.put("med_type", "11");
        encounter.put("insutype", "310");
        encounter.put("fsi_diagnose_dtos", List.of(Map.of("dise_id", "1", "inout_dise_type", "1", "maindise_flag", "1",
                "dias_srt_no", 1, "dise_codg", "I10.x00", "dise_name", "原发性高血压", "dise_date", "2025-03-01 09:00:00")));
        encounter.put("fsi_operation_dtos", List.of());
    }

    /** A 3101 message for a man of 65 at an outpatient visit of 2025-03-01, without orders yet. */
    public static Messages check() {
        return new Messages();
    }

    public Messages infno(String v) {
        infno = v;
        return this;
    }

    public Messages trigScen(String v) {
        trigScen = v;
        return this;
    }

    public Messages institution(String v) {
        institution = v;
        return this;
    }

    public Messages patient(String field, Object value) {
        patient.put(field, value);
        return this;
    }

    public Messages encounter(String field, Object value) {
        encounter.put(field, value);
        return this;
    }

    /** Adds an order line of {@code cnt} × {@code pric}. */
    public Messages order(String rxId, String hilistCode, String cnt, String pric) {
        Map<String, Object> o = new HashMap<>();
        o.put("rx_id", rxId);
        o.put("rxno", "RX" + rxId);
        o.put("long_drord_flag", "0");
        o.put("hilist_type", hilistCode.startsWith("X") ? "101" : "201");
        o.put("chrg_type", hilistCode.startsWith("X") ? "09" : "05");
        o.put("drord_bhvr", "0");
        o.put("hilist_code", hilistCode);
        o.put("hilist_name", "项目" + rxId);
        o.put("hosplist_code", "H-" + hilistCode);
        o.put("cnt", Double.valueOf(cnt));
        o.put("pric", Double.valueOf(pric));
        o.put("sumamt", new java.math.BigDecimal(cnt).multiply(new java.math.BigDecimal(pric)).setScale(2, java.math.RoundingMode.HALF_UP));
        o.put("drord_begn_date", encounter.get("adm_date"));
        o.put("curr_drord_flag", "1");
        orders.add(o);
        return this;
    }

    /**
     * Adds an earlier encounter of the patient at the same institution (history, as fsi_encounter_dtos carries it),
     * admitted at {@code admDate}, with one order of {@code cnt} × {@code pric} billed then.
     */
    public Messages earlierEncounter(String mdtrtId, String admDate, String rxId, String hilistCode, String cnt, String pric) {
        Map<String, Object> enc = new HashMap<>(encounter);
        enc.put("mdtrt_id", mdtrtId);
        enc.put("adm_date", admDate);
        enc.put("dscg_date", admDate);
        Map<String, Object> o = new HashMap<>();
        o.put("rx_id", rxId);
        o.put("hilist_code", hilistCode);
        o.put("cnt", new java.math.BigDecimal(cnt));
        o.put("pric", new java.math.BigDecimal(pric));
        o.put("sumamt", new java.math.BigDecimal(cnt).multiply(new java.math.BigDecimal(pric)).setScale(2, java.math.RoundingMode.HALF_UP));
        o.put("drord_begn_date", admDate);
        enc.put("fsi_order_dtos", List.of(o));
        earlier.add(enc);
        return this;
    }

    /** Sets a field of the last order added. */
    public Messages last(String field, Object value) {
        orders.get(orders.size() - 1).put(field, value);
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> enc = new HashMap<>(encounter);
        enc.put("fsi_order_dtos", orders);
        Map<String, Object> pt = new HashMap<>(patient);
        List<Map<String, Object>> encounters = new ArrayList<>(earlier);
        encounters.add(enc);
        pt.put("fsi_encounter_dtos", encounters);
        Map<String, Object> data = new HashMap<>();
        data.put("syscode", "HIS");
        data.put("task_id", "T" + System.nanoTime());
        data.put("trig_scen", trigScen);
        data.put("rule_ids", List.of());
        data.put("patient_dtos", List.of(pt));
        Map<String, Object> m = new HashMap<>();
        m.put("infno", infno);
        m.put("msgid", institution + "202503010930000001");
        m.put("mdtrtarea_admvs", "341100");
        m.put("insuplc_admdvs", "341100");
        m.put("recer_sys_code", "YBXT");
        m.put("infver", "V1.0");
        m.put("opter_type", "1");
        m.put("opter", "D341100000001");
        m.put("opter_name", "李某");
        m.put("inf_time", "2025-03-01 09:30:00");
        m.put("fixmedins_code", institution);
        m.put("fixmedins_name", "滁州市第一人民医院");
        m.put("sign_no", "S1");
        m.put("input", Map.of("data", data));
        return m;
    }

    public static RequestSpecification his() {
        return given().auth().oauth2(Tokens.client(HIS, HIS_SECRET)).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }
}
