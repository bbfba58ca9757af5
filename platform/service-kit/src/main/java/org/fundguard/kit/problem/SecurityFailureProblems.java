package org.fundguard.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.fundguard.kit.request.RequestId;

/**
 * problem+json for refusals of the HTTP security layer, which answer before any REST exception mapper runs: with
 * proactive authentication a forged or expired token fails here, and so do {@code quarkus.http.auth.permission}
 * policies.
 */
@ApplicationScoped
public class SecurityFailureProblems {

    /** Before Quarkus' own authentication failure handler, which would answer 401 with an empty body. */
    static final int ORDER = -1000;

    private final ObjectMapper json;

    public SecurityFailureProblems(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).failureHandler(this::handle);
    }

    private void handle(RoutingContext rc) {
        Throwable f = rc.failure();
        if (rc.response().headWritten()) {
            rc.next();
        } else if (f instanceof AuthenticationFailedException || f instanceof UnauthorizedException
                || (f == null && rc.statusCode() == 401)) {
            rc.response().putHeader("WWW-Authenticate", ProblemMappers.CHALLENGE);
            send(rc, 401, "Unauthorized", ProblemMappers.UNAUTHORIZED);
        } else if (f instanceof ForbiddenException || (f == null && rc.statusCode() == 403)) {
            send(rc, 403, "Forbidden", ProblemMappers.FORBIDDEN);
        } else {
            rc.next();
        }
    }

    private void send(RoutingContext rc, int status, String title, String detail) {
        Problem p = new Problem("about:blank", title, status, detail, rc.request().path(), null,
                RequestId.current().orElse(null));
        try {
            rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(status).end();
        }
    }
}
