-- The audit trail (decision 0028): who did what to which client's record, when, from where, with what
-- outcome. Ids and codes only, never a name, email, title or answer, so erasing a person never has to
-- touch it. Append-only: no code path updates or deletes a row, and the triggers of V10_1 (one file per
-- database, under db/vendor/) refuse UPDATE and DELETE at the database.
--
-- clinic_id is the trail the row belongs to (Hibernate's @TenantId, so an admin's query only ever sees
-- their clinic's rows). Platform events (operators' sign-ins and actions) have their own trail under a
-- reserved id that no clinic can have, 00000000-0000-0000-0000-000000000001. No foreign keys: the trail
-- outlives the people, clients and clinics it names (erasure, clinic deletion).
create table audit_record (
    id           char(36)    not null,
    clinic_id    char(36)    not null,
    occurred_at  datetime(6) not null,
    -- the account (or operator) that acted; null when none is known, e.g. a sign-in with an unknown email
    actor_id     char(36),
    actor_role   varchar(32),
    action       varchar(64) not null,
    -- SUCCESS, DENIED or FAILED
    outcome      varchar(16) not null,
    client_id    char(36),
    object_type  varchar(32),
    object_id    char(36),
    -- a short code (a settings section, why a sign-in failed), never free text
    detail       varchar(64),
    ip           varchar(45),
    -- HMAC-SHA-256 (hex) of an email typed at sign-in that matched no account, under the trail's own key
    subject_hash varchar(64),
    version      bigint      not null,
    constraint pk_audit_record primary key (id)
);
create index ix_audit_record_time on audit_record (clinic_id, occurred_at);
create index ix_audit_record_client on audit_record (clinic_id, client_id, occurred_at);
create index ix_audit_record_actor on audit_record (clinic_id, actor_id, occurred_at);
create index ix_audit_record_action on audit_record (clinic_id, action, occurred_at);

-- Operator actions recorded before the trail existed join the platform trail, with the operator's id in
-- place of the email that audit_event kept.
insert into audit_record (id, clinic_id, occurred_at, actor_id, actor_role, action, outcome, client_id,
                          object_type, object_id, detail, ip, subject_hash, version)
select e.id, '00000000-0000-0000-0000-000000000001', e.occurred_at, o.id, 'PLATFORM_OPERATOR',
       case e.action when 'clinic.suspend' then 'clinic.suspended'
                     when 'clinic.reactivate' then 'clinic.reactivated'
                     else e.action end,
       'SUCCESS', null, case when e.clinic_id is null then null else 'CLINIC' end, e.clinic_id, null, null, null, 0
from audit_event e
left join platform_operator o on o.email = e.actor;

drop table audit_event;
