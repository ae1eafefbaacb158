package io.tributary.server.api.config;

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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Errors of the Config API as Airbyte answers them: 404 with the id, 422 with validationErrors, 409 with a message. */
@RestControllerAdvice(basePackageClasses = ConfigApiExceptionHandler.class)
class ConfigApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ConfigApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ObjectNode> notFound(NotFoundException e) {
        ObjectNode body = base(e.getMessage(), "io.airbyte.config.persistence.ConfigNotFoundException");
        body.put("id", e.id());
        return answer(HttpStatus.NOT_FOUND, body);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ObjectNode> invalid(InvalidInputException e) {
        ObjectNode body = base(e.getMessage(), "io.airbyte.commons.server.errors.BadObjectSchemaKnownException");
        ArrayNode errors = body.putArray("validationErrors");
        e.errors().forEach(v -> {
            ObjectNode n = errors.addObject();
            n.put("propertyPath", v.propertyPath());
            if (v.invalidValue() != null) {
                n.put("invalidValue", SecretMasker.mask(String.valueOf(v.invalidValue())));
            }
            n.put("message", SecretMasker.mask(v.message()));
        });
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, body);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ObjectNode> unreadable(Exception e) {
        ObjectNode body = base("the request body is not valid JSON for this endpoint: " + e.getMessage(),
                "io.airbyte.commons.server.errors.InvalidJsonInputException");
        ObjectNode error = body.putArray("validationErrors").addObject();
        error.put("propertyPath", "body");
        error.put("message", "send a JSON object with Content-Type: application/json");
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, body);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ObjectNode> conflict(ConflictException e) {
        return answer(HttpStatus.CONFLICT, base(e.getMessage(), "io.airbyte.commons.server.errors.ValueConflictKnownException"));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ObjectNode> unexpected(RuntimeException e) {
        log.error("Config API request failed: {}", e.getMessage(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, base(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                e.getClass().getName()));
    }

    private static ObjectNode base(String message, String exceptionClass) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", SecretMasker.mask(message));
        body.put("exceptionClassName", exceptionClass);
        body.putArray("exceptionStack");
        return body;
    }

    private static ResponseEntity<ObjectNode> answer(HttpStatus status, ObjectNode body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
