package org.fundguard.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real access tokens from the test Keycloak: demo users by password grant, systems by client credentials. */
public final class Tokens {

    /** Every demo user's password (dev realm only). */
    public static final String DEMO_PASSWORD = "demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    private Tokens() {
    }

    /** An access token for a demo user such as {@code chuzhou-report-handler}. */
    public static String user(String username) {
        return cached("user:" + username, Map.of("grant_type", "password", "client_id", "fundguard-cli",
                "username", username, "password", DEMO_PASSWORD));
    }

    /** An access token for a confidential client's service account (partner agency, hospital system). */
    public static String client(String clientId, String secret) {
        return cached("client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private static String cached(String key, Map<String, String> form) {
        Cached c = CACHE.get(key);
        if (c != null && c.expires().isAfter(Instant.now().plusSeconds(30))) {
            return c.token();
        }
        JsonNode r = request(form);
        Cached fresh = new Cached(r.get("access_token").asText(), Instant.now().plusSeconds(r.get("expires_in").asLong()));
        CACHE.put(key, fresh);
        return fresh.token();
    }

    /** The raw token endpoint answer of the fundguard realm. */
    public static JsonNode request(Map<String, String> form) {
        return request(form, "fundguard");
    }

    /** The raw token endpoint answer of any realm of the test Keycloak (e.g. {@code master}, for foreign tokens). */
    public static JsonNode request(Map<String, String> form, String realm) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(TestStack.keycloak().url() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(resp.body());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("token request failed (" + resp.statusCode() + "): " + json);
            }
            return json;
        } catch (IOException e) {
            throw new IllegalStateException("token request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
