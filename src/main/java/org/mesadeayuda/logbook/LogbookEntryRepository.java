package org.mesadeayuda.logbook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface LogbookEntryRepository extends ListCrudRepository<LogbookEntry, Long> {

  List<LogbookEntry> findByRoundCodeOrderByIdAsc(String roundCode);

  List<LogbookEntry> findByScheduledAtGreaterThanEqualAndScheduledAtLessThanOrderByScheduledAtAscIdAsc(Instant from,
      Instant to);

  @Modifying
  @Query("""
      UPDATE logbook_entry SET status = :status, ups_load_percent = :upsLoad, ups_battery_percent = :upsBattery,
        room_temperature = :temperature, observations = :observations, incident_description = :incident,
        recorded_by = :recordedBy, recorded_at = :recordedAt
      WHERE round_code = :roundCode AND area = :area""")
  int record(@Param("roundCode") String roundCode, @Param("area") String area, @Param("status") String status,
      @Param("upsLoad") Integer upsLoad, @Param("upsBattery") Integer upsBattery,
      @Param("temperature") BigDecimal temperature, @Param("observations") String observations,
      @Param("incident") String incident, @Param("recordedBy") String recordedBy,
      @Param("recordedAt") Instant recordedAt);

  @Modifying
  @Query("UPDATE logbook_entry SET status = 'missed' WHERE round_code = :roundCode AND status = 'pending'")
  int markMissed(@Param("roundCode") String roundCode);
}
