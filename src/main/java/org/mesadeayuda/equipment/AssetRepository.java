package org.mesadeayuda.equipment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface AssetRepository extends ListCrudRepository<Asset, Long> {

  /** The unit with this tag, however its case was typed: tags are unique ignoring case ("CSV-E3" is "csv-e3"). */
  @Query("SELECT * FROM asset WHERE LOWER(asset_tag) = LOWER(:assetTag)")
  Optional<Asset> findByAssetTag(@Param("assetTag") String assetTag);

  /** Tags are unique ignoring case ("CSV-E3" is "csv-e3"), as the database's unique index also says. */
  @Query("SELECT COUNT(*) > 0 FROM asset WHERE LOWER(asset_tag) = LOWER(:assetTag)")
  boolean existsByAssetTagIgnoringCase(@Param("assetTag") String assetTag);

  @Query("""
      SELECT * FROM asset
      WHERE (CAST(:text AS VARCHAR(200)) IS NULL OR LOWER(asset_tag) LIKE :text OR LOWER(brand) LIKE :text OR LOWER(model) LIKE :text
             OR LOWER(serial_number) LIKE :text OR LOWER(assigned_user) LIKE :text)
        AND (CAST(:department AS VARCHAR(50)) IS NULL OR department = :department)
        AND (CAST(:equipmentType AS VARCHAR(20)) IS NULL OR equipment_type = :equipmentType)
        AND (CAST(:status AS VARCHAR(20)) IS NULL OR status = :status)
      ORDER BY asset_tag
      LIMIT 500
      """)
  List<Asset> search(@Param("text") String likeText, @Param("department") String department,
      @Param("equipmentType") String equipmentType, @Param("status") String status);

  @Query("""
      SELECT * FROM asset WHERE loaner = TRUE AND status = 'in_service' AND loaned_to IS NULL
      ORDER BY asset_tag
      """)
  List<Asset> findAvailableLoaners();

  /** Units that could replace a failed one: same type, in service, not a loaner, not assigned to anyone. */
  @Query("""
      SELECT * FROM asset
      WHERE equipment_type = :equipmentType AND status = 'in_service' AND loaner = FALSE
        AND assigned_user IS NULL AND asset_tag <> :failedTag
      ORDER BY asset_tag
      """)
  List<Asset> findSpareUnits(@Param("equipmentType") String equipmentType, @Param("failedTag") String failedTag);

  @Modifying
  @Query("UPDATE asset SET status = :status, version = version + 1 WHERE asset_tag = :assetTag")
  int changeStatus(@Param("assetTag") String assetTag, @Param("status") String status);

  /** Lends the unit only if it is still free: of two cases reserving the same unit, one wins. */
  @Modifying
  @Query("""
      UPDATE asset SET status = 'on_loan', loaned_to = :loanedTo, loan_case = :loanCase, version = version + 1
      WHERE asset_tag = :assetTag AND loaner = TRUE AND status = 'in_service' AND loaned_to IS NULL
      """)
  int lend(@Param("assetTag") String assetTag, @Param("loanedTo") String loanedTo, @Param("loanCase") String loanCase);

  @Modifying
  @Query("""
      UPDATE asset SET status = 'in_service', loaned_to = NULL, loan_case = NULL, version = version + 1
      WHERE loan_case = :loanCase AND status = 'on_loan'
      """)
  int returnLoansOf(@Param("loanCase") String loanCase);
}
