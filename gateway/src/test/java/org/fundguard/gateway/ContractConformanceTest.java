package org.fundguard.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fundguard.contracts.OpenApiDrift;
import org.fundguard.testsupport.KeycloakResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** The gateway's served OpenAPI equals contracts/openapi/gateway.yaml. */
@QuarkusTest
@WithTestResource(value = KeycloakResource.class, parallel = true)
@WithTestResource(value = EchoUpstreamResource.class, parallel = true)
class ContractConformanceTest {

    @Test
    void servedOpenApiMatchesTheContract() {
        String served = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiDrift.assertMatches(served, "openapi/gateway.yaml");
    }
}
