package app.homeward.client;

public enum GoalStatus {
    ACTIVE, ACHIEVED, DROPPED
}
