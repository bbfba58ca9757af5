package org.fundguard.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every OpenAPI file parses, and every operation is documented as the house style asks. */
class OpenApiFilesTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("openapi"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyOperationHasIdSummaryTagsAndDescribedResponses(Path file) throws IOException {
        JsonNode doc = OpenApiDrift.read(Files.readString(file));
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        List<String> problems = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode o = op.getValue();
            if (!o.hasNonNull("operationId")) {
                problems.add(where + ": no operationId");
            }
            if (!o.hasNonNull("summary")) {
                problems.add(where + ": no summary");
            }
            if (!o.has("tags") || o.get("tags").isEmpty()) {
                problems.add(where + ": no tags");
            }
            o.path("responses").fields().forEachRemaining(r -> {
                if (!r.getValue().has("$ref") && !r.getValue().hasNonNull("description")) {
                    problems.add(where + " " + r.getKey() + ": no description");
                }
            });
        }));
        doc.path("components").path("responses").fields().forEachRemaining(r -> {
            if (!r.getValue().hasNonNull("description")) {
                problems.add("components.responses." + r.getKey() + ": no description");
            }
        });
        assertThat(problems).isEmpty();
    }
}
