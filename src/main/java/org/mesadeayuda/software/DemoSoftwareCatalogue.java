package org.mesadeayuda.software;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The {@code demo} profile: a small licence catalogue with each kind of entry. */
@Component
@Profile("demo")
@Order(2)
public class DemoSoftwareCatalogue implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSoftwareCatalogue.class);

  private final LicenceRegister register;
  private final SoftwareRepository catalogue;

  public DemoSoftwareCatalogue(LicenceRegister register, SoftwareRepository catalogue) {
    this.register = register;
    this.catalogue = catalogue;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (catalogue.count() > 0) {
      return;
    }
    entry("LibreOffice", "The Document Foundation", "free", false, null);
    Software office = entry("Microsoft Office 2021", "Microsoft", "institutional", false, null);
    register.addLicences(office.id(), 10, null, "Contrato de licenciamiento 2024-07");
    Software acrobat = entry("Adobe Acrobat Pro", "Adobe", "subscription", true, null);
    register.addLicences(acrobat.id(), 3, LocalDate.of(2027, 6, 30), "OC-2026-114");
    Software autocad = entry("AutoCAD", "Autodesk", "subscription", false, null);
    register.addLicences(autocad.id(), 1, LocalDate.of(2027, 3, 31), "OC-2026-090");
    register.install("DEMO", "INV-0310", autocad.id(), "2026", "tomas.tecnico", false);
    entry("uTorrent", "BitTorrent Inc.", "prohibited", false,
        "programa de intercambio P2P: riesgo de malware y de infringir derechos de autor");
    LOG.info("Demo: licence catalogue with {} entries", catalogue.count());
  }

  private Software entry(String name, String publisher, String type, boolean preApproved, String prohibitedReason) {
    return register.save(new Software(null, name, publisher, type, preApproved, prohibitedReason, null));
  }
}
