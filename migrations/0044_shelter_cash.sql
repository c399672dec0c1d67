-- Reconstruction (#16): transitional shelter cash paid month by month, as ledger rows beside
-- tranche_payment (docs/decisions/0028-tranche-payments.md). A plan's month stands once (the
-- primary key, not code: concurrent payment runs insert it once) and a row is never updated or
-- deleted. The plan keeps why its shelter cash ended: its last tranche was released, or its
-- household moved into a habitable unit (recorded through occupancy).
CREATE TABLE shelter_cash_payment (
  case_id      uuid NOT NULL REFERENCES reconstruction_plan(case_id),
  month        date NOT NULL CHECK (extract(day FROM month) = 1),   -- the first day of the month paid
  org_id       uuid NOT NULL REFERENCES organisation(id),
  governorate  text NOT NULL REFERENCES governorate(pcode),
  unit_id      uuid NOT NULL REFERENCES housing_unit(id),
  amount       numeric(12,2) NOT NULL CHECK (amount > 0),
  paid_by      uuid NOT NULL REFERENCES app_user(id),
  paid_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, month)                                        -- once per plan and month
);
CREATE INDEX shelter_cash_payment_place ON shelter_cash_payment (org_id, governorate, month);

CREATE FUNCTION shelter_cash_payment_stands() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'shelter_cash_payment rows are never updated or deleted';
END $$;
CREATE TRIGGER shelter_cash_payment_no_change BEFORE UPDATE OR DELETE ON shelter_cash_payment
  FOR EACH STATEMENT EXECUTE FUNCTION shelter_cash_payment_stands();

ALTER TABLE reconstruction_plan ADD COLUMN shelter_end_reason text CHECK (shelter_end_reason IN ('last_tranche','moved'));
UPDATE reconstruction_plan SET shelter_end_reason = 'last_tranche' WHERE shelter_until IS NOT NULL;
ALTER TABLE reconstruction_plan ADD CONSTRAINT reconstruction_plan_shelter_end CHECK ((shelter_until IS NULL) = (shelter_end_reason IS NULL));
