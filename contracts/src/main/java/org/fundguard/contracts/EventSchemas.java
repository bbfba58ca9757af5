package org.fundguard.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event JSON Schemas of {@code contracts/events}, loaded from the classpath by CloudEvents type
 * ({@code violation.decided.v1} → {@code events/violation-decided.v1.schema.json}), and validation against them.
 * <p>
 * Dots before the version become dashes and dashes inside a segment stay ({@code reward.clawed-back.v1} →
 * {@code reward-clawed-back.v1.schema.json}), so a file name alone does not give back the type: each schema's
 * {@code title} is its exact type, and a type is only served by the schema titled with it.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema file name of an event type: dots before the version become dashes. */
    public static String fileOf(String type) {
        int v = type.lastIndexOf(".v");
        if (v < 0) {
            throw new IllegalArgumentException("event type without a version suffix: " + type);
        }
        return type.substring(0, v).replace('.', '-') + type.substring(v) + ".schema.json";
    }

    /** Validates a payload; the list of errors is empty when it is valid. */
    public static List<String> validate(String type, String payload) {
        try {
            return validate(type, JSON.readTree(payload));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    public static List<String> validate(String type, JsonNode payload) {
        return schema(type).validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Throws an AssertionError listing every error, for producers' tests. */
    public static void assertValid(String type, String payload) {
        List<String> errors = validate(type, payload);
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " payload does not match its schema:\n  " + String.join("\n  ", errors));
        }
    }

    static JsonSchema schema(String type) {
        return CACHE.computeIfAbsent(type, t -> {
            String resource = "events/" + fileOf(t);
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no schema for event type " + t + " (" + resource + ")");
                }
                JsonNode node = JSON.readTree(in);
                String title = node.path("title").asText();
                if (!t.equals(title)) {
                    throw new IllegalArgumentException("no schema for event type " + t + " (" + resource + " is titled "
                            + title + ")");
                }
                return FACTORY.getSchema(node, CONFIG);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
            }
        });
    }
}
