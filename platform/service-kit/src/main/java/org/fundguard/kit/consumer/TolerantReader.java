package org.fundguard.kit.consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.lang.annotation.ElementType;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an event payload the way consumers must (contracts/README.md, "Event envelope"): unknown properties are
 * ignored (a producer may add optional fields within a version), a missing or null required property is refused, and
 * so are duplicate keys, a wrong type or format, and JSON that does not parse. Required means a record component (or
 * field) annotated {@code @NotNull}/{@code @NotBlank} (or any other Bean Validation constraint, nested records with
 * {@code @Valid}); the payload is validated after reading. A primitive component missing from the JSON takes its
 * default; declare a required number as {@code @NotNull Integer}. Refusals are {@link PoisonMessageException}s naming
 * the field, never the value (it may be personal data).
 */
public final class TolerantReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private TolerantReader() {
    }

    /**
     * The payload {@code json} as {@code type}.
     *
     * @throws PoisonMessageException naming the field that is missing, null, duplicated or of the wrong type
     */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new PoisonMessageException("payload is empty");
        }
        T value;
        try {
            value = JSON.readValue(json, type);
        } catch (JsonMappingException e) {
            String path = path(e);
            throw new PoisonMessageException(path.isEmpty()
                    ? "payload does not match " + type.getSimpleName()
                    : "payload field '" + path + "' has the wrong type or format");
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Duplicate field")) {
                // Jackson: Duplicate field 'name'
                throw new PoisonMessageException("payload has a duplicate field " + msg.substring("Duplicate field ".length()));
            }
            throw new PoisonMessageException("payload is not JSON");
        }
        if (value == null) {
            throw new PoisonMessageException("payload is null");
        }
        Set<ConstraintViolation<T>> violations = Holder.VALIDATOR.validate(value);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> "payload field '" + v.getPropertyPath() + "' " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return value;
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    // a plain validator, so the reader works the same in a service and in a plain unit test
    private static final class Holder {
        static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .traversableResolver(new TraversableResolver() {
                    // payloads are records, never JPA entities: everything is reachable and cascadable
                    @Override
                    public boolean isReachable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
                        return true;
                    }

                    @Override
                    public boolean isCascadable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
                        return true;
                    }
                })
                .buildValidatorFactory();
        static final Validator VALIDATOR = FACTORY.getValidator();
    }
}
