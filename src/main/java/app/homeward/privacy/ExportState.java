package app.homeward.privacy;

/** A clinic export: being written, ready to download (until it expires), or failed. */
public enum ExportState {
    RUNNING, READY, FAILED, EXPIRED
}
