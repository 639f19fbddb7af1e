package app.homeward.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as the person's own doing, for the idle limit. */
class UserActivityTest {

    @Test
    void a_click_a_keystroke_or_a_navigation_is_activity() throws IOException {
        assertThat(uidl(SessionGuardFilterTest.CLICK)).isTrue();
        assertThat(uidl(SessionGuardFilterTest.POLL_AND_TYPING)).as("a poll carrying typed text").isTrue();
        assertThat(uidl("""
                {"rpc":[{"type":"navigation","location":"app/clients","link":1}],"syncId":1,"clientId":1}""")).isTrue();
        assertThat(classify(request("GET", "/app/clients", null)).active()).as("loading a page").isTrue();
        assertThat(classify(request("POST", "/VAADIN/dynamic/resource/0/abc/upload", null)).active()).as("an upload").isTrue();
    }

    @Test
    void heartbeats_polls_the_pages_own_check_and_static_files_are_not() throws IOException {
        assertThat(uidl(SessionGuardFilterTest.POLL)).isFalse();
        assertThat(uidl(SessionGuardFilterTest.PASSIVE_CHECK)).isFalse();
        assertThat(uidl("""
                {"rpc":[{"type":"event","node":1,"event":"ui-poll"},{"type":"publishedEventHandler","node":4,
                "templateEventMethodName":"homewardSessionCheck","templateEventMethodArgs":[],"promise":1}]}""")).isFalse();
        assertThat(uidl("{\"csrfToken\":\"t\",\"rpc\":[],\"syncId\":2,\"clientId\":2}")).as("an acknowledgement").isFalse();
        assertThat(classify(request("POST", "/", "v-r=heartbeat&v-uiId=0")).active()).isFalse();
        assertThat(classify(request("GET", "/", "v-r=init&location=app")).active()).isFalse();
        assertThat(classify(request("GET", "/styles/homeward.css", null)).active()).isFalse();
        assertThat(classify(request("GET", "/VAADIN/dynamic/resource/0/abc/logo", null)).active()).isFalse();
    }

    @Test
    void a_call_to_another_server_method_is_activity_whatever_it_is_called_near() throws IOException {
        assertThat(uidl("""
                {"rpc":[{"type":"publishedEventHandler","node":4,"templateEventMethodName":"save",
                "templateEventMethodArgs":[],"promise":1}]}""")).isTrue();
        assertThat(uidl("{not json")).as("whatever it is, the page's timer did not send it").isTrue();
    }

    @Test
    void vaadin_reads_the_same_body_after_the_guard_read_it() throws IOException {
        MockHttpServletRequest request = request("POST", "/", "v-r=uidl&v-uiId=0");
        request.setContent(SessionGuardFilterTest.CLICK.getBytes(StandardCharsets.UTF_8));
        request.setCharacterEncoding("UTF-8");

        UserActivity.Classified classified = UserActivity.classify(request);

        assertThat(classified.request().getReader().lines().reduce("", String::concat))
                .isEqualTo(SessionGuardFilterTest.CLICK.replace("\n", ""));
        assertThat(new String(classified.request().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(SessionGuardFilterTest.CLICK);
    }

    @Test
    void a_form_body_is_never_read_to_find_vaadins_request_type() throws IOException {
        MockHttpServletRequest form = request("POST", "/unsubscribe/one-click/x/y", null);
        form.setContentType("application/x-www-form-urlencoded");
        form.setContent("List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8));

        assertThat(UserActivity.requestType(form)).isNull();
        assertThat(form.getInputStream().readAllBytes()).hasSize("List-Unsubscribe=One-Click".length());
    }

    @Test
    void only_page_loads_may_be_answered_with_a_redirect() {
        assertThat(UserActivity.isPageRequest(request("GET", "/app/clients", null))).isTrue();
        assertThat(UserActivity.isPageRequest(request("POST", "/", "v-r=uidl&v-uiId=0"))).isFalse();
        assertThat(UserActivity.isPageRequest(request("GET", "/", "v-r=init&location=app"))).isFalse();
        assertThat(UserActivity.isPageRequest(request("GET", "/VAADIN/build/x.js", null))).isFalse();
    }

    private static boolean uidl(String body) throws IOException {
        MockHttpServletRequest request = request("POST", "/", "v-r=uidl&v-uiId=0");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return UserActivity.classify(request).active();
    }

    private static UserActivity.Classified classify(MockHttpServletRequest request) throws IOException {
        return UserActivity.classify(request);
    }

    private static MockHttpServletRequest request(String method, String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setQueryString(query);
        return request;
    }
}
