package org.fundguard.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every AsyncAPI message names its event type consistently and points at that type's schema; every message is sent. */
class AsyncApiFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("asyncapi"))) {
            return s.filter(p -> p.toString().endsWith(".asyncapi.yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void messagesMatchTheirSchemas(Path file) throws IOException {
        JsonNode doc = YAML.readTree(file.toFile());
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");
        List<String> problems = new ArrayList<>();
        Set<String> messageRefs = new HashSet<>();
        doc.path("channels").fields().forEachRemaining(channel -> {
            assertThat(channel.getValue().path("address").asText()).as(channel.getKey()).startsWith("fundguard.");
            channel.getValue().path("messages").fields().forEachRemaining(m -> {
                String where = channel.getKey() + "/" + m.getKey();
                messageRefs.add("#/channels/" + channel.getKey() + "/messages/" + m.getKey());
                JsonNode msg = m.getValue();
                String type = msg.path("name").asText();
                if (!type.equals(msg.path("headers").path("properties").path("ce_type").path("const").asText())) {
                    problems.add(where + ": ce_type const differs from name " + type);
                }
                if (!"application/json".equals(msg.path("contentType").asText())) {
                    problems.add(where + ": contentType is not application/json");
                }
                String ref = msg.path("payload").path("$ref").asText();
                Path schema = file.resolveSibling(ref).normalize();
                if (!Files.exists(schema)) {
                    problems.add(where + ": payload " + ref + " does not exist");
                } else {
                    try {
                        if (!type.equals(JSON.readTree(schema.toFile()).path("title").asText())) {
                            problems.add(where + ": " + ref + " is not titled " + type);
                        }
                    } catch (IOException e) {
                        problems.add(where + ": " + ref + " is not JSON");
                    }
                    if (!schema.getFileName().toString().equals(EventSchemas.fileOf(type))) {
                        problems.add(where + ": " + ref + " is not the file of " + type);
                    }
                }
            });
        });
        Set<String> sent = new HashSet<>();
        doc.path("operations").forEach(op -> op.path("messages").forEach(r -> sent.add(r.path("$ref").asText())));
        assertThat(messageRefs).as("messages").isNotEmpty();
        assertThat(sent).as("messages sent by an operation").containsAll(messageRefs);
        assertThat(problems).isEmpty();
    }
}
