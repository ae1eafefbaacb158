package io.tributary.readers.file;

import io.tributary.connector.record.RecordSchema;
import io.tributary.connector.record.RecordValues;
import io.tributary.connector.record.SourceRecord;
import io.tributary.text.TextType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ParseException;
import tools.jackson.databind.JsonNode;

/**
 * The rows of one sheet of an Excel workbook (.xlsx), streamed: the sheet's XML is pulled element
 * by element with StAX from POI's {@link XSSFReader} (POI's event model, not the workbook DOM), so
 * only the current row is in memory besides the workbook's shared strings and styles. The first
 * non-empty row names the columns (unless {@code header} is false); cells are typed by
 * {@link ExcelCells}. Empty rows are skipped; a merged range holds its value in its top-left cell
 * only, the other cells of the range read as null, as Excel stores them.
 */
final class ExcelRecordCursor implements RecordCursor {

    private static final Log LOG = LogFactory.getLog(ExcelRecordCursor.class);
    private static final XMLInputFactory XML = secureFactory();

    /** One non-empty row: its number in the sheet and its cells by column index (A = 0). */
    private record Row(long number, Object[] cells) {}

    private final String where;
    private final LocalFile local;
    private final OPCPackage workbook;
    private final InputStream sheetData;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final ExcelCells cells;
    private final List<String> columns;
    private final TextType[] types;
    private final RecordSchema recordSchema;
    private Row pendingFirst;
    private Row current;
    private long lastRowNumber;
    private boolean widerRowReported;

