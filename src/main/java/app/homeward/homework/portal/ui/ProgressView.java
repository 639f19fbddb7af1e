package app.homeward.homework.portal.ui;

import app.homeward.base.Dates;
import app.homeward.homework.portal.ProgressService;
import app.homeward.homework.portal.ProgressService.PastEntry;
import app.homeward.homework.portal.Progress;
import app.homeward.homework.ui.Charts;
import app.homeward.safety.ClientScores;
import app.homeward.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/** /my/progress: the client's own past entries, newest first, with the therapist's feedback marked. */
@Route("my/progress")
@Menu(title = "nav.progress", order = 50, icon = "CHART")
@RolesAllowed(Role.CLIENT_NAME)
public class ProgressView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ProgressService progressService;

    public ProgressView(ProgressService progressService) {
        this.progressService = progressService;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("portal.progress.title")));
        event.getUI().getPage().addJavaScript(Charts.SCRIPT);
        var progress = progressService.progress();
        if (progress.weeks().stream().anyMatch(w -> w.due() > 0)) {
            add(new H2(getTranslation("portal.progress.weeks")));
            if (progress.nothingDoneYet()) {
                // a new client: a welcome, not a chart of zeros
                Div welcome = new Div(new Paragraph(getTranslation("portal.progress.welcome")));
                welcome.addClassName("empty-state");
                welcome.setId("progress-welcome");
                add(welcome);
            } else {
                add(streaks(progress.streaks()));
                var labels = progress.weeks().stream().map(w -> Dates.shortDate(w.start(), getLocale(), null)).toList();
                var series = new LinkedHashMap<String, List<Integer>>();
                series.put(getTranslation("occurrence.done"), progress.weeks().stream().map(w -> w.done()).toList());
                series.put(getTranslation("occurrence.partial"), progress.weeks().stream().map(w -> w.partial()).toList());
                add(Charts.chart("bar", getTranslation("portal.progress.weeks.caption"), labels, series, true));
            }
        }
        // what the clinic lets its clients see: nothing, the score with what it means, or score and band
        boolean bands = progress.clientScores() == ClientScores.SCORE_AND_BAND;
        for (var measure : progress.measures()) {
            add(new H2(getTranslation("portal.progress.measure", measure.title())));
            if (measure.max() != null) {
                Paragraph meaning = new Paragraph(getTranslation("portal.progress.meaning", measure.latest().total(),
                        measure.max()));
                meaning.addClassName("measure-meaning");
                add(meaning);
            }
            List<String> days = measure.points().stream().map(p -> Dates.shortDate(p.day(), getLocale(), p.day())).toList();
            add(Charts.measureChart(getTranslation("portal.progress.measure.caption", measure.title()), days,
                    getTranslation("portal.progress.score-label"), measure.totals(),
                    measure.points().stream().map(p -> bands ? p.band() : null).toList(), measure.min(), measure.max(),
                    bands ? measure.scoring().bands() : List.of(), null, getTranslation("measures.band"), ""));
        }
        List<PastEntry> history = progressService.history();
        add(new Paragraph(getTranslation("portal.progress.count", history.size())));
        if (history.isEmpty()) {
            Div empty = new Div(new Paragraph(getTranslation("portal.progress.empty")));
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        add(new H2(getTranslation("portal.progress.entries")));
        for (PastEntry past : history) {
            Div row = new Div();
            row.addClassName("history-row");
            RouterLink link = new RouterLink(past.title(), DoHomeworkView.class,
                    new RouteParameters("occurrence", past.occurrenceId().toString()));
            row.add(link, new Span(Dates.dateTime(past.submittedAt().toInstant(), past.submittedAt().getZone(), getLocale())));
            if (past.percentDone() != null && past.percentDone() < 100) {
                row.add(new Span(getTranslation("portal.progress.partial", past.percentDone())));
            }
            if (past.score() != null && progress.clientScores() != ClientScores.NOTHING) {
                row.add(new Span(getTranslation("portal.progress.score", past.score(),
                        past.band() == null || !bands ? "" : past.band()).strip()));
            }
            if (past.hasFeedback()) {
                Span feedback = new Span(getTranslation("portal.progress.feedback"));
                feedback.addClassName("badge");
                row.add(feedback);
            }
            add(row);
        }
    }

    /** Each plan's streak in its own rhythm ("4 weeks in a row"), or an invitation to start one. */
    private Div streaks(List<Progress.Streak> streaks) {
        Div box = new Div();
        box.addClassName("streak");
        box.setId("progress-streaks");
        if (streaks.isEmpty()) {
            box.add(new Paragraph(getTranslation("portal.progress.streak.none")));
            return box;
        }
        for (Progress.Streak streak : streaks) {
            box.add(new Paragraph(getTranslation("portal.progress.streak." + streak.rhythm().name().toLowerCase(Locale.ROOT),
                    streak.title(), streak.count())));
        }
        box.add(new Paragraph(getTranslation("portal.progress.streak.forgiving")));
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.progress.title") + " · Homeward";
    }
}
