package app.homeward.client.pages;

import app.homeward.homework.adherence.ClientAdherence;
import app.homeward.homework.review.BeforeSession;

/**
 * Everything /app/clients/{id}/before-session shows, read at once ({@link ClientPages#beforeSession}): what
 * happened since the chosen day, and adherence over the default window below it.
 */
public record BeforeSessionPage(BeforeSession review, ClientAdherence adherence) {
}
