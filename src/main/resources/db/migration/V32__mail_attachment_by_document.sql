-- Issue 19 (performance): what every ticket writes, made lighter.

-- A queued e-mail that carries a document the procedure has just kept (generated_document) points at it instead of
-- holding a second copy of its bytes until it is sent. Documents are the case's record and are never deleted, so the
-- row always finds its file; other files (a spreadsheet) are still kept here. The check keeps a row from having neither.
ALTER TABLE mail_outbox_attachment ADD COLUMN document_id BIGINT;
ALTER TABLE mail_outbox_attachment ALTER COLUMN content DROP NOT NULL;
ALTER TABLE mail_outbox_attachment ADD CONSTRAINT ck_mail_outbox_attachment_file
  CHECK (content IS NOT NULL OR document_id IS NOT NULL);
