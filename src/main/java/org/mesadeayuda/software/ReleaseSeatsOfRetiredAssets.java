package org.mesadeayuda.software;

import org.mesadeayuda.platform.AssetRetired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Equipment that leaves service takes no licence seats with it: its installations end and their seats are free. */
@Component
public class ReleaseSeatsOfRetiredAssets {

  private final LicenceRegister register;
  private final InstallationRepository installations;

  public ReleaseSeatsOfRetiredAssets(LicenceRegister register, InstallationRepository installations) {
    this.register = register;
    this.installations = installations;
  }

  @EventListener
  public void on(AssetRetired retired) {
    installations.findInstalledOn(retired.assetTag())
        .forEach(installed -> register.uninstall(installed.id(), retired.reason()));
  }
}
