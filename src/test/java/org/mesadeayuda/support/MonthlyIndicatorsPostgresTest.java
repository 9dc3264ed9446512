package org.mesadeayuda.support;

import org.mesadeayuda.EmbeddedPostgresServer;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.CalendarProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The monthly indicators on PostgreSQL (timestamps and month boundaries as PostgreSQL stores them). */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({MonthlyIndicators.class, BusinessCalendar.class})
@EnableConfigurationProperties(CalendarProperties.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MonthlyIndicatorsPostgresTest extends MonthlyIndicatorsContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry properties) {
    EmbeddedPostgresServer.register(properties);
  }
}
