package org.fundguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.UUID;

/**
 * A copy of the {@code fundguard} realm (same users, clients, roles, audience) in the shared Keycloak, owned by one test
 * class, for tests that change the realm's keys without disturbing the other tests' tokens. Points quarkus-oidc at it;
 * {@link #realm()} names it for {@link RealmKeys} and {@code Tokens.request(form, realm)}. Deleted when the application
 * stops.
 */
public class OwnRealmResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String realm;

    @Override
    public Map<String, String> start() {
        String name = "fundguard-" + UUID.randomUUID().toString().substring(0, 8);
        RealmKeys.createCopyOfFundguard(name);
        realm = name;
        return Map.of(
                "quarkus.oidc.auth-server-url", TestStack.keycloak().url() + "/realms/" + name,
                "fundguard.test.keycloak.url", TestStack.keycloak().url());
    }

    /** The realm this class's application trusts. */
    public static String realm() {
        return realm;
    }

    /** An access token of a demo user of this realm (not cached: each call signs anew with the realm's active key). */
    public static String user(String username) {
        return Tokens.request(Map.of("grant_type", "password", "client_id", "fundguard-cli",
                "username", username, "password", Tokens.DEMO_PASSWORD), realm).get("access_token").asText();
    }

    @Override
    public void stop() {
        if (realm != null) {
            RealmKeys.deleteRealm(realm);
        }
    }
}
