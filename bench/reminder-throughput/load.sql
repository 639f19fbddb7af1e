-- Loads the files Seed.java wrote (run from their directory). Benchmark fixture only.
set foreign_key_checks = 0;
set unique_checks = 0;
load data local infile 'clinic.tsv' into table clinic
  (id, slug, name, status, time_zone, default_language, accent_color, created_at, version);
load data local infile 'clinic_reminder_settings.tsv' into table clinic_reminder_settings
  (id, clinic_id, reminders_default_on, default_quiet_start, default_quiet_end, due_soon_hours, overdue_hours,
   weekly_summary, updated_at, version);
load data local infile 'account.tsv' into table account
  (id, clinic_id, email, display_name, role, status, language, session_stamp, created_at, version);
load data local infile 'client.tsv' into table client
  (id, clinic_id, therapist_id, account_id, display_name, email, time_zone, language, simplified, status,
   created_at, version);
load data local infile 'assignment.tsv' into table assignment
  (id, clinic_id, client_id, therapist_id, worksheet_version_id, worksheet_builtin, title, rationale,
   plan_what, plan_when, plan_where, schedule_kind, start_date, time_of_day, time_zone, obstacles,
   obstacle_other, backup_plan, confidence, confidence_prompted, plan_changed, difficulty, status, created_at, version);
load data local infile 'occurrence.tsv' into table occurrence
  (id, clinic_id, assignment_id, client_id, due_at, local_date, status, version);
load data local infile 'reminder.tsv' into table reminder
  (id, clinic_id, kind, client_id, occurrence_id, due_at, state, attempts, next_attempt_at, created_at,
   updated_at, version);
set foreign_key_checks = 1;
set unique_checks = 1;
analyze table clinic, clinic_reminder_settings, account, client, assignment, occurrence, reminder;
