-- Feature settings live with their features (issue 12, decision 0039). Portable between H2 (MySQL mode),
-- MySQL 8 and MariaDB 10.11.
--
-- The reminder and homework settings move off the tenant row into one table each, keyed by clinic (one row per
-- clinic at most; no row: the defaults the clinic row had). Every clinic's current values are copied, then the
-- clinic row's columns go.

create table clinic_reminder_settings (
    id                   char(36)    not null,
    clinic_id            char(36)    not null,
    reminders_default_on boolean     not null,
    default_quiet_start  time,
    default_quiet_end    time,
    due_soon_hours       int         not null,
    overdue_hours        int         not null,
    weekly_summary       boolean     not null,
    updated_at           datetime(6) not null,
    version              bigint      not null,
    constraint pk_clinic_reminder_settings primary key (id),
    constraint fk_clinic_reminder_settings_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_clinic_reminder_settings_clinic unique (clinic_id)
);

-- one row per clinic, so the clinic's id is a unique id for it
insert into clinic_reminder_settings (id, clinic_id, reminders_default_on, default_quiet_start, default_quiet_end,
                                      due_soon_hours, overdue_hours, weekly_summary, updated_at, version)
select id, id, reminders_default_on, default_quiet_start, default_quiet_end, due_soon_hours, overdue_hours,
       weekly_summary, created_at, 0
from clinic;

alter table clinic drop column reminders_default_on;
alter table clinic drop column default_quiet_start;
alter table clinic drop column default_quiet_end;
alter table clinic drop column due_soon_hours;
alter table clinic drop column overdue_hours;
alter table clinic drop column weekly_summary;

create table clinic_homework_settings (
    id                   char(36)    not null,
    clinic_id            char(36)    not null,
    confidence_threshold int         not null,
    grace_hours          int         not null,
    updated_at           datetime(6) not null,
    version              bigint      not null,
    constraint pk_clinic_homework_settings primary key (id),
    constraint fk_clinic_homework_settings_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_clinic_homework_settings_clinic unique (clinic_id)
);

insert into clinic_homework_settings (id, clinic_id, confidence_threshold, grace_hours, updated_at, version)
select id, id, confidence_threshold, grace_hours, created_at, 0
from clinic;

alter table clinic drop column confidence_threshold;
alter table clinic drop column grace_hours;
