package org.mesadeayuda.equipment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.InvalidFieldsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the asset register valid: the rules every unit must meet, whether typed in, imported or sent by API. */
@Component
public class AssetRegister {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$");
  private static final String ONLY_CASES_LEND = "el préstamo de un equipo lo registra y lo termina el caso de avería "
      + "que lo presta; no se cambia desde el inventario";
  /** What a spreadsheet runs as a formula when the register is exported and opened again (CSV injection). */
  private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\t\r].*", Pattern.DOTALL);

  /** A free-text field and its column's length (V3__asset_register.sql); the other fields are checked by value. */
  private record TextField(String name, int maxLength, Function<Asset, String> value) {}

  private static final List<TextField> TEXTS = List.of(new TextField("brand", 100, Asset::brand),
      new TextField("model", 100, Asset::model), new TextField("serialNumber", 100, Asset::serialNumber),
      new TextField("location", 200, Asset::location), new TextField("assignedUser", 200, Asset::assignedUser),
      new TextField("providerName", 200, Asset::providerName),
      new TextField("providerEmail", 200, Asset::providerEmail),
      new TextField("contractNumber", 100, Asset::contractNumber));

  /** The register refused a unit: every field and why. */
  public static class InvalidAssetException extends InvalidFieldsException {
    public InvalidAssetException(List<FieldProblem> problems) {
      super(problems);
    }
  }

  private final AssetRepository assets;
  private final InstitutionProperties institution;

  public AssetRegister(AssetRepository assets, InstitutionProperties institution) {
    this.assets = assets;
    this.institution = institution;
  }

  public Optional<Asset> find(String assetTag) {
    return assets.findByAssetTag(assetTag);
  }

  public List<Asset> search(String text, String department, String equipmentType, String status) {
    List<FieldProblem> problems = new ArrayList<>();
    tooLong("q", text, 100, problems);
    tooLong("department", department, 50, problems);
    tooLong("equipmentType", equipmentType, 20, problems);
    tooLong("status", status, 20, problems);
    reject(problems);
    String like = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
    return assets.search(like, blankToNull(department), blankToNull(equipmentType), blankToNull(status));
  }

  @Transactional
  public Asset create(Asset asset) {
    List<FieldProblem> problems = check(asset);
    if (asset.assetTag() != null && assets.existsByAssetTagIgnoringCase(asset.assetTag())) {
      problems.add(new FieldProblem("assetTag", "ya existe un equipo con el código " + asset.assetTag()
          + " (sin distinguir mayúsculas)"));
    }
    if (Asset.ON_LOAN.equals(asset.status())) {
      problems.add(new FieldProblem("status", ONLY_CASES_LEND));
    }
    reject(problems);
    return assets.save(asset);
  }

  @Transactional
  public Asset update(String assetTag, Asset changed) {
    Asset existing = assets.findByAssetTag(assetTag)
        .orElseThrow(() -> new InvalidAssetException(List.of(new FieldProblem("assetTag", "no existe: " + assetTag))));
    List<FieldProblem> problems = check(changed);
    if (!existing.assetTag().equals(changed.assetTag())) {
      problems.add(new FieldProblem("assetTag", "el código de inventario no se puede cambiar"));
    }
    if (Asset.ON_LOAN.equals(changed.status()) != Asset.ON_LOAN.equals(existing.status())) {
      problems.add(new FieldProblem("status", ONLY_CASES_LEND));
    }
    reject(problems);
    return assets.save(changed.replacing(existing));
  }

  /** Every problem of one unit, checked on its own (not against the database). */
  public List<FieldProblem> check(Asset asset) {
    List<FieldProblem> problems = new ArrayList<>();
    if (asset.assetTag() == null || !TAG.matcher(asset.assetTag()).matches()) {
      problems.add(new FieldProblem("assetTag", "es obligatorio: letras, números y . _ / - (hasta 50)"));
    }
    if (asset.equipmentType() == null || !Asset.TYPES.containsKey(asset.equipmentType())) {
      problems.add(new FieldProblem("equipmentType", "debe ser uno de " + String.join(", ", Asset.TYPES.keySet())));
    }
    if (asset.ownership() == null || !Asset.OWNERSHIPS.contains(asset.ownership())) {
      problems.add(new FieldProblem("ownership", "debe ser owned (propio) o leased (arrendado)"));
    }
    if (asset.status() == null || !Asset.STATUSES.contains(asset.status())) {
      problems.add(new FieldProblem("status", "debe ser uno de " + String.join(", ", Asset.STATUSES)));
    }
    if (asset.department() != null && institution.department(asset.department()).isEmpty()) {
      problems.add(new FieldProblem("department", "no es un departamento conocido: "
          + String.join(", ", institution.departments().keySet())));
    }
    if (asset.providerEmail() != null && !EMAIL.matcher(asset.providerEmail()).matches()) {
      problems.add(new FieldProblem("providerEmail", "no es un correo electrónico válido"));
    }
    if ("leased".equals(asset.ownership()) && asset.providerName() == null) {
      problems.add(new FieldProblem("providerName", "un equipo arrendado necesita el nombre del arrendador"));
    }
    TEXTS.forEach(field -> {
      String text = field.value().apply(asset);
      tooLong(field.name(), text, field.maxLength(), problems);
      if (text != null && FORMULA.matcher(text).matches()) {
        problems.add(new FieldProblem(field.name(), "empieza con «" + text.charAt(0)
            + "»: una hoja de cálculo lo tomaría como fórmula; quite ese signo del inicio"));
      }
    });
    return problems;
  }

  private static void tooLong(String field, String value, int maxLength, List<FieldProblem> problems) {
    if (value != null && value.length() > maxLength) {
      problems.add(new FieldProblem(field, "admite hasta " + maxLength + " caracteres (tiene " + value.length() + ")"));
    }
  }

  private static void reject(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidAssetException(problems);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
