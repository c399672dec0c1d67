-- Second factor for staff sign-in: TOTP (RFC 6238) secrets, one-time recovery codes, and the
-- short-lived challenges between the password step and the code step. Secrets are sealed with
-- AES-256-GCM under a key kept outside the database (SANAD_SECRET_KEY or DATA/secret.key), so a
-- dump or backup of the database alone does not give them away.

CREATE TABLE user_totp (
  user_id     uuid PRIMARY KEY REFERENCES app_user(id),
  secret_box  bytea NOT NULL,                 -- iv | tag | ciphertext of the 20-byte secret; user id as associated data
  key_id      bytea NOT NULL,                 -- which secret key sealed it (8 bytes derived from the key)
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  last_step   bigint NOT NULL                 -- last accepted 30 s step: a code is accepted at most once
);

CREATE TABLE recovery_code (
  user_id    uuid NOT NULL REFERENCES app_user(id),
  code_hash  bytea NOT NULL,                  -- sha256 of the normalised 80-bit code; the code is shown once
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at    timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE login_challenge (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash  bytea NOT NULL UNIQUE,          -- sha256 of the challenge token handed to the client
  user_id     uuid NOT NULL REFERENCES app_user(id),
  kind        text NOT NULL CHECK (kind IN ('second_factor', 'enrolment')),
  secret_box  bytea,                          -- enrolment: the proposed secret, sealed, until confirmed
  key_id      bytea,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,           -- a challenge is deleted when used or replaced by a newer one
  CHECK ((kind = 'enrolment') = (secret_box IS NOT NULL))
);
CREATE INDEX login_challenge_user ON login_challenge (user_id);

-- Wrong codes in a row, and the pause they lead to.
ALTER TABLE app_user
  ADD COLUMN second_factor_failures int NOT NULL DEFAULT 0,
  ADD COLUMN second_factor_locked_until timestamptz;
