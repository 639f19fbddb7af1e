package app.homeward.homework.adherence.ui;

import app.homeward.base.Dates;
import app.homeward.homework.MeasureHistory;
import app.homeward.homework.adherence.MeasureTexts;
import app.homeward.homework.ui.Charts;
import app.homeward.worksheet.ReliableChange;
import app.homeward.worksheet.Scoring;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

import java.util.List;
import java.util.Locale;

/**
 * One measure over time, as a clinician reads it: whether the change from the first to the latest score is
 * reliable (and whether the client recovered), the scores on the measure's own scale with its bands and
 * cut-off, and the same per subscale (DASS-21). The chart's table says the same in words.
 */
final class MeasureCard extends Div {

    MeasureCard(MeasureHistory measure) {
        addClassName("measure-card");
        add(new H3(measure.title()));
        Paragraph change = new Paragraph(changeText(measure.change(), measure.scoring().cutoff(), this));
        change.addClassName("measure-change");
        change.addClassName("measure-change--" + measure.change().outcome().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'));
        add(change);
        add(scaleNote(measure.scoring().bands(), measure.scoring().cutoff(), this));
        List<String> days = measure.points().stream().map(p -> Dates.shortDate(p.day(), getLocale(), null)).toList();
        add(Charts.measureChart(getTranslation("measures.caption", measure.title()), days,
                getTranslation("measures.score"), measure.totals(),
                measure.points().stream().map(MeasureHistory.Point::band).toList(), measure.min(), measure.max(),
                measure.scoring().bands(), measure.scoring().cutoff(), getTranslation("measures.band"),
                getTranslation("measures.cutoff.short")));
        for (MeasureHistory.SubscaleHistory sub : measure.subscales()) {
            Scoring.Subscale s = sub.subscale();
            add(new H4(s.label()));
            Paragraph subChange = new Paragraph(changeText(sub.change(), s.cutoff(), this));
            subChange.addClassName("measure-change");
            add(subChange);
            List<String> bands = sub.scores().stream().map(v -> v == null ? null : s.bands().stream()
                    .filter(b -> b.min() <= v && v <= b.max()).map(Scoring.Band::label).findFirst().orElse(null)).toList();
            add(Charts.measureChart(getTranslation("measures.caption", measure.title() + " · " + s.label()), days,
                    getTranslation("measures.score"), sub.scores(), bands, sub.min(), sub.max(), s.bands(), s.cutoff(),
                    getTranslation("measures.band"), getTranslation("measures.cutoff.short")));
        }
    }

    private static String changeText(ReliableChange change, Integer cutoff, Component t) {
        return MeasureTexts.change(change, cutoff, t::getTranslation);
    }

    private static Paragraph scaleNote(List<Scoring.Band> bands, Integer cutoff, Component t) {
        String note = MeasureTexts.scale(bands, cutoff, null, null, t::getTranslation);
        Paragraph p = new Paragraph(note);
        p.addClassName("measure-scale");
        p.setVisible(!note.isEmpty());
        return p;
    }
}
