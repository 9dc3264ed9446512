package org.mesadeayuda.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The institution's ceilings on a ticket's deadlines, as its manual states them (README "Institution profiles"):
 * DIACO's 3 business days to attend (SR-8, 001 §4.1), INDUPAL's 12 hours to answer (SR-9, 004 actividad 4). The
 * priority table (request-priority.dmn) gives each priority its own targets; a target above the institution's ceiling
 * is brought down to it, so no priority table edited in the Modeler can promise more time than the manual allows.
 */
@Component
public class SupportTargets {

  private final int maxFirstResponseHours;
  private final int maxResolutionBusinessDays;

  public SupportTargets(@Value("${mesa.support.max-first-response-hours:12}") int maxFirstResponseHours,
      @Value("${mesa.support.max-resolution-business-days:3}") int maxResolutionBusinessDays) {
    if (maxFirstResponseHours < 1 || maxResolutionBusinessDays < 1) {
      throw new IllegalArgumentException("mesa.support.max-first-response-hours y "
          + "mesa.support.max-resolution-business-days deben ser al menos 1");
    }
    this.maxFirstResponseHours = maxFirstResponseHours;
    this.maxResolutionBusinessDays = maxResolutionBusinessDays;
  }

  public int firstResponseHours(int priorityTarget) {
    return Math.min(priorityTarget, maxFirstResponseHours);
  }

  public int resolutionBusinessDays(int priorityTarget) {
    return Math.min(priorityTarget, maxResolutionBusinessDays);
  }

  public int maxFirstResponseHours() {
    return maxFirstResponseHours;
  }

  public int maxResolutionBusinessDays() {
    return maxResolutionBusinessDays;
  }
}
