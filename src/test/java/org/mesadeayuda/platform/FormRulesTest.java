package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.junit.jupiter.api.Test;

/** The form-js rules the engine applies to a completion, on one small form (no engine needed). */
class FormRulesTest {

  static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

  static final FormRules FORM = FormRules.parse("""
      {"id": "prueba", "type": "default", "components": [
        {"key": "summary", "label": "Resumen", "type": "textarea", "validate": {"required": true, "maxLength": 100}},
        {"key": "outcome", "label": "Resultado", "type": "radio", "validate": {"required": true},
         "values": [{"label": "Resuelto", "value": "solved"}, {"label": "Temporal", "value": "temporary"}]},
        {"key": "agreedAt", "label": "Fecha acordada", "type": "datetime", "validate": {"required": true},
         "conditional": {"hide": "=outcome != \\"temporary\\""}},
        {"key": "confirmed", "label": "Confirmo lo hecho", "type": "checkbox", "validate": {"required": true}},
        {"key": "days", "label": "Días", "type": "number", "validate": {"min": 1, "max": 20}},
        {"key": "unit", "label": "Equipo", "type": "select", "valuesKey": "units", "validate": {"required": true}},
        {"key": "shown", "label": "Dato del caso", "type": "textfield", "readonly": true,
         "validate": {"required": true, "maxLength": 10}},
        {"type": "group", "label": "Contacto", "components": [
          {"key": "contact", "label": "Correo", "type": "textfield",
           "validate": {"validationType": "email", "maxLength": 200}}]}
      ]}""".getBytes(StandardCharsets.UTF_8));

  @Test
  void aCompleteSubmissionPasses() {
    assertThat(FORM.check(valid(), FEEL)).isEmpty();
  }

  @Test
  void eachMissingOrInvalidFieldIsNamed() {
    Map<String, Object> values = new HashMap<>();
    values.put("summary", "  ");
    values.put("confirmed", false);
    values.put("days", 21);
    values.put("contact", "no-es-correo");
    values.put("units", List.of(Map.of("label", "PC-1", "value", "INV-1")));
    values.put("unit", "INV-9");

    assertThat(FORM.check(values, FEEL)).containsExactly(
        new FieldProblem("confirmed", "debe marcarse"),
        new FieldProblem("contact", "no es un correo electrónico válido"),
        new FieldProblem("days", "debe ser como máximo 20"),
        new FieldProblem("outcome", "es obligatorio"),
        new FieldProblem("summary", "es obligatorio"),
        new FieldProblem("unit", "«INV-9» no está entre las opciones de la lista"));
  }

  @Test
  void aFieldHiddenByItsConditionIsRequiredOnlyWhenShown() {
    Map<String, Object> temporary = valid();
    temporary.put("outcome", "temporary");
    assertThat(FORM.check(temporary, FEEL)).containsExactly(new FieldProblem("agreedAt", "es obligatorio"));

    temporary.put("agreedAt", "2026-12-07T10:00");
    assertThat(FORM.check(temporary, FEEL)).isEmpty();
  }

  @Test
  void aDynamicSelectOffersTheCaseListAndNothingWithoutIt() {
    Map<String, Object> values = valid();
    values.put("units", "[{\"label\": \"PC-2\", \"value\": \"INV-2\"}]");
    values.put("unit", "INV-2");
    assertThat(FORM.check(values, FEEL)).isEmpty();

    values.remove("units");
    assertThat(FORM.check(values, FEEL)).extracting(FieldProblem::field).containsExactly("unit");
  }

  @Test
  void readonlyFieldsAreShownNotFilledAndLengthsCanBeLeftToTheLengthGuard() {
    Map<String, Object> values = valid();
    values.put("summary", "s".repeat(101));
    assertThat(FORM.check(values, FEEL, false)).isEmpty();
    assertThat(FORM.check(values, FEEL)).containsExactly(new FieldProblem("summary", "admite hasta 100 caracteres"));
    assertThat(FORM.editableKeys()).doesNotContain("shown").contains("contact", "summary");
  }

  @Test
  void theRefusalNamesEachFieldByItsLabel() {
    assertThat(FORM.describe("No se puede completar «Atender»: revise los campos.", List.of(
        new FieldProblem("summary", "es obligatorio"), new FieldProblem("confirmed", "debe marcarse"))))
        .isEqualTo("No se puede completar «Atender»: revise los campos. Resumen (summary): es obligatorio; "
            + "Confirmo lo hecho (confirmed): debe marcarse.");
  }

  private static Map<String, Object> valid() {
    Map<String, Object> values = new HashMap<>();
    values.put("summary", "Se cambió el cable de red");
    values.put("outcome", "solved");
    values.put("confirmed", true);
    values.put("days", 3);
    values.put("units", List.of(Map.of("label", "PC-1", "value", "INV-1")));
    values.put("unit", "INV-1");
    return values;
  }
}
