package io.tributary.server.api.publicapi;

import io.tributary.server.api.BodyFieldErrors;
import io.tributary.server.api.publicapi.errors.ProblemResponse;
import io.tributary.server.api.publicapi.errors.ProblemValidationError;
import io.tributary.server.logging.SecretMasker;
import io.tributary.server.service.ConflictException;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.store.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the public API as problem JSON ({@code type}, {@code title}, {@code status}, {@code detail}), as Airbyte's. */
@RestControllerAdvice(basePackageClasses = PublicApiExceptionHandler.class)
class PublicApiExceptionHandler {

    // @ResponseStatus on each handler is for the OpenAPI document (it lists the error answers); the
    // ResponseEntity sets the same status.

    private static final Logger log = LoggerFactory.getLogger(PublicApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ResponseEntity<ProblemResponse> notFound(NotFoundException e) {
        return answer(ProblemResponse.of(404, "resource-not-found", e.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ResponseEntity<ProblemResponse> invalid(InvalidInputException e) {
        return answer(ProblemResponse.of(422, "unprocessable-entity", e.getMessage())
                .withValidationErrors(e.errors().stream()
                        .map(v -> new ProblemValidationError(v.propertyPath(), SecretMasker.mask(v.message())))
                        .toList()));
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        HttpMediaTypeNotSupportedException.class,
        MethodArgumentTypeMismatchException.class
    })
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ResponseEntity<ProblemResponse> unreadable(Exception e) {
        var field = BodyFieldErrors.of(e);
        if (field.isPresent()) {
            return invalid(field.get());
        }
        return answer(ProblemResponse.of(
                422, "unprocessable-entity", "the request is not valid for this endpoint: " + e.getMessage()));
    }

    @ExceptionHandler(InvalidClientException.class)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    ResponseEntity<ProblemResponse> unauthorized(InvalidClientException e) {
        return answer(ProblemResponse.of(401, "unauthorized", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ResponseEntity<ProblemResponse> conflict(ConflictException e) {
        return answer(ProblemResponse.of(409, "state-conflict", e.getMessage()));
    }

    @ExceptionHandler(RuntimeException.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    ResponseEntity<ProblemResponse> unexpected(RuntimeException e) {
        log.error("Public API request failed: {}", e.getMessage(), e);
        return answer(ProblemResponse.of(500, "server-error", String.valueOf(e.getMessage())));
    }

    private static ResponseEntity<ProblemResponse> answer(ProblemResponse body) {
        return ResponseEntity.status(body.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
