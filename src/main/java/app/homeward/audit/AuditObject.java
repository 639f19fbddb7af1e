package app.homeward.audit;

/** The kind of thing a record is about; with its id, never with its content. */
public enum AuditObject {
    CLIENT,
    ENTRY,
    OCCURRENCE,
    ASSIGNMENT,
    LADDER,
    GOAL,
    CHANGE_REQUEST,
    ALERT,
    INVITATION,
    ACCOUNT,
    CLINIC,
    REMINDER,
    EXPORT
}
