package io.tributary.readers.file;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Excel workbooks written with POI's full model, as a spreadsheet program would save them. */
final class ExcelFixture {

    private ExcelFixture() {}

    /**
     * Sheet "Orders": a header, typed rows, an empty row, a row with merged and empty cells, a
     * formula; sheet "Notes" after it.
     */
    static Path orders(Path file) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

            Sheet orders = book.createSheet("Orders");
            row(orders, 0, "id", "name", "amount", "ordered_on", "shipped_at", "paid", "note");
            Row ada = orders.createRow(1);
            ada.createCell(0).setCellValue(1);
            ada.createCell(1).setCellValue("Ada");
            ada.createCell(2).setCellValue(12.5);
            ada.createCell(3).setCellValue(LocalDate.of(2024, 1, 5));
            ada.getCell(3).setCellStyle(date);
            ada.createCell(4).setCellValue(LocalDateTime.of(2024, 1, 5, 10, 30));
            ada.getCell(4).setCellStyle(dateTime);
            ada.createCell(5).setCellValue(true);
            ada.createCell(6).setCellValue("first");
            Row grace = orders.createRow(2);
            grace.createCell(0).setCellValue(2);
            grace.createCell(1).setCellValue("Grace");
            grace.createCell(2).setCellValue(7);
            grace.createCell(3).setCellValue(LocalDate.of(2024, 2, 29));
            grace.getCell(3).setCellStyle(date);
            grace.createCell(5).setCellValue(false);
            // Row 4 only has a styled, empty cell: spreadsheets are full of those.
            orders.createRow(3).createCell(2).setCellStyle(date);
            Row merged = orders.createRow(4);
            merged.createCell(0).setCellValue(3);
            merged.createCell(1).setCellValue("merged over name and amount");
            merged.createCell(2);
            orders.addMergedRegion(new CellRangeAddress(4, 4, 1, 2));
            Row formula = orders.createRow(5);
            formula.createCell(0).setCellValue(4);
            formula.createCell(2).setCellFormula("C2+C3");
            formula.createCell(6).setCellFormula("B2&\" and \"&B3");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();

            Sheet notes = book.createSheet("Notes");
            row(notes, 0, "text");
            row(notes, 1, "hello");

            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A one-sheet workbook with a header and {@code rows} rows: id, a text, a number. */
    static Path rows(Path file, int rows) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Data");
            row(sheet, 0, "id", "label", "value");
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(i);
                row.createCell(1).setCellValue("row " + i);
                row.createCell(2).setCellValue(i + 0.5);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void row(Sheet sheet, int index, String... texts) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < texts.length; i++) {
            row.createCell(i).setCellValue(texts[i]);
        }
    }
}
