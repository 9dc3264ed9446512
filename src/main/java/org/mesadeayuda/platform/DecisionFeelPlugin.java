package org.mesadeayuda.platform;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's decisions {@link DecisionFeel}: Camunda's FEEL engine with each rule's text parsed once (issue
 * 19). Everything else of the decision engine is Camunda's: the process engine still configures it (history, custom
 * functions, legacy FEEL when {@code dmnFeelEnableLegacyBehavior} is set, which keeps Camunda's JUEL-based engine).
 */
@Component
public class DecisionFeelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null) {
      // read when the engine builds its decision engine, after the process engine has set the custom functions
      dmn.setFeelEngineFactory(() -> dmn.isEnableFeelLegacyBehavior()
          ? new FeelEngineFactoryImpl().createInstance()
          : new DecisionFeel(dmn.getFeelCustomFunctionProviders()));
    }
    configuration.setDmnEngineConfiguration(dmn);
  }
}
