package org.mesadeayuda.remoteaccess;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface RemoteAccessGrantRepository extends ListCrudRepository<RemoteAccessGrant, Long> {

  Optional<RemoteAccessGrant> findByWorkOrder(String workOrder);

  List<RemoteAccessGrant> findAllByOrderByIdDesc();
}
