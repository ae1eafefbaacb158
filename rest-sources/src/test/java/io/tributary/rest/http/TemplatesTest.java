package io.tributary.rest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final Templates templates = Templates.shared();

    private String render(String template, Map<String, ?> vars) {
        return templates.render(template, vars, "test");
    }

    @Test
    void configValuesAreReadWithBracketsOrDots() {
        Map<String, Object> vars = Map.of("config", Map.of("start_date", "2024-01-01", "nested", Map.of("a", 1)));
        assertThat(render("{{ config['start_date'] }}", vars)).isEqualTo("2024-01-01");
        assertThat(render("{{ config.nested.a }}", vars)).isEqualTo("1");
        assertThat(render("{{ config['missing'] }}", vars)).isEmpty();
        assertThat(render("plain text", vars)).isEqualTo("plain text");
    }

    @Test
    void theCdkMacrosAndFiltersAreThere() {
        assertThat(render("{{ today_utc() }}", Map.of()))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(render("{{ day_delta(-1) }}", Map.of()))
                .startsWith(LocalDate.now(ZoneOffset.UTC).minusDays(1).toString() + "T");
        assertThat(render("{{ 'user:pw' | base64encode }}", Map.of())).isEqualTo("dXNlcjpwdw==");
        assertThat(render("{{ 'dXNlcjpwdw==' | base64decode }}", Map.of())).isEqualTo("user:pw");
        assertThat(render("{{ 'abc' | hash }}", Map.of())).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(render("{{ 'abc' | hash('sha256') }}", Map.of())).startsWith("ba7816bf");
    }

    @Test
    void theSandboxRefusesJavaMethodsOnObjects() {
        String out;
        try {
            out = render("{{ config.getClass() }}", Map.of("config", Map.of()));
        } catch (IllegalArgumentException e) {
            out = "";
        }
        assertThat(out).doesNotContain("java.");
        assertThatThrownBy(() -> render("{% for %}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test: ");
    }
}
