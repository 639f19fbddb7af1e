package app.homeward.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Puts the clinic id (never a name or an email) into the logging context for the whole request.
 * Registered in the security filter chain, after the security context has been loaded.
 */
public class ClinicMdcFilter extends OncePerRequestFilter {

    public static final String MDC_KEY = "clinic";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CurrentClinic.id().ifPresent(id -> MDC.put(MDC_KEY, id.toString()));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
