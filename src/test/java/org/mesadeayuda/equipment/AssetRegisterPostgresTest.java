package org.mesadeayuda.equipment;

import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.EmbeddedPostgresServer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset register on PostgreSQL (production), on a real server started inside the test JVM, with our Flyway
 * migrations: only the data layer is started, not the engine.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({AssetRegister.class, AssetCsvImport.class})
@EnableConfigurationProperties(InstitutionProperties.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AssetRegisterPostgresTest extends AssetRegisterContract {


  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry properties) {
    EmbeddedPostgresServer.register(properties);
  }
}
