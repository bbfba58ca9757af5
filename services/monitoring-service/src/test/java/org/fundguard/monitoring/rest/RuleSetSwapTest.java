package org.fundguard.monitoring.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.monitoring.Messages;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.Messages.CHECKS;
import static org.fundguard.monitoring.Messages.KNOWLEDGE;
import static org.fundguard.monitoring.Messages.as;
import static org.fundguard.monitoring.Messages.his;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A knowledge change is in use for the very next check, without a restart. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class RuleSetSwapTest {

    static final String CODE = "00120000SWAP01";

    static List<String> rulesHit() {
        return his().body(Messages.check().order("1", CODE, "1", "30.00").build()).when().post(CHECKS + "/3101")
                .then().statusCode(200).extract().path("output.result.rule_id");
    }

    static int ruleSetVersion() {
        return as("chuzhou-rule-manager").when().get("/api/monitoring/v1/rule-set").then().statusCode(200).extract().path("version");
    }

    @Test
    void anImportAndThenAnEditTakeEffectOnTheNextCheck() {
        assertThat(rulesHit()).isEmpty();
        int before = ruleSetVersion();

        as("chuzhou-rule-manager").contentType("text/csv; charset=UTF-8").body("rule_class,kp_id,version,eff_from,scope,codes,price_cap\n"
                        + "GZ10000102001000,KP-T-SWAP-1,1,2025-01-01,341100," + CODE + ",20.00\n")
                .when().post(KNOWLEDGE + "/imports").then().statusCode(200).body("accepted", equalTo(1))
                .body("ruleSetVersion", equalTo(before + 1));
        assertThat(ruleSetVersion()).isEqualTo(before + 1);
        assertThat(rulesHit()).containsExactly("GZ10000102001000");

        String id = as("chuzhou-rule-manager").queryParam("kpId", "KP-T-SWAP-1").when().get(KNOWLEDGE + "/points")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");
        as("chuzhou-rule-manager").contentType(ContentType.JSON).body(Map.of("params", Map.of("price_cap", "35.00")))
                .when().post(KNOWLEDGE + "/points/" + id + "/versions").then().statusCode(201);
        assertThat(ruleSetVersion()).isEqualTo(before + 2);
        assertThat(rulesHit()).isEmpty();
    }
}
