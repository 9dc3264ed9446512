package org.mesadeayuda.software;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface LicenceRepository extends ListCrudRepository<Licence, Long> {

  List<Licence> findBySoftwareId(Long softwareId);

  /** Valid licences of an entry that still have a free seat, soonest to expire first. */
  @Query("""
      SELECT * FROM licence
      WHERE software_id = :softwareId AND seats_used < seats AND (expires_on IS NULL OR expires_on >= :today)
      ORDER BY CASE WHEN expires_on IS NULL THEN 1 ELSE 0 END, expires_on, id
      """)
  List<Licence> findWithFreeSeats(@Param("softwareId") Long softwareId, @Param("today") LocalDate today);

  /** Takes one seat only if one is still free: two approvals at the same moment cannot both take the last one. */
  @Modifying
  @Query("""
      UPDATE licence SET seats_used = seats_used + 1, version = version + 1
      WHERE id = :licenceId AND seats_used < seats AND (expires_on IS NULL OR expires_on >= :today)
      """)
  int takeSeat(@Param("licenceId") Long licenceId, @Param("today") LocalDate today);

  @Modifying
  @Query("UPDATE licence SET seats_used = seats_used - 1, version = version + 1 WHERE id = :licenceId AND seats_used > 0")
  int releaseSeat(@Param("licenceId") Long licenceId);
}
