package org.fundguard.monitoring.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A 3103 request: the national envelope with {@code input.data} of the doctor's dispositions (data-formats §9.3). */
@Schema(name = "FeedbackMessage", description = "3103 request: the national envelope with input.data (data-formats §9.3).")
public record FeedbackMessage(
        @JsonProperty("infno") @Schema(examples = "3103") String infno,
        @JsonProperty("msgid") String msgid,
        @JsonProperty("mdtrtarea_admvs") String mdtrtareaAdmvs,
        @JsonProperty("inf_time") String infTime,
        @JsonProperty("fixmedins_code") String fixmedinsCode,
        @JsonProperty("fixmedins_name") String fixmedinsName,
        @JsonProperty("input") Input input) {

    /** {@code input}. */
    @Schema(name = "FeedbackInput")
    public record Input(@JsonProperty("data") Data data) {
    }

    /** {@code input.data}. */
    @Schema(name = "FeedbackData")
    public record Data(
            @JsonProperty("warn_type") @Schema(description = "1 事前, 2 事中.") String warnType,
            @JsonProperty("warns") List<Warn> warns) {
    }

    /** {@code warns[]}: one disposition. */
    @Schema(name = "FeedbackWarn")
    public record Warn(
            @JsonProperty("warn_rslt_id") @Schema(description = "The jr_id of the warning.") String warnRsltId,
            @JsonProperty("dspo_way") @Schema(description = "1 继续执行, 2 返回修改.") String dspoWay,
            @JsonProperty("dspo_way_rea") @Schema(description = "Why; required when dspo_way is 1. At most 500 characters.") String dspoWayRea) {
    }
}
