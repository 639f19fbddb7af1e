/** Homework screens: the therapist's caseload, plans and review; the client's today, homework and progress. */
package app.homeward.homework.ui;
