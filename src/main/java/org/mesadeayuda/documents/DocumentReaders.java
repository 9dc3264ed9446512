package org.mesadeayuda.documents;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may read a document, as the procedure that produced it names them: users (the requester of a ticket, its
 * technician, a department's head) and roles (Camunda groups: Finance, Quality, the head of IT). Nobody else.
 */
public record DocumentReaders(Set<String> users, Set<String> groups) {

  public DocumentReaders {
    users = clean(users);
    groups = clean(groups);
  }

  public static DocumentReaders groups(String... groups) {
    return new DocumentReaders(Set.of(), Set.of(groups));
  }

  /** The same readers and these users too (null or blank ids are left out: a ticket may have no technician yet). */
  public DocumentReaders andUsers(String... users) {
    return new DocumentReaders(Stream.concat(this.users.stream(), Arrays.stream(users)).collect(Collectors.toSet()),
        groups);
  }

  public boolean includes(String userId, Set<String> userGroups) {
    return (userId != null && users.contains(userId)) || userGroups.stream().anyMatch(groups::contains);
  }

  String usersColumn() {
    return String.join(",", users);
  }

  String groupsColumn() {
    return String.join(",", groups);
  }

  static DocumentReaders of(String usersColumn, String groupsColumn) {
    return new DocumentReaders(split(usersColumn), split(groupsColumn));
  }

  private static Set<String> split(String column) {
    return column == null || column.isBlank() ? Set.of() : Set.of(column.split(","));
  }

  private static Set<String> clean(Set<String> ids) {
    return ids == null ? Set.of() : ids.stream().filter(Objects::nonNull).map(String::trim)
        .filter(id -> !id.isEmpty() && !id.contains(",")).collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
