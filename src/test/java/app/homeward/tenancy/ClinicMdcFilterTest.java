package app.homeward.tenancy;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log lines of a request carry the clinic's id, only that, and only for that request. */
class ClinicMdcFilterTest {

    private static final UUID CLINIC = UUID.fromString("0c0c0c0c-0000-4000-8000-00000000000c");

    private final ClinicMdcFilter filter = new ClinicMdcFilter();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    /** What the logging context held while the rest of the chain (the application) ran. */
    private static MockFilterChain recording(AtomicReference<String> seen) {
        return new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req,
                                   HttpServletResponse resp) {
                seen.set(MDC.get(ClinicMdcFilter.MDC_KEY));
            }
        });
    }

    @Test
    void a_request_for_a_clinic_logs_the_clinic_id_and_nothing_is_left_after_it() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();

        TenantContext.runAs(CLINIC, () -> doFilter(recording(seen)));

        assertThat(seen).hasValue(CLINIC.toString());
        assertThat(MDC.get(ClinicMdcFilter.MDC_KEY)).as("after the request").isNull();
    }

    @Test
    void a_request_for_no_clinic_logs_no_clinic() {
        AtomicReference<String> seen = new AtomicReference<>("not run");

        doFilter(recording(seen));

        assertThat(seen.get()).isNull();
    }

    @Test
    void a_request_as_root_logs_no_clinic() {
        AtomicReference<String> seen = new AtomicReference<>("not run");

        TenantContext.runAs(TenantContext.ROOT, () -> doFilter(recording(seen)));

        assertThat(seen.get()).isNull();
    }

    @Test
    void a_request_that_fails_leaves_no_clinic_behind_for_the_next_request_on_the_thread() {
        AtomicReference<String> seen = new AtomicReference<>();
        MockFilterChain failing = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req,
                                   HttpServletResponse resp) throws ServletException {
                seen.set(MDC.get(ClinicMdcFilter.MDC_KEY));
                throw new ServletException("view failed");
            }
        });

        // TenantContext hands a checked exception of the work on wrapped
        assertThatThrownBy(() -> TenantContext.callAs(CLINIC, () -> {
            filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), failing);
            return null;
        })).hasCauseInstanceOf(ServletException.class);

        assertThat(seen).as("while the request ran").hasValue(CLINIC.toString());
        assertThat(MDC.get(ClinicMdcFilter.MDC_KEY)).as("after it failed").isNull();
    }

    private void doFilter(MockFilterChain chain) {
        try {
            filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), chain);
        } catch (ServletException | IOException e) {
            throw new AssertionError(e);
        }
    }
}
