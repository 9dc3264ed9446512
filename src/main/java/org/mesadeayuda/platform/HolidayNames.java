package org.mesadeayuda.platform;

import java.util.Map;

/** Spanish names of the holidays of the institutions' countries, by the holiday library's key (it ships no Spanish). */
final class HolidayNames {

  private static final Map<String, String> SPANISH = Map.ofEntries(
      Map.entry("NEW_YEAR", "Año Nuevo"),
      Map.entry("EPIPHANY", "Día de los Reyes Magos"),
      Map.entry("ST_JOSEPH", "Día de San José"),
      Map.entry("christian.MAUNDY_THURSDAY", "Jueves Santo"),
      Map.entry("christian.GOOD_FRIDAY", "Viernes Santo"),
      Map.entry("christian.EASTER_SATURDAY", "Sábado Santo"),
      Map.entry("christian.EASTER", "Domingo de Resurrección"),
      Map.entry("christian.ASCENSION_DAY", "Día de la Ascensión"),
      Map.entry("christian.CORPUS_CHRISTI", "Corpus Christi"),
      Map.entry("christian.SACRED_HEART", "Sagrado Corazón"),
      Map.entry("LABOUR_DAY", "Día del Trabajo"),
      Map.entry("ST_PETER_PAUL", "San Pedro y San Pablo"),
      Map.entry("ARMY_DAY", "Día del Ejército"),
      Map.entry("INDEPENDENCE_DAY", "Día de la Independencia"),
      Map.entry("BOYACA", "Batalla de Boyacá"),
      Map.entry("ASSUMPTION_MARY", "Asunción de la Virgen"),
      Map.entry("COLUMBUS_DAY", "Día de la Raza"),
      Map.entry("REVOLUTION_DAY", "Día de la Revolución"),
      Map.entry("ALL_SAINTS", "Día de Todos los Santos"),
      Map.entry("CARTAGENA", "Independencia de Cartagena"),
      Map.entry("IMMACULATE_CONCEPTION", "Inmaculada Concepción"),
      Map.entry("CHRISTMAS", "Navidad"),
      Map.entry("HEROES", "Día de los Héroes"),
      Map.entry("CHACO_ARMISTICE", "Paz del Chaco"),
      Map.entry("FOUNDING_ASUNCION", "Fundación de Asunción"),
      Map.entry("VICTORY", "Victoria de Boquerón"));

  private HolidayNames() {}

  /** The Spanish name, or the library's own description for a key not listed here. */
  static String spanish(String key, String fallback) {
    return SPANISH.getOrDefault(key, fallback);
  }
}
