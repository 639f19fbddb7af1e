package app.homeward.base;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import java.sql.SQLException;

/** Whether a failure came from the database being away or failing, anywhere in its cause chain. */
public final class DatabaseTrouble {

    private DatabaseTrouble() {
    }

    public static boolean in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException || t instanceof TransactionException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