    private ExcelRecordCursor(
            String where,
            LocalFile local,
            OPCPackage workbook,
            XSSFReader reader,
            InputStream sheetData,
            FileSourceSettings settings,
            JsonNode schema)
            throws IOException, XMLStreamException, org.xml.sax.SAXException,
                    org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        this.where = where;
        this.local = local;
        this.workbook = workbook;
        this.sheetData = sheetData;
        this.strings = new ReadOnlySharedStringsTable(workbook);
        this.cells = new ExcelCells(reader.getStylesTable(), date1904(reader));
        this.xml = XML.createXMLStreamReader(sheetData);
        Row first = nextRow();
        if (settings.csv().header()) {
            this.columns = first == null ? List.of() : columnNames(first);
        } else {
            this.pendingFirst = first;
            List<String> names = new ArrayList<>();
            for (int i = 1; first != null && i <= first.cells().length; i++) {
                names.add("column_" + i);
            }
            this.columns = List.copyOf(names);
        }
        this.recordSchema = RecordSchema.of(columns);
        this.types = new TextType[columns.size()];
        for (int i = 0; schema != null && i < types.length; i++) {
            types[i] = TextType.of(schema.path("properties").path(columns.get(i)));
        }
    }

    /** Opens the sheet the settings name (the first one by default) of the workbook in {@code part}. */
    static ExcelRecordCursor open(FileContent.Part part, FileSourceSettings settings, JsonNode schema) {
        LocalFile local = LocalFile.of(part, ".xlsx");
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(local.path().toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                InputStream data = sheets.next();
                String name = sheets.getSheetName();
                if (settings.sheetName() == null || settings.sheetName().equals(name)) {
                    return new ExcelRecordCursor(
                            part.name() + " sheet '" + name + "'", local, workbook, reader, data, settings, schema);
                }
                data.close();
                names.add(name);
            }
            throw new ItemStreamException(part.name() + ": "
                    + (settings.sheetName() == null
                            ? "the workbook has no sheet"
                            : "no sheet named '" + settings.sheetName() + "'; set sheet_name to one of " + names));
        } catch (ItemStreamException e) {
            release(workbook, local);
            throw e;
        } catch (Exception e) {
            release(workbook, local);
            throw new ItemStreamException(
                    part.name() + ": not a readable Excel .xlsx workbook (" + e.getMessage()
                            + "); .xls files (Excel 97-2003) are not read: save the sheet as .xlsx or CSV",
                    e);
        }
    }

    /** Whether dates count from 1904 (old Mac workbooks) rather than 1900: {@code <workbookPr date1904="1"/>}. */
    private static boolean date1904(XSSFReader reader)
            throws IOException, XMLStreamException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader book = XML.createXMLStreamReader(in);
            try {
                while (book.hasNext()) {
                    if (book.next() == XMLStreamConstants.START_ELEMENT
                            && book.getLocalName().equals("workbookPr")) {
                        String value = book.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                    if (book.getEventType() == XMLStreamConstants.START_ELEMENT
                            && book.getLocalName().equals("sheets")) {
                        return false; // workbookPr comes before the sheets
                    }
                }
                return false;
            } finally {
                book.close();
            }
        }
    }

    private List<String> columnNames(Row header) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.cells().length; i++) {
            Object cell = header.cells()[i];
            String text = cell == null ? "" : RecordValues.text(cell).trim();
            String name = text.isEmpty() ? "column_" + (i + 1) : text;
            String unique = name;
            for (int n = 2; !seen.add(unique); n++) {
                unique = name + "_" + n;
            }
            names.add(unique);
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (pendingFirst != null) {
            current = pendingFirst;
            pendingFirst = null;
            return true;
        }
        try {
            current = nextRow();
        } catch (XMLStreamException | RuntimeException e) {
            throw new ParseException(
                    where + " row " + (lastRowNumber + 1) + ": cannot read the sheet (" + e.getMessage()
                            + "); the workbook may be damaged",
                    e);
        }
        return current != null;
    }

    @Override
    public SourceRecord record(long emittedAt) {
        if (current == null) {
            throw new IllegalStateException("no current record: call next() first");
        }
        Object[] values = new Object[columns.size()];
        Object[] row = current.cells();
        for (int i = 0; i < row.length; i++) {
            if (i < values.length) {
                values[i] = ExcelCells.as(types[i], row[i]);
            } else if (row[i] != null && !widerRowReported) {
                widerRowReported = true;
                LOG.warn(where + " row " + current.number() + ": cells beyond the " + columns.size()
                        + " columns of the header are left out (reported once)");
            }
        }
        return SourceRecord.typed(recordSchema, values, emittedAt);
    }

    /** The next row that holds at least one value, or {@code null} at the end of the sheet. */
    private Row nextRow() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                String r = xml.getAttributeValue(null, "r");
                long number = r == null ? lastRowNumber + 1 : Long.parseLong(r);
                lastRowNumber = number;
                Object[] row = readCells(number);
                if (row.length > 0) {
                    return new Row(number, row);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("sheetData")) {
                return null;
            }
        }
        return null;
    }

    /** The cells of the row the reader stands on, up to its last non-empty one. */
    private Object[] readCells(long rowNumber) throws XMLStreamException {
        List<Object> values = new ArrayList<>();
        int lastNonEmpty = -1;
        int column = -1;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("c")) {
                continue;
            }
            String reference = xml.getAttributeValue(null, "r");
            column = reference == null ? column + 1 : columnOf(reference);
            Object value = readCell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"), rowNumber);
            while (values.size() <= column) {
                values.add(null);
            }
            values.set(column, value);
            if (value != null) {
                lastNonEmpty = column;
            }
        }
        return values.subList(0, lastNonEmpty + 1).toArray();
    }

    /** Reads a {@code <c>} element to its end: its {@code <v>} or inline {@code <is><t>} text, typed. */
    private Object readCell(String type, String style, long rowNumber) throws XMLStreamException {
        String value = null;
        StringBuilder inline = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String element = xml.getLocalName();
                if (element.equals("v")) {
                    value = xml.getElementText();
                    depth--;
                } else if (element.equals("t")) {
                    inline = inline == null ? new StringBuilder() : inline;
                    inline.append(xml.getElementText());
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        String t = type == null ? "n" : type;
        switch (t) {
            case "inlineStr":
                return inline == null ? null : inline.toString();
            case "s":
                if (value == null) {
                    return null;
                }
                int index = Integer.parseInt(value.trim());
                if (index < 0 || index >= strings.getCount()) {
                    throw new ParseException(
                            where + " row " + rowNumber + ": shared string " + index + " does not exist");
                }
                return strings.getItemAt(index).getString();
            case "b":
                return value == null ? null : "1".equals(value.trim()) || "true".equalsIgnoreCase(value.trim());
            case "str", "e":
                return value; // a formula's text result, or an error such as #N/A: kept as text
            case "d":
                return value == null ? null : ExcelCells.as(TextType.DATE_TIME_WITHOUT_TIMEZONE, value);
            default:
                return value == null || value.isEmpty()
                        ? null
                        : cells.number(value, style == null ? -1 : Integer.parseInt(style));
        }
    }

    /** {@code C7} is column 2, {@code AA1} column 26. */
    private static int columnOf(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    @Override
    public void close() {
        try {
            xml.close();
            sheetData.close();
        } catch (XMLStreamException | IOException ignored) {
            // reading only: nothing is lost
        } finally {
            release(workbook, local);
        }
    }

    private static void release(OPCPackage workbook, LocalFile local) {
        if (workbook != null) {
            workbook.revert(); // closes without writing anything back
        }
        local.close();
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A sheet never needs a DTD; refusing them closes the door to entity expansion attacks.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
