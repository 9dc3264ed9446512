package org.mesadeayuda.software;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface InstallationRepository extends ListCrudRepository<Installation, Long> {

  @Query("SELECT * FROM installation WHERE asset_tag = :assetTag AND removed_at IS NULL ORDER BY installed_at")
  List<Installation> findInstalledOn(@Param("assetTag") String assetTag);

  @Query("SELECT * FROM installation WHERE software_id = :softwareId AND removed_at IS NULL ORDER BY installed_at")
  List<Installation> findInstalled(@Param("softwareId") Long softwareId);
}
