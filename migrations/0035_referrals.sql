-- The service directory and referrals between organisations. A service is what an organisation
-- offers (physiotherapy, prosthetics, psychosocial support, cash, legal documents...), where and how
-- many a month, with an office to contact. A referral sends a case's need to a service, usually of
-- another organisation, carrying only the fields the case's consent allows (the list is fixed when
-- sent; the consent is checked again at every read, so withdrawn or expired consent hides them).
CREATE TABLE service (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id             uuid NOT NULL REFERENCES organisation(id),
  type               text NOT NULL CHECK (type IN ('physiotherapy','prosthetics','psychosocial_support','cash','legal_documents','other')),
  name               text NOT NULL,
  governorates       text[] NOT NULL CHECK (cardinality(governorates) >= 1),
  capacity_per_month integer CHECK (capacity_per_month >= 0),   -- NULL: not stated
  contact_office     text NOT NULL,                              -- an office or desk, never a private person
  contact_phone      text,                                       -- the office's line
  active             boolean NOT NULL DEFAULT true,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_type ON service (type, active);
CREATE INDEX service_org ON service (org_id);

CREATE TABLE referral (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id       uuid NOT NULL REFERENCES case_file(id),
  service_id    uuid NOT NULL REFERENCES service(id),
  from_org      uuid NOT NULL REFERENCES organisation(id),
  to_org        uuid NOT NULL REFERENCES organisation(id),
  sensitive     boolean NOT NULL,                 -- the case's: then only the receiving case supervisors see it
  urgency       text NOT NULL CHECK (urgency IN ('routine','urgent','emergency')),
  need          text,                             -- shown to the receiving side only if 'need' is in fields
  fields        text[] NOT NULL,                  -- what the consent allowed when sent: name, age_band, sex, need
  status        text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent','accepted','declined','completed')),
  decline_reason text,
  outcome       text,
  outcome_date  date,
  sent_by       uuid NOT NULL REFERENCES app_user(id),
  sent_at       timestamptz NOT NULL DEFAULT now(),
  answered_by   uuid REFERENCES app_user(id),
  answered_at   timestamptz,
  reported_by   uuid REFERENCES app_user(id),
  reported_at   timestamptz,
  version       integer NOT NULL DEFAULT 1,
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
  CHECK ((status = 'completed') = (outcome IS NOT NULL))
);
CREATE INDEX referral_case ON referral (case_id);
CREATE INDEX referral_in ON referral (to_org, status, sent_at);
