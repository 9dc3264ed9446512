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

  /**
   * Units that could replace a failed one: same type, in service, not a loaner, not assigned to anyone and not held
   * for another case.
   */
  @Query("""
      SELECT * FROM asset
      WHERE equipment_type = :equipmentType AND status = 'in_service' AND loaner = FALSE
        AND assigned_user IS NULL AND reserved_for_case IS NULL AND asset_tag <> :failedTag
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

  /**
   * Holds a spare unit for a case (EF-6) only if it is still free: of two cases choosing the same unit, one wins. The
   * hold lasts until the unit replaces the failed one, the Director refuses it or the case ends.
   */
  @Modifying
  @Query("""
      UPDATE asset SET reserved_for_case = :caseNumber, version = version + 1
      WHERE asset_tag = :assetTag AND reserved_for_case IS NULL AND status = 'in_service' AND loaner = FALSE
        AND assigned_user IS NULL
      """)
  int reserveSpare(@Param("assetTag") String assetTag, @Param("caseNumber") String caseNumber);

  /** Whether the unit is still held for the case and still usable as a spare: checked again when it is used. */
  @Query("""
      SELECT COUNT(*) > 0 FROM asset
      WHERE asset_tag = :assetTag AND reserved_for_case = :caseNumber AND status = 'in_service' AND loaner = FALSE
        AND assigned_user IS NULL
      """)
  boolean isSpareHeldFor(@Param("assetTag") String assetTag, @Param("caseNumber") String caseNumber);

  @Query("SELECT asset_tag FROM asset WHERE reserved_for_case = :caseNumber ORDER BY asset_tag")
  List<String> findTagsHeldFor(@Param("caseNumber") String caseNumber);

  @Query("SELECT asset_tag FROM asset WHERE loan_case = :caseNumber AND status = 'on_loan' ORDER BY asset_tag")
  List<String> findTagsLentFor(@Param("caseNumber") String caseNumber);

  @Modifying
  @Query("UPDATE asset SET reserved_for_case = NULL, version = version + 1 WHERE reserved_for_case = :caseNumber")
  int releaseHoldsOf(@Param("caseNumber") String caseNumber);

  /** The cases that hold a spare unit or have a loaner lent: checked against the running cases. */
  @Query("""
      SELECT reserved_for_case FROM asset WHERE reserved_for_case IS NOT NULL
      UNION
      SELECT loan_case FROM asset WHERE loan_case IS NOT NULL AND status = 'on_loan'
      """)
  List<String> findCasesHoldingUnits();
}
