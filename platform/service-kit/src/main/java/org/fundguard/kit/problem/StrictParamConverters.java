package org.fundguard.kit.problem;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Strict conversion of query, path, header and form parameters of the common types, each failure an
 * {@link InvalidParameter} naming the parameter (mapped to a 400 problem instead of the 404 that JAX-RS prescribes for
 * a query or path parameter that does not convert): booleans are {@code true} or {@code false} only (JAX-RS'
 * {@code Boolean.valueOf} reads {@code maybe} as false), numbers must fit their type ({@code 99999999999} is no int),
 * dates are ISO {@code yyyy-MM-dd} and real ({@code 2026-02-30} is refused), ids are UUIDs.
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {

    /** A parameter value that does not convert to its declared type. */
    public static class InvalidParameter extends IllegalArgumentException {
        private final String name;
        private final String value;
        private final String reason;

        InvalidParameter(String name, String value, String reason) {
            super((name == null ? "parameter" : name) + ": " + reason);
            this.name = name;
            this.value = value;
            this.reason = reason;
        }

        /** The parameter's name, when its annotation gives one. */
        public String name() {
            return name;
        }

        /** The value the caller sent. */
        public String value() {
            return value;
        }

        public String reason() {
            return reason;
        }
    }

    private record Kind(Function<String, Object> parse, String reason, Object absent) {
    }

    private static final Map<Class<?>, Kind> KINDS = Map.ofEntries(
            Map.entry(Boolean.class, new Kind(StrictParamConverters::bool, "must be true or false", null)),
            Map.entry(boolean.class, new Kind(StrictParamConverters::bool, "must be true or false", false)),
            Map.entry(Integer.class, new Kind(s -> Integer.valueOf(s.trim()), "must be a whole number from -2147483648 to 2147483647", null)),
            Map.entry(int.class, new Kind(s -> Integer.valueOf(s.trim()), "must be a whole number from -2147483648 to 2147483647", 0)),
            Map.entry(Long.class, new Kind(s -> Long.valueOf(s.trim()), "must be a whole number", null)),
            Map.entry(long.class, new Kind(s -> Long.valueOf(s.trim()), "must be a whole number", 0L)),
            Map.entry(BigDecimal.class, new Kind(s -> new BigDecimal(s.trim()), "must be a decimal number", null)),
            Map.entry(UUID.class, new Kind(StrictParamConverters::uuid, "must be a UUID", null)),
            Map.entry(LocalDate.class, new Kind(s -> LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE), "must be a date as yyyy-MM-dd", null)));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Kind kind = KINDS.get(rawType);
        if (kind == null) {
            return null;
        }
        String name = name(annotations);
        return (ParamConverter<T>) new ParamConverter<Object>() {
            @Override
            public Object fromString(String value) {
                if (value == null) {
                    return kind.absent();
                }
                try {
                    return kind.parse().apply(value);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new InvalidParameter(name, value, kind.reason());
                }
            }

            @Override
            public String toString(Object value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static Boolean bool(String s) {
        return switch (s.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static UUID uuid(String s) {
        // UUID.fromString accepts short groups ("1-2-3-4-5"); only the canonical 36-character form is an id here
        if (s.length() != 36) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(s);
    }

    private static String name(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            String n = a instanceof QueryParam q ? q.value()
                    : a instanceof PathParam p ? p.value()
                    : a instanceof HeaderParam h ? h.value()
                    : a instanceof FormParam f ? f.value()
                    : a instanceof CookieParam c ? c.value()
                    : a instanceof RestQuery q ? q.value()
                    : a instanceof RestPath p ? p.value()
                    : a instanceof RestHeader h ? h.value()
                    : a instanceof RestForm f ? f.value()
                    : a instanceof RestCookie c ? c.value()
                    : null;
            if (n != null && !n.isEmpty()) {
                return n;
            }
        }
        return null;
    }
}
