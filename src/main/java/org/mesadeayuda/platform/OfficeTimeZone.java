package org.mesadeayuda.platform;

import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The JVM's default time zone is the office's ({@code mesa.calendar.zone}), set before anything starts: the engine
 * reads the cron expressions of timer start events (the weekday logbook round at 08:00, the monthly report on the 1st
 * at 07:00, the ministry follow-up at 09:00) in the default zone, so on a server kept in UTC they would fire at the
 * office's small hours. (Log timestamps keep the zone the logging system started with.) Registered in
 * {@code META-INF/spring.factories}, so every way of starting the application (jar, tests, spring-boot:run) gets it.
 */
public class OfficeTimeZone implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    String zone = event.getEnvironment().getProperty("mesa.calendar.zone");
    if (zone != null && !zone.isBlank()) {
      TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone.trim())));
    }
  }
}
