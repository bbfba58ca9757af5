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

    /** The event type of an example: the title of the schema beside it (a file name alone is ambiguous for {@code clawed-back}). */
    static String typeOf(Path example) throws IOException {
        Path schema = example.resolveSibling(example.getFileName().toString().replace(".example.json", ".schema.json"));
        return JSON.readTree(schema.toFile()).path("title").asText();
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

    static Stream<Arguments> brokenReportEvents() {
        return Stream.of(
                Arguments.of("report.accepted.v1", "accepted with a decline reason", (Consumer<ObjectNode>) n -> n.put("declineReason", "OUTSIDE_SCOPE")),
                Arguments.of("report.accepted.v1", "reportId not a uuid", (Consumer<ObjectNode>) n -> n.put("reportId", "R-2026-1")),
                Arguments.of("report.accepted.v1", "decidedAt without an offset", (Consumer<ObjectNode>) n -> n.put("decidedAt", "2026-11-24T02:19:46")),
                Arguments.of("report.accepted.v1", "reporter identity smuggled in", (Consumer<ObjectNode>) n -> n.put("reporterName", "张三")),
                Arguments.of("report.declined.v1", "declined without a reason", (Consumer<ObjectNode>) n -> n.putNull("declineReason")),
                Arguments.of("report.declined.v1", "declined, reason missing", (Consumer<ObjectNode>) n -> n.remove("declineReason")),
                Arguments.of("report.declined.v1", "unknown decline reason", (Consumer<ObjectNode>) n -> n.put("declineReason", "TOO_LATE")),
                Arguments.of("report.declined.v1", "free text smuggled in", (Consumer<ObjectNode>) n -> n.put("comment", "重复举报")),
                Arguments.of("report.verified.v1", "verified without a case value", (Consumer<ObjectNode>) n -> n.putNull("caseValue")),
                Arguments.of("report.verified.v1", "verified without an institution", (Consumer<ObjectNode>) n -> n.putNull("institutionCode")),
                Arguments.of("report.verified.v1", "case value with one decimal", (Consumer<ObjectNode>) n -> n.put("caseValue", "1.5")),
                Arguments.of("report.verified.v1", "case value as a number", (Consumer<ObjectNode>) n -> n.put("caseValue", 86420.5)),
                Arguments.of("report.verified.v1", "bad institution code", (Consumer<ObjectNode>) n -> n.put("institutionCode", "X1234")),
                Arguments.of("report.unfounded.v1", "unfounded with a case value", (Consumer<ObjectNode>) n -> n.put("caseValue", "100.00")),
                Arguments.of("report.unfounded.v1", "bad institution code", (Consumer<ObjectNode>) n -> n.put("institutionCode", "H341")),
                Arguments.of("report.unfounded.v1", "region not 6 digits", (Consumer<ObjectNode>) n -> n.put("region", "3411")),
                Arguments.of("reward.approved.v1", "amount with one decimal", (Consumer<ObjectNode>) n -> n.put("amount", "1.5")),
                Arguments.of("reward.approved.v1", "negative amount", (Consumer<ObjectNode>) n -> n.put("amount", "-200.00")),
                Arguments.of("reward.approved.v1", "approved without a claim deadline", (Consumer<ObjectNode>) n -> n.putNull("claimDeadline")),
                Arguments.of("reward.approved.v1", "claim deadline not a date", (Consumer<ObjectNode>) n -> n.put("claimDeadline", "2027-04-08T00:00:00Z")),
                Arguments.of("reward.approved.v1", "no policy", (Consumer<ObjectNode>) n -> n.remove("policyId")),
                Arguments.of("reward.paid.v1", "paid with a claim deadline", (Consumer<ObjectNode>) n -> n.put("claimDeadline", "2027-04-08")),
                Arguments.of("reward.paid.v1", "payment reference smuggled in", (Consumer<ObjectNode>) n -> n.put("paymentRef", "PAY-1")),
                Arguments.of("reward.paid.v1", "amount with three decimals", (Consumer<ObjectNode>) n -> n.put("amount", "2592.625")),
                Arguments.of("reward.clawed-back.v1", "clawed back with a claim deadline", (Consumer<ObjectNode>) n -> n.put("claimDeadline", "2027-04-08")),
                Arguments.of("reward.clawed-back.v1", "reason text smuggled in", (Consumer<ObjectNode>) n -> n.put("reason", "冒名举报")),
                Arguments.of("reward.clawed-back.v1", "amount missing", (Consumer<ObjectNode>) n -> n.remove("amount")),
                Arguments.of("reward.waived.v1", "waived without the deadline that passed", (Consumer<ObjectNode>) n -> n.putNull("claimDeadline")),
                Arguments.of("reward.waived.v1", "joint report id not a uuid", (Consumer<ObjectNode>) n -> n.put("jointReportId", "R-1")),
                Arguments.of("reward.approved.v1", "joint report id as a number", (Consumer<ObjectNode>) n -> n.put("jointReportId", 7)));
    }

    static Stream<Arguments> brokenQualificationEvents() {
        return Stream.of(
                Arguments.of("qualification.suspended.v1", "no end of the suspension", (Consumer<ObjectNode>) n -> n.remove("until")),
                Arguments.of("qualification.suspended.v1", "a name smuggled in", (Consumer<ObjectNode>) n -> n.put("name", "张某")),
                Arguments.of("qualification.suspended.v1", "unknown person type", (Consumer<ObjectNode>) n -> n.put("personType", "CLERK")),
                Arguments.of("qualification.suspended.v1", "code with a space", (Consumer<ObjectNode>) n -> n.put("practitionerCode", "D341 100000123")),
                Arguments.of("qualification.terminated.v1", "termination below 12 points", (Consumer<ObjectNode>) n -> n.put("yearPoints", 11)),
                Arguments.of("qualification.terminated.v1", "no re-registration bar", (Consumer<ObjectNode>) n -> n.remove("reRegistrationBarredUntil")),
                Arguments.of("qualification.restored.v1", "unknown reason", (Consumer<ObjectNode>) n -> n.put("reason", "FORGIVEN")),
                Arguments.of("qualification.restored.v1", "from not a date", (Consumer<ObjectNode>) n -> n.put("from", "2027-07-01T00:00:00Z")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenQualificationEvents")
    void brokenQualificationEventIsRejected(String type, String what, Consumer<ObjectNode> breakIt) throws IOException {
        brokenReportEventIsRejected(type, what, breakIt);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenReportEvents")
    void brokenReportEventIsRejected(String type, String what, Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(EVENTS.resolve(EventSchemas.fileOf(type).replace(".schema.json", ".example.json")).toFile());
        assertThat(EventSchemas.validate(type, node)).as("the example itself").isEmpty();
        breakIt.accept(node);
        assertThat(EventSchemas.validate(type, node)).as(what).isNotEmpty();
    }

    @Test
    void absentOptionalFieldsAreAccepted() {
        assertThat(EventSchemas.validate("report.accepted.v1",
                "{\"reportId\":\"3f6c1d2e-8a4b-4f1e-9c7d-2b5a6e8f0a11\",\"region\":\"341100\",\"decidedAt\":\"2026-11-24T02:19:46Z\"}")).isEmpty();
        assertThat(EventSchemas.validate("report.unfounded.v1",
                "{\"reportId\":\"3f6c1d2e-8a4b-4f1e-9c7d-2b5a6e8f0a11\",\"region\":\"341100\",\"institutionCode\":\"P34110200007\",\"investigatedAt\":\"2026-12-19T09:10:00+08:00\"}")).isEmpty();
    }

    @Test
    void aHyphenatedTypeMapsOnlyToItself() {
        assertThat(EventSchemas.fileOf("reward.clawed-back.v1")).isEqualTo("reward-clawed-back.v1.schema.json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventSchemas.validate("reward.clawed.back.v1", "{}"))
                .hasMessageContaining("no schema");
    }

    @Test
    void unknownTypeIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventSchemas.validate("no.such.v1", "{}"))
                .hasMessageContaining("no schema");
    }
}
