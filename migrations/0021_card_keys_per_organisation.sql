-- Card signing keys belong to one organisation: only its administrators list, rotate or retire
-- them, only its cards are signed with them, and only its redemptions verify with them. Private
-- halves are sealed with the server's secret key (as second-factor secrets are), so a database dump
-- alone cannot forge cards.
--
-- Keys made before this migration: a key whose cards all belong to one organisation becomes that
-- organisation's; a key with no cards, or with the cards of several, stays shared (org_id NULL) and
-- only verifies the cards already signed with it. Their private halves were stored unsealed and are
-- deleted here: every such key keeps verifying its cards until it is retired, and the next card an
-- organisation issues is signed with a new, sealed key of its own.
ALTER TABLE card_key ADD COLUMN org_id uuid REFERENCES organisation(id);
ALTER TABLE card_key ADD COLUMN sealed_with bytea; -- the id of the secret key that sealed private_key
UPDATE card_key k SET org_id = o.org_id
  FROM (SELECT key_id, min(org_id::text)::uuid AS org_id FROM household_card GROUP BY key_id HAVING count(DISTINCT org_id) = 1) o
  WHERE o.key_id = k.id;
UPDATE card_key SET private_key = NULL;
ALTER TABLE card_key ADD CONSTRAINT card_key_private_sealed CHECK (private_key IS NULL OR (sealed_with IS NOT NULL AND org_id IS NOT NULL));
CREATE INDEX card_key_org ON card_key (org_id, created_at DESC);
