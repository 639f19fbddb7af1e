package app.homeward.staff.ui;

import app.homeward.security.AccountService.StaffMember;
import app.homeward.security.AccountSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Deactivating someone who still has clients: the admin names who takes them over (their open alerts follow
 * them), then the account is deactivated. Nobody's clients are left with a therapist who cannot be reached.
 */
class HandOverDialog extends Dialog {

    final Select<StaffMember> successor = new Select<>();
    final Button confirm = new Button();

    HandOverDialog(AccountSummary leaving, int clients, List<StaffMember> colleagues, Consumer<UUID> deactivate) {
        setHeaderTitle(getTranslation("staff.handover.title", leaving.displayName()));
        setId("handover-dialog");
        Paragraph explain = new Paragraph(getTranslation("staff.handover.body", leaving.displayName(), clients));
        successor.setLabel(getTranslation("staff.handover.successor"));
        successor.setId("handover-successor");
        successor.setItems(colleagues.stream().filter(c -> !c.id().equals(leaving.id())).toList());
        successor.setItemLabelGenerator(StaffMember::displayName);
        successor.setEmptySelectionAllowed(false);
        successor.setWidthFull();
        confirm.setText(getTranslation("staff.handover.confirm"));
        confirm.setId("handover-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.addClickListener(e -> {
            if (successor.getValue() == null) {
                successor.setInvalid(true);
                successor.setErrorMessage(getTranslation("staff.handover.successor.required"));
                return;
            }
            close();
            deactivate.accept(successor.getValue().id());
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        add(explain, successor);
        getFooter().add(cancel, confirm);
        addClassName("dialog-form");
    }
}
