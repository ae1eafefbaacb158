package io.tributary.rest.http;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Jinja templates such as {@code {{ config['start_date'] }}}, rendered by jinjava in its sandbox
 * (no Java method calls beyond what jinjava allows, output and depth bounded). Text without
 * {@code {{} or {@code {%} is returned as it is, without a render.
 */
public final class Templates {

    private static final long MAX_OUTPUT = 1 << 20;

    /** One engine for every REST source, made on first use: jinjava takes a while to start, and listing connectors needs none. */
    private static final class Shared {
        static final Templates INSTANCE = new Templates();
    }

    /** The shared instance; rendering is thread-safe (jinjava makes an interpreter per render). */
    public static Templates shared() {
        return Shared.INSTANCE;
    }

    private final Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder()
            .withMaxOutputSize(MAX_OUTPUT)
            .withMaxRenderDepth(10)
            .withFailOnUnknownTokens(false)
            .build());

    public Templates() {
        CdkMacros.register(jinjava);
    }

    /** Whether {@code text} holds template syntax at all. */
    public static boolean isTemplate(String text) {
        return text != null && (text.contains("{{") || text.contains("{%"));
    }

    /**
     * Renders {@code template} with {@code variables} (plain Java maps, lists, strings, numbers).
     *
     * @param place where the template is written, for messages, e.g. {@code endpoints[1].params.since}
     * @throws IllegalArgumentException naming the place when the template is invalid
     */
    public String render(String template, Map<String, ?> variables, String place) {
        if (!isTemplate(template)) {
            return template;
        }
        RenderResult result = jinjava.renderForResult(template, variables);
        String fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .map(TemplateError::getMessage)
                .collect(Collectors.joining("; "));
        if (!fatal.isEmpty()) {
            throw new IllegalArgumentException(place + ": cannot render template '" + template + "': " + fatal);
        }
        return result.getOutput();
    }
}
