-- One counter per case prefix (SOP, EQP, ...) and year: ticket numbers such as SOP-2026-000042.
CREATE TABLE ticket_counter (
  prefix       VARCHAR(10) NOT NULL,
  counter_year INTEGER     NOT NULL,
  last_number  BIGINT      NOT NULL,
  CONSTRAINT pk_ticket_counter PRIMARY KEY (prefix, counter_year)
);
