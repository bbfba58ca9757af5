package org.fundguard.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.fundguard.kit.db.DatabaseConfig;
import org.fundguard.kit.db.DatabaseFailures;
import org.fundguard.kit.request.RequestId;
import org.fundguard.security.HttpEdge;
import org.fundguard.security.LoggedPath;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps every failure of a REST call to problem+json: domain refusals to their status, validation and unreadable
 * JSON to 400 with the fields named, security to 401/403, the REST layer's own statuses kept, and anything else
 * to a 500 that carries only the trace id (the cause is logged, never returned) — except a database that cannot be
 * reached (down, stalled, restarting), which is a 503 with {@code Retry-After}: the caller may try again, nothing was
 * stored.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String CHALLENGE = "Bearer realm=\"fundguard\"";
    static final String UNAUTHORIZED = "A valid bearer token is required.";
    static final String FORBIDDEN = "Your roles do not allow this operation.";

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            // the server produced an invalid result: its bug, not the caller's
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.";
        return respond(400, "Bad Request", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        // the parser's refusal, as such or wrapped by the deserializer of the object it was reading
        JsonParseException duplicate = StrictJson.duplicateKey(e);
        if (duplicate != null) {
            return respond(400, "Bad Request", "The request body names a field twice.", uri,
                    List.of(new Problem.FieldError(StrictJson.duplicateField(duplicate), "appears more than once")));
        }
        JsonParseException syntax = StrictJson.syntaxError(e);
        String path = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m) : null;
        if (syntax != null) {
            // where the parser stopped (the field it was in, else "body"), by line and column; never the caller's text
            return respond(400, "Bad Request", "The request body is not well-formed JSON.", uri,
                    List.of(new Problem.FieldError(path != null ? path : StrictJson.field(syntax), StrictJson.where(syntax))));
        }
        if (path != null) {
            String message = e instanceof StrictJson.RefusedText r ? r.reason()
                    : e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                    ? allowedValues(f.getTargetType()) : "has the wrong type or format";
            return respond(400, "Bad Request", "The request body could not be read.", uri,
                    List.of(new Problem.FieldError(path, message)));
        }
        return respond(400, "Bad Request", "The request body could not be read.", uri,
                List.of(new Problem.FieldError("body", "could not be read")));
    }

    /** A mapping failure's place in the body, as the caller wrote it: {@code parts[0].region}. */
    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "must be one of A, B, C": the constants of an enum a value did not name, in their declared order. */
    public static String allowedValues(Class<?> enumType) {
        return "must be one of " + java.util.Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "Unauthorized", UNAUTHORIZED, uri, null))
                .header("WWW-Authenticate", CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", FORBIDDEN, uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException j) {
            return unreadable(j, uri);
        }
        if ((status == 404 || status == 400) && e.getCause() != null) {
            // a query, path, header or form parameter that did not convert: JAX-RS says 404 for query and path
            // parameters, but the resource exists and the caller's value is wrong
            return parameter(e.getCause(), uri);
        }
        Response.Status s = Response.Status.fromStatusCode(status);
        String title = s == null ? "Error" : s.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "None of the accepted media types can be produced.";
            case 415 -> "This media type is not supported here.";
            default -> "The request was refused.";
        };
        return respond(status, title, detail, uri, null);
    }

    @ServerExceptionMapper
    public Response invalidParameter(StrictParamConverters.InvalidParameter e, UriInfo uri) {
        return parameter(e, uri);
    }

    private static Response parameter(Throwable cause, UriInfo uri) {
        Throwable c = cause;
        while (c != null && !(c instanceof StrictParamConverters.InvalidParameter)) {
            c = c.getCause();
        }
        if (c instanceof StrictParamConverters.InvalidParameter p) {
            String name = p.name() != null ? p.name() : nameOf(p.value(), uri);
            return respond(400, "Bad Request", "1 field is invalid.", uri, List.of(new Problem.FieldError(name, p.reason())));
        }
        return respond(400, "Bad Request", "A parameter has the wrong type or format.", uri, null);
    }

    /** The query or path parameter that carried this value, for a parameter whose annotation gave no name. */
    private static String nameOf(String value, UriInfo uri) {
        if (uri != null) {
            for (var params : List.of(uri.getQueryParameters(), uri.getPathParameters())) {
                for (var entry : params.entrySet()) {
                    if (entry.getValue().contains(value)) {
                        return entry.getKey();
                    }
                }
            }
        }
        return "parameter";
    }

    private final DatabaseConfig database;

    public ProblemMappers(DatabaseConfig database) {
        this.database = database;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (HttpEdge.isTooManyParts(e)) {
            return respond(413, "Payload Too Large", HttpEdge.TOO_MANY_PARTS_DETAIL, uri, null);
        }
        String trace = RequestId.current().orElse("none");
        if (DatabaseFailures.isUnavailable(e)) {
            // an outage, not a bug: one line without a stack trace per refused request
            LOG.warnf("database unavailable for %s (traceId %s): %s", uri == null ? "?" : LoggedPath.of(uri.getPath()),
                    trace, DatabaseFailures.describe(e));
            String retryAfter = Integer.toString(database.retryAfterSeconds());
            return Response.fromResponse(respond(503, "Service Unavailable",
                    "The service cannot reach its database right now; retry after " + retryAfter + " s.",
                    uri, null)).header("Retry-After", retryAfter).build();
        }
        // the path as it may be logged: a receipt code in it is masked
        LOG.errorf(e, "unexpected failure of %s (traceId %s)", uri == null ? "?" : LoggedPath.of(uri.getPath()), trace);
        return respond(500, "Internal Server Error", "Something went wrong on our side; quote the trace id when reporting it.",
                uri, null);
    }

    static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem p = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(),
                errors == null || errors.isEmpty() ? null : errors, RequestId.current().orElse(null));
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** {@code submit.arg0.reporter.idNumber} → {@code reporter.idNumber}: the path as the caller wrote the body. */
    static String field(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        Iterator<Path.Node> it = v.getPropertyPath().iterator();
        while (it.hasNext()) {
            Path.Node n = it.next();
            switch (n.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> names.clear();
                case PARAMETER -> {
                    names.clear();
                    // a query or path parameter keeps its own name; a body parameter disappears
                    if (!n.getName().startsWith("arg") && !isBody(v)) {
                        names.add(n.getName());
                    }
                }
                default -> {
                    // an element of a list: the index belongs to the list's name, before this property
                    if (n.isInIterable() && !names.isEmpty()) {
                        String key = n.getIndex() != null ? String.valueOf(n.getIndex()) : n.getKey() != null ? String.valueOf(n.getKey()) : "";
                        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + key + "]");
                    }
                    if (n.getName() != null) {
                        names.add(n.getName());
                    }
                }
            }
        }
        String joined = String.join(".", names);
        return joined.isEmpty() ? "body" : joined;
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBody(ConstraintViolation<?> v) {
        Iterator<Path.Node> it = v.getPropertyPath().iterator();
        int count = 0;
        while (it.hasNext()) {
            it.next();
            count++;
        }
        return count > 2;
    }
}
