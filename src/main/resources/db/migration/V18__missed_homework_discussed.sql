-- Missed homework reviewed too (issue 14): in the before-session review the therapist marks a missed or
-- partly done occurrence as talked through, with an optional note on what got in the way, which the
-- carry-over then starts from. Portable between H2 (MySQL mode), MySQL 8 and MariaDB 10.11.
alter table occurrence add column discussed_at datetime(6);
alter table occurrence add column discussed_note varchar(300);
