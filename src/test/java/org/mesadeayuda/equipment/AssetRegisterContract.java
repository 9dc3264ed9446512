package org.mesadeayuda.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** What the asset register guarantees, run on H2 and on PostgreSQL by the two subclasses. */
abstract class AssetRegisterContract {

  static final String HEADER =
      "codigo_inventario;tipo;marca;modelo;serie;departamento;ubicacion;usuario_asignado;propiedad;proveedor;"
          + "correo_proveedor;contrato;fin_garantia;estado;prestamo\n";

  @Autowired AssetRegister register;
  @Autowired AssetCsvImport csvImport;
  @Autowired AssetRepository assets;

  @BeforeEach
  void emptyRegister() {
    assets.deleteAll();
  }

  @Test
  void importsAnExcelStyleInventoryWithSpanishValues() {
    int imported = csvImport.importAll(new StringReader(HEADER
        + "INV-1;Computadora de escritorio;Dell;7010;S1;operaciones;Recepción;ana;propio;Distec;g@distec.example;"
        + "OC-1;31/03/2027;;no\n"
        + "INV-2;Impresora;HP;M404;S2;juridico;;;Arrendado;Arrendadora S.A.;a@arr.example;ARR-4;;En_servicio;no\n"
        + "PRE-1;portátil;Lenovo;L14;S3;tecnologia;Bodega;;propio;;;;2026-08-31;;sí\n"));
    assertThat(imported).isEqualTo(3);
    Asset desktop = register.find("INV-1").orElseThrow();
    assertThat(desktop.equipmentType()).isEqualTo("desktop");
    assertThat(desktop.ownership()).isEqualTo("owned");
    assertThat(desktop.warrantyEndDate()).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(desktop.status()).isEqualTo("in_service");
    assertThat(register.find("INV-2").orElseThrow().ownership()).isEqualTo("leased");
    assertThat(register.find("PRE-1").orElseThrow().loaner()).isTrue();
  }

  @Test
  void aFileWithBadRowsStoresNothingAndNamesEachLine() {
    assertThatThrownBy(() -> csvImport.importAll(new StringReader(HEADER
        + "INV-1;escritorio;Dell;7010;S1;operaciones;;;propio;;;;2027-03-31;;no\n"
        + "INV-2;cafetera;;;;operaciones;;;propio;;;;;;no\n"
        + "INV-3;impresora;;;;operaciones;;;arrendado;;;;;;no\n"
        + "INV-1;impresora;;;;operaciones;;;propio;;no-es-correo;;31-12-2027;;no\n")))
        .isInstanceOfSatisfying(AssetCsvImport.RejectedImportException.class, rejected ->
            assertThat(rejected.problems()).extracting(p -> p.line() + " " + p.field()).containsExactlyInAnyOrder(
                "3 tipo", "4 proveedor", "5 correo_proveedor", "5 fin_garantia", "5 codigo_inventario"));
    assertThat(assets.count()).isZero();
  }

  @Test
  void aTagAlreadyInTheRegisterIsRefused() {
    csvImport.importAll(new StringReader(HEADER + "INV-9;ups;;;;tecnologia;;;propio;;;;;;no\n"));
    assertThatThrownBy(() -> csvImport.importAll(new StringReader(HEADER
        + "INV-10;ups;;;;tecnologia;;;propio;;;;;;no\n"
        + "INV-9;ups;;;;tecnologia;;;propio;;;;;;no\n")))
        .isInstanceOfSatisfying(AssetCsvImport.RejectedImportException.class, rejected ->
            assertThat(rejected.problems()).singleElement().satisfies(problem -> {
              assertThat(problem.line()).isEqualTo(3);
              assertThat(problem.reason()).contains("ya está en el inventario");
            }));
    assertThat(assets.count()).isEqualTo(1);
  }

  @Test
  void aMissingColumnIsReportedOnTheHeaderLine() {
    assertThatThrownBy(() -> csvImport.importAll(new StringReader("codigo_inventario,marca\nINV-1,Dell\n")))
        .isInstanceOfSatisfying(AssetCsvImport.RejectedImportException.class, rejected ->
            assertThat(rejected.problems()).extracting(p -> p.line() + " " + p.field())
                .containsExactlyInAnyOrder("1 tipo", "1 propiedad"));
  }

