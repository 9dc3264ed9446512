package org.mesadeayuda.software;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface SoftwareRepository extends ListCrudRepository<Software, Long> {

  @Query("SELECT * FROM software WHERE LOWER(name) = LOWER(:name)")
  Optional<Software> findByNameIgnoringCase(@Param("name") String name);
}
