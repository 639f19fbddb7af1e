-- MySQL 8 and MariaDB 10.11: audit records are append-only at the database too (decision 0028). Every
-- UPDATE and DELETE of a row fails with SQLSTATE 45000, whoever sends it. Creating a trigger needs the
-- TRIGGER privilege and, where binary logging is on (MySQL 8's default), SUPER or
-- log_bin_trust_function_creators=ON. The H2 twin is db/vendor/h2/V10_1__audit_append_only.sql.
create trigger audit_record_no_update before update on audit_record for each row
    signal sqlstate '45000' set message_text = 'audit records are append-only';
create trigger audit_record_no_delete before delete on audit_record for each row
    signal sqlstate '45000' set message_text = 'audit records are append-only';
