package org.mesadeayuda.maintenance;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface MaintenanceProgrammeRepository extends ListCrudRepository<MaintenanceProgramme, Long> {

  Optional<MaintenanceProgramme> findBySemester(String semester);

  List<MaintenanceProgramme> findAllByOrderBySemesterDesc();
}
