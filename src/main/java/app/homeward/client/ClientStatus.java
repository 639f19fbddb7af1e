package app.homeward.client;

/** Invited (no account yet), active (signed up), archived (read-only, no reminders). */
public enum ClientStatus {
    INVITED, ACTIVE, ARCHIVED
}
