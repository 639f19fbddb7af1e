package app.homeward.clinic;

import app.homeward.IntegrationTest;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The tab icon (issue 14): Homeward's at /favicon.ico, a clinic's logo where it has one, for anyone. */
class FaviconsTest extends IntegrationTest {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @Autowired WebApplicationContext web;
    @Autowired ClinicDirectory clinics;
    MockMvc mvc;

    @BeforeEach
    void aBrowserWithoutASession() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void favicon_ico_is_homewards_icon_and_needs_no_sign_in() throws Exception {
        byte[] icon = mvc.perform(get("/favicon.ico")).andExpect(status().isOk())
                .andExpect(content().contentType("image/png")).andReturn().getResponse().getContentAsByteArray();

        assertThat(Arrays.copyOf(icon, 4)).isEqualTo(PNG_SIGNATURE);
    }

    @Test
    void a_clinic_with_a_logo_has_its_logo_as_its_icon_and_one_without_has_homewards() throws Exception {
        ClinicBranding withLogo = testClinics.clinic();
        byte[] logo = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        clinics.changeLogo(withLogo.id(), logo, "image/png");
        ClinicBranding plain = testClinics.clinic();

        byte[] served = mvc.perform(get("/icons/clinic/" + withLogo.slug())).andExpect(status().isOk())
                .andExpect(content().contentType("image/png")).andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(logo);
        byte[] fallback = mvc.perform(get("/icons/clinic/" + plain.slug())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(fallback, 4)).isEqualTo(PNG_SIGNATURE);
        assertThat(fallback).isNotEqualTo(logo);
        byte[] unknown = mvc.perform(get("/icons/clinic/no-such-clinic")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(unknown).as("the same answer as a clinic without a logo").isEqualTo(fallback);
    }
}
