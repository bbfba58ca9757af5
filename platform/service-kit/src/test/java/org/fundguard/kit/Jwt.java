package org.fundguard.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Reads a claim of a real access token, to compare what the kit recorded with what Keycloak issued. */
public final class Jwt {

    private Jwt() {
    }

    public static String claim(String token, String name) {
        try {
            JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            return claims.path(name).asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
