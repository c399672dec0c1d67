-- The rule preview's household profiles: per household, what a cycle's snapshot (src/store/aid/
-- generate.ts SNAPSHOT) computes from its members, people, latest displacement and vulnerabilities,
-- as of a day, and the first later day on which that could differ without a write (a member
-- turning 18 or 60, a dated join, leave, move or vulnerability): `stale_on`. The preview
-- (src/store/aid/previewRules.ts) aggregates these rows instead of joining millions of members and
-- persons. Writes only mark households dirty (statement-level triggers with transition tables: one
-- INSERT per statement, however many rows); the preview recomputes the dirty and stale households
-- first (src/store/aid/householdProfile.ts). A cache: UNLOGGED, rebuilt from the registry at will.
CREATE UNLOGGED TABLE household_profile (
  household_id    uuid PRIMARY KEY,
  org_id          uuid NOT NULL,
  home            text,              -- household.governorate (registration)
  as_of           date NOT NULL,
  stale_on        date,              -- recompute on or after this day; NULL: nothing dated ahead
  size            integer NOT NULL,  -- current members (0: none today; left out of the preview)
  female          integer NOT NULL,
  male            integer NOT NULL,
  f_0_17          integer NOT NULL,
  m_0_17          integer NOT NULL,
  f_18_59         integer NOT NULL,
  m_18_59         integer NOT NULL,
  f_60_plus       integer NOT NULL,
  m_60_plus       integer NOT NULL,
  female_headed   boolean NOT NULL,
  child_headed    boolean NOT NULL,
  elderly_headed  boolean NOT NULL,
  to_governorate  text,              -- the latest displacement as of as_of
  to_site         uuid,
  displaced       boolean NOT NULL,
  vulnerabilities text[] NOT NULL    -- in force: the recorded ones (distinct, sorted), then female_headed, child_headed, elderly_headed
);
CREATE INDEX household_profile_org ON household_profile (org_id);
CREATE INDEX household_profile_stale ON household_profile (stale_on) WHERE stale_on IS NOT NULL;

CREATE UNLOGGED TABLE household_profile_dirty (household_id uuid PRIMARY KEY);

CREATE FUNCTION household_profile_dirty_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO household_profile_dirty SELECT DISTINCT household_id FROM new_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION household_profile_dirty_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO household_profile_dirty SELECT DISTINCT household_id FROM old_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION household_profile_dirty_both() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO household_profile_dirty
    SELECT household_id FROM new_rows UNION SELECT household_id FROM old_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- members, displacements and vulnerabilities name their household
CREATE TRIGGER household_member_profile_ins AFTER INSERT ON household_member REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_new();
CREATE TRIGGER household_member_profile_upd AFTER UPDATE ON household_member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_both();
CREATE TRIGGER household_member_profile_del AFTER DELETE ON household_member REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_old();
CREATE TRIGGER displacement_event_profile_ins AFTER INSERT ON displacement_event REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_new();
CREATE TRIGGER displacement_event_profile_upd AFTER UPDATE ON displacement_event REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_both();
CREATE TRIGGER displacement_event_profile_del AFTER DELETE ON displacement_event REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_old();
CREATE TRIGGER vulnerability_profile_ins AFTER INSERT ON vulnerability REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_new();
CREATE TRIGGER vulnerability_profile_upd AFTER UPDATE ON vulnerability REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_both();
CREATE TRIGGER vulnerability_profile_del AFTER DELETE ON vulnerability REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_old();

-- a household's own row (its organisation, its registration governorate)
CREATE FUNCTION household_profile_dirty_household() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO household_profile_dirty SELECT id FROM old_rows ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO household_profile_dirty SELECT id FROM new_rows ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER household_profile_ins AFTER INSERT ON household REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_household();
CREATE TRIGGER household_profile_upd AFTER UPDATE ON household REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_household();
CREATE TRIGGER household_profile_del AFTER DELETE ON household REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_household();

-- a person's sex or date of birth: the households they belong or belonged to
CREATE FUNCTION household_profile_dirty_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO household_profile_dirty
    SELECT DISTINCT hm.household_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      JOIN household_member hm ON hm.person_id = n.id
     WHERE n.sex IS DISTINCT FROM o.sex OR n.date_of_birth IS DISTINCT FROM o.date_of_birth
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER person_profile_upd AFTER UPDATE ON person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_profile_dirty_person();

-- every household there is: computed at the first preview
INSERT INTO household_profile_dirty SELECT id FROM household;
