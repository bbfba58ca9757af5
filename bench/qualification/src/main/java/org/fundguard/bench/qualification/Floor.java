package org.fundguard.bench.qualification;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The HTTP floor: the cheapest answer a Quarkus REST endpoint gives here, a constant, on the event loop. */
@Path("/floor")
public class Floor {

    private static final String ANSWER = "{\"code\":\"D341102000123\",\"mayBill\":true,\"basis\":\"NONE\"}";

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public String floor() {
        return ANSWER;
    }
}
