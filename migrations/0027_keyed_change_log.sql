-- The change log keyed and anchored (docs/decisions/0024-database-roles.md, docs/DATABASE.md).
--
-- From the seq recorded here on, each row's hash is HMAC-SHA256(chain key, prev_hash || row text)
-- instead of sha256(prev_hash || row text). The chain key is derived from the server's secret key
-- (never stored in the database); every connection of the server carries it in the setting
-- sanad.chain_key (the inner and outer padded keys, hex), and the trigger refuses to chain a row
-- without it. Rows written before keep their plain hashes: the first keyed row's HMAC covers the
-- hash of the row before it, so the older rows cannot be re-hashed either without the key.
CREATE TABLE change_log_keying (
  one       boolean PRIMARY KEY DEFAULT true CHECK (one),
  from_seq  bigint NOT NULL CHECK (from_seq >= 1),
  key_id    text            -- which key (src/access/chainKey.ts), set at the first start after this migration
);
INSERT INTO change_log_keying (from_seq) SELECT seq + 1 FROM change_log_head;

-- The trigger runs as the owner (SECURITY DEFINER): the application's role needs no right on
-- change_log_head or change_log_keying, only INSERT and SELECT on change_log.
CREATE OR REPLACE FUNCTION change_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE
  h change_log_head;
  keyed_from bigint;
  k text;
  msg bytea;
BEGIN
  UPDATE change_log_head SET seq = seq + 1 WHERE one RETURNING * INTO h;
  NEW.seq := h.seq;
  NEW.at := clock_timestamp();
  -- RETURNING gives the row after this update, which changed seq only: h.hash is the previous hash.
  NEW.prev_hash := h.hash;
  msg := NEW.prev_hash || convert_to(change_log_row_text(NEW), 'UTF8');
  SELECT from_seq INTO keyed_from FROM change_log_keying WHERE one;
  IF keyed_from IS NULL OR NEW.seq < keyed_from THEN
    NEW.hash := sha256(msg);
  ELSE
    k := current_setting('sanad.chain_key', true);
    IF k IS NULL OR length(k) <> 256 OR k ~ '[^0-9a-f]' THEN
      RAISE EXCEPTION 'the change log is keyed: this connection has no chain key (sanad.chain_key)';
    END IF;
    NEW.hash := sha256(decode(substr(k, 129, 128), 'hex') || sha256(decode(substr(k, 1, 128), 'hex') || msg));
  END IF;
  UPDATE change_log_head SET hash = NEW.hash WHERE one;
  RETURN NEW;
END $$;

-- Anchors: the head of the chain at a moment, signed with the anchor key (Ed25519, derived from the
-- server's secret key). `sanad audit anchor` stores one here and writes it to a file to keep
-- elsewhere; `sanad audit verify` compares the chain with them. Only a copy kept outside the
-- database reveals a restored older backup (the backup holds the older anchors too).
CREATE TABLE change_log_anchor (
  seq          bigint NOT NULL CHECK (seq >= 0),
  hash         bytea NOT NULL,
  at           timestamptz,            -- the time of the row at seq (NULL for an empty log)
  keyed_from   bigint NOT NULL,
  anchored_at  timestamptz NOT NULL,
  public_key   bytea NOT NULL,
  signature    bytea NOT NULL,
  actor_id     uuid REFERENCES app_user(id),
  PRIMARY KEY (anchored_at, seq)
);

-- Work that needs the owner of a table, for the application's role (which owns nothing): fresh
-- statistics for a cycle's snapshot, and the new block ranges of the entitlements' BRIN index.
CREATE FUNCTION sanad_analyze_cycle_household() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
BEGIN
  ANALYZE cycle_household;
END $$;

CREATE FUNCTION sanad_summarize_entitlements() RETURNS integer LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
  SELECT brin_summarize_new_values('entitlement_point'::regclass)
$$;
