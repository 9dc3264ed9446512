package org.mesadeayuda.maintenance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the draft programme is proposed and how the indicator is judged.
 *
 * @param unitsPerWeek how many units the team can maintain in a week; the draft spreads the inventory accordingly
 * @param firstWeekAfterDays the draft's first week starts at least this many days after it is proposed, leaving time
 *     for approval and the departments' answers
 * @param unassignedDepartment the department of units the register has no department for (the loaner pool)
 * @param compliancePercentTarget the indicator's target (PM-4: 80 %)
 * @param qualityDeliveryBusinessDays business days of the following month to deliver the indicator (PM-4: 10)
 */
@ConfigurationProperties("mesa.maintenance")
public record MaintenanceProperties(
    @DefaultValue("10") int unitsPerWeek,
    @DefaultValue("14") int firstWeekAfterDays,
    @DefaultValue("tecnologia") String unassignedDepartment,
    @DefaultValue("80") int compliancePercentTarget,
    @DefaultValue("10") int qualityDeliveryBusinessDays) {}
