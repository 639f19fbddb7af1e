-- The clinic's word for homework in its clients' texts and emails (issue 14, decision 0046): HOMEWORK, PRACTICE,
-- ACTION_PLAN or BETWEEN_SESSION_TASK. Stored with the clinic's other homework rules; existing rows keep
-- "homework". Portable between H2 (MySQL mode), MySQL 8 and MariaDB 10.11.
alter table clinic_homework_settings add column homework_word varchar(32) default 'HOMEWORK' not null;
