package org.mesadeayuda.operations;

import jakarta.servlet.Filter;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Who reads the actuator: the administrators and the group {@value #MONITORING_GROUP} (README "Metrics and health"). */
@Configuration
public class OperationsConfiguration {

  /** The group of the monitoring account Prometheus scrapes with: no Tasklist, no tasks, only the actuator. */
  public static final String MONITORING_GROUP = "monitoreo";
  /** The role the actuator's {@code show-details: when-authorized} asks for. */
  static final String MONITORING_ROLE = "monitoring";

  @Bean
  FilterRegistrationBean<Filter> actuatorAccess(IdentityService identityService,
      @Value("${mesa.metrics.groups:camunda-admin,monitoreo}") List<String> groups) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ActuatorAccessFilter(identityService, groups));
    registration.setName("actuator-access");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    return registration;
  }

  /** Creates the monitoring group when the identity is the application's own (the directory has its own groups). */
  @Bean
  @Order(2)
  ApplicationRunner monitoringGroup(IdentityService identityService) {
    return (ApplicationArguments args) -> {
      if (identityService.isReadOnly()
          || identityService.createGroupQuery().groupId(MONITORING_GROUP).count() > 0) {
        return;
      }
      Group group = identityService.newGroup(MONITORING_GROUP);
      group.setName("Monitoreo (Prometheus)");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
    };
  }
}
