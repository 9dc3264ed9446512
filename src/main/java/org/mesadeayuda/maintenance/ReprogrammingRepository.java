package org.mesadeayuda.maintenance;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface ReprogrammingRepository extends ListCrudRepository<MaintenanceReprogramming, Long> {

  List<MaintenanceReprogramming> findByProgrammeIdOrderByRecordedAtAscIdAsc(Long programmeId);

  long countByItemId(Long itemId);
}
