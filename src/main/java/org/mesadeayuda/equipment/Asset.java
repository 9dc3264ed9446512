package org.mesadeayuda.equipment;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One unit of the asset register (EF-2): what it is, where, whose, owned or leased, who provides or leases it and
 * until when its warranty runs. Loaner units (EF-4) are flagged {@code loaner}; while lent, {@code loanedTo} and
 * {@code loanCase} say to whom and for which case.
 */
public record Asset(
    @Id Long id,
    String assetTag,
    String equipmentType,
    String brand,
    String model,
    String serialNumber,
    String department,
    String location,
    String assignedUser,
    String ownership,
    String providerName,
    String providerEmail,
    String contractNumber,
    LocalDate warrantyEndDate,
    String status,
    boolean loaner,
    String loanedTo,
    String loanCase,
    @Version Integer version) {

  public static final Set<String> OWNERSHIPS = Set.of("owned", "leased");
  public static final Map<String, String> TYPES = Map.of(
      "desktop", "Computadora de escritorio", "laptop", "Computadora portátil", "printer", "Impresora",
      "ups", "UPS", "switch", "Switch", "phone", "Teléfono", "projector", "Proyector", "other", "Otro");
  public static final String IN_SERVICE = "in_service";
  public static final String IN_REPAIR = "in_repair";
  public static final String ON_LOAN = "on_loan";
  public static final String REPLACED = "replaced";
  public static final String DECOMMISSIONED = "decommissioned";
  public static final Set<String> STATUSES = Set.of(IN_SERVICE, IN_REPAIR, ON_LOAN, REPLACED, DECOMMISSIONED);

  /** The same unit with the register's identity (id, version) of an existing row: an update, not a new unit. */
  Asset replacing(Asset existing) {
    return new Asset(existing.id(), assetTag, equipmentType, brand, model, serialNumber, department, location,
        assignedUser, ownership, providerName, providerEmail, contractNumber, warrantyEndDate, status, loaner,
        existing.loanedTo(), existing.loanCase(), existing.version());
  }
}
