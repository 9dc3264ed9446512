package org.mesadeayuda.equipment;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface AssetEventRepository extends ListCrudRepository<AssetEvent, Long> {

  @Query("SELECT * FROM asset_event WHERE LOWER(asset_tag) = LOWER(:assetTag) ORDER BY recorded_at, id")
  List<AssetEvent> findByAssetTag(@Param("assetTag") String assetTag);
}
