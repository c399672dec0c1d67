-- Complaints and feedback: one ticket spine for every module. A ticket names a person or a
-- household (or nobody: an anonymous suggestion), optionally an object (an entitlement, a
-- redemption, a case...), its channel and category; its deadline follows the category. Sensitive
-- categories (fraud, sexual exploitation and abuse) are seen by the feedback focal points only.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
  CHECK (role IN ('administrator','registration_officer','caseworker','site_manager','distribution_officer','analyst','auditor','case_supervisor','feedback_focal_point'));

CREATE TABLE ticket (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organisation(id),
  governorate   text NOT NULL REFERENCES governorate(pcode),
  channel       text NOT NULL CHECK (channel IN ('hotline','desk','outreach','suggestion_box','other_organisation')),
  category      text NOT NULL CHECK (category IN ('information_request','missed_assistance','data_correction','complaint_about_staff','other','fraud','sexual_exploitation_abuse')),
  sensitive     boolean NOT NULL,
  person_id     uuid REFERENCES person(id),
  household_id  uuid REFERENCES household(id),
  object_kind   text CHECK (object_kind IN ('entitlement','redemption','case','household_card')),
  object_id     uuid,
  description   text NOT NULL,
  status        text NOT NULL DEFAULT 'new' CHECK (status IN ('new','assigned','in_progress','on_hold','for_approval','closed')),
  assigned_to   uuid REFERENCES app_user(id),
  answer        text,
  proposed_by   uuid REFERENCES app_user(id),
  answered_at   timestamptz,
  due_at        timestamptz NOT NULL,
  created_by    uuid REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  closed_at     timestamptz,
  version       integer NOT NULL DEFAULT 1,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((object_kind IS NULL) = (object_id IS NULL))
);
CREATE INDEX ticket_queue ON ticket (org_id, governorate, status, due_at);
CREATE INDEX ticket_person ON ticket (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE ticket_event (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket_id  uuid NOT NULL REFERENCES ticket(id),
  action     text NOT NULL,
  note       text,
  actor_id   uuid REFERENCES app_user(id),
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_event_ticket ON ticket_event (ticket_id, at);
