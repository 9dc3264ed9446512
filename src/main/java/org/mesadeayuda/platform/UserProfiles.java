package org.mesadeayuda.platform;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's department (table {@code user_profile}): the identity holds name and e-mail, not where she works. It is
 * learnt the first time she (or the desk for her) chooses it on a start form, and kept: later forms take it from here.
 * Only codes of {@code mesa.institution.departments} are kept.
 */
@Component
public class UserProfiles {

  private final JdbcTemplate jdbc;
  private final InstitutionProperties institution;

  public UserProfiles(JdbcTemplate jdbc, InstitutionProperties institution) {
    this.jdbc = jdbc;
    this.institution = institution;
  }

  /** Her department, when known and still one of the institution's. */
  public Optional<String> department(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    List<String> found = jdbc.queryForList("SELECT department FROM user_profile WHERE user_id = ?", String.class,
        userId);
    return found.stream().filter(code -> code != null && institution.departments().containsKey(code)).findFirst();
  }

  /** Records her department (a code of the institution's departments). */
  public void setDepartment(String userId, String department) {
    if (!institution.departments().containsKey(department)) {
      throw new InvalidInputException("«" + department + "» no es un departamento de la institución.");
    }
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    if (jdbc.update("UPDATE user_profile SET department = ?, updated_at = ? WHERE user_id = ?", department, now,
        userId) == 0) {
      jdbc.update("INSERT INTO user_profile (user_id, department, updated_at) VALUES (?, ?, ?)", userId, department,
          now);
    }
  }
}
