-- Request limits (sign-in attempts per address, paging and the duplicate check per credential) are
-- counted in the database, so that every `sanad serve` sharing it counts the same attempts: two
-- servers behind one proxy allow what one allows. One row per limit and key: the key is a SHA-256 of
-- the route and the address or credential (never the address or token itself); hits counts the
-- requests of the window that ends at reset_at. Rows past reset_at are reset by the next hit and
-- deleted now and then.
--
-- UNLOGGED: the counts are worth less than the time a write-ahead log flush costs on every request.
-- They are not replicated, and after a crash or a failover they start again from zero (a short
-- window, at worst, of one more limit's worth of attempts).
CREATE UNLOGGED TABLE request_limit (
  key bytea PRIMARY KEY,
  hits integer NOT NULL,
  reset_at timestamptz NOT NULL
);
CREATE INDEX request_limit_reset ON request_limit (reset_at);
