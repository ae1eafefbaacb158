package io.tributary.rest.declarative;

import io.tributary.rest.http.Templates;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jinja rendering with the CDK's reading of the result: the rendered text of a value that is not a
 * string (a page size, a stop condition) is read the way Python's {@code ast.literal_eval} reads it
 * (integers, floats, {@code True}/{@code False}/{@code None}), and the CDK's false strings count as false.
 */
final class Interpolation {

    private static final Set<String> FALSE =
            Set.of("", "false", "False", "FALSE", "none", "None", "null", "0", "0.0", "[]", "{}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Templates templates;

    Interpolation(Templates templates) {
        this.templates = templates;
    }

    String render(Object template, Map<String, ?> variables, String place) {
        return template == null ? null : templates.render(String.valueOf(template), variables, place);
    }

    /** Renders and reads the result as a Python literal: a Long, a Double, a Boolean, {@code null} or the text. */
    Object literal(Object template, Map<String, ?> variables, String place) {
        if (template instanceof Integer || template instanceof Long || template instanceof Short) {
            return ((Number) template).longValue(); // YAML reads small numbers as Integer
        }
        if (template == null || template instanceof Number || template instanceof Boolean) {
            return template;
        }
        String text = render(template, variables, place).trim();
        switch (text) {
            case "True", "true" -> {
                return Boolean.TRUE;
            }
            case "False", "false" -> {
                return Boolean.FALSE;
            }
            case "None", "null" -> {
                return null;
            }
            default -> {}
        }
        if (text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        if (text.matches("-?\\d+\\.\\d*([eE][-+]?\\d+)?")) {
            return Double.parseDouble(text);
        }
        if (text.length() >= 2
                && (text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\""))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** Whether a rendered condition holds, with the CDK's false strings. */
    boolean truthy(Object template, Map<String, ?> variables, String place) {
        if (template instanceof Boolean b) {
            return b;
        }
        return !FALSE.contains(render(template, variables, place).trim());
    }

    /** A JSON tree as the plain maps and lists templates read. */
    static Object plain(JsonNode node) {
        return node == null ? null : JSON.convertValue(node, Object.class);
    }
}
