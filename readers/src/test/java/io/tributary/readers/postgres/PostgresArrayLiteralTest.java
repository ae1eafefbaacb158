package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresArrayLiteralTest {

    @Test
    void parsesQuotedElementsNullsAndTheStringNull() {
        assertThat(PostgresArrayLiteral.parse(
                                "{\"a,b\",\"c\\\"d\",NULL,\"NULL\",\"\",plain}", PostgresTypeKind.TEXT::fromText)
                        .toString())
                .isEqualTo("[\"a,b\",\"c\\\"d\",null,\"NULL\",\"\",\"plain\"]");
    }

    @Test
    void parsesNestedArraysAndExplicitBounds() {
        assertThat(PostgresArrayLiteral.parse("{{1,2},{3,NULL}}", PostgresTypeKind.INTEGER::fromText)
                        .toString())
                .isEqualTo("[[1,2],[3,null]]");
        assertThat(PostgresArrayLiteral.parse("[0:1]={7,8}", PostgresTypeKind.INTEGER::fromText)
                        .toString())
                .isEqualTo("[7,8]");
        assertThat(PostgresArrayLiteral.parse("{}", PostgresTypeKind.INTEGER::fromText)
                        .toString())
                .isEqualTo("[]");
    }

    @Test
    void convertsElementsWithTheElementType() {
        assertThat(PostgresArrayLiteral.parse("{\"\\\\x00ff\"}", PostgresTypeKind.BYTEA::fromText)
                        .toString())
                .isEqualTo("[\"AP8=\"]");
        assertThat(PostgresArrayLiteral.parse("{\"2024-01-01 10:00:00+00\"}", PostgresTypeKind.TIMESTAMPTZ::fromText)
                        .toString())
                .isEqualTo("[\"2024-01-01T10:00:00Z\"]");
        assertThat(PostgresArrayLiteral.parse("{1.50,2}", PostgresTypeKind.NUMERIC::fromText)
                        .get(0)
                        .decimalValue())
                .hasToString("1.50");
    }

    @Test
    void rejectsMalformedText() {
        assertThatThrownBy(() -> PostgresArrayLiteral.parse("{1,2", PostgresTypeKind.INTEGER::fromText))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Malformed PostgreSQL array");
    }
}
