-- SR-12: the one-time links of the "ticket finalizado" e-mail that open the rating page without a login. Only the
-- SHA-256 of a token is kept (the token has 256 random bits, so a plain hash is enough): whoever reads this table or a
-- backup cannot rate in anybody's name. A token serves one case, once, until the rating timer ends.
CREATE TABLE portal_rating_token (
  token_hash          CHAR(64)     NOT NULL PRIMARY KEY,
  case_number         VARCHAR(64)  NOT NULL,
  process_instance_id VARCHAR(64)  NOT NULL,
  requester           VARCHAR(255),
  issued_at           TIMESTAMP    NOT NULL,
  expires_at          TIMESTAMP    NOT NULL,
  -- when it was used, or replaced by the link of a later "ticket finalizado" e-mail of the same case
  used_at             TIMESTAMP,
  replaced_at         TIMESTAMP
);

CREATE INDEX ix_portal_rating_token_case ON portal_rating_token (case_number);
