package app.homeward.audit;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What happened, as a stable code stored in the trail ({@link #code()}: never rename one that has been
 * released, old records keep it). Shown to people as {@code audit.action.<code>}.
 * <p>
 * Changes (clinical data, settings, invitations, accounts, operator actions) are written in the
 * transaction that makes them, so a change never commits without its record; views, downloads, sign-ins
 * and session ends are queued and written in batches after the page's transaction ({@link #queued()}).
 */
public enum AuditAction {

    // sign-in and sessions (queued)
    SIGN_IN("sign-in", Kind.SIGN_IN),
    SIGN_OUT("sign-out", Kind.SIGN_IN),
    /** A session ended without the person asking: idle, absolute lifetime, ended elsewhere (detail says which). */
    SESSION_ENDED("session.ended", Kind.SIGN_IN),

    // the person's own account
    PASSWORD_CHANGED("password.changed", Kind.ACCOUNT),
    /** A password set again through a reset link. */
    PASSWORD_RESET("password.reset", Kind.ACCOUNT),
    EMAIL_CHANGED("email.changed", Kind.ACCOUNT),
    SECOND_FACTOR_ENROLLED("second-factor.enrolled", Kind.ACCOUNT),
    /** A second-factor code checked at sign-in or re-authentication: SUCCESS or FAILED (queued). */
    SECOND_FACTOR_CHECKED("second-factor.checked", Kind.ACCOUNT, true),
    SECOND_FACTOR_RECOVERY_CODE_USED("second-factor.recovery-code-used", Kind.ACCOUNT),
    /** New recovery codes replaced the old ones. */
    SECOND_FACTOR_RECOVERY_CODES_RENEWED("second-factor.recovery-codes-renewed", Kind.ACCOUNT),
    /** A client turned their (optional) second factor off. */
    SECOND_FACTOR_TURNED_OFF("second-factor.turned-off", Kind.ACCOUNT),
    /** An admin (or the operator) reset someone's second factor: the object is that account. */
    SECOND_FACTOR_RESET("second-factor.reset", Kind.ACCOUNT),

    // looking at a client's record (queued, one per page load)
    CLIENT_VIEWED("client.viewed", Kind.VIEW),
    ENTRY_VIEWED("entry.viewed", Kind.VIEW),
    BEFORE_SESSION_VIEWED("before-session.viewed", Kind.VIEW),
    ADHERENCE_VIEWED("adherence.viewed", Kind.VIEW),
    MEASURES_VIEWED("measures.viewed", Kind.VIEW),
    DELIVERY_LOG_VIEWED("delivery-log.viewed", Kind.VIEW),

    // changes to clinical data
    CLIENT_ADDED("client.added", Kind.CHANGE),
    CLIENT_UPDATED("client.updated", Kind.CHANGE),
    CLIENT_ARCHIVED("client.archived", Kind.CHANGE),
    CLIENT_RESTORED("client.restored", Kind.CHANGE),
    CLIENT_REASSIGNED("client.reassigned", Kind.CHANGE),
    /** A client's identity, answers and free text removed (data rights); the object is the client. */
    ERASURE_REQUESTED("erasure.requested", Kind.CHANGE),
    ERASURE_WITHDRAWN("erasure.withdrawn", Kind.CHANGE),
    ERASURE_CONFIRMED("erasure.confirmed", Kind.CHANGE),
    CLIENT_ERASED("client.erased", Kind.CHANGE),
    GOAL_ADDED("goal.added", Kind.CHANGE),
    GOAL_CHANGED("goal.changed", Kind.CHANGE),
    ASSIGNMENT_CREATED("assignment.created", Kind.CHANGE),
    ASSIGNMENT_CHANGED("assignment.changed", Kind.CHANGE),
    ASSIGNMENT_ENDED("assignment.ended", Kind.CHANGE),
    ASSIGNMENT_CARRIED_OVER("assignment.carried-over", Kind.CHANGE),
    LADDER_STEP_UNLOCKED("ladder.step-unlocked", Kind.CHANGE),
    CHOICE_MADE("choice.made", Kind.CHANGE),
    ENTRY_SUBMITTED("entry.submitted", Kind.CHANGE),
    ENTRY_REFLECTED("entry.reflected", Kind.CHANGE),
    ENTRY_REVIEWED("entry.reviewed", Kind.CHANGE),
    CHANGE_REQUESTED("change.requested", Kind.CHANGE),
    CHANGE_REQUEST_RESOLVED("change.resolved", Kind.CHANGE),
    /** A missed or partly done occurrence talked through in the session (the object is the occurrence). */
    MISSED_HOMEWORK_DISCUSSED("occurrence.discussed", Kind.CHANGE),
    ALERT_ACKNOWLEDGED("alert.acknowledged", Kind.CHANGE),
    REMINDER_SENT_NOW("reminder.remind-now", Kind.CHANGE),

    // downloads and exports (queued)
    HOMEWORK_CARD_DOWNLOADED("homework-card.downloaded", Kind.EXPORT),
    CALENDAR_DOWNLOADED("calendar.downloaded", Kind.EXPORT),
    REPORT_DOWNLOADED("report.downloaded", Kind.EXPORT),
    CLIENT_RECORD_EXPORTED("client-record.exported", Kind.EXPORT),
    CLINIC_EXPORTED("clinic.exported", Kind.EXPORT),
    CLINIC_EXPORT_DOWNLOADED("clinic-export.downloaded", Kind.EXPORT),
    AUDIT_EXPORTED("audit.exported", Kind.EXPORT),

    // running the clinic
    SETTINGS_CHANGED("settings.changed", Kind.ADMIN),
    INVITATION_SENT("invitation.sent", Kind.ADMIN),
    INVITATION_RESENT("invitation.resent", Kind.ADMIN),
    INVITATION_REVOKED("invitation.revoked", Kind.ADMIN),
    INVITATION_ACCEPTED("invitation.accepted", Kind.ADMIN),
    STAFF_DEACTIVATED("staff.deactivated", Kind.ADMIN),
    STAFF_REACTIVATED("staff.reactivated", Kind.ADMIN),
    /** An admin ended every session of a colleague (a lost laptop, a shared computer): the object is that account. */
    STAFF_SIGNED_OUT("staff.signed-out", Kind.ADMIN),

    // the platform operator (the platform trail)
    CLINIC_SUSPENDED("clinic.suspended", Kind.PLATFORM),
    CLINIC_REACTIVATED("clinic.reactivated", Kind.PLATFORM),
    CLINIC_DELETED("clinic.deleted", Kind.PLATFORM);

    /** Groups for filtering the trail. */
    public enum Kind {
        SIGN_IN, ACCOUNT, VIEW, CHANGE, EXPORT, ADMIN, PLATFORM;

        /** The actions of this kind. */
        public Set<AuditAction> actions() {
            Set<AuditAction> actions = EnumSet.noneOf(AuditAction.class);
            for (AuditAction action : AuditAction.values()) {
                if (action.kind == this) {
                    actions.add(action);
                }
            }
            return actions;
        }
    }

    private static final Map<String, AuditAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::code, Function.identity()));

    private final String code;
    private final Kind kind;
    private final boolean queued;

    AuditAction(String code, Kind kind) {
        this(code, kind, kind == Kind.SIGN_IN || kind == Kind.VIEW || kind == Kind.EXPORT);
    }

    AuditAction(String code, Kind kind, boolean queued) {
        this.code = code;
        this.kind = kind;
        this.queued = queued;
    }

    /** The stored code, e.g. {@code client.viewed}. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** Written in batches after the page's transaction, not in it. */
    public boolean queued() {
        return queued;
    }

    /** The message key of its name for people. */
    public String messageKey() {
        return "audit.action." + code;
    }

    public static Optional<AuditAction> ofCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
