package org.mesadeayuda.maintenance;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface MaintenanceItemRepository extends ListCrudRepository<MaintenanceItem, Long> {

  List<MaintenanceItem> findByProgrammeIdOrderByPlannedWeekAscDepartmentAscAssetTagAsc(Long programmeId);

  List<MaintenanceItem> findByProgrammeIdAndDepartmentOrderByPlannedWeekAscAssetTagAsc(Long programmeId,
      String department);

  Optional<MaintenanceItem> findByProgrammeIdAndAssetTag(Long programmeId, String assetTag);

  @Modifying
  @Query("DELETE FROM maintenance_item WHERE programme_id = :programmeId")
  void deleteByProgrammeId(@Param("programmeId") Long programmeId);
}
