package app.homeward.mail;

/**
 * What happened to one message of a batch. Temporary: worth retrying (connection refused, timeout,
 * 4xx). Permanent: retrying cannot help (5xx, an address the server refuses). The code is short and
 * safe to store and log (e.g. "smtp-451", "connection"): never an address or a body.
 */
public record Delivery(Outcome outcome, String code) {

    public enum Outcome { SENT, TEMPORARY, PERMANENT }

    public static final Delivery SENT = new Delivery(Outcome.SENT, null);

    public static Delivery temporary(String code) {
        return new Delivery(Outcome.TEMPORARY, code);
    }

    public static Delivery permanent(String code) {
        return new Delivery(Outcome.PERMANENT, code);
    }

    public boolean sent() {
        return outcome == Outcome.SENT;
    }
}
