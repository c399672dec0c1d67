-- Wrong second-factor codes count towards the pause only while they are recent: the count starts
-- again once the last wrong code is older than the pause itself (15 minutes), so four wrong codes
-- today and one next week no longer pause an account.
ALTER TABLE app_user ADD COLUMN second_factor_failed_at timestamptz;
