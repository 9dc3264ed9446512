package org.mesadeayuda.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
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
}
