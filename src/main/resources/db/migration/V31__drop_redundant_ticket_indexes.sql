-- Issue 19 (performance): what every ticket writes, made lighter.

-- Two indexes of V2 are the leading column of wider ones that came later and serve the same searches:
-- (opened_at) of ix_support_ticket_opened_first_response (V27), (closed_at) of ix_support_ticket_closed_figures (V27) and
-- ix_support_ticket_month (V7). Every ticket inserted and every closure wrote them for nothing.
DROP INDEX ix_support_ticket_opened_at;
DROP INDEX ix_support_ticket_closed_at;
