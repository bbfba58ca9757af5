package org.fundguard.kit.app;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import jakarta.ws.rs.core.MediaType;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.CurrentCaller;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/** The test application's REST resource: thin, as a service's would be. */
@Path("/api/widgets/v1/widgets")
public class WidgetResource {

    public record NewWidget(@NotBlank @Size(max = 100) String name, List<@Valid Part> parts) {
    }

    public record Part(@Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit region code") String region, int count, Grade grade) {
        /** How big a part is (optional): an enum whose refusal lists its values. */
        public enum Grade { SMALL, LARGE }
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

    @PUT
    @Path("/{id}/name")
    @RolesAllowed("report-handler")
    public Uni<Widget> rename(UUID id, @Valid NewWidget body) {
        return service.rename(id, body.name());
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

    /** 45 numbered widget names, paged as every list is. */
    @GET
    @Path("/numbered")
    @Authenticated
    public PageView<String> numbered(@Valid @BeanParam PageRequest paging) {
        List<String> all = IntStream.range(0, 45).mapToObj(i -> "widget-" + i).toList();
        List<Integer> page = IntStream.range(0, all.size()).boxed()
                .skip(paging.offset()).limit(paging.size()).toList();
        return PageView.of(page, paging, all.size()).map(all::get);
    }

    /** What the kit read from the caller's token. */
    public record Me(String subject, String username, Set<String> roles, String region, String scope, String agency,
                     String institution) {
    }

    @GET
    @Path("/me")
    @Authenticated
    public Me me() {
        Caller c = caller.get();
        return new Me(c.subject(), c.username(), c.roles(), c.region(), c.scope().likePattern(), c.agency(), c.institution());
    }

    @POST
    @Path("/viewed/{entity}")
    @Authenticated
    public Uni<Void> viewed(String entity) {
        return service.recordView(entity);
    }

    @POST
    @Path("/outside-transaction")
    @RolesAllowed("report-handler")
    public Uni<Void> outsideTransaction(@Valid NewWidget body) {
        return service.appendWithoutTransaction(body.name());
    }

    /** Guarded only by a path policy in application.properties (open to its annotations). */
    @GET
    @Path("/admin-only")
    @PermitAll
    public String adminOnly() {
        return "admin";
    }

    /** No role annotation: refused, since the kit's defaults deny unannotated endpoints. */
    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "open";
    }

    /** Query parameters of the common types, converted strictly by the kit. */
    @GET
    @Path("/search")
    @Authenticated
    public Map<String, Object> search(@QueryParam("from") LocalDate from, @QueryParam("overdue") Boolean overdue,
                                      @QueryParam("page") @DefaultValue("0") int page, @RestQuery Long after) {
        Map<String, Object> echo = new java.util.HashMap<>();
        echo.put("from", from == null ? null : from.toString());
        echo.put("overdue", overdue);
        echo.put("page", page);
        echo.put("after", after);
        return echo;
    }

    /** A response that says how it may be cached keeps its own Cache-Control. */
    @GET
    @Path("/cacheable")
    @Authenticated
    public RestResponse<String> cacheable() {
        return RestResponse.ResponseBuilder.ok("public").header("Cache-Control", "max-age=60").build();
    }

    /** A multipart form: counts its parts. */
    @POST
    @Path("/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Authenticated
    public Map<String, Object> upload(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        return Map.of("files", files.size());
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
