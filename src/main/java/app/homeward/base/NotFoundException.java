package app.homeward.base;

import java.io.Serial;

/**
 * The object does not exist, or belongs to someone the caller may not see: the two look the same.
 */
public class NotFoundException extends DomainException {

    @Serial
    private static final long serialVersionUID = 1L;

    public NotFoundException() {
        super("error.not-found");
    }
}
