package org.fundguard.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Realms and their signing keys through the Keycloak admin API of the test Keycloak ({@code admin}/{@code admin}):
 * copies of the fundguard realm, and a key rotation that removes the old key, as a restart of the dev realm does.
 */
public final class RealmKeys {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmKeys() {
    }

    /** Creates realm {@code name} from {@code platform/realm/fundguard-realm.json}. */
    static void createCopyOfFundguard(String name) {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(TestStack.root().resolve("platform/realm/fundguard-realm.json")));
            realm.put("realm", name);
            HttpResponse<String> r = send(HttpRequest.newBuilder(admin("/admin/realms")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(realm))));
            if (r.statusCode() != 201) {
                throw new IllegalStateException("cannot create realm " + name + " (" + r.statusCode() + "): " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the fundguard realm: " + e.getMessage(), e);
        }
    }

    static void deleteRealm(String name) {
        send(HttpRequest.newBuilder(admin("/admin/realms/" + name)).DELETE());
    }

    /**
     * Replaces the realm's RS256 signing key: adds a new generated key of higher priority, then deletes every other
     * generated RSA signing key. Tokens signed before are signed with a key the realm no longer publishes.
     */
    public static void rotate(String realm) {
        try {
            String realmId = JSON.readTree(send(HttpRequest.newBuilder(admin("/admin/realms/" + realm)).GET()).body()).get("id").asText();
            List<String> old = new ArrayList<>();
            for (JsonNode c : JSON.readTree(send(HttpRequest.newBuilder(admin("/admin/realms/" + realm
                    + "/components?type=org.keycloak.keys.KeyProvider")).GET()).body())) {
                if ("rsa-generated".equals(c.path("providerId").asText())) {
                    old.add(c.get("id").asText());
                }
            }
            HttpResponse<String> created = send(HttpRequest.newBuilder(admin("/admin/realms/" + realm + "/components"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                            "name", "rotated-" + UUID.randomUUID(), "providerId", "rsa-generated",
                            "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                            "config", Map.of("priority", List.of("1000"), "keySize", List.of("2048"),
                                    "active", List.of("true"), "enabled", List.of("true"), "algorithm", List.of("RS256")))))));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("cannot add a key to " + realm + " (" + created.statusCode() + "): " + created.body());
            }
            for (String id : old) {
                HttpResponse<String> d = send(HttpRequest.newBuilder(admin("/admin/realms/" + realm + "/components/" + id)).DELETE());
                if (d.statusCode() != 204) {
                    throw new IllegalStateException("cannot delete key provider " + id + " (" + d.statusCode() + "): " + d.body());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable admin answer: " + e.getMessage(), e);
        }
    }

    /** The key id in a token's header. */
    public static String keyId(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')))).path("kid").asText(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key ids the realm publishes now. */
    public static List<String> published(String realm) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(TestStack.keycloak().url() + "/realms/" + realm
                    + "/protocol/openid-connect/certs")).GET().build(), HttpResponse.BodyHandlers.ofString());
            List<String> kids = new ArrayList<>();
            JSON.readTree(r.body()).path("keys").forEach(k -> kids.add(k.path("kid").asText()));
            return kids;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static URI admin(String path) {
        return URI.create(TestStack.keycloak().url() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        String token = Tokens.request(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"), "master").get("access_token").asText();
        try {
            return HTTP.send(b.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
