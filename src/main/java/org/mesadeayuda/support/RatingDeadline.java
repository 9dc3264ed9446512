package org.mesadeayuda.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.mesadeayuda.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * How long the requester has to verify and rate before the case closes as "sin respuesta" (SR-12): the manuals give
 * 2 days ("después de dos días", 004 actividad 6), counted in business days. A deadline counted in days ends at the
 * end of its last day (the office's closing time), as the manuals name no hour. Used by the timer of
 * {@code Event_RatingTimeout} as {@code ${ratingDeadline.from(now())}}.
 *
 * <p>{@code mesa.support.rating-time-limit} is either a whole number of business days (the rule; default 2) or an
 * ISO-8601 duration of plain clock time such as {@code PT5S} or {@code PT10M}, for demonstrations and the cluster
 * test, where a ticket must not wait two days for its timer.
 */
@Component("ratingDeadline")
@ExpressionHelper
public class RatingDeadline {

  private final BusinessCalendar calendar;
  private final Integer businessDays;
  private final Duration duration;

  public RatingDeadline(BusinessCalendar calendar,
      @Value("${mesa.support.rating-time-limit:2}") String timeLimit) {
    this.calendar = calendar;
    String limit = timeLimit == null ? "" : timeLimit.trim();
    if (limit.matches("\\d+")) {
      this.businessDays = Integer.valueOf(limit);
      this.duration = null;
    } else {
      this.businessDays = null;
      this.duration = parseDuration(limit);
    }
  }

  /** The moment the time to rate runs out, for a ticket whose rating task opens at {@code start}. */
  public Date from(Date start) {
    if (businessDays == null) {
      return Date.from(start.toInstant().plus(duration));
    }
    // a deadline in days ends at the closing time of its last business day
    return calendar.addBusinessDays(start, businessDays);
  }

  private static Duration parseDuration(String limit) {
    try {
      Duration parsed = Duration.parse(limit);
      if (parsed.isNegative() || parsed.isZero()) {
        throw new IllegalArgumentException("mesa.support.rating-time-limit must be positive: " + limit);
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("mesa.support.rating-time-limit must be a number of business days (2) "
          + "or an ISO-8601 duration (PT5S): " + limit, e);
    }
  }
}
