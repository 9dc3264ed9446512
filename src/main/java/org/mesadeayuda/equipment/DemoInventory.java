package org.mesadeayuda.equipment;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The {@code demo} profile: a small inventory, loaded through the same CSV import an institution would use. */
@Component
@Profile("demo")
@Order(2)
public class DemoInventory implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoInventory.class);

  private final AssetCsvImport csvImport;
  private final AssetRepository assets;

  public DemoInventory(AssetCsvImport csvImport, AssetRepository assets) {
    this.csvImport = csvImport;
    this.assets = assets;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (assets.count() > 0) {
      return;
    }
    try (Reader csv = new InputStreamReader(new ClassPathResource("demo/inventario-demo.csv").getInputStream(),
        StandardCharsets.UTF_8)) {
      LOG.info("Demo: {} assets imported into the register", csvImport.importAll(csv));
    }
  }
}
