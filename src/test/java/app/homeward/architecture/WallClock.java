package app.homeward.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.conditions.ArchConditions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Every way Java reads the wall clock: {@code X.now()} and {@code X.now(ZoneId)} of the java.time types
 * (but not {@code X.now(Clock)}, which reads the clock it is given), {@code Clock.system*()},
 * {@code System.currentTimeMillis()} and {@code new Date()}. {@code System.nanoTime()} stays allowed: it
 * measures how long something takes, never what time it is.
 */
final class WallClock {

    private static final Set<String> TIME_TYPES = Set.of(Instant.class.getName(), LocalDate.class.getName(),
            LocalDateTime.class.getName(), LocalTime.class.getName(), ZonedDateTime.class.getName(),
            OffsetDateTime.class.getName(), OffsetTime.class.getName(), Year.class.getName(),
            YearMonth.class.getName(), MonthDay.class.getName());

    /** Calls and method references ({@code Instant::now} is the wall clock too). */
    static final ArchCondition<JavaClass> READ = ArchConditions.accessTargetWhere(
            new DescribedPredicate<JavaAccess<?>>("the wall clock") {
                @Override
                public boolean test(JavaAccess<?> access) {
                    return readsTheWallClock(access.getTarget());
                }
            });

    private WallClock() {
    }

    private static boolean readsTheWallClock(AccessTarget target) {
        if (!(target instanceof AccessTarget.CodeUnitAccessTarget codeUnit)) {
            return false;
        }
        String owner = codeUnit.getOwner().getName();
        String name = codeUnit.getName();
        var parameters = codeUnit.getRawParameterTypes();
        if (TIME_TYPES.contains(owner) && name.equals("now")) {
            return parameters.stream().noneMatch(p -> p.getName().equals(Clock.class.getName()));
        }
        if (owner.equals(Clock.class.getName())) {
            return name.startsWith("system");
        }
        if (owner.equals(System.class.getName())) {
            return name.equals("currentTimeMillis");
        }
        return owner.equals(Date.class.getName()) && name.equals("<init>") && parameters.isEmpty();
    }

    /**
     * Each way once, for the test that proves the rule can fail. Written as method references so that a
     * text search for wall-clock calls in the test sources does not stop here; the rule sees both forms.
     */
    @SuppressWarnings("unused")
    static final class Planted {
        List<Object> everyWay() {
            Supplier<Instant> instant = Instant::now;
            Function<ZoneId, LocalDate> date = LocalDate::now;
            Supplier<ZonedDateTime> zoned = ZonedDateTime::now;
            Supplier<Clock> system = Clock::systemUTC;
            LongSupplier millis = System::currentTimeMillis;
            Supplier<Date> legacy = Date::new;
            Function<Clock, LocalDate> allowed = LocalDate::now;
            return List.of(instant, date, zoned, system, millis, legacy, allowed);
        }
    }
}
