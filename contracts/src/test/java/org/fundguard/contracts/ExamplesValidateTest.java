package org.fundguard.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every checked-in event example validates against its schema, and the schemas really constrain. */
class ExamplesValidateTest {

    private static final Path EVENTS = Path.of("events");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".example.json")).sorted().toList();
            assertThat(list).as("examples under contracts/events").isNotEmpty();
            return list.stream();
        }
    }

    static String typeOf(Path example) {
        String name = example.getFileName().toString().replace(".example.json", "");
        int v = name.lastIndexOf(".v");
        return name.substring(0, v).replace('-', '.') + name.substring(v);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleValidatesAgainstItsSchema(Path example) throws IOException {
        String type = typeOf(example);
        assertThat(EventSchemas.fileOf(type)).isEqualTo(example.getFileName().toString().replace(".example.json", ".schema.json"));
        assertThat(EventSchemas.validate(type, Files.readString(example))).isEmpty();
    }

    @Test
    void everySchemaHasAnExample() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            files.filter(p -> p.getFileName().toString().endsWith(".schema.json")).forEach(schema ->
                    assertThat(schema.resolveSibling(schema.getFileName().toString().replace(".schema.json", ".example.json")))
                            .as("example beside " + schema).exists());
        }
    }

    static Stream<Arguments> brokenDecisions() {
        return Stream.of(
                Arguments.of("missing institution", (Consumer<ObjectNode>) n -> n.remove("institution")),
                Arguments.of("region not 6 digits", (Consumer<ObjectNode>) n -> n.put("region", "3411")),
                Arguments.of("negative loss", (Consumer<ObjectNode>) n -> n.put("fundLoss", "-5.00")),
                Arguments.of("money as a float", (Consumer<ObjectNode>) n -> n.put("fundLoss", 86420.5)),
                Arguments.of("money with 3 decimals", (Consumer<ObjectNode>) n -> n.put("fundLoss", "1.005")),
                Arguments.of("bad institution code", (Consumer<ObjectNode>) n -> ((ObjectNode) n.get("institution")).put("code", "X1234")),
                Arguments.of("unknown responsibility level", (Consumer<ObjectNode>) n ->
                        ((ObjectNode) n.get("responsiblePersons").get(0)).put("responsibilityLevel", "TOTAL")),
                Arguments.of("suspension over 12 months", (Consumer<ObjectNode>) n ->
                        ((ObjectNode) n.get("agreementActions").get(0)).put("months", 13)),
                Arguments.of("personal data smuggled in", (Consumer<ObjectNode>) n ->
                        ((ObjectNode) n.get("responsiblePersons").get(0)).put("name", "张三")),
                Arguments.of("unknown top-level field", (Consumer<ObjectNode>) n -> n.put("reporterPhone", "13800000000")),
                Arguments.of("decidedAt not a date-time", (Consumer<ObjectNode>) n -> n.put("decidedAt", "yesterday")),
                Arguments.of("no violation type", (Consumer<ObjectNode>) n -> n.putArray("violationTypes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDecisions")
    void brokenDecisionIsRejected(String what, Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(EVENTS.resolve("violation-decided.v1.example.json").toFile());
        breakIt.accept(node);
        assertThat(EventSchemas.validate("violation.decided.v1", node)).as(what).isNotEmpty();
    }

    @Test
    void unknownTypeIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventSchemas.validate("no.such.v1", "{}"))
                .hasMessageContaining("no schema");
    }
}
