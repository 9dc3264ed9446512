package org.mesadeayuda.report;

import org.camunda.bpm.engine.HistoryService;
import org.mesadeayuda.EmbeddedPostgresServer;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.CalendarProperties;
import org.mockito.Answers;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report's queries and register on PostgreSQL (timestamps, booleans, decimals and month boundaries as
 * PostgreSQL stores them). No engine here: the equipment-failure cases, read from the engine's history, count none.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({MonthlyReport.class, MonthlyReportRegister.class, BusinessCalendar.class})
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@EnableConfigurationProperties(CalendarProperties.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MonthlyReportPostgresTest extends MonthlyReportContract {

  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS) HistoryService historyService;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry properties) {
    EmbeddedPostgresServer.register(properties);
  }
}
