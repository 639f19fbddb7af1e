package app.homeward.safety;

import app.homeward.base.ClinicSetting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/** What the clinic's clients see of their own scores (one row per clinic at most; none: the default). */
@Entity
@Table(name = "score_policy")
class ScorePolicy extends ClinicSetting {

    @Enumerated(EnumType.STRING)
    @Column(name = "client_scores", nullable = false, length = 20)
    private ClientScores clientScores;

    protected ScorePolicy() {
    }

    ScorePolicy(ClientScores clientScores, Instant now) {
        change(clientScores, now);
    }

    void change(ClientScores clientScores, Instant now) {
        this.clientScores = clientScores;
        changedAt(now);
    }

    ClientScores getClientScores() { return clientScores; }
}
