package org.fundguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points quarkus-oidc at the shared real Keycloak with the realm from {@code platform/realm}. */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", realmUrl(),
                "fundguard.test.keycloak.url", TestStack.keycloak().url());
    }

    /** The issuer URL of the fundguard realm. */
    public static String realmUrl() {
        return TestStack.keycloak().url() + "/realms/fundguard";
    }

    @Override
    public void stop() {
        // shared by the whole build; stopped when the build ends
    }
}
