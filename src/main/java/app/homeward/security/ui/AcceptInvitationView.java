package app.homeward.security.ui;

import app.homeward.base.HomeworkWords;
import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.security.HomewardUser;
import app.homeward.security.InvitationService;
import app.homeward.security.PasswordPolicy;
import app.homeward.security.Role;
import app.homeward.security.SessionSignIn;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ui.ClinicPublicPage;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Map;

/** /c/{slug}/invite/{token}: accept an invitation by choosing a password, then you are signed in. */
@Route(value = "c/:slug/invite/:token", autoLayout = false)
@AnonymousAllowed
public class AcceptInvitationView extends ClinicPublicPage {

    private final InvitationService invitations;
    private final SessionSignIn sessions;
    private final HomeworkWords homeworkWords;

    public AcceptInvitationView(ClinicDirectory clinics, InvitationService invitations, SessionSignIn sessions,
                                HomeworkWords homeworkWords) {
        super(clinics);
        this.invitations = invitations;
        this.sessions = sessions;
        this.homeworkWords = homeworkWords;
    }

    @Override
    protected void build(ClinicBranding clinic, BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        var preview = invitations.preview(clinic.slug(), token);
        if (preview.isEmpty()) {
            addToCard(title(getTranslation("invite.invalid.title")), new Paragraph(getTranslation("invite.invalid")),
                    new Anchor("c/" + clinic.slug(), getTranslation("forgot.back")));
            return;
        }
        InvitationService.InvitationPreview invitation = preview.get();
        if (invitation.role() == Role.CLIENT) {
            // a client's invitation names their portal in the clinic's word for homework (decision 0046)
            event.getUI().setLocale(homeworkWords.forClients(clinic.id(), event.getUI().getLocale()));
        }
        TextField name = new TextField(getTranslation("invite.name"));
        name.setId("name");
        name.setWidthFull();
        name.setMaxLength(120);
        name.setValue(invitation.displayName());
        PasswordField password = FormFields.newPassword(getTranslation("invite.password"), "password",
                getTranslation("password.help", PasswordPolicy.MIN_LENGTH), PasswordPolicy.MAX_LENGTH);
        Forms.FormAlert alert = new Forms.FormAlert();
        Map<String, HasValidation> fields = Map.of("name", name, "password", password);
        Button accept = new Button(getTranslation("invite.submit"));
        accept.setId("accept-invitation");
        accept.addThemeVariants(ButtonVariant.PRIMARY);
        accept.setWidthFull();
        accept.addClickListener(e -> {
            Forms.submit(fields, alert, this, () -> {
                HomewardUser user = invitations.accept(clinic.slug(), token, name.getValue(), password.getValue());
                String next = sessions.establish(user);
                getUI().ifPresent(ui -> ui.getPage().setLocation(next));
            });
        });
        // a client is invited to their homework portal; staff join the clinic's team
        Paragraph intro = invitation.role() == Role.CLIENT
                ? new Paragraph(getTranslation("invite.client.intro", invitation.clinicName(), invitation.email()))
                : new Paragraph(getTranslation("invite.intro", invitation.clinicName(),
                        getTranslation("role." + invitation.role().name()), invitation.email()));
        intro.setId("invite-intro");
        addToCard(title(getTranslation(invitation.role() == Role.CLIENT ? "invite.client.title" : "invite.title")),
                intro, alert, name, password, accept);
    }
}
