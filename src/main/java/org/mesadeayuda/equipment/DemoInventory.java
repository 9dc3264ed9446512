package org.mesadeayuda.equipment;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mesadeayuda.platform.InstitutionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: a small inventory, loaded through the same CSV import an institution would use. Its
 * departments are the generic profile's; on an institution's profile, units of a department it does not have belong to
 * its demo department ({@code mesa.demo.department}).
 */
@Component
@Profile("demo")
@Order(2)
public class DemoInventory implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoInventory.class);

  private final AssetCsvImport csvImport;
  private final AssetRepository assets;
  private final InstitutionProperties institution;
  private final String demoDepartment;

  public DemoInventory(AssetCsvImport csvImport, AssetRepository assets, InstitutionProperties institution,
      @Value("${mesa.demo.department}") String demoDepartment) {
    this.csvImport = csvImport;
    this.assets = assets;
    this.institution = institution;
    this.demoDepartment = demoDepartment;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (assets.count() > 0) {
      return;
    }
    String text = new ClassPathResource("demo/inventario-demo.csv").getContentAsString(StandardCharsets.UTF_8);
    try (Reader csv = new StringReader(inInstitutionDepartments(text))) {
      LOG.info("Demo: {} assets imported into the register", csvImport.importAll(csv));
    }
  }

  private String inInstitutionDepartments(String csv) {
    List<String> lines = new ArrayList<>(csv.lines().toList());
    int column = List.of(lines.get(0).split(";", -1)).indexOf("departamento");
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(";", -1);
      if (column >= 0 && column < cells.length && !cells[column].isBlank()
          && institution.department(cells[column]).isEmpty()) {
        cells[column] = demoDepartment;
        lines.set(i, String.join(";", cells));
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
