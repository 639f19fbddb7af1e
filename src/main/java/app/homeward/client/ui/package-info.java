/**
 * The staff's client pages: the caseload (/app/clients), one client's page (/app/clients/{id}), the
 * before-session summary and the client's details dialog. They show what the features built on a client
 * (homework, adherence, reminders, audit) hold about that person, so they sit above those features: a
 * module of their own inside {@code client}, which the features below link to by address only.
 */
@org.springframework.modulith.ApplicationModule
package app.homeward.client.ui;
