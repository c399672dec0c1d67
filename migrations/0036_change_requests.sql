-- Data corrections through a ticket: the handler of a data-correction ticket proposes new values for
-- some of a person's registered fields; a second person, who may edit that person, approves or
-- rejects it with a reason. Approval applies it once, through the person edit (the change log entry
-- names the ticket). `base_version` is the person's version when proposed: a request whose person
-- changed since is stale and refused. One request at a time per ticket waits for a decision.
CREATE TABLE change_request (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES organisation(id),
  ticket_id    uuid NOT NULL REFERENCES ticket(id),
  person_id    uuid NOT NULL REFERENCES person(id),
  governorate  text NOT NULL REFERENCES governorate(pcode),
  base_version integer NOT NULL,
  before       jsonb NOT NULL,
  changes      jsonb NOT NULL,
  reason       text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
  status       text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','approved','rejected','withdrawn')),
  proposed_by  uuid NOT NULL REFERENCES app_user(id),
  proposed_at  timestamptz NOT NULL DEFAULT now(),
  decided_by   uuid REFERENCES app_user(id),
  decided_at   timestamptz,
  decision_reason text CHECK (decision_reason IS NULL OR char_length(decision_reason) BETWEEN 1 AND 500),
  CHECK ((status = 'proposed') = (decided_at IS NULL)),
  CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE UNIQUE INDEX change_request_one_open ON change_request (ticket_id) WHERE status = 'proposed';
CREATE INDEX change_request_queue ON change_request (org_id, governorate, proposed_at) WHERE status = 'proposed';
CREATE INDEX change_request_ticket ON change_request (ticket_id, proposed_at);
