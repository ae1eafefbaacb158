package io.tributary.readers.file;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.text.TextType;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The file source's settings, converted and checked once.
 *
 * @param explicitSchema the stream schema the user gave, or {@code null} to infer one
 * @param recordsPath JSON: the fields leading to the records inside each document; empty for the document itself
 * @param sheetName Excel: the sheet to read, or {@code null} for the first one
 */
record FileSourceSettings(
        FileLocation location,
        FileFormat format,
        String streamName,
        Compression compression,
        CsvOptions csv,
        Charset encoding,
        ObjectNode explicitSchema,
        int sampleSize,
        boolean inferTypes,
        List<String> recordsPath,
        String sheetName) {

    static final ConfigField<String> URL =
            ConfigField.string("url").required().describe("The file: a local path, a file:// URL or an http(s):// URL");
    static final ConfigField<FileFormat> FORMAT = ConfigField.choice("format", FileFormat.class)
            .describe("csv, jsonl (JSON Lines), json (an array of records, an object, or objects one after another),"
                    + " parquet or excel (.xlsx); by default from the file name without its compression suffix: .jsonl and .ndjson"
                    + " are JSON Lines, .json is json (a file that starts with [ is an array of records, one that starts with { is"
                    + " read object after object, so JSON Lines named .json reads as before), .parquet Parquet, .xlsx Excel,"
                    + " anything else CSV");
    static final ConfigField<String> STREAM_NAME = ConfigField.string("stream_name")
            .describe("The stream's name; by default the file name without its extensions");
    static final ConfigField<Compression> COMPRESSION = ConfigField.choice("compression", Compression.class)
            .defaultsTo(Compression.AUTO)
            .describe("auto recognises gzip, bzip2, zstd and zip from the file's first bytes (whatever its name); a zip"
                    + " archive's entries are read one after another as one stream; none reads the bytes as they are");
    static final ConfigField<String> DELIMITER = ConfigField.string("delimiter")
            .defaultsTo(",")
            .describe("CSV: the character(s) between values; \\t for tab");
    static final ConfigField<String> QUOTE_CHAR = ConfigField.string("quote_char")
            .defaultsTo("\"")
            .describe("CSV: the character around values that contain delimiters or line breaks; none to disable");
    static final ConfigField<String> ESCAPE_CHAR = ConfigField.string("escape_char")
            .describe(
                    "CSV: the character that escapes a quote inside a quoted value (for example \\); none by default, quotes are doubled");
    static final ConfigField<Boolean> HEADER = ConfigField.bool("header")
            .defaultsTo(true)
            .describe(
                    "CSV and excel: whether the first row names the columns; if not they are column_1, column_2, ...");
    static final ConfigField<String> ENCODING = ConfigField.string("encoding")
            .defaultsTo("UTF-8")
            .describe("CSV and JSON: the file's character encoding, for example UTF-8, ISO-8859-1 or windows-1252");
    static final ConfigField<String> SCHEMA = ConfigField.string("schema")
            .describe(
                    "A JSON Schema for the records, or a map of column to type such as {\"id\": \"integer\", \"born\": \"date\"};"
                            + " replaces the inferred schema");
    static final ConfigField<Long> SAMPLE_SIZE = ConfigField.integer("sample_size")
            .defaultsTo(1000)
            .between(1, 1_000_000)
            .describe("How many records are read to infer the schema");
    static final ConfigField<String> RECORDS_PATH = ConfigField.string("records_path")
            .describe(
                    "json: the path of the records inside each document, with dots: data for {\"data\": [...]},"
                            + " data.items for {\"data\": {\"items\": [...]}}; by default the document itself (an array or an object)");
    static final ConfigField<String> SHEET_NAME =
            ConfigField.string("sheet_name").describe("excel: the sheet to read; by default the first one");
    static final ConfigField<Boolean> INFER_TYPES = ConfigField.bool("infer_types")
            .defaultsTo(true)
            .describe(
                    "CSV: infer integer, number, boolean, date and date-time columns; if false every column is a string");

    /** The file source's settings, each declared once above. */
    static final ConfigSpec SPEC = ConfigSpec.of(
            "File source",
            URL,
            FORMAT,
            STREAM_NAME,
            COMPRESSION,
            DELIMITER,
            QUOTE_CHAR,
            ESCAPE_CHAR,
            HEADER,
            ENCODING,
            SCHEMA,
            SAMPLE_SIZE,
            INFER_TYPES,
            RECORDS_PATH,
            SHEET_NAME);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Extensions stripped from the file name to name the stream: {@code orders.csv.gz} is {@code orders}. */
    private static final List<String> EXTENSIONS = List.of(
            ".gz",
            ".gzip",
            ".bz2",
            ".bzip2",
            ".zst",
            ".zstd",
            ".zip",
            ".csv",
            ".tsv",
            ".txt",
            ".jsonl",
            ".ndjson",
            ".json",
            ".parquet",
            ".parq",
            ".xlsx",
            ".xlsm");

    static FileSourceSettings from(ConnectorConfig config) {
        FileLocation location = FileLocation.parse(URL.get(config));
        FileFormat format = FORMAT.optional(config).orElseGet(() -> FileFormat.fromFileName(location.fileName()));
        String streamName = STREAM_NAME
                .optional(config)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElseGet(() -> streamNameOf(location.fileName()));
        CsvOptions csv = CsvOptions.fromSettings(
                DELIMITER.get(config), QUOTE_CHAR.get(config), ESCAPE_CHAR.get(config), HEADER.get(config));
        ObjectNode schema = SCHEMA.optional(config)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(FileSourceSettings::parseSchema)
                .orElse(null);
        List<String> recordsPath =
                RECORDS_PATH.optional(config).map(FileSourceSettings::pathOf).orElse(List.of());
        String sheetName = SHEET_NAME.optional(config).filter(s -> !s.isBlank()).orElse(null);
        // A setting the format ignores would silently read something else than the user meant.
        if (!recordsPath.isEmpty() && format != FileFormat.JSON) {
            throw new ConfigException("records_path: applies to format json, but " + location.fileName()
                    + " is read as " + format.settingValue() + "; set format to json, or remove records_path");
        }
        if (sheetName != null && format != FileFormat.EXCEL) {
            throw new ConfigException("sheet_name: applies to format excel, but " + location.fileName() + " is read as "
                    + format.settingValue() + "; set format to excel, or remove sheet_name");
        }
        return new FileSourceSettings(
                location,
                format,
                streamName,
                COMPRESSION.get(config),
                csv,
                charsetOf(ENCODING.get(config)),
                schema,
                SAMPLE_SIZE.intValue(config),
                INFER_TYPES.get(config),
                recordsPath,
                sheetName);
    }

    /** {@code data.items} (or {@code /data/items}, {@code $.data.items}) as its fields. */
    static List<String> pathOf(String recordsPath) {
        String path = recordsPath.trim();
        if (path.startsWith("$")) {
            path = path.substring(1);
        }
        return Arrays.stream(path.split("[./]"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static String streamNameOf(String fileName) {
        String name = fileName;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String extension : EXTENSIONS) {
                if (name.length() > extension.length()
                        && name.toLowerCase(Locale.ROOT).endsWith(extension)) {
                    name = name.substring(0, name.length() - extension.length());
                    stripped = true;
                }
            }
        }
        return name;
    }

    private static Charset charsetOf(String encoding) {
        try {
            return Charset.forName(encoding.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ConfigException(
                    "encoding: unknown encoding '" + encoding + "'; use for example UTF-8, ISO-8859-1 or windows-1252");
        }
    }

    /**
     * An explicit schema: a JSON Schema object ({@code {"type": "object", "properties": {...}}}) or
     * the short form {@code {"id": "integer", "born": "date"}} mapping each column to a type name
     * (string, integer, number, boolean, date, date-time, timestamp_without_timezone, time, object,
     * array). The short form is expanded to nullable property schemas.
     */
    static ObjectNode parseSchema(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ConfigException("schema: not valid JSON (" + e.getOriginalMessage()
                    + "); give a JSON Schema object or a map of column names to types such as {\"id\": \"integer\"}");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ConfigException("schema: expected a JSON object, got "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + "; give a JSON Schema object or a map of column names to types such as {\"id\": \"integer\"}");
        }
        if (object.has("properties") || object.has("$schema")) {
            return fullSchema(object);
        }
        return shortSchema(object);
    }

    private static ObjectNode fullSchema(ObjectNode schema) {
        JsonNode type = schema.path("type");
        if (!type.isMissingNode()
                && !"object".equals(type.asString(""))
                && !(type.isArray() && type.toString().contains("\"object\""))) {
            throw new ConfigException("schema: a stream schema's type must be object, got " + type);
        }
        if (!schema.path("properties").isObject()) {
            throw new ConfigException("schema: properties must be an object mapping each column to its schema");
        }
        for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
            if (!property.getValue().isObject()) {
                throw new ConfigException("schema: properties." + property.getKey()
                        + " must be a schema object such as {\"type\": [\"null\", \"integer\"]}");
            }
        }
        ObjectNode copy = schema.deepCopy();
        copy.put("type", "object");
        return copy;
    }

    private static ObjectNode shortSchema(ObjectNode columns) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (Map.Entry<String, JsonNode> column : columns.properties()) {
            if (!column.getValue().isString()) {
                throw new ConfigException("schema: column '" + column.getKey() + "' has type " + column.getValue()
                        + "; in the short form each column maps to a type name such as \"integer\"");
            }
            properties.set(
                    column.getKey(),
                    typeNamed(column.getKey(), column.getValue().asString()).schema());
        }
        return schema;
    }

    private static TextType typeNamed(String column, String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "string", "text" -> TextType.STRING;
            case "integer", "int", "bigint", "long" -> TextType.INTEGER;
            case "number", "decimal", "numeric", "float", "double" -> TextType.NUMBER;
            case "boolean", "bool" -> TextType.BOOLEAN;
            case "date" -> TextType.DATE;
            case "date-time", "datetime", "timestamp", "timestamp_with_timezone" -> TextType.DATE_TIME_WITH_TIMEZONE;
            case "timestamp_without_timezone" -> TextType.DATE_TIME_WITHOUT_TIMEZONE;
            case "time", "time_without_timezone" -> TextType.TIME_WITHOUT_TIMEZONE;
            case "time_with_timezone" -> TextType.TIME_WITH_TIMEZONE;
            case "object" -> TextType.OBJECT;
            case "array" -> TextType.ARRAY;
            default ->
                throw new ConfigException(
                        "schema: column '" + column + "' has unknown type '" + name
                                + "'; use string, integer, number, boolean, date, date-time, timestamp_without_timezone, time, object or array");
        };
    }
}
