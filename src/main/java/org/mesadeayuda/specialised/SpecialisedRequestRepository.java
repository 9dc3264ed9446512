package org.mesadeayuda.specialised;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface SpecialisedRequestRepository extends ListCrudRepository<SpecialisedRequest, Long> {

  Optional<SpecialisedRequest> findByCaseNumber(String caseNumber);

  List<SpecialisedRequest> findByRequestedAtGreaterThanEqualAndRequestedAtLessThanOrderByRequestedAtAsc(Instant from,
      Instant to);

  @Modifying
  @Query("""
      UPDATE specialised_request SET status = :status, kind = :kind, classification_notes = :notes,
        classified_by = :classifiedBy, classified_at = :classifiedAt, closed_at = :closedAt
      WHERE case_number = :caseNumber""")
  int recordClassification(@Param("caseNumber") String caseNumber, @Param("status") String status,
      @Param("kind") String kind, @Param("notes") String notes, @Param("classifiedBy") String classifiedBy,
      @Param("classifiedAt") Instant classifiedAt, @Param("closedAt") Instant closedAt);

  @Modifying
  @Query("""
      UPDATE specialised_request SET status = :status, decided_by = :decidedBy, decided_at = :decidedAt,
        refusal_reason = :refusalReason, closed_at = :closedAt
      WHERE case_number = :caseNumber""")
  int recordDecision(@Param("caseNumber") String caseNumber, @Param("status") String status,
      @Param("decidedBy") String decidedBy, @Param("decidedAt") Instant decidedAt,
      @Param("refusalReason") String refusalReason, @Param("closedAt") Instant closedAt);

  @Modifying
  @Query("""
      UPDATE specialised_request SET status = 'information_requested', decided_by = :decidedBy,
        decided_at = :decidedAt, information_requests = information_requests + 1, last_question = :question
      WHERE case_number = :caseNumber""")
  int recordQuestion(@Param("caseNumber") String caseNumber, @Param("decidedBy") String decidedBy,
      @Param("decidedAt") Instant decidedAt, @Param("question") String question);

  @Modifying
  @Query("UPDATE specialised_request SET status = 'classified', last_answer = :answer WHERE case_number = :caseNumber")
  int recordAnswer(@Param("caseNumber") String caseNumber, @Param("answer") String answer);

  @Modifying
  @Query("""
      UPDATE specialised_request SET status = 'planned', technician = :technician,
        human_resources_checked = :humanResources, technical_resources_checked = :technicalResources,
        resources_detail = :resourcesDetail, planned_start = :plannedStart, planned_end = :plannedEnd,
        planned_by = :plannedBy, planned_at = :plannedAt
      WHERE case_number = :caseNumber""")
  int recordPlan(@Param("caseNumber") String caseNumber, @Param("technician") String technician,
      @Param("humanResources") boolean humanResources, @Param("technicalResources") boolean technicalResources,
      @Param("resourcesDetail") String resourcesDetail, @Param("plannedStart") LocalDate plannedStart,
      @Param("plannedEnd") LocalDate plannedEnd, @Param("plannedBy") String plannedBy,
      @Param("plannedAt") Instant plannedAt);

  @Modifying
  @Query("""
      UPDATE specialised_request SET status = 'delivered', delivery_summary = :summary, delivered_by = :deliveredBy,
        delivered_at = :deliveredAt, closed_at = :deliveredAt
      WHERE case_number = :caseNumber""")
  int recordDelivery(@Param("caseNumber") String caseNumber, @Param("summary") String summary,
      @Param("deliveredBy") String deliveredBy, @Param("deliveredAt") Instant deliveredAt);

  /** A case that ends before its own end (deleted, its ticket cancelled): what was still open is cancelled. */
  @Modifying
  @Query("""
      UPDATE specialised_request SET status = 'cancelled', closed_at = :closedAt
      WHERE case_number = :caseNumber AND status NOT IN ('refused', 'delivered', 'cancelled')""")
  int cancelIfOpen(@Param("caseNumber") String caseNumber, @Param("closedAt") Instant closedAt);
}
