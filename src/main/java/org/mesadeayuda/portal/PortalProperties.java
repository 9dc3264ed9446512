package org.mesadeayuda.portal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff's portal ("Mis solicitudes").
 *
 * @param url the portal's address as people reach it, for the links in e-mails (ends with {@code /portal/})
 * @param procedures the processes whose cases are a person's requests, listed when she started them or is their
 *     requester; the desk's own routines (maintenance, logbook, reports) are not requests and are left out
 * @param maxListed how many requests the list shows at most (the newest); older ones are found by their number
 */
@ConfigurationProperties("mesa.portal")
public record PortalProperties(
    @DefaultValue("http://localhost:8080/portal/") String url,
    @DefaultValue({"support-request", "equipment-failure", "software-installation", "software-declaration",
        "information-backup", "email-account", "remote-access", "specialised-request"}) List<String> procedures,
    @DefaultValue("200") int maxListed) {

  public PortalProperties {
    url = url.endsWith("/") ? url : url + "/";
    procedures = List.copyOf(procedures);
  }
}
