package org.fundguard.monitoring.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 3103 response envelope: {@code infcode} 0 and how many dispositions were recorded. */
@Schema(name = "FeedbackAnswer")
public record FeedbackAnswer(
        @JsonProperty("infcode") int infcode,
        @JsonProperty("inf_refmsgid") String infRefmsgid,
        @JsonProperty("refmsg_time") String refmsgTime,
        @JsonProperty("respond_time") String respondTime,
        @JsonProperty("err_msg") String errMsg,
        @JsonProperty("output") Output output) {

    /** {@code output}. */
    @Schema(name = "FeedbackOutput")
    public record Output(@JsonProperty("recorded") int recorded) {
    }
}
