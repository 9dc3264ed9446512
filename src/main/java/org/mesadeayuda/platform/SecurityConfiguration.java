package org.mesadeayuda.platform;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Camunda's REST API is open by default. Both it and our own API require HTTP Basic against the engine's identity
 * service; the authenticated user is set on the engine for the request, so engine authorizations apply to it.
 */
@Configuration
public class SecurityConfiguration {

  static final String ENGINE_REST_PATH = "/engine-rest";
  static final String OWN_API_PATH = "/api";

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    return basicAuthentication("engine-rest-authentication", ENGINE_REST_PATH);
  }

  @Bean
  FilterRegistrationBean<Filter> ownApiAuthentication() {
    return basicAuthentication("api-authentication", OWN_API_PATH);
  }

  private static FilterRegistrationBean<Filter> basicAuthentication(String name, String path) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addUrlPatterns(path + "/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, path);
    registration.setAsyncSupported(true);
    return registration;
  }
}
