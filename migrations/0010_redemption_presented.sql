-- How the household card was presented for each redemption: 'qr' (the signed code, scanned or typed
-- in full: proof of holding the card) or 'typed' (the short printed card number, which proves
-- nothing by itself: the officer confirmed the recipient's identity document). Auditors can list
-- the typed hand-overs. Rows before this migration were all signed codes. Refusals keep it too.
-- Forward only: never edit a migration that has shipped; add a new one.
ALTER TABLE redemption ADD COLUMN presented text NOT NULL DEFAULT 'qr' CHECK (presented IN ('qr', 'typed'));
ALTER TABLE redemption_rejection ADD COLUMN presented text NOT NULL DEFAULT 'qr' CHECK (presented IN ('qr', 'typed'));
CREATE INDEX redemption_typed ON redemption (cycle_id) WHERE presented = 'typed';
