-- Issue 18 (dashboard): the managers' dashboard reads the ticket register live. Open tickets are few and found by
-- ix_support_ticket_closed_at (closed_at IS NULL); the month's figures and the twelve-month trend read every ticket
-- closed (or opened) in the period, so each is answered from an index that holds all the columns it counts, without
-- reading the table (100,000 finished tickets: well under 300 ms).

-- conformity, satisfaction and the trend, for the whole institution
CREATE INDEX ix_support_ticket_closed_figures ON support_ticket (closed_at, department, sla_status, satisfaction);
-- the same for a head, who sees her department only
CREATE INDEX ix_support_ticket_department_closed ON support_ticket (department, closed_at, sla_status, satisfaction);
-- first response within its target, of the tickets opened in the month
CREATE INDEX ix_support_ticket_opened_first_response ON support_ticket
  (opened_at, department, first_response_breached, first_response_at, first_response_due);
-- a programme's progress per department (the existing index leads with the planned week)
CREATE INDEX ix_maintenance_item_department ON maintenance_item (programme_id, department, status);
