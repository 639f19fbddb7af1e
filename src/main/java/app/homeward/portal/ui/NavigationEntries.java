package app.homeward.portal.ui;

import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The menu entries the layouts build their navigation from, worked out once per set of roles instead of on
 * every full page load. {@link MenuConfiguration#getMenuEntries()} runs Vaadin's access check for every route,
 * and each check looks up the role checker through a class-path scan: about 5 % of the CPU under load
 * (bench/load, BENCHMARKS.md). Which routes a person may open depends only on their roles here (every route is
 * guarded by {@code @RolesAllowed}, {@code @PermitAll} or {@code @AnonymousAllowed}, and routes do not change
 * while the application runs), so the list for one set of roles holds for everyone who has it.
 */
@Component
class NavigationEntries {

    private final Map<String, List<MenuEntry>> byRoles = new ConcurrentHashMap<>();

    /** The entries the signed-in person may open, in the menu's order. */
    List<MenuEntry> forCurrentUser() {
        String roles = roles();
        List<MenuEntry> known = byRoles.get(roles);
        if (known != null) {
            return known;
        }
        List<MenuEntry> entries = List.copyOf(MenuConfiguration.getMenuEntries());
        // Vaadin lists nothing when it has no current request to check against (StaffNavigationTest): an empty
        // menu is never anyone's real one, so it is not kept
        if (!entries.isEmpty()) {
            byRoles.putIfAbsent(roles, entries);
        }
        return entries;
    }

    private static String roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "";
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted()
                .collect(Collectors.joining(","));
    }
}
