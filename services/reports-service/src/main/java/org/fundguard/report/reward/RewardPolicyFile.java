package org.fundguard.report.reward;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads reward policies from JSON: {@code {"policies": [ {id, regionPrefix, effectiveFrom, title, legalSource, shape}, … ]}}.
 *
 * <p>Parsing only (types, required and unknown fields); the rules between values are checked by {@link RewardPolicies}.
 * Amounts and rates may be JSON numbers or strings and are read as exact decimals.
 *
 * <p>Shapes, by {@code shape.type}:
 * <ul>
 *   <li>{@code MARGINAL_BRACKETS}: {@code brackets, floor, insiderUplift, cap};</li>
 *   <li>{@code EVIDENCE_LEVEL}: {@code levels: [{level, rate, floor}], insiderUplift, cap};</li>
 *   <li>{@code TARGET_KIND}: {@code brackets: {INSTITUTION: [...], INDIVIDUAL: [...]}, basis?, floor, insiderUplift, cap};
 *   {@code basis} is {@code MARGINAL} (the default) or {@code WHOLE_VALUE}: the one bracket the case value falls in
 *   applies its rate to the whole case value, plus its {@code fixedAmount}.</li>
 * </ul>
 * A bracket is {@code {upTo?, rate, fixedAmount?}}: {@code rate} of the part of the case value above the previous
 * bracket's {@code upTo} (or 0) up to its own (none = no upper edge), plus {@code fixedAmount} once the case value
 * exceeds the lower edge.
 *
 * <p>Beijing (京医保发〔2023〕18号) is whole-value tiers, not marginal brackets: an institution's case value up to and
 * including 500,000 earns 2% of it, above 500,000 4% of the whole value; an individual's up to and including 10,000
 * earns 10%, above 10,000 10% of the whole value plus 500; at least 500 and at most 200,000 a case. Hence
 * {@code "basis": "WHOLE_VALUE"} in its shape.
 */
