package org.mesadeayuda.equipment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mesadeayuda.platform.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads an institution's inventory from the spreadsheet it already has, saved as CSV (comma or semicolon, as Excel
 * writes it in Spanish). Every row is checked first; if any row is wrong, nothing is stored and every problem is
 * reported with its line number.
 *
 * <p>Columns (header row, in any order): codigo_inventario, tipo, marca, modelo, serie, departamento, ubicacion,
 * usuario_asignado, propiedad (propio / arrendado), proveedor, correo_proveedor, contrato, fin_garantia (AAAA-MM-DD or
 * DD/MM/AAAA), estado (en_servicio, en_reparacion, en_prestamo, reemplazado, de_baja; empty = en_servicio),
 * prestamo (si / no: a unit of the loaner pool).
 *
 * <p>A text cell that starts with {@code = + - @} is refused with its line and column: a spreadsheet that opens the
 * register again would run it as a formula. No column takes numbers, so no legitimate value starts that way (dates
 * are AAAA-MM-DD or DD/MM/AAAA).
 */
@Component
public class AssetCsvImport {

  static final List<String> REQUIRED_COLUMNS = List.of("codigo_inventario", "tipo", "propiedad");
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("escritorio", "desktop"), Map.entry("computadora de escritorio", "desktop"),
      Map.entry("portatil", "laptop"), Map.entry("computadora portatil", "laptop"), Map.entry("laptop", "laptop"),
      Map.entry("impresora", "printer"), Map.entry("ups", "ups"), Map.entry("switch", "switch"),
      Map.entry("telefono", "phone"), Map.entry("proyector", "projector"), Map.entry("otro", "other"));
  private static final Map<String, String> OWNERSHIPS = Map.of("propio", "owned", "arrendado", "leased");
  private static final Map<String, String> STATUSES = Map.of("en_servicio", Asset.IN_SERVICE,
      "en_reparacion", Asset.IN_REPAIR, "en_prestamo", Asset.ON_LOAN, "reemplazado", Asset.REPLACED,
      "de_baja", Asset.DECOMMISSIONED);
  /** The register's field names as the spreadsheet calls them, so problems name the column the person sees. */
  private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("assetTag", "codigo_inventario"),
      Map.entry("equipmentType", "tipo"), Map.entry("ownership", "propiedad"), Map.entry("status", "estado"),
      Map.entry("department", "departamento"), Map.entry("providerEmail", "correo_proveedor"),
      Map.entry("providerName", "proveedor"), Map.entry("brand", "marca"), Map.entry("model", "modelo"),
      Map.entry("serialNumber", "serie"), Map.entry("location", "ubicacion"),
      Map.entry("assignedUser", "usuario_asignado"), Map.entry("contractNumber", "contrato"));
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu");

  /** A refused value, with the spreadsheet line it is on (the header is line 1). */
  public record LineProblem(long line, String field, String reason) {}

  public static class RejectedImportException extends RuntimeException {
    private final List<LineProblem> problems;

    public RejectedImportException(List<LineProblem> problems) {
      super(problems.size() + " problems in the CSV import");
      this.problems = List.copyOf(problems);
    }

    public List<LineProblem> problems() {
      return problems;
    }
  }

  private final AssetRegister register;
  private final AssetRepository assets;

  public AssetCsvImport(AssetRegister register, AssetRepository assets) {
    this.register = register;
    this.assets = assets;
  }

  /**
   * The file as uploaded. Excel in Spanish saves "CSV" in Windows-1252 (ANSI), "CSV UTF-8" with a byte-order mark;
   * other tools write UTF-8 without one. A file that is valid UTF-8 is read as UTF-8 (a text in Windows-1252 with
   * accents practically never is), any other as Windows-1252; one that is neither is refused.
   */
  @Transactional
  public int importAll(byte[] file) {
    return importAll(new StringReader(decode(file)));
  }

  static String decode(byte[] file) {
    int start = file.length >= 3 && Arrays.equals(Arrays.copyOf(file, 3), UTF8_BOM) ? 3 : 0;
    ByteBuffer content = ByteBuffer.wrap(file, start, file.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(content).toString();
    } catch (CharacterCodingException notUtf8) {
      try {
        return WINDOWS_1252.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
      } catch (CharacterCodingException neither) {
        throw new RejectedImportException(List.of(new LineProblem(0, null, "el archivo no está en UTF-8 ni en "
            + "Windows-1252 (ANSI): guárdelo desde Excel como «CSV UTF-8» o «CSV (delimitado por comas)»")));
      }
    }
  }

  /** Stores every row or none; returns how many units were stored. */
  @Transactional
  public int importAll(Reader csv) {
    List<Asset> rows = new ArrayList<>();
    List<LineProblem> problems = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(csv)) {
      reader.mark(64 * 1024);
      String header = reader.readLine();
      if (header == null) {
        throw new RejectedImportException(List.of(new LineProblem(1, null, "el archivo está vacío")));
      }
      reader.reset();
      char delimiter = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count()
          ? ';' : ',';
      CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true).setTrim(true).get();
      try (CSVParser parser = format.parse(reader)) {
        Set<String> columns = new HashSet<>();
        parser.getHeaderNames().forEach(name -> columns.add(normalize(name)));
        for (String required : REQUIRED_COLUMNS) {
          if (!columns.contains(required)) {
            problems.add(new LineProblem(1, required, "falta la columna"));
          }
        }
        if (!problems.isEmpty()) {
          throw new RejectedImportException(problems);
        }
        Set<String> tagsInFile = new HashSet<>();
        for (CSVRecord record : parser) {
          long line = parser.getCurrentLineNumber();
          Asset asset = toAsset(record, line, problems);
          if (asset == null) {
            continue;
          }
          Set<String> reported = new HashSet<>();
          problems.stream().filter(problem -> problem.line() == line).forEach(problem -> reported.add(problem.field()));
          for (FieldProblem problem : register.check(asset)) {
            String column = COLUMNS.getOrDefault(problem.field(), problem.field());
            if (!reported.contains(column)) {
              problems.add(new LineProblem(line, column, problem.reason()));
            }
          }
          // a tag is the same whatever its case: CSV-E3 and csv-e3 are one label
          if (asset.assetTag() != null && !tagsInFile.add(asset.assetTag().toLowerCase(Locale.ROOT))) {
            problems.add(new LineProblem(line, "codigo_inventario", "repetido en el archivo (sin distinguir "
                + "mayúsculas): " + asset.assetTag()));
          } else if (asset.assetTag() != null && assets.existsByAssetTagIgnoringCase(asset.assetTag())) {
            problems.add(new LineProblem(line, "codigo_inventario", "ya está en el inventario: " + asset.assetTag()));
          }
          rows.add(asset);
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
      throw new RejectedImportException(List.of(new LineProblem(0, null, "no es un CSV legible: " + e.getMessage())));
    }
    if (!problems.isEmpty()) {
      throw new RejectedImportException(problems);
    }
    assets.saveAll(rows);
    return rows.size();
  }

  private static Asset toAsset(CSVRecord record, long line, List<LineProblem> problems) {
    Map<String, String> values = new java.util.HashMap<>();
    record.toMap().forEach((column, value) -> values.put(normalize(column), value == null || value.isBlank()
        ? null : value.trim()));
    String type = mapped(values.get("tipo"), TYPES, Asset.TYPES.keySet());
    if (values.get("tipo") != null && type == null) {
      problems.add(new LineProblem(line, "tipo", "tipo desconocido: " + values.get("tipo")));
    }
    String ownership = mapped(values.get("propiedad"), OWNERSHIPS, Asset.OWNERSHIPS);
    if (values.get("propiedad") != null && ownership == null) {
      problems.add(new LineProblem(line, "propiedad", "debe ser propio o arrendado: " + values.get("propiedad")));
    }
    String status = values.get("estado") == null ? Asset.IN_SERVICE
        : mapped(values.get("estado"), STATUSES, Asset.STATUSES);
    if (status == null) {
      problems.add(new LineProblem(line, "estado", "estado desconocido: " + values.get("estado")));
    }
    LocalDate warrantyEnd = null;
    if (values.get("fin_garantia") != null) {
      try {
        warrantyEnd = parseDate(values.get("fin_garantia"));
      } catch (DateTimeParseException e) {
        problems.add(new LineProblem(line, "fin_garantia", "fecha no válida (AAAA-MM-DD o DD/MM/AAAA): "
            + values.get("fin_garantia")));
      }
    }
    String loaner = values.get("prestamo") == null ? "no" : normalize(values.get("prestamo"));
    if (!Set.of("si", "no").contains(loaner)) {
      problems.add(new LineProblem(line, "prestamo", "debe ser si o no: " + values.get("prestamo")));
    }
    return new Asset(null, values.get("codigo_inventario"), type, values.get("marca"), values.get("modelo"),
        values.get("serie"), values.get("departamento"), values.get("ubicacion"), values.get("usuario_asignado"),
        ownership, values.get("proveedor"), values.get("correo_proveedor"), values.get("contrato"), warrantyEnd,
        status, "si".equals(loaner), null, null, null);
  }

  private static String mapped(String value, Map<String, String> spanish, Set<String> internal) {
    if (value == null) {
      return null;
    }
    String key = normalize(value);
    if (internal.contains(key)) {
      return key;
    }
    return spanish.get(key);
  }

  private static LocalDate parseDate(String text) {
    return text.contains("/") ? LocalDate.parse(text, DAY_MONTH_YEAR) : LocalDate.parse(text);
  }

  /** Lower case, no accents, spaces kept: "Teléfono" and "telefono" are the same word in a spreadsheet. */
  static String normalize(String text) {
    String withoutAccents = Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return withoutAccents.toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').trim();
  }
}
