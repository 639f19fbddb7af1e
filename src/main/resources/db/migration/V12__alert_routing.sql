-- Safety alerts always reach a person (issue 13). Portable between H2 (MySQL mode), MySQL 8 and MariaDB 10.11.

-- A staff email about a safety alert names the alert (by id only), so an escalation can check whether it
-- was acknowledged and the alerts page can say who was told and when.
alter table reminder add column alert_id char(36);
create index ix_reminder_alert on reminder (clinic_id, alert_id);

-- After how long an alert nobody acknowledged is emailed to the clinic's admins. No row: 4 hours.
-- 0: never (the clinic chose to watch the alerts page itself).
create table alert_policy (
    id                 char(36)    not null,
    clinic_id          char(36)    not null,
    escalation_minutes int         not null,
    updated_at         datetime(6) not null,
    version            bigint      not null,
    constraint pk_alert_policy primary key (id),
    constraint fk_alert_policy_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_alert_policy_clinic unique (clinic_id)
);
