-- Issue 14 (supportflow). The ticket register records three acts the manuals name:
-- SR-9: the first response is the technician starting attention (who, how), not the desk's review; the desk's review
--       keeps its own moment (assigned_at). first_response_at keeps its name and now holds the technician's moment.
-- SR-3: the desk's check of available people and technical resources (002 §3), and what was missing.
-- SR-11, SR-12: the requester's verification of the solution: confirmed, tacit (2 business days of silence) or
--       rejected (the ticket went back to the technician, with the reason).
ALTER TABLE support_ticket ADD COLUMN assigned_at TIMESTAMP;
ALTER TABLE support_ticket ADD COLUMN first_response_by VARCHAR(64);
ALTER TABLE support_ticket ADD COLUMN first_response_channel VARCHAR(20);
ALTER TABLE support_ticket ADD COLUMN resources_available BOOLEAN;
ALTER TABLE support_ticket ADD COLUMN resources_missing VARCHAR(2000);
ALTER TABLE support_ticket ADD COLUMN resources_checked_at TIMESTAMP;
ALTER TABLE support_ticket ADD COLUMN resources_checked_by VARCHAR(64);
ALTER TABLE support_ticket ADD COLUMN verification VARCHAR(20);
ALTER TABLE support_ticket ADD COLUMN verified_at TIMESTAMP;
ALTER TABLE support_ticket ADD COLUMN verification_reason VARCHAR(2000);
