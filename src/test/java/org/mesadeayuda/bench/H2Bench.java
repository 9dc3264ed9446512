package org.mesadeayuda.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The benchmark on the default embedded database: an H2 file, new for each run, under target/bench/h2. */
class H2Bench extends SupportRequestBench {

  static final Path FOLDER = Path.of("target/bench/h2");

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry properties) throws IOException {
    if (Files.exists(FOLDER)) {
      try (Stream<Path> files = Files.walk(FOLDER)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    // the settings of the shipped default (application.yaml), WRITE_DELAY=0 included: the benchmark measures them
    properties.add("spring.datasource.url",
        () -> "jdbc:h2:file:./" + FOLDER + "/mesa-de-ayuda;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
  }

  @Override
  String database() {
    return "H2 file";
  }
}
