package org.mesadeayuda.platform;

/**
 * A unit of equipment left service (replaced or decommissioned). Published by the equipment procedures, heard by any
 * procedure that keeps something on that unit (installed software and its licence seats), within the same
 * transaction, so both registers change together.
 *
 * @param assetTag the unit's inventory code
 * @param reason why, in Spanish, for the records
 */
public record AssetRetired(String assetTag, String reason) {}
