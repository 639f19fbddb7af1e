/**
 * The audit trail: an append-only record of who did what to which client's record, when, from where and
 * with what outcome (decision 0028). Features record through {@link app.homeward.audit.AuditTrail} from
 * their services; clinic admins read their clinic's trail and the platform operator the platform's through
 * {@link app.homeward.audit.AuditService}. Records hold ids and codes only; names are looked up when shown,
 * from the features that own them ({@link app.homeward.audit.AuditPeople}).
 */
package app.homeward.audit;
