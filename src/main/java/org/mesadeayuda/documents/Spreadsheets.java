package org.mesadeayuda.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table (a month's tickets) as CSV and XLSX.
 *
 * <p>CSV: UTF-8 with a byte-order mark (so Excel reads the accents), fields separated by <b>semicolons</b> and
 * numbers with a decimal comma, which is what Excel expects in Spanish-speaking locales that write decimals with a
 * comma (Colombia, Paraguay, Spain) and what LibreOffice detects anywhere. Where Excel's list separator is a comma
 * (Guatemala's es-GT), the XLSX opens everywhere alike and is the file to use in Excel. CRLF line ends, as RFC 4180.
 */
public final class Spreadsheets {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  public static final String CSV_TYPE = "text/csv; charset=UTF-8";
  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Column names and rows of values (String, Number, or null for an empty cell). */
  public record Table(String sheetName, List<String> headers, List<List<Object>> rows) {}

  private Spreadsheets() {}

  public static byte[] csv(Table table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BOM);
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
            .build())) {
      printer.printRecord(table.headers());
      for (List<Object> row : table.rows()) {
        printer.printRecord(row.stream().map(Spreadsheets::csvCell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] xlsx(Table table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Mesa de Ayuda", "1.0");
      Worksheet sheet = workbook.newWorksheet(table.sheetName());
      for (int column = 0; column < table.headers().size(); column++) {
        sheet.value(0, column, table.headers().get(column));
        sheet.style(0, column).bold().fillColor("DDDDDD").set();
      }
      for (int r = 0; r < table.rows().size(); r++) {
        List<Object> row = table.rows().get(r);
        for (int column = 0; column < row.size(); column++) {
          Object value = row.get(column);
          if (value instanceof Number number) {
            sheet.value(r + 1, column, number);
          } else if (value != null) {
            sheet.value(r + 1, column, value.toString());
          }
        }
      }
      sheet.freezePane(0, 1);
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString().replace('.', ',');
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString().replace('.', ',');
    }
    return value.toString();
  }
}
