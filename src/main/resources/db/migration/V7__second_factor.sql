-- Second factor (issue 11): an authenticator (TOTP, RFC 6238) for clinic accounts and for the platform
-- operator, with the same four columns on both tables (the embeddable SecondFactor). Portable between
-- H2 (MySQL mode), MySQL 8 and MariaDB 10.11: one column per statement, as in V3-V5.
--   second_factor_secret        the secret, AES-GCM encrypted when HOMEWARD_SECOND_FACTOR_KEY is set ("aes:…"),
--                               else "plain:" + base32; set but unconfirmed while enrolment waits for a code
--   second_factor_confirmed_at  when the first code was accepted: from then on sign-in asks for a code
--   second_factor_last_step     the last 30-second step whose code was accepted (no code is accepted twice)
--   recovery_codes              salted SHA-256 hashes of the unused single-use recovery codes
alter table account add column second_factor_secret varchar(255);
alter table account add column second_factor_confirmed_at datetime(6);
alter table account add column second_factor_last_step bigint;
alter table account add column recovery_codes varchar(1200);

alter table platform_operator add column second_factor_secret varchar(255);
alter table platform_operator add column second_factor_confirmed_at datetime(6);
alter table platform_operator add column second_factor_last_step bigint;
alter table platform_operator add column recovery_codes varchar(1200);
