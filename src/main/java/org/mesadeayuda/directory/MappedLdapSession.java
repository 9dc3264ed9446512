package org.mesadeayuda.directory;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.List;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Camunda's LDAP identity provider with the directory's group ids translated to the application's ({@link
 * GroupMapping}) on the way in (queries by group id, members of a group) and on the way out (every group read).
 */
class MappedLdapSession extends LdapIdentityProviderSession {

  /**
   * Queries already translated: a query object may run more than once (count, then list), and its ids must be
   * translated only the first time.
   */
  private static final Set<Object> TRANSLATED = Collections.synchronizedSet(
      Collections.newSetFromMap(new WeakHashMap<>()));

  private final GroupMapping mapping;

  MappedLdapSession(LdapConfiguration configuration, GroupMapping mapping) {
    super(configuration);
    this.mapping = mapping;
  }

  @Override
  public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
    if (!TRANSLATED.add(query)) {
      return super.findGroupByQueryCriteria(query);
    }
    if (query.getId() != null) {
      query.groupId(mapping.toDirectory(query.getId()));
    }
    if (query.getIds() != null) {
      query.groupIdIn(Arrays.stream(query.getIds()).map(mapping::toDirectory).toArray(String[]::new));
    }
    return super.findGroupByQueryCriteria(query);
  }

  @Override
  public List<User> findUserByQueryCriteria(LdapUserQueryImpl query) {
    if (TRANSLATED.add(query) && query.getGroupId() != null) {
      query.memberOfGroup(mapping.toDirectory(query.getGroupId()));
    }
    return super.findUserByQueryCriteria(query);
  }

  @Override
  protected GroupEntity transformGroup(SearchResult result) {
    GroupEntity group = super.transformGroup(result);
    group.setId(mapping.fromDirectory(group.getId()));
    return group;
  }
}
