/**
 * What the staff's client pages show, each page as one value read in one read-only transaction: the
 * client's page ({@link app.homeward.client.pages.ClientPage}) and the before-session summary. A module
 * of its own beside {@code client.ui}, for the same reason: it composes the features built on a client
 * (homework, adherence, audit), so it sits above them; and it is transactional, which a {@code ui}
 * package may not be. Only {@code client.ui} uses it (decision 0038).
 */
@org.springframework.modulith.ApplicationModule
package app.homeward.client.pages;
