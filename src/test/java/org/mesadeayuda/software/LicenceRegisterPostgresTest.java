package org.mesadeayuda.software;

import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.CalendarProperties;
import org.mesadeayuda.EmbeddedPostgresServer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The licence register on PostgreSQL, including the seat race, on a real server inside the test JVM. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({LicenceRegister.class, BusinessCalendar.class})
@EnableConfigurationProperties(CalendarProperties.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LicenceRegisterPostgresTest extends LicenceRegisterContract {


  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry properties) {
    EmbeddedPostgresServer.register(properties);
  }
}
