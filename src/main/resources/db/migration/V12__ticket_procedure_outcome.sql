-- A ticket whose type has its own procedure (backup, e-mail account, password reset, remote access) is attended by
-- that procedure, called with the ticket's number: the ticket records the procedure's outcome code (done, refused,
-- expired, alert, cancelled); the one-sentence summary is the ticket's work done.
ALTER TABLE support_ticket ADD COLUMN procedure_outcome VARCHAR(20);
