-- User administration (issues #10 and #12): machine accounts, temporary passwords, usernames unique
-- per organisation, and API tokens that always end.
--
-- app_user.kind: 'person' signs in with a password and a second factor; 'machine' (a service
-- account: a tablet, a nightly export) never signs in and acts only through API tokens. Only
-- machines hold API tokens: a token needs no second factor, so a person's token would bypass it.
ALTER TABLE app_user
  ADD COLUMN kind text NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'machine')),
  -- set by an administrator (a new account, a new temporary password): the person chooses their
  -- own password at the next sign-in before anything else; cleared when they do
  ADD COLUMN password_temporary boolean NOT NULL DEFAULT false;

-- The accounts that had no password were machine-only (migration 0001's comment).
UPDATE app_user SET kind = 'machine' WHERE password_hash IS NULL;
ALTER TABLE app_user ADD CONSTRAINT app_user_machine_no_password CHECK (kind = 'person' OR (password_hash IS NULL AND NOT password_temporary));

-- A username is unique within its organisation, so creating one reveals nothing about the users of
-- other organisations. Sign-in finds the account by username and password (src/api/routes/auth/login.ts).
ALTER TABLE app_user DROP CONSTRAINT app_user_username_key;
ALTER TABLE app_user ADD CONSTRAINT app_user_org_username_key UNIQUE (org_id, username);
CREATE INDEX app_user_username ON app_user (username);

-- Tokens of people end now (they sign in with a second factor); a token without an end gets one,
-- 365 days from now at most (the bound new tokens have, src/shared/tokens.ts).
UPDATE api_token t SET revoked_at = now()
  FROM app_user u WHERE u.id = t.user_id AND u.kind = 'person' AND t.revoked_at IS NULL;
UPDATE api_token SET expires_at = now() + interval '365 days'
  WHERE expires_at IS NULL OR expires_at > now() + interval '365 days';
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX api_token_by_user ON api_token (user_id);
CREATE INDEX session_live_by_user ON session (user_id) WHERE revoked_at IS NULL;
