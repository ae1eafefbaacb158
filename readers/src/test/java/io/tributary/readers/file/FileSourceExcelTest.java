package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.json;
import static io.tributary.readers.file.FileSourceFixture.readAll;
import static io.tributary.readers.file.FileSourceFixture.texts;
import static io.tributary.readers.file.FileSourceFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ItemStreamException;

class FileSourceExcelTest {

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();

    @Test
    void infersTypedColumnsFromTheCellsOfTheFirstSheet() {
        Path file = ExcelFixture.orders(dir.resolve("orders.xlsx"));

        var stream = source.discover(config("url", file.toString())).streams().get(0);

        assertThat(stream.name()).isEqualTo("orders");
        assertThat(stream.jsonSchema().get("properties")).isEqualTo(json("""
                {"id": {"type": ["null", "integer"]},
                 "name": {"type": ["null", "string"]},
                 "amount": {"type": ["null", "number"]},
                 "ordered_on": {"type": ["null", "string"], "format": "date"},
                 "shipped_at": {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_without_timezone"},
                 "paid": {"type": ["null", "boolean"]},
                 "note": {"type": ["null", "string"]}}"""));
    }

    @Test
    void readsRowsWithTypedCellsSkippingEmptyRowsAndReadingMergedAndEmptyCellsAsNull() {
        Path file = ExcelFixture.orders(dir.resolve("orders.xlsx"));

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly(
                        "{\"id\":1,\"name\":\"Ada\",\"amount\":12.5,\"ordered_on\":\"2024-01-05\",\"shipped_at\":\"2024-01-05T10:30:00\","
                                + "\"paid\":true,\"note\":\"first\"}",
                        "{\"id\":2,\"name\":\"Grace\",\"amount\":7,\"ordered_on\":\"2024-02-29\",\"shipped_at\":null,"
                                + "\"paid\":false,\"note\":null}",
                        "{\"id\":3,\"name\":\"merged over name and amount\",\"amount\":null,\"ordered_on\":null,\"shipped_at\":null,"
                                + "\"paid\":null,\"note\":null}",
                        "{\"id\":4,\"name\":null,\"amount\":19.5,\"ordered_on\":null,\"shipped_at\":null,"
                                + "\"paid\":null,\"note\":\"Ada and Grace\"}");
    }

    @Test
    void readsTheSheetNamedInTheSettings() {
        Path file = ExcelFixture.orders(dir.resolve("orders.xlsx"));

        assertThat(texts(readAll(source, config("url", file.toString(), "sheet_name", "Notes"))))
                .containsExactly("{\"text\":\"hello\"}");
    }

    @Test
    void namesColumnsColumnOneToNWithoutAHeader() {
        Path file = ExcelFixture.orders(dir.resolve("orders.xlsx"));

        assertThat(texts(readAll(source, config("url", file.toString(), "sheet_name", "Notes", "header", false))))
                .containsExactly("{\"column_1\":\"text\"}", "{\"column_1\":\"hello\"}");
    }

    @Test
    void convertsCellsToTheTypesOfAGivenSchema() {
        Path file = ExcelFixture.orders(dir.resolve("orders.xlsx"));

        assertThat(texts(
                                readAll(
                                        source,
                                        config(
                                                "url",
                                                file.toString(),
                                                "schema",
                                                "{\"id\": \"string\", \"ordered_on\": \"timestamp_without_timezone\", \"amount\": \"integer\"}")))
                        .get(1))
                .startsWith("{\"id\":\"2\",\"name\":\"Grace\",\"amount\":7,\"ordered_on\":\"2024-02-29T00:00:00\"");
    }

    @Test
    void listsTheSheetsWhenTheNamedSheetIsMissing() {
        Path file = ExcelFixture.orders(dir.resolve("orders.xlsx"));

        assertThatThrownBy(() -> source.discover(config("url", file.toString(), "sheet_name", "Sales")))
                .isInstanceOf(ItemStreamException.class)
                .hasMessage(file + ": no sheet named 'Sales'; set sheet_name to one of [Orders, Notes]");
    }

    @Test
    void failsClearlyOnAFileThatIsNotAWorkbook() {
        Path file = write(dir.resolve("old.xlsx"), "id,name\n1,Ada\n");

        assertThatThrownBy(() -> source.discover(config("url", file.toString())))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageStartingWith(file + ": not a readable Excel .xlsx workbook");
    }

    @Test
    void readsInlineStringsAsStreamingWritersWriteThem() throws IOException {
        Path file = dir.resolve("streamed.xlsx");
        try (SXSSFWorkbook book = new SXSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("S");
            sheet.createRow(0).createCell(0).setCellValue("name");
            sheet.createRow(1).createCell(0).setCellValue("Ada & <Grace>");
            book.write(out);
        }

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly("{\"name\":\"Ada & <Grace>\"}");
    }

    @Test
    void readsDatesOfAWorkbookThatCountsFrom1904() throws IOException {
        Path file = dir.resolve("mac.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            var properties = book.getCTWorkbook().isSetWorkbookPr()
                    ? book.getCTWorkbook().getWorkbookPr()
                    : book.getCTWorkbook().addNewWorkbookPr();
            properties.setDate1904(true);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = book.createSheet("S");
            sheet.createRow(0).createCell(0).setCellValue("day");
            sheet.createRow(1).createCell(0).setCellValue(LocalDate.of(2024, 7, 14));
            sheet.getRow(1).getCell(0).setCellStyle(date);
            assertThat(book.isDate1904()).isTrue();
            book.write(out);
        }

        assertThat(texts(readAll(source, config("url", file.toString())))).containsExactly("{\"day\":\"2024-07-14\"}");
    }

    @Test
    void readsAnEmptySheetAsNoRecords() {
        Path file = ExcelFixture.rows(dir.resolve("empty.xlsx"), 0);

        assertThat(readAll(source, config("url", file.toString()))).isEmpty();
        assertThat(source.discover(config("url", file.toString()))
                        .streams()
                        .get(0)
                        .jsonSchema()
                        .get("properties")
                        .propertyNames())
                .containsExactly("id", "label", "value");
    }
}
