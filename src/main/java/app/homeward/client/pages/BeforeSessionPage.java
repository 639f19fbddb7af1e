package app.homeward.client.pages;

import app.homeward.homework.MeasureHistory;
import app.homeward.homework.adherence.ClientAdherence;
import app.homeward.homework.review.BeforeSession;

import java.util.List;

/**
 * Everything /app/clients/{id}/before-session shows, read at once ({@link ClientPages#beforeSession}): what
 * happened since the chosen day, and adherence over the default window below it, each measure's chart on its own
 * scale with its bands and cut-off ({@code measures}).
 */
public record BeforeSessionPage(BeforeSession review, ClientAdherence adherence, List<MeasureHistory> measures) {
}
