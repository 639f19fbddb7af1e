package app.homeward.audit;

/**
 * How a record reads for people, the same on the audit page, the client page, the platform page and in the
 * CSV export. Names come from the row (looked up when it was read); where a person no longer has one, the
 * stored role says what they were ("Erased client", "Former staff member").
 */
public final class AuditLabels {

    /** A message source: a view's {@code getTranslation}, or the bundle in a given language. */
    @FunctionalInterface
    public interface Translator {
        String translate(String key, Object... arguments);
    }

    private static final int SHORT_ID = 8;
    private final Translator t;

    public AuditLabels(Translator translator) {
        this.t = translator;
    }

    /** Who acted: their name now, what they were if they are gone, or the unknown email's short hash. */
    public String actor(AuditRow row) {
        if (row.actorId() == null) {
            return row.subjectHash() != null
                    ? t.translate("audit.who.unknown-email", row.subjectHash().substring(0, SHORT_ID))
                    : t.translate("audit.who.nobody");
        }
        if (row.actorName() != null) {
            return row.actorName();
        }
        if ("CLIENT".equals(row.actorRole())) {
            return t.translate("audit.who.erased-client");
        }
        return "PLATFORM_OPERATOR".equals(row.actorRole()) ? t.translate("audit.who.former-operator")
                : t.translate("audit.who.former-staff");
    }

    public String role(AuditRow row) {
        return row.actorRole() == null ? "" : known("role." + row.actorRole(), row.actorRole());
    }

    /** The actor with their role: "Dana Reyes (Therapist)". */
    public String actorWithRole(AuditRow row) {
        String role = role(row);
        return role.isEmpty() ? actor(row) : t.translate("audit.who.with-role", actor(row), role);
    }

    public String action(AuditRow row) {
        return row.action().map(a -> t.translate(a.messageKey())).orElse(row.actionCode());
    }

    public String outcome(AuditRow row) {
        return t.translate("audit.outcome." + row.outcome().name());
    }

    public String client(AuditRow row) {
        if (row.clientId() == null) {
            return "";
        }
        return row.clientName() != null ? row.clientName() : t.translate("audit.client.erased");
    }

    /** "Entry 3f2a9c1d", or a clinic's name on the platform page. */
    public String object(AuditRow row) {
        if (row.objectType() == null) {
            return "";
        }
        if (row.objectName() != null) {
            return row.objectName();
        }
        String type = known("audit.object." + row.objectType(), row.objectType());
        return t.translate("audit.object.with-id", type, row.objectId().toString().substring(0, SHORT_ID));
    }

    /** A known detail code in words (a settings section, why a sign-in failed); an unknown one as it is. */
    public String detail(AuditRow row) {
        return row.detail() == null ? "" : known("audit.detail." + row.detail(), row.detail());
    }

    public String ip(AuditRow row) {
        return row.ip() == null ? "" : row.ip();
    }

    private String known(String key, String otherwise) {
        String text = t.translate(key);
        return text == null || text.startsWith("!") ? otherwise : text;
    }
}
