package io.tributary.readers.file;

import io.tributary.connector.record.RecordValues;
import io.tributary.text.TextType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * What a sheet cell's stored value means: Excel keeps every number (dates too) as a double and says
 * by the cell's number format whether it is a date, so a cell becomes a {@code Long}, a
 * {@code BigDecimal}, a {@code LocalDate}/{@code LocalDateTime}/{@code LocalTime}, a {@code Boolean}
 * or a {@code String}. A column declared with another type converts the value when it fits
 * (an integer to a number, a midnight date-time to a date, anything to text) and keeps it as it is
 * otherwise, for normalization to record.
 */
final class ExcelCells {

    private final StylesTable styles;
    private final boolean date1904;
    /** Per style index: whether its number format is a date format (cached: asked for every cell). */
    private final Boolean[] dateStyles;

    ExcelCells(StylesTable styles, boolean date1904) {
        this.styles = styles;
        this.date1904 = date1904;
        this.dateStyles = new Boolean[styles == null ? 0 : styles.getNumCellStyles()];
    }

    /**
     * The value of a numeric cell.
     *
     * @param text the stored number as written in the sheet ({@code 42}, {@code 3.14}, {@code 4.5E-3})
     * @param style the cell's style index, or -1
     */
    Object number(String text, int style) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return text;
        }
        if (isDateStyle(style)) {
            double serial = number.doubleValue();
            if (DateUtil.isValidExcelDate(serial)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(serial, date1904);
                if (serial < 1) {
                    return dateTime.toLocalTime(); // a time of day without a date
                }
                return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate() : dateTime;
            }
        }
        BigDecimal plain = number.stripTrailingZeros();
        if (plain.scale() <= 0 && plain.precision() - plain.scale() <= 18) {
            return plain.longValueExact();
        }
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private boolean isDateStyle(int style) {
        if (style < 0 || style >= dateStyles.length) {
            return false;
        }
        Boolean cached = dateStyles[style];
        if (cached == null) {
            XSSFCellStyle cellStyle = styles.getStyleAt(style);
            cached = cellStyle != null
                    && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
            dateStyles[style] = cached;
        }
        return cached;
    }

    /** A cell's value converted to the type its column declares, when it fits; otherwise as it is. */
    static Object as(TextType declared, Object value) {
        if (value == null || declared == null) {
            return value;
        }
        switch (declared) {
            case STRING:
                return value instanceof String ? value : RecordValues.text(value);
            case NUMBER:
                return value instanceof Long l ? BigDecimal.valueOf(l) : fromText(declared, value);
            case INTEGER:
                if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
                    try {
                        return d.longValueExact();
                    } catch (ArithmeticException e) {
                        return d;
                    }
                }
                return fromText(declared, value);
            case DATE:
                return value instanceof LocalDateTime t && t.toLocalTime().equals(LocalTime.MIDNIGHT)
                        ? t.toLocalDate()
                        : fromText(declared, value);
            case DATE_TIME_WITHOUT_TIMEZONE:
                return value instanceof LocalDate d ? d.atStartOfDay() : fromText(declared, value);
            default:
                return fromText(declared, value);
        }
    }

    /** Text cells of a typed column are parsed like CSV values ("2024-05-01" in a date column). */
    private static Object fromText(TextType declared, Object value) {
        if (value instanceof String text) {
            Object typed = declared.value(text);
            return typed != null ? typed : text;
        }
        return value;
    }
}
