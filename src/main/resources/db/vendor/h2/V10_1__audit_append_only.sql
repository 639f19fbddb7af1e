-- H2: audit records are append-only at the database too (decision 0028). The trigger class refuses every
-- UPDATE and DELETE of a row, whoever sends it; its name must never change (H2 loads it when it opens the
-- database). The MySQL/MariaDB twin of this file is db/vendor/mysql/V10_1__audit_append_only.sql.
create trigger audit_record_no_update before update on audit_record for each row
    call 'app.homeward.audit.AppendOnlyTrigger';
create trigger audit_record_no_delete before delete on audit_record for each row
    call 'app.homeward.audit.AppendOnlyTrigger';
