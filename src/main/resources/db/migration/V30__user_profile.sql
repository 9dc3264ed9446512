-- Issue 16 (people): what the application knows about a member of staff besides the identity (Camunda users or the
-- directory): her department, so start forms do not ask it again. Name and e-mail stay in the identity.
CREATE TABLE user_profile (
  user_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
  -- a code of mesa.institution.departments
  department  VARCHAR(64),
  updated_at  TIMESTAMP    NOT NULL
);
