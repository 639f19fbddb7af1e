-- Security edges (issue 11, decision 0024): the discreet sender, and unsubscribe links kept only as hashes.

-- How a clinic appears in its emails and calendar files. No row: under its own name.
-- neutral_name null: the default neutral name in the recipient's language ("Appointments", "Citas").
create table clinic_mail_identity (
    id            char(36)     not null,
    clinic_id     char(36)     not null,
    discreet      boolean      not null,
    neutral_name  varchar(60),
    updated_at    datetime(6)  not null,
    version       bigint       not null,
    constraint pk_clinic_mail_identity primary key (id),
    constraint fk_clinic_mail_identity_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_clinic_mail_identity_clinic unique (clinic_id)
);

-- Every reminder email carries its own unsubscribe secret; the outbox row keeps only its SHA-256 (hex).
alter table reminder add column unsubscribe_hash varchar(64);
create index ix_reminder_unsubscribe on reminder (clinic_id, unsubscribe_hash);

-- Emails sent before this version carry the client's one secret: it keeps working, now stored as its
-- SHA-256 (hex) only. The placeholder below is SHA-256 in this database's own SQL, set in
-- application.properties (H2) and application-mysql.properties (MySQL, MariaDB): they share no hash function.
alter table reminder_preference add column legacy_unsubscribe_hash varchar(64);
update reminder_preference set legacy_unsubscribe_hash = ${sha256_of_unsubscribe_token};
alter table reminder_preference drop constraint uk_reminder_preference_token;
alter table reminder_preference drop column unsubscribe_token;
create index ix_reminder_preference_legacy_unsubscribe on reminder_preference (clinic_id, legacy_unsubscribe_hash);
