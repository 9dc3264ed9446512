package org.mesadeayuda.platform;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only: moves the engine's clock so a semester or an SLA can be played in minutes. The job executor then fires
 * the timers due by the moved time. Only the administrator may move it; the profile never runs in production.
 */
@Profile("demo")
@RestController
@RequestMapping("/api/demo/clock")
public class DemoClock {

  private static final Logger LOG = LoggerFactory.getLogger(DemoClock.class);

  private final CurrentUser currentUser;
  private final BusinessCalendar calendar;

  public DemoClock(CurrentUser currentUser, BusinessCalendar calendar) {
    this.currentUser = currentUser;
    this.calendar = calendar;
  }

  /** The office time to move to, e.g. {@code {"now": "2027-01-04T09:00"}}. */
  public record Move(LocalDateTime now) {}

  @GetMapping
  public Map<String, Object> now() {
    return Map.of("now", ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()).toLocalDateTime());
  }

  @PutMapping
  public Map<String, Object> move(@RequestBody Move move) {
    currentUser.requireOneOf("solo el administrador mueve el reloj de la demostración");
    if (move.now() == null) {
      throw new InvalidFieldsException(List.of(new FieldProblem("now",
          "es obligatorio: la fecha y hora de oficina, AAAA-MM-DDTHH:MM")));
    }
    // an offset, not a fixed time: the moved clock keeps running, as the job executor and people expect
    long target = move.now().atZone(calendar.zone()).toInstant().toEpochMilli();
    ClockUtil.offset(target - System.currentTimeMillis());
    LOG.warn("Demo clock moved to {} (office time) by {}", move.now(), currentUser.id());
    return now();
  }

  @DeleteMapping
  public Map<String, Object> reset() {
    currentUser.requireOneOf("solo el administrador mueve el reloj de la demostración");
    ClockUtil.reset();
    return now();
  }
}