final class RewardPolicyFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> POLICY_FIELDS =
            Set.of("id", "regionPrefix", "effectiveFrom", "title", "legalSource", "shape");
    private static final Set<String> BRACKET_FIELDS = Set.of("upTo", "rate", "fixedAmount");
    private static final Set<String> LEVEL_FIELDS = Set.of("level", "rate", "floor");

    private RewardPolicyFile() {
    }

    static List<RewardPolicy> parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reward policies file " + source + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reward policies file " + source, e);
        }
        if (root == null || !root.isObject() || !root.path("policies").isArray()) {
            throw new IllegalStateException("reward policies file " + source + " must be an object with a \"policies\" array");
        }
        List<RewardPolicy> policies = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.get("policies")) {
            index++;
            policies.add(policy(node, source, index));
        }
        return policies;
    }

    private static RewardPolicy policy(JsonNode node, String source, int index) {
        if (!node.isObject()) {
            throw new IllegalStateException("reward policy #" + index + " in " + source + " is not an object");
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
            throw new IllegalStateException("reward policy #" + index + " in " + source + " has no id");
        }
        Ctx ctx = new Ctx(idNode.asText(), source);
        ctx.noUnknown(node, POLICY_FIELDS, "policy");
        LocalDate effectiveFrom;
        String date = ctx.text(node, "effectiveFrom");
        try {
            effectiveFrom = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ctx.error("effectiveFrom \"" + date + "\" is not a date (yyyy-MM-dd)");
        }
        JsonNode regionPrefix = node.get("regionPrefix");
        if (regionPrefix == null || !regionPrefix.isTextual()) {
            throw ctx.error("regionPrefix is required (\"\" for everywhere)");
        }
        return new RewardPolicy(ctx.id, regionPrefix.asText(), effectiveFrom, ctx.text(node, "title"),
                ctx.text(node, "legalSource"), shape(ctx, ctx.object(node, "shape")));
    }

    private static RewardShape shape(Ctx ctx, JsonNode shape) {
        String type = ctx.text(shape, "type");
        switch (type) {
            case "MARGINAL_BRACKETS" -> {
                ctx.noUnknown(shape, Set.of("type", "brackets", "floor", "insiderUplift", "cap"), "shape");
                return new RewardShape.MarginalBrackets(brackets(ctx, shape.get("brackets"), "brackets"),
                        ctx.decimal(shape, "floor"), ctx.decimal(shape, "insiderUplift"), ctx.decimal(shape, "cap"));
            }
            case "EVIDENCE_LEVEL" -> {
                ctx.noUnknown(shape, Set.of("type", "levels", "insiderUplift", "cap"), "shape");
                JsonNode levels = ctx.array(shape, "levels");
                List<RewardShape.EvidenceLevels.Level> list = new ArrayList<>();
                for (JsonNode level : levels) {
                    ctx.noUnknown(level, LEVEL_FIELDS, "level");
                    JsonNode number = level.get("level");
                    if (number == null || !number.canConvertToExactIntegral()) {
                        throw ctx.error("each level needs an integer \"level\"");
                    }
                    list.add(new RewardShape.EvidenceLevels.Level(number.asInt(),
                            ctx.decimal(level, "rate"), ctx.decimal(level, "floor")));
                }
                return new RewardShape.EvidenceLevels(list, ctx.decimal(shape, "insiderUplift"), ctx.decimal(shape, "cap"));
            }
            case "TARGET_KIND" -> {
                ctx.noUnknown(shape, Set.of("type", "brackets", "basis", "floor", "insiderUplift", "cap"), "shape");
                RewardShape.Basis basis = RewardShape.Basis.MARGINAL;
                if (shape.hasNonNull("basis")) {
                    try {
                        basis = RewardShape.Basis.valueOf(shape.get("basis").asText());
                    } catch (IllegalArgumentException e) {
                        throw ctx.error("unknown basis \"" + shape.get("basis").asText() + "\" (expected MARGINAL or WHOLE_VALUE)");
                    }
                }
                JsonNode byKind = ctx.object(shape, "brackets");
                Map<TargetKind, List<Bracket>> map = new EnumMap<>(TargetKind.class);
                for (Iterator<Map.Entry<String, JsonNode>> it = byKind.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    TargetKind kind;
                    try {
                        kind = TargetKind.valueOf(entry.getKey());
                    } catch (IllegalArgumentException e) {
                        throw ctx.error("unknown target kind \"" + entry.getKey() + "\" (expected one of "
                                + List.of(TargetKind.values()) + ")");
                    }
                    map.put(kind, brackets(ctx, entry.getValue(), "brackets." + kind));
                }
                return new RewardShape.ByTargetKind(map, basis, ctx.decimal(shape, "floor"),
                        ctx.decimal(shape, "insiderUplift"), ctx.decimal(shape, "cap"));
            }
            default -> throw ctx.error("unknown shape type \"" + type
                    + "\" (expected MARGINAL_BRACKETS, EVIDENCE_LEVEL or TARGET_KIND)");
        }
    }

    private static List<Bracket> brackets(Ctx ctx, JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw ctx.error(field + " must be an array of brackets");
        }
        List<Bracket> brackets = new ArrayList<>();
        for (JsonNode bracket : node) {
            ctx.noUnknown(bracket, BRACKET_FIELDS, "bracket");
            BigDecimal upTo = bracket.hasNonNull("upTo") ? ctx.decimal(bracket, "upTo") : null;
            BigDecimal fixed = bracket.hasNonNull("fixedAmount") ? ctx.decimal(bracket, "fixedAmount") : BigDecimal.ZERO;
            brackets.add(new Bracket(upTo, ctx.decimal(bracket, "rate"), fixed));
        }
        return brackets;
    }

    /** The policy being read, so every error names it. */
    private record Ctx(String id, String source) {

        IllegalStateException error(String message) {
            return new IllegalStateException("reward policy " + id + " (" + source + "): " + message);
        }

        void noUnknown(JsonNode node, Set<String> known, String what) {
            if (!node.isObject()) {
                throw error(what + " must be an object");
            }
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    throw error("unknown field \"" + name + "\" in " + what);
                }
            });
        }

        String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw error(field + " is required");
            }
            return value.asText();
        }

        JsonNode object(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isObject()) {
                throw error(field + " must be an object");
            }
            return value;
        }

        JsonNode array(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) {
                throw error(field + " must be an array");
            }
            return value;
        }

        BigDecimal decimal(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value != null && value.isNumber()) {
                return value.decimalValue();
            }
            if (value != null && value.isTextual()) {
                try {
                    return new BigDecimal(value.asText().trim());
                } catch (NumberFormatException e) {
                    throw error(field + " \"" + value.asText() + "\" is not a number");
                }
            }
            throw error(field + " is required (a number)");
        }
    }
}
