package org.fundguard.kit.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.devstack.RepositoryRoot;
import org.fundguard.kit.decision.ViolationDecided;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTest {

    private static Set<String> schemaTitles() throws IOException {
        Set<String> titles = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(RepositoryRoot.find().resolve("contracts/events"), "*.schema.json")) {
            for (Path p : ds) {
                titles.add(json.readTree(p.toFile()).path("title").asText());
            }
        }
        return titles;
    }

    @Test
    void eachConstantIsTheTitleOfAnEventSchema() throws IOException, IllegalAccessException {
        Set<String> titles = schemaTitles();
        Set<String> constants = new HashSet<>();
        for (Field f : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }

        assertThat(constants).isNotEmpty();
        assertThat(titles).containsAll(constants);
        assertThat(titles).contains(ViolationDecided.TYPE);
        // every qualification type the contracts hold is here
        assertThat(constants).containsAll(titles.stream().filter(t -> t.startsWith("qualification.")).toList());
    }
}
