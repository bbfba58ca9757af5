package org.fundguard.qualification;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fundguard.contracts.OpenApiDrift;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

/** The served OpenAPI equals contracts/openapi/qualification-service.yaml. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class ContractConformanceTest {

    @Test
    void servedOpenApiMatchesTheContract() {
        OpenApiDrift.assertServedMatches("qualification-service");
    }
}
