package io.tributary.server.api.config;

import io.tributary.server.api.BodyFieldErrors;
import io.tributary.server.api.config.errors.InvalidInputProperty;
import io.tributary.server.api.config.errors.KnownExceptionInfo;
import io.tributary.server.logging.SecretMasker;
import io.tributary.server.service.ConflictException;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.store.NotFoundException;
import java.util.List;
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

/** Errors of the Config API as Airbyte answers them: 404 with the id, 422 with validationErrors, 409 with a message. */
@RestControllerAdvice(basePackageClasses = ConfigApiExceptionHandler.class)
class ConfigApiExceptionHandler {

    // @ResponseStatus on each handler is for the OpenAPI document (it lists the error answers); the
    // ResponseEntity sets the same status.

    private static final Logger log = LoggerFactory.getLogger(ConfigApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ResponseEntity<KnownExceptionInfo> notFound(NotFoundException e) {
        return answer(
                HttpStatus.NOT_FOUND,
                base(e.getMessage(), "io.airbyte.config.persistence.ConfigNotFoundException")
                        .withId(e.id()));
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ResponseEntity<KnownExceptionInfo> invalid(InvalidInputException e) {
        List<InvalidInputProperty> errors = e.errors().stream()
                .map(v -> new InvalidInputProperty(
                        v.propertyPath(),
                        v.invalidValue() == null ? null : SecretMasker.mask(String.valueOf(v.invalidValue())),
                        SecretMasker.mask(v.message())))
                .toList();
        return answer(
                HttpStatus.UNPROCESSABLE_CONTENT,
                base(e.getMessage(), "io.airbyte.commons.server.errors.BadObjectSchemaKnownException")
                        .withValidationErrors(errors));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ResponseEntity<KnownExceptionInfo> unreadable(Exception e) {
        var field = BodyFieldErrors.of(e);
        if (field.isPresent()) {
            return invalid(field.get());
        }
        return answer(
                HttpStatus.UNPROCESSABLE_CONTENT,
                base(
                                "the request body is not valid JSON for this endpoint: " + e.getMessage(),
                                "io.airbyte.commons.server.errors.InvalidJsonInputException")
                        .withValidationErrors(List.of(new InvalidInputProperty(
                                "body", null, "send a JSON object with Content-Type: application/json"))));
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ResponseEntity<KnownExceptionInfo> conflict(ConflictException e) {
        return answer(
                HttpStatus.CONFLICT,
                base(e.getMessage(), "io.airbyte.commons.server.errors.ValueConflictKnownException"));
    }

    @ExceptionHandler(RuntimeException.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    ResponseEntity<KnownExceptionInfo> unexpected(RuntimeException e) {
        log.error("Config API request failed: {}", e.getMessage(), e);
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                base(
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                        e.getClass().getName()));
    }

    private static KnownExceptionInfo base(String message, String exceptionClass) {
        return KnownExceptionInfo.of(SecretMasker.mask(message), exceptionClass);
    }

    private static ResponseEntity<KnownExceptionInfo> answer(HttpStatus status, KnownExceptionInfo body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
