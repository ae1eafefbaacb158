package io.tributary.server.api.publicapi;

import io.tributary.server.logging.SecretMasker;
import io.tributary.server.service.ConflictException;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.store.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Errors of the public API as problem JSON ({@code type}, {@code title}, {@code status}, {@code detail}), as Airbyte's. */
@RestControllerAdvice(basePackageClasses = PublicApiExceptionHandler.class)
class PublicApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PublicApiExceptionHandler.class);

    static ObjectNode problem(int status, String title, String detail) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "https://reference.airbyte.com/reference/errors#" + title.replace(' ', '-'));
        n.put("title", title);
        n.put("status", status);
        n.put("detail", SecretMasker.mask(detail));
        return n;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ObjectNode> notFound(NotFoundException e) {
        return answer(problem(404, "resource-not-found", e.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ObjectNode> invalid(InvalidInputException e) {
        ObjectNode body = problem(422, "unprocessable-entity", e.getMessage());
        var errors = body.putArray("validationErrors");
        e.errors().forEach(v -> errors.addObject().put("propertyPath", v.propertyPath()).put("message", SecretMasker.mask(v.message())));
        return answer(body);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ObjectNode> unreadable(Exception e) {
        return answer(problem(422, "unprocessable-entity", "the request is not valid for this endpoint: " + e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ObjectNode> conflict(ConflictException e) {
        return answer(problem(409, "state-conflict", e.getMessage()));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ObjectNode> unexpected(RuntimeException e) {
        log.error("Public API request failed: {}", e.getMessage(), e);
        return answer(problem(500, "server-error", String.valueOf(e.getMessage())));
    }

    private static ResponseEntity<ObjectNode> answer(ObjectNode body) {
        return ResponseEntity.status(body.get("status").asInt()).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
