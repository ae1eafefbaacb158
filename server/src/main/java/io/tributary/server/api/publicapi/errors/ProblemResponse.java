package io.tributary.server.api.publicapi.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.server.logging.SecretMasker;
import java.util.List;

/** A public API error as problem JSON, as Airbyte's: {@code type}, {@code title}, {@code status}, {@code detail} (masked). */
public record ProblemResponse(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ProblemValidationError> validationErrors) {

    public static ProblemResponse of(int status, String title, String detail) {
        return new ProblemResponse(
                "https://reference.airbyte.com/reference/errors#" + title.replace(' ', '-'),
                title,
                status,
                SecretMasker.mask(detail),
                null);
    }

    public ProblemResponse withValidationErrors(List<ProblemValidationError> errors) {
        return new ProblemResponse(type, title, status, detail, errors);
    }
}
