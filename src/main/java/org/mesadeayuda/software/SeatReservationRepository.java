package org.mesadeayuda.software;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SeatReservationRepository extends ListCrudRepository<SeatReservation, Long> {

  Optional<SeatReservation> findByCaseNumber(String caseNumber);

  @Query("SELECT case_number FROM seat_reservation ORDER BY case_number")
  List<String> findCaseNumbers();
}
