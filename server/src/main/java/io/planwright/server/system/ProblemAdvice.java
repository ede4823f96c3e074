package io.planwright.server.system;

import io.planwright.server.shared.NotFound;
import io.planwright.server.shared.PlanProblems;
import io.planwright.server.shared.TooManyFailures;
import io.planwright.server.shared.FileProblems;
import io.planwright.server.shared.EntryExists;
import io.planwright.server.shared.FieldProblem;
import io.planwright.server.shared.Revisions;
import io.planwright.core.check.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error of the API as an RFC 9457 problem detail, with field-level messages where a field is to
 * blame; never a stack trace (the log keeps it).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(status.getReasonPhrase());
        return p;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "no " + e.getMessage() + " here (or you may not see it)");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(TooManyFailures.class)
    ResponseEntity<ProblemDetail> tooManyFailures(TooManyFailures e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler(Revisions.Missing.class)
    ProblemDetail missingRevision(Revisions.Missing e) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
    }

    @ExceptionHandler(Revisions.WeakTag.class)
    ProblemDetail weakTag(Revisions.WeakTag e) {
        return problem(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    }

    @ExceptionHandler(Revisions.Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Revisions.Conflict e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, e.getMessage());
        p.setProperty("currentRevision", e.current());
        p.setProperty("current", e.state());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(Revisions.etag(e.current())).body(p);
    }

    @ExceptionHandler(EntryExists.class)
    ProblemDetail exists(EntryExists e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(PlanProblems.class)
    ProblemDetail planProblems(PlanProblems e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "the change would give the plan " + count(e.problems().size(), "error")
                + "; nothing was changed");
        List<Map<String, String>> errors = new ArrayList<>();
        for (Problem problem : e.problems()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("field", problem.path());
            m.put("code", problem.code());
            m.put("message", problem.message());
            errors.add(m);
        }
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(FileProblems.class)
    ProblemDetail fileProblems(FileProblems e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "the file cannot be read into a plan: " + count(e.problems().size(), "problem"));
        p.setProperty("errors", e.problems());
        return p;
    }

    @ExceptionHandler(FieldProblem.class)
    ProblemDetail badField(FieldProblem e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "'" + e.field() + "': " + e.getMessage() + "; nothing was changed");
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return p;
    }

    /** A multipart body that cannot be read (no closing boundary, ...): the client's fault, not the server's. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail badMultipart(org.springframework.web.multipart.MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "the multipart body cannot be read; this address takes "
                + "a plain body (a file as it is, or JSON), not a form upload");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        DatabindException unfit = null;
        tools.jackson.core.exc.StreamReadException unreadable = null;
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof RequestSizeLimit.TooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
            if (c instanceof DatabindException d && unfit == null) {
                unfit = d;
            } else if (c instanceof tools.jackson.core.exc.StreamReadException r && r.getLocation() != null && unreadable == null) {
                unreadable = r;
            }
        }
        if (unfit != null) {
            return ResponseEntity.badRequest().body(badBody(unfit));
        }
        if (unreadable != null) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "the body is not valid JSON at line "
                    + unreadable.getLocation().getLineNr() + ", column " + unreadable.getLocation().getColumnNr() + ": "
                    + unreadable.getOriginalMessage()));
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "the request has no body: send the file, or the JSON, in it"));
        }
        return ResponseEntity.badRequest().body(badBody(null));
    }

    /** A body that does not fit the entry (such as a merged patch): 400 naming the field. */
    @ExceptionHandler(DatabindException.class)
    ResponseEntity<Object> badBody(DatabindException e, WebRequest request) {
        return ResponseEntity.badRequest().body(badBody(e));
    }

    private static ProblemDetail badBody(DatabindException d) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "the body is not what this address takes");
        if (d != null) {
            StringBuilder field = new StringBuilder();
            for (var ref : d.getPath()) {
                if (ref.getPropertyName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            String message = BodyMessages.describe(d);
            if (message != null && message.length() > 300) {
                message = message.substring(0, 300) + "...";
            }
            p.setDetail("the body is not what this address takes" + (field.length() == 0 ? "" : " at '" + field + "'") + ": " + message);
            p.setProperty("errors", List.of(Map.of("field", field.toString(), "message", message == null ? "" : message)));
        }
        return p;
    }

    @ExceptionHandler(RequestSizeLimit.TooLarge.class)
    ResponseEntity<Object> tooLarge(RequestSizeLimit.TooLarge e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "something went wrong on the server; it has been logged");
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