  @Test
  void aTagIsUniqueIgnoringCaseInTheImportTheRegisterAndTheDatabase() {
    csvImport.importAll(new StringReader(HEADER + "CSV-E3;ups;;;;tecnologia;;;propio;;;;;;no\n"));

    assertThatThrownBy(() -> csvImport.importAll(new StringReader(HEADER
        + "csv-e3;ups;;;;tecnologia;;;propio;;;;;;no\n")))
        .isInstanceOfSatisfying(AssetCsvImport.RejectedImportException.class, rejected ->
            assertThat(rejected.problems()).singleElement().satisfies(problem -> {
              assertThat(problem.line()).isEqualTo(2);
              assertThat(problem.field()).isEqualTo("codigo_inventario");
            }));
    assertThatThrownBy(() -> csvImport.importAll(new StringReader(HEADER
        + "INV-A;ups;;;;tecnologia;;;propio;;;;;;no\n"
        + "inv-a;ups;;;;tecnologia;;;propio;;;;;;no\n")))
        .isInstanceOfSatisfying(AssetCsvImport.RejectedImportException.class, rejected ->
            assertThat(rejected.problems()).extracting(p -> p.line() + " " + p.field())
                .containsExactly("3 codigo_inventario"));
    assertThatThrownBy(() -> register.create(ups("csv-e3"))).isInstanceOf(AssetRegister.InvalidAssetException.class)
        .hasMessageContaining("assetTag");
    // the database says the same, for whatever gets past the register (two requests at the same moment)
    assertThatThrownBy(() -> assets.save(ups("Csv-E3"))).hasCauseInstanceOf(DataIntegrityViolationException.class);
    assertThat(assets.count()).isEqualTo(1);
  }

  @Test
  void aWindows1252FileFromSpanishExcelIsReadWithItsAccents() {
    String csv = HEADER + "INV-1;escritorio;Dell;7010;S1;tecnologia;Informática, 2.º piso;;propio;;;"
        + "Guía de compra 7;;;no\n";
    assertThat(csvImport.importAll(csv.getBytes(Charset.forName("windows-1252")))).isEqualTo(1);
    Asset imported = register.find("INV-1").orElseThrow();
    assertThat(imported.location()).isEqualTo("Informática, 2.º piso");
    assertThat(imported.contractNumber()).isEqualTo("Guía de compra 7");
  }

