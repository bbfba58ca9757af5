package org.fundguard.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The JSON every service reads is strict: a key given twice in one object is refused (Jackson would keep the last one,
 * so a checker and a consumer could read different values), and so is a text value with a NUL character (U+0000),
 * which PostgreSQL cannot store and which would otherwise fail as a 500 at the database. Both become a 400 problem
 * naming the field ({@link ProblemMappers}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final String NUL_REFUSED = "must not contain the NUL character (U+0000)";

    /** A text value refused for what it contains. */
    public static final class RefusedText extends InvalidFormatException {
        private final String reason;

        RefusedText(JsonParser p, String reason, String value) {
            super(p, reason, value, String.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("fundguard-strict-json").addDeserializer(String.class, new NulFreeString()));
    }

    /** Jackson's string reading, then the NUL check. */
    static final class NulFreeString extends StdScalarDeserializer<String> {
        NulFreeString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && s.indexOf('\0') >= 0) {
                throw new RefusedText(p, NUL_REFUSED, s.replace('\0', ' '));
            }
            return s;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }
    }

    /** Jackson's duplicate-key refusal ({@code STRICT_DUPLICATE_DETECTION}) in this failure, or null. */
    static JsonParseException duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException p && p.getOriginalMessage() != null
                    && p.getOriginalMessage().startsWith("Duplicate field") && p.getProcessor() != null) {
                return p;
            }
        }
        return null;
    }

    /** The parser's refusal of ill-formed JSON in {@code e} or its causes, or null. */
    static JsonParseException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException p) {
                return p;
            }
        }
        return null;
    }

    /** Where the parser stopped, as {@link #field(JsonParser)} names it ({@code body} when the parser is not known). */
    static String field(JsonParseException e) {
        JsonParser p = e.getProcessor();
        return p != null ? field(p) : "body";
    }

    /** What is wrong with ill-formed JSON, by line and column only: the parser's message quotes the caller's text. */
    static String where(JsonParseException e) {
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1
                ? "is not well-formed JSON"
                : "is not well-formed JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** The duplicated key's path, as the caller wrote it: {@code parts[0].count}. */
    static String duplicateField(JsonParseException e) {
        String m = e.getOriginalMessage();
        int open = m.indexOf('\'');
        int close = m.lastIndexOf('\'');
        String key = open >= 0 && close > open ? m.substring(open + 1, close) : null;
        String at = field(e.getProcessor());
        if (key == null || at.equals(key) || at.endsWith("." + key)) {
            return at;
        }
        return at.equals("body") ? key : at + "." + key;
    }

    /** The path of the parser's current place, as the caller wrote it: {@code parts[0].region}. */
    static String field(JsonParser p) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                names.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                names.addFirst("." + c.getCurrentName());
            }
        }
        String joined = String.join("", names);
        return joined.startsWith(".") ? joined.substring(1) : joined.isEmpty() ? "body" : joined;
    }
}
