package org.mesadeayuda.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14: how long a preventive-maintenance programme of 1,000 units in service takes to open and approve, on the
 * shipped default database (an H2 file, new for each run, under target/bench/maintenance-h2) with the job executor
 * on as in production. Not a timed assertion: it measures and writes target/bench/maintenance.md.
 *
 * <pre>./mvnw -Pbench verify -Dtest=MaintenanceBench [-Dbench.units=1000] [-Dbench.rounds=3]</pre>
 *
 * Each round opens the programme of a new semester (start → draft proposed from the inventory, in the register),
 * completes the draft with two edits, approves it (the approval task's completion), waits for the job executor to
 * send the programme to the six heads and open their availability tasks, and confirms every department (the last
 * confirmation creates the execution: a batch per department and week to the end of the semester).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
class MaintenanceBench {

  static final Path FOLDER = Path.of("target/bench/maintenance-h2");
  static final List<String> DEPARTMENTS = List.of("administracion", "direccion-general", "juridico", "operaciones",
      "recursos-humanos", "tecnologia");
  static SmtpSink mail;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry properties) throws IOException {
    if (Files.exists(FOLDER)) {
      try (Stream<Path> files = Files.walk(FOLDER)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    properties.add("spring.datasource.url",
        () -> "jdbc:h2:file:./" + FOLDER + "/mesa-de-ayuda;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
  }

  @BeforeAll
  static void startMailServer() {
    mail = SmtpSink.start(SupportRequestBench.MAIL_PORT);
  }

  @AfterAll
  static void stopMailServer() {
    if (mail != null) {
      mail.stop();
    }
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void openAndApproveAThousandUnitProgramme() throws Exception {
    int units = Integer.getInteger("bench.units", 1000);
    int rounds = Integer.getInteger("bench.rounds", 3);
    List<Object[]> rows = new ArrayList<>();
    for (int n = 1; n <= units; n++) {
      rows.add(new Object[] {String.format("BEN-%05d", n), DEPARTMENTS.get(n % DEPARTMENTS.size())});
    }
    jdbc.batchUpdate("INSERT INTO asset (asset_tag, equipment_type, brand, model, department, location, ownership, "
        + "status) VALUES (?, 'desktop', 'Dell', 'OptiPlex 7010', ?, 'Sede central', 'owned', 'in_service')", rows);

    StringBuilder report = new StringBuilder("# Preventive maintenance, " + units + " units in service (H2 file)\n\n"
        + "| semester | open (start → draft task) ms | draft edits ms | approve (task) ms | sent to heads (job executor) ms "
        + "| open + approve ms | all departments confirm → execution ms |\n|---|---|---|---|---|---|---|\n");
    List<Long> openAndApprove = new ArrayList<>();
    int year = java.time.LocalDate.now().getYear() + 1;
    for (int round = 0; round < rounds; round++) {
      String semester = (year + round / 2) + "-S" + (round % 2 + 1);
      long start = System.nanoTime();
      Map<String, Object> form = new HashMap<>();
      form.put("semester", semester);
      form.put("requestedBy", "diego.director");
      ProcessInstance programme = runtime.startProcessInstanceByKey("preventive-maintenance", form);
      Task draft = only(programme, "Task_DraftProgramme");
      long opened = System.nanoTime();
      tasks.complete(draft.getId(), Map.of("programmeEdits", "BEN-00001; quitar\nBEN-00001; "
          + (year + round / 2) + (round % 2 == 0 ? "-06-01" : "-12-01")));
      long drafted = System.nanoTime();
      tasks.complete(only(programme, "Task_ApproveProgramme").getId(), Map.of("programmeApproved", true));
      long approved = System.nanoTime();
      List<Task> availability = awaitTasks(programme, "Task_ConfirmAvailability", DEPARTMENTS.size());
      long sent = System.nanoTime();
      for (Task task : availability) {
        tasks.complete(task.getId(), Map.of("availabilityAnswer", "available"));
      }
      awaitTasks(programme, "Task_RequestReprogramming", DEPARTMENTS.size());
      long executing = System.nanoTime();
      long total = (sent - start) / 1_000_000;
      openAndApprove.add(total);
      report.append("| ").append(semester).append(" | ").append(ms(start, opened)).append(" | ")
          .append(ms(opened, drafted)).append(" | ").append(ms(drafted, approved)).append(" | ")
          .append(ms(approved, sent)).append(" | **").append(total).append("** | ").append(ms(sent, executing))
          .append(" |\n");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_item i JOIN maintenance_programme p "
          + "ON p.id = i.programme_id WHERE p.semester = ?", Long.class, semester)).isEqualTo(units);
      runtime.deleteProcessInstance(programme.getId(), "benchmark");
    }
    openAndApprove.sort(Long::compare);
    report.append("\nMedian open + approve: ").append(openAndApprove.get(openAndApprove.size() / 2)).append(" ms\n");
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/maintenance.md"), report);
    System.out.println(report);
  }

  private Task only(ProcessInstance programme, String activity) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(programme.getId()).taskDefinitionKey(activity).list();
    assertThat(found).as(activity).hasSize(1);
    return found.get(0);
  }

  private List<Task> awaitTasks(ProcessInstance programme, String activity, int count) throws InterruptedException {
    for (int tries = 0; tries < 6000; tries++) {
      List<Task> found = tasks.createTaskQuery().processInstanceId(programme.getId()).taskDefinitionKey(activity)
          .list();
      if (found.size() >= count) {
        return found;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(activity + " did not open within 60 s");
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
