package org.mesadeayuda.dashboard;

import java.util.Set;

/**
 * Who looks at the dashboard and how much of it: the whole desk (Quality, the Technology Director, the desk) or only
 * the departments a head answers for ({@code mesa.institution.departments.<code>.head-user}).
 *
 * @param departments the department codes she may see; empty when she sees every department
 */
record Viewer(String userId, String role, Set<String> departments) {

  Viewer {
    departments = Set.copyOf(departments);
  }

  static Viewer everything(String userId, String role) {
    return new Viewer(userId, role, Set.of());
  }

  boolean seesAll() {
    return departments.isEmpty();
  }
}
