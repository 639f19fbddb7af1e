package app.homeward;

import app.homeward.base.AppClock;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.time.Duration;

/**
 * Puts the application's clock at {@link TestTime#START} before a test class's {@code @BeforeAll}
 * (where several classes seed their data), so no class starts at the time a previous one left
 * behind. From there the clock runs on; before each test it is put back on that timeline (start of
 * the class plus the time since), undoing whatever the previous test moved it to, without going back
 * before data the class has already written. A test moves the clock further itself.
 */
public final class TestClockExtension implements BeforeAllCallback, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestClockExtension.class);
    private static final String OFFSET = "offset";

    @Override
    public void beforeAll(ExtensionContext context) {
        AppClock clock = clock(context);
        clock.moveTo(TestTime.START);
        context.getStore(NAMESPACE).put(OFFSET, clock.offset());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AppClock clock = clock(context);
        Duration classOffset = context.getStore(NAMESPACE).get(OFFSET, Duration.class);
        if (classOffset == null) {
            clock.moveTo(TestTime.START);
        } else {
            clock.moveBy(classOffset.minus(clock.offset()));
        }
    }

    private static AppClock clock(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(AppClock.class);
    }
}
