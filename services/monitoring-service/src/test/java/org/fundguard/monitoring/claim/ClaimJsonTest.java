package org.fundguard.monitoring.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;
import org.junit.jupiter.api.Test;

class ClaimJsonTest {

    private static final DateTimeFormatter NATIONAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule()
                    .addDeserializer(LocalDateTime.class, new LocalDateTimeDeserializer(NATIONAL))
                    .addSerializer(LocalDateTime.class, new LocalDateTimeSerializer(NATIONAL)))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final String CLAIM = """
            {"visit": {"mdtrt_id": "M001", "psn_no": "43000020100030375675", "gend": "2", "brdy": "1990-05-06",
                       "insutype": "310", "med_type": "21", "fixmedins_code": "H34110200001", "medins_lv": "02",
                       "insu_admdvs": "341100", "begntime": "2025-03-01 08:00:00", "endtime": "2025-03-05 10:00:00",
                       "diseinfo": [{"diag_code": "E11.900", "diag_name": "2型糖尿病", "maindiag_flag": "1"}]},
             "feedetail": [
               {"bkkp_sn": "1", "mdtrt_id": "M001", "psn_no": "43000020100030375675",
                "fee_ocur_time": "2025-03-02 09:30:00", "med_list_codg": "XA11DAW036A001010104127", "list_type": "101",
                "cnt": 2.0000, "pric": 0.100000, "det_item_fee_sumamt": 0.20, "prd_days": 7,
                "bilg_dr_code": "D341102000123", "drug_trac_codg": "81234567890123456789"},
               {"feedetl_sn": "2", "mdtrt_id": "M001", "fee_ocur_time": "2025-03-03 09:30:00",
                "hilist_code": "XA11DAW036A001010104127", "cnt": -1, "pric": 0.1, "det_item_fee_sumamt": -0.10,
                "init_feedetl_sn": "1"}],
             "setlinfo": [{"setl_id": "S001", "mdtrt_id": "M001", "medfee_sumamt": 0.10, "inscp_amt": 0.10,
                           "cash_payamt": 0.02, "refd_setl_flag": "0"}]}
            """;

    @Test
    void readsNationalAndWarehouseFieldNames() throws Exception {
        Claim claim = mapper.readValue(CLAIM, Claim.class);

        Visit v = claim.visit();
        assertThat(v.mdtrtId()).isEqualTo("M001");
        assertThat(v.gend()).isEqualTo("2");
        assertThat(v.brdy()).isEqualTo(LocalDate.of(1990, 5, 6));
        assertThat(v.hospLv()).isEqualTo("02");
        assertThat(v.insuplcAdmdvs()).isEqualTo("341100");
        assertThat(v.begntime()).isEqualTo(LocalDateTime.of(2025, 3, 1, 8, 0));
        assertThat(v.mainDiagnosisCode()).isEqualTo("E11.900");

        FeeLine first = claim.feeLines().get(0);
        assertThat(first.feedetlSn()).isEqualTo("1");
        assertThat(first.hilistCode()).isEqualTo("XA11DAW036A001010104127");
        assertThat(first.bilgDrCodg()).isEqualTo("D341102000123");
        assertThat(first.drugTracCodg()).containsExactly("81234567890123456789");
        assertThat(first.pric()).isEqualByComparingTo("0.1");
        assertThat(first.detItemFeeSumamt()).isEqualTo(new BigDecimal("0.20"));
        assertThat(first.isRefund()).isFalse();

        FeeLine refund = claim.feeLines().get(1);
        assertThat(refund.isRefund()).isTrue();
        assertThat(refund.initFeedetlSn()).isEqualTo("1");

        Settlement s = claim.settlements().get(0);
        assertThat(s.inscpScpAmt()).isEqualByComparingTo("0.10");
        assertThat(s.psnCashPay()).isEqualByComparingTo("0.02");
        assertThat(s.isRefund()).isFalse();
    }

    @Test
    void writesNationalSnakeCaseNamesAndNoHelperProperties() throws Exception {
        Claim claim = mapper.readValue(CLAIM, Claim.class);

        JsonNode tree = mapper.valueToTree(claim);

        assertThat(tree.get("visit").has("mdtrt_id")).isTrue();
        assertThat(tree.get("visit").has("fix_blng_admdvs")).isTrue();
        assertThat(tree.get("visit").has("regionAdmdvs")).isFalse();
        assertThat(tree.get("feedetail").get(0).has("feedetl_sn")).isTrue();
        assertThat(tree.get("feedetail").get(0).has("refund")).isFalse();
        assertThat(tree.get("feedetail").get(0).get("bilg_dr_codg").asText()).isEqualTo("D341102000123");
        // text round trip keeps decimals exact, scale included (N16,4 quantities, N16,6 prices)
        assertThat(mapper.readValue(mapper.writeValueAsString(claim), Claim.class)).isEqualTo(claim);
    }

    @Test
    void regionComesFromPlaceOfCareThenInstitutionCodeThenInsurancePlace() {
        Visit explicit = visit("340600", "H34110200001", "330100");
        Visit fromCode = visit(null, "H34110200001", "330100");
        Visit legacyCode = visit(null, "CDSDERMYY", "330100");

        assertThat(explicit.regionAdmdvs()).isEqualTo("340600");
        assertThat(fromCode.regionAdmdvs()).isEqualTo("341102");
        assertThat(legacyCode.regionAdmdvs()).isEqualTo("330100");
    }

    @Test
    void refundIsNegativeQuantityOrAmountOrRefundSettlement() {
        assertThat(line("-1", "-5.00", null).isRefund()).isTrue();
        assertThat(line("1", "-5.00", null).isRefund()).isTrue();
        assertThat(line("1", "5.00", "1").isRefund()).isTrue();
        assertThat(line("1", "5.00", "0").isRefund()).isFalse();
    }

    private static Visit visit(String fixBlng, String fixmedins, String insuplc) {
        return new Visit("M", "P", "1", null, "310", "11", fixmedins, null, fixBlng, insuplc, null, null, null);
    }

    private static FeeLine line(String cnt, String sum, String refd) {
        return new FeeLine("1", "M", "P", null, null, "X", null, "101", null, new BigDecimal(cnt), BigDecimal.ONE,
                new BigDecimal(sum), null, null, null, null, null, refd, null, null, null);
    }
}
