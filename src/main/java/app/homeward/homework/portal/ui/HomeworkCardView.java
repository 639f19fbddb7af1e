package app.homeward.homework.portal.ui;

import app.homeward.base.Dates;
import app.homeward.homework.Obstacle;
import app.homeward.homework.OccurrenceState;
import app.homeward.homework.portal.HomeworkCard;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A homework card as the client sees it: the rationale first (why it helps), then the plan
 * (what, when, where), then what might get in the way and the backup plan. Research on homework
 * adherence puts the "why" before the "what"; the card follows that order everywhere.
 */
class HomeworkCardView extends Div {

    /** @param clock the application clock: "today" and "tomorrow" are the client's, at the clock's now */
    HomeworkCardView(HomeworkCard card, boolean withPlan, Clock clock) {
        addClassName("homework-card");
        addClassName("homework-card--" + card.state().name().toLowerCase(Locale.ROOT));
        H3 title = new H3(card.title());
        Span state = new Span(getTranslation(card.state().messageKey()));
        state.addClassName("badge");
        state.addClassName("badge--" + card.state().name().toLowerCase(Locale.ROOT));
        Span due = new Span(due(card, clock));
        due.addClassName("homework-due");
        Div head = new Div(title, state);
        head.addClassName("homework-card-head");
        add(head);
        if (card.ladderStepCard()) {
            Span step = new Span(getTranslation("portal.ladder.step", card.ladderStep(), card.ladderSize()));
            step.addClassName("homework-step");
            step.addClassName("badge");
            add(step);
        }
        add(due);
        if (!card.goal().isBlank()) {
            // the client's own goal first: homework tied to what they want is homework that gets done
            Paragraph goal = new Paragraph(getTranslation("portal.card.goal", card.goal()));
            goal.addClassName("homework-goal");
            add(goal);
        }
        Div why = new Div(new Span(getTranslation("worksheet.why")), new Paragraph(card.rationale()));
        why.addClassName("homework-why");
        add(why);
        if (withPlan) {
            plan(card);
        }
        if (card.nextStepWaiting() && !card.state().finished()) {
            Paragraph next = new Paragraph(getTranslation("portal.ladder.next"));
            next.addClassName("homework-next-step");
            next.addClassName("quiet");
            add(next);
        }
    }

    private void plan(HomeworkCard card) {
        Div plan = new Div();
        plan.addClassName("homework-plan");
        line(plan, "portal.plan.what", card.what());
        line(plan, "portal.plan.when", card.when());
        line(plan, "portal.plan.where", card.where());
        if (!card.obstacles().isEmpty() || !card.backupPlan().isBlank()) {
            String obstacles = card.obstacles().stream().map(o -> o == Obstacle.OTHER && !card.obstacleOther().isBlank()
                    ? card.obstacleOther() : getTranslation(o.messageKey())).collect(Collectors.joining(", "));
            line(plan, "portal.plan.obstacles", obstacles);
            line(plan, "portal.plan.backup", card.backupPlan());
        }
        if (plan.getComponentCount() > 0) {
            add(plan);
        }
    }

    private void line(Div plan, String labelKey, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Paragraph p = new Paragraph();
        Span label = new Span(getTranslation(labelKey) + " ");
        label.addClassName("plan-label");
        p.add(label, new Span(text));
        plan.add(p);
    }

    private String due(HomeworkCard card, Clock clock) {
        LocalDate day = card.due().toLocalDate();
        LocalDate today = LocalDate.ofInstant(clock.instant(), card.due().getZone());
        String time = Dates.time(card.due().toLocalTime(), getLocale());
        if (day.equals(today)) {
            return getTranslation("portal.due.today", time);
        }
        if (day.equals(today.plusDays(1))) {
            return getTranslation("portal.due.tomorrow", time);
        }
        String date = Dates.weekday(day, getLocale());
        return card.state() == OccurrenceState.MISSED || day.isBefore(today)
                ? getTranslation("portal.due.was", date, time) : getTranslation("portal.due.on", date, time);
    }
}
