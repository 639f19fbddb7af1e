package app.homeward.base;

import com.vaadin.flow.server.VaadinRequest;

/** The caller's IP address as the servlet container saw it (proxies honoured by forward-headers-strategy). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getRemoteAddr() == null) {
            return "unknown";
        }
        return request.getRemoteAddr();
    }
}
