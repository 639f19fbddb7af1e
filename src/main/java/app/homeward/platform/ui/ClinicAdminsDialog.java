package app.homeward.platform.ui;

import app.homeward.base.ui.Forms;
import app.homeward.platform.PlatformService.ClinicOverview;
import app.homeward.security.SecondFactorService;
import app.homeward.security.SecondFactorService.ClinicAdmin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import java.util.List;

/** The operator's view of one clinic's admins: whose two-step sign-in is on, and a reset after a lost phone. */
class ClinicAdminsDialog extends Dialog {

    private final SecondFactorService secondFactors;
    private final ClinicOverview clinic;
    private final Div list = new Div();

    ClinicAdminsDialog(SecondFactorService secondFactors, ClinicOverview clinic) {
        this.secondFactors = secondFactors;
        this.clinic = clinic;
        setId("clinic-admins-dialog");
        setHeaderTitle(getTranslation("second-factor.platform.dialog.title", clinic.name()));
        list.addClassName("clinic-admins");
        Button close = new Button(getTranslation("second-factor.platform.close"), e -> close());
        close.setId("close-admins");
        getFooter().add(close);
        add(new Paragraph(getTranslation("second-factor.platform.dialog.intro")), list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<ClinicAdmin> admins = secondFactors.clinicAdmins(clinic.id());
        if (admins.isEmpty()) {
            list.add(new Paragraph(getTranslation("second-factor.platform.none")));
        }
        for (ClinicAdmin admin : admins) {
            Span who = new Span(admin.displayName() + " · " + admin.email());
            who.addClassName("clinic-admin-name");
            Span state = new Span(getTranslation(admin.secondFactorOn() ? "second-factor.platform.on"
                    : "second-factor.platform.off"));
            Div row = new Div(who, state);
            row.addClassName("clinic-admin");
            if (admin.secondFactorOn()) {
                Button reset = new Button(getTranslation("second-factor.staff.reset"), e -> confirmReset(admin));
                reset.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
                reset.addClassName("reset-second-factor");
                row.add(reset);
            }
            list.add(row);
        }
    }

    private void confirmReset(ClinicAdmin admin) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("second-factor.staff.reset.title"),
                getTranslation("second-factor.staff.reset.body", admin.displayName()),
                getTranslation("second-factor.staff.reset"), ok -> {
            secondFactors.resetClinicAdmin(clinic.id(), admin.id());
            Forms.notifySuccess(getTranslation("second-factor.staff.reset.done", admin.displayName()));
            refresh();
        });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
