-- An e-mail that answers a message (the acknowledgement of a request that came by e-mail, SR-1) carries In-Reply-To
-- and References, so mail programs show it in the same conversation. A table beside the outbox: most e-mails have none.
CREATE TABLE mail_outbox_thread (
  -- deleted with its e-mail when the outbox forgets sent e-mails (keep-sent)
  mail_id          BIGINT         NOT NULL PRIMARY KEY REFERENCES mail_outbox (id) ON DELETE CASCADE,
  in_reply_to      VARCHAR(1000)  NOT NULL,
  mail_references  VARCHAR(2000)  NOT NULL
);
