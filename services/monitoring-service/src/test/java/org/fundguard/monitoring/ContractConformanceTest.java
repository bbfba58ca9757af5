package org.fundguard.monitoring;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fundguard.contracts.OpenApiDrift;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** The served OpenAPI equals contracts/openapi/monitoring-service.yaml. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class ContractConformanceTest {

    @Test
    void servedOpenApiMatchesTheContract() throws java.io.IOException {
        String served = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        // kept beside the build output, to compare by hand when the contract and the code disagree
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/served-openapi.json"), served);
        OpenApiDrift.assertMatches(served, "openapi/monitoring-service.yaml");
    }
}
