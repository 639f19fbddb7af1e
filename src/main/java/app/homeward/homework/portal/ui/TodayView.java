package app.homeward.homework.portal.ui;

import app.homeward.base.DomainException;
import app.homeward.base.ui.ButtonNames;
import app.homeward.base.ui.Forms;
import app.homeward.homework.ChangeReason;
import app.homeward.homework.EntryState;
import app.homeward.homework.OccurrenceState;
import app.homeward.homework.portal.ChoiceCard;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.HomeworkCard;
import app.homeward.homework.portal.TodayPage;
import app.homeward.homework.portal.TodayService;
import app.homeward.security.CurrentUser;
import app.homeward.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** /my: the client's home on their phone. What is due now, what is overdue, what is coming this week. */
@Route("my")
@Menu(title = "nav.home", order = 0, icon = "HOME")
@RolesAllowed(Role.CLIENT_NAME)
public class TodayView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    // public: the ladder and choice view test (homework.ui) follows a choice from the assign dialog to this page
    public final Paragraph zoneNote = new Paragraph();
    public final Div choices = new Div();

    private final TodayService todayService;
    private final EntryService entryService;
    private final Clock clock;

    public TodayView(TodayService todayService, EntryService entryService, Clock clock) {
        this.todayService = todayService;
        this.entryService = entryService;
        this.clock = clock;
        addClassName("page");
        addClassName("today-page");
        zoneNote.setId("today-zone");
        zoneNote.addClassName("quiet");
        choices.setId("today-choices");
        choices.addClassName("today-section");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render(todayService.today());
    }

    private void render(TodayPage today) {
        removeAll();
        H1 hello = new H1(getTranslation("home.client.hello", CurrentUser.require().displayName()));
        hello.setId("home-title");
        add(hello);
        if (today.crisis() != null) {
            // until a clinician acknowledges the alert, the words of the dialog stay here, above everything else
            Div banner = new Div(new CrisisText("portal.crisis.banner", today.crisis().clinicMessage()));
            banner.setId("crisis-banner");
            banner.addClassName("crisis-banner");
            banner.getElement().setAttribute("role", "status");
            add(banner);
        }
        if (today.empty()) {
            Div empty = new Div(new Paragraph(getTranslation("home.client.empty")));
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        if (today.zone() != null) {
            // due times are in the client's own zone, which may not be the one this phone or browser is in
            zoneNote.setText(getTranslation("portal.today.zone",
                    today.zone().getDisplayName(TextStyle.FULL, getLocale()), today.zone().getId()));
            add(zoneNote);
        }
        choices(today.choices());
        section("portal.today.now", "portal.today.now.empty", today.dueNow(), true);
        if (!today.overdue().isEmpty()) {
            section("portal.today.overdue", null, today.overdue(), true);
        }
        section("portal.today.coming", "portal.today.coming.empty", today.comingUp(), false);
    }

    /** "Choose your homework": first, since nothing is planned until the client picks. */
    private void choices(List<ChoiceCard> open) {
        choices.removeAll();
        if (open.isEmpty()) {
            return;
        }
        choices.add(new H2(getTranslation("portal.choice.title")));
        for (ChoiceCard choice : open) {
            Div card = new Div();
            card.addClassName("homework-card");
            card.addClassName("choice-card");
            Paragraph intro = new Paragraph(getTranslation("portal.choice.intro"));
            card.add(intro);
            if (!choice.rationale().isBlank()) {
                Div why = new Div(new Span(getTranslation("worksheet.why")), new Paragraph(choice.rationale()));
                why.addClassName("homework-why");
                card.add(why);
            }
            for (ChoiceCard.Option option : choice.options()) {
                Div item = new Div();
                item.addClassName("choice-option");
                H3 title = new H3(option.title());
                Paragraph why = new Paragraph(firstSentence(option.why()));
                why.addClassName("choice-why");
                Button pick = new Button(getTranslation("portal.choice.pick"), e -> choose(choice, option));
                pick.addThemeVariants(ButtonVariant.PRIMARY);
                ButtonNames.of(pick, option.title());
                pick.addClassName("choice-pick");
                item.add(title, why, pick);
                card.add(item);
            }
            Paragraph when = new Paragraph(getTranslation("portal.choice.when"));
            when.addClassName("quiet");
            card.add(when);
            choices.add(card);
        }
        add(choices);
    }

    private void choose(ChoiceCard choice, ChoiceCard.Option option) {
        try {
            todayService.choose(choice.assignmentId(), option.id());
            Forms.notifyClientSuccess(getTranslation("portal.choice.done", option.title()));
        } catch (DomainException problem) {
            Forms.notifyClientError(getTranslation(problem.messageKey(), problem.arguments()));
        }
        render(todayService.today());
    }

    /** The first sentence of a worksheet's "why this helps": one line to choose by. */
    static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.strip();
        int end = clean.indexOf(". ");
        return end < 0 ? clean : clean.substring(0, end + 1);
    }

    private void section(String titleKey, String emptyKey, List<HomeworkCard> cards, boolean withPlan) {
        if (cards.isEmpty() && emptyKey == null) {
            return;
        }
        Div section = new Div(new H2(getTranslation(titleKey)));
        section.addClassName("today-section");
        if (cards.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation(emptyKey));
            empty.addClassName("quiet");
            section.add(empty);
        }
        for (HomeworkCard card : cards) {
            HomeworkCardView view = new HomeworkCardView(card, withPlan, clock);
            Button open = new Button(getTranslation(action(card)), e -> UI.getCurrent().navigate(DoHomeworkView.class,
                    new RouteParameters("occurrence", card.occurrenceId().toString())));
            open.addClassName("homework-open");
            if (!card.state().finished()) {
                open.addThemeVariants(ButtonVariant.PRIMARY);
            }
            Button change = new Button(getTranslation("portal.change.ask"), e -> askForChange(card));
            change.addThemeVariants(ButtonVariant.TERTIARY);
            Div actions = new Div(open, change);
            actions.addClassName("homework-actions");
            view.add(actions);
            section.add(view);
        }
        add(section);
    }

    private static String action(HomeworkCard card) {
        if (card.entryState() == EntryState.SUBMITTED || card.state().finished()) {
            return "portal.open.view";
        }
        if (card.entryState() == EntryState.DRAFT) {
            return "portal.open.continue";
        }
        return card.state() == OccurrenceState.UPCOMING ? "portal.open.early" : "portal.open.start";
    }

    /** "Ask for a change": too hard, not now, unclear, other — with a note; it reaches the therapist. */
    private void askForChange(HomeworkCard card) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("portal.change.title"));
        RadioButtonGroup<ChangeReason> reason = new RadioButtonGroup<>(getTranslation("portal.change.reason"));
        reason.setItems(ChangeReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("portal.change.reason." + r.name().toLowerCase(Locale.ROOT)));
        reason.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        TextArea note = new TextArea(getTranslation("portal.change.note"));
        note.setMaxLength(1000);
        note.setWidthFull();
        Forms.FormAlert alert = new Forms.FormAlert();
        Button send = new Button(getTranslation("portal.change.send"), e -> {
            try {
                entryService.requestChange(card.assignmentId(), reason.getValue(), note.getValue());
                dialog.close();
                Forms.notifyClientSuccess(getTranslation("portal.change.sent"));
            } catch (DomainException problem) {
                Forms.show(problem, Map.of("reason", reason, "note", note), alert, this);
            }
        });
        send.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new Paragraph(getTranslation("portal.change.intro", card.title())), alert, reason, note);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · Homeward";
    }
}
