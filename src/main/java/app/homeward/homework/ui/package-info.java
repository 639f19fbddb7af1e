/**
 * Homework screens: the therapist's plans and review; the client's today, homework and progress. The
 * pieces the client pages embed (the assign dialog, the adherence panel, formatting) are its named interface.
 */
@org.springframework.modulith.NamedInterface("ui")
package app.homeward.homework.ui;
