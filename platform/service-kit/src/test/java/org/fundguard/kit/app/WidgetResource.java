package org.fundguard.kit.app;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.CurrentCaller;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/widgets/v1/widgets")
public class WidgetResource {

    public record NewWidget(@NotBlank @Size(max = 100) String name, @Valid List<Part> parts) {
    }

    public record Part(@Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit region code") String region, int count) {
    }

    private final WidgetService service;
    private final CurrentCaller caller;

    public WidgetResource(WidgetService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed("report-handler")
    public Uni<RestResponse<Widget>> create(@Valid NewWidget body) {
        return service.create(body.name(), caller.get().region()).map(w -> RestResponse.status(RestResponse.Status.CREATED, w));
    }

    @POST
    @Path("/rollback")
    @RolesAllowed("report-handler")
    public Uni<Widget> createThenFail(@Valid NewWidget body) {
        return service.createThenFail(body.name(), caller.get().region());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public Uni<Widget> get(UUID id) {
        return service.find(id, caller.scope());
    }

    @GET
    @Authenticated
    public Map<String, Object> list(@QueryParam("size") @Max(200) int size) {
        return Map.of("size", size);
    }

    @GET
    @Path("/me")
    @Authenticated
    public Map<String, Object> me() {
        return Map.of("username", caller.get().username(), "region", caller.get().region(),
                "scope", caller.scope().likePattern(), "roles", caller.get().roles());
    }

    @GET
    @Path("/conflict")
    @Authenticated
    public String conflict() {
        throw new DomainException.StateConflict("The widget is already sealed.");
    }

    @GET
    @Path("/boom")
    @Authenticated
    public String boom() {
        throw new IllegalStateException("secret internal detail: db password is hunter2");
    }
}
