package org.fundguard.kit.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.devstack.RepositoryRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RolesTest {

    @Test
    void theConstantsAreExactlyTheRealmsRoles() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(RepositoryRoot.find().resolve("platform/realm/fundguard-realm.json").toFile());
        Set<String> realmRoles = new HashSet<>();
        realm.path("roles").path("realm").forEach(r -> realmRoles.add(r.path("name").asText()));

        Set<String> constants = Arrays.stream(Roles.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(RolesTest::value).collect(Collectors.toSet());

        assertThat(realmRoles).isNotEmpty();
        assertThat(constants).containsExactlyInAnyOrderElementsOf(realmRoles);
    }

    @Test
    void eachConstantIsNamedAfterItsRole() {
        for (Field f : Roles.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                assertThat(f.getName()).isEqualTo(value(f).toUpperCase().replace('-', '_'));
                assertThat(Modifier.isFinal(f.getModifiers()) && Modifier.isPublic(f.getModifiers())).isTrue();
            }
        }
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