  @Test
  void aUtf8FileIsReadWithOrWithoutByteOrderMark() {
    byte[] withoutMark = (HEADER + "INV-1;escritorio;;;;tecnologia;Informática;;propio;;;;;;no\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] text = (HEADER + "INV-2;escritorio;;;;tecnologia;Guía;;propio;;;;;;no\n").getBytes(StandardCharsets.UTF_8);
    byte[] withMark = new byte[text.length + 3];
    withMark[0] = (byte) 0xEF;
    withMark[1] = (byte) 0xBB;
    withMark[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withMark, 3, text.length);

    assertThat(csvImport.importAll(withoutMark)).isEqualTo(1);
    assertThat(csvImport.importAll(withMark)).isEqualTo(1);
    assertThat(register.find("INV-1").orElseThrow().location()).isEqualTo("Informática");
    assertThat(register.find("INV-2").orElseThrow().location()).isEqualTo("Guía");
  }

  @Test
  void aFileInNeitherEncodingIsRefusedWithAClearMessage() {
    byte[] undefinedInWindows1252 = {(byte) 0x81, (byte) 0x8D, '\n'};
    assertThatThrownBy(() -> csvImport.importAll(undefinedInWindows1252))
        .isInstanceOfSatisfying(AssetCsvImport.RejectedImportException.class, rejected ->
            assertThat(rejected.problems()).singleElement().satisfies(problem ->
                assertThat(problem.reason()).contains("UTF-8", "Windows-1252")));
  }

  @Test
  void cellsASpreadsheetWouldRunAsFormulasAreRefusedWithLineAndColumn() {
    assertThatThrownBy(() -> csvImport.importAll(new StringReader(HEADER
        + "INV-1;escritorio;=1+2;7010;S1;tecnologia;;;propio;;;;;;no\n"
        + "INV-2;escritorio;Dell;+7010;S2;tecnologia;;;propio;;;;;;no\n"
        + "INV-3;escritorio;Dell;7010;-2+3;tecnologia;;;propio;;;;;;no\n"
        + "INV-4;escritorio;Dell;7010;S4;tecnologia;;@SUM(A1);propio;;;;31/12/2027;;no\n")))
        .isInstanceOfSatisfying(AssetCsvImport.RejectedImportException.class, rejected ->
            assertThat(rejected.problems()).extracting(p -> p.line() + " " + p.field())
                .containsExactlyInAnyOrder("2 marca", "3 modelo", "4 serie", "5 usuario_asignado"));
    assertThat(assets.count()).isZero();
  }

  @Test
  void aCellLongerThanItsColumnIsRefusedWithLineAndColumn() {
    assertThatThrownBy(() -> csvImport.importAll(new StringReader(HEADER
        + "INV-1;escritorio;" + "D".repeat(101) + ";7010;S1;tecnologia;;;propio;;;;;;no\n")))
        .isInstanceOfSatisfying(AssetCsvImport.RejectedImportException.class, rejected ->
            assertThat(rejected.problems()).extracting(p -> p.line() + " " + p.field()).containsExactly("2 marca"));
    assertThat(assets.count()).isZero();
  }

  private static Asset ups(String tag) {
    return new Asset(null, tag, "ups", null, null, null, "tecnologia", null, null, "owned", null, null, null, null,
        "in_service", false, null, null, null);
  }

  @Test
  void searchFindsByTextAndFilters() {
    csvImport.importAll(new StringReader(HEADER
        + "INV-1;escritorio;Dell;7010;S1;operaciones;;ana.lopez;propio;;;;;;no\n"
        + "INV-2;impresora;HP;M404;S2;juridico;;;propio;;;;;;no\n"));
    assertThat(register.search("dell", null, null, null)).extracting(Asset::assetTag).containsExactly("INV-1");
    assertThat(register.search(null, "juridico", null, null)).extracting(Asset::assetTag).containsExactly("INV-2");
    assertThat(register.search(null, null, "desktop", "in_service")).extracting(Asset::assetTag)
        .containsExactly("INV-1");
    assertThat(register.search("ANA", null, null, null)).hasSize(1);
  }

  @Test
  void anUpdateKeepsTheUnitAndRefusesInvalidValues() {
    Asset created = register.create(new Asset(null, "INV-7", "laptop", "Lenovo", "E14", "S7", "operaciones", null,
        null, "owned", null, null, null, LocalDate.of(2026, 1, 31), "in_service", false, null, null, null));
    Asset moved = register.update("INV-7", new Asset(null, "INV-7", "laptop", "Lenovo", "E14", "S7", "juridico",
        "Piso 2", "luis", "owned", null, null, null, LocalDate.of(2026, 1, 31), "in_repair", false, null, null, null));
    assertThat(moved.id()).isEqualTo(created.id());
    assertThat(assets.count()).isEqualTo(1);
    assertThat(register.find("INV-7").orElseThrow().status()).isEqualTo("in_repair");
    assertThatThrownBy(() -> register.update("INV-7", new Asset(null, "INV-7", "laptop", null, null, null, null, null,
        null, "rented", null, null, null, null, "in_service", false, null, null, null)))
        .isInstanceOf(AssetRegister.InvalidAssetException.class).hasMessageContaining("ownership");
  }

  @Test
  void twoCasesAskingForTheSameLoanerAtOnceGetItOnce() throws Exception {
    csvImport.importAll(new StringReader(HEADER + "PRE-1;portatil;;;;tecnologia;;;propio;;;;;;si\n"));
    int cases = 6;
    ExecutorService pool = Executors.newFixedThreadPool(cases);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < cases; i++) {
        String caseNumber = "EQP-2026-00000" + i;
        Callable<Integer> lend = () -> {
          start.await();
          return assets.lend("PRE-1", "usuario " + caseNumber, caseNumber);
        };
        attempts.add(pool.submit(lend));
      }
      start.countDown();
      int lent = 0;
      for (Future<Integer> attempt : attempts) {
        lent += attempt.get();
      }
      assertThat(lent).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    Asset loaner = register.find("PRE-1").orElseThrow();
    assertThat(loaner.status()).isEqualTo("on_loan");
    assertThat(assets.findAvailableLoaners()).isEmpty();
    assertThat(assets.returnLoansOf(loaner.loanCase())).isEqualTo(1);
    assertThat(assets.findAvailableLoaners()).extracting(Asset::assetTag).containsExactly("PRE-1");
  }

  @Test
  void twoCasesHoldingTheLastSpareUnitAtOnceGetItOnce() throws Exception {
    csvImport.importAll(new StringReader(HEADER + "REP-1;escritorio;;;;tecnologia;;;propio;;;;;;no\n"));
    int cases = 6;
    ExecutorService pool = Executors.newFixedThreadPool(cases);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < cases; i++) {
        String caseNumber = "EQP-2026-00001" + i;
        Callable<Integer> hold = () -> {
          start.await();
          return assets.reserveSpare("REP-1", caseNumber);
        };
        attempts.add(pool.submit(hold));
      }
      start.countDown();
      int held = 0;
      for (Future<Integer> attempt : attempts) {
        held += attempt.get();
      }
      assertThat(held).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(assets.findSpareUnits("desktop", "INV-X")).isEmpty();
    String holder = assets.findCasesHoldingUnits().get(0);
    assertThat(assets.isSpareHeldFor("REP-1", holder)).isTrue();
    assertThat(assets.releaseHoldsOf(holder)).isEqualTo(1);
    assertThat(assets.findSpareUnits("desktop", "INV-X")).extracting(Asset::assetTag).containsExactly("REP-1");
  }
}
